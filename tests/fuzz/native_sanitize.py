"""Run the C line pass under AddressSanitizer and UBSan (``make sanitize``).

Feeds every corpus file (in 64-byte and 1 MB chunks, with and without decoding) and a few
thousand randomly damaged copies through ``redovisa.ledger._native`` built with
``-fsanitize=address,undefined``; any memory error or undefined behaviour aborts the run.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from redovisa.ledger import native


def feed_all(data: bytes, table: tuple[bytes, ...] | None, size: int) -> None:
    parser = native.new_parser(table)
    for i in range(0, max(len(data), 1), size):
        if parser.feed(data[i : i + size], i + size >= len(data)) is None:
            return
    parser.totals()


def main(corpus: Path) -> int:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    table = native.decode_table("cp437")
    for path in files:
        data = path.read_bytes()
        for t in (None, table):
            for size in (64, 1 << 20):
                feed_all(data, t, size)
    rng = random.Random(1)
    seeds = [p.read_bytes()[:4000] for p in files if p.suffix.lower() in {".se", ".si"}][:20]
    runs = 0
    for seed in seeds:
        for _ in range(200):
            damaged = bytearray(seed)
            for _ in range(rng.randint(1, 20)):
                if damaged:
                    damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            feed_all(bytes(damaged), table if runs % 2 else None, rng.choice((7, 100, 1 << 20)))
            runs += 1
    print(f"native pass under sanitizers: {len(files)} corpus files, {runs} damaged copies: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/sie-corpus")))

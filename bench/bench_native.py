"""Time the native C line pass alone on the 1 M-row bench file (no DuckDB, no reader).

    .venv/bin/python bench/bench_native.py [--runs 5] [FILE]

Prints the best and the median CPU time of feeding the whole file to
``redovisa.ledger._native`` in the import's chunk sizes, and the rows and vouchers it found.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from redovisa.ledger import native, native_pass

DEFAULT = Path(__file__).parent / "data" / "ledger-1m.se"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not native.available():
        raise SystemExit("the C pass is not built (pip install -e . with gcc present)")
    chunks = list(native_pass.chunks(args.file))  # read once: time the pass, not the disk
    times: list[float] = []
    rows = 0
    for _ in range(args.runs):
        parser = native.new_parser(native.decode_table("cp437"))
        start = time.process_time()
        rows = 0
        for chunk, final in chunks:
            batch = parser.feed(chunk, final)
            if batch is None:
                raise SystemExit(f"not taken: {parser.reason}")
            rows += batch["n_postings"]
        parser.totals()
        times.append(time.process_time() - start)
    size = sum(len(c) for c, _ in chunks) / 2**20
    print(
        f"native pass over {args.file.name} ({size:.0f} MB, {rows:,} rows, "
        f"{parser.vouchers:,} vouchers): best {min(times):.3f} s, "
        f"median {statistics.median(times):.3f} s CPU of {len(times)} runs"
    )


if __name__ == "__main__":
    main()

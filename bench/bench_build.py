"""Benchmark: build the Lystkom example in every format (issue 4 asks for under 5 s).

Run: ``.venv/bin/python bench/bench_build.py [--runs N]``. Each run is a fresh Python
process (imports included, as a user's ``redovisa build`` pays them); prints wall and CPU
time per run and the best, and exits 1 when the best wall time is 5 s or more.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lystkom-2024-06"
LIMIT_S = 5.0
CHILD = """
import sys, time
from pathlib import Path
t0 = time.perf_counter(); c0 = time.process_time()
from redovisa.report.publication import build_publication
from redovisa.render import RENDERERS, write_all
pub, diags = build_publication(Path(sys.argv[1]))
paths = write_all(pub, Path(sys.argv[2]), list(RENDERERS))
print(f"{time.perf_counter() - t0:.3f} {time.process_time() - c0:.3f} {len(paths)}")
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    walls = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(EXAMPLE), out],
                capture_output=True,
                text=True,
                check=True,
            )
            process = time.perf_counter() - started
            wall, cpu, files = done.stdout.split()
            walls.append(process)
            print(
                f"run {i + 1}: {files} files, in-process {wall} s (cpu {cpu} s), "
                f"whole process {process:.3f} s"
            )
    best = min(walls)
    print(f"best whole-process time: {best:.3f} s (limit {LIMIT_S} s)")
    return 0 if best < LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())

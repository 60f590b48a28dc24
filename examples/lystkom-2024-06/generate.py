"""Generate the Lystkom example's data: SIE 4 ledgers, budget, forecast, expected figures.

Usage (from the repository root, with the project's venv)::

    python examples/lystkom-2024-06/generate.py            # plan.csv -> data/, expected figures
    python examples/lystkom-2024-06/generate.py --out DIR  # write into DIR instead
    python examples/lystkom-2024-06/generate.py --plan     # solve plan.csv again (SciPy)

Everything is deterministic: the same plan gives byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from lystkom_gen import planner  # noqa: E402
from lystkom_gen.books import build_books  # noqa: E402
from lystkom_gen.output import write_all  # noqa: E402

PLAN = HERE / "lystkom_gen" / "plan.csv"
SEED = HERE.parent.parent.parent / "shared" / "seed" / "seed-figures.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="example folder to write into")
    parser.add_argument("--plan", action="store_true", help="solve plan.csv again (SciPy)")
    parser.add_argument("--seed", type=Path, default=SEED, help="seed-figures.csv")
    args = parser.parse_args(argv)
    seed = planner.read_seed(args.seed) if args.seed.is_file() else None
    if args.plan:
        if seed is None:
            parser.error(f"{args.seed} not found")
        planner.write_plan(planner.solve(seed), PLAN)
    plan = planner.load_plan(PLAN)
    for path in write_all(plan, build_books(plan), args.out, seed):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Planner: seed figures in tkr -> exact plan amounts in öre (``plan.csv``).

Every figure of the seed's financial tables is a linear expression over the plan
items (:mod:`lystkom_gen.model`). The figure the report shows is that expression
rounded to tkr, half away from zero. The planner looks for öre amounts, near the
guesses, for which every shown figure equals its target: the seed's figure, or the
corrected figure where the seed contradicts itself (``Figure.target``).

Rounding in the seed is not always consistent (a sum printed one tkr off the sum of
its printed parts, the same amount printed differently in two tables). So the search
minimises the weighted number of missed figures (statements weigh more than notes)
with a seeded min-conflicts local search; figures it cannot meet are then off by one
tkr, which :func:`check` verifies and ``expected-figures.csv`` records.

Run ``python generate.py --plan`` to search again; the search is deterministic.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from lystkom_gen.items import ITEMS, TKR
from lystkom_gen.model import FIGURES

__all__ = [
    "SeedFigure",
    "check",
    "load_plan",
    "read_seed",
    "solve",
    "to_tkr",
    "write_plan",
]


@dataclass(frozen=True, slots=True)
class SeedFigure:
    """One row of ``seed-figures.csv``."""

    table: str
    row: int
    label: str
    note: str
    col: int
    col_label: str
    value: str


def read_seed(path: Path) -> list[SeedFigure]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            SeedFigure(
                r["table"],
                int(r["row_index"]),
                r["label"],
                r["note"],
                int(r["col_index"]),
                r["col_label"],
                r["value"],
            )
            for r in csv.DictReader(fh)
        ]


def to_tkr(ore: int) -> int:
    """Round öre to tkr, half away from zero."""
    if ore >= 0:
        return (ore + TKR // 2) // TKR
    return -((-ore + TKR // 2) // TKR)


def _interval(target: int) -> tuple[int, int]:
    """The öre amounts (inclusive) that round to ``target`` tkr."""
    half = TKR // 2
    if target > 0:
        return target * TKR - half, target * TKR + half - 1
    if target < 0:
        return target * TKR - half + 1, target * TKR + half
    return -half + 1, half - 1


def targets(seed: list[SeedFigure]) -> dict[tuple[str, int, int], int]:
    """Target tkr per figure: the corrected value where the seed is wrong, else the seed's."""
    out: dict[tuple[str, int, int], int] = {}
    for s in seed:
        fig = FIGURES.get((s.table, s.row, s.col))
        if fig is None or fig.expr is None:
            continue
        out[(s.table, s.row, s.col)] = (
            fig.target if fig.target is not None else round(float(s.value))
        )
    return out


def solve(seed: list[SeedFigure], rng_seed: int = 2024, margin: int = 1_000) -> dict[str, int]:
    """Plan amounts (öre) that meet the most (weighted) figure targets, as a MILP.

    Variables: each plan item moves from its guess in steps of ``Item.step`` öre,
    at most ``Item.room`` tkr. Each figure has a binary "missed" variable that
    relaxes its rounding interval; the objective minimises the weighted misses
    first, then the distance to a jittered guess (so amounts look like real
    totals, not round numbers or interval edges). A met figure keeps ``margin``
    öre from the edges of its rounding interval. Needs SciPy (HiGHS); only the
    planner does, the committed ``plan.csv`` is what the generator reads.
    """
    import numpy as np  # noqa: PLC0415 - planner-only dependency
    from scipy.optimize import Bounds, LinearConstraint, milp  # noqa: PLC0415

    rng = random.Random(rng_seed)
    goal = targets(seed)
    keys = sorted(goal)
    names = sorted(ITEMS)
    idx = {n: i for i, n in enumerate(names)}
    base: dict[str, int] = {}
    aim: dict[str, int] = {}
    for n in names:
        it = ITEMS[n]
        base[n] = round(it.guess * TKR / it.step) * it.step
        jitter = rng.randint(-30_000, 30_000) if it.step == 1 and it.room > 0 else 0
        aim[n] = base[n] + jitter
    nx, nz = len(names), len(keys)
    # variable vector: k (nx, integer steps), z (nz, binary), d (nx, |x - aim| in tkr)
    nv = 2 * nx + nz
    rows: list[np.ndarray] = []
    lo_b: list[float] = []
    hi_b: list[float] = []
    for j, key in enumerate(keys):
        fig = FIGURES[key]
        assert fig.expr is not None
        lo, hi = _interval(goal[key])
        lo, hi = lo + margin, hi - margin
        at_base = fig.expr.value(base)
        row = np.zeros(nv)
        spread = 0
        for n, coef in fig.expr.coefs.items():
            row[idx[n]] = coef * ITEMS[n].step
            spread += abs(coef) * int(ITEMS[n].room * TKR)
        big = spread + abs(at_base - lo) + abs(at_base - hi) + TKR
        # lo <= at_base + row.k + big*z   and   at_base + row.k - big*z <= hi
        r1 = row.copy()
        r1[nx + j] = big
        rows.append(r1)
        lo_b.append(lo - at_base)
        hi_b.append(np.inf)
        r2 = row.copy()
        r2[nx + j] = -big
        rows.append(r2)
        lo_b.append(-np.inf)
        hi_b.append(hi - at_base)
    for i, n in enumerate(names):
        step, off = ITEMS[n].step, aim[n] - base[n]
        # d >= (step*k - off)/TKR and d >= (off - step*k)/TKR
        r = np.zeros(nv)
        r[i], r[nx + nz + i] = -step / TKR, 1.0
        rows.append(r)
        lo_b.append(-off / TKR)
        hi_b.append(np.inf)
        r = np.zeros(nv)
        r[i], r[nx + nz + i] = step / TKR, 1.0
        rows.append(r)
        lo_b.append(off / TKR)
        hi_b.append(np.inf)
    k_room = [int(ITEMS[n].room * TKR) // ITEMS[n].step for n in names]
    lower = np.array([-k for k in k_room] + [0] * nz + [0] * nx, dtype=float)
    upper = np.array(k_room + [1] * nz + [np.inf] * nx, dtype=float)
    cost = np.array(
        [0.0] * nx + [1000.0 * FIGURES[k].weight for k in keys] + [1.0] * nx,
    )
    integrality = np.array([1] * (nx + nz) + [0] * nx)
    res = milp(
        cost,
        constraints=LinearConstraint(np.array(rows), np.array(lo_b), np.array(hi_b)),
        integrality=integrality,
        bounds=Bounds(lower, upper),
        options={"time_limit": 120},
    )
    if res.x is None:
        raise RuntimeError(f"no plan found: {res.message}")
    return {n: base[n] + round(res.x[idx[n]]) * ITEMS[n].step for n in names}


def check(plan: dict[str, int], seed: list[SeedFigure]) -> list[tuple[SeedFigure, int, int]]:
    """Figures whose shown value differs from the seed: (seed figure, shown, target)."""
    goal = targets(seed)
    out = []
    for s in seed:
        fig = FIGURES.get((s.table, s.row, s.col))
        if fig is None or fig.expr is None:
            continue
        shown = to_tkr(fig.expr.value(plan))
        if shown != round(float(s.value)):
            out.append((s, shown, goal[(s.table, s.row, s.col)]))
    return out


def write_plan(plan: dict[str, int], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("item,ore\n")
        for n in sorted(plan):
            fh.write(f"{n},{plan[n]}\n")


def load_plan(path: Path) -> dict[str, int]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["item"]: int(r["ore"]) for r in csv.DictReader(fh)}

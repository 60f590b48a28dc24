"""Benchmark: every statement of a report from the DuckDB store (issue 3, item 16).

    python bench/bench_statements.py [--rows 5000000] [--runs 5] [--db PATH] [--sie PATH]
                                     [--reimport] [--json out.json]

Data: ``bench/data/ledger-5m.se`` (written by bench/generate.py with ``--seed 1`` when missing)
imported once into ``bench/data/statements-5m.duckdb`` (reused when it already holds the file;
``--reimport`` forces a fresh import). The import is timed once and reported separately.

A run opens the store, builds :class:`redovisa.ledger.aggregates.StoreLedger` (one scan of the
rows into the daily pre-aggregate) and computes every table with
:func:`redovisa.statements.compute_statements` and the default mapping (it places every
account of the synthetic chart; a run fails on any error diagnostic such as MAP001). Two
reports are computed per run, the årsredovisning for the whole year and a delårsrapport to
31 August, with driftredovisning per cost centre (dimension 1) and investeringsredovisning per
project (dimension 6). The figure is the median wall time of ``--runs`` runs (each run a fresh
connection, so nothing is cached between runs except the operating system's file cache); the
process CPU time (all DuckDB threads) is printed too, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from redovisa.coa.load import load_mapping
from redovisa.coa.resolve import Resolver
from redovisa.core.diagnostics import Severity
from redovisa.ledger.aggregates import StoreLedger
from redovisa.ledger.importer import import_sie
from redovisa.ledger.store import MEMORY_LIMIT, LedgerStore
from redovisa.statements import Figures, ReportPeriod, StatementOptions, compute_statements

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
YEAR = 2024


def ensure_sie(path: Path, rows: int) -> None:
    """Generate the synthetic ledger when it is missing."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(HERE / "generate.py"), "--rows", str(rows), "--out", str(path)]
    subprocess.run([*cmd, "--seed", "1", "--year", str(YEAR)], check=True)


def ensure_import(db: Path, sie: Path, reimport: bool) -> float | None:
    """Import ``sie`` into ``db`` unless it is there; the import time in seconds, if done."""
    if reimport:
        for p in (db, db.with_name(db.name + ".wal")):
            p.unlink(missing_ok=True)
    with LedgerStore.open(db) as store:
        if any(Path(i.source_path).name == sie.name for i in store.imports()):
            return None
        t0 = time.perf_counter()
        outcome = import_sie(store, sie, display_path=sie.name)
        elapsed = time.perf_counter() - t0
        if not outcome.imported:
            errors = [d.format_text() for d in outcome.diagnostics if d.is_error][:5]
            raise SystemExit(f"import failed: {errors}")
        return elapsed


def reports() -> list[tuple[str, StatementOptions]]:
    """The two reports a run computes."""
    fy = (date(YEAR, 1, 1), date(YEAR, 12, 31))
    annual = ReportPeriod(fy[0], fy[1], fy[0], fy[1], interim=False)
    interim = ReportPeriod(fy[0], date(YEAR, 8, 31), fy[0], fy[1], interim=True)
    common = {"drift_dimension": "1", "investment_dimension": "6"}
    return [
        ("årsredovisning", StatementOptions(annual, **common)),  # type: ignore[arg-type]
        ("delårsrapport", StatementOptions(interim, **common)),  # type: ignore[arg-type]
    ]


def one_run(
    db: Path, memory_limit: str = MEMORY_LIMIT
) -> tuple[float, float, float, dict[str, object]]:
    """Open the store, build StoreLedger and compute both reports.

    Returns (wall s, CPU s, wall s of building the pre-aggregates, facts).
    """
    mapping, mdiags = load_mapping()
    if any(d.severity is Severity.ERROR for d in mdiags):
        raise SystemExit(f"mapping: {[d.format_text() for d in mdiags]}")
    resolver = Resolver(mapping)
    facts: dict[str, object] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    with LedgerStore.open(db, memory_limit=memory_limit) as store:
        ledger = StoreLedger(store, dimensions=("1", "6"))
        prepared = time.perf_counter() - t0
        for name, options in reports():
            figures = Figures(ledger, mapping, resolver=resolver)
            tables, diags = compute_statements(figures, options)
            errors = [d.format_text() for d in diags if d.severity is Severity.ERROR]
            facts[name] = {
                "tables": len(tables),
                "rows": sum(len(t.rows) for t in tables),
                "errors": errors[:5],
            }
            if errors:
                raise SystemExit(f"{name}: {errors[:5]}")
    return time.perf_counter() - t0, time.process_time() - c0, prepared, facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sie", type=Path, default=None)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--reimport", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--memory-limit", default=MEMORY_LIMIT, help="DuckDB memory_limit")
    args = parser.parse_args(argv)
    tag = f"{args.rows // 1_000_000}m" if args.rows % 1_000_000 == 0 else str(args.rows)
    sie = args.sie or DATA / f"ledger-{tag}.se"
    db = args.db or DATA / f"statements-{tag}.duckdb"
    ensure_sie(sie, args.rows)
    imported = ensure_import(db, sie, args.reimport)
    if imported is not None:
        print(f"import of {sie.name}: {imported:.1f} s", flush=True)
    times, cpus, preps = [], [], []
    facts: dict[str, object] = {}
    for _ in range(args.runs):
        elapsed, cpu, prep, facts = one_run(db, args.memory_limit)
        times.append(elapsed)
        cpus.append(cpu)
        preps.append(prep)
        print(
            f"  run: {elapsed:.3f} s wall ({prep:.3f} s pre-aggregating, {elapsed - prep:.3f} s"
            f" statements), {cpu:.3f} s CPU",
            flush=True,
        )
    median = statistics.median(times)
    print(json.dumps(facts, ensure_ascii=False))
    print(
        f"all statements (årsredovisning + delårsrapport) from {sie.name} via StoreLedger:"
        f" median {median:.3f} s of {len(times)} runs (min {min(times):.3f} s),"
        f" median CPU {statistics.median(cpus):.3f} s; of the wall time, pre-aggregating"
        f" {statistics.median(preps):.3f} s and the statements"
        f" {statistics.median(t - p for t, p in zip(times, preps, strict=True)):.3f} s"
    )
    if args.json:
        out = {
            "sie": sie.name,
            "runs": times,
            "cpu": cpus,
            "pre_aggregating": preps,
            "median": median,
            "facts": facts,
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

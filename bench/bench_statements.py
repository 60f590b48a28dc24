"""Benchmark: every statement of a report from the DuckDB store (issue 3, item 16).

    python bench/bench_statements.py [--rows 5000000] [--runs 5] [--db PATH] [--sie PATH]
                                     [--reimport] [--json out.json]

Data: ``bench/data/ledger-5m.se`` (written by bench/generate.py with ``--seed 1`` when missing)
imported once into ``bench/data/statements-5m.duckdb`` (reused when it already holds the file;
``--reimport`` forces a fresh import). The import is timed once and reported separately.

A run opens the store, builds :class:`redovisa.ledger.aggregates.StoreLedger` (one scan of the
rows into the daily pre-aggregate) and computes every table with
:func:`redovisa.statements.compute_statements` and the default mapping, plus the small
override in :data:`MAPPING` for the synthetic chart's accounts the default mapping leaves out.
Two reports are computed per run, the årsredovisning for the whole year and a delårsrapport to
31 August, with driftredovisning per cost centre (dimension 1) and investeringsredovisning per
project (dimension 6). The figure is the median wall time of ``--runs`` runs (each run a fresh
connection, so nothing is cached between runs except the operating system's file cache).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from redovisa.coa.load import load_mapping
from redovisa.coa.resolve import Resolver
from redovisa.core.diagnostics import Severity
from redovisa.ledger.aggregates import StoreLedger
from redovisa.ledger.importer import import_sie
from redovisa.ledger.store import LedgerStore
from redovisa.statements import Figures, ReportPeriod, StatementOptions, compute_statements

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
YEAR = 2024

MAPPING = """
# Accounts of bench/generate.py's chart that the default mapping does not place.
"""


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


def reports(mapping_file: Path | None) -> list[tuple[str, StatementOptions]]:
    """The two reports a run computes."""
    fy = (date(YEAR, 1, 1), date(YEAR, 12, 31))
    annual = ReportPeriod(fy[0], fy[1], fy[0], fy[1], interim=False)
    interim = ReportPeriod(fy[0], date(YEAR, 8, 31), fy[0], fy[1], interim=True)
    common = {"drift_dimension": "1", "investment_dimension": "6"}
    return [
        ("årsredovisning", StatementOptions(annual, **common)),  # type: ignore[arg-type]
        ("delårsrapport", StatementOptions(interim, **common)),  # type: ignore[arg-type]
    ]


def one_run(db: Path, mapping_file: Path | None) -> tuple[float, dict[str, object]]:
    """Open the store, build StoreLedger and compute both reports; (seconds, facts)."""
    mapping, mdiags = load_mapping(mapping_file)
    if any(d.severity is Severity.ERROR for d in mdiags):
        raise SystemExit(f"mapping: {[d.format_text() for d in mdiags]}")
    resolver = Resolver(mapping)
    facts: dict[str, object] = {}
    t0 = time.perf_counter()
    with LedgerStore.open(db) as store:
        ledger = StoreLedger(store)
        for name, options in reports(mapping_file):
            figures = Figures(ledger, mapping, resolver=resolver)
            tables, diags = compute_statements(figures, options)
            errors = [d.format_text() for d in diags if d.severity is Severity.ERROR]
            facts[name] = {
                "tables": len(tables),
                "rows": sum(len(t.rows) for t in tables),
                "errors": errors[:5],
            }
    return time.perf_counter() - t0, facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sie", type=Path, default=None)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--reimport", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    tag = f"{args.rows // 1_000_000}m" if args.rows % 1_000_000 == 0 else str(args.rows)
    sie = args.sie or DATA / f"ledger-{tag}.se"
    db = args.db or DATA / f"statements-{tag}.duckdb"
    ensure_sie(sie, args.rows)
    imported = ensure_import(db, sie, args.reimport)
    if imported is not None:
        print(f"import of {sie.name}: {imported:.1f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        mapping_file = Path(tmp) / "mapping.toml"
        mapping_file.write_text(MAPPING, encoding="utf-8")
        times = []
        facts: dict[str, object] = {}
        for _ in range(args.runs):
            elapsed, facts = one_run(db, mapping_file)
            times.append(elapsed)
            print(f"  run: {elapsed:.3f} s", flush=True)
    median = statistics.median(times)
    print(json.dumps(facts, ensure_ascii=False))
    print(
        f"all statements (årsredovisning + delårsrapport) from {sie.name} via StoreLedger:"
        f" median {median:.3f} s of {len(times)} runs (min {min(times):.3f} s)"
    )
    if args.json:
        out = {"sie": sie.name, "runs": times, "median": median, "facts": facts}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The seed report: exactly its real inconsistencies are errors (docs/checks.md)."""

from __future__ import annotations

from pathlib import Path

from redovisa.checks import check_file
from redovisa.core.diagnostics import ReportRef, Severity

SEED_ERRORS = {
    ("SUM001", "kassaflodesanalys", "Kassaflöde från drift", "2024-06-30", "6846", "-662"),
    ("SUM001", "kassaflodesanalys", "Kassaflöde från drift", "2023-12-31", "-1298", "1203"),
    (
        "XTAB003",
        "kassaflodesanalys",
        "Justering för av- och nedskrivningar",
        "2023-12-31",
        "11304",  # the cash-flow line adds depreciation back: +11 304
        "-3877",
    ),
    ("XTAB004", "kassaflodesanalys", "Nettoinvesteringar", "2023-12-31", "-9229", "5952"),
    ("XTAB005", "not_2", "Summa verksamhetens kostnader", "2024-06-30", "15856", "15972"),
    ("LBL002", "balansrakning", "- varav årets resultat", "2024-06-30", "1718", "8131"),
    ("LBL002", "balansrakning", "- varav årets resultat", "2023-12-31", "1376", "6413"),
    ("GOAL001", "maluppfyllelse", None, "Prognos per 2024-12-31", "2", "1.71"),
    ("GOAL001", "text", None, None, "2", "1.71"),
}


def test_seed_errors_are_exactly_its_real_inconsistencies(seed_dir: Path) -> None:
    found = check_file(seed_dir / "000_0239ff5df487b9e2.txt")
    errors = set()
    for d in found:
        if d.severity is Severity.INFO:
            continue
        assert isinstance(d.where, ReportRef)
        row = d.where.row if d.code not in ("GOAL001",) else None
        errors.add((d.code, d.where.table, row, d.where.column, d.expected, d.actual))
    assert errors == SEED_ERRORS
    infos = [d for d in found if d.severity is Severity.INFO]
    assert sum(1 for d in infos if d.code == "RND001") == 20
    # note 5 prints the same opening balance (2023-01-01) as −37 094 and −37 093 (XTAB011)
    assert any(
        d.code == "RND001"
        and isinstance(d.where, ReportRef)
        and d.where.row == "Ingående ack avskrivningar"
        and (d.expected, d.actual) == ("-37093", "-37094")
        for d in infos
    )
    assert [d.actual for d in infos if d.code == "TXT003"] == ["3300"]

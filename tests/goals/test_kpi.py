"""KPI readers: exact measures, and every bad row in CSV or XLSX gives a diagnostic."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from redovisa.core.diagnostics import SourceRef
from redovisa.goals import call_stats, read_calls, read_series, read_tickets, ticket_stats


def write(tmp: Path, name: str, rows: list[str], fmt: str) -> Path:
    if fmt == "csv":
        path = tmp / f"{name}.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return path
    path = tmp / f"{name}.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in rows:
        sheet.append([c or None for c in line.split(",")])
    book.save(path)
    return path


CALLS = [
    "timestamp,queue,wait_seconds,outcome",
    "2024-03-01T08:00:00,Kundtjänst,12,besvarad",
    "2024-03-01T08:01:00,Kundtjänst,30,answered",
    "2024-03-01 08:02:00,Kundtjänst,31,besvarad",
    "2024-03-01T08:03:00,Kundtjänst,5,avbruten",
    "2024-03-01T08:04:00,IT-support,61,besvarad",
    "2024-07-01T08:04:00,Kundtjänst,1,besvarad",
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_answer_rate_within_limit_counts_abandoned_calls_as_offered(
    tmp_path: Path, fmt: str
) -> None:
    calls, diags = read_calls(write(tmp_path, "calls", CALLS, fmt))
    assert diags == []
    stats = call_stats(calls, "Kundtjänst", date(2024, 1, 1), date(2024, 6, 30), Decimal(30))
    assert (stats.offered, stats.answered, stats.answered_within) == (4, 3, 2)
    assert stats.rate == Fraction(1, 2)
    empty = call_stats(calls, "Växel", date(2024, 1, 1), date(2024, 6, 30), Decimal(30))
    assert empty.rate is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("1 mars,Kundtjänst,12,besvarad", "tidpunkt"),
        ("2024-03-01T08:00:00,,12,besvarad", "kö saknas"),
        ("2024-03-01T08:00:00,Kundtjänst,-3,besvarad", "väntetid"),
        ("2024-03-01T08:00:00,Kundtjänst,12,kanske", "utfall"),
    ],
)
def test_bad_call_rows(tmp_path: Path, fmt: str, line: str, fragment: str) -> None:
    calls, diags = read_calls(write(tmp_path, "calls", [*CALLS[:2], line, CALLS[2]], fmt))
    assert len(calls) == 2
    assert [(d.code, d.where) for d in diags] == [
        ("KPI003", SourceRef(str(tmp_path / f"calls.{fmt}"), 3))
    ]
    assert fragment in diags[0].message


TICKETS = [
    "created,closed,category",
    "2024-02-01T08:00,2024-02-01T10:00,Incident",
    "2024-02-02T08:00,2024-02-02T09:00,Incident",
    "2024-02-03T08:00,2024-02-04T08:00,Incident",
    "2024-02-03T08:00,,Beställning",
    "2023-12-31T08:00,2024-01-02T08:00,Incident",
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_ticket_counts_and_lead_times(tmp_path: Path, fmt: str) -> None:
    tickets, diags = read_tickets(write(tmp_path, "tickets", TICKETS, fmt))
    assert diags == []
    stats = ticket_stats(tickets, date(2024, 1, 1), date(2024, 6, 30), Decimal(8))
    incident = stats["Incident"]
    assert (incident.created, incident.closed) == (3, 3)
    assert incident.mean_lead_hours == Fraction(27, 3)
    assert incident.median_lead_hours == 2
    assert incident.closed_within_share == Fraction(2, 3)
    assert stats["Beställning"].closed == 0 and stats["Beställning"].median_lead_hours is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_bad_ticket_rows(tmp_path: Path, fmt: str) -> None:
    rows = [
        *TICKETS[:2],
        "igår,,Incident",
        "2024-02-01T08:00,2024-01-01T08:00,Incident",
        "2024-02-01T08:00,,",
    ]
    tickets, diags = read_tickets(write(tmp_path, "tickets", rows, fmt))
    assert len(tickets) == 1
    assert [(d.code, d.where.line) for d in diags] == [("KPI003", 3), ("KPI004", 4), ("KPI003", 5)]  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_series_values_duplicates_and_bad_rows(tmp_path: Path, fmt: str) -> None:
    rows = ["id,period,value,organisation", "nki,2023,74,", "nki,2023,75,", "nki,2024,7x,",
            "nki,2023,70,Åsele", ",2023,1,"]  # fmt: skip
    values, diags = read_series(write(tmp_path, "series", rows, fmt))
    assert values == {("nki", "2023"): Decimal(74), ("nki@Åsele", "2023"): Decimal(70)}
    assert [(d.code, d.where.line) for d in diags] == [("KPI005", 3), ("KPI003", 4), ("KPI003", 6)]  # type: ignore[union-attr]


def test_missing_columns_and_files(tmp_path: Path) -> None:
    path = write(tmp_path, "calls", ["timestamp,queue", "2024-03-01T08:00,K"], "csv")
    assert [d.code for d in read_calls(path)[1]] == ["KPI002"]
    assert [d.code for d in read_tickets(tmp_path / "none.csv")[1]] == ["KPI001"]
    assert [d.code for d in read_series(tmp_path / "none.xlsx")[1]] == ["KPI001"]

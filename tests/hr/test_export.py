"""The HR export reader: good rows are read, every bad row gives a diagnostic with its line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from redovisa.hr import read_absence

GOOD = "E1,1980,K,IT,2024-03,168,16,2024-03-04,2024-03-05"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_good_row_is_read_exactly(write_export: Any, tmp_path: Path, fmt: str) -> None:
    rows, diags = read_absence(write_export(tmp_path, [GOOD, "E2,1990,m,IT,202403,160,0,,"], fmt))
    assert diags == []
    assert [(r.employee, r.gender, r.month, r.ordinary_hours, r.sick_hours) for r in rows] == [
        ("E1", "K", date(2024, 3, 1), Decimal(168), Decimal(16)),
        ("E2", "M", date(2024, 3, 1), Decimal(160), Decimal(0)),
    ]
    assert rows[0].spell_start == date(2024, 3, 4)
    assert rows[0].source.line == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        (",1980,K,IT,2024-03,168,0,,", "HR003", "anställd saknas"),
        ("E1,80,K,IT,2024-03,168,0,,", "HR003", "födelseår"),
        ("E1,1980,X,IT,2024-03,168,0,,", "HR003", "kön"),
        ("E1,1980,K,IT,2024-13,168,0,,", "HR003", "månad"),
        ("E1,1980,K,IT,2024-03,-5,0,,", "HR003", "ordinarie arbetstid"),
        ("E1,1980,K,IT,2024-03,168,åtta,,", "HR003", "sjuktimmar"),
        ("E1,1980,K,IT,2024-03,168,8,2024-3-4,", "HR003", "startdatum"),
        ("E1,1980,K,IT,2024-03,168,8,,", "HR005", "utan startdatum"),
        ("E1,1980,K,IT,2024-03,168,8,2024-04-02,", "HR005", "ligger inte"),
        ("E9,1980,K,IT,2024-03,8,16,2024-03-04,", "HR004", "16 sjuktimmar"),
    ],
)
def test_bad_row_gives_diagnostic_with_line(  # noqa: PLR0917 - pytest parameters
    write_export: Any, tmp_path: Path, fmt: str, line: str, code: str, fragment: str
) -> None:
    rows, diags = read_absence(write_export(tmp_path, [GOOD, line], fmt))
    assert [d.code for d in diags] == [code]
    assert diags[0].where is not None and getattr(diags[0].where, "line", None) == 3
    assert fragment in diags[0].message
    assert len(rows) == (2 if code == "HR004" else 1)


def test_inconsistent_employee_warns_and_keeps_first(write_export: Any, tmp_path: Path) -> None:
    rows, diags = read_absence(write_export(tmp_path, [GOOD, "E1,1981,K,IT,2024-04,168,0,,"]))
    assert [d.code for d in diags] == ["HR006"]
    assert rows[1].birth_year == 1980


def test_missing_column_and_missing_file(write_export: Any, tmp_path: Path) -> None:
    path = write_export(tmp_path, [GOOD], header="employee,birth_year,gender,unit,month")
    rows, diags = read_absence(path)
    assert rows == [] and [d.code for d in diags] == ["HR002"]
    assert "ordinary_hours" in diags[0].message
    assert [d.code for d in read_absence(tmp_path / "nope.csv")[1]] == ["HR001"]
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert [d.code for d in read_absence(tmp_path / "empty.csv")[1]] == ["HR001"]
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    assert [d.code for d in read_absence(tmp_path / "bad.xlsx")[1]] == ["HR001"]


def test_semicolon_and_decimal_comma(write_export: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "employee;birth_year;gender;unit;month;ordinary_hours;sick_hours;spell_start\n"
        "E1;1980;kvinna;IT;2024-03;167,5;7,25;2024-03-01\n",
        encoding="utf-8",
    )
    rows, diags = read_absence(path)
    assert diags == []
    assert (rows[0].ordinary_hours, rows[0].sick_hours) == (Decimal("167.5"), Decimal("7.25"))

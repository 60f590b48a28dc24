"""Helpers for HR tests: write an export as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

HEADER = "employee,birth_year,gender,unit,month,ordinary_hours,sick_hours,spell_start,spell_end"


def _write_export(tmp: Path, lines: list[str], fmt: str = "csv", header: str = HEADER) -> Path:
    """The rows as a CSV file, or as an XLSX sheet (text cells, numbers as numbers)."""
    rows = [header, *lines]
    if fmt == "csv":
        path = tmp / "absence.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return path
    path = tmp / "absence.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in rows:
        cells: list[object] = []
        for cell in line.split(","):
            try:
                cells.append(int(cell))
            except ValueError:
                cells.append(cell if cell else None)
        sheet.append(cells)
    book.save(path)
    return path


@pytest.fixture
def write_export():  # type: ignore[no-untyped-def]
    """The export writer, as a fixture (test modules do not import each other)."""
    return _write_export

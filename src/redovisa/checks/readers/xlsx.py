"""XLSX workbooks (openpyxl): each sheet's blocks of rows are tables; numbers stay numbers.

A figure is read as the sheet shows it: a stored 23048.512 with the format ``# ##0``
is the printed 23 049 (rounded half away from zero, DESIGN §5), and a percent format
shows 0.036 as 3.6. Figures typed as text ("−11 304", "(250)") are parsed as Swedish
print. Tables often start in column B: the columns left of a block's leftmost cell are
ignored. A row with one text cell in the leftmost column, above a block, is its title.
Every row keeps its sheet row number, so findings say ``blad RR, rad 12``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from redovisa.checks.model import Paragraph
from redovisa.checks.readers.base import RawCell, RawDocument, RawTable

_DECIMALS = re.compile(r"0[.,](0+)")


def shown_number(value: int | float | Decimal, number_format: str | None) -> Decimal:
    """The figure a cell shows: rounded to its format's decimals, percent times 100."""
    number = Decimal(str(value))
    fmt = (number_format or "General").split(";")[0]
    if fmt == "General" or "@" in fmt:
        return number
    if "%" in fmt:
        number *= 100
    m = _DECIMALS.search(fmt)
    places = len(m.group(1)) if m else 0
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _cell(cell: Any) -> RawCell:
    value = cell.value
    bold = bool(cell.font and cell.font.b)
    if value is None:
        return RawCell("", bold)
    if isinstance(value, bool):
        return RawCell(str(value), bold)
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return RawCell(day.isoformat(), bold)
    if isinstance(value, int | float | Decimal):
        number = shown_number(value, cell.number_format)
        if number == number.to_integral_value() and abs(number) < 10**15:
            text = str(int(number))
        else:
            text = f"{number:f}"
        return RawCell(text, bold, number)
    return RawCell(str(value).strip(), bold)


def _block_table(block: list[tuple[int, list[RawCell]]], title: str | None, sheet: str) -> RawTable:
    first = min(next(k for k, c in enumerate(cells) if c.text) for _, cells in block)
    rows = [cells[first:] for _, cells in block]
    lines: list[int | None] = [line for line, _ in block]
    return RawTable(rows, title, None, None, block[0][0], sheet, None, lines)


def read_xlsx(path: Path) -> RawDocument:
    """Read every sheet: blocks of rows separated by empty rows are tables."""
    from openpyxl import load_workbook  # noqa: PLC0415

    wb = load_workbook(path, data_only=True, read_only=False)
    doc = RawDocument()
    for ws in wb.worksheets:
        sheet = ws.title
        grid = [(row[0].row, [_cell(c) for c in row]) for row in ws.iter_rows() if row]
        used = [k for _, cells in grid for k, c in enumerate(cells) if c.text]
        leftmost = min(used, default=0)
        title: str | None = sheet
        block: list[tuple[int, list[RawCell]]] = []

        def flush(
            block: list[tuple[int, list[RawCell]]], title: str | None, sheet: str = sheet
        ) -> None:
            if len(block) >= 2:
                doc.tables.append(_block_table(block, title, sheet))
            elif block:
                text = " ".join(c.text for c in block[0][1] if c.text)
                doc.paragraphs.append(Paragraph(text, f"blad {sheet}"))

        for line, cells in grid:
            while cells and not cells[-1].text:
                cells.pop()
            filled = [(k, c) for k, c in enumerate(cells) if c.text]
            if not filled:
                flush(block, title)
                block = []
                continue
            k, only = filled[0]
            if len(filled) == 1 and only.number is None and not block and k == leftmost:
                text = only.text
                if len(text) > 120 or (len(text) > 40 and text.endswith((".", "!", "?"))):
                    where = f"blad {sheet}" + (f", {title}" if title and title != sheet else "")
                    doc.paragraphs.append(Paragraph(text, where))
                else:
                    title = text
                continue
            block.append((line, cells))
        flush(block, title)
    return doc

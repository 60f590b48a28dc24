"""Excel (XLSX) with openpyxl: one sheet per table, figures as numbers.

- A first sheet "Innehåll" names the report and links to every table's sheet.
- Each table's sheet: the caption in A1, the header row in row 2 (frozen with the label
  column, so they stay in view), one row per table row; subtotals and totals in bold.
- Figures are numbers (the figure as shown, rounded to the unit) with a number format:
  thousands grouped, U+2212 for negatives, one decimal for percentages. Excel shows the
  grouping with the reader's locale (a space in Swedish Excel).
- Note references: a "Not" column whose cells link to the note's sheet.
- Footnotes of a table are written below it.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.hyperlink import Hyperlink

from redovisa.render.view import NOTE_HEADER, ViewTable, view_table
from redovisa.report.publication import Publication, TableBlock

INTEGER_FORMAT = '#,##0;"\u2212"#,##0;0'
PERCENT_FORMAT = '0.0;"\u2212"0.0;0.0'
SHEET_NAMES = {
    "resultatrakning": "Resultaträkning",
    "balansrakning": "Balansräkning",
    "kassaflodesanalys": "Kassaflödesanalys",
    "driftredovisning": "Driftredovisning",
    "investeringsredovisning": "Investeringsredovisning",
    "balanskravsutredning": "Balanskravsutredning",
    "finansiella_nyckeltal": "Finansiella nyckeltal",
    "sjukfranvaro_alder": "Sjukfrånvaro ålder",
    "sjukfranvaro_kon": "Sjukfrånvaro kön",
    "maluppfyllelse": "Måluppfyllelse",
}
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)


def sheet_name(view: ViewTable) -> str:
    """A valid, readable sheet name (at most 31 characters)."""
    if view.note_number:
        return f"Not {view.note_number}"
    name = SHEET_NAMES.get(view.id) or re.sub(r"[\[\]:*?/\\]", " ", view.caption)
    return name[:31]


def table_order(pub: Publication) -> list[str]:
    """Table ids in the order the report shows them, then any others."""
    order = [c.table_id for s in pub.sections for c in s.content if isinstance(c, TableBlock)]
    return order + [t for t in pub.tables if t not in order]


def _sheet(ws: Any, view: ViewTable) -> None:
    ws["A1"] = view.caption
    ws["A1"].font = TITLE
    head = [view.label_header] + ([NOTE_HEADER] if view.has_notes else []) + list(view.columns)
    offset = 2 if view.has_notes else 1
    for col, text in enumerate(head, start=1):
        cell = ws.cell(row=2, column=col, value=text)
        cell.font = BOLD
        cell.alignment = Alignment(
            wrap_text=True, vertical="bottom", horizontal="right" if col > offset else "left"
        )
    r = 3
    for row in view.rows:
        label = row.label + "".join(f"\n{d}" for d in row.detail)
        ws.cell(row=r, column=1, value=label)
        if view.has_notes and row.notes:
            note = ws.cell(row=r, column=2, value=", ".join(row.notes))
            note.hyperlink = Hyperlink(ref=note.coordinate, location=f"'Not {row.notes[0]}'!A1")
        for i, vc in enumerate(row.cells):
            cell = ws.cell(row=r, column=offset + 1 + i)
            if vc.number is not None:
                cell.value = vc.number if vc.places else int(vc.number)
                cell.number_format = PERCENT_FORMAT if vc.places else INTEGER_FORMAT
            elif vc.text:
                cell.value = vc.text
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row.strong:
            for col in range(1, len(head) + 1):
                ws.cell(row=r, column=col).font = BOLD
        r += 1
    for note in view.footnotes:
        r += 1
        ws.cell(row=r, column=1, value=note).font = Font(italic=True)
    ws.freeze_panes = ws.cell(row=3, column=offset + 1)
    ws.column_dimensions["A"].width = 48
    for col in range(2, len(head) + 1):
        letter = ws.cell(row=2, column=col).column_letter
        ws.column_dimensions[letter].width = 6 if view.has_notes and col == 2 else 18


def build_xlsx(pub: Publication) -> Any:
    """The workbook."""
    wb = Workbook()
    index = wb.active
    index.title = "Innehåll"
    index["A1"] = f"{pub.organisation}: {pub.full_title}"
    index["A1"].font = TITLE
    if pub.decision:
        index["A2"] = pub.decision
    index["A4"] = "Tabell"
    index["B4"] = "Blad"
    index["A4"].font = index["B4"].font = BOLD
    row = 5
    for table_id in table_order(pub):
        view = view_table(pub.tables[table_id], pub.unit)
        name = sheet_name(view)
        _sheet(wb.create_sheet(name), view)
        index.cell(row=row, column=1, value=view.caption)
        link = index.cell(row=row, column=2, value=name)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{name}'!A1")
        row += 1
    index.column_dimensions["A"].width = 70
    index.column_dimensions["B"].width = 26
    end = pub.document.period_end
    wb.properties.title = pub.full_title
    wb.properties.creator = pub.organisation
    wb.properties.language = "sv-SE"
    wb.properties.created = wb.properties.modified = datetime(end.year, end.month, end.day)
    return wb


def write_xlsx(pub: Publication, path: Path) -> None:
    """Write the workbook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    build_xlsx(pub).save(str(path))


__all__ = ["build_xlsx", "sheet_name", "table_order", "write_xlsx"]

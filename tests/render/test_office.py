"""Word and Excel outputs, compared by their extracted content."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.render.view import view_table
from redovisa.render.xlsx import INTEGER_FORMAT, PERCENT_FORMAT, sheet_name
from redovisa.report.publication import Publication, TableBlock

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")


def test_docx_headings_toc_and_tables(lystkom: Publication, outputs: dict[str, Path]) -> None:
    doc = docx.Document(str(outputs["docx"]))
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Förvaltningsberättelse") in headings
    assert ("Heading 2", "Driftredovisning") in headings
    assert ("Heading 3", "Lystkom IT") in headings  # a subheading in the narrative
    body = doc.element.body.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert "<w:tblHeader/>" in body
    assert doc.core_properties.title == "Delårsrapport 2024-06-30"
    shown = [c for s in lystkom.sections for c in s.content if isinstance(c, TableBlock)]
    assert len(doc.tables) == len(shown) == len(lystkom.tables)
    rr = next(t for t in doc.tables if t.rows[1].cells[0].text == "Verksamhetens intäkter")
    view = view_table(lystkom.tables["resultatrakning"], lystkom.unit)
    got = [[c.text for c in row.cells] for row in rr.rows]
    assert got[0] == ["Post", "Not", *view.columns]
    expected = [[r.label, ", ".join(r.notes), *(c.text for c in r.cells)] for r in view.rows]
    assert got[1:] == expected
    last = rr.rows[-1].cells[-1].paragraphs[0]
    assert last.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert last.runs[0].bold is True  # Periodens resultat is a total


def test_xlsx_one_sheet_per_table_with_numbers(
    lystkom: Publication, outputs: dict[str, Path]
) -> None:
    wb = openpyxl.load_workbook(outputs["xlsx"])
    assert wb.sheetnames[0] == "Innehåll"
    assert len(wb.sheetnames) == 1 + len(lystkom.tables)
    for _table_id, table in lystkom.tables.items():
        view = view_table(table, lystkom.unit)
        ws = wb[sheet_name(view)]
        assert ws["A1"].value == view.caption
        offset = 3 if view.has_notes else 2
        assert ws.freeze_panes == ("C3" if view.has_notes else "B3")
        for i, row in enumerate(view.rows):
            assert ws.cell(row=3 + i, column=1).value.split("\n")[0] == row.label
            for j, cell in enumerate(row.cells):
                got = ws.cell(row=3 + i, column=offset + j)
                if cell.number is not None:
                    assert Decimal(str(got.value)) == cell.number
                    assert got.number_format == (PERCENT_FORMAT if cell.places else INTEGER_FORMAT)
    rr = wb["Resultaträkning"]
    assert rr["B3"].value == "1" and rr["B3"].hyperlink.location == "'Not 1'!A1"
    assert rr.cell(row=11, column=3).value == 1718 and rr.cell(row=11, column=3).font.b

"""The PDF: tagged PDF/UA-1 with title and language, every figure present, stable pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redovisa.render.view import view_table
from redovisa.report.publication import Publication

pikepdf = pytest.importorskip("pikepdf")
pdfplumber = pytest.importorskip("pdfplumber")
pdfium = pytest.importorskip("pypdfium2")

# The Lystkom delårsrapport fills this many A4 pages; a change is a layout change to review.
EXPECTED_PAGES = 17


def test_pdf_is_tagged_pdf_ua_1_with_title_and_language(outputs: dict[str, Path]) -> None:
    with pikepdf.open(outputs["pdf"]) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang).split("-")[0] == "sv"  # sv-SE
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        meta = pdf.open_metadata()
        assert meta["dc:title"] == "Delårsrapport 2024-06-30"
        assert meta["pdfuaid:part"] == "1"
        assert "/Outlines" in root  # bookmarks from the headings
        titles = []
        item = root.Outlines.get("/First")
        while item is not None:
            titles.append(str(item.Title))
            item = item.get("/Next")
        assert titles[:2] == ["Förvaltningsberättelse", "Finansiell översikt och analys"]
        assert "Noter" in titles
        # Tables are tagged as tables with header cells.
        kinds = _struct_types(root.StructTreeRoot)
        assert {"/Table", "/TH", "/TD", "/H1", "/Figure"} <= kinds


def _page_texts(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _struct_types(node: object, seen: set[str] | None = None, depth: int = 0) -> set[str]:
    seen = set() if seen is None else seen
    if depth > 60:
        return seen
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            seen.add(str(node.S))
        kids = node.get("/K")
        if kids is not None:
            _struct_types(kids, seen, depth + 1)
    elif isinstance(node, pikepdf.Array):
        for kid in node:
            _struct_types(kid, seen, depth + 1)
    return seen


def test_pdf_text_has_every_figure_and_stable_page_count(
    lystkom: Publication, outputs: dict[str, Path]
) -> None:
    pages = _page_texts(outputs["pdf"])
    assert len(pages) == EXPECTED_PAGES
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text.replace("\u00a0", " "))
    missing = []
    for table_id, table in lystkom.tables.items():
        view = view_table(table, lystkom.unit)
        assert view.caption in flat, view.caption
        for row in view.rows:
            for cell in row.cells:
                shown = cell.text.replace("\u00a0", " ")
                if cell.number is not None and shown not in flat:
                    missing.append((table_id, row.label, shown))
    assert missing == []
    if lystkom.decision:  # [render] decision in the example's redovisa.toml
        assert lystkom.decision in flat
    assert "Sida 3 av 17" in flat  # running footer
    assert "Kommunalförbundet Lystkom · Delårsrapport 2024-06-30" in flat  # running header
    assert "1 718 tkr" in flat  # a bound figure in the narrative


def test_pdf_figures_are_right_aligned(outputs: dict[str, Path]) -> None:
    index = next(
        i for i, t in enumerate(_page_texts(outputs["pdf"])) if "Kassaflödesanalys (tkr)" in t
    )
    with pdfplumber.open(outputs["pdf"], pages=[index + 1]) as pdf:
        words = pdf.pages[0].extract_words()
    # Figures of the first value column end at the same x (right-aligned), whatever their width.
    lines = {w["text"]: w for w in words}
    ends = {round(lines[t]["x1"]) for t in ("718", "790", "508") if t in lines}
    assert len(ends) == 1, ends

"""Text-based PDF reports (pdfplumber, extra ``pdf``): words with positions, then layout.

A tagged PDF (one whose structure tree tags its tables) is read from its tags
(:mod:`pdf_tagged`), exactly. Otherwise pdfplumber gives each word's box, font name and
size, and :mod:`pdf_layout` turns them into tables (figures lined up by their x-position)
and paragraphs, each with its page.
"""

from __future__ import annotations

import re
from pathlib import Path

from redovisa.checks.readers.base import RawDocument
from redovisa.checks.readers.pdf_layout import Word, build_document
from redovisa.checks.readers.pdf_tagged import build_tagged, has_tagged_tables

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def read_pdf(path: Path) -> RawDocument:
    """Read a text-based PDF into raw tables and paragraphs, with page numbers."""
    import pdfplumber  # noqa: PLC0415

    pages: list[list[Word]] = []
    with pdfplumber.open(str(path)) as pdf:
        try:
            tree = pdf.structure_tree
        except Exception:  # a broken structure tree: read the layout instead
            tree = []
        if tree and has_tagged_tables(tree):
            return build_tagged(tree, pdf.pages)
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
            pages.append(
                [
                    Word(
                        str(w["text"]),
                        float(w["x0"]),
                        float(w["x1"]),
                        float(w["top"]),
                        float(w["bottom"]),
                        float(w.get("size") or 10),
                        bool(_BOLD.search(str(w.get("fontname", "")))),
                    )
                    for w in words
                    if str(w["text"]).strip()
                ]
            )
    return build_document(pages)

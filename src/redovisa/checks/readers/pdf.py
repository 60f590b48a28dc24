"""Text-based PDF reports (pdfplumber, extra ``pdf``): words with positions, then layout.

pdfplumber gives each word's box, font name and size; :mod:`pdf_layout` turns them into
tables (figures lined up by their x-position) and paragraphs, each with its page.
"""

from __future__ import annotations

import re
from pathlib import Path

from redovisa.checks.readers.base import RawDocument
from redovisa.checks.readers.pdf_layout import Word, build_document

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def read_pdf(path: Path) -> RawDocument:
    """Read a text-based PDF into raw tables and paragraphs, with page numbers."""
    import pdfplumber  # noqa: PLC0415

    pages: list[list[Word]] = []
    with pdfplumber.open(str(path)) as pdf:
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

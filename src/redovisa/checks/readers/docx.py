"""DOCX reports (python-docx, extra ``office``): headings, paragraphs and tables in order."""

from __future__ import annotations

from pathlib import Path

from redovisa.checks.model import Paragraph
from redovisa.checks.readers.base import RawCell, RawDocument, RawTable


def read_docx(path: Path) -> RawDocument:
    """Read a Word document; bold runs and Heading styles are kept."""
    import docx  # noqa: PLC0415
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph as DocxParagraph  # noqa: PLC0415

    document = docx.Document(str(path))
    doc = RawDocument()
    section: str | None = None
    title: str | None = None
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            if style.lower().startswith(("heading", "rubrik", "title")):
                section = title = text
            else:
                doc.paragraphs.append(Paragraph(text, section))
                if len(text) <= 120:
                    title = text
        elif isinstance(item, Table):
            rows: list[list[RawCell]] = []
            for row in item.rows:
                cells = []
                previous = None
                for cell in row.cells:
                    if previous is not None and cell._tc is previous:
                        # a merged cell is repeated for every grid column it spans
                        cells.append(RawCell("", cells[-1].bold))
                        continue
                    previous = cell._tc
                    runs = [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
                    bold = bool(runs) and all(bool(r.bold) for r in runs)
                    cells.append(RawCell("\n".join(p.text for p in cell.paragraphs).strip(), bold))
                rows.append(cells)
            if len(rows) >= 2:
                doc.tables.append(RawTable(rows, title, section))
    return doc

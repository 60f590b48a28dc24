"""Word (DOCX) with python-docx: real heading styles, a TOC field, real tables.

- Headings use Word's built-in styles "Heading 1" ... (navigable, and what the TOC reads);
  the cover uses "Title".
- The table of contents is a TOC field (``TOC \\o "1-3" \\h \\z \\u``); Word fills in the
  page numbers when it opens the file (``w:updateFields`` is set).
- Tables are Word tables with a caption paragraph above, a repeating header row, the
  table's title as alternative text (``w:tblCaption``), figures as text aligned right and
  subtotals in bold. A chart is given by its text alternative (Word cannot show SVG from
  python-docx without a raster copy).
- Language sv-SE on the default style; title and author in the core properties.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from redovisa.core.chart import text_alternative
from redovisa.render.view import NOTE_HEADER, ViewTable, view_table
from redovisa.report.publication import ChartBlock, Publication, TableBlock
from redovisa.report.text import BulletList, Heading, Paragraph, Run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_WIDTH = 9000  # twips between the default margins


def _runs(runs: tuple[Run, ...] | list[Run], bold: bool = False) -> str:
    out = []
    for r in runs:
        props = ("<w:b/>" if r.bold or bold else "") + ("<w:i/>" if r.italic else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(r.text)}</w:t></w:r>')
    return "".join(out)


def _p(content: str, style: str | None = None, align: str | None = None) -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:jc w:val="{align}"/>' if align else ""
    )
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def _text(text: str, style: str | None = None, **kw: Any) -> str:
    return _p(_runs([Run(text, **kw)]), style)


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _field(instruction: str, placeholder: str) -> str:
    """A complex field (begin, instruction, separate, placeholder result, end) as runs."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{escape(placeholder)}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _language(doc: Any) -> None:
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "sv-SE")
    rpr.append(lang)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def _cell(content: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def table_xml(view: ViewTable) -> str:
    """Caption paragraph and a Word table (repeating header row, alt text, right figures)."""
    head = [view.label_header] + ([NOTE_HEADER] if view.has_notes else []) + list(view.columns)
    numeric = [False] + ([False] if view.has_notes else []) + list(view.numeric)
    label_w = TEXT_WIDTH * 2 // 5 if any(view.numeric) else TEXT_WIDTH // 3
    note_w = 600 if view.has_notes else 0
    rest = (TEXT_WIDTH - label_w - note_w) // max(len(view.columns), 1)
    widths = [label_w] + ([note_w] if view.has_notes else []) + [rest] * len(view.columns)
    parts = [
        _text(view.caption, "Caption"),
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:tblCaption w:val="{escape(view.caption, QUOTE)}"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>",
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + "".join(
            _cell(_p(_runs([Run(h)], bold=True), align="right" if n else None), w)
            for h, n, w in zip(head, numeric, widths, strict=True)
        )
        + "</w:tr>",
    ]
    for row in view.rows:
        texts = [row.label] + ([", ".join(row.notes)] if view.has_notes else [])
        texts += [c.text for c in row.cells]
        cells = []
        for i, (text, num, w) in enumerate(zip(texts, numeric, widths, strict=True)):
            content = _p(_runs([Run(text)], bold=row.strong), align="right" if num else None)
            if i == 0:
                content += "".join(_text(d) for d in row.detail)
            cells.append(_cell(content, w))
        parts.append("<w:tr>" + "".join(cells) + "</w:tr>")
    parts.append("</w:tbl>")
    parts += [_text(note, italic=True) for note in view.footnotes]
    return "".join(parts)


def _body(pub: Publication) -> str:
    out: list[str] = []
    for s in pub.sections:
        if s.kind == "cover":
            out.append(_text(pub.organisation.upper()))
            out.append(_text(pub.title, "Title"))
            out.append(_text(pub.period_text, "Subtitle"))
            if pub.decision:
                out.append(_text(pub.decision))
            out.append(PAGE_BREAK)
            continue
        if s.kind == "toc":
            out.append(_text(s.title, "TOCHeading"))
            out.append(
                _p(
                    _field(
                        'TOC \\o "1-3" \\h \\z \\u',
                        "Innehållsförteckningen visas när fälten uppdateras (F9).",
                    )
                )
            )
            out.append(PAGE_BREAK)
            continue
        out.append(_text(s.title, f"Heading{s.level}"))
        for item in s.content:
            if isinstance(item, Paragraph):
                out.append(_p(_runs(item.runs)))
            elif isinstance(item, Heading):
                out.append(_p(_runs(item.runs), f"Heading{min(s.level + item.depth, 9)}"))
            elif isinstance(item, BulletList):
                style = "ListNumber" if item.ordered else "ListBullet"
                out.extend(_p(_runs(runs), style) for runs in item.items)
            elif isinstance(item, TableBlock):
                out.append(table_xml(view_table(pub.tables[item.table_id], pub.unit)))
            elif isinstance(item, ChartBlock):
                chart = pub.charts[item.chart_id]
                out.append(_text(chart.title, "Caption"))
                out.append(_text(text_alternative(chart)))
    return "".join(out)


def build_docx(pub: Publication) -> Any:
    """The report as a python-docx Document."""
    doc = new_docx()
    _language(doc)
    doc.styles["Normal"].font.size = Pt(10.5)
    props = doc.core_properties
    props.title = pub.full_title
    props.author = pub.organisation
    props.language = "sv-SE"
    end = pub.document.period_end
    props.created = props.modified = datetime(end.year, end.month, end.day)
    section = doc.sections[0]
    section.header.paragraphs[0].text = pub.header
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for el in parse_xml(f'<w:p xmlns:w="{W}">{_runs([Run("Sida ")])}{_field("PAGE", "1")}</w:p>'):
        footer._p.append(el)
    body = parse_xml(f'<w:body xmlns:w="{W}">{_body(pub)}</w:body>')
    sect_pr = doc.element.body.sectPr
    for el in list(body):
        sect_pr.addprevious(el)
    return doc


QUOTE = {'"': "&quot;"}


def write_docx(pub: Publication, path: Path) -> None:
    """Write the DOCX file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    build_docx(pub).save(str(path))


__all__ = ["build_docx", "write_docx"]

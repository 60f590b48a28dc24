"""HTML reports (stdlib :mod:`html.parser`): headings, paragraphs, tables with bold and th."""

from __future__ import annotations

from html.parser import HTMLParser

from redovisa.checks.model import Paragraph
from redovisa.checks.readers.base import RawCell, RawDocument, RawTable

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "li", "div", "caption", "figcaption", "dt", "dd", "blockquote"}
# not narrative: scripts and styles, chart graphics and their text alternatives (the
# figures of a chart are the table's figures, and its tick labels are no claims)
_SKIPPED = {"script", "style", "svg", "details", "template", "noscript"}
# class names that mark a sum row or cell (``<tr class="subtotal">``, ``<td class="sum">``)
_SUM_CLASSES = {"sum", "subtotal", "total", "summa", "grand-total", "grandtotal"}


def _sum_class(attrs: list[tuple[str, str | None]]) -> bool:
    classes = (dict(attrs).get("class") or "").lower().split()
    return any(
        c in _SUM_CLASSES or c.endswith(("-sum", "-total", "_sum", "_total")) for c in classes
    )


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = RawDocument()
        self.section: str | None = None
        self.title: str | None = None
        self.text: list[str] = []
        self.in_heading = False
        self.tables: list[RawTable] = []
        self.row: list[RawCell] | None = None
        self.cell: list[str] | None = None
        self.cell_bold = False
        self.row_sum = False
        self.bold = 0
        self.skip = 0
        self.in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif self.skip:
            return
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag == "table":
            self._flush()
            self.tables.append(RawTable([], self.title or self.section, self.section))
        elif tag == "tr" and self.tables:
            self.row = []
            self.row_sum = _sum_class(attrs)
        elif tag in ("td", "th") and self.row is not None:
            # a row header (th scope="row") is only a header: a sum is marked by bold
            # text or by the class of its row or cell
            self.cell = []
            self.cell_bold = self.row_sum or _sum_class(attrs)
        elif tag == "caption":
            self.in_caption = True
            self.text = []
        elif tag in _HEADINGS:
            self._flush()
            self.in_heading = True
        elif tag in _BLOCKS or tag == "br":
            if self.cell is not None:
                self.cell.append("\n")
            else:
                self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(RawCell("".join(self.cell).strip(), self.cell_bold))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.tables:
            self.tables[-1].rows.append(self.row)
            self.row = None
        elif tag == "caption" and self.tables:
            self.tables[-1].title = " ".join("".join(self.text).split())
            self.text = []
            self.in_caption = False
        elif tag == "table" and self.tables:
            t = self.tables.pop()
            if len(t.rows) >= 2:
                self.doc.tables.append(t)
        elif tag in _HEADINGS:
            heading = " ".join("".join(self.text).split())
            self.text = []
            self.in_heading = False
            if heading:
                self.section = self.title = heading
        elif tag in _BLOCKS and self.cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            if self.bold and data.strip():
                self.cell_bold = True
        else:
            self.text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        self.text = []
        if text and not self.in_heading and not self.tables:
            self.doc.paragraphs.append(Paragraph(text, self.section))
            if len(text) <= 120:
                self.title = text


def read_html(text: str) -> RawDocument:
    """Read an HTML report into raw tables and paragraphs."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader._flush()
    return reader.doc

"""Tagged PDF reports: tables, headings and paragraphs from the structure tree.

An accessible (tagged, PDF/UA-style) PDF says what its text is: ``Table`` > ``TR`` >
``TH``/``TD`` cells, ``Caption``, ``H1``..``H6`` and ``P``, each pointing at marked
content (page, MCID) of the pages. Reading cells from the tags is exact where the
layout reader has to guess (a label that wraps over lines, cells that sit close). The
reader is used when the PDF has at least one tagged ``Table``; otherwise the layout
reader (:mod:`pdf_layout`) reads it. Artifacts (running headers, page numbers) and
``Figure`` elements (charts) are not narrative. Words hyphenated at a line break
("un-" / "der") are joined again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from redovisa.checks.model import Paragraph
from redovisa.checks.readers.base import RawCell, RawDocument, RawTable

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_HEADING = re.compile(r"^H[1-6]?$")
_SKIP = {"Figure", "TOC", "TOCI", "Artifact", "Formula"}
_LEAF = {"P", "LI", "Caption", "BlockQuote", "Note", "Quote", "Lbl", "LBody"}
_ROW_GROUPS = {"THead", "TBody", "TFoot"}
_CELLS = {"TH", "TD"}
_HYPHENS = {"-", "\u2010", "\u00ad"}

Key = tuple[int, int]  # (page number from 1, MCID)
Element = dict[str, Any]


def _children(e: Element) -> list[Element]:
    return [c for c in e.get("children", []) if isinstance(c, dict)]


def _keys(e: Element) -> list[Key]:
    """The marked content of an element and its descendants, in reading order."""
    out: list[Key] = []
    page = e.get("page_number")
    for mcid in e.get("mcids") or []:
        if page is not None:
            out.append((int(page), int(mcid)))
    for c in _children(e):
        out.extend(_keys(c))
    return sorted(out)


def _walk(e: Element) -> Iterator[Element]:
    yield e
    for c in _children(e):
        yield from _walk(c)


class _Text:
    """The characters of each marked-content sequence, to join into text."""

    def __init__(self, pages: list[Any]) -> None:
        self.chars: dict[Key, list[dict[str, Any]]] = {}
        # marked content followed by a hyphen outside it: a word split at a line break
        self.hyphenated: set[Key] = set()
        for no, page in enumerate(pages, start=1):
            last: Key | None = None
            for ch in page.chars:
                mcid = ch.get("mcid")
                if mcid is not None:
                    last = (no, int(mcid))
                    self.chars.setdefault(last, []).append(ch)
                elif last is not None and str(ch["text"]) in _HYPHENS:
                    self.hyphenated.add(last)
                    last = None
                else:
                    last = None

    def text(self, keys: list[Key]) -> tuple[str, bool]:
        """The text of some marked content, and whether every character of it is bold."""
        out: list[str] = []
        prev: dict[str, Any] | None = None
        bold = True
        seen = False
        split = False
        for key in keys:
            for ch in self.chars.get(key, []):
                t = str(ch["text"])
                if prev is not None:
                    size = float(ch.get("size") or 10)
                    same_line = abs(float(ch["top"]) - float(prev["top"])) < 0.5 * size
                    if not same_line and split and t[:1].islower():
                        pass  # the word goes on after the line break
                    elif not same_line:
                        _line_break(out, t)
                    elif float(ch["x0"]) - float(prev["x1"]) > 0.2 * size:
                        out.append(" ")
                out.append(t)
                prev = ch
                split = False
                if t.strip():
                    seen = True
                    bold = bold and bool(_BOLD.search(str(ch.get("fontname", ""))))
            if self.chars.get(key):
                split = key in self.hyphenated
        return " ".join("".join(out).split()), seen and bold


def _line_break(out: list[str], nxt: str) -> None:
    """Join two lines: drop a hyphen that split a word, else a space."""
    joined = "".join(out[-3:])
    if nxt[:1].islower() and re.search(r"[^\W\d_]-$", joined):
        out[-1] = out[-1][:-1]
        return
    out.append(" ")


def _attrs(e: Element) -> dict[str, Any]:
    a = e.get("attributes")
    return a if isinstance(a, dict) else {}


def _name(value: Any) -> str:
    """A PDF name or string as text (``/Column``, ``b'U1x0y0'``)."""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(getattr(value, "name", value)).lstrip("/")


def _rows_of(e: Element) -> list[tuple[Element, bool]]:
    """The table's rows in order, with whether each is a header row (``THead``)."""
    out: list[tuple[Element, bool]] = []
    for c in _children(e):
        if c.get("type") == "TR":
            out.append((c, False))
        elif c.get("type") in _ROW_GROUPS:
            head = c.get("type") == "THead"
            out.extend((tr, head) for tr in _children(c) if tr.get("type") == "TR")
    return out


def _cells(tr: Element) -> list[Element]:
    return [c for c in _children(tr) if c.get("type") in _CELLS]


def _width(tr: Element) -> int:
    return sum(int(_attrs(c).get("ColSpan", 1) or 1) for c in _cells(tr))


def _header_offsets(rows: list[tuple[Element, bool]]) -> list[int]:
    """Empty cells a header row lacks at its left (a writer may leave an empty cell out;
    the empty one of a header is the label column's)."""
    ncols = max((_width(tr) for tr, _ in rows), default=0)
    return [ncols - _width(tr) if head else 0 for tr, head in rows]


def _column_headers(rows: list[tuple[Element, bool]], offsets: list[int]) -> dict[str, int]:
    """Column index of every column header's ID: a cell names its headers by ID, and a
    writer may leave an empty cell out, so the ID says which column a cell is in."""
    out: dict[str, int] = {}
    for (tr, head), offset in zip(rows, offsets, strict=True):
        col = offset
        for cell in _cells(tr):
            attrs = _attrs(cell)
            scope = _name(attrs.get("Scope", "")).lower()
            if cell.get("id") is not None and (head or scope in ("column", "both")):
                out[_name(cell["id"])] = col
            col += int(attrs.get("ColSpan", 1) or 1)
    return out


def _table(e: Element, text: _Text, title: str | None, section: str | None) -> RawTable | None:
    rows: list[list[RawCell]] = []
    pages: list[int | None] = []
    table_rows = _rows_of(e)
    offsets = _header_offsets(table_rows)
    columns = _column_headers(table_rows, offsets)
    for c in _children(e):
        if c.get("type") == "Caption":
            caption, _ = text.text(_keys(c))
            title = caption or title
    for (tr, _), offset in zip(table_rows, offsets, strict=True):
        cells: list[RawCell] = [RawCell("") for _ in range(offset)]
        page: int | None = None
        for cell in _cells(tr):
            keys = _keys(cell)
            if keys and page is None:
                page = keys[0][0]
            value, bold = text.text(keys)
            attrs = _attrs(cell)
            headers = attrs.get("Headers") or []
            if not isinstance(headers, list):
                headers = [headers]
            at = [columns[_name(h)] for h in headers if _name(h) in columns]
            while at and len(cells) < at[0]:
                cells.append(RawCell(""))  # an empty cell the writer left out
            cells.append(RawCell(value, bold))
            span = int(attrs.get("ColSpan", 1) or 1)
            cells.extend(RawCell("", bold) for _ in range(span - 1))
        if cells:
            rows.append(cells)
            pages.append(page)
    if len(rows) < 2:
        return None
    first = next((p for p in pages if p is not None), None)
    return RawTable(rows, title, section, first, row_pages=pages)


def has_tagged_tables(tree: list[Element]) -> bool:
    """True when the structure tree tags at least one table."""
    return any(e.get("type") == "Table" for root in tree for e in _walk(root))


def build_tagged(tree: list[Element], pages: list[Any]) -> RawDocument:
    """Tables, headings and paragraphs from a structure tree and its pages' characters."""
    text = _Text(pages)
    doc = RawDocument()
    state: dict[str, str | None] = {"section": None, "title": None}

    def visit(e: Element) -> None:
        kind = str(e.get("type") or "")
        if kind in _SKIP:
            return
        if _HEADING.match(kind):
            heading, _ = text.text(_keys(e))
            if heading:
                state["section"] = state["title"] = heading
            return
        if kind == "Table":
            t = _table(e, text, state["title"] or state["section"], state["section"])
            if t is not None:
                doc.tables.append(t)
            return
        if kind in _LEAF:
            keys = _keys(e)
            para, _ = text.text(keys)
            if para:
                doc.paragraphs.append(Paragraph(para, state["section"], keys[0][0]))
                if len(para) <= 120:
                    state["title"] = para
            return
        for c in _children(e):
            visit(c)

    for root in tree:
        visit(root)
    return doc


__all__ = ["build_tagged", "has_tagged_tables"]

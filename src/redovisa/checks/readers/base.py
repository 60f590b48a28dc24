"""What a reader of an external report produces: raw tables and paragraphs, in order."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal

from redovisa.checks.model import Paragraph


@dataclass(frozen=True, slots=True)
class RawCell:
    """Cell: the text as printed, whether it is bold, and a number when the file has one."""

    text: str
    bold: bool = False
    number: Decimal | None = None


@dataclass(slots=True)
class RawTable:
    """A table as found in the file, before it is recognised.

    ``row_pages`` and ``row_lines`` (when given) hold, per row of ``rows``, the page and
    the line (sheet row) it was read from.
    """

    rows: list[list[RawCell]]
    title: str | None = None
    section: str | None = None
    page: int | None = None
    line: int | None = None
    sheet: str | None = None
    row_pages: list[int | None] | None = None
    row_lines: list[int | None] | None = None


@dataclass(slots=True)
class RawDocument:
    """Everything a reader found: tables and narrative paragraphs."""

    tables: list[RawTable] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


_TAG = re.compile(r"<[^>]+>")
_BOLD = re.compile(r"<(b|strong)\b|\*\*|__", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(p|li|br|ul|ol|div)\b[^>]*>", re.IGNORECASE)


def cell_from_markup(text: str) -> RawCell:
    """A cell from text that may carry inline HTML or Markdown emphasis."""
    bold = bool(_BOLD.search(text))
    s = _BLOCK_TAG.sub("\n", text)
    s = _TAG.sub("", s)
    s = s.replace("**", "").replace("__", "")
    s = html.unescape(s)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in s.split("\n")]
    return RawCell("\n".join(ln for ln in lines if ln), bold)


def plain(text: str) -> str:
    """Text without inline markup, entities decoded, on one line."""
    return cell_from_markup(text).text.replace("\n", " ")

"""Markdown and plain text: headings, paragraphs, pipe tables and tab-separated tables.

Text converted from PDF (as the seed report) has tab-separated rows with inline ``<b>``;
Markdown has ``| a | b |`` rows. A table may continue after blank lines when the next
row has the same shape.
"""

from __future__ import annotations

import re

from redovisa.checks.model import Paragraph
from redovisa.checks.readers.base import RawDocument, RawTable, cell_from_markup, plain

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_LEADER = re.compile(r"\.{4,}")


def _split_row(line: str) -> list[str] | None:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [c.strip() for c in inner.split("|")]
    if "\t" in line:
        return [c.strip() for c in line.rstrip("\n").split("\t")]
    return None


def read_text(text: str) -> RawDocument:
    """Read Markdown or plain text into raw tables and paragraphs."""
    doc = RawDocument()
    lines = text.splitlines()
    section: str | None = None
    last_short: str | None = None
    last_short_at = -10
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _HEADING.match(line.strip())
        if m:
            section = plain(m.group(2))
            last_short, last_short_at = section, i
            i += 1
            continue
        cells = _split_row(line)
        if cells is not None and not _LEADER.search(line):
            rows, start = [], i
            width = len(cells)
            while i < len(lines):
                cur = _split_row(lines[i])
                if cur is None:
                    # allow blank lines inside a table when the next row has the same shape
                    j = i
                    while j < len(lines) and not lines[j].strip():
                        j += 1
                    nxt = _split_row(lines[j]) if j < len(lines) else None
                    if j > i and nxt is not None and len(nxt) == width:
                        i = j
                        continue
                    break
                if not _PIPE_RULE.match(lines[i].strip()):
                    rows.append([cell_from_markup(c) for c in cur])
                i += 1
            width_rows = [r for r in rows if any(c.text for c in r)]
            if len(width_rows) >= 2:
                title = last_short if start - last_short_at <= 4 else section
                doc.tables.append(RawTable(width_rows, title, section, None, start + 1))
            else:
                for r in width_rows:
                    doc.paragraphs.append(Paragraph(" ".join(c.text for c in r), section))
            continue
        stripped = line.strip()
        if stripped:
            para = plain(stripped)
            if para:
                doc.paragraphs.append(Paragraph(para, section))
                if len(para) <= 120:
                    last_short, last_short_at = para.strip("*_ "), i
        i += 1
    return doc

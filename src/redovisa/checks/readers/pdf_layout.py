"""Tables and paragraphs from the positioned words of PDF pages (no PDF library here).

A text-based PDF has no tables, only words at positions. Municipal statements print
figures right-aligned in columns, so:

1. words on one baseline are a line; words closer than a word space are a phrase, and a
   figure's thousands groups (``23`` ``049``), a detached minus (``−`` ``662``) and a
   ``%`` join into one figure even though they are separate words;
2. a line whose phrases after its label are all figures (or note references such as
   ``Not 5``) is a table row; runs of rows, with label-only lines between them (headings
   such as ``TILLGÅNGAR``, or the second line of a wrapped label) are a table, and the
   lines just above it whose phrases sit over the figures are its header (a header may
   take several lines: ``Utfall`` over ``2024-06-30``);
3. columns are the horizontal spans the figures occupy: right-aligned figures of one
   column share their right edge, so their spans overlap, while different columns do not;
   header phrases go to the column they overlap (or whose right edge is nearest);
4. a table that runs to the end of a page and continues at the top of the next (with the
   header repeated or not) is one table, each row keeping its own page;
5. other lines are headings (larger or bold short lines), page numbers (dropped) or
   narrative, joined into paragraphs.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field

from redovisa.checks.model import Paragraph
from redovisa.checks.numbers import MINUSES, parse_number
from redovisa.checks.readers.base import RawCell, RawDocument, RawTable
from redovisa.checks.recognise import table_id


@dataclass(frozen=True, slots=True)
class Word:
    """Ord: a word with its box (points from the page's top left), font size and weight."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 10.0
    bold: bool = False


@dataclass(slots=True)
class Phrase:
    """Words that belong together: a label, a figure, a header text."""

    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass(slots=True)
class Line:
    """Rad: words on one baseline, as phrases, with its page."""

    words: list[Word]
    page: int
    phrases: list[Phrase] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


_GROUP3 = re.compile(r"^\d{3}(,\d+)?\)?%?$")
_NUMBER_START = re.compile(rf"^[{MINUSES}(]?\d")
_SIGN_ONLY = re.compile(rf"^[{MINUSES}(]$")
_NOTE_REF = re.compile(r"^(not\s*)?\d{1,2}(\s*[,&-]\s*\d{1,2})*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(sida\s*)?\d{1,4}(\s*\(\d+\)|\s*(av|/)\s*\d+)?$", re.IGNORECASE)
_DASH = re.compile(rf"^[{MINUSES}]+$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DATE_LIKE = re.compile(r"^((19|20)\d\d[-\d]*|[a-zåäö]+ (19|20)\d\d)$", re.IGNORECASE)


def is_figure(text: str) -> bool:
    """A printed figure (``−11 304``, ``(250)``, ``3,6 %``) or a dash for nothing."""
    return parse_number(text) is not None or bool(_DASH.match(text.strip()))


def _joins_number(phrase: Phrase, word: Word, gap: float) -> bool:
    """True when ``word`` continues the figure in ``phrase`` (thousands group, sign, %)."""
    size = word.size
    if gap > 0.55 * size:
        return False
    last = phrase.words[-1].text
    if _SIGN_ONLY.match(last) and word.text[:1].isdigit():
        return True
    if word.text == "%" and last[-1:].isdigit():
        return True
    return bool(_NUMBER_START.match(phrase.text) and _GROUP3.match(word.text)) and bool(
        re.match(rf"^[{MINUSES}(]?\d{{1,3}}([\s]\d{{3}})*$", phrase.text)
    )


def phrases(words: list[Word]) -> list[Phrase]:
    """Split a line's words into phrases at gaps wider than a word space."""
    out: list[Phrase] = []
    for w in words:
        if not out:
            out.append(Phrase([w]))
            continue
        cur = out[-1]
        gap = w.x0 - cur.x1
        numeric_cur = bool(_NUMBER_START.match(cur.text)) and is_figure(cur.text)
        if numeric_cur or _SIGN_ONLY.match(cur.text):
            # a figure continues with its own thousands groups, sign or %; a word at a
            # word space makes it text ("50- år", "- varav"); another figure is a column
            if _joins_number(cur, w, gap) or (
                gap <= 0.8 * w.size and not _NUMBER_START.match(w.text) and w.text != "%"
            ):
                cur.words.append(w)
            else:
                out.append(Phrase([w]))
            continue
        if gap <= 0.8 * w.size and not (
            is_figure(w.text) and gap > 0.55 * w.size and _NUMBER_START.match(w.text)
        ):
            cur.words.append(w)
        else:
            out.append(Phrase([w]))
    return out


def lines_of(words: list[Word], page: int) -> list[Line]:
    """Group a page's words into lines (same baseline), left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if lines and abs(lines[-1].words[-1].bottom - w.bottom) <= 0.25 * w.size:
            lines[-1].words.append(w)
        else:
            lines.append(Line([w], page))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
        line.phrases = phrases(line.words)
    return lines


def row_values(line: Line) -> list[Phrase] | None:
    """The value phrases of a table row (after its label), or None when it is no row.

    A row is a label followed by figures (and note references such as ``Not 5``), or at
    least two figures without a label.
    """
    ps = line.phrases
    start = 0 if is_figure(ps[0].text) else 1
    values = ps[start:]
    if not values or (start == 0 and len(values) < 2):
        return None
    if all(_YEAR.match(p.text) for p in values if is_figure(p.text)) and (
        start == 0 or _DATE_LIKE.match(ps[0].text) or line.bold
    ):
        return None  # a header line: "2024  2023" under "Prognos  Bokslut"
    if any(is_figure(p.text) for p in values) and all(
        is_figure(p.text) or _NOTE_REF.match(p.text) for p in values
    ):
        return values
    return None


@dataclass(slots=True)
class _Region:
    lines: list[Line]
    rows: list[tuple[Line, list[Phrase]] | Line]  # a row with its values, or a label line
    header: list[Line] = field(default_factory=list)
    title: str | None = None
    section: str | None = None


def _clusters(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Merge overlapping horizontal spans: each merged span is one column."""
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1] + 0.5:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _column_of(p: Phrase, cols: list[tuple[float, float]]) -> int | None:
    best, best_overlap = None, 0.0
    for k, (a, b) in enumerate(cols):
        overlap = min(b, p.x1) - max(a, p.x0)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    if best is not None:
        return best
    if not cols or p.x1 < cols[0][0]:
        return None
    return min(range(len(cols)), key=lambda k: abs(cols[k][1] - p.x1))


def _table(region: _Region) -> RawTable:
    spans = [(p.x0, p.x1) for item in region.rows if isinstance(item, tuple) for p in item[1]]
    cols = _clusters(spans)
    header: list[list[str]] = [[] for _ in range(len(cols) + 1)]
    for line in region.header:
        for p in line.phrases:
            k = _column_of(p, cols)
            header[0 if k is None else k + 1].append(p.text)
    rows: list[list[RawCell]] = []
    pages: list[int | None] = []
    if any(header[1:]):
        rows.append([RawCell(" ".join(h)) for h in header])
        pages.append(region.header[0].page)
    for item in region.rows:
        line, values = item if isinstance(item, tuple) else (item, [])
        label_words = [p for p in line.phrases if p not in values]
        cells = [RawCell("")] * (len(cols) + 1)
        cells[0] = RawCell(" ".join(p.text for p in label_words), line.bold)
        for p in values:
            k = _column_of(p, cols)
            k = 0 if k is None else k + 1
            text = "" if _DASH.match(p.text) else p.text
            cells[k] = RawCell(text, p.bold or line.bold)
        rows.append(cells)
        pages.append(line.page)
    title = region.title
    head_label = " ".join(header[0])
    if head_label and len(head_label) > 3:
        recognised = table_id(head_label, [], []) is not None
        title = head_label if recognised or title is None else f"{title} ({head_label})"
    return RawTable(rows, title, region.section, region.lines[0].page, row_pages=pages)


class _Builder:
    """Walks the lines of all pages in order and collects tables and paragraphs."""

    def __init__(self, body_size: float) -> None:
        self.body = body_size
        self.doc = RawDocument()
        self.section: str | None = None
        self.title: str | None = None
        self.para: list[Line] = []
        self.last_table: RawTable | None = None
        self.last_cols = 0

    def heading(self, line: Line) -> bool:
        text = line.text
        if len(text) > 100 or is_figure(text):
            return False
        return line.size >= self.body * 1.15 or (line.bold and len(line.phrases) == 1)

    def flush_para(self) -> None:
        if not self.para:
            return
        text = ""
        for line in self.para:
            t = line.text
            if text.endswith("-") and t[:1].islower():
                text = text[:-1] + t
            else:
                text = f"{text} {t}" if text else t
        self.doc.paragraphs.append(Paragraph(text, self.section, self.para[0].page))
        if len(text) <= 120:
            self.title = text
        self.para = []
        self.last_table = None

    def text_line(self, line: Line) -> None:
        if _PAGE_NUMBER.match(line.text.strip()):
            return
        if self.heading(line):
            self.flush_para()
            self.section = self.title = line.text
            self.last_table = None
            return
        if self.para:
            prev = self.para[-1]
            gap = line.top - prev.bottom
            if prev.page != line.page or gap > 0.6 * line.size:
                self.flush_para()
        self.para.append(line)

    def region(self, region: _Region, continues: bool) -> None:
        self.flush_para()
        region.title, region.section = self.title, self.section
        table = _table(region)
        ncols = len(table.rows[-1]) if table.rows else 0
        last = self.last_table
        if continues and last is not None and ncols == self.last_cols:
            body = table.rows[1:] if region.header and len(table.rows) > 1 else table.rows
            pages = table.row_pages or []
            body_pages = pages[1:] if region.header and len(pages) > 1 else pages
            last.rows.extend(body)
            if last.row_pages is not None:
                last.row_pages.extend(body_pages)
            return
        self.doc.tables.append(table)
        self.last_table, self.last_cols = table, ncols


def _pitch(rows: list[Line]) -> float:
    gaps = [b.top - a.top for a, b in itertools.pairwise(rows) if b.page == a.page]
    gaps = [g for g in gaps if g > 0]
    return statistics.median(gaps) if gaps else rows[0].size * 1.6


def build_document(pages: list[list[Word]]) -> RawDocument:
    """Tables and paragraphs from the words of each page (page numbers from 1)."""
    all_lines = [lines_of(words, no) for no, words in enumerate(pages, start=1)]
    sizes = [w.size for words in pages for w in words]
    builder = _Builder(statistics.median(sizes) if sizes else 10.0)
    for page_lines in all_lines:
        _page(builder, page_lines)
    builder.flush_para()
    return builder.doc


@dataclass(slots=True)
class _Span:
    header: list[int]
    body: list[int]  # row and label-only line indices, in order


def _find_regions(lines: list[Line], values: list[list[Phrase] | None], b: _Builder) -> list[_Span]:
    """Pass 1: where the tables of a page are (header lines and body lines)."""
    spans: list[_Span] = []
    i = 0
    while i < len(lines):
        if values[i] is None:
            i += 1
            continue
        floor = spans[-1].body[-1] + 1 if spans else 0
        vals = values[i] or []
        value_left = min(p.x0 for p in vals)
        lead: list[int] = []
        m = i - 1
        while m >= floor and i - m <= 3 and _label_only(lines[m], value_left, b):
            if lines[m + 1].top - lines[m].bottom > 1.5 * lines[m].size:
                break
            lead.insert(0, m)
            m -= 1
        header = _collect_header(lines, values, (lead or [i])[0], value_left, floor, b)
        if not header:
            lead = []
        body = [*lead]
        row_lines: list[Line] = []
        j = i
        while j < len(lines):
            if values[j] is not None:
                body.append(j)
                row_lines.append(lines[j])
                j += 1
                continue
            k = j
            while k < len(lines) and values[k] is None and k - j < 3:
                k += 1
            rest = [m for m in range(k, len(lines)) if not _PAGE_NUMBER.match(lines[m].text)]
            if not rest and _trailing(lines, j, k, row_lines, b):
                # label lines at the foot of the page: the table goes on on the next page
                body.extend(m for m in range(j, k) if not _PAGE_NUMBER.match(lines[m].text))
                j = k
                break
            if k >= len(lines) or values[k] is None or not _inside(lines, j, k, row_lines, b):
                break
            body.extend(range(j, k))
            j = k
        spans.append(_Span(header, body))
        i = j
    return spans


def _label_only(line: Line, value_left: float, b: _Builder) -> bool:
    return line.words[-1].x1 < value_left and line.size <= b.body * 1.15


def _page(b: _Builder, lines: list[Line]) -> None:
    values = [row_values(line) for line in lines]
    spans = _find_regions(lines, values, b)
    owner: dict[int, _Span] = {}
    for span in spans:
        for k in (*span.header, *span.body):
            owner[k] = span
    first_content = True
    done: set[int] = set()
    for i, line in enumerate(lines):
        found = owner.get(i)
        if found is None:
            if not _PAGE_NUMBER.match(line.text.strip()):
                first_content = False
            b.text_line(line)
            continue
        span = found
        if id(span) in done:
            continue
        done.add(id(span))
        rows: list[tuple[Line, list[Phrase]] | Line] = []
        row_lines = [lines[k] for k in span.body if values[k] is not None]
        pitch = _pitch(row_lines)
        for k in span.body:
            v = values[k]
            if v is not None:
                rows.append((lines[k], v))
                continue
            prev = rows[-1] if rows else None
            prev_line = prev[0] if isinstance(prev, tuple) else prev
            if (
                prev is not None
                and prev_line is not None
                and isinstance(prev, tuple)
                and lines[k].top - prev_line.top < 0.85 * pitch
                and (prev_line.bold or not lines[k].bold)
            ):
                # the second line of a wrapped label
                rows[-1] = (_with_continuation(prev_line, lines[k]), prev[1])
            else:
                rows.append(lines[k])
        header = [lines[k] for k in span.header]
        continues = first_content and not header_has_title(header)
        b.region(_Region(row_lines, rows, header), continues)
        first_content = False


def header_has_title(header: list[Line]) -> bool:
    """True when a header line starts with a table title rather than column headings."""
    return any(len(h.phrases) > 1 and len(h.phrases[0].text) > 12 for h in header)


def _with_continuation(line: Line, more: Line) -> Line:
    label = line.phrases[0]
    joined = Phrase([*label.words, *more.words])
    return Line([*line.words, *more.words], line.page, [joined, *line.phrases[1:]])


def _inside(lines: list[Line], j: int, k: int, rows: list[Line], b: _Builder) -> bool:
    """Label-only lines j..k-1 lie between rows of one table (headings, wrapped labels)."""
    if not rows:
        return False
    pitch = _pitch(rows)
    value_left = min(p.x0 for r in rows for p in (row_values(r) or []))
    prev = rows[-1]
    for m in range(j, k):
        line = lines[m]
        if line.page != prev.page or line.top - prev.bottom > 2.5 * pitch:
            return False
        if line.words[-1].x1 > value_left or (b.heading(line) and line.size > b.body * 1.15):
            return False
        prev = line
    nxt = lines[k]
    return nxt.page == prev.page and nxt.top - prev.bottom <= 2.5 * pitch


def _trailing(lines: list[Line], j: int, k: int, rows: list[Line], b: _Builder) -> bool:
    """Label-only lines j..k-1 at the foot of a page, close below a table's last row."""
    if not rows or j == k:
        return False
    pitch = _pitch(rows)
    value_left = min(p.x0 for r in rows for p in (row_values(r) or []))
    prev = rows[-1]
    for m in range(j, k):
        line = lines[m]
        if _PAGE_NUMBER.match(line.text):
            continue
        if line.top - prev.bottom > 1.5 * pitch or not _label_only(line, value_left, b):
            return False
        prev = line
    return True


def _collect_header(  # noqa: PLR0917
    lines: list[Line],
    values: list[list[Phrase] | None],
    start: int,
    value_left: float,
    floor: int,
    b: _Builder,
) -> list[int]:
    """Lines directly above ``start`` whose phrases sit over the figures."""
    out: list[int] = []
    below = lines[start]
    for m in range(start - 1, max(start - 4, floor - 1), -1):
        line = lines[m]
        if values[m] is not None or line.page != below.page:
            break
        if below.top - line.bottom > 2.2 * line.size or line.size > b.body * 1.15:
            break
        right = [p for p in line.phrases if p.x1 > value_left]
        if not right or any(p.x0 < value_left - 4 * line.size for p in right):
            break
        out.insert(0, m)
        below = line
    return out

"""From raw tables to recognised :class:`CheckedTable` values (ids, columns, row kinds)."""

from __future__ import annotations

import re
from decimal import Decimal

from redovisa.checks.labels import SUM_LABEL, matches, norm
from redovisa.checks.model import CheckedReport, CheckedRow, CheckedTable, Column, RowKind
from redovisa.checks.numbers import parse_number
from redovisa.checks.readers.base import RawCell, RawDocument, RawTable
from redovisa.checks.recognise import column_role_key, note_number, table_id, unit_of

_NOTE_CELL = re.compile(r"^(not\s*)?\d{1,2}(\s*[,&-]\s*\d{1,2}|\s+och\s+\d{1,2})*$", re.IGNORECASE)
_YEARISH = re.compile(r"^(19|20)\d\d$")


def _value(cell: RawCell) -> Decimal | None:
    if cell.number is not None:
        return cell.number
    return parse_number(cell.text) if cell.text else None


def _is_header(row: list[RawCell]) -> bool:
    rest = [c for c in row[1:] if c.text]
    if not rest:
        return False
    return all(_value(c) is None or _YEARISH.match(c.text.strip()) for c in rest)


def _note_columns(rows: list[list[RawCell]], header: list[str]) -> set[int]:
    out: set[int] = set()
    width = max(len(r) for r in rows)
    for j in range(1, width):
        cells = [r[j].text for r in rows if j < len(r) and r[j].text]
        head = header[j] if j < len(header) else ""
        if not cells:
            if norm(head) in ("not", "noter"):
                out.add(j)
            continue
        if all(_NOTE_CELL.match(c) for c in cells) and (
            norm(head) in ("not", "noter") or any(c.lower().startswith("not") for c in cells)
        ):
            out.add(j)
    return out


def _column_id(label: str, used: set[str]) -> str:
    """External reports: the printed label is the id, so findings name the column as printed."""
    base = re.sub(r"\s+", " ", label).strip() or "Kolumn"
    cid, n = base, 2
    while cid in used:
        cid, n = f"{base}_{n}", n + 1
    used.add(cid)
    return cid


def _kind(label: str, bold: bool, has_values: bool, tid: str | None) -> RowKind:
    if not has_values:
        return RowKind.HEADING if label else RowKind.ITEM
    if matches(label, r"(årets|periodens) resultat$"):
        # the last line of the income statement; elsewhere an item (KF, equity note)
        return RowKind.SUBTOTAL if tid == "resultatrakning" else RowKind.ITEM
    if bold or matches(label, *SUM_LABEL):
        return RowKind.SUBTOTAL
    return RowKind.ITEM


def tables_from_raw(raw: RawTable, counter: list[int]) -> list[CheckedTable]:
    """One or more recognised tables from one raw table (a notes table splits per note)."""
    kept = [k for k, r in enumerate(raw.rows) if any(c.text for c in r)]
    rows = [raw.rows[k] for k in kept]
    header_cells: list[str] = []
    if rows and _is_header(rows[0]):
        header_cells = [c.text.replace("\n", " ") for c in rows[0]]
        rows = rows[1:]
        kept = kept[1:]
    if not rows:
        return []
    width = max(*(len(r) for r in rows), len(header_cells))
    header_cells += [""] * (width - len(header_cells))
    notes = _note_columns(rows, header_cells)
    used: set[str] = set()
    columns: list[tuple[int, Column]] = []
    for j in range(1, width):
        if j in notes:
            continue
        label = header_cells[j] or f"Kolumn {j}"
        role, key = column_role_key(label)
        columns.append((j, Column(_column_id(label, used), label, role, key)))
    title = raw.title or raw.section or ""
    labels = [r[0].text for r in rows if r]
    tid = table_id(title, labels, header_cells)
    unit = unit_of(title, header_cells)
    checked: list[CheckedRow] = []
    for r, k in zip(rows, kept, strict=True):
        label = r[0].text.replace("\n", " ") if r else ""
        values: dict[str, Decimal] = {}
        texts: dict[str, str] = {}
        for j, col in columns:
            if j < len(r) and r[j].text:
                texts[col.id] = r[j].text
                v = _value(r[j]) if unit != "text" else None
                if v is not None:
                    values[col.id] = v
        note = next((r[j].text for j in notes if j < len(r) and r[j].text), None)
        if note:
            note = re.sub(r"(?i)^not\s*", "", note).strip()
        bold = any(c.bold for c in r)
        kind = _kind(label, bold, bool(values), tid)
        line = raw.row_lines[k] if raw.row_lines else None
        page = raw.row_pages[k] if raw.row_pages else None
        checked.append(CheckedRow(label, kind, note, values, texts, line, page))
    cols = [c for _, c in columns]
    return _split_notes(tid, title, cols, checked, unit, raw, counter)


def _split_notes(  # noqa: PLR0917
    tid: str | None,
    title: str,
    cols: list[Column],
    rows: list[CheckedRow],
    unit: str,
    raw: RawTable,
    counter: list[int],
) -> list[CheckedTable]:
    heads = [i for i, r in enumerate(rows) if r.kind is RowKind.HEADING and note_number(r.label)]
    is_notes = (tid is None or tid == "noter") and (
        "not" in norm(title) or (heads and heads[0] == 0)
    )
    if is_notes and heads:
        out = []
        for k, start in enumerate(heads):
            end = heads[k + 1] if k + 1 < len(heads) else len(rows)
            no = note_number(rows[start].label)
            out.append(
                CheckedTable(
                    f"not_{no}", rows[start].label, cols, rows[start + 1 : end], unit, raw.section
                )
            )
            out[-1].page = raw.page
            out[-1].sheet = raw.sheet
        return out
    if tid is None or tid == "noter":
        counter[0] += 1
        tid = f"tabell_{counter[0]}"
    return [CheckedTable(tid, title, cols, rows, unit, raw.section, raw.page, raw.sheet)]


# tables whose content may be words only (goals judged "uppfyllt" in text)
_TEXT_TABLES = {"maluppfyllelse"}


def report_from_raw(raw: RawDocument, path: str | None = None) -> CheckedReport:
    """A :class:`CheckedReport` from everything a reader found."""
    report = CheckedReport(paragraphs=list(raw.paragraphs), path=path)
    counter = [0]
    for t in raw.tables:
        for table in tables_from_raw(t, counter):
            if not any(r.values for r in table.rows) and table.id not in _TEXT_TABLES:
                # no figure at all (a list of contents naming the statements): whatever
                # its words, it is not the statement itself
                counter[0] += 1
                table.id = f"tabell_{counter[0]}"
            report.tables.append(table)
    dates = [
        c.key[1]
        for t in report.tables
        if t.id in ("resultatrakning", "balansrakning")
        for c in t.columns
        if c.key and c.key[0] == "actual" and c.key[1]
    ]
    report.period_end = max(dates) if dates else None
    return report

"""Tabellvy: every table as a reader sees it, the same for every output format.

Statement tables (exact kronor, :class:`~redovisa.statements.table.StatementTable`) and
the display tables of the compute packages (:class:`~redovisa.core.table.Table`: sick
leave, goals) become one :class:`ViewTable`: caption, column labels, rows with their kind
(heading, item, subtotal, total), note references and cells with the text shown and the
rounded number behind it (for Excel). Rounding happens here, once (DESIGN.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from redovisa.core.table import Table
from redovisa.report.numfmt import group_digits, in_unit, round_half_away
from redovisa.report.text import AnyTable
from redovisa.statements.table import StatementTable

LABEL_HEADERS = {
    "driftredovisning": "Verksamhet",
    "investeringsredovisning": "Projekt",
    "sjukfranvaro_alder": "Åldersgrupp",
    "sjukfranvaro_kon": "Kön",
    "maluppfyllelse": "Målvärde",
}
NOTE_HEADER = "Not"


@dataclass(frozen=True, slots=True)
class ViewCell:
    """Cell: the text shown; ``number`` is the shown figure (None for text), ``places`` its
    decimals."""

    text: str
    number: Decimal | None = None
    places: int = 0


@dataclass(frozen=True, slots=True)
class ViewRow:
    """Rad: label, kind, note references, one cell per column, detail lines under the label."""

    label: str
    kind: str
    notes: tuple[str, ...]
    cells: tuple[ViewCell, ...]
    detail: tuple[str, ...] = ()

    @property
    def strong(self) -> bool:
        """Headings, subtotals and totals are set in bold."""
        return self.kind in ("heading", "subtotal", "total")


@dataclass(frozen=True, slots=True)
class ViewTable:
    """Tabell: id, caption, label-column header, columns, rows, footnotes."""

    id: str
    caption: str
    label_header: str
    column_ids: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[ViewRow, ...]
    footnotes: tuple[str, ...] = ()
    numeric: tuple[bool, ...] = ()

    @property
    def has_notes(self) -> bool:
        """Whether any row refers to a note (then a "Not" column is shown)."""
        return any(r.notes for r in self.rows)

    @property
    def note_number(self) -> str | None:
        """``"5"`` for table ``not_5``."""
        head, _, number = self.id.partition("_")
        return number if head == "not" and number.isdigit() else None


def _statement(table: StatementTable, unit: str) -> ViewTable:
    ids = tuple(c.id for c in table.columns)
    rows = []
    for line in table.rows:
        cells = []
        for cid in ids:
            value = line.values.get(cid)
            if line.kind == "heading" or value is None:
                cells.append(ViewCell(""))
            elif line.unit == "procent":
                shown = round_half_away(value, 1)
                cells.append(ViewCell(group_digits(shown, 1), shown, 1))
            else:
                shown = in_unit(value, unit)
                cells.append(ViewCell(group_digits(shown), shown))
        rows.append(ViewRow(line.label, line.kind, line.notes, tuple(cells)))
    return ViewTable(
        id=table.id,
        caption=f"{table.title} ({table.unit or unit})",
        label_header=LABEL_HEADERS.get(table.id, "Post"),
        column_ids=ids,
        columns=tuple(c.label for c in table.columns),
        rows=tuple(rows),
        numeric=tuple(True for _ in ids),
    )


def _display(table: Table) -> ViewTable:
    ids = tuple(c.id for c in table.columns)
    rows = []
    numeric = [True] * len(ids)
    for row in table.rows:
        cells = []
        for i, cid in enumerate(ids):
            cell = row.cells.get(cid)
            if cell is None:
                cells.append(ViewCell(""))
                continue
            if cell.value is None and cell.text not in ("", "–"):
                numeric[i] = False
            places = max(-int(cell.value.as_tuple().exponent), 0) if cell.value is not None else 0
            text = group_digits(cell.value, places) if cell.value is not None else cell.text
            cells.append(ViewCell(text, cell.value, places))
        rows.append(ViewRow(row.label, row.kind, (), tuple(cells), row.detail))
    caption = table.title
    if table.id.startswith("sjukfranvaro") and "procent" not in caption:
        caption += " (procent)"
    return ViewTable(
        id=table.id,
        caption=caption,
        label_header=LABEL_HEADERS.get(table.id, "Post"),
        column_ids=ids,
        columns=tuple(c.label for c in table.columns),
        rows=tuple(rows),
        footnotes=tuple(table.notes),
        numeric=tuple(numeric),
    )


def view_table(table: AnyTable, unit: str) -> ViewTable:
    """The reader's view of any report table."""
    if isinstance(table, StatementTable):
        return _statement(table, unit)
    return _display(table)


__all__ = ["LABEL_HEADERS", "NOTE_HEADER", "ViewCell", "ViewRow", "ViewTable", "view_table"]

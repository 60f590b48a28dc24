"""The checks' own table model: what every reader produces and every rule reads.

Checks sit above the report model and must run on anyone's report, so they do not
use the classes of ``redovisa.report``. A :class:`CheckedReport` is filled either from
``report.json`` (``readers.json_report``) or from an external report (Markdown, HTML,
DOCX, XLSX, PDF), and the same rules run on both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class RowKind(StrEnum):
    """Radtyp: heading, item, subtotal or total (the kinds of report.json)."""

    HEADING = "heading"
    ITEM = "item"
    SUBTOTAL = "subtotal"
    TOTAL = "total"


class ColumnRole(StrEnum):
    """Kolumnroll: what a column holds (outcome, budget, forecast, deviation)."""

    ACTUAL = "actual"
    BUDGET = "budget"
    FORECAST = "forecast"
    DEVIATION = "deviation"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Column:
    """Kolumn: id, label as printed, role and the period key it belongs to.

    ``key`` ties columns of different tables together: ``("actual", "2024-06-30")``,
    ``("budget", "2024")``, ``("forecast", "2024")``; None when unknown.
    """

    id: str
    label: str
    role: ColumnRole = ColumnRole.OTHER
    key: tuple[str, str] | None = None


@dataclass(slots=True)
class CheckedRow:
    """Tabellrad: label, note reference, kind and the figures shown per column id.

    ``line`` is the row's line in the file (the sheet row for XLSX) and ``page`` the PDF
    page it is printed on, when the reader knows them (a table may span pages).
    """

    label: str
    kind: RowKind = RowKind.ITEM
    note: str | None = None
    values: dict[str, Decimal] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    page: int | None = None

    @property
    def is_varav(self) -> bool:
        """True for a "varav"/"därav" row: a part of the row above, not a summand."""
        from redovisa.checks.labels import is_varav  # noqa: PLC0415

        return is_varav(self.label)

    @property
    def is_sum(self) -> bool:
        """True for subtotal and total rows."""
        return self.kind in (RowKind.SUBTOTAL, RowKind.TOTAL)


@dataclass(slots=True)
class CheckedTable:
    """Tabell: a recognised table with its id, title, columns, rows and place.

    ``unit`` is the unit the figures are printed in (``tkr``, ``mnkr``, ``kr`` or ``%``);
    ``section``, ``page`` (PDF) and ``sheet`` (XLSX) say where the table is in the report.
    """

    id: str
    title: str
    columns: list[Column]
    rows: list[CheckedRow]
    unit: str = "tkr"
    section: str | None = None
    page: int | None = None
    sheet: str | None = None

    def column(self, column_id: str) -> Column | None:
        """The column with this id, or None."""
        return next((c for c in self.columns if c.id == column_id), None)

    def columns_by_key(self) -> dict[tuple[str, str], Column]:
        """Columns that have a period key, by key (first wins)."""
        out: dict[tuple[str, str], Column] = {}
        for c in self.columns:
            if c.key is not None and c.key not in out:
                out[c.key] = c
        return out

    @property
    def place(self) -> str | None:
        """Section, sheet and page as one string for a finding, e.g. ``Noter, s. 16``."""
        return self.place_of(None)

    def place_of(self, row: CheckedRow | None) -> str | None:
        """Where a row is: ``Noter, s. 17`` (PDF page), ``blad RR, rad 12`` (XLSX sheet row)."""
        page = row.page if row is not None and row.page is not None else self.page
        parts = [self.section, f"blad {self.sheet}" if self.sheet else None]
        if self.sheet and row is not None and row.line is not None:
            parts.append(f"rad {row.line}")
        parts.append(f"s. {page}" if page else None)
        return ", ".join(p for p in parts if p) or None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Stycke: narrative text with the section (and page) it is in."""

    text: str
    section: str | None = None
    page: int | None = None


@dataclass(slots=True)
class CheckedReport:
    """Granskad rapport: the tables and narrative of one report, ready for the rules."""

    tables: list[CheckedTable] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    unit: str = "tkr"
    period_end: str | None = None
    path: str | None = None

    def table(self, table_id: str) -> CheckedTable | None:
        """The first table with this id, or None."""
        return next((t for t in self.tables if t.id == table_id), None)

    def tables_like(self, prefix: str) -> list[CheckedTable]:
        """Tables whose id starts with ``prefix`` (``not_`` gives every note)."""
        return [t for t in self.tables if t.id.startswith(prefix)]

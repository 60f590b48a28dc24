"""Tabellvärde: a small format-neutral table that compute packages hand to the report.

A :class:`Table` is what a reader sees (labels and display text, Swedish number format)
plus the figure behind each cell (``value`` rounded as shown, ``exact`` as a string), so
renderers and checks need no knowledge of where the numbers came from. The report model
(DESIGN.md section 4) can adapt it: ``Table.to_json`` writes the report.json shape.

Percentages are rounded once, at presentation, to one decimal, half away from zero
(:func:`round_half_away`), from the exact value (a :class:`~fractions.Fraction`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

__all__ = ["Cell", "Column", "Row", "Table", "format_sv", "round_half_away"]


def round_half_away(value: Fraction | Decimal, places: int = 1) -> Decimal:
    """Round an exact value to ``places`` decimals, half away from zero (3.65 -> 3.7).

    >>> round_half_away(Fraction(73, 20))
    Decimal('3.7')
    >>> round_half_away(Fraction(-1, 20))
    Decimal('-0.1')
    """
    exact = Fraction(value)
    quantum = Decimal(1).scaleb(-places)
    # Decimal(num)/Decimal(den) is exact enough only for short fractions; scale instead.
    scaled = exact * 10**places
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return (Decimal(sign * whole).scaleb(-places)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_sv(value: Decimal, suffix: str = "") -> str:
    """Swedish display of a number: decimal comma, minus sign, space as thousands separator."""
    text = f"{abs(value):,}".replace(",", " ").replace(".", ",")
    sign = "−" if value < 0 else ""
    return f"{sign}{text}{suffix}"


@dataclass(frozen=True, slots=True)
class Column:
    """Kolumn: a column id (stable, ASCII) and its Swedish label."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Cell:
    """Cell: display text, the shown figure and its exact value; ``note`` explains a blank."""

    text: str
    value: Decimal | None = None
    exact: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """Rad: label, kind (heading, item, subtotal, total), cells by column id, detail lines.

    ``unit`` is ``"procent"`` when the row's figures are percentages (as the statements'
    ``Line.unit``), so report.json can say so.
    """

    label: str
    cells: Mapping[str, Cell] = field(default_factory=dict)
    kind: str = "item"
    detail: tuple[str, ...] = ()
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """Tabell: stable id (DESIGN.md section 4), Swedish title, columns, rows and footnotes."""

    id: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()

    def cell(self, row_label: str, column_id: str) -> Cell:
        """The cell in the first row with that label; KeyError when there is none."""
        for row in self.rows:
            if row.label == row_label and column_id in row.cells:
                return row.cells[column_id]
        raise KeyError((row_label, column_id))

    def to_json(self) -> dict[str, Any]:
        """The report.json table shape: values as shown, exact values as strings."""
        rows: list[dict[str, Any]] = []
        for row in self.rows:
            out: dict[str, Any] = {
                "label": row.label,
                "kind": row.kind,
                "values": {
                    k: (str(c.value) if c.value is not None else c.text)
                    for k, c in row.cells.items()
                },
                "exact": {k: c.exact for k, c in row.cells.items() if c.exact is not None},
            }
            notes = {k: c.note for k, c in row.cells.items() if c.note}
            if notes:
                out["notes"] = notes
            if row.detail:
                out["detail"] = list(row.detail)
            rows.append(out)
        return {
            "id": self.id,
            "title": self.title,
            "columns": [{"id": c.id, "label": c.label} for c in self.columns],
            "rows": rows,
            "notes": list(self.notes),
        }

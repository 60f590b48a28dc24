"""Rapporttabell: statement tables with exact values, before rounding and rendering.

A :class:`StatementTable` holds exact Decimal kronor per row and column id, the note ids a row
refers to and the accounts behind it. Rounding to the unit happens once, when the report is
written (:mod:`redovisa.render.json`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

Value = Decimal | None


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """Kolumn: what a column shows.

    ``kind`` is ``flow`` (movements from ``start`` to ``end``, or balances at ``end``),
    ``plan`` (budget or prognos of ``year``) or ``derived`` (avvikelse).
    """

    id: str
    label: str
    kind: str
    start: date | None = None
    end: date | None = None
    plan: str | None = None
    year: int | None = None
    shown: bool = True


@dataclass(slots=True)
class Line:
    """Rad: a row of a statement table with exact values per column id."""

    key: str
    label: str
    kind: str = "item"
    values: dict[str, Value] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    optional: bool = False
    unit: str | None = None
    governs: tuple[str, ...] = ()
    parts: tuple[tuple[str, int], ...] = ()  # (row key, sign) of a sum row


@dataclass(slots=True)
class StatementTable:
    """Tabell: id (DESIGN.md §4), Swedish title, columns and rows."""

    id: str
    title: str
    columns: list[ColumnSpec]
    rows: list[Line]
    unit: str | None = None

    def row(self, key: str) -> Line:
        """The row with ``key``; KeyError when there is none."""
        for line in self.rows:
            if line.key == key:
                return line
        raise KeyError(key)

    def find(self, label: str) -> Line:
        """The first row with ``label``; KeyError when there is none."""
        for line in self.rows:
            if line.label == label:
                return line
        raise KeyError(label)

    def value(self, key: str, column: str) -> Value:
        """Exact value of a row (by key) in a column."""
        return self.row(key).values.get(column)


def add(values: Iterable[Value]) -> Value:
    """Sum that is None when any part is None."""
    total = Decimal("0.00")
    for v in values:
        if v is None:
            return None
        total += v
    return total


def neg(v: Value) -> Value:
    """Negation that keeps None."""
    return None if v is None else -v


class Builder:
    """Builds a table row by row over the value columns, then derives and filters."""

    def __init__(
        self,
        table_id: str,
        title: str,
        columns: Sequence[ColumnSpec],
        *,
        invert_deviation: bool = False,
        omit_zero: bool = True,
    ) -> None:
        self.table = StatementTable(table_id, title, list(columns), [])
        self.value_columns = [c for c in columns if c.kind != "derived"]
        self.invert = invert_deviation
        self.omit_zero = omit_zero
        self._by_key: dict[str, Line] = {}

    def _add(self, line: Line) -> Line:
        self.table.rows.append(line)
        self._by_key[line.key] = line
        return line

    def heading(self, key: str, label: str, governs: Sequence[str] = ()) -> Line:
        """A heading; with ``governs`` it is shown only when one of those rows is."""
        return self._add(Line(key, label, "heading", governs=tuple(governs)))

    def item(
        self,
        key: str,
        label: str,
        fn: Callable[[ColumnSpec], Value],
        *,
        kind: str = "item",
        optional: bool = False,
        notes: Sequence[str] = (),
        accounts: Sequence[str] = (),
        unit: str | None = None,
    ) -> Line:
        """A row whose value in each column is ``fn(column)``."""
        values = {c.id: fn(c) for c in self.value_columns}
        return self._add(
            Line(key, label, kind, values, tuple(notes), tuple(accounts), optional, unit)
        )

    def total(
        self,
        key: str,
        label: str,
        parts: Sequence[str],
        *,
        kind: str = "subtotal",
        optional: bool = False,
        notes: Sequence[str] = (),
        signs: Sequence[int] | None = None,
    ) -> Line:
        """A row that is the sum of other rows (by key), optionally with signs."""
        lines = [self._by_key[p] for p in parts]
        mult = list(signs) if signs is not None else [1] * len(lines)
        values: dict[str, Value] = {}
        for c in self.value_columns:
            vals = [ln.values.get(c.id) for ln in lines]
            values[c.id] = add(v if s > 0 else neg(v) for v, s in zip(vals, mult, strict=True))
        accounts = sorted({a for ln in lines for a in ln.accounts})
        line = Line(key, label, kind, values, tuple(notes), tuple(accounts), optional)
        line.parts = tuple(zip(parts, mult, strict=True))
        return self._add(line)

    def get(self, key: str) -> Line:
        """A row added before."""
        return self._by_key[key]

    def build(self) -> StatementTable:
        """Derive the avvikelse columns, drop zero optional rows and empty headings."""
        derived = [c for c in self.table.columns if c.kind == "derived"]
        ids = {c.id for c in self.value_columns}
        for line in self.table.rows:
            if line.kind == "heading":
                continue
            for c in derived:
                line.values[c.id] = self._deviation(line, ids)
        kept: list[Line] = []
        shown_keys: set[str] = set()
        for line in self.table.rows:
            if line.kind != "heading" and line.optional and self.omit_zero and _all_zero(line):
                continue
            if (
                line.kind == "subtotal"
                and self.omit_zero
                and line.parts
                and not any(k in shown_keys for k, _ in line.parts)
            ):
                continue  # a subtotal of rows none of which is shown says nothing
            kept.append(line)
            shown_keys.add(line.key)
        self.table.rows = [
            ln
            for ln in kept
            if ln.kind != "heading" or not ln.governs or any(k in shown_keys for k in ln.governs)
        ]
        shown = {c.id for c in self.table.columns if c.shown}
        self.table.columns = [c for c in self.table.columns if c.shown]
        for line in self.table.rows:
            line.values = {k: v for k, v in line.values.items() if k in shown}
        return self.table

    def _deviation(self, line: Line, ids: set[str]) -> Value:
        budget = line.values.get("budget") if "budget" in ids else None
        other_id = "prognos" if "prognos" in ids else "utfall"
        other = line.values.get(other_id)
        if budget is None or other is None:
            return None
        return budget - other if self.invert else other - budget


def _all_zero(line: Line) -> bool:
    return all(not v for v in line.values.values())


__all__ = ["Builder", "ColumnSpec", "Line", "StatementTable", "Value", "add", "neg"]

"""Key figures found by meaning: the result, depreciation, investments, cash, per column key.

A :class:`Fact` is one printed figure with its place. Figures of different tables are
compared through their column keys (``("actual", "2024-06-30")``, ``("forecast", "2024")``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from redovisa.checks.labels import matches, norm, strip_note_number
from redovisa.checks.model import CheckedReport, CheckedRow, CheckedTable, Column, RowKind

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Fact:
    """A printed figure with where it is."""

    value: Decimal
    table: CheckedTable
    row: CheckedRow
    column: Column


def row_index(table: CheckedTable, *patterns: str, last: bool = False) -> int | None:
    """Index of the first (or last) row whose label matches, or None."""
    hits = [i for i, r in enumerate(table.rows) if r.values and matches(r.label, *patterns)]
    if not hits:
        return None
    return hits[-1] if last else hits[0]


def row_facts(table: CheckedTable | None, index: int | None) -> dict[Key, Fact]:
    """The figures of one row by column key."""
    if table is None or index is None:
        return {}
    row = table.rows[index]
    out: dict[Key, Fact] = {}
    for key, col in table.columns_by_key().items():
        if col.id in row.values:
            out[key] = Fact(row.values[col.id], table, row, col)
    return out


def facts_of(table: CheckedTable | None, *patterns: str, last: bool = False) -> dict[Key, Fact]:
    """Figures by column key of the row that matches ``patterns``."""
    if table is None:
        return {}
    return row_facts(table, row_index(table, *patterns, last=last))


def note_tables(report: CheckedReport, *title_patterns: str) -> list[CheckedTable]:
    """Notes whose title matches (``kassa och bank``, ``eget kapital``)."""
    return [
        t
        for t in report.tables_like("not_")
        if any(re.match(p, strip_note_number(t.title)) for p in title_patterns)
    ]


def note_total_index(table: CheckedTable) -> int | None:
    """The row that carries a note's total: its last sum, or its only row."""
    sums = [i for i, r in enumerate(table.rows) if r.is_sum and r.values]
    if sums:
        return sums[-1]
    items = [i for i, r in enumerate(table.rows) if r.kind is RowKind.ITEM and r.values]
    return items[0] if len(items) == 1 else None


def asset_notes(report: CheckedReport) -> list[CheckedTable]:
    """Notes that are an asset schedule (they have an opening acquisition value)."""
    return [
        t
        for t in report.tables_like("not_")
        if any(matches(r.label, r"ingående anskaffningsvärde") for r in t.rows)
    ]


def summed(tables: Iterable[CheckedTable], *patterns: str) -> dict[Key, Fact]:
    """Sum over several tables of the row matching ``patterns`` (first table's place)."""
    out: dict[Key, Fact] = {}
    for t in tables:
        for key, f in facts_of(t, *patterns).items():
            if key in out:
                prev = out[key]
                out[key] = Fact(prev.value + f.value, prev.table, prev.row, prev.column)
            else:
                out[key] = f
    return out


RESULT_PATTERNS = (r"(årets|periodens) resultat$", r"resultat efter finansiella poster$")


def income_result(report: CheckedReport) -> dict[Key, Fact]:
    """The result of the resultaträkning per column key (its last result row)."""
    return facts_of(report.table("resultatrakning"), *RESULT_PATTERNS, last=True)


def equity_note(report: CheckedReport) -> CheckedTable | None:
    """The note on eget kapital, if any."""
    notes = note_tables(report, r"eget kapital")
    return notes[0] if notes else None


def result_members(report: CheckedReport) -> list[tuple[str, dict[Key, Fact]]]:
    """Every place that states the result, in order of authority."""
    kf = report.table("kassaflodesanalys")
    kf_idx = row_index(kf, *RESULT_PATTERNS) if kf else None
    bk = report.table("balanskravsutredning")
    return [
        ("resultaträkningen", income_result(report)),
        ("noten om eget kapital", facts_of(equity_note(report), r"(årets|periodens) resultat$")),
        (
            "kassaflödesanalysen",
            row_facts(kf, kf_idx if kf_idx is not None and kf_idx < 4 else None),
        ),
        ("balanskravsutredningen", facts_of(bk, r"(årets|periodens) resultat$")),
        ("förändringen av eget kapital i balansräkningen", equity_change(report)),
    ]


def previous_year_end(key: Key) -> Key | None:
    """``("actual", "2024-06-30")`` gives ``("actual", "2023-12-31")``."""
    if key[0] != "actual" or len(key[1]) != 10:
        return None
    return ("actual", f"{int(key[1][:4]) - 1}-12-31")


def equity_change(report: CheckedReport) -> dict[Key, Fact]:
    """Change in summa eget kapital from the previous year end, per balance date."""
    br = report.table("balansrakning")
    ek = facts_of(br, r"summa eget kapital$", r"eget kapital$")
    out: dict[Key, Fact] = {}
    for key, f in ek.items():
        prev = previous_year_end(key)
        if prev is not None and prev in ek:
            out[key] = Fact(f.value - ek[prev].value, f.table, f.row, f.column)
    return out


def reference_result(report: CheckedReport) -> dict[Key, Decimal]:
    """The result per key: the income statement's, else what most other places say."""
    out: dict[Key, Decimal] = {}
    votes: dict[Key, list[Decimal]] = {}
    for _, facts in result_members(report)[1:4]:
        for key, f in facts.items():
            votes.setdefault(key, []).append(f.value)
    for key, values in votes.items():
        out[key] = max(set(values), key=values.count)
    for key, f in income_result(report).items():
        out[key] = f.value
    return out


def is_result_label(label: str) -> bool:
    """A row that states the year's result ("Årets resultat", "- varav årets resultat")."""
    n = norm(label)
    return bool(matches(label, r"(varav |därav )?(årets|periodens) resultat$")) and (
        "balanskrav" not in n
    )

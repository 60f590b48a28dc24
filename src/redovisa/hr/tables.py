"""Sjukfrånvarotabeller: the report's sick-leave tables and charts, and figures for goals.

Tables (ids from DESIGN.md section 4, plus two of our own):

- ``sjukfranvaro_alder``: per age group and total, this period and the same period last year;
- ``sjukfranvaro_kon``: per gender and total, the two periods;
- ``sjukfranvaro_nyckeltal``: all seven statutory figures, the two periods;
- ``sjukfranvaro_enhet``: total per unit, the two periods (when asked for).

Each percentage is rounded once, here, to one decimal, half away from zero. A hidden figure
shows ``–`` with the reason as the cell's note and as a footnote of the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from redovisa.core.chart import BarChart, Series
from redovisa.core.table import Cell, Column, Row, Table, format_sv, round_half_away
from redovisa.hr.sickleave import FIGURE_KEYS, FIGURE_LABELS, Period, SickLeave

__all__ = [
    "age_table",
    "figure_values",
    "gender_table",
    "key_figures_table",
    "period_label",
    "sick_leave_chart",
    "unit_table",
]

MONTHS = ("jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec")

AGE_ROWS = (
    ("age_29", "29 år eller yngre"),
    ("age_30", "30–49 år"),
    ("age_50", "50 år eller äldre"),
)
GENDER_ROWS = (("women", "Kvinnor"), ("men", "Män"))


def period_label(period: Period) -> str:
    """``jan–juni 2024``; a whole calendar year is just ``2024``."""
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if start.year == end.year and start.month == end.month:
        return f"{MONTHS[start.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
    return period.label()


def _cell(sl: SickLeave, key: str) -> Cell:
    figure = sl.figures[key]
    if figure.suppressed is not None:
        return Cell("–", note=figure.suppressed)
    percent = figure.percent
    if percent is None:
        return Cell("–", note="Ingen ordinarie arbetstid i gruppen.")
    shown = round_half_away(percent, 1)
    return Cell(format_sv(shown), shown, str(percent))


def _columns(current: SickLeave, previous: SickLeave | None) -> tuple[Column, ...]:
    text = "Sjukfrånvaro i procent av ordinarie arbetstid"
    cols = [Column("period", f"{text} {period_label(current.period)}")]
    if previous is not None:
        cols.append(Column("foregaende", f"{text} {period_label(previous.period)}"))
    return tuple(cols)


def _table(
    table_id: str,
    title: str,
    rows: Sequence[tuple[str, str]],
    current: SickLeave,
    previous: SickLeave | None,
) -> Table:
    out: list[Row] = []
    notes: list[str] = []
    for key, label in rows:
        cells = {"period": _cell(current, key)}
        if previous is not None:
            cells["foregaende"] = _cell(previous, key)
        for cell in cells.values():
            if cell.note and cell.note not in notes:
                notes.append(cell.note)
        out.append(Row(label, cells, "total" if key == "total" else "item", unit="procent"))
    return Table(table_id, title, _columns(current, previous), tuple(out), tuple(notes))


def age_table(current: SickLeave, previous: SickLeave | None = None) -> Table:
    """Table ``sjukfranvaro_alder``: per age group and in total."""
    rows = (*AGE_ROWS, ("total", "Totalt"))
    title = "Sjukfrånvaro i procent av ordinarie arbetstid per åldersgrupp"
    return _table("sjukfranvaro_alder", title, rows, current, previous)


def gender_table(current: SickLeave, previous: SickLeave | None = None) -> Table:
    """Table ``sjukfranvaro_kon``: women, men and in total."""
    rows = (*GENDER_ROWS, ("total", "Totalt"))
    title = "Sjukfrånvaro i procent av ordinarie arbetstid per kön"
    return _table("sjukfranvaro_kon", title, rows, current, previous)


def key_figures_table(current: SickLeave, previous: SickLeave | None = None) -> Table:
    """Table ``sjukfranvaro_nyckeltal``: the seven statutory figures."""
    rows = tuple((k, FIGURE_LABELS[k]) for k in FIGURE_KEYS)
    table = _table(
        "sjukfranvaro_nyckeltal",
        "Obligatoriska nyckeltal för sjukfrånvaro",
        rows,
        current,
        previous,
    )
    note = "Långtidssjukfrånvaron anges i procent av den totala sjukfrånvaron."
    return Table(table.id, table.title, table.columns, table.rows, (*table.notes, note))


def unit_table(
    current: Mapping[str, SickLeave], previous: Mapping[str, SickLeave] | None = None
) -> Table:
    """Table ``sjukfranvaro_enhet``: total sick leave per unit."""
    units = sorted(set(current) | set(previous or {}))
    first = next(iter(current.values()))
    prev_first = next(iter(previous.values())) if previous else None
    out: list[Row] = []
    notes: list[str] = []
    for unit in units:
        cells: dict[str, Cell] = {}
        cells["period"] = _cell(current[unit], "total") if unit in current else Cell("–")
        if previous is not None:
            cells["foregaende"] = _cell(previous[unit], "total") if unit in previous else Cell("–")
        for cell in cells.values():
            if cell.note and cell.note not in notes:
                notes.append(cell.note)
        out.append(Row(unit, cells, unit="procent"))
    title = "Sjukfrånvaro i procent av ordinarie arbetstid per enhet"
    return Table("sjukfranvaro_enhet", title, _columns(first, prev_first), tuple(out), tuple(notes))


def figure_values(sl: SickLeave, prefix: str = "hr") -> dict[str, Fraction]:
    """Exact percentages by figure id (``hr.total``, ``hr.women``, ...), hidden ones left out.

    This is how sick-leave figures reach goal assessment (redovisa.goals): as plain values.
    For a unit, pass ``prefix=f"hr.unit.{unit}"``.
    """
    out: dict[str, Fraction] = {}
    for key, figure in sl.figures.items():
        percent = figure.percent
        if percent is not None:
            out[f"{prefix}.{key}"] = percent
    return out


def sick_leave_chart(table: Table) -> BarChart:
    """A bar chart of a sick-leave table: one group of bars per row, one bar per period."""
    series = []
    for column in table.columns:
        values: list[Decimal | None] = []
        reason = "redovisas inte"
        for row in table.rows:
            cell = row.cells.get(column.id)
            values.append(cell.value if cell is not None else None)
            if cell is not None and cell.note:
                reason = cell.note.rstrip(".")
        name = column.label.rsplit(" av ordinarie arbetstid ", 1)[-1]
        series.append(Series(name, tuple(values), reason))
    return BarChart(
        id=f"{table.id}_diagram",
        title=table.title,
        description=f"Stapeldiagram: {table.title.lower()}, i procent",
        categories=tuple(r.label for r in table.rows),
        series=tuple(series),
        unit="%",
    )

"""Måluppföljning och sjukfrånvaro i rapporten: goals and sick leave measured for the build.

:func:`measured_tables` reads the project's HR export (``[hr] absence``) and goals.toml
(``[goals] file``) and gives the tables ``sjukfranvaro_alder``, ``sjukfranvaro_kon``,
``sjukfranvaro_nyckeltal`` (``sjukfranvaro_enhet`` with ``[hr] by_unit``) and
``maluppfyllelse``. The goals are measured on figures this module takes from the computed
statements (:func:`statement_figures`) and from the sick-leave figures: the compute packages
``statements``, ``hr`` and ``goals`` are siblings and never see each other; the report
layer passes plain values between them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from redovisa.core.diagnostics import Diagnostic
from redovisa.core.table import Table
from redovisa.goals import GoalInputs, assess_goals, goal_table, load_goals
from redovisa.goals.expr import Number
from redovisa.hr import (
    AbsenceRow,
    Period,
    age_table,
    figure_values,
    gender_table,
    key_figures_table,
    read_absence,
    sick_leave,
    sick_leave_by_unit,
    unit_table,
)
from redovisa.hr.sickleave import SickLeave
from redovisa.report.project import Project
from redovisa.statements.income import RR_ITEMS_1, RR_ITEMS_2, RR_ITEMS_3, RR_ITEMS_4
from redovisa.statements.table import StatementTable

__all__ = [
    "FIGURE_TABLES",
    "FORECAST_COLUMN",
    "OUTCOME_COLUMN",
    "measured_tables",
    "sick_leave_tables",
    "statement_figures",
]

# figure id prefix -> statement table (the same short names as in narrative text)
FIGURE_TABLES = {
    "rr": "resultatrakning",
    "br": "balansrakning",
    "kf": "kassaflodesanalys",
    "balanskrav": "balanskravsutredning",
    "nyckeltal": "finansiella_nyckeltal",
}
OUTCOME_COLUMN = "utfall"  # the period's outcome (at year end: the year's)
FORECAST_COLUMN = "prognos"  # the full-year forecast
# every resultaträkning line: a line left out because it is zero still is a figure (0)
RR_KEYS = (
    *(key for items in (RR_ITEMS_1, RR_ITEMS_2, RR_ITEMS_3, RR_ITEMS_4) for key, _, _ in items),
    "verksamhetens_nettokostnader",
    "verksamhetens_resultat",
    "resultat_efter_finansiella_poster",
    "resultat",
)


def statement_figures(tables: Iterable[StatementTable], column: str) -> dict[str, Decimal]:
    """Figure ids (``rr.resultat``, ``br.<row>``, ...) and their exact values in ``column``.

    Ids are ``<prefix>.<row key>`` for the tables of :data:`FIGURE_TABLES`; values are
    kronor (percent for the percentage rows of ``nyckeltal``). A table without the column
    gives no figures; a resultaträkning line left out as zero is ``0``.
    """
    by_id = {t.id: t for t in tables}
    out: dict[str, Decimal] = {}
    for prefix, table_id in FIGURE_TABLES.items():
        table = by_id.get(table_id)
        if table is None or column not in {c.id for c in table.columns}:
            continue
        for line in table.rows:
            value = line.values.get(column)
            if line.kind != "heading" and value is not None:
                out[f"{prefix}.{line.key}"] = value
        if prefix == "rr":
            present = {line.key for line in table.rows}
            for key in RR_KEYS:
                if key not in present:
                    out[f"rr.{key}"] = Decimal("0.00")
    return out


def _shown_period(sl: SickLeave) -> SickLeave | None:
    """The comparison period only when someone had working time in it."""
    return sl if sl.figures["total"].employees > 0 else None


def sick_leave_tables(
    rows: Sequence[AbsenceRow], period: Period, by_unit: bool = False
) -> tuple[list[Table], dict[str, Fraction]]:
    """The sick-leave tables for ``period`` (and last year's), and the figures for goals.

    Figures are ``hr.total``, ``hr.women``, ... and ``hr.unit.<unit>.total``, ... in
    percent; hidden (suppressed) ones are left out.
    """
    now = sick_leave(rows, period)
    before = _shown_period(sick_leave(rows, period.previous_year()))
    tables = [age_table(now, before), gender_table(now, before), key_figures_table(now, before)]
    values = figure_values(now)
    units = sick_leave_by_unit(rows, period)
    for unit, sl in units.items():
        values.update(figure_values(sl, f"hr.unit.{unit}"))
    if by_unit and units:
        earlier = sick_leave_by_unit(rows, period.previous_year())
        tables.append(unit_table(units, earlier if before is not None and earlier else None))
    return tables, values


def measured_tables(
    project: Project,
    period_start: date,
    period_end: date,
    statements: Sequence[StatementTable],
) -> tuple[list[Table], list[Diagnostic]]:
    """Sick-leave and goal tables of the project; none when it has no HR export or goals."""
    tables: list[Table] = []
    diags: list[Diagnostic] = []
    hr_values: dict[str, Fraction] = {}
    if project.absence is not None:
        rows, found = read_absence(project.absence, project.shown(project.absence))
        diags += found
        if rows:
            period = Period(period_start, period_end)
            hr_tables, hr_values = sick_leave_tables(rows, period, project.sick_leave_by_unit)
            tables += hr_tables
    if project.goals is not None:
        goals, found = load_goals(project.goals, project.shown(project.goals))
        diags += found
        if goals is not None:
            year_end = not project.interim
            outcome: dict[str, Number] = {**statement_figures(statements, OUTCOME_COLUMN)}
            outcome.update(hr_values)
            forecast: dict[str, Number] = {**statement_figures(statements, FORECAST_COLUMN)}
            inputs = GoalInputs(period_start, period_end, year_end, outcome, forecast, project.root)
            results, found = assess_goals(goals, inputs)
            diags += found
            tables.append(goal_table(results, period_end, goals.year, year_end))
    return tables, diags

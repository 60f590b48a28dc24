"""Tillägg: the sick-leave and goal tables that join the statements in a report.

The HR export (``data/absence.csv`` or ``[hr] absence``) gives ``sjukfranvaro_alder`` and
``sjukfranvaro_kon`` (docs/sick-leave.md); ``goals.toml`` (or ``[goals] file``) gives
``maluppfyllelse`` (docs/goals.md), measured on the resultaträkning's figures and the
sick-leave figures. A project without these files simply has no such tables.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from redovisa.core.diagnostics import Diagnostic
from redovisa.core.table import Table
from redovisa.goals import GoalInputs, assess_goals, goal_table, load_goals
from redovisa.hr import (
    Period,
    age_table,
    figure_values,
    gender_table,
    read_absence,
    sick_leave,
    sick_leave_by_unit,
)
from redovisa.report.document import Document
from redovisa.report.project import Project

DEFAULT_ABSENCE = "data/absence.csv"
DEFAULT_GOALS = "goals.toml"


def _path(project: Project, section: str, key: str, default: str) -> Path | None:
    raw = project.raw.get(section, {})
    value = raw.get(key) if isinstance(raw, dict) else None
    path = project.root / (value if isinstance(value, str) else default)
    return path if path.is_file() else None


def _rr_figures(doc: Document, column: str) -> dict[str, Decimal]:
    try:
        rr = doc.table("resultatrakning")
    except KeyError:
        return {}
    out: dict[str, Decimal] = {}
    for line in rr.rows:
        value = line.values.get(column)
        if line.kind != "heading" and value is not None:
            out[f"rr.{line.key}"] = value
    return out


def supplement_tables(project: Project, doc: Document) -> tuple[list[Table], list[Diagnostic]]:
    """Sick-leave and goal tables of the project (none when their files are absent)."""
    tables: list[Table] = []
    diags: list[Diagnostic] = []
    period = Period(doc.period_start, doc.period_end)
    hr_values: dict[str, Fraction] = {}
    absence = _path(project, "hr", "absence", DEFAULT_ABSENCE)
    if absence is not None:
        rows, adiags = read_absence(absence, project.shown(absence))
        diags += adiags
        if rows:
            now, before = sick_leave(rows, period), sick_leave(rows, period.previous_year())
            tables += [age_table(now, before), gender_table(now, before)]
            hr_values.update(figure_values(now))
            for unit, sl in sick_leave_by_unit(rows, period).items():
                hr_values.update(figure_values(sl, f"hr.unit.{unit}"))
    goals_path = _path(project, "goals", "file", DEFAULT_GOALS)
    if goals_path is not None:
        goals, gdiags = load_goals(goals_path, project.shown(goals_path))
        diags += gdiags
        if goals is not None:
            year_end = not project.interim
            outcome: dict[str, Decimal | Fraction] = {**_rr_figures(doc, "utfall"), **hr_values}
            forecast: dict[str, Decimal | Fraction] = dict(_rr_figures(doc, "prognos"))
            inputs = GoalInputs(doc.period_start, doc.period_end, year_end, outcome, forecast,
                                project.root)
            results, rdiags = assess_goals(goals, inputs)
            diags += rdiags
            tables.append(goal_table(results, doc.period_end, goals.year, year_end))
    return tables, diags


__all__ = ["DEFAULT_ABSENCE", "DEFAULT_GOALS", "supplement_tables"]

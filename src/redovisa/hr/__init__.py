"""HR: sick-leave statistics (sjukfrånvaro) measured from an HR export.

Lives here: the export reader (:mod:`.export`), the seven statutory figures
(:mod:`.sickleave`), suppression of small groups (:mod:`.suppression`) and the report
tables and charts (:mod:`.tables`). Must not import other compute packages
(statements, goals): it is their sibling. Goals get sick-leave figures as plain values
through :func:`figure_values`.
"""

from __future__ import annotations

from redovisa.hr.export import AbsenceRow, read_absence
from redovisa.hr.sickleave import (
    FIGURE_KEYS,
    Figure,
    Period,
    SickLeave,
    age_group,
    sick_leave,
    sick_leave_by_unit,
)
from redovisa.hr.suppression import SuppressionRule
from redovisa.hr.tables import (
    age_table,
    figure_values,
    gender_table,
    key_figures_table,
    sick_leave_chart,
    unit_table,
)

__all__ = [
    "FIGURE_KEYS",
    "AbsenceRow",
    "Figure",
    "Period",
    "SickLeave",
    "SuppressionRule",
    "age_group",
    "age_table",
    "figure_values",
    "gender_table",
    "key_figures_table",
    "read_absence",
    "sick_leave",
    "sick_leave_by_unit",
    "sick_leave_chart",
    "unit_table",
]

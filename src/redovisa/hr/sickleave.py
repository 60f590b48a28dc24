"""Sjukfrånvaro: the seven statutory sick-leave figures, exact, with suppression.

The figures (SKR's definitions of the obligatory disclosure, LKBR 11 kap.; formerly
4 kap. 1 a § lag om kommunal redovisning) for one population and period:

======  ===========================================  =====================================
key     numerator                                    denominator
======  ===========================================  =====================================
total   sick hours                                   ordinary working hours
long    sick hours in spells of 60 days or more      sick hours (not working time)
women   sick hours of women                          ordinary hours of women
men     sick hours of men                            ordinary hours of men
age_29  sick hours, age 29 or younger                ordinary hours in the same group
age_30  sick hours, age 30-49                        ordinary hours in the same group
age_50  sick hours, age 50 or older                  ordinary hours in the same group
======  ===========================================  =====================================

Age is the age attained during the calendar year of the period's end (year minus birth
year). A spell is long-term when it lasts 60 calendar days or more, counted from its start
(which may lie before the period) to its end or, when it goes on, to the period's end;
all hours of such a spell count as long-term. Ratios are :class:`~fractions.Fraction`;
rounding happens once, when a table is made.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from redovisa.hr.export import AbsenceRow
from redovisa.hr.suppression import SuppressionRule, protect

__all__ = [
    "FIGURE_KEYS",
    "FIGURE_LABELS",
    "Figure",
    "Period",
    "SickLeave",
    "age_group",
    "sick_leave",
    "sick_leave_by_unit",
]

LONG_TERM_DAYS = 60

FIGURE_KEYS = ("total", "long", "women", "men", "age_29", "age_30", "age_50")
FIGURE_LABELS = {
    "total": "Total sjukfrånvaro",
    "long": "Andel långtidssjukfrånvaro (60 dagar eller mer)",
    "women": "Kvinnor",
    "men": "Män",
    "age_29": "29 år eller yngre",
    "age_30": "30–49 år",
    "age_50": "50 år eller äldre",
}


@dataclass(frozen=True, slots=True)
class Period:
    """Period: first and last day, e.g. 2024-01-01 to 2024-06-30."""

    start: date
    end: date

    def previous_year(self) -> Period:
        """The same period one year earlier (29 February becomes 28 February)."""

        def back(day: date) -> date:
            try:
                return day.replace(year=day.year - 1)
            except ValueError:
                return day.replace(year=day.year - 1, day=28)

        return Period(back(self.start), back(self.end))

    def label(self) -> str:
        """``2024-01-01–2024-06-30``."""
        return f"{self.start.isoformat()}–{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Figure:
    """Nyckeltal: numerator and denominator hours, who contributes, and a suppression reason."""

    key: str
    numerator: Decimal
    denominator: Decimal
    employees: int
    contributors: int
    suppressed: str | None = None

    @property
    def ratio(self) -> Fraction | None:
        """The exact share (0..1); None when the denominator is zero."""
        if self.denominator == 0:
            return None
        return Fraction(self.numerator) / Fraction(self.denominator)

    @property
    def percent(self) -> Fraction | None:
        """The exact share in percent, or None when suppressed or not computable."""
        ratio = self.ratio
        if self.suppressed is not None or ratio is None:
            return None
        return ratio * 100


@dataclass(frozen=True, slots=True)
class SickLeave:
    """Sjukfrånvaroredovisning: the seven figures for one population and period."""

    period: Period
    population: str
    figures: dict[str, Figure]


def age_group(birth_year: int, year: int) -> str:
    """The statutory age group of someone born in ``birth_year``, in ``year``."""
    age = year - birth_year
    if age <= 29:
        return "age_29"
    if age <= 49:
        return "age_30"
    return "age_50"


def _month_end(first: date) -> date:
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _long_spells(rows: Sequence[AbsenceRow], period: Period) -> set[tuple[str, date]]:
    """Spells (employee, start) lasting 60 days or more, measured no later than the period end."""
    ends: dict[tuple[str, date], date] = {}
    for row in rows:
        if row.spell_start is None or row.month > period.end:
            continue
        last = row.spell_end if row.spell_end is not None else _month_end(row.month)
        key = (row.employee, row.spell_start)
        ends[key] = max(ends.get(key, last), last)
    return {
        key
        for key, end in ends.items()
        if (min(end, period.end) - key[1]).days + 1 >= LONG_TERM_DAYS
    }


@dataclass
class _Acc:
    ordinary: Decimal = Decimal(0)
    sick: Decimal = Decimal(0)
    long: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        self.employees: set[str] = set()
        self.sick_people: set[str] = set()
        self.long_people: set[str] = set()


def _accumulate(
    rows: Iterable[AbsenceRow], period: Period, long_spells: set[tuple[str, date]]
) -> dict[str, _Acc]:
    acc = {key: _Acc() for key in ("total", "women", "men", "age_29", "age_30", "age_50")}
    for row in rows:
        if not period.start <= row.month <= period.end:
            continue
        gender_key = "women" if row.gender == "K" else "men"
        for key in ("total", gender_key, age_group(row.birth_year, period.end.year)):
            a = acc[key]
            a.ordinary += row.ordinary_hours
            a.sick += row.sick_hours
            if row.ordinary_hours > 0:
                a.employees.add(row.employee)
            if row.sick_hours > 0:
                a.sick_people.add(row.employee)
                if row.spell_start is not None and (row.employee, row.spell_start) in long_spells:
                    a.long += row.sick_hours
                    a.long_people.add(row.employee)
    return acc


def sick_leave(
    rows: Sequence[AbsenceRow],
    period: Period,
    rule: SuppressionRule | None = None,
    population: str = "Totalt",
) -> SickLeave:
    """The seven figures for ``rows`` (already limited to one population) in ``period``."""
    rule = rule or SuppressionRule()
    acc = _accumulate(rows, period, _long_spells(rows, period))
    total = acc["total"]
    figures: dict[str, Figure] = {
        "long": Figure(
            "long", total.long, total.sick, len(total.employees), len(total.long_people)
        ),
    }
    for key in ("total", "women", "men", "age_29", "age_30", "age_50"):
        a = acc[key]
        figures[key] = Figure(key, a.sick, a.ordinary, len(a.employees), len(a.sick_people))
    return SickLeave(period, population, protect(figures, rule))


def sick_leave_by_unit(
    rows: Sequence[AbsenceRow], period: Period, rule: SuppressionRule | None = None
) -> dict[str, SickLeave]:
    """The seven figures per unit, and units protected against each other and the total."""
    rule = rule or SuppressionRule()
    units = sorted(
        {r.unit for r in rows if period.start <= r.month <= period.end and r.ordinary_hours > 0}
    )
    per_unit = {
        unit: sick_leave([r for r in rows if r.unit == unit], period, rule, unit) for unit in units
    }
    whole = sick_leave(rows, period, rule)
    totals = rule.protect_partition(
        whole.figures["total"], [per_unit[u].figures["total"] for u in units]
    )
    out: dict[str, SickLeave] = {}
    for unit, figure in zip(units, totals, strict=True):
        figures = dict(per_unit[unit].figures)
        if figure.suppressed and not figures["total"].suppressed:
            # The unit's total would give its subgroups away too: hide the whole unit.
            figures = {
                k: Figure(f.key, f.numerator, f.denominator, f.employees, f.contributors,
                          f.suppressed or figure.suppressed)
                for k, f in figures.items()
            }  # fmt: skip
        out[unit] = SickLeave(period, unit, figures)
    return out

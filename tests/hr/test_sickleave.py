"""The seven figures: exact arithmetic, suppression, long-term spells, age groups."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.core.diagnostics import SourceRef
from redovisa.core.table import round_half_away
from redovisa.hr import (
    AbsenceRow,
    Period,
    SuppressionRule,
    age_group,
    sick_leave,
    sick_leave_by_unit,
)

H1 = Period(date(2024, 1, 1), date(2024, 6, 30))
SHOW_ALL = SuppressionRule(max_hidden_employees=0, single_person=False)
PARTITIONS = (("women", "men"), ("age_29", "age_30", "age_50"))
SRC = SourceRef("t.csv", 1)


def row(emp: str, month: int, ordinary: str, sick: str = "0", **kw: object) -> AbsenceRow:
    start = kw.get("start", date(2024, month, 1) if Decimal(sick) > 0 else None)
    return AbsenceRow(
        emp,
        int(kw.get("born", 1980)),  # type: ignore[call-overload]
        str(kw.get("gender", "K")),
        str(kw.get("unit", "IT")),
        date(2024, month, 1),
        Decimal(ordinary),
        Decimal(sick),
        start,  # type: ignore[arg-type]
        kw.get("end"),  # type: ignore[arg-type]
        SRC,
    )


hours = st.integers(min_value=0, max_value=20000).map(lambda n: Decimal(n) / 100)


@st.composite
def staff(draw: st.DrawFn) -> list[AbsenceRow]:
    n = draw(st.integers(min_value=1, max_value=24))
    rows = []
    for i in range(n):
        gender = draw(st.sampled_from("KM"))
        born = draw(st.integers(min_value=1955, max_value=2005))
        unit = draw(st.sampled_from(["IT", "Kundtjänst", "Stab"]))
        for month in draw(st.sets(st.integers(1, 6), min_size=1, max_size=3)):
            ordinary = draw(hours)
            sick = Decimal(draw(st.integers(0, int(ordinary * 100)))) / 100
            start = date(2024, month, 1) if sick > 0 else None
            rows.append(
                AbsenceRow(
                    f"E{i}",
                    born,
                    gender,
                    unit,
                    date(2024, month, 1),
                    ordinary,
                    sick,
                    start,
                    None,
                    SRC,
                )
            )
    return rows


@settings(max_examples=60, deadline=None)
@given(staff())
def test_groups_weighted_by_hours_combine_to_the_total(rows: list[AbsenceRow]) -> None:
    figures = sick_leave(rows, H1, SHOW_ALL).figures
    total = figures["total"]
    for partition in PARTITIONS:
        groups = [figures[k] for k in partition]
        assert sum(g.numerator for g in groups) == total.numerator
        assert sum(g.denominator for g in groups) == total.denominator
        if total.ratio is not None:
            weighted = sum(
                (g.ratio * Fraction(g.denominator) for g in groups if g.ratio is not None),
                Fraction(0),
            )
            assert weighted / Fraction(total.denominator) == total.ratio


@settings(max_examples=70, deadline=None)
@given(staff(), st.integers(min_value=0, max_value=12), st.booleans())
def test_suppression_never_leaves_one_group_derivable(
    rows: list[AbsenceRow], threshold: int, single: bool
) -> None:
    rule = SuppressionRule(max_hidden_employees=threshold, single_person=single)
    figures = sick_leave(rows, H1, rule).figures
    if figures["total"].suppressed is None:
        for partition in PARTITIONS:
            live = [figures[k] for k in partition if figures[k].employees > 0]
            hidden = [f for f in live if f.suppressed is not None]
            assert len(hidden) != 1, partition
    for f in figures.values():
        if 0 < f.employees <= threshold:
            assert f.suppressed is not None
    units = sick_leave_by_unit(rows, H1, rule)
    whole = sick_leave(rows, H1, rule).figures["total"]
    if whole.suppressed is None:
        hidden_units = [u for u, s in units.items() if s.figures["total"].suppressed is not None]
        assert len(hidden_units) != 1


def test_small_population_hides_everything() -> None:
    rows = [row(f"E{i}", 1, "160", "8") for i in range(10)]
    figures = sick_leave(rows, H1).figures
    assert all(f.suppressed and "hela redovisningen" in f.suppressed for f in figures.values())
    assert all(f.percent is None for f in figures.values())


def test_single_person_figure_is_hidden_and_its_complement_too() -> None:
    women = [row(f"K{i}", 1, "100", "10" if i < 2 else "0") for i in range(11)]
    men = [row(f"M{i}", 1, "100", "5" if i == 0 else "0", gender="M") for i in range(11)]
    figures = sick_leave(women + men, H1).figures
    assert figures["men"].suppressed is not None and "enskild" in figures["men"].suppressed
    assert figures["women"].suppressed is not None and "sekundär" in figures["women"].suppressed
    assert figures["total"].percent == Fraction(25 * 100, 2200)
    relaxed = sick_leave(women + men, H1, SuppressionRule(single_person=False)).figures
    assert relaxed["men"].percent == Fraction(5 * 100, 1100)


def test_long_term_share_counts_spells_of_sixty_days_or_more() -> None:
    # E1: spell from 2023-12-15, still going in March: 2023-12-15..2024-03-31 >= 60 days.
    # E2: 59-day spell 2024-01-01..2024-02-28; E3: 60-day spell 2024-01-01..2024-02-29.
    rows = [row(f"X{i}", 1, "160") for i in range(10)]
    rows += [
        row("E1", 1, "160", "80", start=date(2023, 12, 15)),
        row("E1", 3, "160", "80", start=date(2023, 12, 15)),
        row("E2", 1, "160", "40", start=date(2024, 1, 1), end=date(2024, 2, 28)),
        row("E3", 2, "160", "20", start=date(2024, 1, 1), end=date(2024, 2, 29)),
    ]
    long = sick_leave(rows, H1).figures["long"]
    assert (long.numerator, long.denominator) == (Decimal(180), Decimal(220))
    assert long.percent == Fraction(180 * 100, 220)
    # Measured up to the period's end: in January alone, E1 has lasted 48 days.
    january = sick_leave(rows, Period(date(2024, 1, 1), date(2024, 1, 31)), SHOW_ALL)
    assert january.figures["long"].numerator == Decimal(0)


def test_age_groups_use_age_attained_in_the_year() -> None:
    assert age_group(1995, 2024) == "age_29"
    assert age_group(1994, 2024) == "age_30"
    assert age_group(1975, 2024) == "age_30"
    assert age_group(1974, 2024) == "age_50"


@given(st.fractions(min_value=-1000, max_value=1000))
def test_rounding_is_half_away_from_zero_and_within_half_a_unit(value: Fraction) -> None:
    shown = round_half_away(value, 1)
    assert abs(Fraction(shown) - value) <= Fraction(1, 20)
    if abs(Fraction(shown) - value) == Fraction(1, 20):
        assert abs(Fraction(shown)) > abs(value)


def test_rounding_examples() -> None:
    assert round_half_away(Fraction(365, 100)) == Decimal("3.7")
    assert round_half_away(Fraction(-365, 100)) == Decimal("-3.7")
    assert round_half_away(Fraction(3649, 1000)) == Decimal("3.6")
    assert str(round_half_away(Fraction(3))) == "3.0"

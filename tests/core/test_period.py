from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redovisa.core.period import covers_days, keep_of_two, month_of, year_containing


@dataclass(frozen=True)
class Year:
    start: date
    end: date
    rows: bool
    totals: bool


Y2023 = Year(date(2023, 1, 1), date(2023, 12, 31), rows=False, totals=True)
Y2024 = Year(date(2024, 1, 1), date(2024, 12, 31), rows=True, totals=False)


def covers(start: date, end: date) -> bool:
    return covers_days(
        [Y2023, Y2024], start, end, has_rows=lambda y: y.rows, has_totals=lambda y: y.totals
    )


def test_year_containing() -> None:
    assert year_containing([Y2023, Y2024], date(2024, 6, 30)) is Y2024
    assert year_containing([Y2023, Y2024], date(2022, 12, 31)) is None


def test_a_year_known_only_from_totals_covers_only_whole() -> None:
    assert covers(date(2023, 1, 1), date(2023, 12, 31))
    assert not covers(date(2023, 1, 1), date(2023, 6, 30))  # needs the vouchers
    assert covers(date(2024, 1, 1), date(2024, 6, 30))
    assert covers(date(2023, 1, 1), date(2024, 6, 30))
    assert not covers(date(2022, 1, 1), date(2024, 6, 30))


def test_month_of() -> None:
    assert month_of(date(2024, 3, 5)) == "202403"


def test_keep_of_two_keeps_the_year_with_vouchers() -> None:
    with_rows = Year(date(2024, 1, 1), date(2024, 12, 31), rows=True, totals=False)
    totals = Year(date(2024, 1, 1), date(2024, 12, 31), rows=False, totals=True)
    other = Year(date(2024, 1, 1), date(2024, 12, 31), rows=False, totals=True)
    has = lambda y: y.rows  # noqa: E731
    assert keep_of_two(totals, with_rows, has_rows=has) == (with_rows, totals)
    assert keep_of_two(with_rows, totals, has_rows=has) == (with_rows, totals)
    assert keep_of_two(totals, other, has_rows=has) == (totals, other)
    assert keep_of_two(with_rows, with_rows, has_rows=has) is None

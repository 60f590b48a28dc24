"""Periods: fiscal years and months (YYYYMM)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class FiscalYear:
    """Räkenskapsår (``#RAR``): index 0 is the current year, -1 the previous."""

    index: int
    start: date
    end: date

    def contains(self, day: date) -> bool:
        """True when ``day`` falls inside the year."""
        return self.start <= day <= self.end


def month_of(day: date) -> str:
    """The period ``YYYYMM`` that a date falls in."""
    return f"{day.year:04d}{day.month:02d}"


class Span(Protocol):
    """Anything with a first and a last day (a fiscal year of some ledger)."""

    @property
    def start(self) -> date: ...

    @property
    def end(self) -> date: ...


S = TypeVar("S", bound=Span)


def year_containing(years: Iterable[S], day: date) -> S | None:
    """The year of ``years`` that ``day`` falls in, if any."""
    for y in years:
        if y.start <= day <= y.end:
            return y
    return None


def covers_days(
    years: Iterable[S],
    start: date,
    end: date,
    *,
    has_rows: Callable[[S], bool],
    has_totals: Callable[[S], bool],
) -> bool:
    """True when every day from ``start`` to ``end`` is known: it falls in a year whose
    vouchers are there (``has_rows``), or the range takes in a whole year known from its
    totals (#RES or #UB, ``has_totals``)."""
    spans = list(years)
    day = start
    while day <= end:
        y = year_containing(spans, day)
        if y is None:
            return False
        whole = day == y.start and end >= y.end and has_totals(y)
        if not has_rows(y) and not whole:
            return False
        day = y.end + timedelta(days=1)
    return True


def keep_of_two(old: S, new: S, *, has_rows: Callable[[S], bool]) -> tuple[S, S] | None:
    """Two ledgers declare the same fiscal year: ``(kept, other)``.

    The one with vouchers is kept (the earlier one when neither has them), and the caller
    fills it with the other's balances; None when both have vouchers, a conflict.
    """
    if has_rows(old) and has_rows(new):
        return None
    return (new, old) if has_rows(new) and not has_rows(old) else (old, new)

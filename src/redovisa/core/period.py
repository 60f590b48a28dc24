"""Periods: fiscal years and months (YYYYMM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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

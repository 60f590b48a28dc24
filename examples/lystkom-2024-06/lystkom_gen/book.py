"""Small bookkeeping helpers: vouchers in öre, exact splitting, dates."""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Book", "Row", "Ver", "month_end", "months_of", "split", "vat"]

Obj = tuple[tuple[str, str], ...]

MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True, slots=True)
class Row:
    """Transaktionsrad in öre."""

    account: str
    amount: int
    objects: Obj = ()


@dataclass(slots=True)
class Ver:
    """Verifikation before numbering."""

    series: str
    date: date
    text: str
    rows: list[Row]
    order: int = 0


@dataclass
class Book:
    """Räkenskapsår under construction: opening balances, vouchers and running balances."""

    year: int
    opening: dict[str, int]
    vouchers: list[Ver] = field(default_factory=list)
    balances: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.balances = dict(self.opening)

    def add(self, series: str, day: date, text: str, rows: list[Row]) -> None:
        rows = [r for r in rows if r.amount != 0]
        if not rows:
            return
        if sum(r.amount for r in rows) != 0:
            raise ValueError(f"unbalanced voucher {text}: {sum(r.amount for r in rows)}")
        if day.year != self.year:
            raise ValueError(f"voucher {text} dated {day} outside {self.year}")
        for r in rows:
            self.balances[r.account] = self.balances.get(r.account, 0) + r.amount
        self.vouchers.append(Ver(series, day, text, rows, len(self.vouchers)))

    def balance(self, *accounts: str) -> int:
        return sum(self.balances.get(a, 0) for a in accounts)

    def movements(self, account: str, start: date, end: date, sign: int = 0) -> int:
        """Sum of rows on ``account`` dated start..end (sign: +1 debits, -1 credits, 0 all)."""
        out = 0
        for v in self.vouchers:
            if start <= v.date <= end:
                for r in v.rows:
                    if r.account == account and (sign == 0 or (r.amount > 0) == (sign > 0)):
                        out += r.amount
        return out


def split(
    total: int, weights: Sequence[float], rng: random.Random, noise: float = 0.0
) -> list[int]:
    """Split ``total`` öre in proportion to ``weights`` (jittered by ``noise``), exactly."""
    w = [max(x * (1 + rng.uniform(-noise, noise)), 0.0) for x in weights]
    s = sum(w)
    parts = [int(total * x / s) for x in w]
    parts[-1] += total - sum(parts)
    return parts


def vat(net: int) -> int:
    """25 % moms in öre, rounded half up."""
    sign = -1 if net < 0 else 1
    return sign * ((abs(net) * 25 + 50) // 100)


def months_of(half: str) -> list[tuple[int, int]]:
    year = 2000 + int(half[:2])
    first = 1 if half.endswith("a") else 7
    return [(year, m) for m in range(first, first + 6)]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_name(month: int) -> str:
    return MONTH_NAMES[month - 1]

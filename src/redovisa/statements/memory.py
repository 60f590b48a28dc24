"""Huvudbok i minnet: :class:`LedgerData` computed in Python from SIE files.

Each file brings its fiscal year 0 (vouchers, #IB, #UB, #RES) and, through #IB/#UB/#RES of
year -1, the previous year when no file has its vouchers. Used by tests and properties and
for small projects; the store (``redovisa.ledger.aggregates``) does the same sums in SQL.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from redovisa.core.period import covers_days, keep_of_two, year_containing
from redovisa.sie.records import BalanceKind, SieFile
from redovisa.statements.data import ZERO, Flow

ObjectKey = tuple[tuple[str, str], ...]


@dataclass(slots=True)
class _Year:
    start: date
    end: date
    ib: dict[str, Decimal] = field(default_factory=dict)
    ub: dict[str, Decimal] = field(default_factory=dict)
    res: dict[str, Decimal] = field(default_factory=dict)
    # postings sorted by date: (date, account, amount, objects)
    days: list[date] | None = None
    rows: list[tuple[date, str, Decimal, ObjectKey]] | None = None
    source: str = ""


class MemoryLedger:
    """LedgerData over one or more SIE files (one fiscal year of vouchers each)."""

    def __init__(self, files: Sequence[SieFile], names: Sequence[str] | None = None) -> None:
        # fiscal years with vouchers in two files: (start, end, kept file, ignored file)
        self.conflicts: list[tuple[date, date, str, str]] = []
        self._years: dict[date, _Year] = {}
        self._accounts: dict[str, str] = {}
        self._objects: dict[tuple[str, str], str] = {}
        shown = list(names) if names is not None else [f"fil {i + 1}" for i in range(len(files))]
        for sie, name in zip(files, shown, strict=True):
            self._add(sie, name)

    # -- loading -----------------------------------------------------------------------
    def _add(self, sie: SieFile, name: str) -> None:
        for acc in sie.accounts.values():
            self._accounts.setdefault(acc.number, acc.name)
        for (dim, oid), obj in sie.objects.items():
            self._objects.setdefault((dim, oid), obj.name)
        for fy in sie.fiscal_years:
            if fy.index not in (0, -1):
                continue
            year = _Year(fy.start, fy.end, source=name)
            for b in sie.balances:
                if b.year != fy.index or b.objects:
                    continue
                target = {
                    BalanceKind.IB: year.ib,
                    BalanceKind.UB: year.ub,
                    BalanceKind.RES: year.res,
                }
                if b.kind in target:
                    target[b.kind][b.account] = target[b.kind].get(b.account, ZERO) + b.amount
            if fy.index == 0 and (sie.vouchers or not (year.ub or year.res)):
                rows: list[tuple[date, str, Decimal, ObjectKey]] = []
                for v in sie.vouchers:
                    for p in v.postings:
                        day = p.date or v.date
                        if not p.counts or day is None:
                            continue
                        rows.append((day, p.account, p.amount, p.objects))
                rows.sort(key=lambda r: r[0])
                year.rows = rows
                year.days = [r[0] for r in rows]
            self._merge(year)

    def _merge(self, year: _Year) -> None:
        old = self._years.get(year.start)
        if old is None:
            self._years[year.start] = year
            return
        pair = keep_of_two(old, year, has_rows=lambda y: y.rows is not None)
        if pair is None:
            self.conflicts.append((year.start, year.end, old.source, year.source))
            return
        keep, other = pair
        for attr in ("ib", "ub", "res"):
            mine = getattr(keep, attr)
            for acc, amount in getattr(other, attr).items():
                mine.setdefault(acc, amount)
        self._years[year.start] = keep

    # -- LedgerData --------------------------------------------------------------------
    def account_names(self) -> Mapping[str, str]:
        return dict(self._accounts)

    def object_names(self, dimension: str) -> Mapping[str, str]:
        return {oid: name for (dim, oid), name in self._objects.items() if dim == dimension}

    def fiscal_year(self, day: date) -> tuple[date, date] | None:
        y = year_containing(self._years.values(), day)
        return (y.start, y.end) if y else None

    def covers(self, start: date, end: date) -> bool:
        return covers_days(
            self._years.values(),
            start,
            end,
            has_rows=lambda y: y.rows is not None,
            has_totals=lambda y: bool(y.res or y.ub),
        )

    def flows(self, start: date, end: date, dimension: str | None = None) -> Sequence[Flow]:
        sums: dict[tuple[str, str | None], list[Decimal]] = {}

        def add(account: str, oid: str | None, amount: Decimal) -> None:
            slot = sums.setdefault((account, oid), [ZERO, ZERO])
            slot[0 if amount > 0 else 1] += amount

        for y in self._years.values():
            if y.end < start or y.start > end:
                continue
            if y.rows is not None and y.days is not None:
                lo = bisect.bisect_left(y.days, start)
                hi = bisect.bisect_right(y.days, end)
                for _, account, amount, objects in y.rows[lo:hi]:
                    oid = None
                    if dimension is not None:
                        oid = next((o for d, o in objects if d == dimension), None)
                    add(account, oid, amount)
            elif start <= y.start and end >= y.end:
                for account, amount in y.res.items():
                    add(account, None, amount)
                for account in set(y.ub) | set(y.ib):
                    if account in y.res:
                        continue
                    add(account, None, y.ub.get(account, ZERO) - y.ib.get(account, ZERO))
        return [Flow(a, o, d, c) for (a, o), (d, c) in sorted(sums.items(), key=_key)]

    def balances(self, at: date) -> Mapping[str, Decimal]:
        y = year_containing(self._years.values(), at)
        if y is not None and y.rows is not None and y.days is not None:
            out = dict(y.ib)
            hi = bisect.bisect_right(y.days, at)
            for _, account, amount, _ in y.rows[:hi]:
                out[account] = out.get(account, ZERO) + amount
            return out
        nxt = self._years.get(at + timedelta(days=1))
        if y is not None and at == y.end:
            out = dict(y.ub) if y.ub else dict(nxt.ib) if nxt is not None else {}
            for account, amount in y.res.items():
                out[account] = out.get(account, ZERO) + amount
            return out
        if nxt is not None:
            return dict(nxt.ib)
        return {}

    def active_accounts(self) -> Mapping[str, Decimal]:
        out: dict[str, Decimal] = {}
        for y in self._years.values():
            for table in (y.ib, y.ub, y.res):
                for account, amount in table.items():
                    if amount:
                        out[account] = out.get(account, ZERO) + abs(amount)
            for _, account, amount, _ in y.rows or ():
                out[account] = out.get(account, ZERO) + abs(amount)
        return out


def _key(item: tuple[tuple[str, str | None], list[Decimal]]) -> tuple[str, str]:
    (account, oid), _ = item
    return (account, oid or "")


__all__ = ["MemoryLedger"]

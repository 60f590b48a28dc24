"""Per-account year summary of a SIE file: the numbers of ``redovisa sie balances``.

A **contract** used by tools outside the project (DESIGN.md §3): per account that has an
account-level ``#IB``, ``#UB`` or ``#RES`` of year 0 or a counted row in year 0:

* ``ib``, ``ub``, ``res``: the year-0 record, None when the file has none (``#OIB``/``#OUB``
  and object rows are not included);
* ``trans``: the sum of the counted rows (``#TRANS`` and ``#RTRANS``; not ``#BTRANS`` and not
  the ``#TRANS`` twin of an ``#RTRANS``) of vouchers dated in fiscal year 0, or of all
  vouchers when the file has no ``#RAR 0``; None when the account has no such row.

:func:`redovisa.ledger.queries.account_summary` computes the same from the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from redovisa.sie.records import BalanceKind, SieFile, Voucher

_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class AccountSummary:
    """Kontosammandrag: year-0 #IB, #UB, #RES and the sum of the year's rows of one account."""

    account: str
    ib: Decimal | None
    ub: Decimal | None
    res: Decimal | None
    trans: Decimal | None

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the ``sie balances`` contract: decimal strings, two decimals."""
        return {
            "account": self.account,
            "ib": _money(self.ib),
            "ub": _money(self.ub),
            "res": _money(self.res),
            "trans": _money(self.trans),
        }


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(_CENT))


class SummaryBuilder:
    """Collects the row sums of streamed vouchers (per account and voucher date).

    The fiscal year may only be known when the whole file has been read, so the rows are kept
    per date (memory grows with accounts x days, not with rows) and filtered at the end.
    """

    def __init__(self) -> None:
        self._sums: dict[tuple[date | None, str], Decimal] = {}

    def add(self, voucher: Voucher) -> None:
        """Add the counted rows of one voucher."""
        sums = self._sums
        for p in voucher.postings:
            if p.counts:
                key = (voucher.date, p.account)
                sums[key] = sums.get(key, Decimal(0)) + p.amount

    def result(self, sie: SieFile) -> list[AccountSummary]:
        """The summary, given the header (balances, fiscal years) of the file."""
        ib: dict[str, Decimal] = {}
        ub: dict[str, Decimal] = {}
        res: dict[str, Decimal] = {}
        targets = {BalanceKind.IB: ib, BalanceKind.UB: ub, BalanceKind.RES: res}
        for b in sie.balances:
            target = targets.get(b.kind)
            if target is not None and b.year == 0 and not b.objects:
                target[b.account] = target.get(b.account, Decimal(0)) + b.amount
        year = sie.year(0)
        trans: dict[str, Decimal] = {}
        for (day, account), amount in self._sums.items():
            if year is not None and (day is None or not year.start <= day <= year.end):
                continue
            trans[account] = trans.get(account, Decimal(0)) + amount
        accounts = sorted(set(ib) | set(ub) | set(res) | set(trans))
        return [AccountSummary(a, ib.get(a), ub.get(a), res.get(a), trans.get(a)) for a in accounts]


def summarize(sie: SieFile, vouchers: Iterable[Voucher] | None = None) -> list[AccountSummary]:
    """The summary of ``sie``, sorted by account; ``vouchers`` overrides ``sie.vouchers``."""
    builder = SummaryBuilder()
    for v in sie.vouchers if vouchers is None else vouchers:
        builder.add(v)
    return builder.result(sie)

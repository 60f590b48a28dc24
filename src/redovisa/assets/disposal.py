"""Avyttring: disposals (utrangering) and sales leave the register.

A disposal removes the acquisition value and the accumulated depreciation of the item;
the difference between the proceeds and the book value is a realisationsvinst (gain, an
income: "Verksamhetens intäkter") or a realisationsförlust (loss, a cost: "Verksamhetens
kostnader"). The balanskravsutredning removes all realisation gains from the year's
result; :func:`balance_requirement_adjustments` gives the figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from redovisa.assets.model import AssetConfig, DisposalKind, month_index
from redovisa.assets.run import objects
from redovisa.assets.schedule import Item
from redovisa.core.money import from_ore
from redovisa.sie.records import Posting, Voucher


@dataclass(frozen=True, slots=True)
class Disposal:
    """Avyttring: one item leaving the register (amounts in öre)."""

    item: str
    category: str
    cost_centre: str
    project: str
    date: date
    kind: DisposalKind
    acquisition_value: int
    accumulated: int
    proceeds: int

    @property
    def book_value(self) -> int:
        """Redovisat värde when it left."""
        return self.acquisition_value - self.accumulated

    @property
    def result(self) -> int:
        """Realisationsresultat: proceeds less book value (positive = gain, negative = loss)."""
        return self.proceeds - self.book_value


@dataclass(frozen=True, slots=True)
class BalanceRequirementAdjustments:
    """Balanskravsjusteringar from the register for a period (kronor, positive amounts).

    ``realisation_gains`` is "Samtliga realisationsvinster" (deducted from the result);
    ``realisation_losses`` the losses, which may be added back only under the exception
    (undantagsmöjlighet) decided by fullmäktige; that decision is not the register's.
    """

    realisation_gains: Decimal
    realisation_losses: Decimal


def disposals(items: Iterable[Item], start: date, end: date) -> list[Disposal]:
    """Every item that left the register between ``start`` and ``end`` (inclusive)."""
    out: list[Disposal] = []
    for item in items:
        if item.exit_date is None or not start <= item.exit_date <= end:
            continue
        out.append(
            Disposal(
                item=item.id,
                category=item.category,
                cost_centre=item.cost_centre,
                project=item.project,
                date=item.exit_date,
                kind=item.exit_kind or DisposalKind.RETIREMENT,
                acquisition_value=item.value,
                accumulated=item.accumulated(month_index(item.exit_date)),
                proceeds=item.proceeds,
            )
        )
    return sorted(out, key=lambda d: (d.date, d.item))


def balance_requirement_adjustments(
    result: Iterable[Disposal],
) -> BalanceRequirementAdjustments:
    """Realisation gains and losses of the disposals, for the balanskravsutredning."""
    gains = losses = 0
    for d in result:
        if d.result > 0:
            gains += d.result
        else:
            losses -= d.result
    return BalanceRequirementAdjustments(from_ore(gains), from_ore(losses))


def disposal_vouchers(
    result: Iterable[Disposal], config: AssetConfig, *, first_number: int = 1
) -> list[Voucher]:
    """One voucher per disposal: remove cost and accumulated depreciation, book the result.

    Proceeds are debited to ``proceeds_account`` (the sale itself is invoiced elsewhere).
    """
    vouchers: list[Voucher] = []
    for number, d in enumerate(result, start=first_number):
        category = config.categories[d.category]
        objs = objects(config, d.cost_centre, d.project)
        rows = [
            (category.depreciation_account, d.accumulated),
            (category.asset_account, -d.acquisition_value),
            (config.proceeds_account, d.proceeds),
            (config.gain_account if d.result > 0 else config.loss_account, -d.result),
        ]
        postings = tuple(Posting(acc, from_ore(amount), objs) for acc, amount in rows if amount)
        label = "Utrangering" if d.kind is DisposalKind.RETIREMENT else "Försäljning"
        vouchers.append(
            Voucher(
                config.voucher_series, str(number), d.date, f"{label} {d.item}", postings=postings
            )
        )
    return vouchers

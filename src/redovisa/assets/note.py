"""Not för maskiner och inventarier: the roll-forward of the register for a period.

:func:`asset_note` gives a format-neutral table value (rows with a label, a kind and an
exact amount in kronor, signs as printed: accumulated depreciation negative) in the
layout of a municipal asset note; the report layer turns it into its ``not_N`` table.
:func:`register_balances` gives the register's closing balance per balance-sheet account
in the ledger's sign (debit positive) for :mod:`redovisa.assets.reconcile`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from redovisa.assets.disposal import disposals
from redovisa.assets.model import AssetConfig, DisposalKind, month_index
from redovisa.assets.run import period_months
from redovisa.assets.schedule import Item
from redovisa.core.money import from_ore


@dataclass(frozen=True, slots=True)
class NoteRow:
    """Notrad: one line of the asset note; ``accounts`` are where the figure is booked."""

    label: str
    kind: str  # "item", "subtotal" or "total", as the report model's rows
    amount: Decimal
    accounts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AssetNote:
    """Anläggningsnot: the roll-forward of acquisition value and depreciation for a period."""

    start: date
    end: date
    rows: tuple[NoteRow, ...]

    def value(self, label: str, occurrence: int = 0) -> Decimal:
        """The amount of the row with ``label`` (the n-th when a label repeats)."""
        found = [r.amount for r in self.rows if r.label == label]
        return found[occurrence]


@dataclass(frozen=True, slots=True)
class Position:
    """Ställning: acquisition value and accumulated depreciation at the end of a day (öre)."""

    acquisition: int
    accumulated: int

    @property
    def book_value(self) -> int:
        """Redovisat värde."""
        return self.acquisition - self.accumulated


def position(items: Sequence[Item], day: date, key: str = "") -> dict[str, Position]:
    """Register position at the end of ``day``, in total (``key=""``) or per ``category``."""
    acq: dict[str, int] = defaultdict(int)
    acc: dict[str, int] = defaultdict(int)
    month = month_index(day)
    for item in items:
        if item.held_at(day):
            k = item.category if key == "category" else ""
            acq[k] += item.value
            acc[k] += item.accumulated(month)
    return {k: Position(acq[k], acc[k]) for k in acq}


def register_balances(items: Sequence[Item], config: AssetConfig, day: date) -> dict[str, Decimal]:
    """The register's balance per balance-sheet account at ``day`` (debit positive).

    Acquisition value on each category's asset account; accumulated depreciation,
    negative, on its depreciation account. Every configured account is present.
    """
    out: dict[str, int] = dict.fromkeys(config.balance_accounts(), 0)
    for cid, pos in position(items, day, "category").items():
        category = config.categories[cid]
        out[category.asset_account] += pos.acquisition
        out[category.depreciation_account] -= pos.accumulated
    return {account: from_ore(amount) for account, amount in sorted(out.items())}


def asset_note(
    items: Sequence[Item],
    config: AssetConfig,
    start: date,
    end: date,
    title: str = "Maskiner och inventarier",
) -> AssetNote:
    """The asset note for the whole months ``start..end``, from the register."""
    first, last = period_months(start, end)
    before = start - timedelta(days=1)
    opening = position(items, before).get("", Position(0, 0))
    closing = position(items, end).get("", Position(0, 0))
    purchases = sum(i.value for i in items if start <= i.acquired <= end)
    depreciation = sum(i.depreciation(first, last) for i in items)
    gone = disposals(items, start, end)
    retired = [d for d in gone if d.kind is DisposalKind.RETIREMENT]
    sold = [d for d in gone if d.kind is DisposalKind.SALE]
    asset_accounts = tuple(sorted({c.asset_account for c in config.categories.values()}))
    dep_accounts = tuple(sorted({c.depreciation_account for c in config.categories.values()}))
    expense_accounts = tuple(sorted({c.expense_account for c in config.categories.values()}))
    kr = from_ore
    rows = [
        NoteRow("Ingående anskaffningsvärde", "item", kr(opening.acquisition), asset_accounts),
        NoteRow("Inköp", "item", kr(purchases), asset_accounts),
        NoteRow(
            "Försäljningar", "item", kr(-sum(d.acquisition_value for d in sold)), asset_accounts
        ),
        NoteRow(
            "Utrangeringar", "item", kr(-sum(d.acquisition_value for d in retired)), asset_accounts
        ),
        NoteRow("Utgående anskaffningsvärde", "subtotal", kr(closing.acquisition), asset_accounts),
        NoteRow("Ingående ack avskrivningar", "item", kr(-opening.accumulated), dep_accounts),
        NoteRow("Årets avskrivningar", "item", kr(-depreciation), expense_accounts),
        NoteRow("Försäljningar", "item", kr(sum(d.accumulated for d in sold)), dep_accounts),
        NoteRow("Utrangeringar", "item", kr(sum(d.accumulated for d in retired)), dep_accounts),
        NoteRow("Utgående ack avskrivningar", "subtotal", kr(-closing.accumulated), dep_accounts),
        NoteRow(
            f"Summa {title.lower()}", "total", kr(closing.book_value), asset_accounts + dep_accounts
        ),
    ]
    by_kind: dict[str, int] = defaultdict(int)
    for cid, pos in position(items, end, "category").items():
        by_kind[config.categories[cid].kind] += pos.book_value
    for category in config.categories.values():
        by_kind.setdefault(category.kind, 0)
    order = _kind_order(config)
    for kind in sorted(by_kind, key=order.__getitem__):
        accounts = tuple(
            sorted(
                {c.asset_account for c in config.categories.values() if c.kind == kind}
                | {c.depreciation_account for c in config.categories.values() if c.kind == kind}
            )
        )
        rows.append(NoteRow(f"- varav {kind}", "item", kr(by_kind[kind]), accounts))
    rows += [
        NoteRow("Anskaffningsvärde", "item", kr(closing.acquisition), asset_accounts),
        NoteRow(
            "Ackumulerade av- och nedskrivningar", "item", kr(-closing.accumulated), dep_accounts
        ),
        NoteRow("Redovisat värde", "total", kr(closing.book_value), asset_accounts + dep_accounts),
    ]
    return AssetNote(start, end, tuple(rows))


def _kind_order(config: AssetConfig) -> dict[str, int]:
    order: dict[str, int] = {}
    for category in config.categories.values():
        order.setdefault(category.kind, len(order))
    return order

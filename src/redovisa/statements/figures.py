"""Underlag: sums per mapping group for a column, from the ledger or the budget/prognos.

:class:`Figures` is the one place where accounts become groups. Every statement asks it for
:class:`Sums` (net, debit and credit per group) of a column and for balances at a date, so
the statements themselves never see an account number except to name their sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from redovisa.coa.model import Group, Mapping
from redovisa.coa.resolve import Resolver
from redovisa.statements.budget import Plan, PlanRow
from redovisa.statements.data import ZERO, LedgerData
from redovisa.statements.table import ColumnSpec, Value


@dataclass(slots=True)
class Sums:
    """Summor per grupp: net (SIE sign), debit (>= 0) and credit (<= 0)."""

    net: dict[str, Decimal] = field(default_factory=dict)
    debit: dict[str, Decimal] = field(default_factory=dict)
    credit: dict[str, Decimal] = field(default_factory=dict)

    def add(self, gid: str, debit: Decimal, credit: Decimal) -> None:
        """Add one account's (or plan row's) amounts to group ``gid``."""
        self.net[gid] = self.net.get(gid, ZERO) + debit + credit
        self.debit[gid] = self.debit.get(gid, ZERO) + debit
        self.credit[gid] = self.credit.get(gid, ZERO) + credit

    def of(self, gids: Iterable[str]) -> Decimal:
        """Net of the groups."""
        return sum((self.net.get(g, ZERO) for g in gids), ZERO)

    def debits(self, gids: Iterable[str]) -> Decimal:
        """Debit sums of the groups."""
        return sum((self.debit.get(g, ZERO) for g in gids), ZERO)

    def credits(self, gids: Iterable[str]) -> Decimal:
        """Credit sums of the groups."""
        return sum((self.credit.get(g, ZERO) for g in gids), ZERO)


def _split(amount: Decimal) -> tuple[Decimal, Decimal]:
    return (amount, ZERO) if amount > 0 else (ZERO, amount)


class Figures:
    """Sums per group for each column, cached, over a ledger, a mapping and two plans."""

    def __init__(
        self,
        ledger: LedgerData,
        mapping: Mapping,
        budget: Plan | None = None,
        forecast: Plan | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.ledger = ledger
        self.mapping = mapping
        self.resolver = resolver or Resolver(mapping)
        self.plans = {"budget": budget or Plan("budget"), "prognos": forecast or Plan("prognos")}
        self._flows: dict[tuple[date, date], Sums | None] = {}
        self._objects: dict[tuple[date, date, str], dict[str | None, Sums] | None] = {}
        self._balances: dict[date, tuple[Sums, Sums] | None] = {}
        self._accounts: dict[str, list[str]] | None = None
        self.missing: set[str] = set()  # column labels without data

    # -- groups -------------------------------------------------------------------------
    def groups(self, **attrs: str | None) -> list[str]:
        """Ids of the groups with the given attributes."""
        return [g.id for g in self.mapping.groups_where(**attrs)]

    def group(self, gid: str) -> Group:
        """The group ``gid``."""
        return self.mapping.group(gid)

    def accounts_of(self, gids: Iterable[str]) -> tuple[str, ...]:
        """The ledger's accounts (with any amount) that belong to the groups."""
        if self._accounts is None:
            self._accounts = {}
            for account in sorted(self.ledger.active_accounts()):
                g = self.resolver.group_of(account)
                if g is not None:
                    self._accounts.setdefault(g.id, []).append(account)
        wanted = set(gids)
        return tuple(sorted(a for g in wanted for a in self._accounts.get(g, ())))

    # -- flows and plans ------------------------------------------------------------------
    def flow(self, start: date, end: date) -> Sums | None:
        """Movements per group from ``start`` to ``end``; None when the ledger lacks them."""
        key = (start, end)
        if key not in self._flows:
            if not self.ledger.covers(start, end):
                self._flows[key] = None
            else:
                sums = Sums()
                for f in self.ledger.flows(start, end):
                    g = self.resolver.group_of(f.account)
                    if g is not None:
                        sums.add(g.id, f.debit, f.credit)
                self._flows[key] = sums
        return self._flows[key]

    def plan_rows(self, kind: str, year: int) -> tuple[PlanRow, ...]:
        """The plan rows of ``kind`` (budget/prognos) for ``year``."""
        return self.plans[kind].for_year(year)

    def sums(self, col: ColumnSpec) -> Sums | None:
        """Sums per group for a flow or plan column."""
        if col.kind == "flow" and col.start is not None and col.end is not None:
            sums = self.flow(col.start, col.end)
            if sums is None:
                self.missing.add(col.label)
            return sums
        if col.kind == "plan" and col.plan is not None and col.year is not None:
            sums = Sums()
            for row in self.plan_rows(col.plan, col.year):
                sums.add(row.group_id, *_split(row.amount))
            return sums
        return None

    def by_object(self, col: ColumnSpec, dimension: str) -> dict[str | None, Sums] | None:
        """Sums per object of ``dimension`` (None: rows without one) for a column."""
        out: dict[str | None, Sums] = {}
        if col.kind == "plan" and col.plan is not None and col.year is not None:
            for row in self.plan_rows(col.plan, col.year):
                if row.dimension not in (None, dimension):
                    continue
                out.setdefault(row.object_id, Sums()).add(row.group_id, *_split(row.amount))
            return out
        if col.kind != "flow" or col.start is None or col.end is None:
            return None
        key = (col.start, col.end, dimension)
        if key not in self._objects:
            if not self.ledger.covers(col.start, col.end):
                self.missing.add(col.label)
                self._objects[key] = None
            else:
                for f in self.ledger.flows(col.start, col.end, dimension):
                    g = self.resolver.group_of(f.account)
                    if g is not None:
                        out.setdefault(f.object_id, Sums()).add(g.id, f.debit, f.credit)
                self._objects[key] = out
        return self._objects[key]

    # -- balances -------------------------------------------------------------------------
    def balance(self, at: date) -> tuple[Sums, Sums] | None:
        """(shown, raw) balances per group at the end of ``at``.

        ``shown`` moves an account's credit balance to its group's ``credit_balance_group``
        (an overdrawn bank account is a liability); ``raw`` keeps every account in its group.
        """
        if at not in self._balances:
            balances = self.ledger.balances(at)
            if not balances:
                self._balances[at] = None
            else:
                shown, raw = Sums(), Sums()
                for account, amount in balances.items():
                    g = self.resolver.group_of(account)
                    if g is None:
                        continue
                    raw.add(g.id, *_split(amount))
                    target = g.id
                    if g.credit_balance_group and amount < 0:
                        target = g.credit_balance_group
                    shown.add(target, *_split(amount))
                self._balances[at] = (shown, raw)
        return self._balances[at]

    def balance_of(self, at: date | None, gids: Iterable[str], *, raw: bool = False) -> Value:
        """Net balance of the groups at ``at`` (None without data)."""
        if at is None:
            return None
        both = self.balance(at)
        if both is None:
            return None
        return (both[1] if raw else both[0]).of(gids)


__all__ = ["Figures", "Sums"]

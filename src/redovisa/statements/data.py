"""Huvudboksdata: the small input protocol the statements are computed from.

Two implementations: :class:`redovisa.statements.memory.MemoryLedger` over SIE files (tests,
hypothesis properties, small projects) and ``redovisa.ledger.aggregates.StoreLedger`` over the
DuckDB store, where SQL does the sums. Amounts are exact Decimal kronor with the SIE sign
(debit positive, credit negative).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from redovisa.core.flow import Flow  # defined in core so that the ledger layer can build it

ZERO = Decimal("0.00")


class LedgerData(Protocol):
    """What the statements need from a ledger."""

    def account_names(self) -> Mapping[str, str]:
        """Account number -> name (#KONTO)."""
        ...

    def object_names(self, dimension: str) -> Mapping[str, str]:
        """Object id -> name (#OBJEKT) in ``dimension``."""
        ...

    def fiscal_year(self, day: date) -> tuple[date, date] | None:
        """The fiscal year containing ``day``, if the ledger knows it."""
        ...

    def covers(self, start: date, end: date) -> bool:
        """True when the ledger has the movements of every day from ``start`` to ``end``."""
        ...

    def flows(self, start: date, end: date, dimension: str | None = None) -> Sequence[Flow]:
        """Movements per account (and per object of ``dimension``) from ``start`` to ``end``."""
        ...

    def balances(self, at: date) -> Mapping[str, Decimal]:
        """Per account at the end of ``at``: opening balance of its fiscal year plus the
        year's movements up to ``at`` (result accounts: the year-to-date movement)."""
        ...

    def active_accounts(self) -> Mapping[str, Decimal]:
        """Accounts with any balance or movement -> their turnover (for MAP001/MAP002)."""
        ...


__all__ = ["ZERO", "Flow", "LedgerData"]

"""Rörelse: the debit and credit sums of one account (x object), shared by the statements'
``LedgerData`` protocol (``redovisa.statements.data``) and the store's ``StoreLedger``
(``redovisa.ledger.aggregates``), which sits in a lower layer and so cannot import statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Flow:
    """Rörelse: the debit and credit sums of one account (x object) over a date range.

    ``debit`` >= 0 is the sum of positive rows, ``credit`` <= 0 the sum of negative rows.
    """

    account: str
    object_id: str | None
    debit: Decimal
    credit: Decimal

    @property
    def net(self) -> Decimal:
        """Debit plus credit: the movement with the SIE sign."""
        return self.debit + self.credit


__all__ = ["Flow"]

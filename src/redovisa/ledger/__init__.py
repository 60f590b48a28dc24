"""The ledger store (huvudbok): SIE files in DuckDB, and the queries over it.

The only package that imports ``duckdb``; every DuckDB error leaves it as
:class:`redovisa.core.errors.StoreError`. Schema: ``schema.sql`` (docs/ledger.md).

The names below are imported from their modules when first used (PEP 562): ``redovisa import``
loads the store and the importer, not the queries the reports use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redovisa.core.lazy import lazy_exports

if TYPE_CHECKING:
    from redovisa.ledger.importer import ImportOutcome, import_sie
    from redovisa.ledger.loader import ImportCounts, import_identity, load_sie_file
    from redovisa.ledger.queries import (
        BudgetAmount,
        MonthlyAmount,
        ObjectBalanceRow,
        TrialBalanceRow,
        account_summary,
        budget,
        month_bounds,
        monthly_movements,
        object_balances,
        trial_balance,
    )
    from redovisa.ledger.store import ImportInfo, LedgerStore
    from redovisa.ledger.summary import AccountSummary, SummaryBuilder, summarize

__all__ = [
    "AccountSummary",
    "BudgetAmount",
    "ImportCounts",
    "ImportInfo",
    "ImportOutcome",
    "LedgerStore",
    "MonthlyAmount",
    "ObjectBalanceRow",
    "SummaryBuilder",
    "TrialBalanceRow",
    "account_summary",
    "budget",
    "import_identity",
    "import_sie",
    "load_sie_file",
    "month_bounds",
    "monthly_movements",
    "object_balances",
    "summarize",
    "trial_balance",
]

_EXPORTS: dict[str, tuple[str, ...]] = {
    "redovisa.ledger.importer": ("ImportOutcome", "import_sie"),
    "redovisa.ledger.loader": ("ImportCounts", "import_identity", "load_sie_file"),
    "redovisa.ledger.queries": (
        "BudgetAmount",
        "MonthlyAmount",
        "ObjectBalanceRow",
        "TrialBalanceRow",
        "account_summary",
        "budget",
        "month_bounds",
        "monthly_movements",
        "object_balances",
        "trial_balance",
    ),
    "redovisa.ledger.store": ("ImportInfo", "LedgerStore"),
    "redovisa.ledger.summary": ("AccountSummary", "SummaryBuilder", "summarize"),
}
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

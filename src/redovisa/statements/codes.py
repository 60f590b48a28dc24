"""Diagnostic codes of budget/prognos input (BUD...) and statement checks (STM...)."""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

BUDGET_FILE = register(
    "BUD001",
    Severity.ERROR,
    "Budgetfilen kan inte läsas",
    "The budget or forecast file cannot be read, or its header lacks account, period or amount.",
)
BUDGET_AMOUNT = register(
    "BUD002", Severity.ERROR, "Felaktigt belopp i budgetfilen", "A row's amount is not a number."
)
BUDGET_PERIOD = register(
    "BUD003",
    Severity.ERROR,
    "Felaktig period i budgetfilen",
    "A row's period is not YYYY, YYYYMM or YYYY-MM.",
)
BUDGET_ACCOUNT = register(
    "BUD004",
    Severity.ERROR,
    "Felaktigt konto i budgetfilen",
    "A row's account is not an account, prefix or range, or falls in no mapping group or in"
    " groups on different lines.",
)
BUDGET_OUTSIDE = register(
    "BUD005",
    Severity.WARNING,
    "Budgetrad utanför rapportens år",
    "A row's period lies outside the years the report shows; it is ignored.",
)
NO_DATA = register(
    "STM001",
    Severity.WARNING,
    "Underlag saknas för en kolumn",
    "The ledger has no movements for the period of a column (e.g. the same period last year);"
    " the column is left empty.",
)
NOT_BALANCED = register(
    "STM002",
    Severity.ERROR,
    "Balansräkningen balanserar inte",
    "Summa tillgångar differs from summa eget kapital och skulder: unmapped accounts or an"
    " unbalanced ledger.",
)
CASHFLOW_MISMATCH = register(
    "STM003",
    Severity.ERROR,
    "Kassaflödet stämmer inte med likvida medel",
    "Likvida medel at the end per the kassaflödesanalys differ from the balance of the"
    " likvida accounts: unmapped accounts or an unbalanced ledger.",
)

__all__ = [
    "BUDGET_ACCOUNT",
    "BUDGET_AMOUNT",
    "BUDGET_FILE",
    "BUDGET_OUTSIDE",
    "BUDGET_PERIOD",
    "CASHFLOW_MISMATCH",
    "NOT_BALANCED",
    "NO_DATA",
]

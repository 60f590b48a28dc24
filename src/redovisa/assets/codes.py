"""Diagnostic codes of the asset register (AST0xx).

Each code is registered once in :mod:`redovisa.core.diagnostic_codes`; a reproducer for each
lives in ``tests/assets/diagnostics/``.
"""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

# -- the register file ---------------------------------------------------------------------
UNREADABLE = register(
    "AST001",
    E,
    "Anläggningsregistret kan inte läsas",
    "The register file is missing, empty, not CSV/XLSX, or lacks a required column.",
)
MISSING_VALUE = register(
    "AST002",
    E,
    "Obligatoriskt värde saknas",
    "A row lacks an asset id, category, acquisition date or acquisition value.",
)
BAD_DATE = register("AST003", E, "Felaktigt datum", "Dates are written YYYY-MM-DD and must exist.")
BAD_AMOUNT = register(
    "AST004",
    E,
    "Felaktigt belopp",
    "Amounts are kronor with at most two decimals (decimal point or comma; spaces allowed).",
)
UNKNOWN_CATEGORY = register(
    "AST005",
    E,
    "Okänd kategori",
    "The category is not configured in the [assets] section of redovisa.toml.",
)
DUPLICATE_ID = register(
    "AST006", E, "Inventarienumret finns redan", "Two rows have the same asset id."
)
DISPOSAL_BEFORE_ACQUISITION = register(
    "AST007",
    E,
    "Avyttring före anskaffning",
    "The disposal date is earlier than the acquisition date.",
)
BAD_VALUE = register(
    "AST008",
    E,
    "Orimligt värde",
    "The acquisition value must be positive, the residual value between zero and the"
    " acquisition value, and a disposal value not negative.",
)
DISPOSAL_VALUE_WITHOUT_DATE = register(
    "AST009", E, "Försäljningspris utan avyttringsdatum", "A disposal value needs a disposal date."
)
GROUP_DISPOSAL = register(
    "AST010",
    W,
    "Avyttring i gruppavskriven kategori ignoreras",
    "Assets depreciated as a group (bestämd mängd och fast värde) are retired with their"
    " group, not one by one; the disposal on the row is not used.",
)
UNKNOWN_COLUMN = register(
    "AST011", I, "Okänd kolumn", "A column the register format does not define."
)
# -- configuration ---------------------------------------------------------------------------
BAD_CONFIG = register(
    "AST020",
    E,
    "Felaktig inställning för anläggningar",
    "A key of the [assets] section of redovisa.toml is missing or has a wrong value.",
)
UNKNOWN_CONFIG_KEY = register(
    "AST021",
    W,
    "Okänd inställning för anläggningar",
    "A key in the [assets] section that redovisa does not know; it is ignored.",
)
# -- reconciliation ------------------------------------------------------------------------
RECONCILIATION = register(
    "AST030",
    E,
    "Registret stämmer inte med huvudboken",
    "At period end the register's total on a balance-sheet account differs from the ledger's"
    " closing balance on that account.",
)
INVESTMENT_OUTCOME = register(
    "AST031",
    E,
    "Investeringsutfallet stämmer inte med huvudboken",
    "The register's purchases of an investment project in the period differ from the ledger's"
    " debits on the asset accounts with that project (object of the project dimension).",
)
# -- forecast ------------------------------------------------------------------------------
FORECAST_DEPRECIATION = register(
    "AST050",
    W,
    "Prognosens avskrivningar skiljer sig från registrets",
    "The forecast file's full-year depreciation differs from the register's forecast (assets"
    " held plus the planned investments of [[assets.investments]]); set"
    ' [assets] forecast_depreciation = "register" to use the register\'s figure.',
)
# -- proposals from the ledger ---------------------------------------------------------------
NOT_A_PURCHASE = register(
    "AST040",
    W,
    "Kreditering på tillgångskonto",
    "A voucher credits an asset account (a disposal or correction): no register entry is"
    " proposed; book the disposal in the register.",
)

__all__ = [name for name in dir() if name.isupper() and name not in {"E", "W", "I"}]

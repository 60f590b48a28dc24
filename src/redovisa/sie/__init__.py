"""SIE4 text <-> records: lexer, parser, writer, checksum. Knows nothing of databases."""

from __future__ import annotations

from redovisa.sie.records import (
    Account,
    AccountType,
    Address,
    Balance,
    BalanceKind,
    Dimension,
    DimensionObject,
    FiscalYearRecord,
    Posting,
    SieFile,
    TransKind,
    UnknownRecord,
    Voucher,
)

__all__ = [
    "Account",
    "AccountType",
    "Address",
    "Balance",
    "BalanceKind",
    "Dimension",
    "DimensionObject",
    "FiscalYearRecord",
    "Posting",
    "SieFile",
    "TransKind",
    "UnknownRecord",
    "Voucher",
]

"""SIE4 text <-> records: lexer, parser, writer, checksum. Knows nothing of databases."""

from __future__ import annotations

from redovisa.sie.parser import SieStream, parse_lines, parse_sie_bytes, parse_sie_text, read_sie
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
from redovisa.sie.writer import Replacement, SieWriteError, SieWriter, sie_to_bytes, write_sie

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
    "Replacement",
    "SieFile",
    "SieStream",
    "SieWriteError",
    "SieWriter",
    "TransKind",
    "UnknownRecord",
    "Voucher",
    "parse_lines",
    "parse_sie_bytes",
    "parse_sie_text",
    "read_sie",
    "sie_to_bytes",
    "write_sie",
]

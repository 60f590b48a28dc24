"""SIE4 text <-> records: lexer, parser, writer, checksum. Knows nothing of databases.

The names below are imported from their modules when first used (PEP 562): importing one module
of the package (``redovisa.sie.machine``, say, for the ledger import) does not load the writer too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redovisa.core.lazy import lazy_exports

if TYPE_CHECKING:
    from redovisa.sie.parser import (
        SieStream,
        parse_lines,
        parse_sie_bytes,
        parse_sie_text,
        read_sie,
    )
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
    from redovisa.sie.writer import (
        Replacement,
        SieWriteError,
        SieWriter,
        sie_to_bytes,
        write_sie,
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

_EXPORTS: dict[str, tuple[str, ...]] = {
    "redovisa.sie.parser": (
        "SieStream",
        "parse_lines",
        "parse_sie_bytes",
        "parse_sie_text",
        "read_sie",
    ),
    "redovisa.sie.records": (
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
    ),
    "redovisa.sie.writer": (
        "Replacement",
        "SieWriteError",
        "SieWriter",
        "sie_to_bytes",
        "write_sie",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

"""Diagnostic codes of the SIE reader (and of the ledger import, which reuses them).

Each code is registered once in :mod:`redovisa.core.diagnostic_codes`; ``docs/diagnostics.md``
is generated from the registry and every code has a reproducer under ``tests/diagnostics/``.
"""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

# -- the file as a whole -------------------------------------------------------------------
NOT_SIE = register(
    "SIE001",
    E,
    "Inte en SIE-fil",
    "The file is empty, binary, or does not start with SIE records (e.g. a PDF renamed to .se).",
)
ENCODING = register(
    "SIE002",
    W,
    "Teckenkodning avviker",
    "The file declares #FORMAT PC8 (CP437) but is encoded otherwise (UTF-8, Windows-1252/Latin-1);"
    " it was decoded as detected.",
)
REPLACEMENT_CHAR = register(
    "SIE003",
    W,
    "Förstörda tecken",
    "The text contains U+FFFD replacement characters: it was damaged before it reached redovisa.",
)
NO_FLAG = register(
    "SIE004", W, "#FLAGGA saknas eller står inte först", "Every SIE file starts with #FLAGGA."
)
MISSING_RECORD = register(
    "SIE005",
    W,
    "Obligatorisk post saknas",
    "A record the SIE type requires (#FNAMN, #RAR, #KONTO, ...) is missing.",
)
FORMAT_NOT_PC8 = register(
    "SIE006", W, "#FORMAT är inte PC8", "The only #FORMAT SIE 4 allows is PC8."
)
ONLY_HEADER = register(
    "SIE007",
    W,
    "Filen innehåller inga saldon eller verifikationer",
    "The file has identification records only.",
)
# -- lexical -----------------------------------------------------------------------------------
MALFORMED = register(
    "SIE010",
    E,
    "Felaktig rad",
    "A line that is not a record, or a record with missing or malformed fields.",
)
UNTERMINATED_QUOTE = register(
    "SIE011", E, "Citattecken avslutas inte", "A quoted field has no closing quote."
)
UNTERMINATED_BRACE = register(
    "SIE012", E, "Klammer avslutas inte", "An object list or a voucher block is not closed."
)
BAD_DATE = register("SIE013", E, "Felaktigt datum", "Dates are written YYYYMMDD and must exist.")
BAD_AMOUNT = register(
    "SIE014",
    E,
    "Felaktigt belopp",
    "Amounts use '.' as decimal separator, at most two decimals, no plus sign, no spaces.",
)
BAD_NUMBER = register(
    "SIE015", E, "Felaktigt tal", "A year index, dimension or quantity is not a number."
)
BAD_ACCOUNT = register("SIE016", E, "Felaktigt kontonummer", "Account numbers are digits only.")
BAD_PERIOD = register("SIE017", E, "Felaktig period", "Periods are written YYYYMM.")
UNKNOWN_RECORD = register(
    "SIE018", I, "Okänd post", "A record SIE 4B does not define; it is kept as written."
)
CONTROL_CHAR = register(
    "SIE019", W, "Styrtecken i text", "Control characters are not allowed in fields."
)
# -- structure ---------------------------------------------------------------------------------
TRANS_OUTSIDE_VOUCHER = register(
    "SIE020",
    E,
    "Transaktion utanför verifikation",
    "#TRANS, #RTRANS and #BTRANS may only stand inside the { } block of a #VER.",
)
UNBALANCED_VOUCHER = register(
    "SIE021",
    E,
    "Verifikationen balanserar inte",
    "The counted rows of a voucher (#TRANS and #RTRANS, not #BTRANS) must sum to zero.",
)
UNDECLARED_ACCOUNT = register(
    "SIE022",
    W,
    "Kontot är inte deklarerat",
    "An account used in a balance or a transaction has no #KONTO record.",
)
DATE_OUTSIDE_YEAR = register(
    "SIE023",
    W,
    "Datum utanför räkenskapsåret",
    "A voucher date lies outside every #RAR fiscal year of the file.",
)
DUPLICATE_VOUCHER = register(
    "SIE024",
    E,
    "Verifikationsnumret finns redan",
    "Two vouchers have the same series and number, and the same date, text and rows: the"
    " voucher is in the file twice and would count twice.",
)
IB_UB_MISMATCH = register(
    "SIE025",
    W,
    "IB plus rörelser skiljer sig från UB",
    "For a balance-sheet account, #IB + the year's transactions must equal #UB.",
)
RES_MISMATCH = register(
    "SIE026",
    W,
    "RES skiljer sig från rörelserna",
    "For a result account, #RES must equal the year's transactions.",
)
RTRANS_WITHOUT_TWIN = register(
    "SIE027",
    W,
    "#RTRANS utan följande #TRANS",
    "SIE requires each #RTRANS to be followed by an identical #TRANS.",
)
EMPTY_VOUCHER = register("SIE028", W, "Tom verifikation", "A voucher with no rows.")
BAD_FISCAL_YEAR = register(
    "SIE029",
    E,
    "Felaktigt räkenskapsår",
    "#RAR years must end after they start and follow each other without gaps.",
)
DUPLICATE_DECLARATION = register(
    "SIE030",
    W,
    "Dubbel deklaration",
    "An account, dimension or object is declared twice; the last one is used.",
)
UNDECLARED_DIMENSION = register(
    "SIE031",
    W,
    "Dimensionen är inte deklarerad",
    "An object list uses a dimension that has no #DIM (reserved numbers 1-19 excepted).",
)
REUSED_VOUCHER_NUMBER = register(
    "SIE032",
    W,
    "Verifikationsnumret återanvänds",
    "Two different vouchers (other date, text or rows) have the same series and number; both"
    " are kept. An exact copy of a voucher is SIE024.",
)
# -- checksum ----------------------------------------------------------------------------------
CHECKSUM_MISMATCH = register(
    "SIE040",
    E,
    "Kontrollsumman stämmer inte",
    "The #KSUMMA at the end of the file differs from the CRC-32 of its content: it was changed.",
)
CHECKSUM_MISSING = register(
    "SIE041",
    E,
    "Avslutande #KSUMMA saknas",
    "The file opens with #KSUMMA but has no closing #KSUMMA: it is probably truncated.",
)

__all__ = [name for name in dir() if name.isupper() and name not in {"E", "W", "I"}]

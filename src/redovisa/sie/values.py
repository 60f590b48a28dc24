"""Field values: dates, amounts, numbers, accounts, periods and object lists as SIE writes them.

Each converter returns the value, or ``None`` when the text is not one; ``why_*`` functions say
in Swedish what is wrong, for the diagnostic. Nothing is rounded: an amount with more than two
decimals is rejected, not cut.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from redovisa.sie.lexer import ObjectList
from redovisa.sie.records import ObjectRef

_AMOUNT = re.compile(r"-?\d+(?:\.\d{1,2})?")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_DIGITS = re.compile(r"\d+")
_INT = re.compile(r"-?\d+")
_PERIOD = re.compile(r"\d{4}(0[1-9]|1[0-2])")

_DATE_CACHE: dict[str, date | None] = {}
_DATE_CACHE_MAX = 50_000


def parse_date(text: str) -> date | None:
    """``YYYYMMDD`` -> date; None when the text is not an existing date in that form."""
    try:
        return _DATE_CACHE[text]
    except KeyError:
        pass
    value: date | None = None
    if len(text) == 8 and text.isdigit() and text.isascii():
        try:
            value = date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            value = None
    if len(_DATE_CACHE) >= _DATE_CACHE_MAX:
        _DATE_CACHE.clear()
    _DATE_CACHE[text] = value
    return value


def why_date(text: str) -> str:
    """Swedish explanation of why ``text`` is not an SIE date."""
    if not text:
        return "datum saknas"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        plain = text.replace("-", "")
        return f"datumet '{text}' är skrivet med bindestreck; SIE skriver ÅÅÅÅMMDD ({plain})"
    if len(text) == 8 and text.isdigit():
        return f"datumet '{text}' finns inte i kalendern"
    return f"'{text}' är inte ett datum på formen ÅÅÅÅMMDD"


def parse_amount(text: str) -> Decimal | None:
    """An SIE amount (``-1234.50``, at most two decimals) -> Decimal; None otherwise."""
    if _AMOUNT.fullmatch(text) is None or not text.isascii():
        return None
    return Decimal(text)


def why_amount(text: str) -> str:
    """Swedish explanation of why ``text`` is not an SIE amount."""
    if not text:
        return "beloppet saknas"
    if _NUMBER.fullmatch(text) and text.isascii():
        return (
            f"beloppet '{text}' har fler än två decimaler; SIE tillåter högst två och "
            "redovisa avrundar aldrig bort något"
        )
    if "," in text and _NUMBER.fullmatch(text.replace(",", ".")):
        dotted = text.replace(",", ".")
        return f"beloppet '{text}' har decimalkomma; SIE skriver decimalpunkt ({dotted})"
    if text.startswith("+"):
        return f"beloppet '{text}' har plustecken; SIE skriver positiva belopp utan tecken"
    return f"'{text}' är inte ett belopp (t.ex. -1234.50)"


def parse_quantity(text: str) -> Decimal | None:
    """A quantity (any number of decimals) -> Decimal; None otherwise."""
    if _NUMBER.fullmatch(text) is None or not text.isascii():
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
        return None


def parse_int(text: str) -> int | None:
    """A whole number (year index, flag) -> int; None otherwise."""
    if _INT.fullmatch(text) is None or not text.isascii():
        return None
    return int(text)


def is_account(text: str) -> bool:
    """True when ``text`` is an account number (digits only, any length)."""
    return _DIGITS.fullmatch(text) is not None and text.isascii()


def is_period(text: str) -> bool:
    """True when ``text`` is a period ``YYYYMM``."""
    return _PERIOD.fullmatch(text) is not None and text.isascii()


_OBJ_CACHE: dict[ObjectList, tuple[ObjectRef, ...] | None] = {}
_OBJ_CACHE_MAX = 50_000


def object_refs(items: ObjectList) -> tuple[ObjectRef, ...] | None:
    """Pair the items of an object list (dim, obj, dim, obj ...); None when they do not pair up.

    Equal lists give the identical tuple (cached), which keeps memory low for big files.
    """
    try:
        return _OBJ_CACHE[items]
    except KeyError:
        pass
    refs: tuple[ObjectRef, ...] | None
    if len(items) % 2:
        refs = None
    else:
        it = iter(items)
        refs = tuple(zip(it, it, strict=True))
    if len(_OBJ_CACHE) >= _OBJ_CACHE_MAX:
        _OBJ_CACHE.clear()
    _OBJ_CACHE[items] = refs
    return refs


def fmt_amount(value: Decimal) -> str:
    """An amount as SIE writes it, with two decimals: ``-1234.50``."""
    return f"{value:.2f}"

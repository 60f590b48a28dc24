"""Money: exact, never float.

Amounts are :class:`decimal.Decimal` in kronor with at most two decimals (öre).
Rounding to a unit (tkr, mnkr) happens once, at presentation, by one rule:
half away from zero, from the exact value (:func:`to_unit`).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal("0.00")
ORE = Decimal("0.01")

UNITS: dict[str, Decimal] = {
    "kr": Decimal(1),
    "tkr": Decimal(1000),
    "mnkr": Decimal(1_000_000),
}

_AMOUNT = re.compile(r"-?\d+(\.\d+)?")


def parse_amount(text: str) -> Decimal | None:
    """Parse an amount as SIE writes it (``-1234.50``); None when it is not one.

    A plus sign, a decimal comma or a thousands separator is not an SIE amount.
    """
    if not _AMOUNT.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid text
        return None


def to_ore(amount: Decimal) -> int:
    """Exact amount in öre; raises ValueError if it has fractions of an öre."""
    ore = amount * 100
    if ore != ore.to_integral_value():
        raise ValueError(f"{amount} has fractions of an öre")
    return int(ore)


def from_ore(ore: int) -> Decimal:
    """Kronor as a Decimal with two decimals from an integer number of öre."""
    return (Decimal(ore) / 100).quantize(ORE)


def to_unit(amount: Decimal, unit: str = "tkr") -> int:
    """Round an exact amount in kronor to a whole number of ``unit``, half away from zero.

    >>> to_unit(Decimal("23048512.00"))
    23049
    >>> to_unit(Decimal("-1500.00"))
    -2
    """
    return int((amount / UNITS[unit]).quantize(Decimal(1), rounding=ROUND_HALF_UP))

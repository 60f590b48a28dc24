"""Talformat: figures the Swedish way, as a reader sees them in every output format.

- thousands separated by a no-break space (U+00A0), so "1 718 tkr" never breaks a line;
- the minus sign is U+2212, not a hyphen;
- a decimal comma ("3,6 %"), a no-break space before the unit.

Rounding happens here, once, half away from zero, from the exact value (DESIGN.md §5).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

NBSP = "\u00a0"
MINUS = "\u2212"
UNIT_DIVISORS: dict[str, Decimal] = {"kr": Decimal(1), "tkr": Decimal(1000), "mnkr": Decimal(10**6)}


def round_half_away(value: Decimal | Fraction | int, places: int = 0) -> Decimal:
    """Round an exact value to ``places`` decimals, half away from zero."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    quantum = Decimal(1).scaleb(-places)
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def group_digits(value: Decimal, places: int = 0) -> str:
    """``-1718.5`` -> ``−1 718,5`` (no-break space, minus sign, decimal comma)."""
    rounded = round_half_away(value, places)
    if rounded == 0:
        rounded = abs(rounded)  # no "−0"
    text = f"{abs(rounded):,.{places}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if rounded < 0 else "") + text


def in_unit(kronor: Decimal, unit: str) -> Decimal:
    """Kronor rounded to a whole ``unit`` (kr, tkr, mnkr)."""
    return round_half_away(kronor / UNIT_DIVISORS[unit])


def format_money(kronor: Decimal, unit: str, *, suffix: bool = True) -> str:
    """``Decimal("1718000")``, ``tkr`` -> ``1 718 tkr``."""
    text = group_digits(in_unit(kronor, unit))
    return f"{text}{NBSP}{unit}" if suffix else text


def format_percent(value: Decimal | Fraction, places: int = 1, *, suffix: bool = True) -> str:
    """``3.6`` -> ``3,6 %``."""
    text = group_digits(round_half_away(value, places), places)
    return f"{text}{NBSP}%" if suffix else text


def format_number(value: Decimal | Fraction, places: int = 0) -> str:
    """A plain number: ``12`` -> ``12``, ``1234.5`` with 1 place -> ``1 234,5``."""
    return group_digits(round_half_away(value, places), places)


__all__ = [
    "MINUS",
    "NBSP",
    "UNIT_DIVISORS",
    "format_money",
    "format_number",
    "format_percent",
    "group_digits",
    "in_unit",
    "round_half_away",
]

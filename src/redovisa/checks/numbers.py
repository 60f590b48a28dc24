"""Swedish numbers as reports print them: ``1 718``, ``−3 877``, ``(250)``, ``3,6 %``, ``16 mkr``.

Thousands separators are spaces (also no-break and thin spaces); the decimal mark is a
comma; a minus is ``-``, ``−`` (U+2212) or an en dash; parentheses mean a negative.
A unit (``kr``, ``tkr``, ``mkr``, ``mnkr``, ``%``) may follow. Values stay exact
(:class:`~decimal.Decimal`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SPACES = " \u00a0\u2007\u2009\u202f"
MINUSES = "-\u2212\u2013\u2012\u2014"

# factor to tkr for each unit word
UNIT_TO_TKR: dict[str, Decimal] = {
    "kr": Decimal("0.001"),
    "kronor": Decimal("0.001"),
    "tkr": Decimal(1),
    "tusen kronor": Decimal(1),
    "mkr": Decimal(1000),
    "mnkr": Decimal(1000),
    "mdkr": Decimal(1_000_000),
    "miljoner kronor": Decimal(1000),
    "miljarder kronor": Decimal(1_000_000),
}

_SP = f"[{SPACES}]"
_NUMBER = re.compile(
    rf"^(?P<sign>[{MINUSES}+])?{_SP}*(?P<int>\d{{1,3}}(?:{_SP}\d{{3}})+|\d+)"
    r"(?:[,.](?P<frac>\d+))?$"
)
_UNIT_SUFFIX = re.compile(
    r"\s*(?P<unit>%|procent|tkr|mnkr|mkr|mdkr|kr|kronor|tusen kronor|miljoner kronor)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Amount:
    """Belopp: a number found in text, with its unit and how precisely it was written.

    ``precision`` is the place of the last significant digit in the written unit:
    ``1 718`` has 1, ``3 300`` has 100, ``3,6`` has 0.1.
    """

    value: Decimal
    unit: str | None
    precision: Decimal
    text: str

    def in_tkr(self) -> Decimal | None:
        """The amount in tkr, or None when it is not money."""
        if self.unit is None or self.unit.lower() not in UNIT_TO_TKR:
            return None
        return self.value * UNIT_TO_TKR[self.unit.lower()]

    def precision_tkr(self) -> Decimal | None:
        """The written precision in tkr, or None when it is not money."""
        if self.unit is None or self.unit.lower() not in UNIT_TO_TKR:
            return None
        return self.precision * UNIT_TO_TKR[self.unit.lower()]


def parse_number(text: str) -> Decimal | None:
    """Parse one printed figure; None when the text is not a number.

    >>> parse_number("−3 877")
    Decimal('-3877')
    >>> parse_number("(250)")
    Decimal('-250')
    >>> parse_number("3,6")
    Decimal('3.6')
    """
    parsed = parse_number_unit(text)
    return None if parsed is None else parsed[0]


def parse_number_unit(text: str) -> tuple[Decimal, str | None] | None:
    """Parse a printed figure with an optional unit suffix: ``16 mkr`` gives (16, "mkr")."""
    s = text.strip().replace("\u00ad", "")
    unit: str | None = None
    m = _UNIT_SUFFIX.search(s)
    if m and m.start() > 0:
        unit = m.group("unit").lower()
        s = s[: m.start()].strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative = True
        s = s[1:-1].strip()
    if s.endswith(tuple(MINUSES)) and len(s) > 1 and s[-2].isdigit():
        # trailing minus, as some spreadsheets print it
        negative = not negative
        s = s[:-1]
    m = _NUMBER.match(s)
    if m is None:
        return None
    digits = re.sub(f"[{SPACES}]", "", m.group("int"))
    frac = m.group("frac")
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    sign = m.group("sign")
    if sign and sign != "+":
        negative = not negative
    return (-value if negative else value), unit


def written_precision(text: str) -> Decimal:
    """The place of the last significant digit: ``3 300`` gives 100, ``3,6`` gives 0.1."""
    s = re.sub(f"[{SPACES}]", "", text)
    if "," in s:
        return Decimal(1).scaleb(-len(s.split(",", 1)[1].rstrip()))
    digits = re.sub(r"\D", "", s)
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return Decimal(10) ** zeros


_AMOUNT_IN_TEXT = re.compile(
    rf"(?<![\d,.])(?P<num>[{MINUSES}]?\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?|[{MINUSES}]?\d+(?:,\d+)?)"
    rf"{_SP}*(?P<unit>%|procent\b|tkr\b|mnkr\b|mkr\b|mdkr\b|miljoner kronor\b|"
    r"miljarder kronor\b|tusen kronor\b|kronor\b|kr\b)",
    re.IGNORECASE,
)


def amounts_in_text(sentence: str) -> list[tuple[Amount, int]]:
    """Every amount with a unit in a sentence, with its offset: ``16 mkr``, ``3,6 %``."""
    out: list[tuple[Amount, int]] = []
    for m in _AMOUNT_IN_TEXT.finditer(sentence):
        num = m.group("num")
        value = parse_number(num)
        if value is None:
            continue
        unit = m.group("unit").lower()
        if unit == "procent":
            unit = "%"
        out.append((Amount(value, unit, written_precision(num), m.group(0)), m.start()))
    return out

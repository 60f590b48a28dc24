"""Figure expressions: how a målvärde names the report figures it is measured on.

An expression is a sum of terms: figure ids and decimal numbers joined by ``+`` and ``-``,
for example ``rr.verksamhetens_intakter + rr.medlemsavgifter``. A figure id is lower-case
ASCII letters, digits, ``_`` and ``.`` (``rr.resultat``, ``hr.unit.IT.total`` keeps the
unit's own spelling after ``hr.unit.``). Sums are all the goals need ("result as a share of
turnover" is ``value`` divided by ``per``); anything richer belongs in the statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

__all__ = ["Number", "Term", "evaluate", "parse_sum"]

Number = Decimal | Fraction | int
Term = tuple[int, str]  # (sign, figure id or number text)

_TOKEN = re.compile(r"\s*([+-])?\s*([A-Za-z_][\wåäöÅÄÖ.\-]*|\d+(?:\.\d+)?)\s*")


def parse_sum(text: str) -> list[Term] | None:
    """The terms of ``text``, or None when it is not a sum of ids and numbers."""
    terms: list[Term] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos or (terms and m.group(1) is None):
            return None
        terms.append((-1 if m.group(1) == "-" else 1, m.group(2)))
        pos = m.end()
    return terms or None


def evaluate(terms: list[Term], figures: Mapping[str, Number]) -> tuple[Fraction | None, list[str]]:
    """The exact value of a sum, or None and the figure ids that are missing."""
    total = Fraction(0)
    missing: list[str] = []
    for sign, name in terms:
        if name[0].isdigit():
            total += sign * Fraction(Decimal(name))
        elif name in figures:
            total += sign * Fraction(figures[name])
        else:
            missing.append(name)
    return (None, missing) if missing else (total, [])

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redovisa.core.money import from_ore, parse_amount, to_ore, to_unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", Decimal(0)), ("-13200", Decimal(-13200)), ("1234.50", Decimal("1234.50"))],
)
def test_parse_amount_accepts_sie_amounts(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["+5", "1,50", "1 000", "", "abc", "1e5", "-"])
def test_parse_amount_rejects_what_sie_forbids(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("kr", "tkr"),
    [("23048512.00", 23049), ("499.99", 0), ("500.00", 1), ("-500.00", -1), ("-1499.99", -1)],
)
def test_to_unit_rounds_half_away_from_zero(kr: str, tkr: int) -> None:
    assert to_unit(Decimal(kr)) == tkr


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_ore_round_trip(ore: int) -> None:
    assert to_ore(from_ore(ore)) == ore


@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=50))
def test_rounded_total_is_within_half_unit_per_summand(parts: list[int]) -> None:
    exact = [from_ore(p) for p in parts]
    shown_total = to_unit(sum(exact, Decimal(0)))
    sum_of_shown = sum(to_unit(x) for x in exact)
    assert abs(shown_total - sum_of_shown) <= Decimal("0.5") * len(parts) + Decimal("0.5")

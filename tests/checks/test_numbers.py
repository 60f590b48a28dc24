from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redovisa.checks.numbers import (
    amounts_in_text,
    parse_number,
    parse_number_unit,
    written_precision,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 718", Decimal(1718)),
        ("−3 877", Decimal(-3877)),
        ("\u2013 662", Decimal(-662)),
        ("-10\u00a0984", Decimal(-10984)),
        ("12\u202f353", Decimal(12353)),
        ("(250)", Decimal(-250)),
        ("3,6", Decimal("3.6")),
        ("0", Decimal(0)),
        ("1 234 567,50", Decimal("1234567.50")),
    ],
)
def test_swedish_numbers_are_parsed_exactly(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "Not 5", "2024-06-30", "12 34", "abc", "–", "1 2345"])
def test_non_numbers_are_rejected(text: str) -> None:
    assert parse_number(text) is None


def test_units_are_kept() -> None:
    assert parse_number_unit("16 mkr") == (Decimal(16), "mkr")
    assert parse_number_unit("3,6 %") == (Decimal("3.6"), "%")
    assert parse_number_unit("1 718 tkr") == (Decimal(1718), "tkr")


def test_amounts_in_a_sentence_with_precision() -> None:
    found = amounts_in_text("Skulden är 16 mkr och överskridandet 3 300 tkr, frånvaron 3,6 %.")
    assert [(a.value, a.unit, a.precision) for a, _ in found] == [
        (Decimal(16), "mkr", Decimal(1)),
        (Decimal(3300), "tkr", Decimal(100)),
        (Decimal("3.6"), "%", Decimal("0.1")),
    ]
    assert found[0][0].in_tkr() == Decimal(16000)
    assert written_precision("1 718") == 1


def _swedish(value: int, sep: str, minus: str, parens: bool) -> str:
    digits = f"{abs(value):,}".replace(",", sep)
    if value < 0:
        return f"({digits})" if parens else f"{minus}{digits}"
    return digits


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"]),
    st.sampled_from(["-", "\u2212", "\u2013"]),
    st.booleans(),
)
def test_printed_integers_round_trip(value: int, sep: str, minus: str, parens: bool) -> None:
    assert parse_number(_swedish(value, sep, minus, parens)) == value


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False))
def test_decimal_comma_round_trips(value: Decimal) -> None:
    text = f"{value:f}".replace(".", ",")
    assert parse_number(text) == value

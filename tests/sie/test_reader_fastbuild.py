"""The fast constructors make ordinary, equal, frozen records."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.sie.fastbuild import make_balance, make_posting, make_voucher
from redovisa.sie.records import Balance, BalanceKind, Posting, TransKind, Voucher

texts = st.none() | st.text(max_size=5)
dates = st.none() | st.dates()
amounts = st.decimals(allow_nan=False, allow_infinity=False, places=2)
objects = st.lists(st.tuples(st.text(max_size=2), st.text(max_size=3)), max_size=2).map(tuple)


@settings(max_examples=50)
@given(
    st.tuples(
        st.text(max_size=5),
        amounts,
        objects,
        dates,
        texts,
        st.none() | amounts,
        texts,
        st.sampled_from(list(TransKind)),
        st.none() | st.integers(1, 10**6),
    )
)
def test_make_posting_equals_constructor(args: tuple[object, ...]) -> None:
    fast, slow = make_posting(*args), Posting(*args)  # type: ignore[arg-type]
    assert type(fast) is Posting
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.line == slow.line
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.amount = Decimal(1)  # type: ignore[misc]


def test_make_voucher_equals_constructor() -> None:
    p = Posting("1930", Decimal("1.00"))
    args = ("A", "1", date(2024, 1, 5), "x", None, "sign", (p,), 7)
    fast, slow = make_voucher(*args), Voucher(*args)
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert hash(fast) == hash(slow)
    assert fast.total() == Decimal("1.00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.series = "B"  # type: ignore[misc]


@settings(max_examples=50)
@given(
    st.tuples(
        st.sampled_from(list(BalanceKind)),
        st.integers(-5, 5),
        st.text(max_size=5),
        amounts,
        st.none() | amounts,
        st.none() | st.text(max_size=6),
        objects,
        st.none() | st.integers(1, 10**6),
    )
)
def test_make_balance_equals_constructor(args: tuple[object, ...]) -> None:
    fast, slow = make_balance(*args), Balance(*args)  # type: ignore[arg-type]
    assert type(fast) is Balance
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.line == slow.line
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.amount = Decimal(1)  # type: ignore[misc]

"""The balance rows the loader writes: known rows, and the same rows as a row-by-row build."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample import sample_sie

from redovisa.core.errors import StoreError
from redovisa.ledger.loader import insert_header
from redovisa.ledger.store import LedgerStore
from redovisa.sie.records import Balance, BalanceKind, SieFile


def _rows(store: LedgerStore, table: str, import_id: int) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in store.table_rows(table, import_id)]


def test_sample_balances_are_stored_as_known(store: LedgerStore) -> None:
    sie = sample_sie()
    sie.balances[0] = Balance(BalanceKind.IB, 0, "1930", D("5995000.00"), line=40)
    with store.transaction():
        insert_header(store, 3, sie)
    rows = _rows(store, "balance", 3)
    assert len(rows) == 15
    assert rows[0] == (1, "IB", 0, "1930", None, D("5995000.00"), None, 40)
    assert rows[5] == (6, "OIB", 0, "2440", None, D("-100000.00"), None, None)
    assert rows[8] == (9, "PSALDO", 0, "5010", "202401", D("3000000.00"), None, None)
    assert rows[14] == (15, "PBUDGET", 0, "5010", "202402", D("1200000.00"), D("1.5"), None)
    assert _rows(store, "balance_object", 3) == [
        (6, 1, "1", "100"),
        (10, 1, "1", "100"),
        (13, 1, "1", "100"),
        (14, 1, "1", "200"),
    ]


def test_several_objects_keep_their_order(store: LedgerStore) -> None:
    sie = SieFile()
    k = BalanceKind
    sie.balances = [
        Balance(k.PSALDO, 0, "5010", D(1), None, "202401", (("6", "P9"), ("1", "100"))),
        Balance(k.PSALDO, 0, "5010", D(2), None, "202401"),
        Balance(k.OUB, -1, "5010", D("-3.50"), D("0.125"), None, (("1", "200"),), 9),
    ]
    with store.transaction():
        insert_header(store, 1, sie)
    assert _rows(store, "balance", 1) == [
        (1, "PSALDO", 0, "5010", "202401", D("1.00"), None, None),
        (2, "PSALDO", 0, "5010", "202401", D("2.00"), None, None),
        (3, "OUB", -1, "5010", None, D("-3.50"), D("0.125"), 9),
    ]
    assert _rows(store, "balance_object", 1) == [
        (1, 1, "6", "P9"),
        (1, 2, "1", "100"),
        (3, 1, "1", "200"),
    ]


def test_no_balances_write_no_rows(store: LedgerStore) -> None:
    with store.transaction():
        insert_header(store, 1, SieFile())
    assert _rows(store, "balance", 1) == []
    assert _rows(store, "balance_object", 1) == []


def test_an_amount_too_big_for_the_column_is_a_store_error(store: LedgerStore) -> None:
    sie = SieFile(balances=[Balance(BalanceKind.IB, 0, "1930", D("1e20"))])
    with pytest.raises(StoreError, match="tabellen balance"), store.transaction():
        insert_header(store, 1, sie)


money = st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=2)
object_lists = st.lists(
    st.tuples(st.sampled_from(["1", "6", "20"]), st.text(max_size=4)), max_size=3
).map(tuple)
balances = st.builds(
    Balance,
    st.sampled_from(list(BalanceKind)),
    st.integers(-3, 0),
    st.sampled_from(["1510", "30106", "5010"]),
    money,
    st.none() | st.decimals(min_value=-1000, max_value=1000, places=3),
    st.none() | st.sampled_from(["202401", "202312"]),
    object_lists,
    st.none() | st.integers(1, 10**7),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(balances, max_size=8))
def test_rows_are_those_of_a_row_by_row_build(bs: list[Balance]) -> None:
    want_balance = [
        (n, b.kind.value, b.year, b.account, b.period, b.amount, b.quantity, b.line)
        for n, b in enumerate(bs, start=1)
    ]
    want_objects = sorted(
        (n, k, d, o) for n, b in enumerate(bs, start=1) for k, (d, o) in enumerate(b.objects, 1)
    )
    with LedgerStore.open(":memory:") as store:
        with store.transaction():
            insert_header(store, 7, SieFile(balances=bs))
        assert _rows(store, "balance", 7) == sorted(want_balance)
        assert _rows(store, "balance_object", 7) == want_objects

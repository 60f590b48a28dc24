"""Depreciation arithmetic: properties and golden schedules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from asset_helpers import asset, make_config
from hypothesis import given
from hypothesis import strategies as st

from redovisa.assets import AssetConfig, accumulated_ore, build_items, schedule
from redovisa.assets.model import month_index
from redovisa.assets.schedule import Item

amounts = st.integers(min_value=1, max_value=10**13)  # up to 100 000 000 000 kr in öre
lives = st.integers(min_value=1, max_value=600)


@given(amount=amounts, life=lives)
def test_schedule_sums_to_depreciable_amount(amount: int, life: int) -> None:
    monthly = [
        accumulated_ore(amount, life, n) - accumulated_ore(amount, life, n - 1)
        for n in range(1, life + 1)
    ]
    assert sum(monthly) == amount
    assert max(monthly) - min(monthly) <= 1
    assert all(m >= 0 for m in monthly)


@given(
    value=amounts,
    residual_share=st.integers(min_value=0, max_value=100),
    life=lives,
    months=st.integers(min_value=-50, max_value=700),
)
def test_book_value_never_below_residual_value(
    value: int, residual_share: int, life: int, months: int
) -> None:
    residual = value * residual_share // 100
    item = Item("x", "it3", "", "", date(2020, 1, 1), value, residual, life, 2020 * 12)
    acc = item.accumulated(2020 * 12 + months)
    assert 0 <= acc <= value - residual
    assert value - acc >= residual >= 0


@given(
    value=amounts,
    life=lives,
    start=st.integers(min_value=0, max_value=60),
    split=st.integers(min_value=0, max_value=800),
)
def test_periods_add_up_to_the_whole_schedule(
    value: int, life: int, start: int, split: int
) -> None:
    first = 2020 * 12 + start
    item = Item("x", "it3", "", "", date(2020, 1, 1), value, 0, life, first)
    a = item.depreciation(first - 5, first + split)
    b = item.depreciation(first + split + 1, first + 1000)
    assert a + b == value


def test_golden_three_year_schedule_month_of_acquisition(config: AssetConfig) -> None:
    # 10 000.00 kr over 36 months: 277.78 kr with the öre spread by cumulative rounding
    [item] = build_items([asset("A1", "it3", "2024-03-15", "10000.00")], config)
    plan = schedule(item)
    assert len(plan) == 36
    assert plan[0] == (date(2024, 3, 31), 27778)
    assert [a for _, a in plan[:4]] == [27778, 27778, 27777, 27778]
    assert plan[-1][0] == date(2027, 2, 28)
    assert sum(a for _, a in plan) == 1_000_000


def test_golden_schedule_month_after_acquisition() -> None:
    config = make_config(start="month_after")
    [item] = build_items([asset("A1", "it3", "2024-03-15", "3600.00")], config)
    plan = schedule(item)
    assert plan[0] == (date(2024, 4, 30), 10000)
    assert plan[-1] == (date(2027, 3, 31), 10000)
    assert len(plan) == 36


def test_residual_value_is_not_depreciated(config: AssetConfig) -> None:
    [item] = build_items([asset("B", "bil", "2024-01-10", "300000", residual="60000")], config)
    plan = schedule(item)
    assert len(plan) == 96
    assert {a for _, a in plan} == {250000}
    assert item.accumulated(month_index(date(2040, 1, 1))) == 24_000_000


def test_assessed_life_falls_to_the_nearest_lower_life(config: AssetConfig) -> None:
    assert config.categories["ipad"].life_months == 36


def test_group_assets_are_depreciated_together(config: AssetConfig) -> None:
    assets = [
        asset("P1", "ipad", "2024-02-03", "4999.00"),
        asset("P2", "ipad", "2024-02-20", "4999.00"),
        asset("P3", "ipad", "2024-03-01", "4999.00"),
        asset("P4", "ipad", "2024-02-05", "4999.00", centre="81143"),
    ]
    items = build_items(assets, config)
    assert sorted((i.id, i.value, i.asset_ids) for i in items) == [
        ("GRUPP-ipad-2024-02-81141", 999800, ("P1", "P2")),
        ("GRUPP-ipad-2024-02-81143", 499900, ("P4",)),
        ("GRUPP-ipad-2024-03-81141", 499900, ("P3",)),
    ]
    assert sum(i.accumulated(10**6) for i in items) == 4 * 499900


def test_disposal_month_is_not_depreciated_with_month_of(config: AssetConfig) -> None:
    [item] = build_items(
        [asset("A", "it3", "2024-01-01", "3600", disposed="2024-04-15", proceeds="100")], config
    )
    assert [a for _, a in schedule(item)] == [10000, 10000, 10000]


def test_disposal_month_is_depreciated_with_month_after() -> None:
    config = make_config(start="month_after")
    [item] = build_items(
        [asset("A", "it3", "2024-01-01", "3600", disposed="2024-04-15", proceeds="100")], config
    )
    assert [m for m, _ in schedule(item)] == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
    ]


def test_fully_depreciated_assets_are_retired_at_year_end() -> None:
    config = make_config(retire="year_end")
    [item] = build_items([asset("A", "it3", "2021-05-10", "3600")], config)
    assert item.exit_date == date(2024, 12, 31)
    assert item.accumulated(month_index(date(2024, 12, 31))) == 360000
    assert not item.held_at(date(2024, 12, 31))
    assert item.held_at(date(2024, 12, 30))


def test_amounts_are_decimal_kronor_at_the_edges(config: AssetConfig) -> None:
    [item] = build_items([asset("A", "it3", "2024-01-01", "0.35")], config)
    assert sum(a for _, a in schedule(item)) == 35
    assert Decimal(item.value) / 100 == Decimal("0.35")


def test_disposal_on_the_last_day_of_a_month_depreciates_that_month(
    config: AssetConfig,
) -> None:
    [item] = build_items([asset("A", "it3", "2024-01-01", "3600", disposed="2024-04-30")], config)
    assert [a for _, a in schedule(item)] == [10000] * 4

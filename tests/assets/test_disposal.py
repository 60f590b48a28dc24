"""Disposals and sales: nothing left behind, gains and losses where they belong."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from asset_helpers import asset, make_config
from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.assets import (
    AssetConfig,
    balance_requirement_adjustments,
    build_items,
    depreciation_run,
    depreciation_vouchers,
    disposal_vouchers,
    disposals,
    register_balances,
)
from redovisa.assets.model import DisposalKind


def test_sale_with_gain_and_retirement_with_loss(config: AssetConfig) -> None:
    register = [
        # 288 000 over 96 months: 3 000/month; Jan 2022-Apr 2024 = 28 months = 84 000
        asset("B1", "bil", "2022-01-10", "288000", disposed="2024-05-20", proceeds="250000"),
        # 36 000 over 36 months: Jan-Feb 2024 = 2 000; scrapped with 34 000 book value
        asset("A1", "it3", "2024-01-05", "36000", disposed="2024-03-01"),
    ]
    gone = disposals(build_items(register, config), date(2024, 1, 1), date(2024, 6, 30))
    assert [(d.item, d.kind, d.accumulated, d.book_value, d.result) for d in gone] == [
        ("A1", DisposalKind.RETIREMENT, 200000, 3400000, -3400000),
        ("B1", DisposalKind.SALE, 8400000, 20400000, 4600000),
    ]
    adjustments = balance_requirement_adjustments(gone)
    assert adjustments.realisation_gains == Decimal("46000.00")
    assert adjustments.realisation_losses == Decimal("34000.00")
    loss, gain = disposal_vouchers(gone, config)
    assert {p.account: p.amount for p in gain.postings} == {
        "1249": Decimal("84000.00"),
        "1241": Decimal("-288000.00"),
        "1689": Decimal("250000.00"),
        "3611": Decimal("-46000.00"),
    }
    assert {p.account: p.amount for p in loss.postings} == {
        "1229": Decimal("2000.00"),
        "1221": Decimal("-36000.00"),
        "7931": Decimal("34000.00"),
    }
    assert gain.total() == loss.total() == 0


@settings(max_examples=25, deadline=None)
@given(
    value=st.integers(min_value=100, max_value=10**9),
    category=st.sampled_from(["it3", "it5", "bil"]),
    held_months=st.integers(min_value=0, max_value=130),
    proceeds=st.integers(min_value=0, max_value=10**9),
    start=st.sampled_from(["month_of", "month_after"]),
)
def test_a_disposal_leaves_nothing_behind(
    value: int, category: str, held_months: int, proceeds: int, start: str
) -> None:
    config = make_config(start=start)
    acquired = date(2020, 1, 10)
    y, m = divmod(held_months, 12)
    disposed = date(2020 + y, m + 1, 28)
    a = asset(
        "X",
        category,
        acquired.isoformat(),
        f"{Decimal(value) / 100:.2f}",
        disposed=disposed.isoformat(),
        proceeds=f"{Decimal(proceeds) / 100:.2f}",
    )
    items = build_items([a], config)
    # the ledger: the purchase, every depreciation voucher, then the disposal voucher
    ledger: dict[str, Decimal] = defaultdict(Decimal)
    cat = config.categories[category]
    ledger[cat.asset_account] += a.acquisition_value
    run = depreciation_run(items, config, date(2020, 1, 1), date(2031, 12, 31))
    disposal = disposals(items, date(2020, 1, 1), date(2031, 12, 31))
    for v in depreciation_vouchers(run, config) + disposal_vouchers(disposal, config):
        for p in v.postings:
            ledger[p.account] += p.amount
    assert ledger[cat.asset_account] == 0
    assert ledger[cat.depreciation_account] == 0
    after = register_balances(items, config, date(2032, 1, 1))
    assert set(after.values()) == {Decimal("0.00")}
    [d] = disposal
    assert 0 <= d.accumulated <= value
    assert ledger[config.gain_account] + ledger[config.loss_account] == -Decimal(d.result) / 100

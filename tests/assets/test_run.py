"""Depreciation runs, their totals, their vouchers and the SIE file they are written to."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from asset_helpers import asset
from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.assets import (
    AssetConfig,
    build_items,
    depreciation_run,
    depreciation_vouchers,
    vouchers_sie,
    write_vouchers_sie,
)
from redovisa.assets.columnar import items_table, schedule_table, totals
from redovisa.sie.writer import sie_to_bytes

REGISTER = [
    asset("A1", "it3", "2023-11-20", "36000.00", project="9103"),
    asset("A2", "it5", "2024-02-01", "60000.00", centre="81143"),
    asset("B1", "bil", "2022-01-01", "288000.00"),
    asset("A3", "it3", "2024-07-01", "99999.99"),  # after the period
]


def test_run_totals_per_category_cost_centre_and_account(config: AssetConfig) -> None:
    run = depreciation_run(
        build_items(REGISTER, config), config, date(2024, 1, 1), date(2024, 6, 30)
    )
    # A1 1 000/month x 6, A2 1 000/month x 5 (Feb-Jun), B1 3 000/month x 6
    assert run.by_category == {"it3": 600000, "it5": 500000, "bil": 1800000}
    assert run.by_cost_centre == {"81141": 2400000, "81143": 500000}
    assert run.by_account == {"6832": 1100000, "6834": 1800000}
    assert run.total == 2900000
    assert run.per_item() == {"A1": 600000, "A2": 500000, "B1": 1800000}


def test_vouchers_balance_and_credit_accumulated_depreciation(config: AssetConfig) -> None:
    items = build_items(REGISTER, config)
    run = depreciation_run(items, config, date(2024, 1, 1), date(2024, 6, 30))
    vouchers = depreciation_vouchers(run, config, first_number=7)
    assert [(v.number, v.date) for v in vouchers][:2] == [
        ("7", date(2024, 1, 31)),
        ("8", date(2024, 2, 29)),
    ]
    assert len(vouchers) == 6
    assert all(v.total() == 0 for v in vouchers)
    feb = {(p.account, p.objects): p.amount for p in vouchers[1].postings}
    assert feb == {
        ("1229", (("1", "81141"), ("6", "9103"))): Decimal("-1000.00"),
        ("6832", (("1", "81141"), ("6", "9103"))): Decimal("1000.00"),
        ("1229", (("1", "81143"),)): Decimal("-1000.00"),
        ("6832", (("1", "81143"),)): Decimal("1000.00"),
        ("1249", (("1", "81141"),)): Decimal("-3000.00"),
        ("6834", (("1", "81141"),)): Decimal("3000.00"),
    }
    [whole] = depreciation_vouchers(run, config, per_month=False)
    assert whole.date == date(2024, 6, 30)
    assert sum(p.amount for p in whole.postings if p.account.startswith("68")) == Decimal(29000)


def test_vouchers_are_written_as_sie4(config: AssetConfig, tmp_path: Path) -> None:
    items = build_items(REGISTER, config)
    run = depreciation_run(items, config, date(2024, 1, 1), date(2024, 1, 31))
    sie = vouchers_sie(
        depreciation_vouchers(run, config),
        company_name="Kommunalförbundet Lystkom",
        fiscal_year=(date(2024, 1, 1), date(2024, 12, 31)),
        generated=date(2024, 7, 5),
    )
    path = tmp_path / "avskrivningar.se"
    write_vouchers_sie(sie, path)
    data = path.read_bytes()
    assert data == sie_to_bytes(sie)
    text = data.decode("cp437")
    assert "#VER AV 1 20240131" in text
    assert '#TRANS 6834 {1 "81141"} 3000.00' in text
    assert '#TRANS 1249 {1 "81141"} -3000.00' in text


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=10**10),
            st.sampled_from(["it3", "it5", "bil"]),
            st.integers(min_value=0, max_value=120),
            st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_vectorised_run_equals_the_item_by_item_run(
    rows: list[tuple[int, str, int, int | None]],
) -> None:
    from asset_helpers import make_config

    config = make_config()
    register = []
    for n, (ore, category, offset, held) in enumerate(rows):
        year, month = divmod(offset, 12)
        acquired = date(2018 + year, month + 1, 1)
        disposed = None
        if held is not None:
            y2, m2 = divmod(offset + held, 12)
            disposed = date(2018 + y2, m2 + 1, 15).isoformat()
        register.append(
            asset(
                f"X{n}",
                category,
                acquired.isoformat(),
                f"{Decimal(ore) / 100:.2f}",
                disposed=disposed,
            )
        )
    items = build_items(register, config)
    start, end = date(2024, 1, 1), date(2024, 12, 31)
    run = depreciation_run(items, config, start, end)
    table = schedule_table(items_table(items), start, end)
    assert {k: v for k, v in totals(table, "category").items() if v} == run.by_category
    months = table.column_names[3:]
    assert len(months) == 12
    per_item = {row["id"]: sum(row[m] for m in months) for row in table.to_pylist()}
    assert {k: v for k, v in per_item.items() if v} == run.per_item()


def test_columnar_csv_reader_matches_the_row_reader(tmp_path: Path, config: AssetConfig) -> None:
    from redovisa.assets import read_register, write_register_csv
    from redovisa.assets.columnar import register_table

    path = tmp_path / "assets.csv"
    extra = asset("B2", "bil", "2019-06-30", "123456.78", disposed="2024-03-03", residual="1000")
    path.write_text(write_register_csv([*REGISTER, extra]), encoding="utf-8")
    assets, diags = read_register(path, config)
    assert diags == []
    items = build_items(assets, config)
    start, end = date(2024, 1, 1), date(2024, 12, 31)
    expected = depreciation_run(items, config, start, end).by_category
    table = register_table(str(path), config)
    assert totals(schedule_table(table, start, end), "category") == expected
    assert table["value"].to_pylist()[-1] == 12345678


def test_written_vouchers_parse_back_equal(config: AssetConfig) -> None:
    from redovisa.sie.parser import parse_sie_bytes

    items = build_items(REGISTER, config)
    run = depreciation_run(items, config, date(2024, 1, 1), date(2024, 6, 30))
    vouchers = depreciation_vouchers(run, config)
    sie = vouchers_sie(vouchers, company_name="Lystkom", fiscal_year=(date(2024, 1, 1),
                       date(2024, 12, 31)), generated=date(2024, 7, 5))  # fmt: skip
    back, diags = parse_sie_bytes(sie_to_bytes(sie))
    assert [d for d in diags if d.is_error] == []
    assert back.vouchers == vouchers

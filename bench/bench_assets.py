"""Benchmark: a year's depreciation schedule for one million assets.

Run: ``.venv/bin/python bench/bench_assets.py [N]`` (N defaults to 1 000 000).

The register is generated in columns (deterministic, no randomness), then
:func:`redovisa.assets.columnar.schedule_table` computes twelve monthly columns of
depreciation per asset in integer öre, and :func:`~redovisa.assets.columnar.totals` sums
them per category and per cost centre. The target is under 10 seconds on a 2-core machine.
A sample of the items is checked against the item-by-item arithmetic of
:mod:`redovisa.assets.schedule`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from redovisa.assets import asset_config
from redovisa.assets.columnar import ITEM_SCHEMA, NO_END, register_table, schedule_table, totals
from redovisa.assets.schedule import Item

LIVES = pa.array([12, 36, 48, 60, 72, 96, 0], pa.int64())
CATEGORIES = pa.array(["it1", "it3", "it4", "it5", "it6", "bil", "mark"])


def register(n: int) -> pa.Table:
    """``n`` assets acquired 2016-2024, values 100 kr - 1 Mkr, some disposed."""
    i = pa.array(range(n), pa.int64())
    mix = pc.bit_wise_and(pc.multiply(i, 2654435761), 0x7FFFFFFF)  # Knuth's multiplicative hash
    kind = pc.divide(pc.bit_wise_and(mix, 0xFFFF), 9363)  # 0..6
    first = pc.add(2016 * 12, pc.divide(pc.bit_wise_and(pc.shift_right(mix, 8), 0xFFFF), 607))
    value = pc.add(10_000, pc.multiply(pc.bit_wise_and(pc.shift_right(mix, 4), 0xFFFFF), 95))
    disposed = pc.equal(pc.bit_wise_and(mix, 31), 0)
    end = pc.if_else(disposed, pc.add(first, 30), NO_END)
    return pa.table(
        {
            "id": pc.cast(i, pa.string()),
            "category": pc.take(CATEGORIES, kind),
            "cost_centre": pc.cast(pc.add(81100, pc.bit_wise_and(mix, 63)), pa.string()),
            "value": value,
            "residual": pa.array([0] * n, pa.int64()),
            "life": pc.take(LIVES, kind),
            "first_month": first,
            "end_month": end,
        },
        schema=ITEM_SCHEMA,
    )


def main(n: int = 1_000_000) -> None:
    t0 = time.perf_counter()
    table = register(n)
    t1 = time.perf_counter()
    schedule = schedule_table(table, date(2024, 1, 1), date(2024, 12, 31))
    by_category = totals(schedule, "category")
    by_centre = totals(schedule, "cost_centre")
    t2 = time.perf_counter()
    total = sum(by_category.values())
    assert total == sum(by_centre.values())
    for row in table.slice(0, 300).to_pylist():
        item = Item(row["id"], row["category"], "", "", date(2016, 1, 1), row["value"], 0,
                    row["life"], row["first_month"],
                    None if row["end_month"] == NO_END else row["end_month"])  # fmt: skip
        got = sum(schedule.slice(int(row["id"]), 1).to_pylist()[0][c]
                  for c in schedule.column_names[3:])  # fmt: skip
        assert got == item.depreciation(2024 * 12, 2024 * 12 + 11), row
    print(f"assets: {n:,}".replace(",", " "))
    print(f"generate register: {t1 - t0:.2f} s")
    print(f"schedule 12 months + totals per category and cost centre: {t2 - t1:.2f} s")
    print(f"total depreciation 2024: {total / 100:,.2f} kr".replace(",", " "))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "assets.csv"
        write_csv(table, path)
        config = asset_config({"categories": {
            c: {"life_months": life, "asset_account": "1221", "depreciation_account": "1229",
                "expense_account": "6832"}
            for c, life in zip(CATEGORIES.to_pylist(), LIVES.to_pylist(), strict=True)
        }})[0]  # fmt: skip
        assert config is not None
        t3 = time.perf_counter()
        loaded = register_table(str(path), config)
        schedule2 = schedule_table(loaded, date(2024, 1, 1), date(2024, 12, 31))
        by_category2 = totals(schedule2, "category")
        t4 = time.perf_counter()
    assert by_category2 == by_category
    print(f"read {path.name} ({n:,} rows) + schedule + totals: {t4 - t3:.2f} s".replace(",", " "))


def write_csv(table: pa.Table, path: Path) -> None:
    """The generated register in the documented CSV format (dates from the months)."""

    def day(months: pa.Array, dd: int) -> pa.Array:
        year = pc.cast(pc.divide(months, 12), pa.string())
        month = pc.utf8_lpad(pc.cast(pc.add(pc.subtract(months, pc.multiply(pc.divide(months, 12),
                             12)), 1), pa.string()), 2, "0")  # fmt: skip
        return pc.binary_join_element_wise(year, month, f"{dd:02d}", "-")

    end = pc.if_else(pc.equal(table["end_month"], NO_END), None, table["end_month"])
    kronor = pc.cast(pc.divide(table["value"], 100), pa.string())
    ore = pc.subtract(table["value"], pc.multiply(pc.divide(table["value"], 100), 100))
    value = pc.binary_join_element_wise(
        kronor, pc.utf8_lpad(pc.cast(ore, pa.string()), 2, "0"), "."
    )
    out = pa.table({
        "asset_id": table["id"], "description": table["id"], "category": table["category"],
        "acquisition_date": day(table["first_month"], 15), "acquisition_value": value,
        "cost_centre": table["cost_centre"], "disposal_date": day(end, 28),
    })  # fmt: skip
    pv.write_csv(out, path)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)

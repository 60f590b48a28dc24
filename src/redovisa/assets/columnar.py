"""Vectorised depreciation for large registers (pyarrow, integer öre, no floats).

The same arithmetic as :mod:`redovisa.assets.schedule`, over whole columns: for each month
``t`` of the period the accumulated depreciation of every item is

    n   = clamp(min(t, end_month - 1) - first_month + 1, 0, life)
    acc = (2 * A * n + life) // (2 * life)           (A, acc >= 0, so // truncates = floors)

and the month's depreciation is the difference with the month before. A year for a million
items is a few dozen column operations (see ``bench/bench_assets.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from redovisa.assets.model import AssetConfig, StartConvention, month_label
from redovisa.assets.run import period_months
from redovisa.assets.schedule import Item

NO_END = 2**31 - 1
"""``end_month`` of an item that is still held."""

ITEM_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("category", pa.string()),
        ("cost_centre", pa.string()),
        ("value", pa.int64()),
        ("residual", pa.int64()),
        ("life", pa.int64()),
        ("first_month", pa.int64()),
        ("end_month", pa.int64()),
    ]
)
"""The columns :func:`schedule_table` needs (amounts in öre, months as in ``model.Month``)."""


def items_table(items: Sequence[Item]) -> pa.Table:
    """The items as a table of :data:`ITEM_SCHEMA` (for tests and small registers)."""
    return pa.table(
        {
            "id": [i.id for i in items],
            "category": [i.category for i in items],
            "cost_centre": [i.cost_centre for i in items],
            "value": [i.value for i in items],
            "residual": [i.residual for i in items],
            "life": [i.life for i in items],
            "first_month": [i.first_month for i in items],
            "end_month": [NO_END if i.end_month is None else i.end_month for i in items],
        },
        schema=ITEM_SCHEMA,
    )


def _accumulated(table: pa.Table, month: int) -> pa.Array:
    life = table["life"]
    safe_life = pc.if_else(pc.equal(life, 0), 1, life)
    upto = pc.min_element_wise(month, pc.subtract(table["end_month"], 1))
    n = pc.add(pc.subtract(upto, table["first_month"]), 1)
    n = pc.min_element_wise(pc.max_element_wise(n, 0), life)
    amount = pc.subtract(table["value"], table["residual"])
    numerator = pc.add(pc.multiply(pc.multiply(amount, n), 2), safe_life)
    return pc.divide(numerator, pc.multiply(safe_life, 2))


def schedule_table(table: pa.Table, start: date, end: date) -> pa.Table:
    """Per item, one int64 column of depreciation (öre) per month ``YYYY-MM`` of the period."""
    first, last = period_months(start, end)
    columns: dict[str, pa.Array] = {
        "id": table["id"],
        "category": table["category"],
        "cost_centre": table["cost_centre"],
    }
    previous = _accumulated(table, first - 1)
    for month in range(first, last + 1):
        current = _accumulated(table, month)
        columns[month_label(month)] = pc.subtract(current, previous)
        previous = current
    return pa.table(columns)


def totals(schedule: pa.Table, key: str) -> dict[str, int]:
    """Sum of the period's depreciation (öre) per ``category`` or ``cost_centre``."""
    months = [c for c in schedule.column_names if c not in {"id", "category", "cost_centre"}]
    total = schedule[months[0]]
    for name in months[1:]:
        total = pc.add(total, schedule[name])
    grouped = (
        pa.table({key: schedule[key], "amount": total}).group_by(key).aggregate([("amount", "sum")])
    )
    return dict(zip(grouped[key].to_pylist(), grouped["amount_sum"].to_pylist(), strict=True))


def register_table(path: str, config: AssetConfig) -> pa.Table:
    """Read a large, already validated CSV register straight into :data:`ITEM_SCHEMA`.

    For registers too big for the row-by-row reader (:func:`redovisa.assets.read_register`,
    which gives the diagnostics): comma-separated, English headings, ISO dates, amounts
    with a decimal point. Group categories are depreciated per asset here, and ``retire``
    is not applied. Raises ``pyarrow.ArrowInvalid`` on malformed input.
    """
    types = {
        "asset_id": pa.string(),
        "category": pa.string(),
        "cost_centre": pa.string(),
        "acquisition_date": pa.date32(),
        "acquisition_value": pa.decimal128(18, 2),
        "residual_value": pa.decimal128(18, 2),
        "disposal_date": pa.date32(),
    }
    wanted = ["asset_id", "category", "cost_centre", "acquisition_date", "acquisition_value",
              "residual_value", "disposal_date"]  # fmt: skip
    table = pv.read_csv(
        path,
        convert_options=pv.ConvertOptions(
            column_types=types, include_columns=wanted, include_missing_columns=True
        ),
    )
    ids = sorted(config.categories)
    life_of = pa.array([config.categories[c].life_months for c in ids], pa.int64())
    index = pc.index_in(table["category"], value_set=pa.array(ids))
    shift = 1 if config.start is StartConvention.MONTH_AFTER else 0

    def months(column: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.add(pc.add(pc.multiply(pc.year(column), 12), pc.month(column)), shift - 1)

    def ore(column: pa.ChunkedArray) -> pa.ChunkedArray:
        filled = pc.fill_null(column, pa.scalar(0, pa.decimal128(18, 2)))
        return pc.cast(pc.multiply(filled, 100), pa.int64())

    days = pc.cast(pc.cast(table["disposal_date"], pa.int32()), pa.int64())
    day_after = pc.cast(pc.cast(pc.add(days, 1 - shift), pa.int32()), pa.date32())
    return pa.table(
        {
            "id": table["asset_id"],
            "category": table["category"],
            "cost_centre": pc.fill_null(table["cost_centre"], ""),
            "value": ore(table["acquisition_value"]),
            "residual": ore(table["residual_value"]),
            "life": pc.take(life_of, index),
            "first_month": pc.cast(months(table["acquisition_date"]), pa.int64()),
            "end_month": pc.cast(pc.fill_null(months(day_after), NO_END), pa.int64()),
        },
        schema=ITEM_SCHEMA,
    )

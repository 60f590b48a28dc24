"""Properties of the sum rules: consistent tables pass, one changed figure is found."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from redovisa.checks import check_checked
from redovisa.checks.model import (
    CheckedReport,
    CheckedRow,
    CheckedTable,
    Column,
    ColumnRole,
    RowKind,
)

COLS = [
    Column("a", "2024-06-30", ColumnRole.ACTUAL, ("actual", "2024-06-30")),
    Column("b", "2023-12-31", ColumnRole.ACTUAL, ("actual", "2023-12-31")),
]
amounts = st.integers(min_value=-50000, max_value=50000)
groups = st.lists(
    st.lists(st.tuples(amounts, amounts), min_size=1, max_size=5), min_size=1, max_size=4
)


def _table(data: list[list[tuple[int, int]]]) -> CheckedTable:
    rows: list[CheckedRow] = []
    for g, items in enumerate(data):
        rows.append(CheckedRow(f"Grupp {g}", RowKind.HEADING))
        for k, (a, b) in enumerate(items):
            rows.append(CheckedRow(f"Post {g}.{k}", values={"a": Decimal(a), "b": Decimal(b)}))
        rows.append(
            CheckedRow(
                f"Summa grupp {g}",
                RowKind.SUBTOTAL,
                values={
                    "a": Decimal(sum(x for x, _ in items)),
                    "b": Decimal(sum(y for _, y in items)),
                },
            )
        )
    total_a = sum(x for items in data for x, _ in items)
    total_b = sum(y for items in data for _, y in items)
    rows.append(
        CheckedRow("Totalt", RowKind.TOTAL, values={"a": Decimal(total_a), "b": Decimal(total_b)})
    )
    return CheckedTable("tabell_1", "Tabell (tkr)", COLS, rows)


def _errors(table: CheckedTable) -> list[str]:
    return [d.code for d in check_checked(CheckedReport([table])) if d.is_error]


@settings(max_examples=60, deadline=None)
@given(groups)
def test_consistent_table_has_no_error_findings(data: list[list[tuple[int, int]]]) -> None:
    assert _errors(_table(data)) == []


@settings(max_examples=60, deadline=None)
@given(groups, st.data(), st.integers(min_value=2, max_value=99999), st.booleans())
def test_one_changed_item_is_found(
    data: list[list[tuple[int, int]]], pick: st.DataObject, delta: int, neg: bool
) -> None:
    table = _table(data)
    items = [r for r in table.rows if r.kind is RowKind.ITEM]
    row = pick.draw(st.sampled_from(items))
    col = pick.draw(st.sampled_from(["a", "b"]))
    row.values[col] += Decimal(-delta if neg else delta)
    # the group of one item has tolerance 0.5, larger groups 0.5 per summand: delta >= 2 exceeds
    # it whenever the group has at most 3 items; in larger groups require a larger change
    group_size = max(len(items_) for items_ in data)
    if delta <= group_size:
        return
    assert "SUM001" in _errors(table)


@settings(max_examples=40, deadline=None)
@given(groups, st.data())
def test_rounding_within_tolerance_is_info_not_error(
    data: list[list[tuple[int, int]]], pick: st.DataObject
) -> None:
    assume(len(data) >= 2)
    table = _table(data)
    sums = [r for r in table.rows if r.kind is RowKind.SUBTOTAL]
    row = pick.draw(st.sampled_from(sums))
    assume(len(data[int(row.label.split()[-1])]) >= 2)
    row.values["a"] += 1
    found = check_checked(CheckedReport([table]))
    assert not [d for d in found if d.is_error]

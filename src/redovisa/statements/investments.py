"""Investeringsredovisning per project (an object dimension) or per asset account.

Outcome is the debits on acquisition accounts (``asset = "anskaffning"`` groups) in the
period, shown positive; budget and prognos rows on those groups likewise. Avvikelse is
budget minus prognos (or minus utfall), so a positive deviation is an underspend.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from redovisa.statements.data import ZERO
from redovisa.statements.figures import Figures
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value


def investment_statement(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    dimension: str | None = None,
    *,
    title: str = "Investeringsredovisning",
    omit_zero: bool = True,
) -> StatementTable:
    """One row per project (``dimension``) or acquisition account, and TOTALT."""
    b = Builder(
        "investeringsredovisning", title, columns, invert_deviation=True, omit_zero=omit_zero
    )
    acq = {g.id for g in figures.mapping.groups if g.asset == "anskaffning"}
    values: dict[str, dict[str, Value]] = {}
    labels: dict[str, str] = {}
    accounts: dict[str, set[str]] = {}
    names = figures.ledger.account_names()
    obj_names = figures.ledger.object_names(dimension) if dimension else {}

    def label(key: str) -> str:
        if dimension:
            return obj_names.get(key, key) if key != "_none" else "Ej fördelat på projekt"
        return names.get(key, key)

    for c in b.value_columns:
        col: dict[str, Value] = {}
        if c.kind == "plan" and c.plan is not None and c.year is not None:
            for row in figures.plan_rows(c.plan, c.year):
                if row.group_id not in acq:
                    continue
                key = (row.object_id or "_none") if dimension else row.spec
                col[key] = (col.get(key) or ZERO) + row.amount
        elif c.kind == "flow" and c.start is not None and c.end is not None:
            if not figures.ledger.covers(c.start, c.end):
                figures.missing.add(c.label)
                continue
            for f in figures.ledger.flows(c.start, c.end, dimension):
                g = figures.resolver.group_of(f.account)
                if g is None or g.id not in acq or not f.debit:
                    continue
                key = (f.object_id or "_none") if dimension else f.account
                col[key] = (col.get(key) or ZERO) + f.debit
                accounts.setdefault(key, set()).add(f.account)
        for key, v in col.items():
            values.setdefault(key, {})[c.id] = v
            labels.setdefault(key, label(key))
    zero: dict[str, Value] = {c.id: None for c in b.value_columns}
    for c in b.value_columns:
        if c.kind == "plan" or (c.start and figures.ledger.covers(c.start, c.end or c.start)):
            zero[c.id] = ZERO
    keys = sorted(values, key=lambda k: (k == "_none", labels[k]))
    for key in keys:
        b.item(
            f"p:{key}",
            labels[key],
            partial(_cell, values[key], zero),
            accounts=sorted(accounts.get(key, ())),
        )
    b.total("totalt", "TOTALT", [f"p:{k}" for k in keys], kind="total")
    return b.build()


def _cell(row: dict[str, Value], zero: dict[str, Value], c: ColumnSpec) -> Value:
    return row.get(c.id, zero[c.id])


__all__ = ["investment_statement"]

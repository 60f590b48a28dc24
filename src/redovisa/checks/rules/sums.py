"""Arithmetic within a table: sums, subtotals, totals, deviation columns, balance."""

from __future__ import annotations

from decimal import Decimal

from redovisa.checks.labels import matches
from redovisa.checks.model import CheckedTable, ColumnRole, RowKind
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.checks.structure import sum_checks
from redovisa.core.diagnostics import Diagnostic, Severity

SUM001 = define(
    "SUM001",
    Severity.ERROR,
    "Summan stämmer inte med delarna",
    """A subtotal or total differs from the sum of the rows it adds up by more than the
    rounding tolerance (half a unit per summand, DESIGN §5). The finding gives the sum
    of the printed parts as expected and the printed figure as actual.""",
)
RND001 = define(
    "RND001",
    Severity.INFO,
    "Avrundningsdifferens",
    """A sum, or a figure shown in two places, differs from what its parts give by no more
    than the rounding tolerance: each figure is rounded to the unit on its own, so this is
    expected and only reported for information.""",
)
SUM003 = define(
    "SUM003",
    Severity.ERROR,
    "Avvikelsen stämmer inte med budget och prognos",
    """In a table with budget, forecast (or outcome) and deviation columns, the deviation
    of a row must be the forecast minus the budget (or the budget minus the forecast, the
    sign convention the table uses in most rows).""",
)
SUM004 = define(
    "SUM004",
    Severity.ERROR,
    "Balansräkningen balanserar inte",
    """Summa tillgångar must equal summa eget kapital, avsättningar och skulder in every
    column of the balansräkning.""",
)
SUM005 = define(
    "SUM005",
    Severity.ERROR,
    "Totalen ligger utanför delarnas intervall",
    """In a table of shares (percent, such as sick leave per age group), the total is a
    weighted mean of the groups and must lie between the smallest and the largest group.""",
)


@checker
def check_sums(ctx: CheckContext) -> list[Diagnostic]:
    """SUM001/RND001 for every sum row of every money table."""
    out: list[Diagnostic] = []
    for table in ctx.report.tables:
        if table.unit == "%" or table.id == "maluppfyllelse":
            continue
        for check in sum_checks(table):
            row = table.rows[check.row]
            tol = check.tolerance()
            for col_id, exp in check.expected.items():
                shown = row.values[col_id]
                rep = check.repaired[col_id]
                column = table.column(col_id)
                label = column.label if column else col_id
                if shown in (exp, rep):
                    continue
                if abs(shown - exp) <= tol or abs(shown - rep) <= tol:
                    near = exp if abs(shown - exp) <= tol else rep
                    out.append(
                        finding(
                            RND001,
                            f"Avrundningsdifferens i {table.title}, {row.label.strip()} "
                            f"({label}): delarna ger {fmt(near)}, visat {fmt(shown)}.",
                            table,
                            row,
                            column or col_id,
                            near,
                            shown,
                        )
                    )
                    continue
                ctx.corrected[(table.id, check.row, col_id)] = exp
                out.append(
                    finding(
                        SUM001,
                        f"Summan stämmer inte i {table.title}: {row.label.strip()} ({label}) "
                        f"visar {fmt(shown)} men delarna ger {fmt(exp)} "
                        f"(differens {fmt(shown - exp)}).",
                        table,
                        row,
                        column or col_id,
                        exp,
                        shown,
                    )
                )
    return out


@checker
def check_deviation_columns(ctx: CheckContext) -> list[Diagnostic]:
    """SUM003: deviation = forecast − budget (or the reverse, as the table does)."""
    out: list[Diagnostic] = []
    for table in ctx.report.tables:
        dev = next((c for c in table.columns if c.role is ColumnRole.DEVIATION), None)
        bud = next((c for c in table.columns if c.role is ColumnRole.BUDGET), None)
        other = next((c for c in table.columns if c.role is ColumnRole.FORECAST), None)
        other = other or next((c for c in table.columns if c.role is ColumnRole.ACTUAL), None)
        if dev is None or bud is None or other is None:
            continue
        triples = [
            (r, r.values[dev.id], r.values[other.id] - r.values[bud.id])
            for r in table.rows
            if {dev.id, bud.id, other.id} <= r.values.keys()
        ]
        plus = sum(1 for _, d, a in triples if d != 0 and abs(d - a) <= 1)
        minus = sum(1 for _, d, a in triples if d != 0 and abs(d + a) <= 1)
        sign = Decimal(1) if plus >= minus else Decimal(-1)
        for row, d, a in triples:
            exp = sign * a
            if abs(d - exp) > Decimal("1.5"):
                out.append(
                    finding(
                        SUM003,
                        f"Avvikelsen stämmer inte i {table.title}, {row.label.strip()}: "
                        f"visat {fmt(d)}, {other.label} och {bud.label} ger {fmt(exp)}.",
                        table,
                        row,
                        dev,
                        exp,
                        d,
                    )
                )
    return out


def _find(table: CheckedTable, *patterns: str) -> int | None:
    return next((i for i, r in enumerate(table.rows) if matches(r.label, *patterns)), None)


@checker
def check_balance(ctx: CheckContext) -> list[Diagnostic]:
    """SUM004: summa tillgångar = summa eget kapital och skulder."""
    table = ctx.report.table("balansrakning")
    if table is None:
        return []
    a = _find(table, r"summa tillgångar")
    b = _find(table, r"summa eget kapital,? (avsättningar )?och skulder")
    if a is None or b is None:
        return []
    out = []
    for col, assets in table.rows[a].values.items():
        liab = table.rows[b].values.get(col)
        if liab is not None and abs(assets - liab) > 1:
            column = table.column(col)
            out.append(
                finding(
                    SUM004,
                    f"Balansräkningen balanserar inte ({column.label if column else col}): "
                    f"summa tillgångar {fmt(assets)}, summa eget kapital och skulder {fmt(liab)}.",
                    table,
                    table.rows[b],
                    column or col,
                    assets,
                    liab,
                )
            )
    return out


@checker
def check_share_totals(ctx: CheckContext) -> list[Diagnostic]:
    """SUM005: a total of shares lies between its groups."""
    out = []
    for table in ctx.report.tables:
        if table.unit != "%":
            continue
        items = [r for r in table.rows if r.kind is RowKind.ITEM and r.values]
        for total in (r for r in table.rows if r.is_sum and matches(r.label, r"totalt?\b")):
            for col, v in total.values.items():
                parts = [r.values[col] for r in items if col in r.values]
                if len(parts) < 2:
                    continue
                lo, hi = min(parts), max(parts)
                if v < lo - Decimal("0.05") or v > hi + Decimal("0.05"):
                    column = table.column(col)
                    out.append(
                        finding(
                            SUM005,
                            f"{table.title}: totalen {fmt(v)} ({column.label if column else col}) "
                            f"ligger utanför delarnas intervall {fmt(lo)}–{fmt(hi)}.",
                            table,
                            total,
                            column or col,
                            f"{lo}..{hi}",
                            v,
                        )
                    )
    return out

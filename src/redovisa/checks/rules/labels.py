"""Labels against figures: a "varav" row is a part, an "årets resultat" row is the result."""

from __future__ import annotations

from decimal import Decimal

from redovisa.checks import facts as F
from redovisa.checks.model import CheckedRow, CheckedTable, RowKind
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.core.diagnostics import Diagnostic, Severity

LBL001 = define(
    "LBL001",
    Severity.ERROR,
    "Varav-rad är större än raden den ingår i",
    """A "varav" (or "därav") row is a part of the row it belongs to (the row above, or the
    sum that closes its group), so it cannot exceed it, and the varav rows of one parent
    together cannot exceed it either.""",
)
LBL002 = define(
    "LBL002",
    Severity.ERROR,
    "Raden årets resultat visar inte årets resultat",
    """A row labelled "årets resultat" (or "varav årets resultat") outside the places that
    XTAB001 compares must show the result of the resultaträkning for its column; a
    different figure means the label sits on the wrong figure.""",
)


def _parent(table: CheckedTable, i: int) -> CheckedRow | None:
    for j in range(i - 1, -1, -1):
        r = table.rows[j]
        if r.kind is RowKind.HEADING:
            break
        if not r.is_varav and r.values:
            return r
    for j in range(i + 1, len(table.rows)):
        r = table.rows[j]
        if r.is_sum and r.values:
            return r
        if r.kind is RowKind.HEADING:
            break
    return None


@checker
def check_varav(ctx: CheckContext) -> list[Diagnostic]:
    """LBL001: a varav row (and the varav rows together) within the parent."""
    out: list[Diagnostic] = []
    for table in ctx.report.tables:
        if table.unit == "%":
            continue
        groups: dict[int, list[CheckedRow]] = {}
        parents: dict[int, CheckedRow] = {}
        for i, row in enumerate(table.rows):
            if not row.is_varav or not row.values:
                continue
            parent = _parent(table, i)
            if parent is None:
                continue
            groups.setdefault(id(parent), []).append(row)
            parents[id(parent)] = parent
            for col, v in row.values.items():
                p = parent.values.get(col)
                if p is not None and abs(v) > abs(p) + 1:
                    column = table.column(col)
                    out.append(
                        finding(
                            LBL001,
                            f"{table.title}: {row.label.strip()} ({column.label if column else col}) "  # noqa: E501
                            f"är {fmt(v)}, mer än {parent.label.strip()} {fmt(p)} som den ingår i.",
                            table,
                            row,
                            column or col,
                            p,
                            v,
                        )
                    )
        for pid, rows in groups.items():
            if len(rows) < 2:
                continue
            parent = parents[pid]
            for col, p in parent.values.items():
                parts = [abs(r.values[col]) for r in rows if col in r.values]
                total = sum(parts, Decimal(0))
                if all(abs(r.values.get(col, Decimal(0))) <= abs(p) + 1 for r in rows) and (
                    total > abs(p) + Decimal("0.5") * (len(parts) + 1)
                ):
                    column = table.column(col)
                    out.append(
                        finding(
                            LBL001,
                            f"{table.title}: varav-raderna under {parent.label.strip()} "
                            f"({column.label if column else col}) är tillsammans {fmt(total)}, "
                            f"mer än {fmt(p)}.",
                            table,
                            rows[-1],
                            column or col,
                            p,
                            total,
                        )
                    )
    return out


_COMPARED_ELSEWHERE = ("resultatrakning", "kassaflodesanalys", "balanskravsutredning")


@checker
def check_result_rows(ctx: CheckContext) -> list[Diagnostic]:
    """LBL002: "årets resultat" rows hold the result."""
    out: list[Diagnostic] = []
    reference = F.reference_result(ctx.report)
    equity = F.equity_note(ctx.report)
    for table in ctx.report.tables:
        if table.id in _COMPARED_ELSEWHERE or table is equity or table.unit == "%":
            continue
        keyed = table.columns_by_key()
        for row in table.rows:
            if not F.is_result_label(row.label):
                continue
            for key, col in keyed.items():
                if col.id not in row.values or key not in reference:
                    continue
                v, ref = row.values[col.id], reference[key]
                if abs(v - ref) > 1:
                    out.append(
                        finding(
                            LBL002,
                            f"{table.title}: raden {row.label.strip()} ({col.label}) visar "
                            f"{fmt(v)}, men årets resultat är {fmt(ref)}; etiketten sitter "
                            f"på fel belopp eller beloppet är fel.",
                            table,
                            row,
                            col,
                            ref,
                            v,
                        )
                    )
    return out

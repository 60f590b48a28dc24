"""Comparison columns against the previous report (``redovisa check --prior``)."""

from __future__ import annotations

from redovisa.checks.labels import norm
from redovisa.checks.model import CheckedTable
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.core.diagnostics import Diagnostic, Severity

XTAB007 = define(
    "XTAB007",
    Severity.ERROR,
    "Jämförelsekolumnen stämmer inte med föregående rapport",
    """When a previous report is given (--prior), every comparison column (a period both
    reports show, such as 2023-12-31) must show the same figures as that report, row by
    row (rows are matched by label and order).""",
)


def _rows_by_label(table: CheckedTable) -> dict[tuple[str, int], int]:
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], int] = {}
    for i, row in enumerate(table.rows):
        n = norm(row.label)
        k = seen.get(n, 0)
        seen[n] = k + 1
        out[(n, k)] = i
    return out


@checker
def check_prior(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB007: comparison columns = the previous report's columns of the same period."""
    if ctx.prior is None:
        return []
    out: list[Diagnostic] = []
    for table in ctx.report.tables:
        old = ctx.prior.table(table.id)
        if old is None:
            continue
        old_cols = old.columns_by_key()
        old_rows = _rows_by_label(old)
        for key, col in table.columns_by_key().items():
            if key not in old_cols or not key[1]:
                continue
            ocol = old_cols[key]
            for (label, k), i in _rows_by_label(table).items():
                j = old_rows.get((label, k))
                row = table.rows[i]
                if j is None or col.id not in row.values:
                    continue
                was = old.rows[j].values.get(ocol.id)
                now = row.values[col.id]
                if was is not None and was != now:
                    out.append(
                        finding(
                            XTAB007,
                            f"{table.title}, {row.label.strip()} ({col.label}) visar {fmt(now)}, "
                            f"men föregående rapport visade {fmt(was)} för samma period.",
                            table,
                            row,
                            col,
                            was,
                            now,
                        )
                    )
    return out

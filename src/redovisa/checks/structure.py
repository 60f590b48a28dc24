"""Which rows a subtotal or total adds up: the structure of a table, inferred.

Reports print sums in a few patterns, and this module recognises them:

* a block: the items since the last heading or sum (``Summa omsättningstillgångar``);
* a running total: the sum above plus the items since (``Verksamhetens resultat``,
  ``Kassaflöde från drift``); rows whose label says so always use it;
* a scope: everything under the heading a ``Summa X`` row names (``Summa tillgångar``
  under ``TILLGÅNGAR``), or all sums not yet added up (``Årets kassaflöde``).

"varav" rows are parts of the row above and never summands. For each sum row the
candidate that explains most of its columns is chosen; the others are alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from redovisa.checks.labels import RUNNING_TOTAL, matches, norm, strip_note_number
from redovisa.checks.model import CheckedTable, RowKind


def _is_item(table: CheckedTable, i: int) -> bool:
    r = table.rows[i]
    return r.kind is RowKind.ITEM and bool(r.values) and not r.is_varav


def _heading_scope(table: CheckedTable, i: int) -> int | None:
    """Index of the heading that a ``Summa X`` row names (-1: the table title)."""
    label = norm(table.rows[i].label)
    if not label.startswith("summa "):
        return None
    name = label[len("summa ") :]
    for j in range(i - 1, -1, -1):
        r = table.rows[j]
        if r.kind is RowKind.HEADING and strip_note_number(r.label) == name:
            return j
    title = re.sub(r"\s*\((tkr|mnkr|mkr|kr|%)\)$", "", strip_note_number(table.title))
    if title == name or norm(table.title) == name:
        return -1
    return None


def _restated(table: CheckedTable) -> set[int]:
    """Sum rows that repeat an earlier row's figures with nothing of their own to add up.

    An asset note may end with "Anskaffningsvärde" and "Ackumulerade av- och
    nedskrivningar" marked as subtotals that restate the closing rows above them, followed
    by "Redovisat värde" that adds the two. Such a restatement is a part, not a sum; a row
    that the restatements just before it add up to stays a sum.
    """
    out: set[int] = set()
    run: list[int] = []  # restated rows since the last boundary
    clean = True  # no item of its own since the last boundary
    for i, row in enumerate(table.rows):
        if row.kind is RowKind.HEADING:
            run, clean = [], True
            continue
        if not row.is_sum:
            if row.values and not row.is_varav:
                clean = False
            continue
        repeats = bool(row.values) and any(
            table.rows[j].values == row.values for j in range(i) if not table.rows[j].is_varav
        )
        adds_run = bool(run) and all(
            sum((table.rows[j].values.get(c, Decimal(0)) for j in run), Decimal(0)) == v
            for c, v in row.values.items()
        )
        own_parts = _heading_scope(table, i) is not None or matches(row.label, *RUNNING_TOTAL)
        if clean and repeats and not adds_run and not own_parts:
            out.add(i)
            run.append(i)
            continue
        run, clean = [], True
    return out


@dataclass(slots=True)
class SumCheck:
    """Summakontroll: one sum row, the rows it adds up, and per column what they give.

    ``expected[col]`` is the sum of the parts as printed; ``repaired[col]`` is the same
    sum with any wrong subtotal among the parts replaced by what it should be.
    """

    row: int
    members: tuple[int, ...]
    mandatory: bool
    expected: dict[str, Decimal] = field(default_factory=dict)
    repaired: dict[str, Decimal] = field(default_factory=dict)

    def tolerance(self) -> Decimal:
        """Rounding tolerance: half a unit per summand (DESIGN §5)."""
        return Decimal("0.5") * max(len(self.members), 1)


def _evaluate(
    table: CheckedTable, i: int, members: tuple[int, ...], fixes: dict[tuple[int, str], Decimal]
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    expected: dict[str, Decimal] = {}
    repaired: dict[str, Decimal] = {}
    for col, _shown in table.rows[i].values.items():
        if not any(col in table.rows[j].values for j in members):
            continue
        expected[col] = sum(
            (table.rows[j].values.get(col, Decimal(0)) for j in members), Decimal(0)
        )
        repaired[col] = sum(
            (fixes.get((j, col), table.rows[j].values.get(col, Decimal(0))) for j in members),
            Decimal(0),
        )
    return expected, repaired


def _fits(check: SumCheck, shown: dict[str, Decimal]) -> int:
    tol = check.tolerance()
    return sum(
        1
        for col, exp in check.expected.items()
        if abs(shown[col] - exp) <= tol or abs(shown[col] - check.repaired[col]) <= tol
    )


def sum_checks(table: CheckedTable) -> list[SumCheck]:
    """The sum checks of a table: each sum row with the parts that explain it best."""
    restated = _restated(table)
    if restated:
        rows = [
            replace(r, kind=RowKind.ITEM) if i in restated else r for i, r in enumerate(table.rows)
        ]
        table = replace(table, rows=rows)
    out: list[SumCheck] = []
    consumed: set[int] = set()
    fixes: dict[tuple[int, str], Decimal] = {}
    boundary = -1  # index of the last heading or sum row
    for i, row in enumerate(table.rows):
        if row.kind is RowKind.HEADING:
            boundary = i
            continue
        if not row.is_sum or not row.values:
            continue
        candidates, mandatory = _candidates(table, i, boundary, consumed)
        best: SumCheck | None = None
        best_fit = -1
        for members in candidates:
            exp, rep = _evaluate(table, i, members, fixes)
            check = SumCheck(i, members, mandatory, exp, rep)
            fit = _fits(check, row.values)
            if fit > best_fit:
                best, best_fit = check, fit
        if best is not None and best.expected:
            out.append(best)
            consumed.update(best.members)
            for col, want in best.expected.items():
                if abs(row.values[col] - want) > best.tolerance() and (
                    abs(row.values[col] - best.repaired[col]) > best.tolerance()
                ):
                    fixes[(i, col)] = best.repaired[col]
        boundary = i
    return out


def _candidates(
    table: CheckedTable, i: int, boundary: int, consumed: set[int]
) -> tuple[list[tuple[int, ...]], bool]:
    row = table.rows[i]
    block = [j for j in range(boundary + 1, i) if _is_item(table, j) and j not in consumed]
    has_varav = any(table.rows[j].is_varav for j in range(boundary + 1, i))
    prev_sum = boundary if boundary >= 0 and table.rows[boundary].is_sum else None
    open_subs = [j for j in range(i) if table.rows[j].is_sum and j not in consumed]
    candidates: list[tuple[int, ...]] = []
    if matches(row.label, *RUNNING_TOTAL):
        p = open_subs[-1] if open_subs else None
        start = p if p is not None else -1
        items = [j for j in range(start + 1, i) if _is_item(table, j) and j not in consumed]
        candidates.append(((p,) if p is not None else ()) + tuple(items))
        return [c for c in candidates if c], True
    scope = _heading_scope(table, i)
    if scope is not None:
        members = [
            j
            for j in range(scope + 1, i)
            if j not in consumed and (_is_item(table, j) or table.rows[j].is_sum)
        ]
        candidates.append(tuple(members))
    elif block:
        candidates.append(tuple(block))
        if prev_sum is not None:
            candidates.append((prev_sum, *block))
        else:
            candidates.extend(tuple(block[k:]) for k in range(1, len(block)))
    elif not has_varav and open_subs:
        candidates.append(tuple(open_subs))
        candidates.extend(tuple(open_subs[k:]) for k in range(1, len(open_subs)))
    return [c for c in candidates if c], False

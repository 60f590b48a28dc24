"""Queries over the store for the statements: SQL does the sums, results are small values.

Every query takes the ``import_id`` of one imported file (see :meth:`LedgerStore.imports`).
Amounts are exact :class:`~decimal.Decimal` kronor, debit positive and credit negative as in
SIE. A row's date is its own ``#TRANS`` date when written, else its voucher's date; only
counted rows (``#TRANS`` and ``#RTRANS``, not ``#BTRANS``) enter a sum.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from redovisa.ledger.store import FIRST_OBJECT, LedgerStore
from redovisa.ledger.summary import AccountSummary

__all__ = [
    "BudgetAmount",
    "MonthlyAmount",
    "ObjectBalanceRow",
    "TrialBalanceRow",
    "account_summary",
    "budget",
    "month_bounds",
    "monthly_movements",
    "object_balances",
    "trial_balance",
]


@dataclass(frozen=True, slots=True)
class TrialBalanceRow:
    """Råbalans: one account's opening balance, debit, credit, movement and closing balance.

    ``debit`` and ``credit`` are both positive sums; ``movement = debit - credit`` and
    ``closing = opening + movement``.
    """

    account: str
    name: str | None
    opening: Decimal
    debit: Decimal
    credit: Decimal
    movement: Decimal
    closing: Decimal


@dataclass(frozen=True, slots=True)
class ObjectBalanceRow:
    """Objektsaldo: one account x object of a dimension over a period.

    ``object_id`` is None for rows that carry no object of the dimension.
    """

    account: str
    object_id: str | None
    opening: Decimal
    movement: Decimal
    closing: Decimal


@dataclass(frozen=True, slots=True)
class MonthlyAmount:
    """Periodsaldo: the movement of one account (x object) in one month ``YYYYMM``."""

    account: str
    object_id: str | None
    period: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class BudgetAmount:
    """Periodbudget (``#PBUDGET``): the budget of one account (x object) in one month."""

    account: str
    object_id: str | None
    period: str
    amount: Decimal


def month_bounds(first: str, last: str | None = None) -> tuple[date, date]:
    """The first day of month ``first`` and the last day of month ``last`` (``YYYYMM``)."""
    last = last or first
    y1, m1 = int(first[:4]), int(first[4:6])
    y2, m2 = int(last[:4]), int(last[4:6])
    return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


# Counted rows with their effective date and their object of dimension $dim (if any: the
# first in the row's list, as in posting_month_object).
_ROWS = f"""
  SELECT p.account, coalesce(p.date, v.date) AS d, p.amount,
    CASE WHEN $dim IS NOT NULL THEN {FIRST_OBJECT} END AS object_id
  FROM posting p JOIN voucher v ON v.import_id = p.import_id AND v.voucher_id = p.voucher_id
  WHERE p.import_id = $imp AND p.counted
"""
# The fiscal year that holds the first day of the period.
_YEAR = """
  SELECT year_index, start_date FROM fiscal_year
  WHERE import_id = $imp AND $start BETWEEN start_date AND end_date
"""


def trial_balance(
    store: LedgerStore, import_id: int, start: date, end: date
) -> list[TrialBalanceRow]:
    """Råbalans for the days ``start`` to ``end`` inclusive, per account, sorted by account.

    Opening = ``#IB`` of the fiscal year holding ``start`` + the movements of that year before
    ``start`` (result accounts have no ``#IB``: their opening is the year's movements so far).
    """
    sql = f"""
    WITH fy AS ({_YEAR}),
    r AS ({_ROWS}),
    ib AS (SELECT b.account, sum(b.amount) AS amt FROM balance b JOIN fy
           ON b.year_index = fy.year_index WHERE b.import_id = $imp AND b.kind = 'IB'
           GROUP BY ALL),
    pre AS (SELECT r.account, sum(r.amount) AS amt FROM r JOIN fy ON r.d >= fy.start_date
            WHERE r.d < $start GROUP BY ALL),
    mv AS (SELECT account, sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS debit,
                  sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS credit
           FROM r WHERE d BETWEEN $start AND $end GROUP BY ALL),
    acc AS (SELECT account FROM ib UNION SELECT account FROM pre UNION SELECT account FROM mv)
    SELECT acc.account, a.name,
           coalesce(ib.amt, 0) + coalesce(pre.amt, 0) AS opening,
           coalesce(mv.debit, 0), coalesce(mv.credit, 0)
    FROM acc LEFT JOIN ib USING (account) LEFT JOIN pre USING (account)
    LEFT JOIN mv USING (account)
    LEFT JOIN account a ON a.import_id = $imp AND a.account = acc.account
    ORDER BY acc.account
    """
    out = []
    params = {"imp": import_id, "start": start, "end": end, "dim": None}
    for account, name, opening, debit, credit in _fetch(store, sql, params):
        movement = debit - credit
        out.append(
            TrialBalanceRow(account, name, opening, debit, credit, movement, opening + movement)
        )
    return out


def object_balances(
    store: LedgerStore, import_id: int, dimension: str, start: date, end: date
) -> list[ObjectBalanceRow]:
    """Saldo per account x object of ``dimension`` for the days ``start`` to ``end``.

    Opening = ``#OIB`` of the year holding ``start`` for that object + the year's movements
    before ``start``. Rows without an object of the dimension are grouped under ``None``.
    """
    sql = f"""
    WITH fy AS ({_YEAR}),
    r AS ({_ROWS}),
    oib AS (SELECT b.account, bo.object_id, sum(b.amount) AS amt
            FROM balance b JOIN fy ON b.year_index = fy.year_index
            JOIN balance_object bo ON bo.import_id = b.import_id
                 AND bo.balance_id = b.balance_id AND bo.dimension = $dim
            WHERE b.import_id = $imp AND b.kind = 'OIB' GROUP BY ALL),
    pre AS (SELECT r.account, r.object_id, sum(r.amount) AS amt FROM r
            JOIN fy ON r.d >= fy.start_date WHERE r.d < $start GROUP BY ALL),
    mv AS (SELECT account, object_id, sum(amount) AS amt FROM r
           WHERE d BETWEEN $start AND $end GROUP BY ALL),
    k AS (SELECT account, object_id FROM oib UNION SELECT account, object_id FROM pre
          UNION SELECT account, object_id FROM mv)
    SELECT k.account, k.object_id, coalesce(oib.amt, 0) + coalesce(pre.amt, 0),
           coalesce(mv.amt, 0)
    FROM k LEFT JOIN oib ON oib.account = k.account
                         AND oib.object_id IS NOT DISTINCT FROM k.object_id
    LEFT JOIN pre ON pre.account = k.account AND pre.object_id IS NOT DISTINCT FROM k.object_id
    LEFT JOIN mv ON mv.account = k.account AND mv.object_id IS NOT DISTINCT FROM k.object_id
    ORDER BY k.account, k.object_id NULLS LAST
    """
    params = {"imp": import_id, "start": start, "end": end, "dim": dimension}
    return [
        ObjectBalanceRow(acc, obj, opening, movement, opening + movement)
        for acc, obj, opening, movement in _fetch(store, sql, params)
    ]


def has_vouchers(store: LedgerStore, import_id: int) -> bool:
    """True when the import holds at least one voucher."""
    row = store.fetchone("SELECT count(*) FROM voucher WHERE import_id = ?", [import_id])
    return row is not None and int(row[0]) > 0


def _period_balances(
    store: LedgerStore,
    import_id: int,
    kind: str,
    start: date,
    end: date,
    *,
    dimension: str | None,
) -> list[tuple[str, str | None, str, Decimal]]:
    # #PSALDO / #PBUDGET rows: without a dimension the account totals (empty object list),
    # with one the rows that carry an object of that dimension.
    if dimension is None:
        pick = "NOT EXISTS (SELECT 1 FROM balance_object bo WHERE bo.import_id = b.import_id"
        pick += " AND bo.balance_id = b.balance_id)"
        obj = "NULL"
        join = ""
    else:
        pick = "TRUE"
        obj = "bo.object_id"
        join = (
            "JOIN balance_object bo ON bo.import_id = b.import_id"
            " AND bo.balance_id = b.balance_id AND bo.dimension = $dim"
        )
    sql = f"""
    SELECT b.account, {obj} AS object_id, b.period, sum(b.amount)
    FROM balance b {join}
    WHERE b.import_id = $imp AND b.kind = $kind AND b.period BETWEEN $p1 AND $p2 AND {pick}
    GROUP BY ALL ORDER BY 1, 3, 2 NULLS LAST
    """
    params: dict[str, object] = {
        "imp": import_id,
        "kind": kind,
        "p1": f"{start.year:04d}{start.month:02d}",
        "p2": f"{end.year:04d}{end.month:02d}",
    }
    if dimension is not None:
        params["dim"] = dimension
    return [(a, o, p, amt) for a, o, p, amt in _fetch(store, sql, params)]


def monthly_movements(
    store: LedgerStore,
    import_id: int,
    start: date,
    end: date,
    dimension: str | None = None,
) -> list[MonthlyAmount]:
    """Movement per account (x object of ``dimension``) x month, for the days ``start``-``end``.

    From the vouchers; from ``#PSALDO`` when the import has no vouchers (then whole months:
    every month that overlaps the period).
    """
    if not has_vouchers(store, import_id):
        rows = _period_balances(store, import_id, "PSALDO", start, end, dimension=dimension)
        return [MonthlyAmount(*r) for r in rows]
    sql = f"""
    WITH r AS ({_ROWS})
    SELECT account, object_id, strftime(d, '%Y%m') AS period, sum(amount)
    FROM r WHERE d BETWEEN $start AND $end
    GROUP BY ALL ORDER BY 1, 3, 2 NULLS LAST
    """
    params = {"imp": import_id, "start": start, "end": end, "dim": dimension}
    return [MonthlyAmount(*r) for r in _fetch(store, sql, params)]


def budget(
    store: LedgerStore,
    import_id: int,
    start: date,
    end: date,
    dimension: str | None = None,
) -> list[BudgetAmount]:
    """Budget (``#PBUDGET``) per account (x object of ``dimension``) x month of the period."""
    rows = _period_balances(store, import_id, "PBUDGET", start, end, dimension=dimension)
    return [BudgetAmount(*r) for r in rows]


def account_summary(store: LedgerStore, import_id: int) -> list[AccountSummary]:
    """Per account: ``#IB``, ``#UB``, ``#RES`` of year 0 and the sum of its rows in year 0.

    The same numbers as :func:`redovisa.ledger.summary.summarize` computes from the file (the
    ``sie balances`` contract): rows of vouchers dated in fiscal year 0, or of all vouchers
    when the file has no ``#RAR 0``.
    """
    sql = """
    WITH y AS (SELECT start_date, end_date FROM fiscal_year
               WHERE import_id = $imp AND year_index = 0),
    bal AS (SELECT account,
              sum(amount) FILTER (WHERE kind = 'IB') AS ib,
              sum(amount) FILTER (WHERE kind = 'UB') AS ub,
              sum(amount) FILTER (WHERE kind = 'RES') AS res
            FROM balance WHERE import_id = $imp AND year_index = 0
                 AND kind IN ('IB', 'UB', 'RES') GROUP BY ALL),
    tr AS (SELECT p.account, sum(p.amount) AS trans FROM posting p
           JOIN voucher v ON v.import_id = p.import_id AND v.voucher_id = p.voucher_id
           WHERE p.import_id = $imp AND p.counted
             AND (NOT EXISTS (SELECT 1 FROM y)
                  OR v.date BETWEEN (SELECT start_date FROM y) AND (SELECT end_date FROM y))
           GROUP BY ALL)
    SELECT account, bal.ib, bal.ub, bal.res, tr.trans
    FROM bal FULL JOIN tr USING (account) ORDER BY account
    """
    return [AccountSummary(*r) for r in _fetch(store, sql, {"imp": import_id})]


def _fetch(store: LedgerStore, sql: str, params: dict[str, object]) -> list[tuple[Any, ...]]:
    return store.fetchall_named(sql, params)

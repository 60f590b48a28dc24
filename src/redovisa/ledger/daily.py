"""Pre-aggregates written with every import: ``posting_day``, ``posting_month_object``.

:class:`~redovisa.ledger.aggregates.StoreLedger` reads these small tables instead of scanning
the rows. Both import paths call :func:`insert_daily` inside the import's transaction, so the
aggregates come and go with the import (``delete_import`` deletes them with the rest).
"""

from __future__ import annotations

from redovisa.ledger.store import LedgerStore

__all__ = ["has_daily", "insert_daily"]

_ROWS = """
  SELECT p.voucher_id, p.row_no, p.account, coalesce(p.date, v.date) AS day, p.amount
  FROM posting p JOIN voucher v ON v.import_id = p.import_id AND v.voucher_id = p.voucher_id
  WHERE p.import_id = $imp AND v.import_id = $imp AND p.counted
    AND coalesce(p.date, v.date) IS NOT NULL
"""

_SUMS = """coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS debit,
  coalesce(sum(amount) FILTER (WHERE amount <= 0), 0) AS credit, count(*) AS n"""

INSERT_DAY = f"""
INSERT INTO posting_day
SELECT $imp, account, day, {_SUMS} FROM ({_ROWS}) GROUP BY ALL
"""

INSERT_MONTH_OBJECT = f"""
INSERT INTO posting_month_object
WITH po AS (
  SELECT voucher_id, row_no, dimension, arg_min(object_id, position) AS object_id
  FROM posting_object WHERE import_id = $imp GROUP BY ALL)
SELECT $imp, po.dimension, po.object_id, r.account, date_trunc('month', r.day)::DATE, {_SUMS}
FROM po JOIN ({_ROWS}) r USING (voucher_id, row_no)
GROUP BY ALL
"""


def insert_daily(store: LedgerStore, import_id: int) -> None:
    """Write the daily aggregates of one import (from its stored rows)."""
    params: dict[str, object] = {"imp": import_id}
    store.execute_named(INSERT_DAY, params)
    store.execute_named(INSERT_MONTH_OBJECT, params)


def has_daily(store: LedgerStore, import_id: int) -> bool:
    """True when the import has its aggregates, or has no rows that would give any."""
    row = store.fetchone(
        "SELECT EXISTS (SELECT 1 FROM posting_day WHERE import_id = ?)"
        " OR NOT EXISTS (SELECT 1 FROM posting WHERE import_id = ?)",
        [import_id, import_id],
    )
    return bool(row and row[0])

"""Huvudboksdata ur databasen: :class:`StoreLedger`, the statements' ``LedgerData`` over the store.

The same semantics as :class:`redovisa.statements.memory.MemoryLedger`, with every sum done by
DuckDB. Each imported file brings its fiscal year 0 (vouchers, ``#IB``, ``#UB``, ``#RES``) and,
through ``#IB``/``#UB``/``#RES`` of year -1, the previous year when no file has its vouchers.
Imports are taken in import order; for a fiscal year in several files the first file with
vouchers keeps it (the others fill in only balances it lacks), and a second file with vouchers
for the same year is ignored and listed in :attr:`StoreLedger.conflicts`.

Only counted rows (``#TRANS``, ``#RTRANS``, not ``#BTRANS``) with a date (their own, else the
voucher's) enter a sum. Every import writes these sums per account and day
(``posting_day``) and per first object of each dimension, account and month
(``posting_month_object``, see :mod:`redovisa.ledger.daily`); building a :class:`StoreLedger`
merges them per fiscal year into small connection-local temporary tables, so it never scans
the rows. Every later question is a query over these small tables, except a question per
object for a period that is not whole months: that one sums the rows of the period. A
:class:`StoreLedger` is a snapshot: build a new one after an import.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar, cast

from redovisa.core.flow import Flow
from redovisa.core.period import covers_days, keep_of_two, year_containing
from redovisa.ledger.daily import has_daily, insert_daily
from redovisa.ledger.importer import import_sie
from redovisa.ledger.store import FIRST_OBJECT, LedgerStore

__all__ = ["StoreLedger", "ledger_for_files"]

_COUNTER = itertools.count(1)
_T = TypeVar("_T")

# Balances without objects per import x year x kind x account (several lines of one file add up).
_FILE_BALANCES = """
  SELECT b.import_id, b.year_index, b.kind, b.account, sum(b.amount) AS amount
  FROM balance b
  WHERE b.kind IN ('IB', 'UB', 'RES') AND b.year_index IN (0, -1)
    AND NOT EXISTS (SELECT 1 FROM balance_object bo
                    WHERE bo.import_id = b.import_id AND bo.balance_id = b.balance_id)
  GROUP BY ALL
"""

# Counted rows of the imports that bring vouchers, per day: from the import's posting_day.
_DAY = """
CREATE TEMP TABLE {t}_day AS
SELECT r.entry, p.account, p.day AS d, sum(p.debit) AS debit, sum(p.credit) AS credit,
       sum(p.n) AS n
FROM posting_day p JOIN {t}_rows r ON r.import_id = p.import_id
GROUP BY ALL
"""

# Per object of one dimension (the first object of that dimension on a row) and month (d: its
# first day), from posting_month_object; the rows without one are the month's totals minus
# those, kept where the month has more rows than the objects account for.
_OBJ = """
CREATE TEMP TABLE {t}_obj{n} AS
WITH o AS (
  SELECT r.entry, p.account, p.object_id, p.month AS d, sum(p.debit) AS debit,
         sum(p.credit) AS credit, sum(p.n) AS n
  FROM posting_month_object p JOIN {t}_rows r ON r.import_id = p.import_id
  WHERE p.dimension = $dim
  GROUP BY ALL),
s AS (SELECT entry, account, d, sum(debit) AS debit, sum(credit) AS credit, sum(n) AS n
      FROM o GROUP BY ALL),
m AS (SELECT entry, account, date_trunc('month', d)::DATE AS d, sum(debit) AS debit,
             sum(credit) AS credit, sum(n) AS n
      FROM {t}_day GROUP BY ALL)
SELECT entry, account, object_id, d, debit, credit, n FROM o
UNION ALL
SELECT m.entry, m.account, NULL, m.d, m.debit - coalesce(s.debit, 0),
       m.credit - coalesce(s.credit, 0), m.n - coalesce(s.n, 0)
FROM m LEFT JOIN s USING (entry, account, d)
WHERE m.n > coalesce(s.n, 0)
"""

# The same for a period that is not whole months, from the rows themselves (rare: reports
# ask for months); debit and credit per row, summed by the caller.
_OBJ_ROWS = f"""
SELECT p.account, {FIRST_OBJECT} AS object_id,
       CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END AS debit,
       CASE WHEN p.amount > 0 THEN 0 ELSE p.amount END AS credit
FROM posting p JOIN voucher v ON v.import_id = p.import_id AND v.voucher_id = p.voucher_id
JOIN {{t}}_rows r ON r.import_id = p.import_id
WHERE list_contains($rows, r.entry) AND p.counted
  AND coalesce(p.date, v.date) BETWEEN $start AND $end
"""

# A whole fiscal year known only from its balances: #RES, else #UB - #IB, per account.
_YEAR_MOVES = """
  SELECT entry, account,
    CASE WHEN bool_or(kind = 'RES') THEN sum(amount) FILTER (WHERE kind = 'RES')
         ELSE coalesce(sum(amount) FILTER (WHERE kind = 'UB'), 0)
              - coalesce(sum(amount) FILTER (WHERE kind = 'IB'), 0) END AS amt
  FROM {t}_bal WHERE list_contains($whole, entry) GROUP BY ALL
"""


def whole_months(start: date, end: date) -> bool:
    """True when ``start``-``end`` is whole months (the first of one to the last of one)."""
    return start.day == 1 and (end + timedelta(days=1)).day == 1


@dataclass(slots=True)
class _Entry:
    """One fiscal year of the ledger and the imports it is made of."""

    start: date
    end: date
    rows_import: int | None  # the import whose vouchers are this year's rows
    sources: list[tuple[int, int]]  # (import_id, year_index), first has priority per account
    kinds: set[str] = field(default_factory=set)  # balance kinds present (IB, UB, RES)
    source: str = ""


class StoreLedger:
    """LedgerData over the imports of a :class:`LedgerStore` (all, or ``import_ids`` in order).

    ``dimensions`` are pre-aggregated per object at once (others when first asked for).

    Raises:
        StoreError: the database failed.
    """

    def __init__(
        self,
        store: LedgerStore,
        import_ids: Sequence[int] | None = None,
        dimensions: Sequence[str] = (),
    ) -> None:
        self._store = store
        self._t = f"redovisa_sl{next(_COUNTER)}"
        self._dims: dict[str, int] = {}
        self._cache: dict[tuple[object, ...], object] = {}
        # fiscal years with vouchers in two imports: (start, end, kept file, ignored file)
        self.conflicts: list[tuple[date, date, str, str]] = []
        known = {i.import_id: i.source_path for i in store.imports()}
        order = [i for i in import_ids if i in known] if import_ids is not None else list(known)
        self.import_ids: tuple[int, ...] = tuple(order)
        for import_id in order:  # stores written before the aggregates existed
            if not has_daily(store, import_id):
                insert_daily(store, import_id)
        self._years: dict[date, _Entry] = {}
        self._load(order, known)
        self._create_tables()
        for dimension in dimensions:  # pre-aggregate now rather than on first use
            self._object_table(dimension)

    # -- metadata: which import brings which fiscal year -----------------------------------
    def _load(self, order: list[int], paths: dict[int, str]) -> None:
        ids = list(order)
        years: dict[int, list[tuple[int, date, date]]] = {i: [] for i in ids}
        for imp, idx, start, end in self._store.fetchall_named(
            "SELECT import_id, year_index, start_date, end_date FROM fiscal_year"
            " WHERE year_index IN (0, -1) AND list_contains($ids, import_id)"
            " ORDER BY import_id, year_index DESC",
            {"ids": ids},
        ):
            years[imp].append((idx, start, end))
        with_vouchers = {
            r[0]
            for r in self._store.fetchall_named(
                "SELECT DISTINCT import_id FROM voucher WHERE list_contains($ids, import_id)",
                {"ids": ids},
            )
        }
        kinds: dict[tuple[int, int], set[str]] = {}
        for imp, idx, kind in self._store.fetchall_named(
            f"SELECT DISTINCT import_id, year_index, kind FROM ({_FILE_BALANCES})"
            " WHERE list_contains($ids, import_id)",
            {"ids": ids},
        ):
            kinds.setdefault((imp, idx), set()).add(kind)
        for imp in ids:
            for idx, start, end in years[imp]:
                mine = kinds.get((imp, idx), set())
                rows = idx == 0 and (imp in with_vouchers or not mine & {"UB", "RES"})
                entry = _Entry(start, end, imp if rows else None, [(imp, idx)], set(mine))
                entry.source = paths[imp]
                self._merge(entry)

    def _merge(self, year: _Entry) -> None:
        old = self._years.get(year.start)
        if old is None:
            self._years[year.start] = year
            return
        pair = keep_of_two(old, year, has_rows=lambda y: y.rows_import is not None)
        if pair is None:
            self.conflicts.append((year.start, year.end, old.source, year.source))
            return
        keep, other = pair
        keep.sources = keep.sources + other.sources
        keep.kinds |= other.kinds
        self._years[year.start] = keep

    # -- pre-aggregates ----------------------------------------------------------------------
    def _entry_ids(self) -> dict[date, int]:
        return {start: n for n, start in enumerate(self._years, start=1)}

    def _create_tables(self) -> None:
        t, ids = self._t, self._entry_ids()
        src = [
            (ids[e.start], imp, idx, prio)
            for e in self._years.values()
            for prio, (imp, idx) in enumerate(e.sources)
        ]
        rows = [(ids[e.start], e.rows_import) for e in self._years.values() if e.rows_import]
        self._store.execute_named(
            f"CREATE TEMP TABLE {t}_src AS SELECT unnest($e::INTEGER[]) AS entry,"
            " unnest($i::INTEGER[]) AS import_id, unnest($y::INTEGER[]) AS year_index,"
            " unnest($p::INTEGER[]) AS prio",
            {
                "e": [s[0] for s in src],
                "i": [s[1] for s in src],
                "y": [s[2] for s in src],
                "p": [s[3] for s in src],
            },
        )
        self._store.execute_named(
            f"CREATE TEMP TABLE {t}_rows AS SELECT unnest($e::INTEGER[]) AS entry,"
            " unnest($i::INTEGER[]) AS import_id",
            {"e": [r[0] for r in rows], "i": [r[1] for r in rows]},
        )
        # Per fiscal year and account, the balance of the first import that has it.
        self._store.execute(
            f"CREATE TEMP TABLE {t}_bal AS SELECT s.entry, b.kind, b.account,"
            f" arg_min(b.amount, s.prio) AS amount FROM ({_FILE_BALANCES}) b"
            f" JOIN {t}_src s USING (import_id, year_index) GROUP BY ALL"
        )
        self._store.execute(_DAY.format(t=t))

    def _object_table(self, dimension: str) -> str:
        if dimension not in self._dims:
            n = len(self._dims) + 1
            self._store.execute_named(_OBJ.format(t=self._t, n=n), {"dim": dimension})
            self._dims[dimension] = n
        return f"{self._t}_obj{self._dims[dimension]}"

    def close(self) -> None:
        """Drop the temporary tables (they also go when the connection closes)."""
        names = ["src", "rows", "bal", "day", *(f"obj{n}" for n in self._dims.values())]
        for name in names:
            self._store.execute(f"DROP TABLE IF EXISTS {self._t}_{name}")
        self._dims.clear()
        self._cache.clear()

    # -- LedgerData ----------------------------------------------------------------------------
    def _memo(self, key: tuple[object, ...], compute: Callable[[], _T]) -> _T:
        # The ledger is a snapshot, so every answer can be kept.
        if key not in self._cache:
            self._cache[key] = compute()
        return cast(_T, self._cache[key])

    def account_names(self) -> Mapping[str, str]:
        return dict(self._memo(("names",), self._account_names))

    def object_names(self, dimension: str) -> Mapping[str, str]:
        return dict(self._memo(("objects", dimension), lambda: self._object_names(dimension)))

    def flows(self, start: date, end: date, dimension: str | None = None) -> Sequence[Flow]:
        key = ("flows", start, end, dimension)
        return list(self._memo(key, lambda: self._flows(start, end, dimension)))

    def balances(self, at: date) -> Mapping[str, Decimal]:
        return dict(self._memo(("balances", at), lambda: self._balances(at)))

    def active_accounts(self) -> Mapping[str, Decimal]:
        return dict(self._memo(("active",), self._active_accounts))

    def _account_names(self) -> dict[str, str]:
        rows = self._store.fetchall_named(
            "SELECT account, arg_min(name, list_position($ids, import_id)) FROM account"
            " WHERE list_contains($ids, import_id) GROUP BY account",
            {"ids": list(self.import_ids)},
        )
        return {str(a): str(n) for a, n in rows}

    def _object_names(self, dimension: str) -> dict[str, str]:
        rows = self._store.fetchall_named(
            "SELECT object_id, arg_min(name, list_position($ids, import_id)) FROM object"
            " WHERE dimension = $dim AND list_contains($ids, import_id) GROUP BY object_id",
            {"dim": dimension, "ids": list(self.import_ids)},
        )
        return {str(o): str(n) for o, n in rows}

    def fiscal_year(self, day: date) -> tuple[date, date] | None:
        y = year_containing(self._years.values(), day)
        return (y.start, y.end) if y else None

    def covers(self, start: date, end: date) -> bool:
        return covers_days(
            self._years.values(),
            start,
            end,
            has_rows=lambda y: y.rows_import is not None,
            has_totals=lambda y: bool(y.kinds & {"RES", "UB"}),
        )

    def _flows(self, start: date, end: date, dimension: str | None) -> list[Flow]:
        ids = self._entry_ids()
        with_rows, whole = [], []
        for y in self._years.values():
            if y.end < start or y.start > end:
                continue
            if y.rows_import is not None:
                with_rows.append(ids[y.start])
            elif start <= y.start and end >= y.end:
                whole.append(ids[y.start])
        parts: list[str] = []
        if with_rows:
            if dimension is None:
                parts.append(
                    f"SELECT account, NULL::VARCHAR AS object_id, debit, credit FROM {self._t}_day"
                    " WHERE list_contains($rows, entry) AND d BETWEEN $start AND $end"
                )
            elif whole_months(start, end):
                table = self._object_table(dimension)
                parts.append(
                    f"SELECT account, object_id, debit, credit FROM {table}"
                    " WHERE list_contains($rows, entry) AND d BETWEEN $start AND $end"
                )
            else:
                parts.append(_OBJ_ROWS.format(t=self._t))
        if whole:
            parts.append(
                "SELECT account, NULL::VARCHAR AS object_id, greatest(amt, 0) AS debit,"
                " least(amt, 0) AS credit"
                f" FROM ({_YEAR_MOVES.format(t=self._t)})"
            )
        if not parts:
            return []
        sql = (
            "SELECT account, object_id, sum(debit), sum(credit) FROM ("
            + " UNION ALL ".join(parts)
            + ") GROUP BY ALL"
        )
        params: dict[str, object] = {}
        if with_rows:
            params.update(rows=with_rows, start=start, end=end)
            if dimension is not None and not whole_months(start, end):
                params["dim"] = dimension
        if whole:
            params["whole"] = whole
        out = [
            Flow(str(a), None if o is None else str(o), _dec(d), _dec(c))
            for a, o, d, c in self._store.fetchall_named(sql, params)
        ]
        out.sort(key=lambda f: (f.account, f.object_id or ""))
        return out

    def _balances(self, at: date) -> dict[str, Decimal]:
        ids = self._entry_ids()
        y = year_containing(self._years.values(), at)
        if y is not None and y.rows_import is not None:
            sql = (
                "SELECT account, sum(amt) FROM ("
                f" SELECT account, amount AS amt FROM {self._t}_bal"
                "  WHERE entry = $e AND kind = 'IB'"
                f" UNION ALL SELECT account, debit + credit FROM {self._t}_day"
                "  WHERE entry = $e AND d <= $at) GROUP BY account"
            )
            return self._sums(sql, {"e": ids[y.start], "at": at})
        nxt = self._years.get(at + timedelta(days=1))
        picks: list[tuple[int, str]] = []
        if y is not None and at == y.end:
            if "UB" in y.kinds:
                picks.append((ids[y.start], "UB"))
            elif nxt is not None:
                picks.append((ids[nxt.start], "IB"))
            picks.append((ids[y.start], "RES"))
        elif nxt is not None:
            picks.append((ids[nxt.start], "IB"))
        if not picks:
            return {}
        where = " OR ".join(f"(entry = $e{n} AND kind = $k{n})" for n in range(len(picks)))
        params: dict[str, object] = {}
        for n, (entry, kind) in enumerate(picks):
            params[f"e{n}"], params[f"k{n}"] = entry, kind
        sql = f"SELECT account, sum(amount) FROM {self._t}_bal WHERE {where} GROUP BY account"
        return self._sums(sql, params)

    def _active_accounts(self) -> dict[str, Decimal]:
        sql = (
            "SELECT account, sum(v) FROM ("
            f" SELECT account, abs(amount) AS v FROM {self._t}_bal WHERE amount <> 0"
            f" UNION ALL SELECT account, debit - credit FROM {self._t}_day) GROUP BY account"
        )
        return self._sums(sql, {})

    def _sums(self, sql: str, params: dict[str, object]) -> dict[str, Decimal]:
        return {str(a): _dec(v) for a, v in self._store.fetchall_named(sql, params)}


def _dec(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def ledger_for_files(store: LedgerStore, paths: Sequence[str | os.PathLike[str]]) -> StoreLedger:
    """The :class:`StoreLedger` of ``paths``, importing each file the store lacks.

    A file counts as imported when an import has its absolute path as source path and the
    file is not newer than the database file (an in-memory store always imports). A missing
    file or one with errors is not imported (``build_document`` reports it when it reads the
    project's files).

    Raises:
        InputError: a file cannot be read at all.
        StoreError: the database failed.
    """
    times = [os.path.getmtime(p) for p in (store.path, store.path + ".wal") if os.path.isfile(p)]
    db_time = max(times) if times else None
    ids: list[int] = []
    for path in paths:
        key = os.path.abspath(os.fspath(path))
        if not os.path.isfile(key):
            continue  # reported when the project reads its files
        fresh = db_time is not None and os.path.getmtime(key) <= db_time
        found = [i.import_id for i in store.imports() if i.source_path == key]
        if found and fresh:
            ids.append(found[-1])
            continue
        outcome = import_sie(store, key, display_path=key)
        if outcome.counts is not None:
            ids.append(outcome.counts.import_id)
    return StoreLedger(store, ids)

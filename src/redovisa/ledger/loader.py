"""Load a parsed :class:`SieFile` into the store (the reference import path).

Used for small files, as the fallback of the bulk import for files the bulk path does not
handle, and as the reference the bulk import is tested against: both paths must leave exactly
the same rows in the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from redovisa.core.errors import StoreError
from redovisa.ledger.daily import insert_daily
from redovisa.ledger.store import LedgerStore
from redovisa.sie.records import Balance, BalanceKind, SieFile, Voucher

MONEY = pa.decimal128(18, 2)
QUANTITY = pa.decimal128(24, 6)
_S, _I32, _I64, _D, _B = pa.string(), pa.int32(), pa.int64(), pa.date32(), pa.bool_()

# Column types of each table, in schema order (import_id first).
COLUMNS: dict[str, tuple[pa.DataType, ...]] = {
    "fiscal_year": (_I32, _I32, _D, _D),
    "account": (_I32, _S, _S, _S, _S, pa.list_(_S), _I32),
    "dimension": (_I32, _S, _S, _S, _I32),
    "object": (_I32, _S, _S, _S, _I32),
    "voucher": (_I32, _I64, _S, _S, _D, _S, _D, _S, _I64),
    "posting": (_I32, _I64, _I32, _S, MONEY, _D, _S, QUANTITY, _S, _S, _B, _I64, _S),
    "balance": (_I32, _I64, _S, _I32, _S, _S, MONEY, QUANTITY, _I64),
    "balance_object": (_I32, _I64, _I32, _S, _S),
}


# JSON string escapes as DuckDB's to_json writes them (the bulk path uses to_json itself, the
# C pass has the same rules): quote, backslash, the short control escapes, \u00XX for the rest.
_JSON_ESCAPES = {c: f"\\u{c:04X}" for c in range(0x20)} | {
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    ord("\b"): "\\b",
    ord("\f"): "\\f",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


def objects_json(objects: Iterable[tuple[str, str]]) -> str:
    """A row's object list as ``posting.objects`` holds it: ``[["1","100"],["6","P1"]]``."""
    pairs = (f'["{d.translate(_JSON_ESCAPES)}","{o.translate(_JSON_ESCAPES)}"]' for d, o in objects)
    return "[" + ",".join(pairs) + "]"


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What one import put in the store."""

    import_id: int
    accounts: int
    vouchers: int
    postings: int
    balances: int


def import_identity(sie: SieFile, source_path: str) -> str:
    """The identity that makes re-importing replace instead of duplicate.

    Organisation (org.nr digits, else the name) and the start of fiscal year 0; a file without
    ``#RAR 0`` or without any organisation (a 4I file) is identified by its file name.
    """
    fy = sie.year(0)
    who = re.sub(r"\D", "", sie.orgnr or "") or (sie.company_name or "").strip()
    if fy is not None and who:
        return f"{who}|{fy.start.isoformat()}"
    return f"fil:{Path(source_path).name}"


def _insert(store: LedgerStore, table: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        _insert_columns(store, table, _columns(table, rows))


def _columns(table: str, rows: list[tuple[Any, ...]]) -> list[Sequence[Any]]:
    return [[r[i] for r in rows] for i in range(len(COLUMNS[table]))]


def _arrow(table: str, columns: list[Sequence[Any]]) -> pa.Table:
    """Rows given column by column (each a sequence of the same length) as an Arrow table."""
    types = COLUMNS[table]
    try:
        arrays = [pa.array(c, type=t) for c, t in zip(columns, types, strict=True)]
        return pa.Table.from_arrays(arrays, names=[f"c{i}" for i in range(len(types))])
    except (pa.ArrowException, TypeError, ValueError) as e:
        raise StoreError(f"Värde passar inte tabellen {table}: {e}") from e


def _insert_columns(store: LedgerStore, table: str, columns: list[Sequence[Any]]) -> None:
    """Insert rows given column by column (each a sequence of the same length)."""
    if columns[0]:
        store.insert_arrow(table, _arrow(table, columns))


def begin_import(store: LedgerStore, identity: str) -> int:
    """Drop the earlier import with ``identity``; a fresh import id (inside a transaction)."""
    old = store.find_import(identity)
    if old is not None:
        store.delete_import(old)
    return store.next_import_id()


def replace_with(
    store: LedgerStore,
    import_id: int,
    sie: SieFile,
    source_path: str,
    tables: dict[str, pa.Table] | None = None,
) -> None:
    """Make ``import_id`` (its rows already stored) the import of its organisation and year.

    Drops the earlier import with the same identity and writes the organisation row and the
    header tables (``tables``: made by :func:`header_tables` already; call inside the
    import's transaction).
    """
    identity = import_identity(sie, source_path)
    old = store.find_import(identity)
    if old is not None:
        store.delete_import(old)
    insert_organisation(store, import_id, identity, sie, source_path)
    insert_header(store, import_id, sie, tables)


def insert_organisation(
    store: LedgerStore, import_id: int, identity: str, sie: SieFile, source_path: str
) -> None:
    """The organisation row of one import."""
    store.execute(
        "INSERT INTO organisation VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            import_id,
            identity,
            source_path,
            sie.encoding,
            sie.company_name,
            sie.orgnr,
            sie.program,
            sie.program_version,
            sie.sie_type,
            sie.generated,
            sie.extent,
            sie.currency,
            sie.chart_type,
            sie.flag,
        ],
    )


def insert_header(
    store: LedgerStore, import_id: int, sie: SieFile, tables: dict[str, pa.Table] | None = None
) -> None:
    """Fiscal years, accounts, dimensions, objects and balances of ``sie`` (not its vouchers);
    ``tables``: :func:`header_tables` made already."""
    for table, data in (header_tables(import_id, sie) if tables is None else tables).items():
        store.insert_arrow(table, data)


def header_tables(import_id: int, sie: SieFile) -> dict[str, pa.Table]:
    """The header tables of ``sie`` as Arrow tables (the empty ones left out).

    No store needed: the native path makes them in its second thread while DuckDB works.
    """
    i = import_id
    rows: dict[str, list[tuple[Any, ...]]] = {
        "fiscal_year": [(i, y.index, y.start, y.end) for y in sie.fiscal_years],
        "account": [
            (i, a.number, a.name, a.type.value if a.type else None, a.unit, list(a.sru), a.line)
            for a in sie.accounts.values()
        ],
        "dimension": [(i, d.number, d.name, d.parent, d.line) for d in sie.dimensions.values()],
        "object": [(i, o.dimension, o.id, o.name, o.line) for o in sie.objects.values()],
    }
    out = {t: _arrow(t, _columns(t, r)) for t, r in rows.items() if r}
    out.update(_balance_tables(import_id, sie.balances))
    return out


_KIND_VALUE = {k: k.value for k in BalanceKind}


def _balance_tables(import_id: int, balances: list[Balance]) -> dict[str, pa.Table]:
    """The balance and balance_object rows, built column by column (files have many)."""
    n = len(balances)
    if not n:
        return {}
    numbers = list(range(1, n + 1))  # a list converts several times faster than a range
    out = {
        "balance": _arrow(
            "balance",
            [
                [import_id] * n,
                numbers,
                [_KIND_VALUE[b.kind] for b in balances],
                [b.year for b in balances],
                [b.account for b in balances],
                [b.period for b in balances],
                [b.amount for b in balances],
                [b.quantity for b in balances],
                [b.line for b in balances],
            ],
        )
    }
    owner: list[int] = []
    place: list[int] = []
    dims: list[str] = []
    ids: list[str] = []
    for number, b in zip(numbers, balances, strict=True):
        for k, (d, o) in enumerate(b.objects, start=1):
            owner.append(number)
            place.append(k)
            dims.append(d)
            ids.append(o)
    if owner:
        columns: list[Sequence[Any]] = [[import_id] * len(owner), owner, place, dims, ids]
        out["balance_object"] = _arrow("balance_object", columns)
    return out


def insert_vouchers(
    store: LedgerStore, import_id: int, vouchers_in: Iterable[Voucher], first_id: int = 1
) -> int:
    """Vouchers and their rows; returns the number of rows. ``voucher_id`` counts from
    ``first_id`` in file order (the bulk path numbers the same way)."""
    i = import_id
    vouchers: list[tuple[Any, ...]] = []
    postings: list[tuple[Any, ...]] = []
    for vid, v in enumerate(vouchers_in, start=first_id):
        vouchers.append((i, vid, v.series, v.number, v.date, v.text, v.reg_date, v.sign, v.line))
        for row_no, p in enumerate(v.postings, start=1):
            postings.append(
                (
                    i,
                    vid,
                    row_no,
                    p.account,
                    p.amount,
                    p.date,
                    p.text,
                    p.quantity,
                    p.sign,
                    p.kind.value,
                    p.counts,
                    p.line,
                    objects_json(p.objects),
                )
            )
    _insert(store, "voucher", vouchers)
    _insert(store, "posting", postings)
    return len(postings)


def load_sie_file(store: LedgerStore, sie: SieFile, *, source_path: str) -> ImportCounts:
    """Put ``sie`` in the store, replacing an earlier import of the same identity.

    Runs in one transaction unless the caller already opened one.
    """

    def run() -> ImportCounts:
        identity = import_identity(sie, source_path)
        import_id = begin_import(store, identity)
        insert_organisation(store, import_id, identity, sie, source_path)
        insert_header(store, import_id, sie)
        rows = insert_vouchers(store, import_id, sie.vouchers)
        insert_daily(store, import_id)
        return ImportCounts(
            import_id, len(sie.accounts), len(sie.vouchers), rows, len(sie.balances)
        )

    if store.in_transaction:
        return run()
    with store.transaction():
        return run()

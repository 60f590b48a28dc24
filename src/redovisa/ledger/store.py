"""The ledger store: a DuckDB database with the schema of ``schema.sql``.

This module is the store boundary: it is the only place that catches ``duckdb.Error``, and it
turns every such error into :class:`redovisa.core.errors.StoreError` (see :func:`mapped_errors`).
Other ledger modules run SQL through :class:`LedgerStore` and never see a DuckDB exception.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

import duckdb

from redovisa.core.errors import StoreError

DEFAULT_DB = Path("build") / "redovisa.duckdb"
MEMORY_LIMIT = "600MB"
"""DuckDB spills to disk beyond this; keeps a 5 M-row import well under 1 GB of RAM."""

TABLES: tuple[str, ...] = (
    "organisation",
    "fiscal_year",
    "account",
    "dimension",
    "object",
    "voucher",
    "posting",
    "balance",
    "balance_object",
    "posting_day",
    "posting_month_object",
)
"""Every table of the store, each keyed by ``import_id``."""

FIRST_OBJECT = (
    "CASE WHEN p.objects <> '[]' THEN list_filter(from_json(p.objects, '[[\"VARCHAR\"]]'),"
    " lambda pair: pair[1] = $dim)[1][2] END"
)
"""SQL: the first object of dimension ``$dim`` in the object list of the ``posting`` row ``p``
(NULL when it has none), as ``posting_month_object`` counts it."""

VIEWS: tuple[str, ...] = ("posting_object",)
"""Views over the tables, keyed by ``import_id`` too (``posting_object``: ``posting.objects``
one row per pair)."""

# Stores written before the object lists moved into posting.objects had a posting_object table.
_MIGRATE_OBJECTS = """
ALTER TABLE posting ADD COLUMN objects VARCHAR;
UPDATE posting p SET objects = o.objects
FROM (SELECT import_id, voucher_id, row_no,
        to_json(list([dimension, object_id] ORDER BY position))::VARCHAR AS objects
      FROM posting_object GROUP BY ALL) o
WHERE p.import_id = o.import_id AND p.voucher_id = o.voucher_id AND p.row_no = o.row_no;
UPDATE posting SET objects = '[]' WHERE objects IS NULL;
DROP TABLE posting_object;
"""
# ... and per-object sums per day (StoreLedger fills in the monthly ones for imports without
# posting_day rows, as for stores from before the pre-aggregates) ...
_MIGRATE_DAY_OBJECT = """
DROP TABLE posting_day_object;
DELETE FROM posting_day;
"""
# ... and posting.kind as text.
_MIGRATE_KIND = """
CREATE TYPE IF NOT EXISTS posting_kind AS ENUM ('TRANS', 'RTRANS', 'BTRANS');
ALTER TABLE posting ALTER kind TYPE posting_kind;
"""
_MIGRATIONS = (_MIGRATE_OBJECTS, _MIGRATE_KIND, _MIGRATE_DAY_OBJECT)
"""In the order of the checks in ``LedgerStore._migrate``."""

Row: TypeAlias = tuple[Any, ...]


@contextlib.contextmanager
def mapped_errors(context: str = "") -> Iterator[None]:
    """Turn any DuckDB error raised inside the block into a :class:`StoreError`."""
    try:
        yield
    except duckdb.Error as e:
        where = f" ({context})" if context else ""
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise StoreError(f"Databasfel{where}: {first}") from e


def schema_sql() -> str:
    """The text of ``schema.sql``, next to this module (pip installs the package as files;
    ``importlib.resources`` would add 30 ms to every start-up)."""
    return Path(__file__).with_name("schema.sql").read_text(encoding="utf-8")


def database_path(url: str | Path | None) -> str:
    """The DuckDB path of a ``--db`` URL (``duckdb:///abs/path``, a plain path, ``:memory:``).

    Raises:
        StoreError: for ``postgresql://`` (not yet supported) and unknown schemes.
    """
    if url is None:
        return str(DEFAULT_DB)
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL-stöd kommer i en senare version; använd duckdb:///sökväg")
    if text.startswith("duckdb://"):
        rest = text[len("duckdb://") :]
        if rest in ("", "/", "/:memory:", ":memory:"):
            return ":memory:"
        # duckdb:///abs/path -> /abs/path ; duckdb://rel/path -> rel/path
        return rest
    if "://" in text:
        raise StoreError(f"Okänd databas-URL: {text} (använd duckdb:///sökväg)")
    return text


@dataclass(frozen=True, slots=True)
class ImportInfo:
    """Import: one SIE file in the store (its organisation row)."""

    import_id: int
    identity: str
    source_path: str
    name: str | None
    orgnr: str | None
    year_start: date | None
    year_end: date | None


class LedgerStore:
    """Huvudbok: the ledger store over one DuckDB connection.

    Use :meth:`open` (or the constructor with a connection in tests) and close it when done,
    preferably as a context manager.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str = ":memory:") -> None:
        self._con = connection
        self.path = path
        self._in_transaction = False
        self._migrate()
        self.execute(schema_sql())

    def _migrate(self) -> None:
        """Bring a store written by an earlier version to the current schema, in one
        transaction."""
        # (duckdb_tables and duckdb_columns: information_schema costs 10 ms the first time)
        found = self.fetchone(
            "SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = 'posting_object'"
            "  AND NOT temporary),"
            " (SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database()"
            "  AND table_name = 'posting' AND column_name = 'kind' AND data_type = 'VARCHAR'),"
            " (SELECT count(*) FROM duckdb_tables() WHERE table_name = 'posting_day_object'"
            "  AND NOT temporary)"
        )
        steps = [sql for sql, old in zip(_MIGRATIONS, found or (), strict=True) if old]
        if steps:
            with self.transaction():
                for sql in steps:
                    self.execute(sql)

    @classmethod
    def open(
        cls, url: str | Path | None = None, *, memory_limit: str = MEMORY_LIMIT
    ) -> LedgerStore:
        """Open (and create if needed) the store at ``url``; see :func:`database_path`."""
        path = database_path(url)
        if path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"Kan inte skapa katalogen för databasen {path}: {e}") from e
        with mapped_errors(f"öppna {path}"):
            con = duckdb.connect(path, config={"memory_limit": memory_limit})
        return cls(con, path)

    def close(self) -> None:
        """Close the connection."""
        with mapped_errors("stänga"):
            self._con.close()

    def __enter__(self) -> LedgerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- running SQL -------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run a statement (or several separated by ``;`` when there are no parameters)."""
        with mapped_errors():
            if params is None:
                self._con.execute(sql).complete()
            else:
                self._con.execute(sql, list(params)).complete()

    def fetchall(self, sql: str, params: Sequence[Any] | None = None) -> list[Row]:
        """Rows of a query."""
        with mapped_errors():
            cur = self._con.execute(sql, list(params) if params is not None else None)
            return [tuple(r) for r in cur.fetchall()]

    def execute_named(self, sql: str, params: dict[str, object]) -> None:
        """Run a statement with ``$name`` parameters."""
        with mapped_errors():
            self._con.execute(sql, params).complete()

    def fetchall_named(self, sql: str, params: dict[str, object]) -> list[Row]:
        """Rows of a query with ``$name`` parameters."""
        with mapped_errors():
            return [tuple(r) for r in self._con.execute(sql, params).fetchall()]

    def fetchone(self, sql: str, params: Sequence[Any] | None = None) -> Row | None:
        """The first row of a query, or None."""
        with mapped_errors():
            cur = self._con.execute(sql, list(params) if params is not None else None)
            rows = cur.fetchall()
            return tuple(rows[0]) if rows else None

    def insert_arrow(self, table: str, data: object) -> None:
        """Append a pyarrow table whose columns are in ``table``'s order."""
        self.insert_from(
            {"_arrow_in": f"INSERT INTO {table} SELECT * FROM _arrow_in"}, {"_arrow_in": data}
        )

    def insert_from(self, statements: dict[str, str], tables: dict[str, object]) -> None:
        """Run each ``statements[name]`` with the Arrow table ``tables[name]`` as ``name``.

        Through a relation rather than ``register``: a registered Arrow table stays in memory
        until the connection closes, which made a long import grow by every chunk.
        """
        with mapped_errors(f"skriva {', '.join(statements)}"):
            for name, sql in statements.items():
                self._con.from_arrow(tables[name]).query(name, sql)

    @property
    def in_transaction(self) -> bool:
        """True inside :meth:`transaction`."""
        return self._in_transaction

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back on any exception.

        Also a ``KeyboardInterrupt`` rolls back, so a half-done import never shows.
        """
        if self._in_transaction:
            raise StoreError("Transaktioner kan inte nästlas")
        self.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            with contextlib.suppress(StoreError):
                self.execute("ROLLBACK")
            raise
        self._in_transaction = False
        self.execute("COMMIT")

    # -- imports ----------------------------------------------------------------------------
    def imports(self) -> list[ImportInfo]:
        """Every imported file, in import order."""
        rows = self.fetchall(
            "SELECT o.import_id, o.identity, o.source_path, o.name, o.orgnr,"
            " y.start_date, y.end_date FROM organisation o"
            " LEFT JOIN fiscal_year y ON y.import_id = o.import_id AND y.year_index = 0"
            " ORDER BY o.import_id"
        )
        return [ImportInfo(*r) for r in rows]

    def find_import(self, identity: str) -> int | None:
        """The import id holding ``identity``, if any."""
        row = self.fetchone("SELECT import_id FROM organisation WHERE identity = ?", [identity])
        return int(row[0]) if row is not None else None

    def delete_import(self, import_id: int) -> None:
        """Remove every row of one import (call inside a transaction)."""
        for table in TABLES:
            self.execute(f"DELETE FROM {table} WHERE import_id = ?", [import_id])

    def next_import_id(self) -> int:
        """A fresh import id."""
        row = self.fetchone("SELECT coalesce(max(import_id), 0) + 1 FROM organisation")
        assert row is not None
        return int(row[0])

    def table_rows(self, table: str, import_id: int) -> list[Row]:
        """Every row of ``table`` for one import, sorted, without the import id (for tests)."""
        if table not in TABLES + VIEWS:
            raise StoreError(f"Okänd tabell: {table}")
        cols = [
            r[0]
            for r in self.fetchall(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = ? AND column_name <> 'import_id' ORDER BY ordinal_position",
                [table],
            )
        ]
        select = ", ".join(cols)
        return self.fetchall(
            f"SELECT {select} FROM {table} WHERE import_id = ? ORDER BY ALL", [import_id]
        )

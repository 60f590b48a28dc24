"""The store: schema, identity (idempotence), atomicity, error mapping."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from sample import sample_sie

from redovisa.core.errors import StoreError
from redovisa.ledger import loader
from redovisa.ledger.aggregates import StoreLedger
from redovisa.ledger.loader import import_identity, load_sie_file
from redovisa.ledger.store import (
    TABLES,
    VIEWS,
    LedgerStore,
    database_path,
    mapped_errors,
    schema_sql,
)


def snapshot(store: LedgerStore) -> dict[str, list[tuple[object, ...]]]:
    return {t: store.fetchall(f"SELECT * FROM {t} ORDER BY ALL") for t in TABLES + VIEWS}


def test_schema_has_no_float_column(store: LedgerStore) -> None:
    types = store.fetchall(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
    )
    assert {t for t, _c, _d in types} == set(TABLES + VIEWS)
    floats = [(t, c, d) for t, c, d in types if re.search(r"DOUBLE|REAL|FLOAT", d)]
    assert floats == []
    money = {(t, c): d for t, c, d in types if c == "amount"}
    assert set(money.values()) == {"DECIMAL(18,2)"}
    assert {d for t, c, d in types if c == "quantity"} == {"DECIMAL(24,6)"}
    assert not re.search(r"\b(DOUBLE|REAL|FLOAT\d?)\b", schema_sql(), re.IGNORECASE)


def test_schema_fits_one_screen() -> None:
    assert len(schema_sql().splitlines()) <= 55


def test_load_counts_and_rows(store: LedgerStore) -> None:
    counts = load_sie_file(store, sample_sie(), source_path="data/ledger.se")
    assert (counts.accounts, counts.vouchers, counts.postings, counts.balances) == (5, 4, 9, 15)
    rows = store.table_rows("posting", counts.import_id)
    struck = [r for r in rows if r[8] == "BTRANS"]
    assert len(struck) == 1
    assert str(struck[0][3]) == "500.00"
    assert struck[0][9] is False
    objs = store.table_rows("posting_object", counts.import_id)
    assert (1, 1, 1, "1", "100") in objs
    assert store.table_rows("dimension", counts.import_id) == [
        ("1", "Ansvar", None, None),
        ("21", "Delansvar", "1", None),
    ]
    acc = store.table_rows("account", counts.import_id)
    assert acc[0][:5] == ("1930", "Bank", "T", None, ["7281"])


def test_objects_are_json_pairs_and_the_view_has_one_row_per_pair(store: LedgerStore) -> None:
    counts = load_sie_file(store, sample_sie(), source_path="data/ledger.se")
    objects = store.fetchall(
        "SELECT account, objects FROM posting WHERE import_id = ? ORDER BY ALL", [counts.import_id]
    )
    assert ("5010", '[["1","100"]]') in objects
    assert ("1930", "[]") in objects
    assert store.fetchall(
        "SELECT count(*) FROM posting_object WHERE import_id = ?", [counts.import_id]
    ) == store.fetchall(
        "SELECT sum(json_array_length(objects)) FROM posting WHERE import_id = ?",
        [counts.import_id],
    )


@pytest.mark.parametrize(
    ("pairs", "text"),
    [
        ([], "[]"),
        ([("1", "100"), ("6", "P 1")], '[["1","100"],["6","P 1"]]'),
        ([("1", 'a"b\\c')], '[["1","a\\"b\\\\c"]]'),
        ([("1", "t\tn\nx\x01\x7få")], '[["1","t\\tn\\nx\\u0001\x7få"]]'),
    ],
)
def test_objects_json_escapes_as_duckdb_to_json(
    store: LedgerStore, pairs: list[tuple[str, str]], text: str
) -> None:
    assert loader.objects_json(pairs) == text
    flat = [v for pair in pairs for v in pair]
    sql = (
        "SELECT to_json(list_transform(range(1, len($o) // 2 + 1),"
        " lambda k: [$o[2 * k - 1], $o[2 * k]]))::VARCHAR"
    )
    assert store.fetchall_named(sql, {"o": flat}) == [(text,)]
    back = store.fetchall("""SELECT from_json(?, '[["VARCHAR"]]')""", [text])
    assert back == [([list(p) for p in pairs],)]


def test_a_store_of_the_earlier_schema_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with LedgerStore.open(db) as store:
        load_sie_file(store, sample_sie(2023), source_path="2023.se")
        load_sie_file(store, sample_sie(2024), source_path="2024.se")
        expected = snapshot(store)
    con = duckdb.connect(str(db))  # as a store of the earlier schema: posting_object a table
    con.execute("CREATE TABLE old_objects AS SELECT * FROM posting_object")
    con.execute("DROP VIEW posting_object")
    con.execute("ALTER TABLE old_objects RENAME TO posting_object")
    con.execute("ALTER TABLE posting DROP COLUMN objects")
    con.execute("ALTER TABLE posting ALTER kind TYPE VARCHAR")
    con.execute(
        "CREATE TABLE posting_day_object AS SELECT import_id, dimension, object_id, account,"
        " month AS day, debit, credit, n FROM posting_month_object"
    )
    con.execute("DROP TABLE posting_month_object")
    con.close()
    with LedgerStore.open(db) as store:
        StoreLedger(store, dimensions=["1"]).close()  # fills in the sums the migration dropped
        assert snapshot(store) == expected
        kinds = store.fetchall(
            "SELECT view_name FROM duckdb_views() WHERE view_name = 'posting_object'"
        )
        assert kinds == [("posting_object",)]
    with LedgerStore.open(db) as store:  # opening again changes nothing
        assert snapshot(store) == expected


def test_identity_is_organisation_and_year() -> None:
    assert import_identity(sample_sie(), "a.se") == "2220000001|2024-01-01"
    no_year = sample_sie()
    no_year.fiscal_years = []
    assert import_identity(no_year, "dir/FAKT.SI") == "fil:FAKT.SI"


def test_reimport_replaces_and_other_year_is_kept(store: LedgerStore) -> None:
    first = load_sie_file(store, sample_sie(2024), source_path="2024.se")
    before = {t: store.table_rows(t, first.import_id) for t in TABLES if t != "organisation"}
    again = load_sie_file(store, sample_sie(2024), source_path="2024.se")
    assert [i.import_id for i in store.imports()] == [again.import_id]
    after = {t: store.table_rows(t, again.import_id) for t in TABLES if t != "organisation"}
    assert after == before
    load_sie_file(store, sample_sie(2023), source_path="2023.se")
    years = [i.year_start.year for i in store.imports() if i.year_start]
    assert sorted(years) == [2023, 2024]
    assert store.fetchone("SELECT count(*) FROM posting")[0] == 18  # type: ignore[index]


@pytest.mark.parametrize("exc", [KeyboardInterrupt, RuntimeError, StoreError])
def test_failed_import_leaves_store_unchanged(
    store: LedgerStore, monkeypatch: pytest.MonkeyPatch, exc: type[BaseException]
) -> None:
    load_sie_file(store, sample_sie(2024), source_path="2024.se")
    before = snapshot(store)
    real = loader.insert_vouchers

    def crash(s: LedgerStore, import_id: int, sie: object) -> int:
        real(s, import_id, sie)  # type: ignore[arg-type]
        raise exc("midway")

    monkeypatch.setattr(loader, "insert_vouchers", crash)
    changed = sample_sie(2024)
    changed.company_name = "Annat namn"
    with pytest.raises(exc):
        load_sie_file(store, changed, source_path="2024.se")
    assert snapshot(store) == before
    assert not store.in_transaction


def test_every_duckdb_error_is_mapped() -> None:
    classes = {
        obj
        for name in dir(duckdb)
        if isinstance(obj := getattr(duckdb, name), type) and issubclass(obj, duckdb.Error)
    }
    assert len(classes) > 5
    for cls in classes:
        with pytest.raises(StoreError), mapped_errors("test"):
            raise cls("boom")


def test_real_duckdb_failures_are_store_errors(store: LedgerStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Databasfel"):
        store.execute("SELECT * FROM no_such_table")
    with pytest.raises(StoreError):
        store.table_rows("no_such_table", 1)
    (tmp_path / "not_a_db.duckdb").write_bytes(b"this is not a database file" * 100)
    with pytest.raises(StoreError):
        LedgerStore.open(tmp_path / "not_a_db.duckdb")
    closed = LedgerStore.open(":memory:")
    closed.close()
    with pytest.raises(StoreError):
        closed.imports()


def test_database_urls(tmp_path: Path) -> None:
    assert database_path("duckdb:///tmp/x.duckdb") == "/tmp/x.duckdb"
    assert database_path("duckdb:///:memory:") == ":memory:"
    assert database_path(None) == "build/redovisa.duckdb"
    with pytest.raises(StoreError, match="PostgreSQL"):
        database_path("postgresql://localhost/kommun")
    with pytest.raises(StoreError):
        database_path("mysql://x")
    url = f"duckdb://{tmp_path}/sub/dir/r.duckdb"
    with LedgerStore.open(url) as s:
        load_sie_file(s, sample_sie(), source_path="x.se")
    with LedgerStore.open(url) as s:
        assert len(s.imports()) == 1

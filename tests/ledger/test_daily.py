"""posting_day / posting_month_object: written with each import, gone with it, backfilled."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from redovisa.ledger.aggregates import StoreLedger
from redovisa.ledger.importer import import_sie
from redovisa.ledger.loader import load_sie_file
from redovisa.ledger.store import LedgerStore
from redovisa.statements.memory import MemoryLedger

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from statements.ledgers import ledger_2023, ledger_2024  # noqa: E402

D = Decimal


def _store() -> LedgerStore:
    store = LedgerStore.open(":memory:")
    load_sie_file(store, ledger_2023(), source_path="a")
    load_sie_file(store, ledger_2024(), source_path="b")
    return store


def test_daily_sums_equal_the_rows() -> None:
    with _store() as store:
        direct = store.fetchall(
            "SELECT p.import_id, p.account, coalesce(p.date, v.date),"
            " sum(p.amount) FILTER (WHERE p.amount > 0), sum(p.amount) FILTER (WHERE p.amount <= 0)"
            " FROM posting p JOIN voucher v USING (import_id, voucher_id)"
            " WHERE p.counted GROUP BY ALL ORDER BY ALL"
        )
        daily = store.fetchall(
            "SELECT import_id, account, day, nullif(debit, 0), nullif(credit, 0)"
            " FROM posting_day ORDER BY ALL"
        )
        assert daily == [tuple(None if v == 0 else v for v in r) for r in direct]
        assert len(daily) > 5
        # hand-computed (tests/statements/ledgers.py): bank 1930 in 2023 moves
        # -60000 + 125000 - 10000 - 2000 around the opening 50000
        bank = store.fetchone(
            "SELECT sum(debit + credit) FROM posting_day WHERE import_id = 1 AND account = '1930'"
        )
        assert bank is not None and bank[0] == D("53000")
        objects = store.fetchall(
            "SELECT object_id, sum(credit) FROM posting_month_object"
            " WHERE import_id = 2 AND dimension = '1' AND account = '3010'"
            " AND month <= DATE '2024-06-30' GROUP BY ALL"
        )
        assert ("81143", D("-40000")) in objects


def test_deleted_with_the_import() -> None:
    with _store() as store:
        with store.transaction():
            store.delete_import(1)
        for table in ("posting_day", "posting_month_object"):
            row = store.fetchone(f"SELECT count(*) FROM {table} WHERE import_id = 1")
            assert row == (0,)
        row = store.fetchone("SELECT count(*) FROM posting_day WHERE import_id = 2")
        assert row is not None and row[0] > 0


def test_store_without_aggregates_is_backfilled() -> None:
    files = [ledger_2023(), ledger_2024()]
    with _store() as store:
        store.execute("DELETE FROM posting_day; DELETE FROM posting_month_object")
        ledger = StoreLedger(store)
        memory = MemoryLedger(files)
        assert ledger.balances(date(2024, 6, 30)) == memory.balances(date(2024, 6, 30))
        h1 = (date(2024, 1, 1), date(2024, 6, 30))
        assert list(ledger.flows(*h1, "1")) == list(memory.flows(*h1, "1"))
        assert ledger.balances(date(2023, 12, 31))["1930"] == D("103000")


def test_first_object_of_each_dimension_both_paths(tmp_path: Path) -> None:
    text = (
        "#FLAGGA 0\n#PROGRAM x 1\n#FORMAT PC8\n#GEN 20240101\n#SIETYP 4\n#FNAMN Test\n"
        "#RAR 0 20240101 20241231\n#KONTO 1930 Bank\n#KONTO 3010 Avgifter\n"
        '#VER A 1 20240105 "Text"\n{\n#TRANS 1930 {} 100.00\n'
        '#TRANS 3010 {6 "1" 1 "a" 1 "b" 20 "6"} -60.00\n'
        '#TRANS 3010 {1 "b"} -40.00 20240107\n}\n'
    )
    path = tmp_path / "objects.se"
    path.write_text(text, encoding="cp437")
    got: dict[str, list[tuple[object, ...]]] = {}
    for method in ("bulk", "reference"):
        with LedgerStore.open(":memory:") as store:
            outcome = import_sie(store, path, method=method)
            assert outcome.method == method and outcome.imported
            got[method] = store.fetchall(
                "SELECT dimension, object_id, account, month, debit, credit, n"
                " FROM posting_month_object ORDER BY ALL"
            )
    jan = date(2024, 1, 1)
    assert (
        got["bulk"]
        == got["reference"]
        == [
            ("1", "a", "3010", jan, D(0), D("-60.00"), 1),
            ("1", "b", "3010", jan, D(0), D("-40.00"), 1),
            ("20", "6", "3010", jan, D(0), D("-60.00"), 1),
            ("6", "1", "3010", jan, D(0), D("-60.00"), 1),
        ]
    )

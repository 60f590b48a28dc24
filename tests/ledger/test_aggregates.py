"""StoreLedger (SQL sums over the store) returns exactly what MemoryLedger returns.

On the Lystkom example (both ledger files imported into a fresh store), on the hand-computed
ledgers of tests/statements, and on hypothesis-generated sets of small SIE files that exercise
the merging rules: several files per fiscal year, years known only from #UB/#RES, #BTRANS and
#RTRANS rows, rows with their own date, objects in two dimensions.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redovisa.ledger.aggregates import StoreLedger, ledger_for_files
from redovisa.ledger.importer import import_sie
from redovisa.ledger.loader import load_sie_file
from redovisa.ledger.store import LedgerStore
from redovisa.render.json import document_json
from redovisa.report.build import build_document
from redovisa.sie import read_sie
from redovisa.sie.records import (
    Account,
    Balance,
    BalanceKind,
    DimensionObject,
    FiscalYearRecord,
    Posting,
    SieFile,
    TransKind,
    Voucher,
)
from redovisa.statements.memory import MemoryLedger

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from statements.ledgers import ledger_2023, ledger_2024  # noqa: E402

ROOT = TESTS.parent
LYSTKOM = ROOT / "examples" / "lystkom-2024-06"
D = Decimal


YEARS = (2021, 2022, 2023, 2024, 2025)
DATES = [date(y, m, d) for y in YEARS for m, d in ((1, 1), (3, 31), (6, 30), (12, 30), (12, 31))]
"""Days that hit year ends, year starts, mid-year and days outside every year."""
RANGES = [
    *((date(y, 1, 1), date(y, 12, 31)) for y in YEARS[:4]),
    *((date(y, 1, 1), date(y, 6, 30)) for y in YEARS[1:4]),
    *((date(y, 4, 1), date(y, 9, 30)) for y in YEARS[1:4]),
    (date(2023, 12, 31), date(2023, 12, 31)),
    (date(2024, 1, 10), date(2024, 2, 20)),  # not whole months: per object from the rows
    (date(2022, 1, 1), date(2024, 12, 31)),
    (date(2023, 1, 1), date(2024, 6, 30)),
    (date(2024, 7, 1), date(2023, 1, 1)),
]
SHORT_DATES = [date(y, m, d) for y in YEARS[1:4] for m, d in ((1, 1), (6, 30), (12, 31))]
SHORT_RANGES = [
    *((date(y, 1, 1), date(y, 12, 31)) for y in YEARS[1:4]),
    (date(2024, 1, 1), date(2024, 6, 30)),
    (date(2023, 4, 1), date(2023, 9, 30)),
    (date(2022, 1, 1), date(2024, 6, 30)),
    (date(2023, 3, 15), date(2024, 2, 14)),
]


def assert_same(
    store_ledger: StoreLedger,
    memory: MemoryLedger,
    dims: Sequence[str],
    dates: Sequence[date] = DATES,
    ranges: Sequence[tuple[date, date]] = RANGES,
) -> None:
    """Every LedgerData answer of the two ledgers is equal (values and keys)."""
    assert store_ledger.conflicts == memory.conflicts
    assert store_ledger.account_names() == memory.account_names()
    assert store_ledger.active_accounts() == memory.active_accounts()
    for dim in dims:
        assert store_ledger.object_names(dim) == memory.object_names(dim), dim
    for day in dates:
        assert store_ledger.fiscal_year(day) == memory.fiscal_year(day), day
        assert store_ledger.balances(day) == memory.balances(day), day
    for start, end in ranges:
        assert store_ledger.covers(start, end) == memory.covers(start, end), (start, end)
        for dim in (None, *dims):
            got, want = (
                list(store_ledger.flows(start, end, dim)),
                list(memory.flows(start, end, dim)),
            )
            assert got == want, (start, end, dim)


@pytest.fixture
def lystkom_store() -> Iterator[LedgerStore]:
    store = LedgerStore.open(":memory:")
    for name in ("ledger-2023.se", "ledger-2024.se"):
        outcome = import_sie(store, LYSTKOM / "data" / name, display_path=f"data/{name}")
        assert outcome.imported, [d.format_text() for d in outcome.diagnostics]
    yield store
    store.close()


def test_lystkom_store_ledger_equals_memory_ledger(lystkom_store: LedgerStore) -> None:
    files = [read_sie(LYSTKOM / "data" / n)[0] for n in ("ledger-2023.se", "ledger-2024.se")]
    memory = MemoryLedger(files, ["data/ledger-2023.se", "data/ledger-2024.se"])
    ledger = StoreLedger(lystkom_store)
    assert_same(ledger, memory, ["1", "6"])
    # real numbers: the ledger balances at the period end and has movements in 2024
    at_end = ledger.balances(date(2024, 6, 30))
    assert sum(at_end.values(), D(0)) == 0
    assert any(f.net for f in ledger.flows(date(2024, 1, 1), date(2024, 6, 30)))
    assert ledger.covers(date(2022, 1, 1), date(2024, 6, 30))


def test_lystkom_report_json_is_the_same(lystkom_store: LedgerStore) -> None:
    memory_doc, memory_diags = build_document(LYSTKOM)
    store_doc, store_diags = build_document(LYSTKOM, ledger=StoreLedger(lystkom_store))
    assert memory_doc is not None and store_doc is not None
    want, got = document_json(memory_doc), document_json(store_doc)
    assert got == want
    assert [d.format_text() for d in store_diags] == [d.format_text() for d in memory_diags]
    tables = {t["id"]: t for t in got["tables"]}
    assert {"resultatrakning", "balansrakning", "driftredovisning"} <= set(tables)


def test_hand_computed_ledgers() -> None:
    files = [ledger_2023(), ledger_2024()]
    with LedgerStore.open(":memory:") as store:
        for n, sie in enumerate(files):
            load_sie_file(store, sie, source_path=f"fil {n + 1}")
        ledger = StoreLedger(store)
        assert_same(ledger, MemoryLedger(files), ["1"])
        # hand-computed (tests/statements/ledgers.py): bank 50000 - 60000 + 125000 - 10000
        # - 2000 in 2023, then - 25000 - 15000 - 30000 + 5000 to 2024-06-30
        assert ledger.balances(date(2023, 12, 31))["1930"] == D("103000")
        assert ledger.balances(date(2024, 6, 30))["1930"] == D("38000")
        flows = {(f.account, f.object_id): f for f in ledger.flows(*_h1(2024), "1")}
        assert flows[("3010", "81143")].credit == D("-40000")
        assert flows[("1930", None)].debit == D("5000")
        assert flows[("1930", None)].credit == D("-70000")


def _h1(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 6, 30)


def test_only_selected_imports_and_their_order() -> None:
    with LedgerStore.open(":memory:") as store:
        load_sie_file(store, ledger_2023(), source_path="a")
        second = ledger_2024()
        second.accounts["1930"] = Account("1930", "Bank andra namnet")
        load_sie_file(store, second, source_path="b")
        only_2024 = StoreLedger(store, [2])
        assert only_2024.fiscal_year(date(2023, 6, 1)) == (date(2023, 1, 1), date(2023, 12, 31))
        assert not only_2024.covers(date(2023, 1, 1), date(2023, 6, 30))
        assert only_2024.account_names()["1930"] == "Bank andra namnet"
        reversed_order = StoreLedger(store, [2, 1])
        assert reversed_order.account_names()["1930"] == "Bank andra namnet"
        assert StoreLedger(store).account_names()["1930"] == "Bank"
        empty = StoreLedger(store, [])
        assert empty.flows(date(2024, 1, 1), date(2024, 12, 31)) == []
        assert empty.balances(date(2024, 6, 30)) == {}
        assert empty.active_accounts() == {}


# -- hypothesis: sets of small files ------------------------------------------------------------

ACCOUNTS = ["1221", "1510", "1930", "2010", "2440", "3010", "5010", "8410"]
OBJ1 = [None, "A", "B"]
OBJ6 = [None, "P1"]
amounts = st.integers(min_value=-9_999, max_value=9_999).map(lambda n: D(n) / 4)
money = amounts.map(lambda a: a.quantize(D("0.01")))
row = st.tuples(
    st.sampled_from(ACCOUNTS),
    money,
    st.sampled_from(OBJ1),
    st.sampled_from(OBJ6),
    st.sampled_from([TransKind.TRANS, TransKind.TRANS, TransKind.RTRANS, TransKind.BTRANS]),
    st.one_of(st.none(), st.integers(min_value=-40, max_value=400)),  # own date offset
)
voucher = st.tuples(st.integers(min_value=-20, max_value=380), st.lists(row, max_size=4))
balances = st.dictionaries(st.sampled_from(ACCOUNTS), money, max_size=3)
sie_file = st.fixed_dictionaries(
    {
        "year": st.sampled_from([2022, 2023, 2024]),
        "org": st.sampled_from(["Org A", "Org B", "Org C"]),
        "vouchers": st.lists(voucher, max_size=6),
        "ib0": balances,
        "ub0": balances,
        "res0": balances,
        "ib1": balances,
        "ub1": balances,
        "res1": balances,
        "name": st.sampled_from(["Namn", "Annat namn"]),
    }
)


def _sie(spec: dict[str, object]) -> SieFile:
    year = spec["year"]
    assert isinstance(year, int)
    start = date(year, 1, 1)
    sie = SieFile(company_name=str(spec["org"]), sie_type="4")
    sie.fiscal_years = [
        FiscalYearRecord(0, start, date(year, 12, 31)),
        FiscalYearRecord(-1, date(year - 1, 1, 1), date(year - 1, 12, 31)),
    ]
    sie.accounts = {a: Account(a, f"{spec['name']} {a}") for a in ACCOUNTS[: 4 + year % 4]}
    sie.objects = {("1", o): DimensionObject("1", o, f"{spec['name']} {o}") for o in ("A", "B")}
    for key, kind, index in (
        ("ib0", BalanceKind.IB, 0),
        ("ub0", BalanceKind.UB, 0),
        ("res0", BalanceKind.RES, 0),
        ("ib1", BalanceKind.IB, -1),
        ("ub1", BalanceKind.UB, -1),
        ("res1", BalanceKind.RES, -1),
    ):
        table = spec[key]
        assert isinstance(table, dict)
        for account, amount in table.items():
            sie.balances.append(Balance(kind, index, account, amount))
    # an object balance and a period balance must not count
    sie.balances.append(Balance(BalanceKind.IB, 0, "1930", D(7), objects=(("1", "A"),)))
    sie.balances.append(Balance(BalanceKind.PSALDO, 0, "1930", D(11), period=f"{year}01"))
    vouchers = spec["vouchers"]
    assert isinstance(vouchers, list)
    for n, (offset, rows) in enumerate(vouchers, start=1):
        postings = []
        for account, amount, o1, o6, kind, own in rows:
            objects = tuple((d, o) for d, o in (("6", o6), ("1", o1)) if o is not None)
            if o1 == "B":  # a second object of dimension 1: the first one counts
                objects += (("1", "A"),)
            own_day = start + timedelta(days=own) if own is not None else None
            postings.append(Posting(account, amount, objects, own_day, kind=kind))
        day = start + timedelta(days=offset)
        sie.vouchers.append(Voucher("A", str(n), day, postings=tuple(postings)))
    return sie


@pytest.fixture(scope="module")
def shared_store() -> Iterator[LedgerStore]:
    store = LedgerStore.open(":memory:")
    yield store
    store.close()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(st.lists(sie_file, min_size=1, max_size=4))
def test_generated_ledgers(shared_store: LedgerStore, specs: list[dict[str, object]]) -> None:
    store = shared_store
    for info in store.imports():
        store.delete_import(info.import_id)
    kept: list[tuple[SieFile, str]] = []
    for n, sie in enumerate(_sie(s) for s in specs):
        name = f"fil {n + 1}"
        load_sie_file(store, sie, source_path=name)
        # the store replaces an earlier import of the same organisation and year
        same = (sie.company_name, sie.fiscal_years[0].start)
        kept = [(f, p) for f, p in kept if (f.company_name, f.fiscal_years[0].start) != same]
        kept.append((sie, name))
    memory = MemoryLedger([f for f, _ in kept], [p for _, p in kept])
    ledger = StoreLedger(store)
    assert_same(ledger, memory, ["1", "6"], SHORT_DATES, SHORT_RANGES)
    ledger.close()


def test_ledger_for_files_imports_once_and_again_when_a_file_changes(tmp_path: Path) -> None:
    paths = []
    for name in ("ledger-2023.se", "ledger-2024.se"):
        target = tmp_path / name
        shutil.copy(LYSTKOM / "data" / name, target)
        os.utime(target, (1_000_000_000, 1_000_000_000))  # older than the database
        paths.append(target)
    db = tmp_path / "store.duckdb"
    with LedgerStore.open(db) as store:
        first = ledger_for_files(store, [*paths, tmp_path / "missing.se"])
        assert first.import_ids == (1, 2)
        assert [i.source_path for i in store.imports()] == [str(p) for p in paths]
    with LedgerStore.open(db) as store:
        again = ledger_for_files(store, paths)
        assert again.import_ids == (1, 2)  # nothing imported again
        os.utime(paths[0])  # the 2023 file changed after the database was written
        changed = ledger_for_files(store, paths)
        assert changed.import_ids == (3, 2)
        assert len(store.imports()) == 2
        with_dims = StoreLedger(store, changed.import_ids, dimensions=["1"])
        files = [read_sie(p)[0] for p in paths]
        memory = MemoryLedger(files, [str(p) for p in paths])
        assert with_dims.flows(*_h1(2024), "1") == memory.flows(*_h1(2024), "1")
        assert with_dims.balances(date(2024, 6, 30)) == memory.balances(date(2024, 6, 30))

"""The native import (C line pass + Arrow) gives exactly what the reference path gives.

Every corpus file and every generated file is imported by both paths; where the native path
takes a file, the diagnostics (codes, lines, messages) and every stored table must be equal.
Where it does not take a file, it must say so (None) and leave the store untouched.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample import sample_sie
from test_bulk import CORPUS_PARAMS, _write, content, sie_files
from test_store import snapshot

from redovisa.ledger import native, native_pass
from redovisa.ledger.importer import import_sie
from redovisa.ledger.store import TABLES, LedgerStore
from redovisa.sie.records import Posting, SieFile, Voucher
from redovisa.sie.writer import sie_to_bytes

pytestmark = pytest.mark.skipif(not native.available(), reason="C pass not built")


@pytest.mark.skipif(not os.environ.get("REDOVISA_REQUIRE_NATIVE"), reason="native not required")
def test_native_pass_is_built() -> None:  # CI sets REDOVISA_REQUIRE_NATIVE: no silent skips
    assert native.available()


_STORES: dict[str, LedgerStore] = {}


def _store(name: str) -> LedgerStore:
    if name not in _STORES:
        _STORES[name] = LedgerStore.open(":memory:")
    return _STORES[name]


def both(path: Path) -> str:
    """Import ``path`` natively (else by the other paths) and by the reader; assert equality."""
    fast, ref = _store("native"), _store("reference")
    a = import_sie(fast, path, display_path=path.name, method="native")
    b = import_sie(ref, path, display_path=path.name, method="reference")
    assert a.diagnostics == b.diagnostics, path.name
    assert a.imported == b.imported, path.name
    if a.counts is not None and b.counts is not None:
        assert (a.counts.vouchers, a.counts.postings) == (b.counts.vouchers, b.counts.postings)
        assert content(fast, a.counts.import_id) == content(ref, b.counts.import_id), path.name
    return a.method


@pytest.mark.parametrize("path", CORPUS_PARAMS)
def test_corpus_file_native_equals_reference(sie_corpus: Path, path: Path) -> None:
    both(path)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sie=sie_files())
def test_generated_files_native_equals_reference(tmp_path: Path, sie: SieFile) -> None:
    both(_write(tmp_path, sie))


def test_sample_file_goes_native(tmp_path: Path) -> None:
    assert both(_write(tmp_path, sample_sie())) == "native"


def test_checksum_verified_and_tampering_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "ks.se"
    path.write_bytes(sie_to_bytes(sample_sie(), checksum=True))
    assert both(path) == "native"
    data = path.read_bytes()
    i = data.index(b"#TRANS")
    j = data.index(b"\r\n", i)
    # one öre more on a row: the checksum no longer matches (and the voucher is off by 0.01)
    row = data[i:j]
    head, amount = row.rsplit(b" ", 1) if b'"' not in row.rsplit(b" ", 1)[1] else (row, b"")
    assert amount, row
    changed = head + b" " + str(Decimal(amount.decode()) + Decimal("0.01")).encode()
    path.write_bytes(data[:i] + changed + data[j:])
    assert both(path) != "native"  # the reader words SIE040


@pytest.mark.parametrize(
    ("name", "body"),
    [
        (
            "brace-on-ver-line",
            "#TRANS 1930 {} 5.00\n#TRANS 3010 {} -5.00\n}\n#VER A 2 20240105 x {\n"
            "#TRANS 1930 {} 1.00\n#TRANS 3010 {} -1.00\n",
        ),
        ("bad-amount", "#TRANS 1930 {} 5,00\n#TRANS 3010 {} -5.00\n"),
        ("bad-date", "#TRANS 1930 {} 5.00 20241399\n#TRANS 3010 {} -5.00\n"),
        ("odd-objects", "#TRANS 1930 {1} 5.00\n#TRANS 3010 {} -5.00\n"),
        ("quote-in-token", '#TRANS 1930 {} 5.00 20240105 a"b\n#TRANS 3010 {} -5.00\n'),
        ("control", "#TRANS 1930 {} 5.00\x01\n#TRANS 3010 {} -5.00\n"),
    ],
)
def test_odd_lines_are_left_to_the_other_paths(tmp_path: Path, name: str, body: str) -> None:
    text = (
        "#FLAGGA 0\n#SIETYP 4\n#FNAMN Test\n#RAR 0 20240101 20241231\n#KONTO 1930 Bank\n"
        f'#KONTO 3010 Intäkt\n#VER A 1 20240105 "x"\n{{\n{body}}}\n'
    )
    path = tmp_path / f"{name}.se"
    path.write_bytes(text.encode("cp437"))
    store = LedgerStore.open(":memory:")
    assert native.native_import(store, path, path.name) is None
    assert all(store.fetchall(f"SELECT count(*) FROM {t}") == [(0,)] for t in TABLES)
    assert both(path) != "native"


def test_object_ids_with_quotes_backslashes_tabs_go_native_as_json(tmp_path: Path) -> None:
    rows = (
        '#TRANS 1930 {1 "a\\"b" 2 "t\tx" 6 "c\\d" 7 "\u00c5ke"} 5.00\n'
        '#TRANS 3010 {1 "a\\"b"} -5.00\n'
    )
    text = (
        "#FLAGGA 0\n#SIETYP 4\n#FNAMN Test\n#RAR 0 20240101 20241231\n#KONTO 1930 Bank\n"
        f'#KONTO 3010 Intäkt\n#VER A 1 20240105 "x"\n{{\n{rows}}}\n'
    )
    path = tmp_path / "escapes.se"
    path.write_bytes(text.encode("cp437"))
    assert both(path) == "native"
    objects = _store("native").fetchall(
        "SELECT objects FROM posting WHERE import_id = (SELECT max(import_id) FROM organisation)"
        " ORDER BY row_no"
    )
    assert objects == [
        ('[["1","a\\"b"],["2","t\\tx"],["6","c\\\\d"],["7","\u00c5ke"]]',),
        ('[["1","a\\"b"]]',),
    ]


def test_errors_are_rolled_back_and_reported_like_the_reader(tmp_path: Path) -> None:
    sie = sample_sie()
    sie.vouchers = [
        *sie.vouchers,
        Voucher("A", "99", date(2024, 3, 1), "obalans", postings=(Posting("1930", Decimal(10)),)),
    ]
    path = _write(tmp_path, sie)
    store = LedgerStore.open(":memory:")
    outcome = import_sie(store, path, method="native")
    assert outcome.method == "native" and not outcome.imported
    assert any(d.code == "SIE021" for d in outcome.diagnostics)
    assert all(store.fetchall(f"SELECT count(*) FROM {t}") == [(0,)] for t in TABLES)
    both(path)


def test_crash_midway_leaves_store_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LedgerStore.open(":memory:")
    path = _write(tmp_path, sample_sie())
    first = import_sie(store, path, method="native")
    assert first.method == "native" and first.counts is not None
    before = snapshot(store)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(native, "_store_totals", crash)
    with pytest.raises(KeyboardInterrupt):
        import_sie(store, path, method="native")
    assert snapshot(store) == before
    monkeypatch.undo()
    again = import_sie(store, path, method="native")
    assert again.counts is not None
    assert [i.import_id for i in store.imports()] == [again.counts.import_id]


def test_many_chunks_give_the_same_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, sample_sie())
    one = LedgerStore.open(":memory:")
    a = import_sie(one, path, method="native")
    monkeypatch.setattr(native_pass, "CHUNK", 64)  # a chunk ends mid-voucher, mid-line
    monkeypatch.setattr(native_pass, "FIRST_CHUNK", 100)
    many = LedgerStore.open(":memory:")
    b = import_sie(many, path, method="native")
    assert a.counts is not None and b.counts is not None
    assert content(one, a.counts.import_id) == content(many, b.counts.import_id)


def test_stashed_rows_spill_to_a_file_and_give_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, sample_sie())
    one = LedgerStore.open(":memory:")
    a = import_sie(one, path, method="native")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(native.tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(native, "STASH_BYTES", 0)  # vouchers and objects go to a file at once
    monkeypatch.setattr(native_pass, "CHUNK", 200)
    monkeypatch.setattr(native_pass, "FIRST_CHUNK", 100)
    many = LedgerStore.open(":memory:")
    b = import_sie(many, path, method="native")
    assert a.counts is not None and b.counts is not None and b.method == "native"
    assert content(one, a.counts.import_id) == content(many, b.counts.import_id)
    assert list(scratch.iterdir()) == []  # the temporary files are gone


def test_interrupt_while_rows_stream_leaves_store_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LedgerStore.open(":memory:")
    path = _write(tmp_path, sample_sie())
    assert import_sie(store, path, method="native").imported
    before = snapshot(store)

    def interrupt(batch: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C while DuckDB pulls the rows

    monkeypatch.setattr(native, "_postings", interrupt)
    with pytest.raises(KeyboardInterrupt):
        import_sie(store, path, method="native")
    assert snapshot(store) == before
    # the connection is as it was: insertion order kept again after the rollback
    assert store.fetchone("SELECT current_setting('preserve_insertion_order')") == (True,)


def test_a_pass_left_unread_stops_when_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, sample_sie())
    monkeypatch.setattr(native_pass, "CHUNK", 64)  # more batches than may wait: the pass blocks
    monkeypatch.setattr(native_pass, "FIRST_CHUNK", 64)
    running = native_pass.start(path)
    assert running is not None
    running.close()
    assert not running._thread.is_alive()


def test_a_started_pass_is_used_and_closed(tmp_path: Path) -> None:
    path = _write(tmp_path, sample_sie())
    running = native_pass.start(path)
    store = LedgerStore.open(":memory:")
    outcome = import_sie(store, path, method="native", started=running)
    assert outcome.method == "native" and outcome.imported
    assert running is not None and not running._thread.is_alive()
    with pytest.raises(RuntimeError):
        next(running.batches())


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    from redovisa.ledger import _native  # type: ignore[attr-defined]

    head = b"#FLAGGA 0\n#VER A 1 20240101\n{\n"
    parser = _native.Parser(None)
    for chunk in (head, data):
        out = parser.feed(chunk, False)
        if out is None:
            assert isinstance(parser.reason, str)
            break
    parser.feed(b"", True)


@settings(max_examples=60, deadline=None)
@given(
    data=st.lists(st.sampled_from([b"#TRANS 1930 {} 5.00", b"x" * 40, b"", b"\r"]), max_size=40),
    first=st.integers(1, 64),
    size=st.integers(1, 64),
)
def test_views_cut_like_chunks_into_one_reused_buffer(
    tmp_path_factory: pytest.TempPathFactory, data: list[bytes], first: int, size: int
) -> None:
    path = tmp_path_factory.mktemp("views") / "f.se"
    path.write_bytes(b"\n".join(data))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(native_pass, "FIRST_CHUNK", first)
        mp.setattr(native_pass, "CHUNK", size)
        expected = list(native_pass.chunks(path))
        got = [(bytes(view), final) for view, final in native_pass.views(path)]
    assert got == expected

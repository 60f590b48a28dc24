"""The bulk import gives exactly what the reference path (SIE reader + loader) gives."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample import sample_sie
from test_store import snapshot
from tests_paths import SIE_CORPUS

from redovisa.ledger import bulk
from redovisa.ledger.importer import import_sie
from redovisa.ledger.scan import scan_file
from redovisa.ledger.store import TABLES, VIEWS, LedgerStore
from redovisa.sie.records import Account, FiscalYearRecord, Posting, SieFile, TransKind, Voucher
from redovisa.sie.writer import sie_to_bytes

SKIP = {"README.md", "LICENSE"}


def content(store: LedgerStore, import_id: int) -> dict[str, list[tuple[object, ...]]]:
    out = {t: store.table_rows(t, import_id) for t in TABLES + VIEWS if t != "organisation"}
    out["organisation"] = [r[1:] for r in store.table_rows("organisation", import_id)]
    return out


_STORES: dict[str, LedgerStore] = {}


def _store(name: str) -> LedgerStore:
    if name not in _STORES:
        _STORES[name] = LedgerStore.open(":memory:")
    return _STORES[name]


def both(path: Path) -> tuple[str, bool]:
    """Import ``path`` by the bulk and the reference path and assert the results are equal."""
    fast, ref = _store("bulk"), _store("reference")
    a = import_sie(fast, path, display_path=path.name, method="bulk")
    b = import_sie(ref, path, display_path=path.name, method="reference")
    assert a.diagnostics == b.diagnostics, path.name
    assert a.imported == b.imported, path.name
    if a.counts is not None and b.counts is not None:
        assert (a.counts.vouchers, a.counts.postings) == (b.counts.vouchers, b.counts.postings)
        assert content(fast, a.counts.import_id) == content(ref, b.counts.import_id), path.name
    return a.method, a.imported


CORPUS = (
    sorted(p for p in SIE_CORPUS.rglob("*") if p.is_file() and p.name not in SKIP)
    if SIE_CORPUS.is_dir()
    else []
)
METHOD_OF: dict[str, str] = {}  # corpus file -> "bulk" or "reference", as the tests saw it
# Every corpus file runs by default; `-m "not slow"` keeps these representative ones (each
# vendor, every encoding, #RTRANS/#BTRANS, #UNDERDIM, objects, errors) for a quick run.
QUICK = {
    "BL0001_typ4.SE",
    "BL0001_typ3.SE",
    "SIE4_Exempelfil_med_underdim.SE",
    "transaktioner_ovnbolag-bad-balance.se",
    "objektsaldo_ovnbolag.se",
    "Sie4.se",
    "Sie4.si",
    "MAMUT_SIE4_EXPORT.SE",
    "magenta_bokföring_SIE4E.se",
    "XE_SIE_4_20151125095119.SE",
    "BLBLOV_SIE4_ISO_8859_15.SI",
    "BLBLOV_SIE4_UTF_8_with_empty_voucher.SE",
    "BLBLOV_SIE4_UTF_8_IMBALANCED.SI",
    "Arousells_Visning_AB.SE",
    "Quotes_test.si",
    "SIE_test_av_KST_projekt_Testbolaget_e_-_kopia.SE",
    "Transaktioner_per_Z-rapport.se",
    "Sie1.se",
}
CORPUS_PARAMS = [
    pytest.param(
        p, id=f"{p.parent.name}/{p.name}", marks=[] if p.name in QUICK else [pytest.mark.slow]
    )
    for p in CORPUS
]


@pytest.mark.parametrize("path", CORPUS_PARAMS)
def test_corpus_file_bulk_equals_reference(sie_corpus: Path, path: Path) -> None:
    method, _imported = both(path)
    METHOD_OF[str(path)] = method


@pytest.mark.slow
def test_most_of_the_corpus_takes_the_bulk_path(sie_corpus: Path) -> None:
    # with pytest-xdist another worker may have run some of the files: import those again here
    methods = {str(p): METHOD_OF.get(str(p)) or both(p)[0] for p in CORPUS}
    taken = [name for name, method in methods.items() if method == "bulk"]
    # the rest (#KSUMMA files, odd voucher lines) goes the reference way
    assert len(taken) > 80


def _write(tmp_path: Path, sie: SieFile, name: str = "gen.se") -> Path:
    path = tmp_path / name
    path.write_bytes(sie_to_bytes(sie, checksum=False))
    return path


def test_sample_file_goes_bulk_and_matches(tmp_path: Path) -> None:
    method, imported = both(_write(tmp_path, sample_sie()))
    assert (method, imported) == ("bulk", True)


def test_blank_lines_crlf_and_utf8_keep_line_numbers(tmp_path: Path) -> None:
    text = (
        "#FLAGGA 0\r\n#PROGRAM x 1\r\n#FORMAT PC8\r\n#GEN 20240101\r\n#SIETYP 4\r\n"
        '#FNAMN "Åbo kommunalförbund"\r\n#RAR 0 20240101 20241231\r\n#KONTO 1930 Bank\r\n'
        '#KONTO 3010 Intäkt\r\n\r\n#VER A 1 20240105 "Första åäö"\r\n{\r\n'
        '   #TRANS 1930 {} 100.00\r\n\r\n   #TRANS 3010 {1 "Ö 1"} -99.00\r\n}\r\n'
    )
    path = tmp_path / "crlf.se"
    path.write_bytes(text.encode("utf-8"))
    scan = scan_file(path)
    assert (scan.crlf, scan.encoding, scan.first_non_ascii_line) == (True, "utf-8", 6)
    store = LedgerStore.open(":memory:")
    outcome = import_sie(store, path, method="bulk")
    assert outcome.method == "bulk"
    assert [(d.code, d.where.line) for d in outcome.diagnostics if d.where] == [  # type: ignore[union-attr]
        ("SIE002", 6),
        ("SIE021", 11),
    ]
    assert not outcome.imported
    both(path)


def test_failed_bulk_store_leaves_store_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LedgerStore.open(":memory:")
    path = _write(tmp_path, sample_sie())
    first = import_sie(store, path, method="bulk")
    assert first.method == "bulk"
    before = snapshot(store)
    real = bulk.bulk_store

    def crash(*args: object) -> object:
        real(*args)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr("redovisa.ledger.importer.bulk_store", crash)
    with pytest.raises(KeyboardInterrupt):
        import_sie(store, path, method="bulk")
    assert snapshot(store) == before
    monkeypatch.undo()
    again = import_sie(store, path, method="bulk")
    assert again.counts is not None
    assert [i.import_id for i in store.imports()] == [again.counts.import_id]


# -- generated files -------------------------------------------------------------------------
_TEXT = st.text(alphabet='abcÅÄÖåäö "\\{}#-.1', max_size=12).filter(lambda s: not s.endswith("\\"))
_AMOUNT = st.integers(-(10**9), 10**9).map(lambda c: Decimal(c).scaleb(-2))
_ACCOUNTS = ["1930", "2440", "3010", "5010", "9999"]  # 9999 is not declared
_KINDS = st.sampled_from([TransKind.TRANS, TransKind.TRANS, TransKind.RTRANS, TransKind.BTRANS])


@st.composite
def postings(draw: st.DrawFn) -> Posting:
    objects = draw(
        st.lists(st.tuples(st.sampled_from(["1", "6", "20"]), _TEXT), max_size=2).map(tuple)
    )
    return Posting(
        account=draw(st.sampled_from(_ACCOUNTS)),
        amount=draw(_AMOUNT),
        objects=objects,
        date=draw(st.none() | st.dates(date(2023, 12, 1), date(2024, 12, 31))),
        text=draw(st.none() | _TEXT.filter(bool)),
        quantity=draw(st.none() | st.decimals(-1000, 1000, places=3)),
        kind=draw(_KINDS),
    )


@st.composite
def sie_files(draw: st.DrawFn) -> SieFile:
    sie = SieFile(flag=0, program="gen", program_version="1", format="PC8", sie_type="4")
    sie.generated = date(2025, 1, 1)
    sie.company_name = draw(_TEXT.filter(bool))
    sie.fiscal_years = [FiscalYearRecord(0, date(2024, 1, 1), date(2024, 12, 31))]
    for acc in _ACCOUNTS[:-1]:
        sie.accounts[acc] = Account(acc, f"Konto {acc}")
    n = draw(st.integers(0, 6))
    vouchers = []
    for i in range(n):
        rows = draw(st.lists(postings(), max_size=4))
        if rows and draw(st.booleans()):  # balance it
            total = sum((p.amount for p in rows if p.counts), Decimal(0))
            rows.append(Posting("1930", -total))
        series = draw(st.sampled_from(["A", "B", "Lön 1"]))
        number = str(draw(st.integers(1, 4)) if draw(st.booleans()) else i + 1)
        day = date(2024, 1, 1) + timedelta(days=draw(st.integers(-40, 400)))
        vouchers.append(Voucher(series, number, day, draw(st.none() | _TEXT), postings=tuple(rows)))
    sie.vouchers = vouchers
    return sie


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sie=sie_files())
def test_generated_files_bulk_equals_reference(tmp_path: Path, sie: SieFile) -> None:
    both(_write(tmp_path, sie))

"""The shared corpus of real SIE files (../shared/sie-corpus): read all, judge the known ones."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.sie import SieStream, read_sie
from redovisa.sie.records import TransKind

SUFFIXES = {".se", ".si", ".sie"}


def _files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*/*") if p.suffix.lower() in SUFFIXES)


def _codes(corpus: Path, name: str) -> Counter[str]:
    _doc, diags = read_sie(corpus / name)
    return Counter(d.code for d in diags)


def test_every_corpus_file_reads_without_a_crash(sie_corpus: Path) -> None:
    files = _files(sie_corpus)
    assert len(files) >= 100
    for path in files:
        doc, diags = read_sie(path)
        assert doc.encoding is not None, path
        assert "SIE001" not in {d.code for d in diags}, path  # every one is an SIE file
        assert all(d.where is not None for d in diags)


GOOD = [
    "jsisie/transaktioner_ovnbolag.se",
    "jsisie/BL0001_typ1.SE",
    "jsisie/BL0001_typ4.SE",
    "jsisie/MAMUT_SIE4_EXPORT.SE",
    "jsisie/Test4.SE",
    "jsisie/typ4.se",
    "jsisie/Bokslut_Norstedts_SIE_4E.se",
    "jsisie/Norstedts_Bokslut_SIE_1.se",
    "jsisie/Norstedts_Bokslut_SIE_4I.si",
    "jsisie/Norstedts_Revision_SIE_1.SE",
    "jsisie/Sie1.se",
    "sie4j/BLBLOV_SIE4.SE",
    "sie4j/BLBLOV_SIE4_UTF_8_1.SE",
]


@pytest.mark.parametrize("name", GOOD)
def test_known_good_files_have_no_errors(sie_corpus: Path, name: str) -> None:
    _doc, diags = read_sie(sie_corpus / name)
    assert [d.format_text() for d in diags if d.is_error] == []


def test_invariants_hold_in_the_clean_4e_export(sie_corpus: Path) -> None:
    doc, diags = read_sie(sie_corpus / "jsisie/transaktioner_ovnbolag.se")
    assert diags == []
    assert len(doc.vouchers) == 163
    assert all(v.total() == 0 for v in doc.vouchers)


def test_bad_balance_twin_is_found(sie_corpus: Path) -> None:
    _doc, diags = read_sie(sie_corpus / "jsisie/transaktioner_ovnbolag-bad-balance.se")
    bad = [d for d in diags if d.code == "SIE021"]
    assert len(bad) == 1
    assert "-12771.00" in bad[0].message
    assert getattr(bad[0].where, "line", None) == 3905


def test_rtrans_and_btrans_in_bl0001(sie_corpus: Path) -> None:
    doc, diags = read_sie(sie_corpus / "jsisie/BL0001_typ4.SE")
    kinds = Counter(p.kind for v in doc.vouchers for p in v.postings)
    assert (kinds[TransKind.RTRANS], kinds[TransKind.BTRANS]) == (6, 3)
    assert "SIE027" not in {d.code for d in diags}
    assert all(v.total() == 0 for v in doc.vouchers)


def test_ib_plus_movements_equal_ub_in_bl0001(sie_corpus: Path) -> None:
    _doc, diags = read_sie(sie_corpus / "jsisie/BL0001_typ4.SE")
    assert not {"SIE025", "SIE026"} & {d.code for d in diags}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("sie4j/BLBLOV_SIE4_UTF_8_IMBALANCED.SI", "SIE021"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_imbalanced_voucher.SE", "SIE021"),
        ("sie4j/BLBLOV_SIE4_UTF_8_MISSING_ACCOUNTS.SE", "SIE022"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_missing_voucher_date.SI", "SIE013"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_empty_voucher_date.SI", "SIE013"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_iso_voucher_date.SI", "SIE013"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_erroneous_voucher_date.SI", "SIE013"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_critical_voucher_date_error.SI", "SIE013"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_non_numeric_account_number.SE", "SIE016"),
        ("sie4j/BLBLOV_SIE2_UTF_8_with_non_numeric_account_number.SE", "SIE016"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_empty_voucher.SE", "SIE028"),
        ("sie4j/BLBLOV_SIE1_erroneous_leap_year.SE", "SIE029"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_unparseable_taxar.SE", "SIE015"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_missing_company_name.SI", "SIE005"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_missing_account_numbers.SE", "SIE010"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_missing_account_numbers_in_transaction.SI", "SIE010"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_faulty_transaction.SI", "SIE010"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_missing_account_balance.SE", "SIE010"),
        ("sie4j/BLBLOV_SIE4_UTF_8_with_missing_voucher_series.SE", "SIE013"),
        ("jsisie/SIE4_Exempelfil_med_underdim.SE", "SIE003"),
        ("sie4j/SIE_with_missing_program_version.se", "SIE005"),
    ],
)
def test_broken_files_give_the_matching_code(sie_corpus: Path, name: str, code: str) -> None:
    assert code in _codes(sie_corpus, name)


@pytest.mark.parametrize(
    ("name", "encoding", "company"),
    [
        ("sie4j/BLBLOV_SIE4.SE", "cp437", "Övningsföretaget AB"),
        ("sie4j/BLBLOV_SIE4_UTF_8_1.SE", "utf-8", "Övningsföretaget AB"),
        ("sie4j/BLBLOV_SIE4_ISO_8859_15.SE", "iso-8859-1", "Övningsföretaget AB"),
        (
            "sie4j/BLBLOV_SIE4_ISO_8859_15.SI",
            "iso-8859-1",
            "Övningsbolaget",
        ),  # unquoted: "AB" is a 2nd field
    ],
)
def test_same_company_in_three_encodings_reads_the_same(
    sie_corpus: Path, name: str, encoding: str, company: str
) -> None:
    doc, diags = read_sie(sie_corpus / name)
    assert doc.encoding == encoding
    assert ("SIE002" in {d.code for d in diags}) == (encoding != "cp437")
    texts = [doc.company_name or ""] + [a.name for a in doc.accounts.values()]
    texts += [v.text or "" for v in doc.vouchers]
    joined = " ".join(texts)
    assert doc.company_name == company
    assert "Ã" not in joined and "┼" not in joined and "\ufffd" not in joined
    assert "Försäljning" in joined


def test_utf8_file_with_replacement_characters(sie_corpus: Path) -> None:
    doc, diags = read_sie(sie_corpus / "jsisie/SIE4_Exempelfil_med_underdim.SE")
    assert doc.encoding == "utf-8"
    assert doc.flag == 1
    assert any(d.parent for d in doc.dimensions.values())
    assert doc.company_id is not None and "\\ProgramData\\" in doc.company_id
    assert Counter(d.code for d in diags) == Counter({"SIE002": 1, "SIE003": 1})


def test_stream_and_read_agree_on_a_corpus_file(sie_corpus: Path) -> None:
    path = sie_corpus / "jsisie/Bokslut_Norstedts_SIE_4E.se"
    stream = SieStream(path)
    rows = sum(len(v.postings) for v in stream.vouchers())
    doc, diags = read_sie(path)
    assert rows == sum(len(v.postings) for v in doc.vouchers)
    assert stream.diagnostics == diags
    total = sum((b.amount for b in doc.balances if b.kind == "UB" and b.year == 0), Decimal(0))
    total += sum((b.amount for b in doc.balances if b.kind == "RES" and b.year == 0), Decimal(0))
    assert total == 0  # the balance sheet balances once the result is added

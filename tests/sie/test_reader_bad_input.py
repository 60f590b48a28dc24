"""Bad input never raises: it gives diagnostics."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reader_support import HEADER

from redovisa.sie import parse_sie_bytes, parse_sie_text, read_sie


def _codes(data: bytes) -> list[str]:
    return [d.code for d in parse_sie_bytes(data)[1]]


def test_empty_file() -> None:
    doc, diags = parse_sie_bytes(b"")
    assert [d.code for d in diags] == ["SIE001"]
    assert "tom" in diags[0].message
    assert doc.vouchers == []


def test_blank_lines_only() -> None:
    assert _codes(b"\n\n  \r\n") == ["SIE001"]


def test_binary_file() -> None:
    assert _codes(bytes(range(256)) * 40) == ["SIE001"]


def test_pdf_renamed_to_se() -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"x" * 100
    assert _codes(pdf) == ["SIE001"]


def test_html_page_saved_as_se() -> None:
    html = b"<!DOCTYPE html>\n<html><head><style>\n#main { color: red }\n" + b"<p>404</p>\n" * 30
    assert _codes(html) == ["SIE001"]


def test_csv_file_that_claims_to_be_sie() -> None:
    text = "konto;belopp\n" + "".join(f"{n};{n}.00\n" for n in range(1000, 1100))
    assert _codes(text.encode()) == ["SIE001"]


def test_header_only_file() -> None:
    assert _codes(HEADER.encode("cp437")) == ["SIE007"]


def test_junk_before_first_record_is_reported_not_fatal() -> None:
    doc, diags = parse_sie_bytes(b"Export fr\x86n systemet\n" + HEADER.encode("cp437"))
    assert [d.code for d in diags] == ["SIE007", "SIE010"]  # file-level first, then by line
    assert getattr(diags[1].where, "line", None) == 1
    assert doc.company_name == "Testkommunen"


def test_file_that_lies_about_its_type() -> None:
    text = HEADER.replace("#SIETYP 4", "#SIETYP 7") + "#PSALDO 0 202401 1930 {} 5\n"
    doc, diags = parse_sie_text(text)
    assert doc.sie_type == "7"
    assert "SIE010" in [d.code for d in diags]


def test_truncated_file_mid_voucher() -> None:
    text = HEADER + '#VER A 1 20240105 "x"\n{\n#TRANS 1930 {1 "1'
    doc, diags = parse_sie_text(text)
    assert {d.code for d in diags} == {"SIE012"}
    assert len(doc.vouchers) == 1


def test_nul_bytes_inside_text_lines() -> None:
    data = HEADER.encode("cp437") + b"#PROSA a\x00b\n" * 1 + b"#KONTO 1 x\n" * 2000
    _doc, diags = parse_sie_bytes(data)
    assert "SIE019" in [d.code for d in diags]


def test_utf16_file_is_decoded() -> None:
    doc, diags = parse_sie_bytes(HEADER.encode("utf-16"))
    assert doc.company_name == "Testkommunen"
    assert doc.encoding == "utf-16"
    assert [d.code for d in diags] == ["SIE007", "SIE002"]


def test_diagnostics_are_capped_per_code() -> None:
    text = HEADER + "#TRANS 1930 {} 1\n" * 1500
    _doc, diags = parse_sie_text(text)
    outside = [d for d in diags if d.code == "SIE020"]
    assert len(outside) == 1001
    assert "ytterligare 500" in outside[-1].message


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    doc, diags = parse_sie_bytes(data)
    assert isinstance(diags, list)
    assert doc.vouchers is not None


SNIPPETS = [
    "#FLAGGA 0",
    "#KSUMMA",
    "#KSUMMA 12",
    "#VER A 1 20240101 x",
    "#VER",
    "{",
    "}",
    "#TRANS",
    "#TRANS 1930 {} 1",
    "#TRANS 1930 {1 ",
    '#TRANS 1930 {1 "2"} x',
    "#RTRANS 1930 {} 1",
    "#BTRANS 3010 {} 1",
    "#RAR 0 20240101 20231231",
    "#RAR x",
    "#IB 0 1930 5",
    "#UB 0 1930",
    "#OIB 0 1930 {1 2} 3",
    "#PSALDO 0 202401 1930 {} 1",
    "#PBUDGET",
    '#KONTO 1930 "B',
    "#KTYP 1930 Q",
    "#DIM 1 a",
    "#UNDERDIM 2 b",
    "#OBJEKT 1",
    "#SRU",
    "#ADRESS",
    "#ORGNR",
    "\x00",
    "\ufffd",
    "åäö",
    '"',
    "\\",
    "#",
    "  \t",
    "#FORMAT X",
    "#SIETYP",
    "#GEN 2024",
    "#OMFATTN x",
    "#TAXAR",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SNIPPETS), max_size=30), st.sampled_from(["cp437", "utf-8"]))
def test_random_record_soup_never_raises(lines: list[str], encoding: str) -> None:
    text = "\n".join(lines)
    parse_sie_bytes(text.encode(encoding, errors="replace"))
    parse_sie_text(text)


def test_every_corpus_byte_flip_is_survived(sie_corpus: Path) -> None:
    rnd = random.Random(7)
    data = (sie_corpus / "jsisie" / "BL0001_typ4.SE").read_bytes()
    for _ in range(30):
        b = bytearray(data)
        for _ in range(20):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        parse_sie_bytes(bytes(b))


def test_large_streamed_input_is_not_read_whole(tmp_path: Path) -> None:
    """A file is read in chunks: reading stops early for non-SIE input however big it is."""
    path = tmp_path / "stor.se"
    with path.open("wb") as f:
        f.write(b"inte sie\n" * 50)
        f.truncate(3 * 1024 * 1024 * 1024)  # sparse 3 GB
    _doc, diags = read_sie(path)
    assert [d.code for d in diags] == ["SIE001"]


def test_overlong_line_is_cut_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redovisa.sie.parser as parser_module
    from redovisa.sie import encoding

    monkeypatch.setattr(encoding, "MAX_LINE", 1000)
    monkeypatch.setattr(parser_module, "CHUNK_SIZE", 256)
    path = tmp_path / "lang.se"
    ascii_header = HEADER.replace("ö", "o").replace("ä", "a").encode("ascii")
    path.write_bytes(ascii_header + b"#PROSA " + b"x" * 5000 + b"\n#KONTO 1234 Sist\n")
    doc, diags = read_sie(path)
    assert doc.prosa == "x" * (1000 - len("#PROSA "))
    assert doc.accounts["1234"].name == "Sist"
    assert doc.accounts["1234"].line == HEADER.count("\n") + 2
    assert "SIE010" in [d.code for d in diags]


@pytest.mark.parametrize("suffix", [".se", ".SE", ".Se", ".si", ".SI", ".sie", ".SIE", ".txt"])
def test_any_file_name_is_read_by_content(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"fil{suffix}"
    path.write_bytes(HEADER.encode("cp437"))
    doc, _ = read_sie(path)
    assert doc.company_name == "Testkommunen"

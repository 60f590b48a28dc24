"""Encoding detection and incremental decoding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.sie import parse_sie_bytes
from redovisa.sie.encoding import (
    CP437,
    CP1252,
    LATIN1,
    LATIN9,
    UTF8,
    LineDecoder,
    detect,
    iter_chunks,
    looks_binary,
)

SWEDISH = '#FNAMN "Räksmörgås Åre Östersund"\n#KONTO 3010 "Försäljning"\n'


def test_detect_each_encoding() -> None:
    assert detect(SWEDISH.encode("cp437")) == CP437
    assert detect(SWEDISH.encode("utf-8")) == UTF8
    assert detect(SWEDISH.encode("latin-1")) == LATIN1
    assert detect((SWEDISH + "€").encode("iso-8859-15")) == LATIN9
    assert detect((SWEDISH + "–").encode("cp1252")) == CP1252
    assert detect(b"#FLAGGA 0\n") == CP437
    assert detect(b"\xef\xbb\xbf#FLAGGA 0\n") == UTF8


def test_utf8_cut_inside_a_character_is_still_utf8() -> None:
    data = SWEDISH.encode("utf-8")
    cut = data.index("ä".encode()) + 1
    assert detect(data[:cut]) == UTF8


def _decode(data: bytes, size: int) -> tuple[list[tuple[int, str]], LineDecoder]:
    dec = LineDecoder()
    return list(dec.lines(iter_chunks(data, size))), dec


def test_lines_are_numbered_and_line_ends_removed() -> None:
    lines, dec = _decode(b"#FLAGGA 0\r\n\r\n#FNAMN x\n#GEN 20240101", 4)
    assert lines == [(1, "#FLAGGA 0"), (2, ""), (3, "#FNAMN x"), (4, "#GEN 20240101")]
    assert dec.encoding == CP437


def test_first_non_ascii_line_is_found() -> None:
    data = ("#FLAGGA 0\n" * 3 + SWEDISH).encode("utf-8")
    _lines, dec = _decode(data, 7)
    assert dec.encoding == UTF8
    assert dec.first_non_ascii_line == 4


def test_mixed_file_falls_back_to_windows_1252_for_bad_bytes() -> None:
    data = '#FNAMN "Räksmörgås"\n'.encode() + '#PROSA "Östra"\n'.encode("cp1252")
    lines, dec = _decode(data, 1 << 20)
    assert dec.encoding == UTF8
    assert lines[1] == (2, '#PROSA "Östra"')
    assert dec.foreign_bytes == 1
    assert dec.first_foreign_line == 2


def test_binary_is_recognised() -> None:
    assert looks_binary(b"%PDF-1.4\n\x00\x01\x02")
    assert looks_binary(bytes(range(32)) * 10)
    assert not looks_binary(SWEDISH.encode("cp437"))
    lines, dec = _decode(b"\x00\x00\x00#FLAGGA 0\n", 10)
    assert lines == []
    assert dec.binary


@settings(max_examples=60)
@given(
    st.lists(st.text(alphabet='abc åäöÅÄÖé#{}"\t', max_size=20), min_size=1, max_size=12),
    st.sampled_from(["utf-8", "cp437", "latin-1"]),
    st.integers(min_value=1, max_value=17),
    st.sampled_from(["\n", "\r\n"]),
)
def test_chunk_size_never_changes_the_lines(
    texts: list[str], encoding: str, size: int, eol: str
) -> None:
    text = '#FNAMN "Räksmörgås"' + eol + eol.join(texts) + eol
    data = text.encode(encoding)
    whole, dec_whole = _decode(data, len(data))
    pieces, dec_pieces = _decode(data, size)
    assert pieces == whole
    assert dec_pieces.encoding == dec_whole.encoding
    assert [line for _, line in whole] == text.split(eol)[:-1]


def test_swedish_letters_decode_right_in_every_encoding() -> None:
    for encoding in ("cp437", "utf-8", "latin-1", "iso-8859-15", "cp1252"):
        text = "#FLAGGA 0\n#FORMAT PC8\n" + SWEDISH
        sie, diags = parse_sie_bytes(text.encode(encoding))
        assert sie.company_name == "Räksmörgås Åre Östersund", encoding
        assert sie.accounts["3010"].name == "Försäljning"
        warned = [d for d in diags if d.code == "SIE002"]
        assert bool(warned) == (encoding != "cp437"), encoding
        if warned:
            assert warned[0].where is not None
            assert "PC8" in warned[0].message


def test_encoding_is_kept_in_the_file() -> None:
    sie, _ = parse_sie_bytes(("#FLAGGA 0\n" + SWEDISH).encode("utf-8"))
    assert sie.encoding == UTF8
    sie, _ = parse_sie_bytes(b"#FLAGGA 0\n")
    assert sie.encoding == CP437


def test_declared_non_pc8_gives_sie006_not_sie002() -> None:
    sie, diags = parse_sie_bytes(("#FLAGGA 0\n#FORMAT UTF8\n" + SWEDISH).encode("utf-8"))
    found = [d.code for d in diags]
    assert "SIE006" in found
    assert "SIE002" not in found
    assert sie.company_name == "Räksmörgås Åre Östersund"


def test_utf8_bom_is_dropped() -> None:
    sie, diags = parse_sie_bytes(b"\xef\xbb\xbf#FLAGGA 0\n#FNAMN x\n")
    assert sie.flag == 0
    assert "SIE004" not in [d.code for d in diags]

"""One parser behind every entry point; streaming keeps memory flat."""

from __future__ import annotations

import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest
from reader_support import HEADER

from redovisa.core.errors import InputError
from redovisa.sie import SieStream, parse_lines, parse_sie_bytes, parse_sie_text, read_sie

BODY = """\
#IB 0 1930 1000.00
#UB 0 1930 1100.00
#RES 0 3010 -100.00
#VER A 1 20240105 "Försäljning"
{
#TRANS 1930 {1 "10"} 100.00
#TRANS 3010 {} -100.00
}
#VER A 2 20240106 "Fel"
{
#TRANS 1930 {} 5.00
#TRANS 3010 {} -5.00
#TRANS 1930 {} 1.00
}
"""
TEXT = HEADER + BODY


def test_every_entry_point_gives_the_same_result(tmp_path: Path) -> None:
    path = tmp_path / "a.se"
    path.write_bytes(TEXT.encode("cp437"))
    by_path = read_sie(path, display_path="a.se")
    by_bytes = parse_sie_bytes(TEXT.encode("cp437"), path="a.se")
    by_text = parse_sie_text(TEXT, path="a.se")
    assert by_path == by_bytes
    assert by_path[0] == by_text[0]
    assert by_path[1] == by_text[1]
    assert [d.code for d in by_path[1]] == ["SIE025", "SIE026", "SIE021"]


def test_stream_yields_vouchers_and_keeps_header_without_them(tmp_path: Path) -> None:
    path = tmp_path / "a.se"
    path.write_bytes(TEXT.encode("cp437"))
    stream = SieStream(path, display_path="visad.se")
    got = list(stream.vouchers())
    assert [v.number for v in got] == ["1", "2"]
    assert stream.header.vouchers == []
    assert stream.header.company_name == "Testkommunen"
    assert len(stream.header.balances) == 3
    full, diags = read_sie(path, display_path="visad.se")
    assert stream.diagnostics == diags
    assert full.vouchers == got
    assert all(getattr(d.where, "path", None) == "visad.se" for d in diags)


def test_parse_lines_without_vouchers_does_not_judge_balances() -> None:
    lines = [(n, line) for n, line in enumerate(TEXT.splitlines(), 1) if "TRANS" not in line]
    lines = [(n, line) for n, line in lines if not line.startswith(("#VER", "{", "}"))]
    doc, diags = parse_lines(lines, path="x.se")
    assert diags == []
    assert doc.vouchers == []
    assert doc.balances[1].line == HEADER.count("\n") + 2


def test_parse_lines_fills_a_given_file_and_keeps_line_numbers() -> None:
    doc, _ = parse_sie_text(HEADER + "#IB 0 1930 5\n#UB 0 1930 7\n")
    rows = [
        (100, '#VER A 9 20240105 "x"'),
        (101, "{"),
        (102, "#TRANS 1930 {} 1\r"),
        (103, "#TRANS 3010 {} -1"),
        (104, "}"),
    ]
    same, diags = parse_lines(rows, path="x.se", sie=doc)
    assert same is doc
    assert [d.code for d in diags] == ["SIE025"]  # IB 5 + 1 != UB 7; undeclared: none
    assert doc.vouchers[0].line == 100
    assert [p.line for p in doc.vouchers[0].postings] == [102, 103]


def test_parse_lines_skips_checksum_work() -> None:
    lines = enumerate(("#FLAGGA 0\n#KSUMMA\n" + HEADER[10:] + "#KSUMMA 1\n").splitlines(), 1)
    doc, diags = parse_lines(lines, path="x.se")
    assert doc.has_checksum
    assert doc.checksum == 1
    assert not [d for d in diags if d.code in {"SIE040", "SIE041"}]


def test_unreadable_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_sie(tmp_path / "saknas.se")
    with pytest.raises(InputError):
        read_sie(tmp_path)


def _big_file(path: Path, vouchers: int, rows: int) -> None:
    with path.open("w", encoding="cp437") as f:
        f.write(HEADER)
        for v in range(1, vouchers + 1):
            f.write(f'#VER A {v} 20240105 "Ver {v}"\n{{\n')
            for r in range(rows // 2):
                f.write(f'\t#TRANS 1930 {{1 "{r % 50}"}} {r}.25 20240105 "Rad {r}"\n')
                f.write(f"\t#TRANS 3010 {{}} -{r}.25\n")
            f.write("}\n")


def _peak(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        stream = SieStream(path)
        total = Decimal(0)
        count = 0
        for v in stream.vouchers():
            count += len(v.postings)
            total += v.total()
        assert total == 0
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streaming_memory_does_not_grow_with_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redovisa.sie.parser as parser_module

    monkeypatch.setattr(parser_module, "CHUNK_SIZE", 1 << 16)
    small, large = tmp_path / "small.se", tmp_path / "large.se"
    _big_file(small, 40, 200)
    _big_file(large, 40, 1000)
    rows_small, peak_small = _peak(small)
    rows_large, peak_large = _peak(large)
    assert (rows_small, rows_large) == (8000, 40000)
    # 32 000 more rows would take several MB if kept; streaming holds one voucher at a time
    assert peak_large - peak_small < 1_000_000, (peak_small, peak_large)


def test_balance_checks_alone_for_rows_summed_elsewhere() -> None:
    from redovisa.sie.validate import balance_diagnostics

    doc, _ = parse_sie_text(HEADER + BODY.split("#VER", maxsplit=1)[0])
    ok = balance_diagnostics(doc, {"1930": Decimal(100), "3010": Decimal(-100)}, "x.se")
    assert ok == []
    off = balance_diagnostics(doc, {"1930": Decimal(90), "3010": Decimal(-100)}, "x.se")
    assert [d.code for d in off] == ["SIE025"]
    assert "skillnad 10.00" in off[0].message


def test_stream_can_be_read_twice(tmp_path: Path) -> None:
    path = tmp_path / "a.se"
    path.write_bytes(TEXT.encode("cp437"))
    stream = SieStream(path)
    first = list(stream.vouchers())
    first_diags = stream.diagnostics
    second = list(stream.vouchers())
    assert first == second
    assert stream.diagnostics == first_diags
    assert len(stream.header.balances) == 3

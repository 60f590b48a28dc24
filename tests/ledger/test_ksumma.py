"""The streaming #KSUMMA check gives exactly the reader's CRC (corpus files and tampered copies)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redovisa.ledger.ksumma import check_ksumma
from redovisa.ledger.scan import scan_file
from redovisa.sie.parser import SieStream

_MISMATCH = re.compile(r"filens innehåll ger (\d+)")


def _reader(path: Path) -> tuple[int | None, bool]:
    """The reader's CRC of ``path`` and whether it verified."""
    stream = SieStream(path)
    for _ in stream.vouchers():
        pass
    for d in stream.diagnostics:
        m = _MISMATCH.search(d.message)
        if m is not None:
            return int(m.group(1)), False
    return stream.header.checksum, stream.header.checksum is not None


def _fast(path: Path) -> tuple[int, bool]:
    scan = scan_file(path)
    check = check_ksumma(path, scan.encoding, scan.bom)
    return check.crc, check.verified


def _corpus_files(corpus: Path) -> list[Path]:
    return sorted(
        p for p in corpus.glob("*/*") if p.is_file() and b"#KSUMMA" in p.read_bytes().upper()
    )


def _tampered(data: bytes) -> list[bytes]:
    """Copies of ``data`` changed in ways that do and do not change the checksum."""
    lines = data.split(b"\n")
    out: list[bytes] = []
    for n, line in enumerate(lines):
        if line.lstrip().upper().startswith((b"#TRANS", b"#VER", b"#KONTO", b"#IB")):
            changed = list(lines)
            if b'"' in line:
                changed[n] = line.replace(b'"', b'"X', 1)  # a character inside quotes
            else:
                changed[n] = re.sub(rb"[0-9](?=[^0-9]*$)", b"7", line, count=1)
            out.append(b"\n".join(changed))
            spaced = list(lines)
            spaced[n] = line.replace(b" ", b"  \t ", 2)  # separators only: same checksum
            out.append(b"\n".join(spaced))
            braced = list(lines)
            braced[n] = line.replace(b" ", b' {1 "a b"} ', 1)  # an object list with quotes
            out.append(b"\n".join(braced))
            if len(out) >= 12:
                break
    quoted = data.replace(b"\n#KONTO", b'\n#KONTO "x\\"y" z', 1)  # an escaped quote
    out.append(quoted)
    return out


def test_corpus_checksums_as_reader(sie_corpus: Path, tmp_path: Path) -> None:
    files = _corpus_files(sie_corpus)
    assert len(files) >= 5
    for path in files:
        crc, ok = _fast(path)
        assert (crc, ok) == _reader(path), path.name
        assert ok, path.name
        for n, data in enumerate(_tampered(path.read_bytes())):
            copy = tmp_path / f"{path.stem}-{n}.se"
            copy.write_bytes(data)
            assert _fast(copy) == _reader(copy), (path.name, n)


def test_tampered_amount_fails(sie_corpus: Path, tmp_path: Path) -> None:
    path = sie_corpus / "jsisie" / "Bokslut_Norstedts_SIE_4E.se"
    if not path.exists():
        pytest.skip("corpus file missing")
    data = path.read_bytes()
    m = re.search(rb"\n[ \t]*#(?:TRANS|IB|UB|RES)[ \t][^\n]*?([0-9])", data)
    assert m is not None
    digit = b"1" if m.group(1) != b"1" else b"2"
    copy = tmp_path / "t.se"
    copy.write_bytes(data[: m.start(1)] + digit + data[m.end(1) :])
    crc, ok = _fast(copy)
    assert not ok
    assert _reader(copy) == (crc, False)


def test_lines_without_markers(tmp_path: Path) -> None:
    path = tmp_path / "plain.se"
    path.write_bytes(b"#FLAGGA 0\r\n#KONTO 1910 Kassa\r\n")
    check = check_ksumma(path)
    assert not check.opened and not check.verified


def test_second_opening_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "two.se"
    path.write_bytes(b"#FLAGGA 0\n#KSUMMA\n#KSUMMA\n#KONTO 1910 Kassa\n#KSUMMA 1\n")
    check = check_ksumma(path)
    assert check.problem is not None and not check.verified

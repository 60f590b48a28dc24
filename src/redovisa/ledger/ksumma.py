"""A fast streaming #KSUMMA check for the bulk import.

Gives exactly the CRC the SIE reader computes (:mod:`redovisa.sie.checksum`: the label and
field characters of every record between the opening and the closing ``#KSUMMA``, as CP437
bytes; separators, quotes around fields, braces, brace lines and line ends excluded), but on
whole chunks of bytes: when a chunk of complete lines is in the canonical form (every line a
record or a lone brace; every CR part of a CRLF; quoted fields standing alone, ``\\"`` the
only backslash, no brace inside; object lists after a separator), the record bytes are the
chunk with the quotes' insides kept and ``' \\t{}\\r\\n'`` deleted elsewhere, hashed with
``zlib.crc32``. Any other chunk is hashed line by line with the reader's own lexer, so the
result never differs from the reader's (for line ends the bulk scan accepts).
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass

from redovisa.sie.checksum import MODULUS, record_bytes
from redovisa.sie.encoding import CHUNK_SIZE, CP437
from redovisa.sie.lexer import LexProblem, lex_fields
from redovisa.sie.values import parse_int

__all__ = ["KsummaCheck", "check_ksumma"]

_KSUMMA_LINE = re.compile(rb"(?mi)^[ \t]*#ksumma(?=[ \t\r\n]|$)[^\n]*\n?")
_DROP = b" \t{}\r\n"
_NOT_BRACE = bytes(b for b in range(256) if b not in b"{}\n")
_PROTECT = bytes.maketrans(b" \t", b"\x01\x02")
_RESTORE = bytes.maketrans(b"\x00\x01\x02", b'" \t')
_PLACEHOLDERS = (b"\x00", b"\x01", b"\x02", b"\x03")


@dataclass(slots=True)
class KsummaCheck:
    """What the streaming pass found."""

    opened: bool = False
    closed: bool = False
    declared: int | None = None
    crc: int = 0
    problem: str | None = None
    """Why the reader must judge the file (duplicate or misplaced #KSUMMA, bad value)."""

    @property
    def verified(self) -> bool:
        """True when one opening and one closing #KSUMMA enclose records with that CRC."""
        return (
            self.problem is None
            and self.opened
            and self.closed
            and self.declared is not None
            and self.declared % MODULUS == self.crc
        )


def _count_up_to(text: bytes, needles: tuple[bytes, ...], want: int) -> int:
    """Occurrences of ``needles`` in ``text``, stopping once ``want`` are found (fast path)."""
    found = 0
    for needle in needles:
        found += text.count(needle)
        if found >= want:
            break
    return found


def _braces_ok(text: bytes, lone_open: int, lone_close: int) -> bool:
    """Every brace a lone brace line or one ``{...}`` list after a separator, on one line."""
    opens, closes = text.count(b"{"), text.count(b"}")
    if opens == lone_open and closes == lone_close:
        return True
    if _count_up_to(text, (b" {", b"\t{"), opens - lone_open) != opens - lone_open:
        return False
    skeleton = text.translate(None, _NOT_BRACE).replace(b"{}", b"")
    return skeleton.count(b"{") == lone_open and skeleton.count(b"}") == lone_close


def _chunk_bytes(chunk: bytes) -> bytes | None:
    """The record bytes of ``chunk`` (complete lines), or None when it is not canonical."""
    lined = b"\n" + chunk
    eol = b"\r\n" if b"\r" in chunk else b"\n"  # a chunk with both fails the line count
    if eol == b"\r\n" and chunk.count(b"\r") != chunk.count(b"\r\n"):
        return None  # a lone CR
    lone_open = lined.count(b"\n{" + eol)
    lone_close = lined.count(b"\n}" + eol)
    if lined.count(b"\n#") + lone_open + lone_close != chunk.count(b"\n"):
        return None  # a blank, indented or non-record line
    if any(p in chunk for p in _PLACEHOLDERS):
        return None
    if b'"' not in chunk and b"\\" not in chunk:
        if not _braces_ok(chunk, lone_open, lone_close):
            return None
        return chunk.translate(None, _DROP)
    work = chunk.replace(b'\\"', b"\x00") if b"\\" in chunk else chunk
    if b"\\" in work:
        return None
    parts = work.split(b'"')
    tokens = len(parts) // 2
    if len(parts) % 2 == 0:
        return None
    inside = b"\x03".join(parts[1::2])
    outside = b"\x03".join(parts[::2])
    if any(c in inside for c in (b"\n", b"\r", b"{", b"}")) or b"\x00" in outside:
        return None
    before = _count_up_to(outside, (b" \x03", b"{\x03", b"\t\x03"), tokens)
    after = _count_up_to(outside, (b"\x03 ", b"\x03}", b"\x03" + eol[:1], b"\x03\t"), tokens)
    if before != tokens or after != tokens or not _braces_ok(outside, lone_open, lone_close):
        return None
    parts[1::2] = inside.translate(_PROTECT).split(b"\x03")
    return b"".join(parts).translate(_RESTORE, _DROP)


def _lines_crc(chunk: bytes, encoding: str, crc: int) -> int:
    """The reader's way, one line at a time."""
    for raw in chunk.split(b"\n"):
        s = raw.decode(encoding, errors="replace").strip(" \t\r")
        if not s or s[0] != "#":
            continue
        cut = len(s)
        for sep in (" ", "\t"):
            i = s.find(sep)
            if 0 <= i < cut:
                cut = i
        fields, problem, _block_open = lex_fields(s[cut:])
        if problem is LexProblem.UNTERMINATED_BRACE:
            continue
        crc = zlib.crc32(record_bytes(s[:cut], fields), crc)
    return crc


def _segment_crc(chunk: bytes, encoding: str, crc: int) -> int:
    if encoding == CP437 or chunk.isascii():
        data = _chunk_bytes(chunk)
        if data is not None:
            return zlib.crc32(data, crc)
    return _lines_crc(chunk, encoding, crc)


def _ksumma_line(out: KsummaCheck, line: bytes, encoding: str) -> None:
    s = line.decode(encoding, errors="replace").strip(" \t\r\n")
    fields, problem, _block_open = lex_fields(s[len("#KSUMMA") :])
    if problem is not None or len(fields) > 1 or (fields and not isinstance(fields[0], str)):
        out.problem = "odd #KSUMMA"
    elif not fields:
        if out.opened:
            out.problem = "second opening #KSUMMA"
        out.opened = True
    else:
        declared = parse_int(str(fields[0]))
        if declared is None or not out.opened or out.closed:
            out.problem = "bad closing #KSUMMA"
        out.closed = True
        out.declared = declared


def check_ksumma(
    path: str | os.PathLike[str], encoding: str = CP437, bom: bool = False
) -> KsummaCheck:
    """One pass over ``path`` (decoded as ``encoding``): the CRC between the #KSUMMA lines."""
    out = KsummaCheck()
    rest = b""
    first = True
    with open(path, "rb") as handle:
        while True:
            raw = handle.read(CHUNK_SIZE)
            if first and bom and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            if raw:
                cut = raw.rfind(b"\n") + 1
                if not cut:
                    rest += raw
                    continue
                chunk, rest = rest + raw[:cut], raw[cut:]
            else:
                chunk, rest = rest + b"\n", b""
            _feed(out, chunk, encoding)
            if not raw or out.problem is not None:
                break
    return out


def _feed(out: KsummaCheck, chunk: bytes, encoding: str) -> None:
    pos = 0
    marks = _KSUMMA_LINE.finditer(chunk) if b"#ksumma" in chunk.lower() else ()
    for m in marks:
        if out.opened and not out.closed:
            out.crc = _segment_crc(chunk[pos : m.start()], encoding, out.crc)
        _ksumma_line(out, m.group(), encoding)
        pos = m.end()
    if out.opened and not out.closed:
        out.crc = _segment_crc(chunk[pos:], encoding, out.crc)

"""Character encoding: detect it, decode incrementally, split into numbered lines.

SIE says CP437 (``#FORMAT PC8``), but real files are also UTF-8 or Latin-1/Windows-1252/
ISO-8859-15 while still declaring PC8 (standards.md §1.8). Detection looks at the first chunk
that holds a non-ASCII byte:

1. a UTF-8 byte-order mark, or valid UTF-8 (or mostly valid) -> ``utf-8``; a UTF-16
   byte-order mark -> ``utf-16``;
2. otherwise count the bytes of å ä ö Å Ä Ö é É ü Ü under CP437 and under Latin-1; the larger
   count wins, a tie goes to CP437 (the spec);
3. among the Latin family: a byte in 0x80-0x9F means ``cp1252``, a byte 0xA4 (``€`` in
   ISO-8859-15) means ``iso-8859-15``, otherwise ``iso-8859-1``.

A file decoded as UTF-8 that later holds a byte sequence which is not UTF-8 is decoded byte by
byte as Windows-1252 from there (counted in :attr:`LineDecoder.foreign_bytes`).

The file is read in chunks and decoded incrementally: memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator

CHUNK_SIZE = 1 << 20
DETECT_MIN = 1 << 16
MAX_LINE = 1 << 20
"""A line is cut after this many characters (no SIE record is near that long)."""
"""Bytes looked at (from the first non-ASCII byte's chunk on) to decide the encoding."""

CP437 = "cp437"
UTF8 = "utf-8"
CP1252 = "cp1252"
LATIN1 = "iso-8859-1"
LATIN9 = "iso-8859-15"
UTF16 = "utf-16"

ENCODING_NAMES: dict[str, str] = {
    CP437: "CP437 (PC8)",
    UTF8: "UTF-8",
    CP1252: "Windows-1252",
    LATIN1: "ISO-8859-1 (Latin-1)",
    LATIN9: "ISO-8859-15 (Latin-9)",
    UTF16: "UTF-16",
}
"""How each encoding is named in messages."""

_SWEDISH_CP437 = bytes([0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99, 0x82, 0x90, 0x81, 0x9A])
_SWEDISH_LATIN = bytes([0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6, 0xE9, 0xC9, 0xFC, 0xDC])
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_C1 = re.compile(rb"[\x80-\x9f]")
_SURROGATE = re.compile("[\udc80-\udcff]")
_BINARY_PROBE = 4096


def _escape_to_cp1252(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode(CP1252, errors="replace").replace("\ufffd", chr(byte[0]))


def detect(sample: bytes) -> str:
    """The encoding of ``sample``: see the module docstring. Pure ASCII counts as CP437."""
    if sample.startswith(codecs.BOM_UTF8):
        return UTF8
    if sample.isascii():
        return CP437
    text = codecs.getincrementaldecoder(UTF8)(errors="surrogateescape").decode(sample)
    invalid = len(_SURROGATE.findall(text))
    if invalid == 0:
        return UTF8
    # characters above ASCII that are not escaped bytes (surrogateescape gives only those)
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if multibyte > invalid:
        return UTF8  # mostly UTF-8: the stray bytes are repaired as Windows-1252
    cp437 = sum(sample.count(b) for b in _SWEDISH_CP437)
    latin = sum(sample.count(b) for b in _SWEDISH_LATIN)
    if cp437 >= latin:
        return CP437
    if _C1.search(sample):
        return CP1252
    if b"\xa4" in sample:
        return LATIN9
    return LATIN1


def looks_binary(head: bytes) -> bool:
    """True when the first bytes of a file are not text (NUL bytes or mostly control bytes).

    A file that starts with ``#`` (after blanks) is text whatever follows: stray control bytes
    in it are reported line by line (SIE019) instead.
    """
    probe = head[:_BINARY_PROBE]
    if probe.lstrip(b" \t\r\n").startswith(b"#"):
        return False
    if b"\x00" in probe:
        return True
    if not probe:
        return False
    controls = sum(1 for b in probe if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1A))
    return controls * 10 > len(probe)


class LineDecoder:
    """Turn a stream of byte chunks into ``(line_number, text)`` pairs (1-based, no line end).

    After (or during) iteration: :attr:`encoding` is the detected encoding,
    :attr:`first_non_ascii_line` the line of the first non-ASCII byte, :attr:`foreign_bytes` how
    many bytes did not fit the detected encoding, :attr:`binary` whether the input looked binary
    (then nothing is yielded).
    """

    def __init__(self) -> None:
        self.encoding: str = CP437
        self.decided = False
        self.bom = False
        self.binary = False
        self.empty = True
        self.first_non_ascii_line: int | None = None
        self.foreign_bytes = 0
        self.first_foreign_line: int | None = None
        self._lineno = 0
        self._pending = ""
        self._on_chunk: Callable[[str], None] | None = None
        self._skipping = False
        self.long_lines = 0
        """Lines longer than :data:`MAX_LINE` characters: cut there, the rest ignored."""

    def lines(
        self, chunks: Iterable[bytes], on_chunk: Callable[[str], None] | None = None
    ) -> Iterator[tuple[int, str]]:
        """Decode ``chunks`` and yield numbered lines; a trailing CR is removed.

        ``on_chunk`` is called with the decoded text of each chunk before its lines are
        yielded (the parser uses it to look for odd characters once per chunk, not per line).
        The encoding is decided on at least :data:`DETECT_MIN` bytes from the first non-ASCII
        byte on (or the rest of the input, if shorter).
        """
        self._lineno = 0
        self._pending = ""
        self._on_chunk = on_chunk
        decoder: codecs.IncrementalDecoder | None = None
        held = b""
        first = True
        for raw in chunks:
            chunk = bytes(raw)
            if not chunk:
                continue
            if first:
                first = False
                self.empty = False
                if chunk.startswith(codecs.BOM_UTF8):
                    chunk = chunk[len(codecs.BOM_UTF8) :]
                    self.bom = True
                elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    self.encoding = UTF16
                    self.decided = True
                    self.first_non_ascii_line = 1
                    decoder = codecs.getincrementaldecoder(UTF16)(errors="replace")
                if decoder is None and looks_binary(chunk):
                    self.binary = True
                    return
            if decoder is not None:
                yield from self._split(decoder.decode(chunk))
            elif not held and not self.bom and chunk.isascii():
                yield from self._split(chunk.decode("ascii"))
            else:
                held += chunk
                if len(held) >= DETECT_MIN:
                    decoder = self._decide(held)
                    yield from self._split(decoder.decode(held))
                    held = b""
        if decoder is None and (held or self.bom):
            decoder = self._decide(held)
            yield from self._split(decoder.decode(held))
        if decoder is not None:
            yield from self._split(decoder.decode(b"", final=True))
        pending = self._pending
        if pending.endswith("\r"):
            pending = pending[:-1]
        if pending:
            if on_chunk is not None:
                on_chunk(pending)
            yield self._lineno + 1, pending

    def _decide(self, sample: bytes) -> codecs.IncrementalDecoder:
        self.encoding = UTF8 if self.bom else detect(sample)
        self.decided = True
        match = _NON_ASCII.search(sample)
        if match is not None:
            before = sample.count(b"\n", 0, match.start())
            self.first_non_ascii_line = self._lineno + before + 1
        return codecs.getincrementaldecoder(self.encoding)(errors="surrogateescape")

    def _split(self, text: str) -> Iterator[tuple[int, str]]:
        if not text:
            return
        if self._skipping:  # the rest of an overlong line
            end = text.find("\n")
            if end < 0:
                return
            self._skipping = False
            text = text[end + 1 :]
        text = self._pending + text
        if self.encoding in (UTF8, CP1252):
            text = self._repair(text, self._lineno)
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        parts = text.split("\n")
        self._pending = parts.pop()
        if len(self._pending) > MAX_LINE:
            parts.append(self._pending[:MAX_LINE])
            self._pending = ""
            self._skipping = True
            self.long_lines += 1
        if not parts:
            return
        if self._on_chunk is not None:
            self._on_chunk(text)
        lineno = self._lineno
        for part in parts:
            lineno += 1
            yield lineno, part
        self._lineno = lineno

    def _repair(self, text: str, lineno: int) -> str:
        """Replace undecodable bytes (surrogate escapes) by their Windows-1252 characters."""
        found = _SURROGATE.findall(text)
        if not found:
            return text
        if self.first_foreign_line is None:
            match = _SURROGATE.search(text)
            assert match is not None
            self.first_foreign_line = lineno + text.count("\n", 0, match.start()) + 1
        self.foreign_bytes += len(found)
        return _SURROGATE.sub(_escape_to_cp1252, text)


def iter_chunks(data: bytes, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """``data`` in chunks of ``size`` bytes (memoryview slices, no copies of the whole)."""
    view = memoryview(data)
    for start in range(0, len(view), size):
        yield bytes(view[start : start + size])

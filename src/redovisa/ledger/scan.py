"""A fast first pass over the bytes of an SIE file, for the bulk import.

Decides, without parsing, whether DuckDB can read the file's lines directly and with which
line ends, and finds the encoding exactly as the SIE reader does
(:class:`redovisa.sie.encoding.LineDecoder`: same chunks, same detection), so that both paths
decode every line to the same text. Files the bulk path does not take (binary, mixed line
ends, bytes that do not fit the encoding) go to the reference reader. A ``#KSUMMA`` file is
flagged (:attr:`Scan.checksum`); the bulk path verifies it with
:func:`redovisa.ledger.ksumma.check_ksumma`.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from redovisa.sie.encoding import CHUNK_SIZE, CP437, UTF8, detect, looks_binary

_NON_ASCII = re.compile(rb"[\x80-\xff]")
_KSUMMA = re.compile(rb"(?i)#ksumma")
_CONTROL = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


@dataclass(slots=True)
class Scan:
    """What the first pass found."""

    encoding: str = CP437
    ascii_only: bool = True
    bom: bool = False
    first_non_ascii_line: int | None = None
    crlf: bool = False
    replacement_chars: bool = False
    checksum: bool = False
    """True when ``#KSUMMA`` occurs (any case) somewhere in the file."""
    reason: str | None = None
    """Why the bulk path cannot take the file (None: it can)."""

    @property
    def bulk_ok(self) -> bool:
        """True when the bulk path can read the file."""
        return self.reason is None

    @property
    def needs_transcoding(self) -> bool:
        """True when DuckDB cannot read the bytes as they are (not UTF-8 and not ASCII)."""
        return not self.ascii_only and self.encoding != UTF8


def scan_file(path: str | os.PathLike[str]) -> Scan:
    """One pass over ``path`` in the reader's chunk size."""
    out = Scan()
    cr = crlf = lf = 0
    prev_last = b""
    tail = b""
    decoder: codecs.IncrementalDecoder | None = None
    first = True
    with open(path, "rb") as handle:
        for raw in iter(partial(handle.read, CHUNK_SIZE), b""):
            chunk = raw
            if first:
                first = False
                if chunk.startswith(codecs.BOM_UTF8):
                    chunk = chunk[len(codecs.BOM_UTF8) :]
                    out.bom = True
                if looks_binary(chunk):
                    out.reason = "binary"
                    return out
            if chunk.translate(None, _NOT_CONTROL):
                out.reason = "control characters"
            if b"\xef\xbf\xbd" in chunk:
                out.replacement_chars = True
            if _KSUMMA.search(chunk) or _KSUMMA.search(tail + chunk[:8]):
                out.checksum = True
            tail = chunk[-8:]
            n_cr = chunk.count(b"\r")
            n_lf = chunk.count(b"\n")
            if n_cr:
                cr += n_cr
                crlf += chunk.count(b"\r\n")
            crlf += prev_last == b"\r" and chunk[:1] == b"\n"
            prev_last = chunk[-1:]
            if out.ascii_only and not (chunk.isascii() and not out.bom):
                out.ascii_only = False
                out.encoding = UTF8 if out.bom else detect(chunk)
                match = _NON_ASCII.search(chunk)
                if match is not None:
                    out.first_non_ascii_line = lf + chunk.count(b"\n", 0, match.start()) + 1
                if out.encoding == UTF8:
                    decoder = codecs.getincrementaldecoder(UTF8)()
            if decoder is not None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    out.reason = "mixed encodings"
                    decoder = None
            lf += n_lf
    if first:
        out.reason = "empty"
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            out.reason = "mixed encodings"
    if cr:
        if cr == crlf == lf:
            out.crlf = True
        elif out.reason is None:
            out.reason = "mixed line ends"
    return out


def transcode(path: str | os.PathLike[str], scan: Scan, directory: str | None = None) -> Path:
    """Write ``path`` as UTF-8 to a temporary file (decoded as the reader would); caller deletes.

    Raises:
        UnicodeDecodeError: when a byte does not exist in the encoding (the reader would
            repair it; the caller falls back to the reader).
    """
    fd, name = tempfile.mkstemp(suffix=".se", dir=directory)
    decoder = codecs.getincrementaldecoder(scan.encoding)()
    try:
        with open(path, "rb") as src, os.fdopen(fd, "wb") as dst:
            for chunk in iter(partial(src.read, CHUNK_SIZE), b""):
                dst.write(decoder.decode(chunk).encode(UTF8))
            dst.write(decoder.decode(b"", final=True).encode(UTF8))
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)

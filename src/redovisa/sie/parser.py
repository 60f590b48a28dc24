"""Read SIE files (types 1, 2, 3, 4E, 4I): the public entry points.

Every entry point drives the same :class:`~redovisa.sie.machine.SieParser`:

* :class:`SieStream` reads a file in chunks and yields vouchers as their blocks close; nothing
  per row is kept, so a 2 GB file reads in constant memory apart from the header content and
  the per-account sums of the whole-file checks;
* :func:`read_sie` is :class:`SieStream` with the vouchers collected into ``sie.vouchers``;
* :func:`parse_sie_bytes` and :func:`parse_sie_text` read from memory;
* :func:`parse_lines` parses lines that are already decoded (no encoding detection and no
  #KSUMMA verification), for callers that handle some of the lines themselves.

All of them return diagnostics instead of raising for bad content. Only an unreadable file
(missing, a directory, no permission) raises :class:`~redovisa.core.errors.InputError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import partial

from redovisa.core.diagnostics import Diagnostic
from redovisa.core.errors import InputError
from redovisa.sie import codes
from redovisa.sie.encoding import (
    CHUNK_SIZE,
    CP437,
    ENCODING_NAMES,
    MAX_LINE,
    LineDecoder,
    iter_chunks,
)
from redovisa.sie.machine import SUSPECT, SieParser
from redovisa.sie.records import SieFile, Voucher

__all__ = ["SieStream", "parse_lines", "parse_sie_bytes", "parse_sie_text", "read_sie"]


def _drive(parser: SieParser, lines: Iterable[tuple[int, str]]) -> Iterator[Voucher]:
    feed = parser.feed
    lineno = 0
    for lineno, line in lines:
        v = feed(lineno, line)
        if v is not None:
            yield v
            if parser.stopped:
                break
        elif parser.stopped:
            break
    parser.lines = max(parser.lines, lineno)


def _decoded(parser: SieParser, chunks: Iterable[bytes], decoder: LineDecoder) -> Iterator[Voucher]:
    """Decode ``chunks``, parse them, and finish with the encoding findings and final checks."""

    def on_chunk(text: str) -> None:
        parser.check_chars = SUSPECT.search(text) is not None

    yield from _drive(parser, decoder.lines(chunks, on_chunk))
    sie = parser.sie
    sie.encoding = decoder.encoding
    if decoder.empty:
        parser.not_sie("den är tom")
    elif decoder.binary:
        parser.not_sie("den innehåller binära data (t.ex. en PDF eller ett kalkylark)", 1)
    elif parser.stopped:
        pass
    elif decoder.encoding != CP437 and (sie.format is None or sie.format.upper() == "PC8"):
        declared = "anger #FORMAT PC8 (CP437)" if sie.format else "saknar #FORMAT (alltså PC8)"
        name = ENCODING_NAMES[decoder.encoding]
        parser.report.add(
            codes.ENCODING,
            decoder.first_non_ascii_line,
            f"filen {declared} men är kodad som {name}; den lästes som {name}. Kontrollera "
            "å, ä och ö och be om en export i PC8",
        )
    if decoder.long_lines and not parser.stopped:
        parser.report.add(
            codes.MALFORMED,
            None,
            f"{decoder.long_lines} rader är längre än {MAX_LINE} tecken; de kortades där och "
            "resten lästes inte. En SIE-post är aldrig så lång: kontrollera filen",
        )
    if decoder.foreign_bytes and not parser.stopped:
        parser.report.add(
            codes.ENCODING,
            decoder.first_foreign_line,
            f"{decoder.foreign_bytes} byte passar inte i {ENCODING_NAMES[decoder.encoding]} "
            "och lästes som Windows-1252: filen blandar teckenkodningar; kontrollera texten",
        )
    last = parser.finish()
    if last is not None:
        yield last


class SieStream:
    """Streaming read of an SIE file: vouchers are yielded, not kept.

    ``header`` holds everything except the vouchers (``header.vouchers`` stays empty) and
    ``diagnostics`` everything found, including the whole-file checks; both are complete once
    :meth:`vouchers` is exhausted. Iterate :meth:`vouchers` once.
    """

    def __init__(self, path: str | os.PathLike[str], *, display_path: str | None = None) -> None:
        self.path = os.fspath(path)
        self.display_path = display_path if display_path is not None else self.path
        self.header = SieFile()
        self.diagnostics: list[Diagnostic] = []
        self._parser = SieParser(self.display_path, self.header)
        self._used = False

    def vouchers(self) -> Iterator[Voucher]:
        """Yield each voucher as its block closes; fills ``header`` and ``diagnostics``.

        Calling it again reads the file again, into a fresh ``header``.
        """
        if self._used:
            self.header = SieFile()
            self._parser = SieParser(self.display_path, self.header)
        self._used = True
        parser = self._parser
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - closed in finally, generator scope
        except OSError as e:
            raise InputError(f"kan inte läsa {self.display_path}: {e.strerror or e}") from e
        try:
            chunks = iter(partial(handle.read, CHUNK_SIZE), b"")
            yield from _decoded(parser, _guard(chunks, self.display_path), LineDecoder())
        finally:
            handle.close()
            self.diagnostics = parser.diagnostics()


def _guard(chunks: Iterator[bytes], display: str) -> Iterator[bytes]:
    try:
        yield from chunks
    except OSError as e:
        raise InputError(f"kan inte läsa {display}: {e.strerror or e}") from e


def read_sie(
    path: str | os.PathLike[str], *, display_path: str | None = None
) -> tuple[SieFile, list[Diagnostic]]:
    """Read an SIE file: the whole :class:`SieFile` with its vouchers, and the diagnostics."""
    stream = SieStream(path, display_path=display_path)
    vouchers = stream.header.vouchers
    vouchers.extend(stream.vouchers())
    return stream.header, stream.diagnostics


def parse_sie_bytes(data: bytes, *, path: str = "<bytes>") -> tuple[SieFile, list[Diagnostic]]:
    """Parse the raw bytes of an SIE file (encoding detected, #KSUMMA verified)."""
    parser = SieParser(path)
    parser.sie.vouchers.extend(_decoded(parser, iter_chunks(data), LineDecoder()))
    return parser.sie, parser.diagnostics()


def _text_lines(text: str) -> Iterator[tuple[int, str]]:
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines and lines[-1].endswith("\r"):
        lines[-1] = lines[-1][:-1]
    return enumerate(lines, 1)


def parse_sie_text(text: str, *, path: str = "<text>") -> tuple[SieFile, list[Diagnostic]]:
    """Parse SIE text that is already decoded (#KSUMMA verified over its CP437 values)."""
    parser = SieParser(path)
    sie = parser.sie
    sie.vouchers.extend(_drive(parser, _text_lines(text)))
    last = parser.finish()
    if last is not None:
        sie.vouchers.append(last)
    return sie, parser.diagnostics()


def parse_lines(
    lines: Iterable[tuple[int, str]], *, path: str, sie: SieFile | None = None
) -> tuple[SieFile, list[Diagnostic]]:
    """Parse decoded lines with their 1-based numbers into ``sie`` (a new one if None).

    No encoding detection and no #KSUMMA verification. Vouchers are appended to
    ``sie.vouchers``. The whole-file checks run over what was given, except the check that the
    file holds balances or vouchers at all (SIE007), since the caller may hand over only part
    of a file; when ``sie`` is given (the header was read before), missing or misplaced
    header records (SIE004, SIE005) are not judged either.
    """
    parser = SieParser(
        path, sie, verify_checksum=False, judge_content=False, judge_header=sie is None
    )
    target = parser.sie
    stripped = ((n, line[:-1] if line.endswith("\r") else line) for n, line in lines)
    target.vouchers.extend(_drive(parser, stripped))
    last = parser.finish()
    if last is not None:
        target.vouchers.append(last)
    return target, parser.diagnostics()

"""The C pass of the native import, running ahead in a thread of its own.

:func:`start` checks the file (:func:`scan`), then feeds it in chunks of whole lines to the C
pass (:mod:`redovisa.ledger._native`) in a background thread: the pass runs without the GIL,
so it reads while Python does other things. The first thing Python does is usually to import
DuckDB and pyarrow and open the store, which takes about as long as the pass needs for half of
a 1 M-row file; ``redovisa import`` therefore starts the pass before those imports (this
module imports neither). :mod:`redovisa.ledger.native` takes the batches with
:meth:`NativePass.batches` and stores them.

At most :data:`AHEAD` batches wait in memory: when the store is slower than the pass, the
pass waits, so memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import os
import queue
import re
import threading
from collections.abc import Iterator
from functools import partial
from types import ModuleType
from typing import Any

from redovisa.ledger.scan import Scan, scan_file
from redovisa.sie.encoding import CHUNK_SIZE, UTF8, detect, looks_binary

_native: ModuleType | None
try:
    from redovisa.ledger import _native
except ImportError:  # built without a C compiler: the other paths do the work
    _native = None

__all__ = [
    "AHEAD",
    "CHUNK",
    "FIRST_CHUNK",
    "NativePass",
    "NotTaken",
    "available",
    "chunks",
    "decode_table",
    "new_parser",
    "scan",
    "start",
    "views",
]

CHUNK = 16 << 20
"""Bytes per chunk: about 300 000 rows, so a batch's Arrow columns stay near 20 MB."""
FIRST_CHUNK = 1 << 20
"""The first chunk is small: its other lines (the header) reach the reader early."""
AHEAD = 3
"""Batches the pass may read ahead of the store."""


class NotTaken(Exception):
    """The file is not for the native path (the caller rolls back and tries another path)."""


def available() -> bool:
    """True when the C pass was built."""
    return _native is not None


def new_parser(table: tuple[bytes, ...] | None) -> Any:
    """A fresh C pass (for tests and fuzzing); see ``_native.pyi``."""
    if _native is None:
        raise RuntimeError("redovisa.ledger._native was not built")
    return _native.Parser(table)


def decode_table(encoding: str) -> tuple[bytes, ...] | None:
    """UTF-8 of every byte >= 0x80 in ``encoding`` (b"" where the encoding has none)."""
    if encoding == UTF8:
        return None
    out = []
    for b in range(0x80, 0x100):
        try:
            out.append(bytes([b]).decode(encoding).encode(UTF8))
        except UnicodeDecodeError:
            out.append(b"")
    return tuple(out)


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _quick_scan(path: str | os.PathLike[str]) -> Scan | None:
    """The encoding as the reader finds it, reading only up to the first byte above ASCII.

    None for files the full :func:`~redovisa.ledger.scan.scan_file` must judge (empty, binary,
    a byte-order mark, UTF-8); the C pass itself checks control characters and line ends.
    """
    lf = 0
    first = True
    with open(path, "rb") as handle:
        for chunk in iter(partial(handle.read, CHUNK_SIZE), b""):
            if first:
                first = False
                if chunk.startswith(codecs.BOM_UTF8) or looks_binary(chunk):
                    return None
            if not chunk.isascii():
                encoding = detect(chunk)
                if encoding == UTF8:
                    return None
                match = _NON_ASCII.search(chunk)
                line = lf + chunk.count(b"\n", 0, match.start() if match else 0) + 1
                return Scan(encoding=encoding, ascii_only=False, first_non_ascii_line=line)
            lf += chunk.count(b"\n")
    return None if first else Scan()


def scan(path: str | os.PathLike[str]) -> Scan | None:
    """What the native pass needs to know before it starts; None when it cannot take the file."""
    found = _quick_scan(path)
    if found is not None:
        return found
    found = scan_file(path)
    if not found.bulk_ok or found.bom or found.replacement_chars or found.encoding != UTF8:
        return None
    return found


def chunks(path: str | os.PathLike[str]) -> Iterator[tuple[bytes, bool]]:
    """Chunks of whole lines (the last may lack its line end), with a flag for the last."""
    with open(path, "rb") as handle:
        carry = b""
        first = True
        while True:
            block = handle.read(FIRST_CHUNK if first else CHUNK)
            first = False
            if not block:
                yield carry, True
                return
            data = carry + block if carry else block
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                carry = data
                continue
            carry = data[cut:]
            yield data[:cut], False


def views(path: str | os.PathLike[str]) -> Iterator[tuple[memoryview, bool]]:
    """The chunks of :func:`chunks` as views of one buffer that is filled again for each.

    A view is valid until the next one is asked for: no chunk is allocated, copied or
    touched for the first time (a 16 MB ``read`` is a fresh allocation every time).
    """
    buf = bytearray(FIRST_CHUNK)
    have = 0  # the carried partial line, at the start of buf
    want = FIRST_CHUNK
    with open(path, "rb", buffering=0) as handle:
        while True:
            if len(buf) < have + want:
                grown = bytearray(have + want)
                grown[:have] = buf[:have]
                buf = grown
            with memoryview(buf) as free:
                n = handle.readinto(free[have : have + want])
            want = CHUNK
            if not n:
                yield memoryview(buf)[:have], True
                return
            end = have + n
            cut = buf.rfind(b"\n", 0, end) + 1
            if cut == 0:
                have = end
                continue
            yield memoryview(buf)[:cut], False
            have = end - cut
            buf[:have] = buf[cut:end]


_END = object()


class NativePass:
    """The C pass over one file, reading ahead in a thread; see :func:`start`."""

    def __init__(self, path: str | os.PathLike[str], found: Scan) -> None:
        self.path = path
        self.scan = found
        self.encoding = found.encoding
        self.parser = new_parser(None if found.ascii_only else decode_table(found.encoding))
        self.size = os.path.getsize(path) or 1
        self._queue: queue.Queue[Any] = queue.Queue(AHEAD)
        self._stop = threading.Event()
        self._consumed = False
        self._thread = threading.Thread(target=self._run, name="redovisa-native", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> bool:
        """Queue ``item`` unless told to stop; False when stopped."""
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for chunk, final in (chunks if os.environ.get("OLDCHUNKS") else views)(self.path):
                batch = self.parser.feed(chunk, final)
                if not self._put((batch, len(chunk))) or batch is None:
                    return
                if final:
                    break
        except BaseException as e:  # handed to the consumer, raised there
            self._put(e)
        finally:
            self._put(_END)

    def batches(self) -> Iterator[tuple[dict[str, Any], int]]:
        """Each chunk's batch from the C pass and the bytes read so far, in file order.

        Raises:
            NotTaken: the C pass gave up (``reason`` says why).
        """
        if self._consumed:
            raise RuntimeError("a NativePass is read once")
        self._consumed = True
        done = 0
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            batch, n = item
            if batch is None:
                raise NotTaken(self.reason or "")
            done += n
            yield batch, done

    @property
    def reason(self) -> str | None:
        """Why the C pass gave up, if it did."""
        reason: str | None = self.parser.reason
        return reason

    def totals(self) -> dict[str, Any]:
        """The C pass's sums and first uses (after every batch was read)."""
        self._thread.join()
        totals: dict[str, Any] = self.parser.totals()
        return totals

    def close(self) -> None:
        """Stop the thread (when the import ends early) and wait for it."""
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> NativePass:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(path: str | os.PathLike[str]) -> NativePass | None:
    """Start the C pass over ``path``; None when it was not built or cannot take the file.

    A file that cannot be read is not taken either: the reader reports it.
    """
    if _native is None:
        return None
    try:
        found = scan(path)
    except OSError:
        return None
    if found is None:
        return None
    return NativePass(path, found)

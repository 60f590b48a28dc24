"""Types of the C line pass (``_native.c``); see :mod:`redovisa.ledger.native`."""

from typing import Any, final

@final
class Buffer:
    """A column buffer of the pass: read-only bytes (buffer protocol), handed over without a
    copy. Use it as bytes-like (``pa.py_buffer``, ``array.frombytes``, ``memoryview``)."""

    def __len__(self) -> int: ...

class Parser:
    """One pass over the lines of an SIE file, fed in chunks of whole lines."""

    reason: str | None
    checksum: tuple[int, int]
    crc: int
    """``zlib.crc32`` of the record bytes the ``#KSUMMA`` checksum covers, read so far."""
    vouchers: int

    def __init__(self, table: tuple[bytes, ...] | None = None) -> None: ...
    def feed(self, chunk: bytes | memoryview, final: bool = False) -> dict[str, Any] | None:
        """The chunk's columns: ``Buffer`` values (None for an all-null nullable column),
        counts, ``p_objects`` (each row's object list as JSON text), and ``header``: (line, bytes)
        of the other lines; None: not canonical."""
    def totals(self) -> dict[str, Any]:
        """Sums per day, object and day, month (``Buffer`` columns), names, first uses."""

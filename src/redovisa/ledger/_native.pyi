"""Types of the C line pass (``_native.c``); see :mod:`redovisa.ledger.native`."""

from typing import Any

class Parser:
    """One pass over the lines of an SIE file, fed in chunks of whole lines."""

    reason: str | None
    checksum: tuple[int, int]
    vouchers: int

    def __init__(self, table: tuple[bytes, ...] | None = None) -> None: ...
    def feed(self, chunk: bytes, final: bool = False) -> dict[str, Any] | None: ...
    def totals(self) -> dict[str, Any]: ...

"""#KSUMMA: the SIE checksum (spec 4B §10.11-10.14; digest in standards.md §1.7).

CRC-32 (the common zlib CRC: polynomial EDB88320 reflected, preset and final inversion
FFFFFFFF) over every record after the opening ``#KSUMMA`` up to the closing one. Included: the
label of each record and the characters of every field, as CP437 bytes. Excluded: separators,
the quotes around fields, the braces of object lists, the ``{``/``}`` lines around voucher rows
and line ends. For ``\\"`` only the quote counts. The declared value is compared modulo 2**32
(writers emit signed and unsigned values).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from redovisa.sie.lexer import Field

MODULUS = 1 << 32


def record_bytes(label: str, fields: Iterable[Field]) -> bytes:
    """The bytes one record adds to the checksum."""
    parts = [label]
    for f in fields:
        if isinstance(f, str):
            parts.append(f)
        else:
            parts.extend(f)
    return "".join(parts).encode("cp437", errors="replace")


class Checksum:
    """Running #KSUMMA over the records fed to it."""

    __slots__ = ("crc",)

    def __init__(self) -> None:
        self.crc = 0

    def feed(self, label: str, fields: Iterable[Field]) -> None:
        """Add one record (label as written, fields as lexed)."""
        self.crc = zlib.crc32(record_bytes(label, fields), self.crc)

    def matches(self, declared: int) -> bool:
        """True when ``declared`` (signed or unsigned) equals the running CRC modulo 2**32."""
        return declared % MODULUS == self.crc


def ksumma(records: Iterable[tuple[str, Iterable[Field]]]) -> int:
    """The checksum of ``records`` (label, fields), as an unsigned 32-bit integer."""
    acc = Checksum()
    for label, fields in records:
        acc.feed(label, fields)
    return acc.crc

"""SIE4 writer: a :class:`~redovisa.sie.records.SieFile` to clean SIE 4 bytes.

What is written (SIE 4B, ``standards.md`` §1.3-1.7):

* ``#FLAGGA`` first, ``#FORMAT PC8``, CP437 bytes, CRLF line ends;
* records in spec order: flag, identification, chart of accounts (each ``#KONTO``
  followed by its ``#KTYP``, ``#ENHET`` and ``#SRU``), ``#DIM``/``#UNDERDIM``,
  ``#OBJEKT``, unknown records (kept as read), balances, then vouchers with their
  rows between ``{`` and ``}`` lines;
* an ``#RTRANS`` row is followed by its identical twin ``#TRANS`` (the spec asks
  for it, for readers that do not know ``#RTRANS``); ``#BTRANS`` rows are kept;
* a field is quoted only when it has to be (empty, blanks, ``"``, braces, a
  leading ``#``); ``"`` inside a field is written ``\\"``; object ids are always
  quoted;
* amounts exactly as the ``Decimal`` holds them (``.`` as separator, at most two
  decimals: an amount with fractions of an öre is refused, never rounded);
* with ``checksum=True`` an opening ``#KSUMMA`` after ``#FLAGGA`` and a closing
  ``#KSUMMA <crc>`` last (CRC-32 of the labels and field characters, §1.7).

Some text cannot be written as SIE 4 says: characters outside CP437 (``€``,
U+FFFD), control characters, and a quoted field ending in a backslash (the
reader would take ``\\"`` for an escaped quote). With ``errors="strict"`` (the
default) the writer raises :class:`SieWriteError`; with ``errors="replace"`` it
maps them deliberately (accents dropped where CP437 lacks the letter, else
``?``; control characters to a blank; a blank after a final backslash) and
records each change in :attr:`SieWriter.replacements`.

For huge files use :class:`SieWriter` directly: ``begin`` writes the header,
then balances and vouchers are written one at a time and nothing is kept.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, Literal, TypeAlias

from redovisa.core.errors import RedovisaError
from redovisa.sie.records import (
    Balance,
    BalanceKind,
    ObjectRef,
    Posting,
    SieFile,
    TransKind,
    UnknownRecord,
    Voucher,
)

__all__ = ["Replacement", "SieWriteError", "SieWriter", "sie_to_bytes", "write_sie"]

Errors: TypeAlias = Literal["strict", "replace"]

_CRLF = b"\r\n"
_FLUSH_LINES = 4096
_PLAIN = re.compile(r'[^\x00-\x20"{}\x7f]+')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_OBJECT_BALANCES = frozenset({BalanceKind.OIB, BalanceKind.OUB})
_PERIOD_BALANCES = frozenset({BalanceKind.PSALDO, BalanceKind.PBUDGET})
_PERIOD = re.compile(r"\d{6}")
_CACHE_SIZE = 1 << 16
_OBJECT_LIST_TEXT = re.compile(r'\{(?:[^\x00-\x20"{}\x7f]+(?: [^\x00-\x20"{}\x7f]+)*)?\}')
_EMPTY = ('""', "")
_TRANS_LABELS = {k: f"#{k.value}" for k in TransKind}


class SieWriteError(RedovisaError):
    """A value cannot be written as SIE 4 (the message, in Swedish, says which and where)."""


@dataclass(frozen=True, slots=True)
class Replacement:
    """Ersatt text: a field changed so that it could be written (``errors="replace"``)."""

    line: int
    label: str
    original: str
    written: str


def _cp437_fallback(ch: str) -> str:
    """A CP437 stand-in for one character CP437 lacks: its base letter, else ``?``."""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    try:
        base.encode("cp437")
    except UnicodeEncodeError:
        return "?"
    return base or "?"


class SieWriter:
    """Strömmande SIE-skrivare: writes an SIE 4 file record by record.

    Usage::

        with SieWriter(out) as w:        # out: a binary file object
            w.begin(header)              # everything but balances and vouchers
            for b in balances: w.write_balance(b)
            for v in vouchers: w.write_voucher(v)
        # leaving the block writes the closing #KSUMMA (not after an exception)

    Memory does not grow with the number of records: lines are buffered in
    small batches and written out.
    """

    def __init__(self, out: BinaryIO, *, checksum: bool = True, errors: Errors = "strict") -> None:
        self._out = out
        self._checksum = checksum
        self._errors = errors
        self._crc = 0
        self._buf: list[bytes] = []
        self._line = 0
        self._state = "new"
        self._dates: dict[date, str] = {}
        self._fields: dict[str, tuple[str, str]] = {}
        self._object_lists: dict[tuple[ObjectRef, ...], tuple[str, str]] = {}
        self.replacements: list[Replacement] = []

    # -- public API ----------------------------------------------------------------------------

    @property
    def lines_written(self) -> int:
        """Number of lines written so far."""
        return self._line

    def begin(self, sie: SieFile) -> None:
        """Write #FLAGGA, the opening #KSUMMA, identification, chart, dims, objects, unknowns."""
        if self._state != "new":
            raise RuntimeError("SieWriter.begin() called twice")
        self._state = "open"
        self._emit_raw(f"#FLAGGA {sie.flag if sie.flag is not None else 0}")
        if self._checksum:
            self._emit_raw("#KSUMMA")
        self._identification(sie)
        for acc in sie.accounts.values():
            self._record("#KONTO", [acc.number, acc.name])
            if acc.type is not None:
                self._record("#KTYP", [acc.number, acc.type.value])
            if acc.unit is not None:
                self._record("#ENHET", [acc.number, acc.unit])
            for code in acc.sru:
                self._record("#SRU", [acc.number, code])
        for dim in sie.dimensions.values():
            if dim.parent is None:
                self._record("#DIM", [dim.number, dim.name])
            else:
                self._record("#UNDERDIM", [dim.number, dim.name, dim.parent])
        for obj in sie.objects.values():
            self._record("#OBJEKT", [obj.dimension, obj.id, obj.name])
        for unknown in sie.unknown:
            self.write_unknown(unknown)

    def write_unknown(self, rec: UnknownRecord) -> None:
        """Write a record redovisa does not know, field by field as it was read.

        The reader keeps an object list of an unknown record as the text ``{1 100}``; such a
        field is written back as an object list, any other field as text.
        """
        self._check_open()
        label = rec.label if rec.label.startswith("#") else f"#{rec.label}"
        if not _PLAIN.fullmatch(label[1:]):
            raise SieWriteError(f"Okänd post med ogiltig etikett {label!r} kan inte skrivas.")
        line_no = self._line + 1
        parts, values = [label], [label]
        for raw in rec.fields:
            value = self._clean(raw, label, line_no)
            if _OBJECT_LIST_TEXT.fullmatch(value):
                parts.append(value)
                values.extend(value[1:-1].split())
            else:
                parts.append(_quote(value))
                values.append(value)
        self._line_out(" ".join(parts), "".join(values))

    def write_balance(self, b: Balance) -> None:
        """Write one #IB, #UB, #OIB, #OUB, #RES, #PSALDO or #PBUDGET record."""
        self._check_open()
        label = f"#{b.kind.value}"
        year = str(b.year)
        amount = self._amount(b.amount, label)
        tail = [] if b.quantity is None else [self._quantity(b.quantity, label)]
        if b.kind in _PERIOD_BALANCES:
            if b.period is None or not _PERIOD.fullmatch(b.period):
                raise SieWriteError(
                    f"{label} för konto {b.account} saknar period (ÅÅÅÅMM): {b.period!r}."
                )
            self._record(label, [year, b.period, b.account], b.objects, [amount, *tail])
        elif b.kind in _OBJECT_BALANCES:
            self._record(label, [year, b.account], b.objects, [amount, *tail])
        else:
            if b.objects or b.period is not None:
                raise SieWriteError(
                    f"{label} för konto {b.account} kan inte ha objekt eller period."
                )
            self._record(label, [year, b.account, amount, *tail])

    def write_voucher(self, v: Voucher) -> None:
        """Write a #VER with its rows; each #RTRANS is followed by its twin #TRANS."""
        self._check_open()
        fields = [v.series, v.number, self._date(v.date)]
        opt = [
            v.text,
            None if v.reg_date is None else self._date(v.reg_date),
            v.sign,
        ]
        self._record("#VER", fields + _trim(opt))
        self._emit_raw("{")
        for p in v.postings:
            self._posting(p)
            if p.kind is TransKind.RTRANS:
                self._posting(p, TransKind.TRANS)
        self._emit_raw("}")

    def close(self) -> None:
        """Write the closing #KSUMMA (if asked for) and flush; ``out`` stays open."""
        if self._state == "closed":
            return
        if self._state == "new":
            raise RuntimeError("SieWriter.close() before begin()")
        if self._checksum:
            self._emit_raw(f"#KSUMMA {self._crc}")
        self._state = "closed"
        self._flush()

    def __enter__(self) -> SieWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self._flush()

    # -- records -------------------------------------------------------------------------------

    def _identification(self, sie: SieFile) -> None:
        if sie.program is not None or sie.program_version is not None:
            self._record("#PROGRAM", [sie.program or "", *_trim([sie.program_version])])
        self._record("#FORMAT", ["PC8"])
        if sie.generated is not None or sie.generated_by is not None:
            self._record("#GEN", [self._date(sie.generated), *_trim([sie.generated_by])])
        self._opt("#SIETYP", sie.sie_type)
        self._opt("#PROSA", sie.prosa)
        self._opt("#FTYP", sie.company_type)
        self._opt("#FNR", sie.company_id)
        if sie.orgnr is not None or sie.orgnr_extra:
            self._record("#ORGNR", [sie.orgnr or "", *sie.orgnr_extra])
        self._opt("#BKOD", sie.industry_code)
        if sie.address is not None:
            a = sie.address
            self._record(
                "#ADRESS", [a.contact or "", a.street or "", a.postal or "", a.phone or ""]
            )
        self._opt("#FNAMN", sie.company_name)
        for fy in sie.fiscal_years:
            self._record("#RAR", [str(fy.index), self._date(fy.start), self._date(fy.end)])
        self._opt("#TAXAR", sie.tax_year)
        if sie.extent is not None:
            self._record("#OMFATTN", [self._date(sie.extent)])
        self._opt("#KPTYP", sie.chart_type)
        self._opt("#VALUTA", sie.currency)

    def _opt(self, label: str, value: str | None) -> None:
        if value is not None:
            self._record(label, [value])

    def _posting(self, p: Posting, kind: TransKind | None = None) -> None:
        """The hot path of big files: cached fields, no generic record machinery."""
        label = _TRANS_LABELS[kind or p.kind]
        line_no = self._line + 1
        acc_w, acc_v = self._field(p.account, label, line_no)
        amount = self._amount(p.amount, label)
        if p.objects:
            obj_w, obj_v = self._objects(p.objects, label, line_no)
        else:
            obj_w, obj_v = "{}", ""
        if p.date is None and p.text is None and p.quantity is None and p.sign is None:
            self._line_out(f"{label} {acc_w} {obj_w} {amount}", f"{label}{acc_v}{obj_v}{amount}")
            return
        opt: list[tuple[str, str] | None] = [
            None if p.date is None else _safe(self._date(p.date)),
            None if p.text is None else self._field(p.text, label, line_no),
            None if p.quantity is None else _safe(self._quantity(p.quantity, label)),
            None if p.sign is None else self._field(p.sign, label, line_no),
        ]
        while opt[-1] is None:
            opt.pop()
        tail = [o if o is not None else _EMPTY for o in opt]
        self._line_out(
            " ".join([label, acc_w, obj_w, amount, *(w for w, _ in tail)]),
            "".join([label, acc_v, obj_v, amount, *(v for _, v in tail)]),
        )

    # -- fields and lines ----------------------------------------------------------------------

    def _record(
        self,
        label: str,
        head: list[str],
        objects: tuple[ObjectRef, ...] | None = None,
        tail: Iterable[str] = (),
    ) -> None:
        """Write ``label head... [{objects}] tail...``; fields are logical (unquoted) values."""
        line_no = self._line + 1
        parts = [label]
        values = [label]
        fields = [self._field(f, label, line_no) for f in head]
        if objects is not None:
            fields.append(self._objects(objects, label, line_no) if objects else ("{}", ""))
        fields.extend(self._field(f, label, line_no) for f in tail)
        for w, v in fields:
            parts.append(w)
            values.append(v)
        self._line_out(" ".join(parts), "".join(values))

    def _line_out(self, text: str, payload: str) -> None:
        """Push one record line; ``payload`` is what the checksum covers (label and values)."""
        if text.isascii():
            self._push(text.encode("ascii"))
            if self._checksum:
                self._crc = zlib.crc32(payload.encode("ascii"), self._crc)
        else:
            self._push(text.encode("cp437"))
            if self._checksum:
                self._crc = zlib.crc32(payload.encode("cp437"), self._crc)

    def _field(self, value: str, label: str, line_no: int) -> tuple[str, str]:
        """(as written, value) of a text field: quoted when needed, cleaned or refused."""
        hit = self._fields.get(value)
        if hit is not None:
            return hit
        clean = self._clean(value, label, line_no)
        out = (_quote(clean), clean)
        if clean is value and len(self._fields) < _CACHE_SIZE:
            self._fields[value] = out
        return out

    def _objects(self, objects: tuple[ObjectRef, ...], label: str, line_no: int) -> tuple[str, str]:
        """(as written, checksum values) of an object list ``{dim "obj" ...}``."""
        hit = self._object_lists.get(objects)
        if hit is not None:
            return hit
        n_replaced = len(self.replacements)
        ids: list[str] = []
        values: list[str] = []
        for dim, obj in objects:
            d = self._clean(dim, label, line_no)
            if not d or not _PLAIN.fullmatch(d):
                raise SieWriteError(f"Rad {line_no} ({label}): ogiltigt dimensionsnummer {dim!r}.")
            o = self._clean(obj, label, line_no)
            ids.append(f"{d} {_quote_object(o)}")
            values.append(d)
            values.append(o)
        out = ("{" + " ".join(ids) + "}", "".join(values))
        if len(self.replacements) == n_replaced and len(self._object_lists) < _CACHE_SIZE:
            self._object_lists[objects] = out
        return out

    def _clean(self, value: str, label: str, line_no: int) -> str:
        """``value`` if it can be written; else an error or a recorded replacement."""
        if value.isascii() and not _CONTROL.search(value) and not value.endswith("\\"):
            return value
        problem: str | None = None
        out = value
        if _CONTROL.search(out):
            problem = "styrtecken"
            out = _CONTROL.sub(" ", out)
        try:
            out.encode("cp437")
        except UnicodeEncodeError as e:
            bad = out[e.start]
            problem = problem or f"tecknet {bad!r} (U+{ord(bad):04X}) finns inte i CP437 (PC8)"
            out = "".join(c if c.isascii() or _in_cp437(c) else _cp437_fallback(c) for c in out)
        if out.endswith("\\") and not _PLAIN.fullmatch(out):
            problem = problem or "ett citerat fält kan inte sluta med omvänt snedstreck (\\)"
            out += " "
        if problem is None:
            return value
        if self._errors == "strict":
            raise SieWriteError(
                f"Rad {line_no} ({label}): {problem} i fältet {value!r}; "
                "texten kan inte skrivas som SIE 4 utan att ändras."
            )
        self.replacements.append(Replacement(line_no, label, value, out))
        return out

    def _amount(self, d: Decimal, label: str) -> str:
        if d.is_finite():
            s = str(d)
            dot = s.find(".")
            if "E" not in s and (dot < 0 or len(s) - dot <= 3):
                return s
            exponent = d.as_tuple().exponent
            q = d.quantize(Decimal("0.01")) if isinstance(exponent, int) and exponent < -2 else d
            if q == d:
                return format(q, "f")
        raise SieWriteError(
            f"Rad {self._line + 1} ({label}): beloppet {d} har mer än två decimaler "
            "eller är inget tal; belopp avrundas aldrig."
        )

    def _quantity(self, d: Decimal, label: str) -> str:
        if not d.is_finite():
            raise SieWriteError(f"Rad {self._line + 1} ({label}): kvantiteten {d} är inget tal.")
        return format(d, "f")

    def _date(self, d: date | None) -> str:
        if d is None:
            return ""
        s = self._dates.get(d)
        if s is None:
            s = f"{d.year:04d}{d.month:02d}{d.day:02d}"
            if len(self._dates) < 4096:
                self._dates[d] = s
        return s

    def _emit_raw(self, text: str) -> None:
        """A line that is not part of the checksum (#FLAGGA, #KSUMMA, braces)."""
        self._push(text.encode("cp437"))

    def _push(self, data: bytes) -> None:
        self._buf.append(data)
        self._line += 1
        if len(self._buf) >= _FLUSH_LINES:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self._buf.append(b"")
            self._out.write(_CRLF.join(self._buf))
            self._buf.clear()

    def _check_open(self) -> None:
        if self._state != "open":
            raise RuntimeError("SieWriter: begin() first, and nothing after close()")


def _in_cp437(ch: str) -> bool:
    try:
        ch.encode("cp437")
    except UnicodeEncodeError:
        return False
    return True


def _safe(token: str) -> tuple[str, str]:
    """A field the writer made itself (date, number): written as is, ``""`` when empty."""
    return (token, token) if token else _EMPTY


def _trim(opt: list[str | None]) -> list[str]:
    """Optional trailing fields: drop the missing ones at the end, ``""`` for gaps."""
    while opt and opt[-1] is None:
        opt.pop()
    return [o if o is not None else "" for o in opt]


def _escape(value: str) -> str:
    return value.replace('"', '\\"')


def _quote(value: str) -> str:
    """Quote a field only when needed; a final backslash forces the plain form."""
    if _PLAIN.fullmatch(value) and (not value.startswith("#") or value.endswith("\\")):
        return value
    return f'"{_escape(value)}"'


def _quote_object(value: str) -> str:
    """Object ids are quoted (``"0123"`` is not ``123``), unless they end in a backslash."""
    if value.endswith("\\") and _PLAIN.fullmatch(value):
        return value
    return f'"{_escape(value)}"'


@contextmanager
def _open_out(out: BinaryIO | str | Path) -> Iterator[BinaryIO]:
    if isinstance(out, str | Path):
        with open(out, "wb") as fh:
            yield fh
    else:
        yield out


def write_sie(
    sie: SieFile,
    out: BinaryIO | str | Path,
    *,
    checksum: bool = True,
    errors: Errors = "strict",
) -> None:
    """Skriv SIE-fil: write ``sie`` as SIE 4 (PC8, CRLF) to a binary stream or a path.

    Raises :class:`SieWriteError` when a value cannot be written (see the module
    docstring); with a path, a partly written file may then be left behind.
    """
    with _open_out(out) as fh, SieWriter(fh, checksum=checksum, errors=errors) as w:
        w.begin(sie)
        for b in sie.balances:
            w.write_balance(b)
        for v in sie.vouchers:
            w.write_voucher(v)


def sie_to_bytes(sie: SieFile, *, checksum: bool = True, errors: Errors = "strict") -> bytes:
    """The SIE 4 bytes of ``sie`` (as :func:`write_sie` writes them)."""
    buf = BytesIO()
    write_sie(sie, buf, checksum=checksum, errors=errors)
    return buf.getvalue()

"""Native import: a C pass over the lines (:mod:`redovisa.ledger._native`), DuckDB from Arrow.

The fastest of the three import paths (docs/performance.md, "How the import got fast"):

1. :func:`~redovisa.ledger.scan.scan_file` checks the bytes and finds the encoding exactly as
   the reader does.
2. The file is read in chunks of whole lines; for each chunk the C pass returns the voucher
   rows as Arrow column buffers (decoded to UTF-8, amounts as exact decimals, dates as days),
   the other lines for the reader's own :class:`~redovisa.sie.machine.SieParser`, and the
   bytes the ``#KSUMMA`` checksum covers. DuckDB appends each chunk's rows to ``voucher``,
   ``posting`` and ``posting_object`` straight from Arrow and sums them per day (the
   pre-aggregates), so memory does not grow with the file.
3. After the last chunk the voucher checks run in SQL over the new rows; the vouchers they find
   suspect are re-read from the file through a scratch reader, so every diagnostic is the
   reader's own (codes, lines, messages).

All of it happens in one transaction: a file with errors, a file the C pass does not take
(anything not in the canonical form: see ``_native.c``), a checksum that does not verify or a
Ctrl-C rolls everything back, and :func:`native_import` returns None (not taken) or an outcome
without counts (errors). Files it does not take go to the SQL bulk path, then to the reader.
"""

from __future__ import annotations

import codecs
import gc
import os
import re
import zlib
from array import array
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from types import ModuleType
from typing import Any

import pyarrow as pa

from redovisa.core.diagnostics import Diagnostic, has_errors
from redovisa.ledger.bulk import Progress, encoding_diagnostic, reader_words, year_params
from redovisa.ledger.loader import ImportCounts, replace_with
from redovisa.ledger.scan import Scan, scan_file
from redovisa.ledger.store import LedgerStore
from redovisa.sie.checksum import MODULUS
from redovisa.sie.encoding import CHUNK_SIZE, UTF8, detect, looks_binary
from redovisa.sie.machine import SieParser
from redovisa.sie.records import SieFile

_native: ModuleType | None
try:
    from redovisa.ledger import _native
except ImportError:  # built without a C compiler: the other paths do the work
    _native = None

__all__ = ["NativeResult", "available", "decode_table", "native_import", "new_parser"]

CHUNK = 16 << 20
FIRST_CHUNK = 1 << 20
"""The first chunk is small: its other lines (the header) go to the reader while the C pass
reads the next chunk, so nothing waits long for the first batch."""
"""Bytes per chunk: about 300 000 rows, so a chunk's Arrow columns stay near 20 MB."""

_AMOUNT = pa.decimal128(18, 2)
_INT32 = pa.int32()
_QUANTITY = pa.decimal128(24, 6)


def available() -> bool:
    """True when the C pass was built."""
    return _native is not None


def new_parser(table: tuple[bytes, ...] | None) -> Any:
    """A fresh C pass (for tests and fuzzing); see ``_native.pyi``."""
    if _native is None:
        raise RuntimeError("redovisa.ledger._native was not built")
    return _native.Parser(table)


@dataclass(slots=True)
class NativeResult:
    """What the native path read; ``counts`` is None when the file had errors."""

    sie: SieFile
    diagnostics: list[Diagnostic]
    counts: ImportCounts | None


class _NotTaken(Exception):
    """The file is not for the native path (rolls back whatever was written)."""


class _Rejected(Exception):
    """The file has errors (rolls back whatever was written)."""


@dataclass(slots=True)
class _State:
    """The file being read, and what its chunks leave behind for the checks at the end."""

    path: str | os.PathLike[str]
    encoding: str
    starts: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))
    suspects: array[int] = field(default_factory=lambda: array("q"))
    crc: int = 0
    vouchers: int = 0
    rows: int = 0


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


def _scan(path: str | os.PathLike[str]) -> Scan | None:
    """What the native pass needs to know before it starts; None when it cannot take the file."""
    scan = _quick_scan(path)
    if scan is not None:
        return scan
    scan = scan_file(path)
    if not scan.bulk_ok or scan.bom or scan.replacement_chars or scan.encoding != UTF8:
        return None
    return scan


def native_import(
    store: LedgerStore,
    path: str | os.PathLike[str],
    display_path: str,
    progress: Progress | None = None,
) -> NativeResult | None:
    """Import ``path`` on the native path; None when it does not take the file."""
    if _native is None:
        return None
    if progress:
        progress("Kontrollerar filen", 0.0)
    scan = _scan(path)
    if scan is None:
        return None
    encoding = scan.encoding
    parser = SieParser(display_path, verify_checksum=False)  # checked here, on all the lines
    native = _native.Parser(None if scan.ascii_only else decode_table(encoding))
    size = os.path.getsize(path) or 1
    state = _State(path, encoding)
    # the reader's parser reads the other lines in a thread of its own, in file order, while
    # DuckDB stores the rows (DuckDB and the C pass run without the GIL)
    reader = ThreadPoolExecutor(1)
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles: no collector passes while importing
    try:
        with store.transaction():
            imp = store.next_import_id()
            read = []
            for batch, done in _batches(native, path):
                read.append(reader.submit(_header_lines, parser, batch.pop("header"), encoding))
                _store_batch(store, imp, batch, state)
                if progress:
                    progress("Läser verifikationer", 0.05 + 0.75 * done / size)
            for future in read:
                future.result()
            seen, declared = native.checksum
            if seen and not (seen == 2 and declared % MODULUS == state.crc):
                raise _NotTaken("kontrollsumman")  # the reader words what is wrong
            if progress:
                progress("Kontrollerar verifikationer", 0.8)
            totals = native.totals()
            _checks(store, imp, parser, state, totals)
            encoding_diagnostic(parser, scan)
            parser.finish()
            sie = parser.sie
            sie.encoding = encoding
            diagnostics = parser.diagnostics()
            if has_errors(diagnostics):
                raise _Rejected
            if progress:
                progress("Skriver till databasen", 0.9)
            replace_with(store, imp, sie, display_path)
            _store_totals(store, imp, totals)
            counts = ImportCounts(
                imp, len(sie.accounts), state.vouchers, state.rows, len(sie.balances)
            )
    except _NotTaken:
        return None
    except _Rejected:
        return NativeResult(parser.sie, diagnostics, None)
    finally:
        reader.shutdown(cancel_futures=True)
        if collecting:
            gc.enable()
    return NativeResult(sie, diagnostics, counts)


def _batches(native: Any, path: str | os.PathLike[str]) -> Iterator[tuple[dict[str, Any], int]]:
    """The C pass's batches and the bytes read so far; the next chunk is read and parsed in a
    thread (the pass runs without the GIL) while the caller stores the previous one."""
    chunks = _chunks(path)
    done = 0

    def parse_next() -> tuple[Any, int, bool] | None:
        got = next(chunks, None)
        if got is None:
            return None
        chunk, final = got
        return native.feed(chunk, final), len(chunk), final

    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(parse_next)
        while True:
            got = pending.result()
            if got is None:
                return
            batch, n, final = got
            if batch is None:
                raise _NotTaken(native.reason)
            if not final:
                pending = pool.submit(parse_next)
            done += n
            yield batch, done
            if final:
                return


def _chunks(path: str | os.PathLike[str]) -> Iterator[tuple[bytes, bool]]:
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


def _header_lines(parser: SieParser, lines: list[tuple[int, bytes]], encoding: str) -> None:
    for ln, raw in lines:
        parser.feed(ln, raw.decode(encoding))
        if parser.stopped:
            raise _NotTaken("läsaren slutade")


# -- one chunk into the store -----------------------------------------------------------------


def _buf(b: bytes) -> pa.Buffer:
    return pa.py_buffer(b)


def _col(kind: pa.DataType, n: int, data: bytes | None, valid: bytes | None = None) -> pa.Array:
    if data is None:  # every value of the chunk is null
        return pa.nulls(n, kind)
    return pa.Array.from_buffers(kind, n, [_buf(valid) if valid is not None else None, _buf(data)])


def _text(batch: dict[str, Any], name: str, n: int, valid: str | None = None) -> pa.Array:
    if batch[f"{name}_off"] is None:  # every value of the chunk is null
        return pa.nulls(n, pa.string())
    bits = _buf(batch[valid]) if valid is not None else None
    return pa.Array.from_buffers(
        pa.string(), n, [bits, _buf(batch[f"{name}_off"]), _buf(batch[f"{name}_data"])]
    )


def _tables(batch: dict[str, Any]) -> dict[str, pa.Table]:
    nv, npost, nobj = batch["n_vouchers"], batch["n_postings"], batch["n_objects"]
    b = batch
    vouchers = pa.table(
        {
            "vno": _col(pa.int64(), nv, b["v_vno"]),
            "series": _text(b, "v_series", nv),
            "number": _text(b, "v_number", nv),
            "date": _col(pa.date32(), nv, b["v_date"]),
            "text": _text(b, "v_text", nv, "v_text_ok"),
            "reg_date": _col(pa.date32(), nv, b["v_regdate"], b["v_regdate_ok"]),
            "sign": _text(b, "v_sign", nv, "v_sign_ok"),
            "line": _col(pa.int64(), nv, b["v_line"]),
        }
    )
    postings = pa.table(
        {
            "vno": _col(pa.int64(), npost, b["p_vno"]),
            "row_no": _col(pa.int32(), npost, b["p_row"]),
            "account": _text(b, "p_account", npost),
            "amount": _col(_AMOUNT, npost, b["p_amount"]),
            "date": _col(pa.date32(), npost, b["p_date"], b["p_date_ok"]),
            "text": _text(b, "p_text", npost, "p_text_ok"),
            "quantity": _col(_QUANTITY, npost, b["p_qty"], b["p_qty_ok"]),
            "sign": _text(b, "p_sign", npost, "p_sign_ok"),
            "kind": _col(pa.int8(), npost, b["p_kind"]),
            "line": _col(pa.int64(), npost, b["p_line"]),
        }
    )
    objects = pa.table(
        {
            "vno": _col(pa.int64(), nobj, b["o_vno"]),
            "row_no": _col(pa.int32(), nobj, b["o_row"]),
            "position": _col(pa.int32(), nobj, b["o_pos"]),
            "dim": _text(b, "o_dim", nobj),
            "obj": _text(b, "o_obj", nobj),
        }
    )
    return {"nat_v": vouchers, "nat_p": postings, "nat_o": objects}


def _store_batch(store: LedgerStore, imp: int, batch: dict[str, Any], state: _State) -> None:
    state.starts.frombytes(batch["v_start"])
    state.ends.frombytes(batch["v_end"])
    state.suspects.frombytes(batch["suspects"])
    if batch["checksum_bytes"]:
        state.crc = zlib.crc32(batch["checksum_bytes"], state.crc)
    state.vouchers += batch["n_vouchers"]
    state.rows += batch["n_postings"]
    _store_rows(store, imp, _tables(batch))


def _store_rows(store: LedgerStore, imp: int, tables: dict[str, pa.Table]) -> None:
    store.insert_from(
        {
            name: sql.replace("$imp", str(int(imp)))
            for name, sql in _INSERT_BATCH.items()
            if len(tables[name])
        },
        tables,
    )


_INSERT_BATCH = {
    "nat_v": "INSERT INTO voucher SELECT $imp, vno, series, number, date, text, reg_date, sign,"
    " line FROM nat_v",
    "nat_p": """INSERT INTO posting
SELECT $imp, vno, row_no, account, amount, date, text, quantity, sign,
  CASE kind WHEN 0 THEN 'TRANS' WHEN 1 THEN 'BTRANS' ELSE 'RTRANS' END, kind <> 1, line
FROM nat_p""",
    "nat_o": "INSERT INTO posting_object SELECT $imp, vno, row_no, position, dim, obj FROM nat_o",
}


def _names(totals: dict[str, Any]) -> pa.Array:
    return pa.Array.from_buffers(
        pa.string(),
        totals["names_count"],
        [None, _buf(totals["names_off"]), _buf(totals["names_data"])],
    )


def _sums(totals: dict[str, Any], prefix: str, names: pa.Array) -> dict[str, pa.Array]:
    """One table of sums from the C pass: its keys (names or days), debit, credit, n."""
    n = totals[f"{prefix}_count"]

    def ints(key: str, kind: pa.DataType = _INT32) -> pa.Array:
        return _col(kind, n, totals[f"{prefix}_{key}"])

    def named(key: str) -> pa.Array:
        return pa.DictionaryArray.from_arrays(ints(key), names)

    out = {
        "debit": _col(_AMOUNT, n, totals[f"{prefix}_debit"]),
        "credit": _col(_AMOUNT, n, totals[f"{prefix}_credit"]),
        "n": _col(pa.int64(), n, totals[f"{prefix}_n"]),
    }
    if prefix == "day":
        return {"account": named("k1lo"), "day": ints("k2lo", pa.date32()), **out}
    if prefix == "day_object":
        return {
            "dimension": named("k1hi"),
            "object_id": named("k1lo"),
            "account": named("k2hi"),
            "day": ints("k2lo", pa.date32()),
            **out,
        }
    return {"account": named("k1lo"), "ym": ints("k2lo"), **out}


def _store_totals(store: LedgerStore, imp: int, totals: dict[str, Any]) -> None:
    """The daily pre-aggregates (redovisa.ledger.daily), summed by the C pass."""
    names = _names(totals)
    store.insert_from(
        {
            "nat_day": f"INSERT INTO posting_day SELECT {int(imp)}, account, day, debit, credit, n"
            " FROM nat_day",
            "nat_day_object": f"INSERT INTO posting_day_object SELECT {int(imp)}, dimension,"
            " object_id, account, day, debit, credit, n FROM nat_day_object",
        },
        {
            "nat_day": pa.table(_sums(totals, "day", names)),
            "nat_day_object": pa.table(_sums(totals, "day_object", names)),
        },
    )


# -- the checks at the end ------------------------------------------------------------------

_MORE_SUSPECTS = """
SELECT voucher_id FROM (
  SELECT voucher_id, count(*) OVER (PARTITION BY series, number) AS n
  FROM voucher WHERE import_id = $imp) WHERE n > 1
UNION ALL
SELECT voucher_id FROM voucher v WHERE import_id = $imp AND $check_years AND NOT EXISTS (
  SELECT 1 FROM (SELECT unnest($starts) AS s, unnest($ends) AS e) y
  WHERE v.date BETWEEN y.s AND y.e)
"""


def _checks(
    store: LedgerStore,
    imp: int,
    parser: SieParser,
    state: _State,
    totals: dict[str, Any],
) -> None:
    """The reader's whole-file sums, and the reader's own words on the suspect vouchers."""
    checks = parser.checks
    checks.vouchers = state.vouchers
    checks.rows = state.rows
    names = _names(totals)
    months = _sums(totals, "months", names)
    for acc, ym, debit, credit in zip(
        months["account"].to_pylist(),
        months["ym"].to_pylist(),
        months["debit"].to_pylist(),
        months["credit"].to_pylist(),
        strict=True,
    ):
        checks.movements.setdefault(ym, {})[acc] = debit + credit
    names = names.to_pylist()
    for used, which in ((checks.used_accounts, "first_account"), (checks.used_dims, "first_dim")):
        firsts = array("q")
        firsts.frombytes(totals[which])
        for i, line in enumerate(firsts):
            old = used.get(names[i])
            if line and (old is None or line < old):
                used[names[i]] = line
    more = store.fetchall_named(_MORE_SUSPECTS, {"imp": imp, **year_params(parser)})
    suspects = sorted({*state.suspects, *(int(r[0]) for r in more)})
    if suspects:
        _reread(parser, suspects, state)


def _reread(parser: SieParser, vnos: list[int], state: _State) -> None:
    """Let the reader word what is wrong with the vouchers ``vnos`` (1-based), read again."""
    reader_words(parser, _voucher_lines(vnos, state))


def _voucher_lines(vnos: list[int], state: _State) -> Iterator[tuple[int, str]]:
    """The non-blank lines of the vouchers ``vnos`` (ascending), with their numbers."""
    decoder = codecs.getdecoder(state.encoding)
    with open(state.path, "rb") as handle:
        # the line number of each voucher's #VER: count line ends up to its first byte
        pos, line = 0, 1
        for vno in vnos:
            start, end = state.starts[vno - 1], state.ends[vno - 1]
            handle.seek(pos)
            line += handle.read(start - pos).count(b"\n")
            text = decoder(handle.read(end - start))[0]
            for i, raw in enumerate(text.split("\n")[: -1 if text.endswith("\n") else None]):
                s = raw[:-1] if raw.endswith("\r") else raw
                if s.strip(" \t\r"):
                    yield line + i, s
            pos = start

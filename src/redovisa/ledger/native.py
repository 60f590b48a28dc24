"""Native import: a C pass over the lines (:mod:`redovisa.ledger.native_pass`), DuckDB from Arrow.

The fastest of the three import paths (docs/performance.md, "How the import got fast"):

1. :func:`~redovisa.ledger.native_pass.start` checks the bytes and finds the encoding exactly
   as the reader does, then runs the C pass in a thread of its own, a few chunks ahead of the
   store. ``redovisa import`` starts it before DuckDB and pyarrow are even imported.
2. For each chunk of whole lines the C pass gives the voucher rows as Arrow column buffers
   (decoded to UTF-8, amounts as exact decimals, dates as days), the other lines for the
   reader's own :class:`~redovisa.sie.machine.SieParser`, and the checksum of the ``#KSUMMA``
   records; at the end, the rows summed per account and day, and per object, account and
   month (the pre-aggregates).
3. DuckDB stores the rows with one ``INSERT`` per table: ``posting`` (each row's objects as
   JSON text, ``posting.objects``) streams from the C pass as it reads; ``voucher`` waits in a
   :class:`_Stash` (in memory, or in a temporary Arrow file for big files, so memory does not
   grow with the file) and follows, while the reader's parser reads the header lines in a
   second thread. One statement per table fills whole row groups, so the commit has little
   left to write.
4. The voucher checks run in SQL over the new rows; the vouchers they find suspect are re-read
   from the file through a scratch reader, so every diagnostic is the reader's own (codes,
   lines, messages).

All of it happens in one transaction: a file with errors, a file the C pass does not take
(anything not in the canonical form: see ``_native.c``), a checksum that does not verify or a
Ctrl-C rolls everything back, and :func:`native_import` returns None (not taken) or an outcome
without counts (errors). Files it does not take go to the SQL bulk path, then to the reader.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import os
import shutil
import tempfile
from array import array
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from redovisa.core.diagnostics import Diagnostic, has_errors
from redovisa.core.errors import StoreError
from redovisa.ledger.bulk import Progress, encoding_diagnostic, reader_words, year_params
from redovisa.ledger.loader import ImportCounts, header_tables, replace_with
from redovisa.ledger.native_pass import (
    NativePass,
    NotTaken,
    available,
    decode_table,
    new_parser,
    start,
)
from redovisa.ledger.store import LedgerStore
from redovisa.sie.checksum import MODULUS
from redovisa.sie.machine import SieParser
from redovisa.sie.records import SieFile

__all__ = ["NativeResult", "available", "decode_table", "native_import", "new_parser"]

STASH_BYTES = 64 << 20
"""Arrow bytes a :class:`_Stash` keeps in memory before it moves to a temporary file."""

_AMOUNT = pa.decimal128(18, 2)
_INT32 = pa.int32()
_QUANTITY = pa.decimal128(24, 6)


@dataclass(slots=True)
class NativeResult:
    """What the native path read; ``counts`` is None when the file had errors."""

    sie: SieFile
    diagnostics: list[Diagnostic]
    counts: ImportCounts | None


class _Rejected(Exception):
    """The file has errors (rolls back whatever was written)."""


class _Stash:
    """Arrow tables of one store table, kept until its ``INSERT``.

    In memory up to ``limit`` bytes; beyond that everything goes to an Arrow stream file in
    ``folder`` (the caller removes it), read back batch by batch.
    """

    def __init__(self, schema: pa.Schema, folder: str, name: str, limit: int) -> None:
        self.schema = schema
        self.path = os.path.join(folder, f"{name}.arrows")
        self.limit = limit
        self.tables: list[pa.Table] = []
        self.size = 0
        self._writer: Any = None

    def add(self, table: pa.Table) -> None:
        if not len(table):
            return
        if self._writer is None:
            self.tables.append(table)
            self.size += table.nbytes
            if self.size <= self.limit:
                return
            self._writer = pa.ipc.new_stream(self.path, self.schema)
            table = pa.concat_tables(self.tables)
            self.tables = []
        self._writer.write_table(table)

    def source(self) -> Any:
        """All the rows: a table, or a reader over the file.

        The table is one chunk: DuckDB stores a table of one chunk about twice as fast as the
        same rows in a chunk per batch (and with ``preserve_insertion_order`` off, the time
        saved goes to the commit).
        """
        if self._writer is None:
            if not self.tables:
                return self.schema.empty_table()
            return pa.concat_tables(self.tables).combine_chunks()
        self._writer.close()
        return pa.ipc.open_stream(self.path)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


@dataclass(slots=True)
class _State:
    """The file being read, and what its chunks leave behind for the checks at the end."""

    npass: NativePass
    parser: SieParser
    folder: str
    progress: Progress | None
    vouchers: _Stash = field(init=False)
    reader: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1))
    read: list[Future[None]] = field(default_factory=list)  # the header lines of each batch
    starts: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))
    suspects: array[int] = field(default_factory=lambda: array("q"))
    rows: int = 0
    error: BaseException | None = None

    def __post_init__(self) -> None:
        self.vouchers = _Stash(_VOUCHER, self.folder, "voucher", STASH_BYTES)

    @property
    def path(self) -> str | os.PathLike[str]:
        return self.npass.path

    @property
    def encoding(self) -> str:
        return self.npass.encoding


def native_import(
    store: LedgerStore,
    path: str | os.PathLike[str],
    display_path: str,
    progress: Progress | None = None,
    started: NativePass | None = None,
) -> NativeResult | None:
    """Import ``path`` on the native path; None when it does not take the file.

    ``started`` is a pass over the same file already running (see
    :func:`~redovisa.ledger.native_pass.start`); it is closed here either way.
    """
    if progress:
        progress("Kontrollerar filen", 0.0)
    npass = started if started is not None else start(path)
    if npass is None:
        return None
    parser = SieParser(display_path, verify_checksum=False)  # checked here, on all the lines
    folder = tempfile.mkdtemp(prefix="redovisa-import-")
    state = _State(npass, parser, folder, progress)
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles: no collector passes while importing
    try:
        with store.transaction():
            imp = store.next_import_id()
            _stream_postings(store, imp, state)
            seen, declared = npass.parser.checksum
            if seen and not (seen == 2 and declared % MODULUS == npass.parser.crc):
                raise NotTaken("kontrollsumman")  # the reader words what is wrong
            # the reader's thread finishes the header (its lines were read as they came),
            # checks and tables, while DuckDB stores the vouchers and the sums
            totals = npass.totals()
            vouchers, sums = state.vouchers.source(), _sum_tables(totals)
            if progress:
                progress("Lagrar verifikationer", 0.7)
            read = state.reader.submit(_read_header, state, totals, imp)  # (after the main
            # thread's Python work: the two threads would take turns with the GIL)
            _insert(store, imp, "nat_v", vouchers)
            _store_totals(store, imp, sums)
            if progress:
                progress("Kontrollerar verifikationer", 0.8)
            header = read.result()
            _suspects(store, imp, parser, state)
            encoding_diagnostic(parser, npass.scan)
            parser.finish()
            sie = parser.sie
            sie.encoding = npass.encoding
            diagnostics = parser.diagnostics()
            if has_errors(diagnostics):
                raise _Rejected
            if progress:
                progress("Skriver till databasen", 0.9)
            replace_with(store, imp, sie, display_path, header)
            counts = ImportCounts(
                imp, len(sie.accounts), npass.parser.vouchers, state.rows, len(sie.balances)
            )
    except NotTaken:
        return None
    except _Rejected:
        return NativeResult(parser.sie, diagnostics, None)
    finally:
        with contextlib.suppress(StoreError):
            store.execute("RESET preserve_insertion_order")
        state.reader.shutdown(cancel_futures=True)
        npass.close()
        state.vouchers.close()
        shutil.rmtree(folder, ignore_errors=True)
        if collecting:
            gc.enable()
    return NativeResult(sie, diagnostics, counts)


def _header_lines(parser: SieParser, lines: list[tuple[int, bytes]], encoding: str) -> None:
    for ln, raw in lines:
        parser.feed(ln, raw.decode(encoding))
        if parser.stopped:
            raise NotTaken("läsaren slutade")


# -- the rows into the store ------------------------------------------------------------------


def _buf(b: Any) -> pa.Buffer:
    return pa.py_buffer(b)


def _col(kind: pa.DataType, n: int, data: Any, valid: Any = None) -> pa.Array:
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


_VOUCHER = pa.schema(
    [
        ("vno", pa.int64()),
        ("series", pa.string()),
        ("number", pa.string()),
        ("date", pa.date32()),
        ("text", pa.string()),
        ("reg_date", pa.date32()),
        ("sign", pa.string()),
        ("line", pa.int64()),
    ]
)
_POSTING = pa.schema(
    [
        ("vno", pa.int64()),
        ("row_no", pa.int32()),
        ("account", pa.string()),
        ("amount", _AMOUNT),
        ("date", pa.date32()),
        ("text", pa.string()),
        ("quantity", _QUANTITY),
        ("sign", pa.string()),
        ("kind", pa.int8()),
        ("line", pa.int64()),
        ("objects", pa.string()),
    ]
)


def _vouchers(b: dict[str, Any]) -> pa.Table:
    n = b["n_vouchers"]
    return pa.Table.from_arrays(
        [
            _col(pa.int64(), n, b["v_vno"]),
            _text(b, "v_series", n),
            _text(b, "v_number", n),
            _col(pa.date32(), n, b["v_date"]),
            _text(b, "v_text", n, "v_text_ok"),
            _col(pa.date32(), n, b["v_regdate"], b["v_regdate_ok"]),
            _text(b, "v_sign", n, "v_sign_ok"),
            _col(pa.int64(), n, b["v_line"]),
        ],
        schema=_VOUCHER,
    )


def _postings(b: dict[str, Any]) -> pa.RecordBatch:
    n = b["n_postings"]
    return pa.RecordBatch.from_arrays(
        [
            _col(pa.int64(), n, b["p_vno"]),
            _col(pa.int32(), n, b["p_row"]),
            _text(b, "p_account", n),
            _col(_AMOUNT, n, b["p_amount"]),
            _col(pa.date32(), n, b["p_date"], b["p_date_ok"]),
            _text(b, "p_text", n, "p_text_ok"),
            _col(_QUANTITY, n, b["p_qty"], b["p_qty_ok"]),
            _text(b, "p_sign", n, "p_sign_ok"),
            _col(pa.int8(), n, b["p_kind"]),
            _col(pa.int64(), n, b["p_line"]),
            _text(b, "p_objects", n),
        ],
        schema=_POSTING,
    )


def _posting_batches(state: _State) -> Iterator[pa.RecordBatch]:
    """The rows of each batch of the C pass for ``INSERT INTO posting`` (DuckDB pulls them);
    the rest of each batch goes to the stash and ``state``.

    DuckDB does not pass an exception raised here on (it only says the statement failed), so
    it is kept in ``state.error`` for :func:`_stream_postings` to raise.
    """
    try:
        for batch, done in state.npass.batches():
            state.read.append(
                state.reader.submit(
                    _header_lines, state.parser, batch.pop("header"), state.encoding
                )
            )
            state.starts.frombytes(batch["v_start"])
            state.ends.frombytes(batch["v_end"])
            state.suspects.frombytes(batch["suspects"])
            state.rows += batch["n_postings"]
            state.vouchers.add(_vouchers(batch))
            if batch["n_postings"]:
                yield _postings(batch)
            if state.progress:
                state.progress("Läser verifikationer", 0.05 + 0.65 * done / state.npass.size)
    except BaseException as e:
        state.error = e
        raise


_INSERT = {
    "nat_v": "INSERT INTO voucher SELECT $imp, vno, series, number, date, text, reg_date, sign,"
    " line FROM nat_v",
    "nat_p": """INSERT INTO posting
SELECT $imp, vno, row_no, account, amount, date, text, quantity, sign,
  CASE kind WHEN 0 THEN 'TRANS' WHEN 1 THEN 'BTRANS' ELSE 'RTRANS' END, kind <> 1, line,
  objects
FROM nat_p""",
}


def _insert(store: LedgerStore, imp: int, name: str, data: Any) -> None:
    store.insert_from({name: _INSERT[name].replace("$imp", str(int(imp)))}, {name: data})


def _stream_postings(store: LedgerStore, imp: int, state: _State) -> None:
    """``INSERT INTO posting`` as the C pass reads (the vouchers wait in the stash)."""
    rows = pa.RecordBatchReader.from_batches(_POSTING, _posting_batches(state))
    # A stream is read by one thread, so the rows keep their order anyway; without the order
    # guarantee DuckDB writes whole row groups to the file as they fill (as it does for a
    # table), instead of keeping them all for the commit.
    # (native_import resets it also when this fails: not possible before the rollback)
    store.execute("SET preserve_insertion_order = false")
    try:
        _insert(store, imp, "nat_p", rows)
    except StoreError:
        if state.error is not None:
            raise state.error from None
        raise
    store.execute("RESET preserve_insertion_order")
    if state.error is not None:
        raise state.error


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
    if prefix == "month_object":
        return {
            "dimension": named("k1hi"),
            "object_id": named("k1lo"),
            "account": named("k2hi"),
            "month": ints("k2lo", pa.date32()),
            **out,
        }
    return {"account": named("k1lo"), "ym": ints("k2lo"), **out}


def _store_totals(store: LedgerStore, imp: int, sums: dict[str, pa.Table]) -> None:
    """The pre-aggregates (redovisa.ledger.daily), summed by the C pass."""
    store.insert_from(
        {
            "nat_day": f"INSERT INTO posting_day SELECT {int(imp)}, account, day, debit, credit, n"
            " FROM nat_day",
            "nat_month_object": f"INSERT INTO posting_month_object SELECT {int(imp)}, dimension,"
            " object_id, account, month, debit, credit, n FROM nat_month_object",
        },
        dict(sums),
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


def _read_header(state: _State, totals: dict[str, Any], imp: int) -> dict[str, pa.Table]:
    """After the last batch, in the reader's thread: the header lines read, the C pass's sums
    given to the reader's whole-file checks, and the header tables made for the store."""
    for future in state.read:
        future.result()  # (ran before this in the same thread: raises what it raised)
    checks = state.parser.checks
    checks.vouchers = state.npass.parser.vouchers
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
    texts = names.to_pylist()
    for used, which in ((checks.used_accounts, "first_account"), (checks.used_dims, "first_dim")):
        firsts = array("q")
        firsts.frombytes(totals[which])
        for i, line in enumerate(firsts):
            old = used.get(texts[i])
            if line and (old is None or line < old):
                used[texts[i]] = line
    return header_tables(imp, state.parser.sie)


def _sum_tables(totals: dict[str, Any]) -> dict[str, pa.Table]:
    """The pre-aggregates of the C pass as tables for :func:`_store_totals`."""
    names = _names(totals)
    return {
        "nat_day": pa.table(_sums(totals, "day", names)),
        "nat_month_object": pa.table(_sums(totals, "month_object", names)),
    }


def _suspects(store: LedgerStore, imp: int, parser: SieParser, state: _State) -> None:
    """The reader's own words on the suspect vouchers: those the C pass marked, and those SQL
    finds (a series and number used twice, a date outside the fiscal years)."""
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

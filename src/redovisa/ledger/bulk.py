"""Bulk import: DuckDB reads the file, Python parses only the lines outside vouchers.

1. :func:`~redovisa.ledger.scan.scan_file` checks the bytes (encoding as the reader detects
   it, line ends); a non-UTF-8 file is transcoded to a temporary UTF-8 copy. A file with
   ``#KSUMMA`` is checked by :func:`~redovisa.ledger.ksumma.check_ksumma` in a thread while
   DuckDB reads it; a file whose checksum does not verify goes to the reader, which words
   the diagnostic.
2. DuckDB reads every line with its number (``read_csv`` with one column and no quoting),
   classifies it, and parses the ``#VER``/``#TRANS``/``#RTRANS``/``#BTRANS`` lines with
   regular expressions (:mod:`redovisa.ledger.bulk_sql`).
3. The other lines (identification, accounts, balances, ...) go through the SIE reader's own
   :class:`~redovisa.sie.machine.SieParser`, so their meaning is not written twice.
4. The voucher checks run as SQL and are reported with the reader's codes and messages; the
   sums the whole-file checks need are handed to the reader's checks before they run.

When the file is anything but canonical (a voucher line the patterns do not take, a block
that is not ``#VER { rows }``, control characters, a checksum that does not verify),
:func:`bulk_read` returns None
and the caller uses the reference reader, which gives the exact diagnostics.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from redovisa.core.diagnostics import Diagnostic, SourceRef, has_errors
from redovisa.core.errors import StoreError
from redovisa.ledger import bulk_sql as q
from redovisa.ledger.ksumma import KsummaCheck, check_ksumma
from redovisa.ledger.loader import (
    ImportCounts,
    begin_import,
    import_identity,
    insert_header,
    insert_organisation,
)
from redovisa.ledger.scan import Scan, scan_file, transcode
from redovisa.ledger.store import LedgerStore
from redovisa.sie import codes
from redovisa.sie.encoding import CP437, ENCODING_NAMES
from redovisa.sie.machine import SieParser
from redovisa.sie.records import SieFile

Progress = Callable[[str, float], None]
"""Called with a Swedish stage name and the fraction done (0..1)."""


@dataclass(slots=True)
class BulkRead:
    """A file read by the bulk path, its rows waiting in DuckDB temp tables."""

    sie: SieFile
    diagnostics: list[Diagnostic]
    vouchers: int
    rows: int


def _noop(stage: str, fraction: float) -> None:
    pass


def bulk_read(
    store: LedgerStore,
    path: str | os.PathLike[str],
    display_path: str,
    progress: Progress | None = None,
) -> BulkRead | None:
    """Read ``path`` into temp tables; None when the bulk path cannot take the file."""
    step = progress or _noop
    step("Kontrollerar filen", 0.0)
    scan = scan_file(path)
    if not scan.bulk_ok:
        return None
    source = Path(path)
    temp: Path | None = None
    checked: list[KsummaCheck] = []
    worker: threading.Thread | None = None
    if scan.checksum:  # C-speed bytes work in a thread, while DuckDB reads (both free the GIL)
        worker = threading.Thread(
            target=lambda: checked.append(check_ksumma(path, scan.encoding, scan.bom)),
            daemon=True,
        )
        worker.start()
    try:
        if scan.needs_transcoding:
            step("Konverterar teckenkodning", 0.05)
            try:
                temp = transcode(path, scan)
            except UnicodeDecodeError:
                return None
            source = temp
            step("Läser rader", 0.1)
        try:
            store.execute(q.read_raw(str(source), scan.crlf))
            store.execute_named(q.CLASSIFY, q.PARAMS)
            store.execute(q.DROP.format("bulk_raw"))
        except StoreError:
            return None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
        if worker is not None:
            worker.join()
    if worker is not None and not (checked and checked[0].verified):
        drop_temp(store)
        return None
    step("Tolkar verifikationer", 0.3)
    if not _canonical(store):
        drop_temp(store)
        return None
    step("Läser huvud och saldon", 0.5)
    # a verified checksum needs no second check (the header lines alone would not match)
    parser = SieParser(display_path, verify_checksum=not scan.checksum)
    for ln, txt in store.fetchall(q.HEADER_LINES):
        parser.feed(int(ln), txt or "")
        if parser.stopped:
            drop_temp(store)
            return None
    if scan.replacement_chars:
        _count_replacements(store, parser)
    step("Kontrollerar verifikationer", 0.6)
    vouchers, rows = _voucher_checks(store, parser)
    encoding_diagnostic(parser, scan)
    parser.finish()
    sie = parser.sie
    sie.encoding = scan.encoding
    return BulkRead(sie, parser.diagnostics(), vouchers, rows)


def _canonical(store: LedgerStore) -> bool:
    """Parse the voucher lines into temp tables; False when a line or block is not canonical."""
    store.execute(q.SEQUENCE)
    if store.fetchone(q.ORDERED_SEQUENCE) != (0,):
        store.execute(q.SEQUENCE_SORTED)
    if any(store.fetchall(q.PROBLEMS)[0]):
        return False
    late = store.fetchone(q.RAR_AFTER_VOUCHERS)
    if late is not None and late[0]:
        return False
    if store.fetchone(q.VER_PROBLEMS) != (0,):
        return False
    store.execute_named(
        q.ROWS, {"item_re": q.OBJECT_ITEM_RE, "simple_objects_re": q.SIMPLE_OBJECTS_RE}
    )
    store.execute(q.DATES)
    if any(store.fetchall_named(q.FIELD_PROBLEMS, {"quantity_re": q.QUANTITY_RE})[0]):
        return False
    store.execute(q.TWINS)
    twins = store.fetchone("SELECT count(twin_ln) FROM bulk_twins")
    gaps = store.fetchone(q.BLANKS_IN_BLOCKS)
    simple = twins == (0,) and gaps == (0,)
    store.execute(q.ROWS_FINAL_NO_TWINS if simple else q.ROWS_FINAL)
    store.execute(q.VOUCHERS)
    return True


def _voucher_checks(store: LedgerStore, parser: SieParser) -> tuple[int, int]:
    """Run the voucher checks in SQL; hand the sums to the reader's whole-file checks."""
    checks = parser.checks
    vouchers = int(store.fetchall("SELECT count(*) FROM bulk_vouchers")[0][0])
    rows = int(store.fetchall("SELECT count(*) FROM bulk_rows")[0][0])
    checks.vouchers = vouchers
    checks.rows = rows
    for ym, account, amount in store.fetchall(q.CHECK_MOVEMENTS):
        checks.movements.setdefault(int(ym), {})[account] = amount
    for account, line in store.fetchall(q.CHECK_USED_ACCOUNTS):
        old = checks.used_accounts.get(account)
        if old is None or int(line) < old:
            checks.used_accounts[account] = int(line)
    for dim, line in store.fetchall(q.CHECK_USED_DIMS):
        old = checks.used_dims.get(dim)
        if old is None or int(line) < old:
            checks.used_dims[dim] = int(line)
    _reader_voucher_diagnostics(store, parser)
    return vouchers, rows


def _reader_voucher_diagnostics(store: LedgerStore, parser: SieParser) -> None:
    """Let the reader itself judge the vouchers SQL found suspect, and keep what it says.

    SQL finds a superset of the vouchers with problems; their lines go through
    :func:`reader_words`, so codes and messages are the reader's.
    """
    vnos = [int(r[0]) for r in store.fetchall_named(q.SUSPECT_VOUCHERS, year_params(parser))]
    if vnos:
        lines = store.fetchall_named(q.SUSPECT_LINES, {"vnos": vnos})
        reader_words(parser, ((int(ln), txt or "") for ln, txt in lines))


def year_params(parser: SieParser) -> dict[str, object]:
    """SQL parameters for "a voucher date outside the file's fiscal years"."""
    years = parser.sie.fiscal_years
    return {
        "check_years": bool(years),
        "starts": [y.start for y in years] or [date(1, 1, 1)],
        "ends": [y.end for y in years] or [date(1, 1, 1)],
    }


def reader_words(parser: SieParser, lines: Iterable[tuple[int, str]]) -> None:
    """Feed voucher lines (number, text) to a scratch reader with the file's fiscal years and
    add what it reports to ``parser``'s report: the fast paths never word a diagnostic."""
    scratch = SieParser(
        parser.path,
        SieFile(fiscal_years=list(parser.sie.fiscal_years)),
        verify_checksum=False,
        max_per_code=1 << 62,
    )
    scratch.started = True
    for ln, txt in lines:
        scratch.feed(ln, txt)
    for d in scratch.report.items:
        line = d.where.line if isinstance(d.where, SourceRef) else None
        parser.report.add(d.code, line, d.message)


def _count_replacements(store: LedgerStore, parser: SieParser) -> None:
    """Add the voucher lines with U+FFFD to the reader's count (reported as SIE003)."""
    row = store.fetchone(q.REPLACED_LINES)
    if row is None or not row[0]:
        return
    count, first = int(row[0]), int(row[1])
    parser._replacement_lines += count
    if parser._first_replacement is None or first < parser._first_replacement:
        parser._first_replacement = first


def encoding_diagnostic(parser: SieParser, scan: Scan) -> None:
    """SIE002 exactly as the reader reports it after the last line."""
    sie = parser.sie
    if scan.encoding != CP437 and (sie.format is None or sie.format.upper() == "PC8"):
        declared = "anger #FORMAT PC8 (CP437)" if sie.format else "saknar #FORMAT (alltså PC8)"
        name = ENCODING_NAMES[scan.encoding]
        parser.report.add(
            codes.ENCODING,
            scan.first_non_ascii_line,
            f"filen {declared} men är kodad som {name}; den lästes som {name}. Kontrollera "
            "å, ä och ö och be om en export i PC8",
        )


def bulk_store(store: LedgerStore, read: BulkRead, source_path: str) -> ImportCounts:
    """Move a :class:`BulkRead` into the store (call inside a transaction)."""
    sie = read.sie
    identity = import_identity(sie, source_path)
    import_id = begin_import(store, identity)
    insert_organisation(store, import_id, identity, sie, source_path)
    insert_header(store, import_id, sie)
    params: dict[str, object] = {"imp": import_id}
    store.execute_named(q.INSERT_VOUCHERS, params)
    store.execute_named(q.INSERT_POSTINGS, params)
    store.execute_named(q.INSERT_DAY, params)  # = redovisa.ledger.daily.insert_daily
    store.execute_named(q.INSERT_MONTH_OBJECT, params)
    return ImportCounts(import_id, len(sie.accounts), read.vouchers, read.rows, len(sie.balances))


def drop_temp(store: LedgerStore) -> None:
    """Remove the bulk temp tables."""
    for table in q.TEMP_TABLES:
        with contextlib.suppress(StoreError):
            store.execute(q.DROP.format(table))


def read_has_errors(read: BulkRead) -> bool:
    """True when the read found error-severity problems."""
    return has_errors(read.diagnostics)

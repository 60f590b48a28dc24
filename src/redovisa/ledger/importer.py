"""Import an SIE file into the store: validate, then load atomically.

:func:`import_sie` tries the native path (:mod:`redovisa.ledger.native`, a C pass over the
lines), then the SQL bulk path (:mod:`redovisa.ledger.bulk`), then the reference reader
(:class:`redovisa.sie.SieStream` + :mod:`redovisa.ledger.loader`): each takes the files the one
before it does not. A file with error-severity diagnostics is not imported. Loading
is one transaction: a failure (or Ctrl-C) midway leaves the store as it was. Importing the
same organisation and fiscal year again replaces the earlier import (see
:func:`~redovisa.ledger.loader.import_identity`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from redovisa.core.diagnostics import Diagnostic, has_errors
from redovisa.ledger.bulk import Progress, bulk_read, bulk_store, drop_temp
from redovisa.ledger.daily import insert_daily
from redovisa.ledger.loader import ImportCounts, insert_vouchers, replace_with
from redovisa.ledger.native import native_import
from redovisa.ledger.native_pass import NativePass
from redovisa.ledger.store import LedgerStore
from redovisa.sie.parser import SieStream
from redovisa.sie.records import SieFile, Voucher

Method = Literal["auto", "native", "bulk", "reference"]
BATCH = 20_000
"""Vouchers per insert on the reference path."""
BULK_FROM_BYTES = 2_000_000
"""With ``method="auto"``, smaller files take the reference path (faster below this size)."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """Inläsning: what an import found and did; ``counts`` is None when nothing was loaded."""

    header: SieFile
    diagnostics: list[Diagnostic]
    counts: ImportCounts | None
    method: str

    @property
    def imported(self) -> bool:
        """True when the file is now in the store."""
        return self.counts is not None


class _Rejected(Exception):
    """Raised inside the transaction to roll back a file with errors."""


def import_sie(
    store: LedgerStore,
    path: str | os.PathLike[str],
    *,
    display_path: str | None = None,
    progress: Progress | None = None,
    method: Method = "auto",
    started: NativePass | None = None,
) -> ImportOutcome:
    """Validate ``path`` and load it into ``store`` unless it has errors.

    ``started`` is the C pass over ``path`` when the caller started it early
    (:func:`redovisa.ledger.native_pass.start`); it is closed here either way.

    Raises:
        InputError: the file cannot be read at all.
        StoreError: the database failed (the store is left as it was).
    """
    shown = display_path if display_path is not None else os.fspath(path)
    if method in ("auto", "native"):
        done = native_import(store, path, shown, progress, started)
        if done is not None:
            return ImportOutcome(done.sie, done.diagnostics, done.counts, "native")
    elif started is not None:
        started.close()
    if method == "auto" and os.path.getsize(path) < BULK_FROM_BYTES:
        method = "reference"
    if method != "reference":
        try:
            read = bulk_read(store, path, shown, progress)
            if read is not None:
                if has_errors(read.diagnostics):
                    return ImportOutcome(read.sie, read.diagnostics, None, "bulk")
                if progress:
                    progress("Skriver till databasen", 0.8)
                with store.transaction():
                    counts = bulk_store(store, read, shown)
                return ImportOutcome(read.sie, read.diagnostics, counts, "bulk")
        finally:
            drop_temp(store)
    return _import_reference(store, path, shown, progress)


def _batches(vouchers: Iterable[Voucher], size: int) -> Iterator[list[Voucher]]:
    it = iter(vouchers)
    while batch := list(islice(it, size)):
        yield batch


def _import_reference(
    store: LedgerStore, path: str | os.PathLike[str], shown: str, progress: Progress | None
) -> ImportOutcome:
    stream = SieStream(path, display_path=shown)
    size = os.path.getsize(path) or 1
    counts: ImportCounts | None = None
    try:
        with store.transaction():
            import_id = store.next_import_id()
            vouchers = rows = 0
            for batch in _batches(stream.vouchers(), BATCH):
                rows += insert_vouchers(store, import_id, batch, first_id=vouchers + 1)
                vouchers += len(batch)
                if progress and batch[-1].line:
                    progress("Läser verifikationer", min(0.9, batch[-1].line * 60 / size))
            if has_errors(stream.diagnostics):
                raise _Rejected
            sie = stream.header
            replace_with(store, import_id, sie, shown)
            insert_daily(store, import_id)
            counts = ImportCounts(import_id, len(sie.accounts), vouchers, rows, len(sie.balances))
    except _Rejected:
        counts = None
    return ImportOutcome(stream.header, stream.diagnostics, counts, "reference")


__all__ = ["ImportOutcome", "import_sie"]

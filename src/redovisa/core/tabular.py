"""Tabellfil: read a CSV or XLSX export into rows of text cells, each with its line number.

Readers of operational exports (KPI data, HR exports) share this first step; they then
check and convert each cell themselves and report bad rows with the line given here.

- CSV: UTF-8 (a byte-order mark is allowed), falling back to Windows-1252; the delimiter
  is ``,`` or ``;`` (whichever the header line has more of, as Swedish Excel writes ``;``).
  Line numbers are physical lines of the file (a quoted cell spanning lines counts them).
- XLSX (via openpyxl): the first worksheet; the line is the worksheet row number. Dates
  become ISO text (``2024-03-01`` or ``2024-03-01T08:15:02``) and numbers plain text.

Header names are compared case-insensitively with surrounding blanks removed. Blank rows
are skipped. A file that cannot be read at all gives one diagnostic with the given code.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef

__all__ = ["TabularFile", "TabularRow", "read_table_file"]


@dataclass(frozen=True, slots=True)
class TabularRow:
    """One data row: where it is, and its cells by normalised header name."""

    source: SourceRef
    cells: dict[str, str]

    def get(self, name: str) -> str:
        """The cell's text, stripped; empty when the column is missing."""
        return self.cells.get(name, "").strip()


@dataclass(frozen=True, slots=True)
class TabularFile:
    """A whole file: its header (normalised names), where the header is, and the data rows."""

    header: tuple[str, ...]
    header_source: SourceRef
    rows: tuple[TabularRow, ...]

    def missing(self, required: tuple[str, ...]) -> list[str]:
        """Required column names the header lacks."""
        return [c for c in required if c not in self.header]


def _norm(name: object) -> str:
    return str(name if name is not None else "").strip().lower()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        # Excel stores doubles; 15 significant digits recover what the user typed.
        return format(value, ".15g")
    return str(value)


def _read_csv(path: Path, shown: str, code: str) -> tuple[TabularFile | None, list[Diagnostic]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[TabularRow] = []
    header: list[str] | None = None
    header_line = 1
    try:
        for record in reader:
            line = reader.line_num
            if not any(c.strip() for c in record):
                continue
            if header is None:
                header = [_norm(c) for c in record]
                header_line = line
                continue
            cells = {h: (record[i] if i < len(record) else "") for i, h in enumerate(header)}
            if len(record) > len(header):
                cells["__extra__"] = delimiter.join(record[len(header) :])
            rows.append(TabularRow(SourceRef(shown, line), cells))
    except csv.Error as exc:
        return None, [
            Diagnostic(
                code,
                Severity.ERROR,
                f"Filen kan inte läsas som CSV: {exc}",
                SourceRef(shown, reader.line_num),
            )
        ]
    if header is None:
        return None, [
            Diagnostic(code, Severity.ERROR, "Filen är tom (ingen rubrikrad).", SourceRef(shown, 1))
        ]
    return TabularFile(tuple(header), SourceRef(shown, header_line), tuple(rows)), []


def _read_xlsx(path: Path, shown: str, code: str) -> tuple[TabularFile | None, list[Diagnostic]]:
    import openpyxl  # optional at import time: only XLSX needs it  # noqa: PLC0415

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a damaged file
        return None, [
            Diagnostic(
                code, Severity.ERROR, f"Filen kan inte läsas som XLSX: {exc}", SourceRef(shown)
            )
        ]
    try:
        sheet = book.worksheets[0]
        rows: list[TabularRow] = []
        header: list[str] | None = None
        header_line = 1
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [_cell_text(v) for v in values]
            if not any(t.strip() for t in texts):
                continue
            if header is None:
                header = [_norm(t) for t in texts]
                header_line = number
                continue
            cells = {h: (texts[i] if i < len(texts) else "") for i, h in enumerate(header) if h}
            rows.append(TabularRow(SourceRef(shown, number), cells))
    finally:
        book.close()
    if header is None:
        return None, [
            Diagnostic(
                code, Severity.ERROR, "Kalkylbladet är tomt (ingen rubrikrad).", SourceRef(shown, 1)
            )
        ]
    return TabularFile(
        tuple(h for h in header if h), SourceRef(shown, header_line), tuple(rows)
    ), []


def read_table_file(
    path: Path, code: str, shown: str | None = None
) -> tuple[TabularFile | None, list[Diagnostic]]:
    """Rows of a CSV or XLSX file (by suffix); problems with the file as a whole use ``code``.

    ``shown`` is the path as the user should see it in diagnostics (default: ``path``).
    """
    name = shown if shown is not None else str(path)
    if not path.is_file():
        return None, [Diagnostic(code, Severity.ERROR, "Filen finns inte.", SourceRef(name))]
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, name, code)
    return _read_csv(path, name, code)

"""Granskningsrapport: the findings as a format-neutral table for the renderers.

:func:`findings_table` turns diagnostics into rows of plain Swedish strings (code,
severity, title, place, expected, shown, message), errors first, so the HTML, PDF or
DOCX renderer prints them without knowing the checks; :data:`FINDINGS_COLUMNS` gives
the column headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from redovisa.checks.registry import CODES, fmt
from redovisa.core import diagnostic_codes
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity, SourceRef

SEVERITY_SV = {Severity.ERROR: "fel", Severity.WARNING: "varning", Severity.INFO: "upplysning"}

FINDINGS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Kod"),
    ("severity", "Allvarlighet"),
    ("title", "Kontroll"),
    ("place", "Var"),
    ("expected", "Ska vara"),
    ("shown", "Visat"),
    ("message", "Beskrivning"),
)

TABLE_NAMES = {
    "resultatrakning": "Resultaträkning",
    "balansrakning": "Balansräkning",
    "kassaflodesanalys": "Kassaflödesanalys",
    "driftredovisning": "Driftredovisning",
    "investeringsredovisning": "Investeringsredovisning",
    "balanskravsutredning": "Balanskravsutredning",
    "sjukfranvaro_alder": "Sjukfrånvaro per ålder",
    "sjukfranvaro_kon": "Sjukfrånvaro per kön",
    "maluppfyllelse": "Måluppfyllelse",
    "text": "Text",
}
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class FindingRow:
    """Rad i granskningsrapporten: one finding as printed strings ("" when not known)."""

    code: str
    severity: str
    title: str
    place: str
    expected: str
    shown: str
    message: str

    def cells(self) -> tuple[str, ...]:
        """The cells in the order of :data:`FINDINGS_COLUMNS`."""
        return tuple(getattr(self, name) for name, _ in FINDINGS_COLUMNS)


def table_name(table_id: str | None) -> str:
    """A table id as a reader names it: ``not_2`` is ``Not 2``."""
    if not table_id:
        return ""
    m = re.fullmatch(r"not_(\d+)", table_id)
    if m:
        return f"Not {m.group(1)}"
    m = re.fullmatch(r"tabell_(\d+)", table_id)
    if m:
        return f"Tabell {m.group(1)}"
    return TABLE_NAMES.get(table_id, table_id)


def _figure(value: str | None) -> str:
    if value is None:
        return ""
    try:
        return fmt(Decimal(value))
    except InvalidOperation:
        return value


def place_of(d: Diagnostic) -> str:
    """Where a finding is, in words: ``Not 2 · Summa verksamhetens kostnader · 2024-06-30``."""
    if isinstance(d.where, SourceRef):
        return str(d.where)
    if not isinstance(d.where, ReportRef):
        return ""
    w = d.where
    row = w.row if w.table != "text" else None
    parts = [table_name(w.table), row, w.column, w.section]
    if w.table == "text" and w.row:
        parts = ["Text", w.section]
    return " · ".join(p for p in parts if p)


def _title(code: str) -> str:
    if code in CODES:
        return CODES[code].title
    info = diagnostic_codes.CODES.get(code)
    return info.title if info is not None else ""


def findings_table(diagnostics: Iterable[Diagnostic]) -> list[FindingRow]:
    """The granskningsrapport rows, errors first, then warnings, then information."""
    ordered = sorted(diagnostics, key=lambda d: _ORDER[d.severity])
    return [
        FindingRow(
            d.code,
            SEVERITY_SV[d.severity],
            _title(d.code),
            place_of(d),
            _figure(d.expected),
            _figure(d.actual),
            d.message,
        )
        for d in ordered
    ]

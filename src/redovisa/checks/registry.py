"""The registry of check codes and of the functions that run them.

Every code has a stable name, a severity, a Swedish title and an English description;
``docs/checks.md`` is generated from :data:`CODES` (see :mod:`redovisa.checks.docs`)
and each code has a reproducer test in ``tests/checks/test_reproducers.py``. Codes are
registered in :mod:`redovisa.core.diagnostic_codes` as well. The registry is filled at
import time and not changed afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeAlias

from redovisa.checks.model import CheckedReport, CheckedRow, CheckedTable, Column
from redovisa.core import diagnostic_codes
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity


@dataclass(frozen=True, slots=True)
class CheckCode:
    """Kontrollkod: a stable code, its severity, Swedish title and what it checks."""

    code: str
    severity: Severity
    title: str
    doc: str
    area: str


CODES: dict[str, CheckCode] = {}


def define(code: str, severity: Severity, title: str, doc: str) -> str:
    """Register a check code once (also in the core registry); returns the code."""
    info = CheckCode(code, severity, title, " ".join(doc.split()), code.rstrip("0123456789"))
    if code in CODES and CODES[code] != info:
        raise ValueError(f"check code {code} defined twice")
    CODES[code] = info
    diagnostic_codes.register(code, severity, title, info.doc)
    return code


@dataclass(slots=True)
class CheckContext:
    """What a check function sees: the report, an optional prior report, shared facts."""

    report: CheckedReport
    prior: CheckedReport | None = None
    # (table id, row index, column id) -> the value the row should show by its parts
    corrected: dict[tuple[str, int, str], Decimal] = field(default_factory=dict)


Checker: TypeAlias = Callable[[CheckContext], list[Diagnostic]]
CHECKERS: list[Checker] = []


def checker(func: Checker) -> Checker:
    """Add a check function to the registry (at import time)."""
    CHECKERS.append(func)
    return func


def fmt(value: Decimal | None) -> str:
    """A figure in Swedish print: ``-6 846``, ``3,6``."""
    if value is None:
        return "–"
    v = value.normalize() if value == value.to_integral_value() else value
    if v == v.to_integral_value():
        s = f"{int(v):,}".replace(",", " ")
    else:
        s = f"{v:,f}".replace(",", " ").replace(".", ",")
    return s.replace("-", "−")


def plain_number(value: Decimal | None) -> str | None:
    """A figure for the ``expected``/``actual`` fields: ``-6846``, ``3.6``."""
    if value is None:
        return None
    v = value.normalize()
    return f"{v:f}"


def finding(  # noqa: PLR0917
    code: str,
    message: str,
    table: CheckedTable | str | None = None,
    row: CheckedRow | str | None = None,
    column: Column | str | None = None,
    expected: Decimal | str | None = None,
    actual: Decimal | str | None = None,
    section: str | None = None,
) -> Diagnostic:
    """A :class:`Diagnostic` of a registered code at a place in the report."""
    info = CODES[code]
    row_label = row.label.strip() if isinstance(row, CheckedRow) else row
    col_id = column.id if isinstance(column, Column) else column
    tab = table if isinstance(table, CheckedTable) else None
    where = ReportRef(
        section
        if section is not None
        else (tab.place_of(row if isinstance(row, CheckedRow) else None) if tab else None),
        tab.id if tab else (table if isinstance(table, str) else None),
        row_label,
        col_id,
    )
    exp = plain_number(expected) if isinstance(expected, Decimal) else expected
    act = plain_number(actual) if isinstance(actual, Decimal) else actual
    return Diagnostic(code, info.severity, message, where, exp, act)

"""Diagnostics: data problems are values, not exceptions.

Every stage returns its result together with a list of :class:`Diagnostic`.
A diagnostic has a stable code (``SIE012``), a severity, a Swedish message that
says what is wrong and what to do, and where it is: a place in an input file
(:class:`SourceRef`) or in a report (:class:`ReportRef`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """Allvarlighetsgrad: how bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A place in an input file: the path as the user gave it, and a 1-based line."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        out = self.path
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out


@dataclass(frozen=True, slots=True)
class ReportRef:
    """A place in a report: section, table id, row label and column id."""

    section: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None

    def __str__(self) -> str:
        return "/".join(p for p in (self.section, self.table, self.row, self.column) if p)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Diagnostik: one problem found in the input or in a report."""

    code: str
    severity: Severity
    message: str
    where: SourceRef | ReportRef | None = None
    expected: str | None = None
    actual: str | None = None

    @property
    def is_error(self) -> bool:
        """True when the diagnostic is of error severity."""
        return self.severity is Severity.ERROR

    def format_text(self) -> str:
        """``path:line: CODE message``, the editor-friendly form."""
        prefix = f"{self.where}: " if self.where is not None and str(self.where) else ""
        return f"{prefix}{self.code} {self.message}"

    def to_json(self) -> dict[str, Any]:
        """The JSON object of DESIGN.md section 3."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
        }
        if isinstance(self.where, SourceRef):
            out["path"] = self.where.path
            out["line"] = self.where.line
            if self.where.column is not None:
                out["column"] = self.where.column
        elif isinstance(self.where, ReportRef):
            out["section"] = self.where.section
            out["table"] = self.where.table
            out["row"] = self.where.row
            out["column"] = self.where.column
            out["expected"] = self.expected
            out["actual"] = self.actual
        return out


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sort_key(d: Diagnostic) -> tuple[str, int, str]:
    """Order diagnostics by file, line and code."""
    if isinstance(d.where, SourceRef):
        return (d.where.path, d.where.line or 0, d.code)
    return ("", 0, d.code)

"""Rapportdokument: the format-neutral report (DESIGN.md §4) that renderers write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from redovisa.core.diagnostics import Diagnostic
from redovisa.core.table import Table
from redovisa.statements.table import StatementTable

SCHEMA = "redovisa.report/1"


@dataclass(slots=True)
class Document:
    """Rapport: organisation, report kind and period, the tables and the findings.

    ``tables`` are the statements (exact kronor); ``display_tables`` the sick-leave and
    goal tables (:mod:`redovisa.report.measures`), rounded where they are made.
    """

    name: str
    kind: str
    period_start: date
    period_end: date
    unit: str = "tkr"
    orgnr: str | None = None
    tables: list[StatementTable] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    # tables the compute packages give ready to show (sick leave, goals: core.table.Table)
    display_tables: list[Table] = field(default_factory=list)

    def table(self, table_id: str) -> StatementTable:
        """The table with ``table_id``; KeyError when there is none."""
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)


__all__ = ["SCHEMA", "Document"]

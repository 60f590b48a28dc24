"""Granskning: report checks that find every figure that does not add up.

Checks sit above the report model: they read ``report.json`` (DESIGN §4) or anyone's
report (Markdown/text, HTML, DOCX, XLSX, PDF) into their own small table model
(:mod:`redovisa.checks.model`) and run the same registered rules on both.

Public API:

* :func:`check_report` -- findings for a report.json dictionary; ``redovisa build``
  calls this on its own output and stops on error findings.
* :func:`check_file` -- read any supported file (or a project directory's
  ``build/report.json``) and check it, optionally against a previous report.
* :func:`check_checked` -- run the rules on an already read :class:`CheckedReport`.
* :data:`CODES` -- the registry of check codes (``docs/checks.md`` is generated from it).
* :func:`findings_table` -- the findings as format-neutral rows (code, severity, title,
  place, expected, shown, message) for a granskningsrapport in the rendered report.

Nothing here prints or exits; the CLI (``redovisa check``) is a thin adapter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from redovisa.checks import rules as _rules
from redovisa.checks.findings import FINDINGS_COLUMNS, FindingRow, findings_table
from redovisa.checks.model import CheckedReport, CheckedRow, CheckedTable, Column
from redovisa.checks.readers.dispatch import read_report
from redovisa.checks.readers.json_report import report_from_json
from redovisa.checks.registry import CHECKERS, CODES, CheckCode, CheckContext
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity

del _rules  # imported for its side effect: registering every rule

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _key(d: Diagnostic) -> tuple[int, str, str, str]:
    where = d.where if isinstance(d.where, ReportRef) else ReportRef()
    return (_ORDER[d.severity], where.table or "", d.code, where.row or "")


def check_checked(report: CheckedReport, prior: CheckedReport | None = None) -> list[Diagnostic]:
    """Run every registered rule on a report; errors first, then warnings, then info."""
    ctx = CheckContext(report, prior)
    found: list[Diagnostic] = []
    for run in CHECKERS:
        found.extend(run(ctx))
    return sorted(found, key=_key)


def check_report(
    report_json: dict[str, Any], prior_json: dict[str, Any] | None = None
) -> list[Diagnostic]:
    """Findings for a report.json dictionary (schema ``redovisa.report/1``).

    This is what ``redovisa build`` runs on its own output: it returns every finding
    as a :class:`~redovisa.core.Diagnostic` with a ``ReportRef`` (table id, row label,
    column id) and ``expected``/``actual``; the caller stops on ``has_errors``.
    """
    prior = report_from_json(prior_json) if prior_json is not None else None
    return check_checked(report_from_json(report_json), prior)


def check_file(path: str | Path, prior: str | Path | None = None) -> list[Diagnostic]:
    """Read a report (any supported format) and check it; unreadable input is a finding."""
    report, diags = read_report(path)
    prior_report: CheckedReport | None = None
    if prior is not None:
        prior_report, prior_diags = read_report(prior)
        diags += prior_diags
    if report is None:
        return diags
    return diags + check_checked(report, prior_report)


__all__ = [
    "CODES",
    "FINDINGS_COLUMNS",
    "CheckCode",
    "CheckedReport",
    "CheckedRow",
    "CheckedTable",
    "Column",
    "FindingRow",
    "check_checked",
    "check_file",
    "check_report",
    "findings_table",
    "read_report",
]

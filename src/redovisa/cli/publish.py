"""Shared by ``build`` and ``demo``: build a project's publication and write its formats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from redovisa.core.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from redovisa.report.document import Document


def run_checks(doc: Document) -> list[Diagnostic]:
    """Granskning of the built report: ``check_report`` on its report.json.

    The findings are added to ``doc.findings`` (report.json's "findings", DESIGN §4; a
    finding already there is not repeated) and returned.
    """
    from redovisa.checks import check_report  # noqa: PLC0415 - keep --help fast
    from redovisa.render.json import document_json  # noqa: PLC0415

    found = check_report(document_json(doc))
    known = {(d.code, d.where, d.message) for d in doc.findings}
    new = [d for d in found if (d.code, d.where, d.message) not in known]
    doc.findings.extend(new)
    return found


def shown_findings(found: list[Diagnostic]) -> list[Diagnostic]:
    """The findings a build prints: errors and warnings (information, such as rounding
    differences, is in report.json and the granskningsrapport)."""
    return [d for d in found if d.severity is not Severity.INFO]


def publish(
    project: Path,
    formats: list[str],
    out: Path,
    *,
    check: bool = False,
    granskning: bool | None = None,
) -> tuple[list[Path], list[Diagnostic], bool]:
    """Write ``formats`` of ``project`` into ``out``: (paths, diagnostics, usable).

    Outputs are written even when there are errors in the narrative (the bad expression is
    left visible in the text), so a writer can see the whole report; the exit code still
    says there were errors. With ``check`` the report's checks run before anything is
    written and their errors and warnings are among the diagnostics (so errors stop the build); the
    findings also go into report.json. ``granskning`` (None: the project's ``[render]
    granskningsrapport``) appends them to the HTML as a granskningsrapport; the checks
    then run even without ``check``, but do not count among the diagnostics.
    """
    from redovisa.render import write_all  # noqa: PLC0415 - keep --help fast
    from redovisa.report.publication import build_publication  # noqa: PLC0415

    pub, diags = build_publication(project)
    if pub is None:
        return [], diags, False
    if granskning is not None:
        pub.granskningsrapport = granskning
    if check or pub.granskningsrapport:
        found = run_checks(pub.document)
        if check:
            diags = diags + shown_findings(found)
        if pub.granskningsrapport:
            from redovisa.checks import FINDINGS_COLUMNS, findings_table  # noqa: PLC0415

            pub.review = (
                [label for _, label in FINDINGS_COLUMNS],
                [r.cells() for r in findings_table(pub.document.findings)],
            )
    paths = write_all(pub, out, formats)
    return paths, diags, True


def has_errors(diags: list[Diagnostic]) -> bool:
    """Any error among the diagnostics."""
    return any(d.severity is Severity.ERROR for d in diags)


__all__ = ["has_errors", "publish", "run_checks", "shown_findings"]

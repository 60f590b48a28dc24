"""Shared by ``build`` and ``demo``: build a project's publication and write its formats."""

from __future__ import annotations

from pathlib import Path

from redovisa.core.diagnostics import Diagnostic, Severity


def publish(
    project: Path, formats: list[str], out: Path
) -> tuple[list[Path], list[Diagnostic], bool]:
    """Write ``formats`` of ``project`` into ``out``: (paths, diagnostics, usable).

    Outputs are written even when there are errors in the narrative (the bad expression is
    left visible in the text), so a writer can see the whole report; the exit code still
    says there were errors.
    """
    from redovisa.render import write_all  # noqa: PLC0415 - keep --help fast
    from redovisa.report.publication import build_publication  # noqa: PLC0415

    pub, diags = build_publication(project)
    if pub is None:
        return [], diags, False
    paths = write_all(pub, out, formats)
    return paths, diags, True


def has_errors(diags: list[Diagnostic]) -> bool:
    """Any error among the diagnostics."""
    return any(d.severity is Severity.ERROR for d in diags)


__all__ = ["has_errors", "publish"]

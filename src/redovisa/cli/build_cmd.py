"""``redovisa build DIR [--format pdf,html,docx,xlsx,md,json] [--out DIR]``: build a report.

``--format json`` alone writes report.json from the tables (statements engineer); any other
format builds the whole publication (narrative, sections, charts) through
:mod:`redovisa.cli.publish` and the ``RENDERERS`` registry of :mod:`redovisa.render`.

Before writing, the report's checks (:func:`redovisa.checks.check_report`) run on its
report.json; their errors and warnings are printed like ``redovisa check`` prints them,
every finding goes into report.json's "findings", and an error stops the build with
exit 1 unless ``--no-check`` is given. ``--granskning`` appends the findings to the
HTML as a granskningsrapport.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from redovisa.core.diagnostics import Diagnostic, Severity, sort_key
from redovisa.render import RENDERERS

SUPPORTED = tuple(RENDERERS)


@click.command("build")
@click.argument("project", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format",
    "formats",
    default="json",
    show_default=True,
    help="Utdataformat, kommaseparerade: pdf, html, docx, xlsx, md, json (eller all).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Katalog för utdata (standard: PROJEKT/build).",
)
@click.option(
    "--diagnostics",
    "diag_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Hur problem skrivs på stderr.",
)
@click.option(
    "--check/--no-check",
    "check",
    default=True,
    show_default=True,
    help="Granska rapporten efter bygget och avsluta med kod 1 vid fel.",
)
@click.option(
    "--granskning/--utan-granskning",
    "granskning",
    default=None,
    help="Lägg granskningens fynd sist i HTML-rapporten som en granskningsrapport"
    " (standard: [render] granskningsrapport i redovisa.toml).",
)
def build(  # noqa: PLR0917
    project: Path,
    formats: str,
    out: Path | None,
    diag_format: str,
    check: bool,
    granskning: bool | None,
) -> None:
    """Bygg rapporten: tabeller, text och diagram i de valda formaten.

    Exempel: redovisa build examples/lystkom-2024-06 --format pdf,html,docx,xlsx,md,json
    """
    from redovisa.render.json import write_json  # noqa: PLC0415 - keep --help fast
    from redovisa.report.build import build_document  # noqa: PLC0415

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    if wanted == ["all"]:
        wanted = list(SUPPORTED)
    unknown = [f for f in wanted if f not in SUPPORTED]
    if unknown:
        raise click.UsageError(
            f"formatet {', '.join(unknown)} stöds inte av build ännu"
            f" (stöds: {', '.join(SUPPORTED)})"
        )
    if wanted != ["json"]:
        _publish(project, wanted, out or project / "build", diag_format, check, granskning)
        return
    doc, diags = build_document(project)
    if doc is not None and check:
        from redovisa.cli.publish import run_checks, shown_findings  # noqa: PLC0415

        diags = diags + shown_findings(run_checks(doc))
    diags = sorted(diags, key=sort_key)
    if diag_format == "json":
        if diags:
            click.echo(json.dumps([d.to_json() for d in diags], ensure_ascii=False), err=True)
    else:
        for d in diags:
            click.echo(d.format_text(), err=True)
    if doc is not None:
        target = (out or project / "build") / "report.json"
        write_json(doc, target)
        click.echo(f"skrev {target}", err=True)
    errors = doc is None or any(d.severity is Severity.ERROR for d in diags)
    if errors:
        raise click.exceptions.Exit(1)


def _publish(  # noqa: PLR0917
    project: Path,
    wanted: list[str],
    out: Path,
    diag_format: str,
    check: bool = True,
    granskning: bool | None = None,
) -> None:
    from redovisa.cli.publish import has_errors, publish  # noqa: PLC0415

    paths, diags, usable = publish(project, wanted, out, check=check, granskning=granskning)
    _report(sorted(diags, key=sort_key), diag_format)
    for path in paths:
        click.echo(f"skrev {path}", err=True)
    if not usable or has_errors(diags):
        raise click.exceptions.Exit(1)


def _report(diags: list[Diagnostic], diag_format: str) -> None:
    if diag_format == "json":
        if diags:
            click.echo(json.dumps([d.to_json() for d in diags], ensure_ascii=False), err=True)
    else:
        for d in diags:
            click.echo(d.format_text(), err=True)


__all__ = ["build"]

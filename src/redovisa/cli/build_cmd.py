"""``redovisa build DIR [--format pdf,html,docx,xlsx,md,json] [--out DIR]``: build a report.

``--format json`` alone writes report.json from the tables (statements engineer); any other
format builds the whole publication (narrative, sections, charts) through
:mod:`redovisa.cli.publish` and the ``RENDERERS`` registry of :mod:`redovisa.render`.
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
def build(project: Path, formats: str, out: Path | None, diag_format: str) -> None:
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
        _publish(project, wanted, out or project / "build", diag_format)
        return
    doc, diags = build_document(project)
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


def _publish(project: Path, wanted: list[str], out: Path, diag_format: str) -> None:
    from redovisa.cli.publish import has_errors, publish  # noqa: PLC0415

    paths, diags, usable = publish(project, wanted, out)
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

"""``redovisa check``: find every figure that does not add up, in any report."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

import click

from redovisa.checks import check_file
from redovisa.core.diagnostics import Diagnostic, Severity, has_errors


def _number(value: str | None) -> Any:
    if value is None:
        return None
    try:
        d = Decimal(value)
    except InvalidOperation:
        return value
    return int(d) if d == d.to_integral_value() else float(d)


def _json(d: Diagnostic) -> dict[str, Any]:
    out = d.to_json()
    if "expected" in out:
        out["expected"] = _number(out["expected"])
        out["actual"] = _number(out["actual"])
    return out


@click.command("check")
@click.argument("source", type=click.Path(exists=True))
@click.option("--prior", type=click.Path(exists=True), help="Föregående rapport att jämföra med.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--select", default="", help="Visa bara dessa koder, t.ex. SUM,XTAB001.")
@click.option("--no-info", is_flag=True, help="Visa inte avrundningar och andra upplysningar.")
@click.pass_context
def check(  # noqa: PLR0917
    ctx: click.Context, source: str, prior: str | None, fmt: str, select: str, no_info: bool
) -> None:
    """Granska en rapport: summor, noter, tabeller mot varandra, text och mål.

    SOURCE är en projektkatalog (build/report.json), report.json, .md/.txt, .html,
    .docx, .xlsx eller .pdf. Fynd skrivs till stderr; slutkod 1 när det finns fel.

    Example:

        redovisa check delarsrapport.pdf --prior arsredovisning-2023.pdf --format json
    """
    found = check_file(source, prior)
    prefixes = tuple(p.strip() for p in select.split(",") if p.strip())
    if prefixes:
        found = [d for d in found if d.code.startswith(prefixes)]
    if no_info:
        found = [d for d in found if d.severity is not Severity.INFO]
    if fmt == "json":
        click.echo(json.dumps([_json(d) for d in found], ensure_ascii=False, indent=2))
    else:
        for d in found:
            click.echo(f"{d.format_text()} [{d.severity}]", err=True)
        errors = sum(1 for d in found if d.severity is Severity.ERROR)
        warnings = sum(1 for d in found if d.severity is Severity.WARNING)
        infos = len(found) - errors - warnings
        click.echo(f"{errors} fel, {warnings} varningar, {infos} upplysningar.", err=True)
    if has_errors(found):
        ctx.exit(1)

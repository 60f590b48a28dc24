"""``redovisa sie ...``: SIE tools. This module holds the ``sie`` group and ``sie validate``.

Other subcommands (``balances``, ``dump``, ``convert``) live in their own modules, imported when
they are used (:data:`redovisa.cli.commands.SIE_SUBCOMMANDS`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from redovisa.cli import options
from redovisa.cli.commands import SIE_SUBCOMMANDS, LazyGroup
from redovisa.core.diagnostics import Diagnostic, Severity
from redovisa.sie.parser import SieStream

EXIT_ERRORS = 1


@click.group(name="sie", cls=LazyGroup, lazy_commands=SIE_SUBCOMMANDS)
def sie() -> None:
    """SIE-verktyg: kontrollera, visa och skriv SIE 4-filer."""


@sie.command(name="validate")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, readable=True),
)
@options.diagnostics_format
@options.quiet
def validate(files: Sequence[str], output_format: str, quiet: bool) -> None:
    """Kontrollera SIE-filer (typ 1, 2, 3, 4E och 4I) och rapportera alla problem.

    Avslutas med 0 när inga fel finns (varningar tillåts) och 1 när något fel finns.

    Example:

        redovisa sie validate data/ledger.se
    """
    found: list[Diagnostic] = []
    for path in files:
        stream = SieStream(path)
        vouchers = rows = 0
        for v in stream.vouchers():
            vouchers += 1
            rows += len(v.postings)
        diags = [d for d in stream.diagnostics if not (quiet and d.severity is Severity.INFO)]
        found.extend(diags)
        if output_format == "text":
            for d in diags:
                click.echo(d.format_text(), err=True)
            errors = sum(1 for d in diags if d.is_error)
            warnings = sum(1 for d in diags if d.severity is Severity.WARNING)
            verdict = "inga fel" if not errors else f"{errors} fel"
            click.echo(
                f"{path}: {verdict}, {warnings} varningar ({vouchers} verifikationer, "
                f"{rows} transaktionsrader)"
            )
    if output_format == "json":
        click.echo(json.dumps([d.to_json() for d in found], ensure_ascii=False, indent=2))
    if any(d.is_error for d in found):
        raise click.exceptions.Exit(EXIT_ERRORS)

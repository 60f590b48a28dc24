"""``redovisa sie convert FILE --out OUT.se``: read any SIE file, write clean SIE 4.

Registered in the ``sie`` group of :mod:`redovisa.cli.sie_cmd`. The input is read twice
with :class:`~redovisa.sie.parser.SieStream` (first for the header, the balances and the
diagnostics, then for the vouchers), so memory does not grow with the file. The output is
written to a temporary file next to ``OUT`` and renamed when complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click

from redovisa.cli import options
from redovisa.core.diagnostics import Diagnostic, Severity
from redovisa.sie.parser import SieStream
from redovisa.sie.writer import SieWriteError, SieWriter

EXIT_ERRORS = 1


def _report(path: str, diags: list[Diagnostic], output_format: str, quiet: bool) -> None:
    shown = [d for d in diags if not (quiet and d.severity is Severity.INFO)]
    if output_format == "json":
        click.echo(json.dumps([d.to_json() for d in shown], ensure_ascii=False, indent=2))
        return
    for d in shown:
        click.echo(d.format_text(), err=True)
    errors = sum(1 for d in diags if d.is_error)
    warnings = sum(1 for d in diags if d.severity is Severity.WARNING)
    verdict = "inga fel" if not errors else f"{errors} fel"
    click.echo(f"{path}: {verdict}, {warnings} varningar", err=True)


@click.command(name="convert")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="SIE 4-filen som skrivs (PC8, CRLF, #KSUMMA).",
)
@click.option("--force", is_flag=True, help="Skriv även när indata har fel.")
@click.option(
    "--replace",
    is_flag=True,
    help="Ersätt tecken som saknas i PC8 (t.ex. € och �) i stället för att avbryta; "
    "varje ersättning rapporteras.",
)
@options.diagnostics_format
@options.quiet
def convert(
    file: str, *, out: str, force: bool, replace: bool, output_format: str, quiet: bool
) -> None:
    """Läs en SIE-fil (typ 1-4, vilken teckenkodning som helst) och skriv ren SIE 4.

    Utdata får #FLAGGA, #FORMAT PC8 (CP437), CRLF, posterna i specifikationens ordning och
    kontrollsumma (#KSUMMA). Problem i indata rapporteras som av `sie validate`; finns fel
    skrivs ingenting (avslutas med 1) om inte --force anges.

    Example:

        redovisa sie convert export.se --out ren.se
    """
    first = SieStream(file)
    vouchers = rows = 0
    for v in first.vouchers():
        vouchers += 1
        rows += len(v.postings)
    diags = first.diagnostics
    _report(file, diags, output_format, quiet)
    if any(d.is_error for d in diags) and not force:
        click.echo(
            f"{out} skrevs inte: indata har fel (rätta dem, eller skriv ändå med --force).",
            err=True,
        )
        raise click.exceptions.Exit(EXIT_ERRORS)

    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            writer = SieWriter(fh, errors="replace" if replace else "strict")
            writer.begin(first.header)
            for b in first.header.balances:
                writer.write_balance(b)
            for v in SieStream(file).vouchers():
                writer.write_voucher(v)
            writer.close()
        os.replace(tmp, target)
    except SieWriteError as e:
        os.unlink(tmp)
        click.echo(f"{file}: {e} Ange --replace för att ersätta sådana tecken.", err=True)
        raise click.exceptions.Exit(EXIT_ERRORS) from None
    except BaseException:
        os.unlink(tmp)
        raise
    for r in writer.replacements:
        click.echo(f"{out}:{r.line}: {r.label}: '{r.original}' skrevs som '{r.written}'", err=True)
    click.echo(
        f"{out}: skrev SIE 4 ({vouchers} verifikationer, {rows} transaktionsrader, "
        f"{len(first.header.balances)} saldon, {len(writer.replacements)} ersättningar)",
        err=True,
    )

"""``redovisa sie balances`` and ``redovisa sie dump``: the figures and rows of an SIE file.

Both read the file directly with :class:`~redovisa.sie.parser.SieStream` (constant memory),
no store needed. ``balances`` gives the same numbers as the store's
:func:`redovisa.ledger.account_summary`; its JSON is a **contract** (docs/ledger.md).
Registered in the ``sie`` group by :mod:`redovisa.cli.commands`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import click

from redovisa.core.diagnostics import Diagnostic
from redovisa.ledger.summary import AccountSummary, SummaryBuilder
from redovisa.sie.parser import SieStream
from redovisa.sie.records import Voucher

EXIT_ERRORS = 1
DUMP_COLUMNS = (
    ("series", "serie"),
    ("number", "nummer"),
    ("date", "datum"),
    ("voucher_text", "verifikationstext"),
    ("account", "konto"),
    ("objects", "objekt"),
    ("amount", "belopp"),
    ("kind", "typ"),
    ("row_date", "transaktionsdatum"),
    ("row_text", "transaktionstext"),
    ("quantity", "kvantitet"),
)
"""(JSON key, CSV header) of each dump column."""


def _finish(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        click.echo(d.format_text(), err=True)
    if any(d.is_error for d in diagnostics):
        raise click.exceptions.Exit(EXIT_ERRORS)


def _text_table(rows: list[AccountSummary]) -> str:
    def cell(v: Decimal | None) -> str:
        return "–" if v is None else f"{v:,.2f}".replace(",", " ")

    head = ("Konto", "IB", "UB", "RES", "Transaktioner")
    body = [(r.account, cell(r.ib), cell(r.ub), cell(r.res), cell(r.trans)) for r in rows]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(5)]
    lines = []
    for n, row in enumerate([head, *body]):
        lines.append(
            "  ".join(
                row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i]) for i in range(5)
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


@click.command("balances")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="json: en lista med ett objekt per konto (kontrakt); text: en tabell.",
)
def balances(file: Path, output_format: str) -> None:
    """Per konto: IB, UB och RES för år 0 och summan av årets transaktioner.

    JSON: [{"account": "1930", "ib": "5995000.00", "ub": "1857000.00", "res": null,
    "trans": "-4138000.00"}, ...], sorterat på konto; null där posten saknas. Fel i filen
    skrivs på stderr och ger slutkod 1 (siffrorna skrivs ändå).

    Example:

        redovisa sie balances data/ledger.se --format json
    """
    stream = SieStream(file, display_path=str(file))
    builder = SummaryBuilder()
    for v in stream.vouchers():
        builder.add(v)
    rows = builder.result(stream.header)
    if output_format == "json":
        click.echo(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
    else:
        click.echo(_text_table(rows))
    _finish(stream.diagnostics)


def dump_rows(vouchers: Iterator[Voucher]) -> Iterator[dict[str, Any]]:
    """One dict per voucher row (all kinds), values as text; amounts as plain decimals."""
    for v in vouchers:
        for p in v.postings:
            yield {
                "series": v.series,
                "number": v.number,
                "date": v.date.isoformat() if v.date else "",
                "voucher_text": v.text or "",
                "account": p.account,
                "objects": " ".join(f"{d}:{o}" for d, o in p.objects),
                "amount": str(p.amount),
                "kind": p.kind.value,
                "row_date": p.date.isoformat() if p.date else "",
                "row_text": p.text or "",
                "quantity": "" if p.quantity is None else str(p.quantity),
            }


@contextmanager
def _output(out: Path | None, encoding: str) -> Iterator[IO[str]]:
    if out is None:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding=encoding)
        yield sys.stdout
        return
    with out.open("w", encoding=encoding, newline="") as handle:
        yield handle


@click.command("dump")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fil att skriva (standard: stdout).",
)
def dump(file: Path, fmt: str, out: Path | None) -> None:
    """Skriv verifikationernas rader som CSV eller JSON, en rad per transaktion.

    CSV är UTF-8 med BOM (Excel visar å, ä, ö rätt), kommaseparerad, med rubrikrad; belopp
    som decimaltal med punkt (-1234.50). Objekt skrivs dimension:objekt, åtskilda av blanksteg.

    Example:

        redovisa sie dump data/ledger.se --to csv --out build/rader.csv
    """
    stream = SieStream(file, display_path=str(file))
    rows = dump_rows(stream.vouchers())
    if fmt == "csv":
        with _output(out, "utf-8-sig") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([header for _key, header in DUMP_COLUMNS])
            for row in rows:
                writer.writerow([row[key] for key, _header in DUMP_COLUMNS])
    else:
        with _output(out, "utf-8") as handle:
            handle.write("[")
            for n, row in enumerate(rows):
                handle.write(",\n  " if n else "\n  ")
                handle.write(json.dumps(row, ensure_ascii=False))
            handle.write("\n]\n")
    _finish(stream.diagnostics)

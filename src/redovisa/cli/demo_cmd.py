"""``redovisa demo [--out DIR]``: build the Lystkom example in every format.

``--sample`` instead reads the bundled sample ledger (``redovisa/data/sample.se``) and
prints its trial balance (råbalans): opening balance, movements and closing balance per
account, which is the quickest check that the SIE reader works on a machine.
"""

from __future__ import annotations

import time
from collections import defaultdict
from decimal import Decimal
from importlib import resources
from pathlib import Path

import click

from redovisa.cli.new_cmd import example_dir

ALL_FORMATS = ["pdf", "html", "docx", "xlsx", "md", "json"]


def _amount(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace("-", "−")


def trial_balance_lines(path: Path) -> list[str]:
    """The trial balance of an SIE file as text lines (Swedish number format)."""
    from redovisa.sie import read_sie  # noqa: PLC0415
    from redovisa.sie.records import BalanceKind  # noqa: PLC0415

    sie, _ = read_sie(path)
    opening: dict[str, Decimal] = defaultdict(Decimal)
    moves: dict[str, Decimal] = defaultdict(Decimal)
    for b in sie.balances:
        if b.kind is BalanceKind.IB and b.year == 0 and not b.objects:
            opening[b.account] += b.amount
    for v in sie.vouchers:
        for p in v.postings:
            moves[p.account] += p.amount
    title = sie.company_name or path.name
    lines = [
        f"Råbalans: {title}",
        f"{'Konto':<6} {'Namn':<34} {'IB':>14} {'Rörelse':>14} {'UB':>14}",
    ]
    total = Decimal(0)
    for account in sorted(set(opening) | set(moves)):
        name = sie.accounts[account].name if account in sie.accounts else ""
        ib, mv = opening[account], moves[account]
        total += ib + mv
        lines.append(
            f"{account:<6} {name[:34]:<34} {_amount(ib):>14} {_amount(mv):>14} "
            f"{_amount(ib + mv):>14}"
        )
    lines.append(f"{'Summa':<41} {'':>14} {'':>14} {_amount(total):>14}")
    return lines


@click.command("demo")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Katalog för rapporterna (standard: build/demo).",
)
@click.option(
    "--format",
    "formats",
    default=",".join(ALL_FORMATS),
    show_default=True,
    help="Format, kommaseparerade.",
)
@click.option(
    "--sample",
    is_flag=True,
    help="Läs i stället den medföljande exempelfilen (SIE) och skriv dess råbalans.",
)
def demo(out: Path | None, formats: str, sample: bool) -> None:
    """Bygg exemplet Kommunalförbundet Lystkom (delårsrapport 2024-06-30) i alla format.

    Exempel: redovisa demo --out /tmp/lystkom
    """
    if sample:
        path = Path(str(resources.files("redovisa") / "data" / "sample.se"))
        for line in trial_balance_lines(path):
            click.echo(line)
        return
    from redovisa.cli.publish import has_errors, publish  # noqa: PLC0415

    project = example_dir("lystkom")
    if project is None:
        raise click.ClickException(
            "exemplet examples/lystkom-2024-06 finns inte i den här"
            " installationen; kör från en klon av källkoden"
        )
    target = out or Path("build") / "demo"
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    started = time.perf_counter()
    paths, diags, usable = publish(project, wanted, target)
    for d in diags:
        click.echo(d.format_text(), err=True)
    for path in paths:
        click.echo(str(path))
    click.echo(f"{len(paths)} filer på {time.perf_counter() - started:.1f} s", err=True)
    if not usable or has_errors(diags):
        raise click.exceptions.Exit(1)


__all__ = ["demo", "trial_balance_lines"]

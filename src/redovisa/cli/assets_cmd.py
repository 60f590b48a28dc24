"""``redovisa assets ...``: the asset register (anläggningsregister) from the command line.

``schedule`` (avskrivningsplan per asset and totals), ``vouchers`` (the depreciation
vouchers as SIE 4I), ``reconcile`` (register against ledger, exit 1 on differences) and
``propose`` (register rows proposed from purchase vouchers). A thin adapter over
:mod:`redovisa.assets` and :mod:`redovisa.report.assets_link`; diagnostics go to stderr as
``path:line: CODE message``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import click

from redovisa.core.diagnostics import Diagnostic, sort_key

if TYPE_CHECKING:
    from redovisa.report.assets_link import RegisterProject
    from redovisa.report.project import Project
    from redovisa.sie.records import SieFile

EXIT_ERRORS = 1
PROGRESS_FROM = 50_000  # items; smaller registers are computed without a progress bar
CHUNK = 10_000  # items per step of the progress bar
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _month(text: str, *, end: bool) -> date:
    from redovisa.assets.model import month_end  # noqa: PLC0415 - keep --help fast

    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise click.BadParameter(f"{text!r}: ange månad som ÅÅÅÅ-MM")
    year, month = int(m[1]), int(m[2])
    return month_end(year * 12 + month - 1) if end else date(year, month, 1)


def _emit(diags: list[Diagnostic]) -> None:
    for d in sorted(diags, key=sort_key):
        click.echo(d.format_text(), err=True)


def _load(target: Path) -> tuple[Project, RegisterProject, list[Diagnostic]]:
    """(Project, RegisterProject) for a project folder or a register file inside one."""
    from redovisa.report.assets_link import load_register_project  # noqa: PLC0415
    from redovisa.report.project import PROJECT_FILE, load_project  # noqa: PLC0415

    register = None
    root: Path | None = target
    if target.is_file():
        register = target
        root = next((p for p in target.resolve().parents if (p / PROJECT_FILE).is_file()), None)
    if root is None:
        raise click.UsageError(f"hittar ingen {PROJECT_FILE} ovanför {target}")
    project, diags = load_project(root)
    if project is None:
        _emit(diags)
        raise click.exceptions.Exit(EXIT_ERRORS)
    rp, rdiags = load_register_project(project, register)
    if rp is None:
        _emit(rdiags or diags)
        if not rdiags:
            click.echo(f"{root}: projektet har inget anläggningsregister ([assets] register)")
        raise click.exceptions.Exit(EXIT_ERRORS)
    return project, rp, rdiags


def _ledgers(project: Project) -> list[tuple[SieFile, str]]:
    from redovisa.sie import read_sie  # noqa: PLC0415

    files: list[tuple[SieFile, str]] = []
    for path in project.ledgers:
        shown = project.shown(path)
        sie, _ = read_sie(path, display_path=shown)
        files.append((sie, shown))
    return files


@click.group(name="assets")
def assets() -> None:
    """Anläggningsregister: avskrivningsplan, avskrivningsverifikationer, avstämning, förslag."""


@assets.command(name="schedule")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--from", "first", help="Första månad, ÅÅÅÅ-MM (standard: rapportperiodens).")
@click.option("--to", "last", help="Sista månad, ÅÅÅÅ-MM (standard: rapportperiodens).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
)
def schedule(target: Path, first: str | None, last: str | None, output_format: str) -> None:
    """Avskrivningsplan per tillgång och summor per kategori, ansvar och konto.

    Example:

        redovisa assets schedule examples/lystkom-2024-06 --from 2024-01 --to 2024-06
    """
    from redovisa.assets import depreciation_run  # noqa: PLC0415
    from redovisa.core.money import from_ore  # noqa: PLC0415

    project, rp, diags = _load(target)
    _emit(diags)
    start = _month(first, end=False) if first else project.period_start
    end = _month(last, end=True) if last else project.period_end
    if start is None or end is None or start > end:
        raise click.UsageError("ange perioden med --from ÅÅÅÅ-MM --to ÅÅÅÅ-MM")
    items = rp.items
    config = rp.config
    if len(items) >= PROGRESS_FROM:
        chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
        runs = []
        with click.progressbar(chunks, label="Beräknar avskrivningar", file=sys.stderr) as bar:
            runs = [depreciation_run(chunk, config, start, end) for chunk in bar]
        rows = [r for run in runs for r in run.rows]
        totals: dict[str, dict[str, int]] = {"kategori": {}, "ansvar": {}, "konto": {}}
        for run in runs:
            for name, part in (
                ("kategori", run.by_category),
                ("ansvar", run.by_cost_centre),
                ("konto", run.by_account),
            ):
                for k, v in part.items():
                    totals[name][k] = totals[name].get(k, 0) + v
        total = sum(run.total for run in runs)
    else:
        run = depreciation_run(items, config, start, end)
        rows = list(run.rows)
        totals = {
            "kategori": run.by_category,
            "ansvar": run.by_cost_centre,
            "konto": run.by_account,
        }
        total = run.total
    per_item: dict[str, int] = {}
    for r in rows:
        per_item[r.item] = per_item.get(r.item, 0) + r.amount
    meta = {i.id: i for i in items}
    if output_format == "json":
        data = {
            "period": {"start": str(start), "end": str(end)},
            "assets": [
                {
                    "id": ident,
                    "category": meta[ident].category,
                    "cost_centre": meta[ident].cost_centre,
                    "project": meta[ident].project,
                    "depreciation": str(from_ore(amount)),
                }
                for ident, amount in per_item.items()
            ],
            "totals": {
                name: {k: str(from_ore(v)) for k, v in sorted(part.items())}
                for name, part in totals.items()
            },
            "total": str(from_ore(total)),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if output_format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["asset_id", "category", "cost_centre", "project", "month", "amount"])
        for r in rows:
            month = f"{r.month // 12:04d}-{r.month % 12 + 1:02d}"
            writer.writerow(
                [r.item, r.category, r.cost_centre, r.project, month, from_ore(r.amount)]
            )
        click.echo(buf.getvalue(), nl=False)
        return
    click.echo(f"Avskrivningar {start}–{end}")
    for ident, amount in per_item.items():
        i = meta[ident]
        click.echo(f"  {ident:<24} {i.category:<10} {i.cost_centre:<8} {_kr(from_ore(amount)):>16}")
    for name, part in totals.items():
        click.echo(f"Summa per {name}:")
        for k, v in sorted(part.items()):
            click.echo(f"  {k or '(ingen)':<24} {_kr(from_ore(v)):>16}")
    click.echo(f"Totalt {_kr(from_ore(total))} kr")


def _kr(amount: Decimal) -> str:
    from redovisa.assets.reconcile import kronor  # noqa: PLC0415

    return kronor(amount)


@assets.command(name="vouchers")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--period", required=True, help="Månad eller månader: ÅÅÅÅ-MM[..ÅÅÅÅ-MM].")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SIE-filen som skrivs (typ 4I), t.ex. avskrivningar.si.",
)
@click.option("--per-period", is_flag=True, help="En verifikation för hela perioden.")
def vouchers(target: Path, period: str, out: Path, per_period: bool) -> None:
    """Skriv periodens avskrivningsverifikationer som SIE 4I för import i ekonomisystemet.

    Example:

        redovisa assets vouchers examples/lystkom-2024-06 --period 2024-01..2024-06 --out av.si
    """
    from redovisa.assets import (  # noqa: PLC0415
        depreciation_run,
        depreciation_vouchers,
        vouchers_sie,
        write_vouchers_sie,
    )

    first, _, last = period.partition("..")
    start, end = _month(first, end=False), _month(last or first, end=True)
    if start > end:
        raise click.BadParameter("perioden slutar före den börjar", param_hint="--period")
    project, rp, diags = _load(target)
    _emit(diags)
    config = rp.config
    run = depreciation_run(rp.items, config, start, end)
    made = depreciation_vouchers(run, config, per_month=not per_period)
    sie = vouchers_sie(
        made,
        company_name=project.name,
        orgnr=project.orgnr,
        fiscal_year=(date(start.year, 1, 1), date(start.year, 12, 31)),
        generated=end,
    )
    write_vouchers_sie(sie, out)
    click.echo(
        f"skrev {out}: {len(made)} verifikationer,"
        f" avskrivningar {_kr(Decimal(run.total) / 100)} kr",
        err=True,
    )


@assets.command(name="reconcile")
@click.argument("target", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--at", "at", help="Avstämningsdag ÅÅÅÅ-MM-DD (standard: rapportperiodens slut).")
def reconcile_cmd(target: Path, at: str | None) -> None:
    """Stäm av registret mot huvudboken: saldon per konto, avskrivningar och investeringar.

    Avslutas med 1 när något skiljer; varje skillnad namnger konton och belopp.

    Example:

        redovisa assets reconcile examples/lystkom-2024-06 --at 2023-12-31
    """
    from redovisa.report.assets_link import (  # noqa: PLC0415
        outcome_with_ledger,
        reconcile_with_ledger,
    )

    project, rp, diags = _load(target)
    try:
        day = date.fromisoformat(at) if at else project.period_end
    except ValueError:
        raise click.BadParameter(f"{at!r}: ange datum som ÅÅÅÅ-MM-DD", param_hint="--at") from None
    if day is None:
        raise click.UsageError("ange avstämningsdagen med --at")
    start = date(day.year, 1, 1)
    files = _ledgers(project)
    diags += reconcile_with_ledger(rp, files, start, day)
    if project.period_end is not None and day.year == project.period_end.year:
        # the investment budget ([[assets.investments]]) is the report year's
        diags += outcome_with_ledger(rp, files, start, day)
    _emit(diags)
    errors = sum(1 for d in diags if d.is_error)
    if errors:
        click.echo(f"{rp.register}: {errors} skillnader mot huvudboken per {day}")
        raise click.exceptions.Exit(EXIT_ERRORS)
    click.echo(f"{rp.register}: registret stämmer med huvudboken per {day}")


@assets.command(name="propose")
@click.argument("target", type=click.Path(exists=True, file_okay=False, path_type=Path))
def propose(target: Path) -> None:
    """Föreslå registerposter från inköpsverifikationer på tillgångskontona (CSV på stdout).

    Verifikationer som registret redan anger (kolumnen voucher) hoppas över.

    Example:

        redovisa assets propose examples/lystkom-2024-06 > forslag.csv
    """
    from redovisa.assets import propose_assets, write_register_csv  # noqa: PLC0415

    project, rp, diags = _load(target)
    known = [a.voucher for a in rp.assets if a.voucher]
    proposals = []
    for sie, shown in _ledgers(project):
        found, pdiags = propose_assets(
            sie.vouchers,
            rp.config,
            known_vouchers=known,
            path=shown,
        )
        proposals += found
        diags += pdiags
    _emit(diags)
    click.echo(write_register_csv([p.asset for p in proposals]), nl=False)
    undecided = sum(1 for p in proposals if not p.asset.category)
    click.echo(
        f"{len(proposals)} förslag, {undecided} utan kategori (välj bland kandidaterna)", err=True
    )


__all__ = ["assets"]

"""``redovisa hr sickleave`` and ``redovisa goals``: sick leave and goal follow-up on their own.

For the people who keep these figures: see the sick-leave figures of an HR export (or of a
report project) without building the whole report, and the goal assessment of a project.
Both are thin adapters over :mod:`redovisa.hr`, :mod:`redovisa.goals` and the report build.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import click

from redovisa.core.diagnostics import Diagnostic, Severity, sort_key
from redovisa.core.table import Table, round_half_away
from redovisa.hr import AbsenceRow, Period

PERIOD_HELP = "Period, t.ex. 2024-01..2024-06, 2024-03 eller 2024 (standard: projektets period,"
PERIOD_HELP += " annars det senaste årets månader i filen)."
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2}))?(?:\.\.(\d{4})(?:-(\d{2}))?)?")
CSV_HEADER = ("tabell", "rad", "kolumn", "värde", "exakt", "anmärkning")
HR_PREFIX = "Sjukfrånvaro i procent av ordinarie arbetstid "


def parse_period(text: str) -> Period | None:
    """``2024-01..2024-06``, ``2024-03`` or ``2024`` as a period of whole months."""
    m = _PERIOD.fullmatch(text.strip())
    if not m:
        return None
    y1, m1, y2, m2 = m.groups()
    try:
        start = date(int(y1), int(m1 or 1), 1)
        last_year = int(y2 or y1)
        last_month = int(m2 or (m1 if y2 is None and m1 else 12))
        after = date(last_year + last_month // 12, last_month % 12 + 1, 1)
    except ValueError:
        return None
    end = after - timedelta(days=1)
    return Period(start, end) if start <= end else None


def default_period(rows: list[AbsenceRow]) -> Period | None:
    """The months of the latest year in the export, from its first to its last month."""
    if not rows:
        return None
    year = max(r.month.year for r in rows)
    months = [r.month for r in rows if r.month.year == year]
    last = max(months)
    after = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return Period(min(months), after - timedelta(days=1))


def _report(diags: list[Diagnostic]) -> bool:
    """Diagnostics on stderr; True when any is an error."""
    for d in sorted(diags, key=sort_key):
        click.echo(d.format_text(), err=True)
    return any(d.severity is Severity.ERROR for d in diags)


def _exact(text: str) -> str:
    try:
        return str(round_half_away(Fraction(text), 6))
    except (ValueError, ZeroDivisionError):
        return text


def text_table(table: Table) -> list[str]:
    """A table as aligned text: labels left, columns right, notes last."""
    heads = [c.label.removeprefix(HR_PREFIX) for c in table.columns]
    body = [
        (row.label, [row.cells[c.id].text if c.id in row.cells else "" for c in table.columns])
        for row in table.rows
    ]
    first = max([len(label) for label, _ in body] + [0])
    widths = [max([len(h)] + [len(cells[i]) for _, cells in body]) for i, h in enumerate(heads)]
    lines = [table.title, ""]
    lines.append(" " * first + "".join(f"  {h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    for label, cells in body:
        row = "".join(f"  {c:>{w}}" for c, w in zip(cells, widths, strict=True))
        lines.append(f"{label:<{first}}{row}".rstrip())
    if table.notes:
        lines += ["", *(f"Not: {n}" for n in table.notes)]
    return lines


def goal_text(table: Table) -> list[str]:
    """The goal table as an indented list: målområde, målvärde, outcome, forecast, assessment."""
    labels = {c.id: c.label for c in table.columns}
    lines = [table.title]
    for row in table.rows:
        if row.kind == "heading":
            lines += ["", row.label, *(f"  Mål: {g}" for g in row.detail)]
        elif row.kind == "subtotal":
            lines.append(f"  Samlad bedömning: {row.cells['bedomning'].text}")
        else:
            lines.append(f"  {row.label}")
            for cid, cell in row.cells.items():
                note = f" ({cell.note})" if cell.note and cid == "bedomning" else ""
                lines.append(f"    {labels.get(cid, cid)}: {cell.text}{note}")
    return lines


def csv_text(tables: list[Table]) -> str:
    """One line per figure: table, row, column, shown value, exact value, note."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for table in tables:
        for row in table.rows:
            for column in table.columns:
                cell = row.cells.get(column.id)
                if cell is None:
                    continue
                value = str(cell.value) if cell.value is not None else ""
                exact = _exact(cell.exact) if cell.exact is not None else ""
                writer.writerow((table.id, row.label, column.label, value, exact, cell.note or ""))
    return out.getvalue()


def _tables_json(tables: list[Table]) -> str:
    from redovisa.render.json import display_table_json  # noqa: PLC0415

    return json.dumps([display_table_json(t) for t in tables], ensure_ascii=False, indent=2)


@click.group("hr")
def hr() -> None:
    """Personal: sjukfrånvaro ur HR-exporten (docs/sick-leave.md)."""


@hr.command("sickleave")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@click.option("--period", "period_text", default=None, help=PERIOD_HELP)
@click.option(
    "--by",
    type=click.Choice(["unit", "age", "gender"]),
    default=None,
    help="Dela upp per enhet, åldersgrupp eller kön (standard: alla sju nyckeltal).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Utdataformat.",
)
def sickleave(source: Path, period_text: str | None, by: str | None, fmt: str) -> None:
    """Sjukfrånvaro: de obligatoriska nyckeltalen för perioden och samma period i fjol.

    SOURCE är en rapportkatalog (HR-exporten enligt [hr] absence) eller en HR-export
    (CSV eller XLSX). Små grupper redovisas inte (röjandekontroll); skälet står i noten.

    Exempel: redovisa hr sickleave examples/lystkom-2024-06 --by unit
    """
    from redovisa.hr import (  # noqa: PLC0415
        age_table,
        gender_table,
        key_figures_table,
        read_absence,
        sick_leave,
        sick_leave_by_unit,
        unit_table,
    )

    diags: list[Diagnostic] = []
    period = parse_period(period_text) if period_text else None
    if period_text and period is None:
        raise click.BadParameter(
            f"{period_text!r}: skriv som 2024-01..2024-06, 2024-03 eller 2024",
            param_hint="--period",
        )
    if source.is_dir():
        from redovisa.report.project import load_project  # noqa: PLC0415

        project, pdiags = load_project(source)
        diags += pdiags
        if project is None or project.absence is None:
            _report(diags)
            raise click.ClickException(
                f"{source} har ingen HR-export: ange [hr] absence i redovisa.toml"
            )
        path, shown = project.absence, str(project.absence)
        if period is None and project.period_start and project.period_end:
            period = Period(project.period_start, project.period_end)
    else:
        path, shown = source, str(source)
    rows, rdiags = read_absence(path, shown)
    diags += rdiags
    errors = _report(diags)
    period = period or default_period(rows)
    if period is None:
        raise click.ClickException(f"{shown} har inga läsbara rader")
    now, before = sick_leave(rows, period), sick_leave(rows, period.previous_year())
    previous = before if before.figures["total"].employees > 0 else None
    if by == "unit":
        earlier = sick_leave_by_unit(rows, period.previous_year())
        table = unit_table(sick_leave_by_unit(rows, period) or {"Totalt": now}, earlier or None)
    elif by == "age":
        table = age_table(now, previous)
    elif by == "gender":
        table = gender_table(now, previous)
    else:
        table = key_figures_table(now, previous)
    if fmt == "json":
        click.echo(_tables_json([table]))
    elif fmt == "csv":
        click.echo(csv_text([table]), nl=False)
    else:
        click.echo("\n".join(text_table(table)))
    if errors:
        raise click.exceptions.Exit(1)


@click.command("goals")
@click.argument("project", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Utdataformat.",
)
def goals(project: Path, fmt: str) -> None:
    """Måluppfyllelse: varje målvärde med utfall, prognos och bedömning.

    Målen mäts på rapportens egna siffror (resultaträkningen m.m.), sjukfrånvaron och
    KPI-filerna, som när rapporten byggs (docs/goals.md).

    Exempel: redovisa goals examples/lystkom-2024-06
    """
    from redovisa.report.build import build_document  # noqa: PLC0415

    doc, diags = build_document(project)
    errors = _report(diags)
    table = next((t for t in doc.display_tables if t.id == "maluppfyllelse"), None) if doc else None
    if table is None:
        raise click.ClickException(
            f"{project} har inga mål: lägg goals.toml i projektet eller ange [goals] file"
        )
    if fmt == "json":
        from redovisa.render.json import display_table_json  # noqa: PLC0415

        click.echo(json.dumps(display_table_json(table), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(goal_text(table)))
    if errors:
        raise click.exceptions.Exit(1)


__all__ = ["default_period", "goals", "hr", "parse_period"]

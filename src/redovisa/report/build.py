"""Build a report project: redovisa.toml, ledgers, budget and prognos -> :class:`Document`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from redovisa.coa.load import load_mapping
from redovisa.coa.resolve import Resolver
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity, SourceRef
from redovisa.report.assets_forecast import forecast_with_register
from redovisa.report.assets_link import apply_register, load_register_project
from redovisa.report.codes import DUPLICATE_YEAR
from redovisa.report.document import Document
from redovisa.report.measures import measured_tables
from redovisa.report.project import Project, load_project
from redovisa.sie import read_sie
from redovisa.sie.records import SieFile
from redovisa.statements.budget import Plan, plan_from_sie, read_plan
from redovisa.statements.columns import ReportPeriod
from redovisa.statements.compute import StatementOptions, compute_statements
from redovisa.statements.data import LedgerData
from redovisa.statements.figures import Figures
from redovisa.statements.memory import MemoryLedger


def _plan(
    project: Project,
    kind: str,
    source: Path | str | None,
    files: list[tuple[SieFile, str]],
    resolver: Resolver,
) -> tuple[Plan, list[Diagnostic]]:
    if source is None:
        return Plan(kind), []
    if source == "sie":
        return plan_from_sie(files, kind, resolver)
    assert isinstance(source, Path)
    return read_plan(source, kind, resolver, project.shown(source))


def report_period(project: Project, ledger: LedgerData) -> ReportPeriod:
    """The report period with its fiscal year (from the ledger, else the calendar year)."""
    assert project.period_start is not None and project.period_end is not None
    fy = ledger.fiscal_year(project.period_end)
    if fy is None:
        fy = (date(project.period_end.year, 1, 1), date(project.period_end.year, 12, 31))
    return ReportPeriod(project.period_start, project.period_end, fy[0], fy[1], project.interim)


def build_document(
    root: Path, ledger: LedgerData | None = None
) -> tuple[Document | None, list[Diagnostic]]:
    """Compute every table of the project in ``root``; None when the project is unusable.

    ``ledger`` replaces the SIE files of the project (e.g. the DuckDB store).
    """
    project, diags = load_project(root)
    if project is None or project.period_start is None or project.period_end is None:
        return None, diags
    mapping, mdiags = load_mapping(
        project.mapping, project.shown(project.mapping) if project.mapping else None
    )
    diags += mdiags
    resolver = Resolver(mapping)
    files: list[tuple[SieFile, str]] = []
    for path in project.ledgers:
        shown = project.shown(path)
        sie, sdiags = read_sie(path, display_path=shown)
        diags += [d for d in sdiags if d.severity is Severity.ERROR]
        files.append((sie, shown))
    if ledger is None:
        memory = MemoryLedger([f for f, _ in files], [n for _, n in files])
        for start, end, kept, ignored in memory.conflicts:
            diags.append(
                Diagnostic(
                    DUPLICATE_YEAR,
                    Severity.ERROR,
                    f"räkenskapsåret {start}–{end} har verifikationer i både {kept} och"
                    f" {ignored}; bara {kept} används",
                    SourceRef(ignored),
                )
            )
        ledger = memory
    budget, bdiags = _plan(project, "budget", project.budget, files, resolver)
    forecast, fdiags = _plan(project, "prognos", project.forecast, files, resolver)
    diags += bdiags + fdiags
    # the asset register, when the project has one: the depreciation forecast (prognos)
    register = load_register_project(project)
    rp = register[0]
    if rp is not None and project.forecast is not None and not any(d.is_error for d in register[1]):
        forecast, adiags = forecast_with_register(
            rp, forecast, resolver, project.period_end, project.unit
        )
        diags += adiags
    period = report_period(project, ledger)
    options = StatementOptions(
        period=period,
        columns=project.columns,
        labels=project.column_labels,
        drift_dimension=project.drift_dimension,
        investment_dimension=project.investment_dimension,
        result_label=project.result_label,
        omit_zero=project.omit_zero_rows,
        balanskrav=project.balanskrav,
    )
    figures = Figures(ledger, mapping, budget, forecast, resolver)
    tables, sdiags2 = compute_statements(figures, options)
    # the asset register: note figures and reconciliation
    diags += apply_register(
        project, files, tables, (project.period_start, project.period_end), register
    )
    diags += sdiags2
    doc = Document(
        name=project.name,
        kind=project.report_kind,
        period_start=project.period_start,
        period_end=project.period_end,
        unit=project.unit,
        orgnr=project.orgnr,
        tables=tables,
        findings=[d for d in sdiags2 if isinstance(d.where, ReportRef)],
    )
    # sick leave and goals (docs/goals.md, docs/sick-leave.md), measured on the statements
    doc.display_tables, mdiags = measured_tables(
        project, project.period_start, project.period_end, tables
    )
    diags += mdiags
    return doc, diags


def previous_day(day: date) -> date:
    """The day before ``day``."""
    return day - timedelta(days=1)


__all__ = ["build_document", "report_period"]

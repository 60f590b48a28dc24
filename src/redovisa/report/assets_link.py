"""Anläggningsregistret i rapporten: the asset register wired into a report project.

When redovisa.toml has ``[assets]`` with ``register = "data/assets.csv"``, the asset note
(the ``not_N`` table whose rows are the acquisition-value roll-forward) takes its figures
from the register, and the register must agree with the ledger: balances per balance-sheet
account and the depreciation per expense account at the end of every column of the note
(AST030), each note figure (AST030) and the investment outcome per project in the report
period (AST031). Disagreements are build diagnostics. The statements themselves stay
computed from the ledger, so when nothing is reported both sources give the same figures.

This module and :mod:`redovisa.report.assets_forecast` (the register's depreciation forecast
in the prognos column) are the only places that join ``redovisa.assets`` and
``redovisa.statements`` (siblings); the CLI (``redovisa assets``) uses
:func:`load_register_project` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from redovisa.assets import (
    Asset,
    AssetConfig,
    InvestmentBudget,
    Item,
    NoteRow,
    asset_config,
    asset_note,
    build_items,
    closing_balances,
    compare_outcome,
    depreciation_run,
    investment_budgets,
    ledger_outcome,
    period_movements,
    read_register,
    reconcile,
    register_outcome,
)
from redovisa.assets.codes import BAD_CONFIG, RECONCILIATION
from redovisa.assets.reconcile import kronor
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.core.money import from_ore
from redovisa.report.project import PROJECT_FILE, Project
from redovisa.sie.records import SieFile
from redovisa.statements.table import StatementTable

ZERO = Decimal("0.00")
# statement note row key -> labels of the register note rows it sums (occurrence by order)
_NOTE_ROWS: dict[str, tuple[int, ...]] = {
    "ib_anskaffning": (0,),
    "inkop": (1,),
    "utrangering_anskaffning": (2, 3),
    "ub_anskaffning": (4,),
    "ib_ack": (5,),
    "avskrivningar": (6,),
    "utrangering_ack": (7, 8),
    "ub_ack": (9,),
    "summa": (10,),
}
_CLOSING_ROWS = {"anskaffningsvarde": 4, "ackumulerade": 9, "redovisat_varde": 10}


@dataclass(slots=True)
class RegisterProject:
    """Registret i ett projekt: configuration, register rows, items and budget lines."""

    config: AssetConfig
    assets: list[Asset]
    items: list[Item]
    register: str  # the register path as the user sees it
    budgets: list[InvestmentBudget] = field(default_factory=list)


def load_register_project(
    project: Project, register: Path | None = None
) -> tuple[RegisterProject | None, list[Diagnostic]]:
    """Read ``[assets]`` and the register of ``project`` (``register`` overrides the key).

    ``None`` without diagnostics when the project has no register (nothing to wire).
    """
    section = project.raw.get("assets")
    toml = project.shown(project.root / PROJECT_FILE)
    if not isinstance(section, dict):
        if register is None:
            return None, []
        return None, [
            Diagnostic(BAD_CONFIG, Severity.ERROR, "avsnittet [assets] saknas", SourceRef(toml))
        ]
    config, diags = asset_config(section, toml)
    if config is None:
        return None, diags
    if register is None:
        name = section.get("register")
        if name is None:
            return None, diags
        if not isinstance(name, str) or not name:
            msg = 'assets.register ska vara en sökväg, t.ex. "data/assets.csv"'
            return None, [*diags, Diagnostic(BAD_CONFIG, Severity.ERROR, msg, SourceRef(toml))]
        register = project.root / name
    shown = project.shown(register)
    assets, rdiags = read_register(register, config, display_path=shown)
    diags += rdiags
    budgets, bdiags = investment_budgets(section.get("investments", []), config, toml)
    diags += bdiags
    return RegisterProject(config, assets, build_items(assets, config), shown, budgets), diags


def _year0(sie: SieFile) -> tuple[date, date] | None:
    year = next((fy for fy in sie.fiscal_years if fy.index == 0), None)
    return (year.start, year.end) if year is not None else None


def ledger_for(files: Sequence[tuple[SieFile, str]], start: date, end: date) -> SieFile | None:
    """The SIE file whose current year (year 0) holds ``start..end``."""
    for sie, _ in files:
        fy = _year0(sie)
        if fy is not None and fy[0] <= start and end <= fy[1]:
            return sie
    return None


def reconcile_with_ledger(
    rp: RegisterProject, files: Sequence[tuple[SieFile, str]], start: date, end: date
) -> list[Diagnostic]:
    """AST030 for every account where register and ledger differ at ``end``.

    Balances per balance-sheet account at ``end`` and the depreciation per expense account
    of ``start..end`` (whole months, within one fiscal year of the ledger).
    """
    sie = ledger_for(files, start, end)
    if sie is None:
        msg = f"huvudboken saknar räkenskapsåret för {start}–{end}; registret kan inte stämmas av"
        return [Diagnostic(RECONCILIATION, Severity.ERROR, msg, SourceRef(rp.register))]
    balances = closing_balances(sie, end, rp.config.balance_accounts())
    run = depreciation_run(rp.items, rp.config, start, end)
    expense = {c.expense_account for c in rp.config.categories.values()}
    mine = {a: from_ore(run.by_account.get(a, 0)) for a in sorted(expense)}
    booked = period_movements(sie, start, end, mine)
    return reconcile(
        rp.items,
        rp.config,
        end,
        balances,
        ledger_depreciation=booked,
        register_depreciation=mine,
        source=rp.register,
    )


def outcome_with_ledger(
    rp: RegisterProject, files: Sequence[tuple[SieFile, str]], start: date, end: date
) -> list[Diagnostic]:
    """AST031 for every investment project whose register and ledger outcome differ."""
    sie = ledger_for(files, start, end)
    if sie is None:
        return []
    projects = sorted({b.project for b in rp.budgets if b.project}) or None
    return compare_outcome(
        register_outcome(rp.assets, start, end),
        ledger_outcome(sie.vouchers, rp.config, start, end),
        rp.config,
        start,
        end,
        projects=projects,
        source=rp.register,
    )


def _asset_note_table(tables: Sequence[StatementTable], config: AssetConfig) -> StatementTable:
    accounts = {c.asset_account for c in config.categories.values()}
    for table in tables:
        keys = {line.key for line in table.rows}
        if "ib_anskaffning" in keys and accounts & set(table.row("ib_anskaffning").accounts):
            return table
    raise LookupError("no asset note")


def apply_register(
    project: Project,
    files: Sequence[tuple[SieFile, str]],
    tables: Sequence[StatementTable],
    period: tuple[date, date],
    loaded: tuple[RegisterProject | None, list[Diagnostic]] | None = None,
) -> list[Diagnostic]:
    """Wire the project's register into ``tables`` (in place); the diagnostics found.

    Nothing happens when the project has no register. Otherwise the asset note's figures
    of every column come from the register, and register and ledger are reconciled at
    each column end; the investment outcome per project is checked for ``period``.
    ``loaded`` is :func:`load_register_project`'s answer when the caller has it already
    (its diagnostics are returned here, once).
    """
    rp, diags = loaded if loaded is not None else load_register_project(project)
    diags = list(diags)
    if rp is None or any(d.is_error for d in diags):
        return diags
    try:
        note = _asset_note_table(tables, rp.config)
    except LookupError:
        note = None
    checked: set[tuple[date, date]] = set()
    for col in note.columns if note is not None else []:
        if col.kind != "flow" or col.start is None or col.end is None:
            continue
        try:
            reg = asset_note(rp.items, rp.config, col.start, col.end)
        except ValueError:  # not whole months
            continue
        if (col.start, col.end) not in checked:
            checked.add((col.start, col.end))
            diags += reconcile_with_ledger(rp, files, col.start, col.end)
        assert note is not None
        for line in note.rows:
            value = _register_value(line.key, line.label, reg.rows)
            if value is None:
                continue
            booked = line.values.get(col.id) or ZERO
            if booked != value:
                msg = (
                    f"not {note.title!r}, rad {line.label!r}, kolumn {col.label}:"
                    f" registret {kronor(value)} kr, huvudboken {kronor(booked)} kr"
                    f" (konto {', '.join(line.accounts)}), skillnad {kronor(value - booked)} kr"
                )
                diags.append(
                    Diagnostic(RECONCILIATION, Severity.ERROR, msg, SourceRef(rp.register))
                )
            line.values[col.id] = value
    diags += outcome_with_ledger(rp, files, *period)
    return diags


def _register_value(key: str, label: str, typed: Sequence[NoteRow]) -> Decimal | None:
    if key in _NOTE_ROWS:
        return sum((typed[i].amount for i in _NOTE_ROWS[key]), ZERO)
    if key in _CLOSING_ROWS:
        return typed[_CLOSING_ROWS[key]].amount
    if key.startswith("varav_"):
        found = [r.amount for r in typed if r.label == label]
        return found[0] if found else None
    return None


__all__ = [
    "RegisterProject",
    "apply_register",
    "ledger_for",
    "load_register_project",
    "outcome_with_ledger",
    "reconcile_with_ledger",
]

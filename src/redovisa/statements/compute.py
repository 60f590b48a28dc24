"""All statements of a report, with numbered notes and the arithmetic checks.

:func:`compute_statements` is the pure entry point: a ledger, a mapping, budget and prognos
and the options in, the tables and diagnostics out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from redovisa.coa.codes import EXCLUDED_NOT_ZERO
from redovisa.coa.resolve import coverage
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity
from redovisa.statements.balance import balance_sheet
from redovisa.statements.balanskrav import Adjustments, balanskrav_statement, key_ratios
from redovisa.statements.cashflow import cash_flow, closing_liquidity
from redovisa.statements.codes import CASHFLOW_MISMATCH, NO_DATA, NOT_BALANCED
from redovisa.statements.columns import (
    ANNUAL_DEFAULTS,
    INTERIM_DEFAULTS,
    ReportPeriod,
    columns_for,
)
from redovisa.statements.figures import Figures
from redovisa.statements.income import income_statement
from redovisa.statements.investments import investment_statement
from redovisa.statements.notes import note_tables
from redovisa.statements.operating import operating_statement
from redovisa.statements.table import StatementTable


@dataclass(frozen=True, slots=True)
class StatementOptions:
    """Inställningar: period, columns per table, dimensions and labels (configuration.md)."""

    period: ReportPeriod
    columns: Mapping[str, Sequence[str]] = field(default_factory=dict)
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    drift_dimension: str = "1"
    investment_dimension: str | None = None
    result_label: str | None = None
    omit_zero: bool = True
    balanskrav: Adjustments = field(default_factory=dict)

    def column_ids(self, table: str) -> Sequence[str]:
        """Configured column ids of ``table``, or the defaults of the report kind."""
        if table in self.columns:
            return self.columns[table]
        defaults = INTERIM_DEFAULTS if self.period.interim else ANNUAL_DEFAULTS
        return defaults[table]


def _number_notes(
    notes: list[tuple[str, StatementTable]], tables: Sequence[StatementTable]
) -> dict[str, str]:
    numbers: dict[str, str] = {}
    for n, (note_id, table) in enumerate(notes, start=1):
        numbers[note_id] = str(n)
        table.id = f"not_{n}"
        table.title = f"Not {n} {table.title}"
    for table in tables:
        for row in table.rows:
            row.notes = tuple(numbers[i] for i in row.notes if i in numbers)
    return numbers


def _check(tables: dict[str, StatementTable], figures: Figures) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    br = tables.get("balansrakning")
    if br is not None:
        for c in br.columns:
            assets = br.value("summa_tillgangar", c.id)
            claims = br.value("summa_ek_skulder", c.id)
            if assets is not None and claims is not None and assets != claims:
                diags.append(
                    Diagnostic(
                        NOT_BALANCED,
                        Severity.ERROR,
                        f"balansräkningen {c.label}: summa tillgångar {assets} kr men summa eget"
                        f" kapital och skulder {claims} kr (differens {assets - claims} kr)",
                        ReportRef(table="balansrakning", row="Summa tillgångar", column=c.id),
                        expected=str(claims),
                        actual=str(assets),
                    )
                )
    kf = tables.get("kassaflodesanalys")
    if kf is not None:
        for c in kf.columns:
            shown = kf.value("likvida_ub", c.id)
            actual = closing_liquidity(figures, c)
            if shown is not None and actual is not None and shown != actual:
                diags.append(
                    Diagnostic(
                        CASHFLOW_MISMATCH,
                        Severity.ERROR,
                        f"kassaflödesanalysen {c.label} slutar på {shown} kr men likvida medel"
                        f" är {actual} kr",
                        ReportRef(
                            table="kassaflodesanalys",
                            row="Likvida medel vid årets slut",
                            column=c.id,
                        ),
                        expected=str(actual),
                        actual=str(shown),
                    )
                )
            excluded = figures.groups(statement="excluded")
            sums = figures.sums(c) if c.kind == "flow" else None
            if sums is not None and sums.of(excluded):
                diags.append(
                    Diagnostic(
                        EXCLUDED_NOT_ZERO,
                        Severity.WARNING,
                        f"interna poster (klass 9) går inte jämnt ut {c.label}:"
                        f" {sums.of(excluded)} kr; beloppet räknas i eget kapital",
                    )
                )
    for label in sorted(figures.missing):
        diags.append(
            Diagnostic(
                NO_DATA,
                Severity.WARNING,
                f"huvudboken saknar underlag för kolumnen '{label}'; kolumnen lämnas tom",
            )
        )
    return diags


def compute_statements(
    figures: Figures, options: StatementOptions
) -> tuple[list[StatementTable], list[Diagnostic]]:
    """Every statement table (notes numbered not_1 ... not_N) and the diagnostics."""
    p = options.period

    def cols(table: str) -> list:  # type: ignore[type-arg]
        return columns_for(table, options.column_ids(table), p, options.labels.get(table))

    omit = options.omit_zero
    result_label = options.result_label or ("Periodens resultat" if p.interim else "Årets resultat")
    statements = [
        income_statement(
            figures, cols("resultatrakning"), result_label=result_label, omit_zero=omit
        ),
        balance_sheet(figures, cols("balansrakning"), omit_zero=omit),
        cash_flow(figures, cols("kassaflodesanalys"), omit_zero=omit),
    ]
    notes = note_tables(figures, cols("noter"), omit_zero=omit)
    others = [
        operating_statement(
            figures, cols("driftredovisning"), options.drift_dimension, omit_zero=omit
        ),
        investment_statement(
            figures, cols("investeringsredovisning"), options.investment_dimension, omit_zero=omit
        ),
        balanskrav_statement(
            figures, cols("balanskravsutredning"), options.balanskrav, omit_zero=omit
        ),
        key_ratios(figures, cols("balanskravsutredning")),
    ]
    note_list = [(n.id, t) for n, t in notes]
    _number_notes(note_list, statements)
    tables = [*statements, *(t for _, t in note_list), *others]
    diags = _check({t.id: t for t in tables}, figures)
    names = figures.ledger.account_names()
    at_end = figures.ledger.balances(p.end)
    amounts: dict[str, Decimal] = {
        account: at_end.get(account) or turnover
        for account, turnover in figures.ledger.active_accounts().items()
    }
    diags = coverage(figures.resolver, amounts, names) + diags
    return tables, diags


__all__ = ["StatementOptions", "compute_statements"]

"""Bokslutsrapporter: resultaträkning, balansräkning, kassaflödesanalys, noter,
driftredovisning, investeringsredovisning and balanskravsutredning, as pure functions over
:class:`LedgerData` (docs/statements.md)."""

from __future__ import annotations

from redovisa.statements.balance import balance_sheet
from redovisa.statements.balanskrav import balanskrav_statement, key_ratios
from redovisa.statements.budget import Plan, PlanRow, plan_from_sie, read_plan
from redovisa.statements.cashflow import cash_flow
from redovisa.statements.columns import ReportPeriod, columns_for
from redovisa.statements.compute import StatementOptions, compute_statements
from redovisa.statements.data import Flow, LedgerData
from redovisa.statements.figures import Figures, Sums
from redovisa.statements.income import income_statement
from redovisa.statements.investments import investment_statement
from redovisa.statements.memory import MemoryLedger
from redovisa.statements.notes import note_tables
from redovisa.statements.operating import operating_statement
from redovisa.statements.table import ColumnSpec, Line, StatementTable

__all__ = [
    "ColumnSpec",
    "Figures",
    "Flow",
    "LedgerData",
    "Line",
    "MemoryLedger",
    "Plan",
    "PlanRow",
    "ReportPeriod",
    "StatementOptions",
    "StatementTable",
    "Sums",
    "balance_sheet",
    "balanskrav_statement",
    "cash_flow",
    "columns_for",
    "compute_statements",
    "income_statement",
    "investment_statement",
    "key_ratios",
    "note_tables",
    "operating_statement",
    "plan_from_sie",
    "read_plan",
]

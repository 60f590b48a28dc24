"""Anläggningsregister: the asset register, depreciation, disposals, reconciliation, the asset
note and investment follow-up.

A compute package (sibling of ``statements``, never importing it): it reads the register
(CSV/XLSX) and the ``[assets]`` configuration, and uses ``redovisa.sie`` records for
vouchers. Money is integer öre inside the schedule arithmetic and ``Decimal`` kronor at the
edges. See ``docs/assets.md``.
"""

from __future__ import annotations

from redovisa.assets.config import asset_config, load_asset_config
from redovisa.assets.disposal import (
    BalanceRequirementAdjustments,
    Disposal,
    balance_requirement_adjustments,
    disposal_vouchers,
    disposals,
)
from redovisa.assets.figures import StatementFigures, statement_figures
from redovisa.assets.followup import (
    InvestmentBudget,
    InvestmentRow,
    compare_depreciation_forecast,
    depreciation_forecast,
    depreciation_forecast_by_account,
    investment_budgets,
    investment_followup,
    planned_items,
)
from redovisa.assets.model import (
    Asset,
    AssetConfig,
    Category,
    DisposalKind,
    RetireRule,
    StartConvention,
)
from redovisa.assets.note import AssetNote, NoteRow, asset_note, register_balances
from redovisa.assets.outcome import compare_outcome, ledger_outcome, register_outcome
from redovisa.assets.proposals import Proposal, propose_assets
from redovisa.assets.reconcile import closing_balances, period_movements, reconcile
from redovisa.assets.register import parse_register, read_register, write_register_csv
from redovisa.assets.run import (
    DepreciationRun,
    ScheduleRow,
    depreciation_run,
    depreciation_vouchers,
    vouchers_sie,
    write_vouchers_sie,
)
from redovisa.assets.schedule import Item, accumulated_ore, build_items, schedule

__all__ = [
    "Asset",
    "AssetConfig",
    "AssetNote",
    "BalanceRequirementAdjustments",
    "Category",
    "DepreciationRun",
    "Disposal",
    "DisposalKind",
    "InvestmentBudget",
    "InvestmentRow",
    "Item",
    "NoteRow",
    "Proposal",
    "RetireRule",
    "ScheduleRow",
    "StartConvention",
    "StatementFigures",
    "accumulated_ore",
    "asset_config",
    "asset_note",
    "balance_requirement_adjustments",
    "build_items",
    "closing_balances",
    "compare_depreciation_forecast",
    "compare_outcome",
    "depreciation_forecast",
    "depreciation_forecast_by_account",
    "depreciation_run",
    "depreciation_vouchers",
    "disposal_vouchers",
    "disposals",
    "investment_budgets",
    "investment_followup",
    "ledger_outcome",
    "load_asset_config",
    "parse_register",
    "period_movements",
    "planned_items",
    "propose_assets",
    "read_register",
    "reconcile",
    "register_balances",
    "register_outcome",
    "schedule",
    "statement_figures",
    "vouchers_sie",
    "write_register_csv",
    "write_vouchers_sie",
]

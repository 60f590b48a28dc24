"""Investeringsuppföljning: budget, outcome and forecast per project or category, and the
forecast of the year's depreciation (assets held plus planned investments).

Budget and forecast come from ``[[assets.investments]]`` in redovisa.toml (see
``docs/assets.md``); the outcome is the register's purchases in the period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from redovisa.assets.codes import BAD_CONFIG, FORECAST_DEPRECIATION
from redovisa.assets.model import Asset, AssetConfig, month_index
from redovisa.assets.reconcile import kronor
from redovisa.assets.schedule import Item
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.core.money import from_ore, to_ore


@dataclass(frozen=True, slots=True)
class InvestmentBudget:
    """Investeringsbudget: one project (or category) with its budget and forecast (kronor)."""

    label: str
    budget: Decimal
    forecast: Decimal
    category: str = ""
    project: str = ""

    def matches(self, asset: Asset) -> bool:
        """True when the asset's purchase counts against this budget line."""
        if self.project:
            return asset.project == self.project
        return asset.category == self.category


@dataclass(frozen=True, slots=True)
class InvestmentRow:
    """Rad i investeringsredovisningen: budget, utfall, prognos and avvikelse (kronor)."""

    label: str
    budget: Decimal
    outcome: Decimal
    forecast: Decimal

    @property
    def deviation(self) -> Decimal:
        """Avvikelse budget–prognos: positive when the forecast is below the budget."""
        return self.budget - self.forecast


def investment_budgets(
    raw: Sequence[Mapping[str, Any]], config: AssetConfig, path: str = "redovisa.toml"
) -> tuple[list[InvestmentBudget], list[Diagnostic]]:
    """Read ``[[assets.investments]]`` (amounts as strings or integers, kronor)."""
    out: list[InvestmentBudget] = []
    diags: list[Diagnostic] = []
    for n, entry in enumerate(raw, start=1):
        where = SourceRef(path)
        name = f"assets.investments[{n}]"
        try:
            budget = Decimal(str(entry.get("budget", "0")))
            forecast = Decimal(str(entry.get("forecast", entry.get("budget", "0"))))
        except ArithmeticError:
            diags.append(Diagnostic(BAD_CONFIG, Severity.ERROR, f"{name}: felaktigt belopp", where))
            continue
        category = str(entry.get("category", ""))
        project = str(entry.get("project", ""))
        if category and category not in config.categories:
            msg = f"{name}: kategorin {category!r} finns inte"
            diags.append(Diagnostic(BAD_CONFIG, Severity.ERROR, msg, where))
            continue
        if not (category or project):
            msg = f"{name}: ange project eller category"
            diags.append(Diagnostic(BAD_CONFIG, Severity.ERROR, msg, where))
            continue
        label = str(entry.get("label", project or config.categories[category].label))
        out.append(InvestmentBudget(label, budget, forecast, category, project))
    return out, diags


def investment_followup(
    assets: Sequence[Asset], budgets: Sequence[InvestmentBudget], start: date, end: date
) -> tuple[list[InvestmentRow], InvestmentRow]:
    """Rows per budget line and the total; outcome = purchases dated ``start..end``."""
    rows: list[InvestmentRow] = []
    for b in budgets:
        outcome = sum(
            (
                a.acquisition_value
                for a in assets
                if start <= a.acquisition_date <= end and b.matches(a)
            ),
            Decimal("0.00"),
        )
        rows.append(InvestmentRow(b.label, b.budget, outcome, b.forecast))
    total = InvestmentRow(
        "Totalt",
        sum((r.budget for r in rows), Decimal(0)),
        sum((r.outcome for r in rows), Decimal(0)),
        sum((r.forecast for r in rows), Decimal(0)),
    )
    return rows, total


def planned_items(
    rows: Sequence[InvestmentRow],
    budgets: Sequence[InvestmentBudget],
    config: AssetConfig,
    period_end: date,
) -> list[Item]:
    """Planned investments: forecast less outcome, bought in the months after ``period_end``.

    Without ``config.planned_purchase_month`` the remainder of each budget line with a
    category is spread evenly over the remaining months of the year, one item per month
    (öre split exactly: the first months take the remainder). With it, the whole
    remainder is bought on the first day of that month, or of the first month after
    ``period_end`` when that month has passed. Lines without a category cannot be
    depreciated and are left out; so is everything when no month of the year remains.
    """
    shift = 1 if config.start.value == "month_after" else 0
    first = month_index(period_end) + 1
    last = period_end.year * 12 + 11
    if first > last:
        return []
    if config.planned_purchase_month is None:
        buy = list(range(first, last + 1))
    else:
        buy = [max(first, period_end.year * 12 + config.planned_purchase_month - 1)]
    items: list[Item] = []
    for row, budget in zip(rows, budgets, strict=True):
        remaining = to_ore(row.forecast) - to_ore(row.outcome)
        if remaining <= 0 or not budget.category:
            continue
        share, extra = divmod(remaining, len(buy))
        life = config.categories[budget.category].life_months
        for k, month in enumerate(buy):
            value = share + (1 if k < extra else 0)
            if value:
                day = date(month // 12, month % 12 + 1, 1)
                items.append(
                    Item(
                        f"PLAN-{budget.category}-{month}",
                        budget.category,
                        "",
                        budget.project,
                        day,
                        value,
                        0,
                        life,
                        month + shift,
                    )
                )
    return items


def depreciation_forecast(items: Sequence[Item], planned: Sequence[Item], year: int) -> Decimal:
    """Prognos för årets avskrivningar: the full year's depreciation of held and planned items."""
    first, last = year * 12, year * 12 + 11
    return from_ore(sum(i.depreciation(first, last) for i in (*items, *planned)))


def depreciation_forecast_by_account(
    items: Sequence[Item], planned: Sequence[Item], config: AssetConfig, year: int
) -> dict[tuple[str, str], Decimal]:
    """The full year's depreciation of held and planned items (kronor) per expense account
    and cost centre (``""`` for items without one, as planned investments)."""
    first, last = year * 12, year * 12 + 11
    ore: dict[tuple[str, str], int] = {}
    for item in (*items, *planned):
        key = (config.categories[item.category].expense_account, item.cost_centre)
        ore[key] = ore.get(key, 0) + item.depreciation(first, last)
    return {key: from_ore(ore[key]) for key in sorted(ore)}


def compare_depreciation_forecast(
    register: Decimal,
    filed: Decimal,
    year: int,
    what: str,
    *,
    source: SourceRef,
    tolerance: Decimal = Decimal(0),
) -> list[Diagnostic]:
    """AST050 when the forecast file's depreciation of ``year`` differs from the register's.

    ``what`` names the figure (group and accounts); differences of at most ``tolerance``
    kronor (e.g. half the report's unit) are not reported.
    """
    if abs(filed - register) <= tolerance:
        return []
    msg = (
        f"avskrivningar {year}, {what}: prognosfilen {kronor(filed)} kr, anläggningsregistrets"
        f" helårsprognos {kronor(register)} kr (inventarier i registret och planerade"
        f" investeringar), skillnad {kronor(filed - register)} kr"
    )
    return [Diagnostic(FORECAST_DEPRECIATION, Severity.WARNING, msg, source)]

"""Investment follow-up and the forecast of the year's depreciation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from asset_helpers import asset

from redovisa.assets import (
    AssetConfig,
    build_items,
    depreciation_forecast,
    investment_budgets,
    investment_followup,
    planned_items,
)

REGISTER = [
    asset("A1", "it3", "2024-02-01", "36000", project="9103"),
    asset("A2", "it3", "2024-05-01", "18000", project="9103"),
    asset("A3", "it5", "2024-03-01", "60000"),
    asset("A0", "it3", "2023-01-01", "72000"),
]
RAW: list[dict[str, Any]] = [
    {
        "project": "9103",
        "category": "it3",
        "label": "IT-utrustning 3 år",
        "budget": 50000,
        "forecast": "90000",
    },
    {"category": "it5", "budget": "100000", "forecast": "60000"},
]


def test_budget_outcome_forecast_and_deviation(config: AssetConfig) -> None:
    budgets, diags = investment_budgets(RAW, config)
    assert diags == []
    rows, total = investment_followup(REGISTER, budgets, date(2024, 1, 1), date(2024, 6, 30))
    assert [(r.label, r.budget, r.outcome, r.forecast, r.deviation) for r in rows] == [
        (
            "IT-utrustning 3 år",
            Decimal(50000),
            Decimal("54000.00"),
            Decimal(90000),
            Decimal(-40000),
        ),
        (
            "IT-utrustning 5 år",
            Decimal(100000),
            Decimal("60000.00"),
            Decimal(60000),
            Decimal(40000),
        ),
    ]
    assert (total.budget, total.outcome, total.forecast) == (
        Decimal(150000),
        Decimal(114000),
        Decimal(150000),
    )


def test_bad_budget_lines_are_reported(config: AssetConfig) -> None:
    bad: list[dict[str, Any]] = [{"category": "it9", "budget": 1}, {"budget": "x"}, {"label": "-"}]
    budgets, diags = investment_budgets(bad, config)
    assert budgets == []
    assert [d.code for d in diags] == ["AST020"] * 3


def test_full_year_depreciation_forecast_includes_planned_investments(
    config: AssetConfig,
) -> None:
    budgets, _ = investment_budgets(RAW, config)
    rows, _ = investment_followup(REGISTER, budgets, date(2024, 1, 1), date(2024, 6, 30))
    items = build_items(REGISTER, config)
    planned = planned_items(rows, budgets, config, date(2024, 6, 30))
    # 36 000 kr still to buy in it3, spread Jul-Dec: 6 000 a month
    assert [(i.acquired, i.value) for i in planned] == [
        (date(2024, m, 1), 600000) for m in range(7, 13)
    ]
    held = depreciation_forecast(items, [], 2024)
    # A0 12 x 2 000, A1 11 x 1 000, A2 8 x 500, A3 10 x 1 000
    assert held == Decimal("49000.00")
    # planned: 6 000/36 a month for 6+5+4+3+2+1 = 21 months, each item rounded on its own:
    # 1 000.00 + 833.33 + 666.67 + 500.00 + 333.33 + 166.67
    assert depreciation_forecast(items, planned, 2024) == held + Decimal("3500.00")

"""Prognos för årets avskrivningar: the register's depreciation forecast in the prognos column.

When a project has an asset register and a forecast (``[sources] forecast``), the full
year's depreciation is forecast from the register: the assets held plus the planned
investments of ``[[assets.investments]]`` (forecast less the outcome of the year up to the
report period's end, bought evenly over the remaining months or in
``[assets] planned_purchase_month``). Per mapping group of the categories' expense accounts:

* the forecast file has no rows for the group: the register's figure becomes synthetic
  forecast rows (one per expense account and cost centre), so the resultaträkning's
  "Avskrivningar" and every subtotal of the prognos column are computed from it;
* the file has rows for the group: the two figures are compared and a difference of more
  than half the report's unit is an AST050 warning naming both, unless
  ``[assets] forecast_depreciation = "register"``, when the register's rows replace the file's.

This runs before :func:`~redovisa.statements.compute.compute_statements`; like
:mod:`redovisa.report.assets_link` it joins ``redovisa.assets`` and ``redovisa.statements``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from redovisa.assets import (
    compare_depreciation_forecast,
    depreciation_forecast_by_account,
    investment_followup,
    planned_items,
)
from redovisa.coa.resolve import Resolver
from redovisa.core.diagnostics import Diagnostic, SourceRef
from redovisa.report.assets_link import RegisterProject
from redovisa.report.numfmt import UNIT_DIVISORS
from redovisa.statements.budget import Plan, PlanRow

ZERO = Decimal("0.00")


def register_depreciation_forecast(
    rp: RegisterProject, period_end: date
) -> dict[tuple[str, str], Decimal]:
    """The register's full-year forecast per (expense account, cost centre), kronor.

    The year is the calendar year of ``period_end`` (a municipality's fiscal year); the
    outcome of the planned investments counts from 1 January to ``period_end``.
    """
    year = period_end.year
    rows, _ = investment_followup(rp.assets, rp.budgets, date(year, 1, 1), period_end)
    planned = planned_items(rows, rp.budgets, rp.config, period_end)
    found = depreciation_forecast_by_account(rp.items, planned, rp.config, year)
    for category in rp.config.categories.values():  # every account, 0 when nothing is held
        found.setdefault((category.expense_account, ""), ZERO)
    return found


def forecast_with_register(
    rp: RegisterProject,
    forecast: Plan,
    resolver: Resolver,
    period_end: date,
    unit: str = "tkr",
) -> tuple[Plan, list[Diagnostic]]:
    """``forecast`` with the register's depreciation rows added (or compared): see above."""
    year = period_end.year
    by_group: dict[str, dict[tuple[str, str], Decimal]] = {}
    for (account, centre), amount in register_depreciation_forecast(rp, period_end).items():
        group = resolver.group_of(account)
        if group is not None:  # an unmapped account is in no statement either
            by_group.setdefault(group.id, {})[account, centre] = amount
    tolerance = UNIT_DIVISORS.get(unit, Decimal(1)) / 2
    dropped: set[str] = set()
    added: list[PlanRow] = []
    diags: list[Diagnostic] = []
    where = SourceRef(rp.register)
    for gid in sorted(by_group):
        amounts = by_group[gid]
        filed = [r for r in forecast.rows if r.year == year and r.group_id == gid]
        if filed and rp.config.forecast_depreciation == "compare":
            specs = ", ".join(sorted({r.spec for r in filed}))
            what = f"{resolver.mapping.group(gid).label} (konto {specs})"
            diags += compare_depreciation_forecast(
                sum(amounts.values(), ZERO),
                sum((r.amount for r in filed), ZERO),
                year,
                what,
                source=filed[0].source or where,
                tolerance=tolerance,
            )
            continue
        dropped.add(gid)
        for (account, centre), amount in sorted(amounts.items()):
            if amount:
                added.append(
                    PlanRow(
                        spec=account,
                        group_id=gid,
                        year=year,
                        month=None,
                        amount=amount,
                        object_id=centre or None,
                        dimension=rp.config.cost_centre_dimension if centre else None,
                        source=where,
                    )
                )
    kept = tuple(r for r in forecast.rows if not (r.year == year and r.group_id in dropped))
    return Plan(forecast.kind, kept + tuple(added)), diags


__all__ = ["forecast_with_register", "register_depreciation_forecast"]

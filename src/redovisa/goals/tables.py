"""Måluppfyllelsetabell and goal-status chart, format-neutral.

Table ``maluppfyllelse`` (DESIGN.md section 4) follows the seed report's layout per
målområde: a heading row per målområde (its mål as ``detail`` lines), one row per
målvärde with the outcome for the period, the forecast for the year and the assessment,
and a subtotal row with the målområde's combined assessment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from redovisa.core.chart import BarChart, Series
from redovisa.core.table import Cell, Column, Row, Table
from redovisa.goals.assess import AreaResult
from redovisa.goals.model import Assessment

__all__ = ["goal_status_chart", "goal_table"]

BASIS = {
    "prognos": "Bedömd på prognosen för året.",
    "utfall": "Bedömd på årets utfall.",
    "utfall hittills": "Bedömd på utfallet hittills under året.",
    "angiven": "Bedömning angiven i goals.toml.",
    "": "Kan inte mätas ur underlaget.",
}


def goal_table(
    results: Sequence[AreaResult], period_end: date, year: int, year_end: bool = False
) -> Table:
    """Table ``maluppfyllelse`` for all målområden."""
    columns = (
        Column("utfall", f"Utfall per {period_end.isoformat()}"),
        *(() if year_end else (Column("prognos", f"Prognos per {year}-12-31"),)),
        Column("bedomning", "Bedömning"),
    )
    rows: list[Row] = []
    for area in results:
        rows.append(Row(area.area.heading, {}, "heading", area.area.goals))
        for r in area.targets:
            cells = {
                "utfall": Cell(
                    r.outcome_text, exact=str(r.outcome) if r.outcome is not None else None
                ),
                "prognos": Cell(
                    r.forecast_text, exact=str(r.forecast) if r.forecast is not None else None
                ),
                "bedomning": Cell(r.assessment.value, note=BASIS[r.basis]),
            }
            unit = "procent" if r.target.unit == "%" else None
            rows.append(Row(r.target.text, cells, "item", unit=unit))
        rows.append(
            Row(
                f"Samlad bedömning: {area.area.heading}",
                {"bedomning": Cell(area.assessment.value)},
                "subtotal",
            )
        )
    return Table("maluppfyllelse", f"Måluppfyllelse, målvärden {year}", columns, tuple(rows))


def goal_status_chart(results: Sequence[AreaResult], year: int) -> BarChart:
    """Number of målvärden per assessment in each målområde."""
    series = tuple(
        Series(
            a.value,
            tuple(Decimal(sum(1 for r in area.targets if r.assessment is a)) for area in results),
        )
        for a in Assessment
    )
    return BarChart(
        id="maluppfyllelse_diagram",
        title=f"Måluppfyllelse {year}: antal målvärden per bedömning",
        description="Stapeldiagram över hur många målvärden i varje målområde som bedöms"
        " uppfyllda, delvis uppfyllda, ej uppfyllda eller inte mätta",
        categories=tuple(f"Målområde {area.area.number}" for area in results),
        series=series,
        unit="st",
    )

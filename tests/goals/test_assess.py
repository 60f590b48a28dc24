"""Goal assessment: measured where possible, typed where not, contradictions reported."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from textwrap import dedent

import pytest

from redovisa.core.chart import bar_chart_svg
from redovisa.goals import (
    Assessment,
    GoalInputs,
    assess_goals,
    compare,
    goal_status_chart,
    goal_table,
    parse_goals,
)

T = Decimal(1000)
# Lystkom's resultaträkning in the seed (tkr): period outcome and full-year forecast.
OUTCOME = {
    "rr.resultat": 1718 * T,
    "rr.verksamhetens_intakter": 23049 * T,
    "rr.medlemsavgifter": 430 * T,
}
FORECAST = {
    "rr.resultat": 777 * T,
    "rr.verksamhetens_intakter": 44575 * T,
    "rr.medlemsavgifter": 850 * T,
}
H1 = (date(2024, 1, 1), date(2024, 6, 30))

SURPLUS = dedent(
    """\
    year = 2024
    [[area]]
    title = "Finansiellt"
    [[area.target]]
    id = "overskott"
    text = "Överskott minst 2 % av omsättningen"
    measure = "figures"
    value = "rr.resultat"
    per = "rr.verksamhetens_intakter + rr.medlemsavgifter"
    op = ">="
    target = 2
    """
)


@pytest.mark.parametrize(
    ("value", "op", "target", "partial", "expected"),
    [
        (Fraction(2), ">=", Fraction(2), None, Assessment.MET),
        (Fraction(199, 100), ">=", Fraction(2), None, Assessment.NOT_MET),
        (Fraction(86), ">=", Fraction(90), Fraction(85), Assessment.PARTLY),
        (Fraction(4), "<", Fraction(4), None, Assessment.NOT_MET),
        (Fraction(39, 10), "<", Fraction(4), None, Assessment.MET),
        (Fraction(5), ">", Fraction(5), None, Assessment.NOT_MET),
        (Fraction(5), "<=", Fraction(5), None, Assessment.MET),
    ],
)
def test_compare(
    value: Fraction, op: str, target: Fraction, partial: Fraction | None, expected: Assessment
) -> None:
    assert compare(value, op, target, partial) is expected


def test_surplus_goal_is_assessed_on_the_forecast_and_not_met() -> None:
    goals, _ = parse_goals(SURPLUS)
    assert goals is not None
    results, diags = assess_goals(goals, GoalInputs(*H1, outcome=OUTCOME, forecast=FORECAST))
    assert diags == []
    r = results[0].targets[0]
    assert r.outcome == Fraction(1718 * 100, 23479)  # 7.3 % for the half year
    assert r.forecast == Fraction(777 * 100, 45425)  # 1.7 % for the year: below 2 %
    assert (r.outcome_text, r.forecast_text) == ("7,3 %", "1,7 %")
    assert r.assessment is Assessment.NOT_MET and r.basis == "prognos"
    assert results[0].assessment is Assessment.NOT_MET


def test_seed_claim_that_the_surplus_goal_is_met_is_contradicted() -> None:
    goals, _ = parse_goals(SURPLUS + 'forecast_assessment = "uppfyllt"\n')
    assert goals is not None
    results, diags = assess_goals(goals, GoalInputs(*H1, outcome=OUTCOME, forecast=FORECAST))
    assert results[0].targets[0].assessment is Assessment.NOT_MET
    assert [d.code for d in diags] == ["GOAL014"]
    assert diags[0].where is not None and diags[0].where.line == 4  # type: ignore[union-attr]


def test_year_end_assesses_the_outcome() -> None:
    goals, _ = parse_goals(SURPLUS)
    assert goals is not None
    full_year = GoalInputs(date(2024, 1, 1), date(2024, 12, 31), year_end=True, outcome=FORECAST)
    r = assess_goals(goals, full_year)[0][0].targets[0]
    assert (r.assessment, r.basis, r.outcome_text) == (Assessment.NOT_MET, "utfall", "1,7 %")


def test_missing_figure_is_not_measured_with_a_warning() -> None:
    goals, _ = parse_goals(SURPLUS)
    assert goals is not None
    results, diags = assess_goals(goals, GoalInputs(*H1, outcome={"rr.resultat": Decimal(1)}))
    assert results[0].targets[0].assessment is Assessment.NOT_MEASURED
    assert [d.code for d in diags] == ["GOAL013"]
    assert "rr.verksamhetens_intakter" in diags[0].message


def test_sick_leave_and_manual_and_year_end_only() -> None:
    text = dedent(
        """\
        year = 2024
        [[area]]
        title = "Personal"
        [[area.target]]
        text = "IT under 2 %"
        measure = "sick_leave"
        org_unit = "IT"
        op = "<"
        target = 2
        [[area.target]]
        text = "Enkät"
        measure = "manual"
        reported = "year_end"
        outcome_text = "Görs i oktober."
        forecast_assessment = "uppfyllt"
        [[area.target]]
        text = "Plan"
        measure = "manual"
        """
    )
    goals, diags = parse_goals(text)
    assert goals is not None and diags == []
    figures = {"hr.unit.IT.total": Fraction(33, 10)}
    results, _ = assess_goals(goals, GoalInputs(*H1, outcome=figures))
    it, survey, plan = results[0].targets
    assert (it.outcome_text, it.assessment, it.basis) == (
        "3,3 %",
        Assessment.NOT_MET,
        "utfall hittills",
    )
    assert survey.outcome_text == "Målvärdet redovisas endast vid årets slut. Görs i oktober."
    assert (survey.assessment, survey.forecast_text) == (Assessment.MET, "Bedöms bli uppfyllt.")
    assert plan.assessment is Assessment.NOT_MEASURED
    assert results[0].assessment is Assessment.PARTLY


def test_goal_table_and_chart() -> None:
    goals, _ = parse_goals(SURPLUS)
    assert goals is not None
    results, _ = assess_goals(goals, GoalInputs(*H1, outcome=OUTCOME, forecast=FORECAST))
    table = goal_table(results, H1[1], 2024)
    assert table.id == "maluppfyllelse"
    assert [c.label for c in table.columns] == [
        "Utfall per 2024-06-30",
        "Prognos per 2024-12-31",
        "Bedömning",
    ]
    assert [(r.kind, r.label) for r in table.rows] == [
        ("heading", "Målområde 1. Finansiellt"),
        ("item", "Överskott minst 2 % av omsättningen"),
        ("subtotal", "Samlad bedömning: Målområde 1. Finansiellt"),
    ]
    assert table.cell("Överskott minst 2 % av omsättningen", "bedomning").text == "ej uppfyllt"
    assert (
        table.to_json()["rows"][1]["exact"]["prognos"] == "3108/1817"
    )  # 777 / 45425 * 100, reduced
    svg = bar_chart_svg(goal_status_chart(results, 2024))
    assert (
        "Målområde 1: uppfyllt: 0 st, delvis uppfyllt: 0 st, ej uppfyllt: 1 st, ej mätt: 0 st."
        in svg
    )

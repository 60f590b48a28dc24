"""Måluppfyllelse: measure each målvärde, assess it, and build the goal table and chart.

Goal assessment gets everything from the rest of the report as plain values
(:class:`GoalInputs`): report figures by id (``rr.resultat``, ``rr.verksamhetens_intakter``
..., in kronor) for the period and for the full-year forecast, sick-leave figures by id
(``hr.total``, ``hr.unit.IT.total`` ..., in percent, from :func:`redovisa.hr.figure_values`)
and the project folder to read KPI files from. It imports no other compute package.

The assessment of a målvärde, in order of precedence:

1. measured on the forecast (prognos) figures, when the målvärde has them;
2. at year end, measured on the outcome;
3. in an interim report, a forecast assessment typed in goals.toml;
4. measured on the outcome so far (an estimate for the year);
5. an assessment typed in goals.toml (manual målvärden);
6. otherwise ``ej mätt``.

A typed assessment that a measurement contradicts gives GOAL014; the measurement is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from redovisa.core.diagnostics import Diagnostic, Severity
from redovisa.core.table import format_sv, round_half_away
from redovisa.goals import codes
from redovisa.goals.expr import Number, Term, evaluate
from redovisa.goals.kpi import (
    Call,
    Ticket,
    call_stats,
    read_calls,
    read_series,
    read_tickets,
    ticket_stats,
)
from redovisa.goals.model import Assessment, GoalArea, GoalsFile, Measure, Target

__all__ = ["AreaResult", "GoalInputs", "TargetResult", "assess", "assess_goals", "compare"]

YEAR_END_ONLY = "Målvärdet redovisas endast vid årets slut."


@dataclass(frozen=True, slots=True)
class GoalInputs:
    """Underlag för måluppföljning: the period and the figures, as plain values."""

    period_start: date
    period_end: date
    year_end: bool = False
    outcome: Mapping[str, Number] = field(default_factory=dict)
    forecast: Mapping[str, Number] = field(default_factory=dict)
    project_dir: Path = Path()


@dataclass(frozen=True, slots=True)
class TargetResult:
    """Målvärdets uppföljning: outcome, forecast, assessment and what it rests on."""

    target: Target
    outcome: Fraction | None
    outcome_text: str
    forecast: Fraction | None
    forecast_text: str
    assessment: Assessment
    basis: str


@dataclass(frozen=True, slots=True)
class AreaResult:
    """Målområdets uppföljning: its målvärden and the combined assessment."""

    area: GoalArea
    targets: tuple[TargetResult, ...]
    assessment: Assessment


def compare(value: Fraction, op: str, target: Fraction, partial: Fraction | None) -> Assessment:
    """Assess an exact value against a target (and an optional partial threshold)."""
    tests = {
        ">=": lambda a, b: a >= b,
        ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b,
        "<": lambda a, b: a < b,
    }
    if tests[op](value, target):
        return Assessment.MET
    if partial is not None and tests[op](value, partial):
        return Assessment.PARTLY
    return Assessment.NOT_MET


def combined(assessments: list[Assessment]) -> Assessment:
    """Målområdets bedömning: all met, none met, partly, or nothing measured."""
    measured = [a for a in assessments if a is not Assessment.NOT_MEASURED]
    if not measured:
        return Assessment.NOT_MEASURED
    if all(a is Assessment.MET for a in measured):
        return Assessment.MET
    if all(a is Assessment.NOT_MET for a in measured):
        return Assessment.NOT_MET
    return Assessment.PARTLY


class _Measurer:
    """Measures målvärden; KPI files are read once each."""

    def __init__(self, inputs: GoalInputs, diags: list[Diagnostic]) -> None:
        self.inputs, self.diags = inputs, diags
        self.calls: dict[str, list[Call]] = {}
        self.tickets: dict[str, list[Ticket]] = {}
        self.series: dict[str, dict[tuple[str, str], Decimal]] = {}

    def _sum(
        self, t: Target, terms: list[Term], figures: Mapping[str, Number], warn: bool
    ) -> Fraction | None:
        value, missing = evaluate(terms, figures)
        if missing and warn:
            self.diags.append(Diagnostic(codes.MISSING_FIGURE, Severity.WARNING,
                f"Målvärdet {t.id!r} kan inte mätas: nyckeltal saknas ({', '.join(missing)}).",
                t.source))  # fmt: skip
        return value

    def figures(self, t: Target, figures: Mapping[str, Number], warn: bool) -> Fraction | None:
        if not figures:
            return None
        if t.measure is Measure.SICK_LEAVE:
            prefix = f"hr.unit.{t.org_unit}" if t.org_unit else "hr"
            return self._sum(t, [(1, f"{prefix}.{t.figure}")], figures, warn)
        assert t.value is not None
        value = self._sum(t, t.value, figures, warn)
        if t.per is None or value is None:
            return value
        per = self._sum(t, t.per, figures, warn)
        if per is None or per == 0:
            return None
        return 100 * value / per

    def kpi(self, t: Target) -> Fraction | None:
        assert t.kpi_source is not None
        path = self.inputs.project_dir / t.kpi_source
        start, end = self.inputs.period_start, self.inputs.period_end
        if t.kpi == "calls":
            if t.kpi_source not in self.calls:
                self.calls[t.kpi_source], found = read_calls(path, t.kpi_source)
                self.diags.extend(found)
            assert t.queue is not None and t.within_seconds is not None
            rate = call_stats(self.calls[t.kpi_source], t.queue, start, end, t.within_seconds).rate
            return None if rate is None else 100 * rate
        if t.kpi == "tickets":
            if t.kpi_source not in self.tickets:
                self.tickets[t.kpi_source], found = read_tickets(path, t.kpi_source)
                self.diags.extend(found)
            chosen = [x for x in self.tickets[t.kpi_source] if t.category in (None, x.category)]
            merged = [Ticket(x.created, x.closed, "*", x.source) for x in chosen]
            stats = ticket_stats(merged, start, end, t.within_hours).get("*")
            if stats is None:
                return None
            value: Fraction | int | None = {
                "count": stats.created,
                "closed": stats.closed,
                "mean_lead_hours": stats.mean_lead_hours,
                "median_lead_hours": stats.median_lead_hours,
                "closed_within_share": None
                if stats.closed_within_share is None
                else 100 * stats.closed_within_share,
            }[t.statistic or "count"]
            return None if value is None else Fraction(value)
        if t.kpi_source not in self.series:
            self.series[t.kpi_source], found = read_series(path, t.kpi_source)
            self.diags.extend(found)
        found_value = self.series[t.kpi_source].get((t.series or "", str(t.year)))
        return None if found_value is None else Fraction(found_value)

    def previous(self, t: Target) -> Fraction | None:
        value = self.series.get(t.kpi_source or "", {}).get((t.series or "", str(t.year - 1)))
        return None if value is None else Fraction(value)


def _shown(t: Target, value: Fraction) -> str:
    return format_sv(round_half_away(value, t.decimals), f" {t.unit}".rstrip())


def assess(t: Target, m: _Measurer, inputs: GoalInputs) -> TargetResult:
    """Measure and assess one målvärde."""
    outcome: Fraction | None = None
    forecast: Fraction | None = None
    if t.measure in (Measure.FIGURES, Measure.SICK_LEAVE):
        outcome = m.figures(t, inputs.outcome, warn=True)
        forecast = m.figures(t, inputs.forecast, warn=False)
    elif t.measure is Measure.KPI:
        outcome = m.kpi(t)
    goal = t.target
    if t.compare == "previous":
        goal = m.previous(t)
    hidden = t.year_end_only and not inputs.year_end
    outcome_text = t.outcome_text or ""
    if hidden:
        outcome_text = " ".join(x for x in (YEAR_END_ONLY, t.outcome_text) if x)
    elif outcome is not None:
        outcome_text = " ".join(x for x in (_shown(t, outcome), t.outcome_text) if x)
    forecast_text = t.forecast_text or ""
    measurable = goal is not None and t.op is not None

    def judged(value: Fraction) -> Assessment:
        assert goal is not None and t.op is not None
        return compare(value, t.op, goal, t.partial)

    if forecast is not None and measurable:
        assessment, basis = judged(forecast), "prognos"
        forecast_text = " ".join(x for x in (_shown(t, forecast), t.forecast_text) if x)
    elif inputs.year_end and outcome is not None and measurable:
        assessment, basis = judged(outcome), "utfall"
    elif not inputs.year_end and t.forecast_assessment is not None:
        assessment, basis = t.forecast_assessment, "angiven"
        forecast_text = forecast_text or f"Bedöms bli {t.forecast_assessment.value}."
    elif outcome is not None and measurable:
        assessment, basis = judged(outcome), "utfall hittills"
        if not forecast_text:
            forecast_text = f"Bedöms utifrån utfallet hittills ({_shown(t, outcome)})."
    elif t.assessment is not None:
        assessment, basis = t.assessment, "angiven"
    else:
        assessment, basis = Assessment.NOT_MEASURED, ""
    typed = t.forecast_assessment if not inputs.year_end else t.assessment
    typed = typed or t.assessment
    if basis not in ("angiven", "") and typed is not None and typed is not assessment:
        m.diags.append(Diagnostic(codes.TYPED_CONTRADICTS, Severity.WARNING,
            f"Målvärdet {t.id!r} anges som {typed.value!r} men mätningen ({basis}) ger"
            f" {assessment.value!r}; mätningen visas.", t.source))  # fmt: skip
    return TargetResult(t, outcome, outcome_text or "–", forecast, forecast_text or "–",
                        assessment, basis)  # fmt: skip


def assess_goals(goals: GoalsFile, inputs: GoalInputs) -> tuple[list[AreaResult], list[Diagnostic]]:
    """Every målområde with its målvärden assessed, and the diagnostics found on the way."""
    diags: list[Diagnostic] = []
    measurer = _Measurer(inputs, diags)
    out: list[AreaResult] = []
    for area in goals.areas:
        results = tuple(assess(t, measurer, inputs) for t in area.targets)
        out.append(AreaResult(area, results, combined([r.assessment for r in results])))
    return out, diags

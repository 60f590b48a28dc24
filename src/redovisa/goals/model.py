"""Mål och målvärden: the goal model read from goals.toml."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from redovisa.core.diagnostics import SourceRef
from redovisa.goals.expr import Term

__all__ = ["Assessment", "GoalArea", "GoalsFile", "Measure", "Target"]


class Assessment(StrEnum):
    """Bedömning: the four outcomes a målvärde can have."""

    MET = "uppfyllt"
    PARTLY = "delvis uppfyllt"
    NOT_MET = "ej uppfyllt"
    NOT_MEASURED = "ej mätt"


class Measure(StrEnum):
    """Mätmetod: how a målvärde is measured."""

    FIGURES = "figures"  # from the report's figures (a sum, or a share of another sum)
    KPI = "kpi"  # from operational data in data/kpi/
    SICK_LEAVE = "sick_leave"  # from the sick-leave figures (redovisa.hr)
    MANUAL = "manual"  # typed by a person


@dataclass(frozen=True, slots=True)
class Target:
    """Målvärde: what is to be reached, how it is measured, and what a person typed."""

    id: str
    text: str
    year: int
    measure: Measure
    source: SourceRef
    year_end_only: bool = False
    op: str | None = None
    target: Fraction | None = None
    partial: Fraction | None = None
    unit: str = "%"
    decimals: int = 1
    # figures
    value: list[Term] | None = None
    per: list[Term] | None = None
    # kpi
    kpi: str | None = None
    kpi_source: str | None = None
    queue: str | None = None
    within_seconds: Decimal | None = None
    category: str | None = None
    statistic: str | None = None
    within_hours: Decimal | None = None
    series: str | None = None
    compare: str | None = None
    # sick_leave
    figure: str = "total"
    org_unit: str | None = None
    # typed
    outcome_text: str | None = None
    assessment: Assessment | None = None
    forecast_text: str | None = None
    forecast_assessment: Assessment | None = None
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class GoalArea:
    """Målområde: number, title, description, the mål and their målvärden."""

    number: int
    title: str
    description: str
    goals: tuple[str, ...]
    targets: tuple[Target, ...]
    source: SourceRef

    @property
    def heading(self) -> str:
        """``Målområde 1. Uppdrag``."""
        return f"Målområde {self.number}. {self.title}"


@dataclass(frozen=True, slots=True)
class GoalsFile:
    """goals.toml: the year the målvärden are for, and the målområden."""

    year: int
    areas: tuple[GoalArea, ...] = field(default_factory=tuple)

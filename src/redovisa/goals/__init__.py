"""Goals: målområden, mål and målvärden from goals.toml, measured and assessed.

Lives here: the goals.toml reader (:mod:`.config`, with line numbers from :mod:`.lines`),
figure expressions (:mod:`.expr`), KPI readers (:mod:`.kpi`: call logs, ticket exports,
KPI series), assessment (:mod:`.assess`) and the goal table and chart (:mod:`.tables`).
Must not import other compute packages (statements, hr): report figures and sick-leave
figures arrive as plain values in :class:`GoalInputs`.
"""

from __future__ import annotations

from redovisa.goals.assess import AreaResult, GoalInputs, TargetResult, assess_goals, compare
from redovisa.goals.config import load_goals, parse_goals
from redovisa.goals.kpi import (
    Call,
    CallStats,
    Ticket,
    TicketStats,
    call_stats,
    read_calls,
    read_series,
    read_tickets,
    ticket_stats,
)
from redovisa.goals.model import Assessment, GoalArea, GoalsFile, Measure, Target
from redovisa.goals.tables import goal_status_chart, goal_table

__all__ = [
    "AreaResult",
    "Assessment",
    "Call",
    "CallStats",
    "GoalArea",
    "GoalInputs",
    "GoalsFile",
    "Measure",
    "Target",
    "TargetResult",
    "Ticket",
    "TicketStats",
    "assess_goals",
    "call_stats",
    "compare",
    "goal_status_chart",
    "goal_table",
    "load_goals",
    "parse_goals",
    "read_calls",
    "read_series",
    "read_tickets",
    "ticket_stats",
]

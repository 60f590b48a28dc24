"""Nyckeltalsdata: readers for operational exports behind KPI målvärden, and their measures.

Formats (one header row, names case-insensitive; CSV with ``,`` or ``;``, or XLSX):

- **Call log** (samtalslogg): ``timestamp`` (ISO 8601, ``2024-03-01T08:15:02``; local time),
  ``queue`` (kö), ``wait_seconds`` (seconds in queue before answer or hang-up, decimal
  point or comma), ``outcome`` (``besvarad``/``answered`` or ``avbruten``/``abandoned``).
  Answer rate within N seconds = calls answered after at most N seconds / all calls
  offered (answered and abandoned) in the queue and period.
- **Ticket export** (ärendeexport): ``created``, ``closed`` (blank while open), ``category``.
  Per category and period (by creation time): created, closed, mean and median lead time
  in hours, share closed within N hours.
- **KPI series** (nyckeltalsserie, e.g. from Kolada): ``id``, ``period`` (``2024``,
  ``2024-06``, ...), ``value``; an optional ``organisation`` column keeps other
  organisations' values apart (id becomes ``id@organisation``) for comparison.

Every bad row is left out with a diagnostic naming file and line.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.core.tabular import TabularFile, read_table_file
from redovisa.goals import codes

__all__ = [
    "Call",
    "CallStats",
    "Ticket",
    "TicketStats",
    "call_stats",
    "read_calls",
    "read_series",
    "read_tickets",
    "ticket_stats",
]

_ANSWERED = {"besvarad": True, "answered": True, "avbruten": False, "abandoned": False}


@dataclass(frozen=True, slots=True)
class Call:
    """Samtal: one offered call."""

    at: datetime
    queue: str
    wait_seconds: Decimal
    answered: bool
    source: SourceRef


@dataclass(frozen=True, slots=True)
class CallStats:
    """Svarsstatistik: offered, answered and answered within the limit, and the exact rate."""

    offered: int
    answered: int
    answered_within: int

    @property
    def rate(self) -> Fraction | None:
        """Share answered within the limit, of all offered calls (None without calls)."""
        return Fraction(self.answered_within, self.offered) if self.offered else None


@dataclass(frozen=True, slots=True)
class Ticket:
    """Ärende: created, closed (None while open) and category."""

    created: datetime
    closed: datetime | None
    category: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class TicketStats:
    """Ärendestatistik for one category and period."""

    created: int
    closed: int
    mean_lead_hours: Fraction | None
    median_lead_hours: Fraction | None
    closed_within_share: Fraction | None


def _timestamp(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value.replace(tzinfo=None)


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except ArithmeticError:
        return None
    return value if value.is_finite() else None


def _open(
    path: Path, shown: str | None, required: tuple[str, ...]
) -> tuple[TabularFile | None, list[Diagnostic]]:
    table, diagnostics = read_table_file(path, codes.KPI_UNREADABLE, shown)
    if table is not None and (missing := table.missing(required)):
        message = f"Kolumn saknas i rubrikraden: {', '.join(missing)}."
        return None, [
            Diagnostic(codes.KPI_MISSING_COLUMN, Severity.ERROR, message, table.header_source)
        ]
    return table, diagnostics


def _bad(source: SourceRef, problems: list[str]) -> Diagnostic:
    message = "Raden hoppas över: " + "; ".join(problems) + "."
    return Diagnostic(codes.KPI_BAD_VALUE, Severity.ERROR, message, source)


def read_calls(path: Path, shown: str | None = None) -> tuple[list[Call], list[Diagnostic]]:
    """Calls of a call log, and a diagnostic for every bad row."""
    table, diagnostics = _open(path, shown, ("timestamp", "queue", "wait_seconds", "outcome"))
    calls: list[Call] = []
    for row in table.rows if table else ():
        problems = []
        at = _timestamp(row.get("timestamp"))
        if at is None:
            problems.append(f"tidpunkt {row.get('timestamp')!r} är inte ISO 8601")
        if not row.get("queue"):
            problems.append("kö saknas")
        wait = _number(row.get("wait_seconds"))
        if wait is None or wait < 0:
            problems.append(f"väntetid {row.get('wait_seconds')!r} är inte ett antal sekunder")
        answered = _ANSWERED.get(row.get("outcome").lower())
        if answered is None:
            problems.append(f"utfall {row.get('outcome')!r} ska vara besvarad eller avbruten")
        if problems:
            diagnostics.append(_bad(row.source, problems))
            continue
        assert at is not None and wait is not None and answered is not None
        calls.append(Call(at, row.get("queue"), wait, answered, row.source))
    return calls, diagnostics


def _in(moment: datetime, start: date, end: date) -> bool:
    return datetime.combine(start, time.min) <= moment <= datetime.combine(end, time.max)


def call_stats(
    calls: Iterable[Call], queue: str, start: date, end: date, within_seconds: Decimal
) -> CallStats:
    """Answer statistics of one queue in a period (both days included)."""
    offered = answered = within = 0
    for call in calls:
        if call.queue != queue or not _in(call.at, start, end):
            continue
        offered += 1
        if call.answered:
            answered += 1
            within += call.wait_seconds <= within_seconds
    return CallStats(offered, answered, within)


def read_tickets(path: Path, shown: str | None = None) -> tuple[list[Ticket], list[Diagnostic]]:
    """Tickets of a ticket export, and a diagnostic for every bad row."""
    table, diagnostics = _open(path, shown, ("created", "closed", "category"))
    tickets: list[Ticket] = []
    for row in table.rows if table else ():
        problems = []
        created = _timestamp(row.get("created"))
        if created is None:
            problems.append(f"skapad {row.get('created')!r} är inte ISO 8601")
        closed = _timestamp(row.get("closed")) if row.get("closed") else None
        if row.get("closed") and closed is None:
            problems.append(f"avslutad {row.get('closed')!r} är inte ISO 8601")
        if not row.get("category"):
            problems.append("kategori saknas")
        if problems:
            diagnostics.append(_bad(row.source, problems))
            continue
        assert created is not None
        if closed is not None and closed < created:
            diagnostics.append(Diagnostic(codes.KPI_CLOSED_BEFORE, Severity.ERROR,
                f"Raden hoppas över: ärendet avslutas {closed:%Y-%m-%d %H:%M} men skapades"
                f" {created:%Y-%m-%d %H:%M}.", row.source))  # fmt: skip
            continue
        tickets.append(Ticket(created, closed, row.get("category"), row.source))
    return tickets, diagnostics


def ticket_stats(
    tickets: Iterable[Ticket], start: date, end: date, within_hours: Decimal | None = None
) -> dict[str, TicketStats]:
    """Per category: tickets created in the period, how many closed, and their lead times."""
    leads: dict[str, list[Fraction]] = {}
    created: dict[str, int] = {}
    for t in tickets:
        if not _in(t.created, start, end):
            continue
        created[t.category] = created.get(t.category, 0) + 1
        leads.setdefault(t.category, [])
        if t.closed is not None:
            seconds = int((t.closed - t.created).total_seconds())
            leads[t.category].append(Fraction(seconds, 3600))
    out: dict[str, TicketStats] = {}
    for category in sorted(created):
        hours = leads[category]
        share = None
        if within_hours is not None and created[category]:
            n = sum(1 for h in hours if h <= Fraction(within_hours))
            share = Fraction(n, created[category])
        out[category] = TicketStats(
            created[category],
            len(hours),
            sum(hours, Fraction(0)) / len(hours) if hours else None,
            statistics.median(hours) if hours else None,
            share,
        )
    return out


def read_series(
    path: Path, shown: str | None = None
) -> tuple[dict[tuple[str, str], Decimal], list[Diagnostic]]:
    """Values of a KPI series file by (id, period), and a diagnostic for every bad row."""
    table, diagnostics = _open(path, shown, ("id", "period", "value"))
    values: dict[tuple[str, str], Decimal] = {}
    seen: dict[tuple[str, str], SourceRef] = {}
    for row in table.rows if table else ():
        problems = []
        ident, period = row.get("id"), row.get("period")
        if not ident:
            problems.append("id saknas")
        if not period:
            problems.append("period saknas")
        value = _number(row.get("value"))
        if value is None:
            problems.append(f"värde {row.get('value')!r} är inte ett tal")
        if problems:
            diagnostics.append(_bad(row.source, problems))
            continue
        assert value is not None
        if row.get("organisation"):
            ident = f"{ident}@{row.get('organisation')}"
        key = (ident, period)
        if key in seen:
            diagnostics.append(Diagnostic(codes.KPI_DUPLICATE, Severity.WARNING,
                f"{ident} {period} finns redan på rad {seen[key].line}; det första värdet"
                " används.", row.source))  # fmt: skip
            continue
        seen[key] = row.source
        values[key] = value
    return values, diagnostics

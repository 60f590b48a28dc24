"""HR-export: read the absence export (data/absence.csv or .xlsx) into checked rows.

Format (one header row; names case-insensitive; ``,`` or ``;`` separated; or XLSX):

==============  ===========================================================================
column          meaning
==============  ===========================================================================
employee        opaque employee id (anställningsnummer); never a name or personnummer
birth_year      year of birth, ``1978``
gender          ``K`` (kvinna) or ``M`` (man); ``kvinna``/``man`` are accepted
unit            organisational unit (enhet), e.g. ``IT``, ``Kundtjänst``
month           ``YYYY-MM`` (``YYYYMM`` accepted)
ordinary_hours  ordinary (scheduled) working hours in the month; decimal point or comma
sick_hours      sick-leave hours in the month, within the ordinary hours
spell_start     first day of the sick spell these hours belong to, ``YYYY-MM-DD``; required
                when sick_hours > 0
spell_end       optional: last day of the spell; blank when it is ongoing or unknown
==============  ===========================================================================

Rows add up: an employee with two spells in one month writes two rows, the month's ordinary
hours on one of them and ``0`` on the other. Bad rows are left out with a diagnostic that
names the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.core.tabular import TabularRow, read_table_file
from redovisa.hr import codes

__all__ = ["REQUIRED_COLUMNS", "AbsenceRow", "read_absence"]

REQUIRED_COLUMNS = (
    "employee", "birth_year", "gender", "unit", "month",
    "ordinary_hours", "sick_hours", "spell_start",
)  # fmt: skip

_MONTH = re.compile(r"(\d{4})-?(\d{2})")
_HOURS = re.compile(r"\d+([.,]\d+)?")
_GENDERS = {"k": "K", "kvinna": "K", "m": "M", "man": "M"}


@dataclass(frozen=True, slots=True)
class AbsenceRow:
    """Frånvarorad: one employee's ordinary and sick hours in one month (for one spell)."""

    employee: str
    birth_year: int
    gender: str
    unit: str
    month: date
    ordinary_hours: Decimal
    sick_hours: Decimal
    spell_start: date | None
    spell_end: date | None
    source: SourceRef


def _hours(text: str) -> Decimal | None:
    if not _HOURS.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def _month(text: str) -> date | None:
    m = _MONTH.fullmatch(text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return date(int(m.group(1)), int(m.group(2)), 1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _parse_row(row: TabularRow) -> tuple[AbsenceRow | None, list[Diagnostic]]:
    problems: list[str] = []
    employee = row.get("employee")
    if not employee:
        problems.append("anställd saknas")
    birth = row.get("birth_year")
    if not (birth.isdigit() and len(birth) == 4):
        problems.append(f"födelseår {birth!r} är inte ett årtal")
    gender = _GENDERS.get(row.get("gender").lower())
    if gender is None:
        problems.append(f"kön {row.get('gender')!r} ska vara K eller M")
    unit = row.get("unit")
    if not unit:
        problems.append("enhet saknas")
    month = _month(row.get("month"))
    if month is None:
        problems.append(f"månad {row.get('month')!r} ska skrivas ÅÅÅÅ-MM")
    ordinary = _hours(row.get("ordinary_hours"))
    if ordinary is None:
        problems.append(
            f"ordinarie arbetstid {row.get('ordinary_hours')!r} är inte ett antal timmar"
        )
    sick = _hours(row.get("sick_hours") or "0")
    if sick is None:
        problems.append(f"sjuktimmar {row.get('sick_hours')!r} är inte ett antal timmar")
    start_text, end_text = row.get("spell_start"), row.get("spell_end")
    start = _date(start_text) if start_text else None
    end = _date(end_text) if end_text else None
    if start_text and start is None:
        problems.append(f"startdatum {start_text!r} ska skrivas ÅÅÅÅ-MM-DD")
    if end_text and end is None:
        problems.append(f"slutdatum {end_text!r} ska skrivas ÅÅÅÅ-MM-DD")
    if problems:
        message = "Raden hoppas över: " + "; ".join(problems) + "."
        return None, [Diagnostic(codes.BAD_VALUE, Severity.ERROR, message, row.source)]
    assert month is not None and ordinary is not None and sick is not None and gender
    if sick > 0 and start is None:
        return None, [Diagnostic(codes.SPELL_MISSING, Severity.ERROR,
            "Raden hoppas över: sjuktimmar utan startdatum för sjukfallet (spell_start).",
            row.source)]  # fmt: skip
    if start is not None and (start >= _next_month(month) or (end is not None and end < start)):
        return None, [Diagnostic(codes.SPELL_MISSING, Severity.ERROR,
            f"Raden hoppas över: sjukfallet ({start_text}–{end_text}) ligger inte i eller"
            f" före månaden {month:%Y-%m}.", row.source)]  # fmt: skip
    return AbsenceRow(employee, int(birth), gender, unit, month, ordinary, sick,
                      start if sick > 0 else None, end, row.source), []  # fmt: skip


def read_absence(path: Path, shown: str | None = None) -> tuple[list[AbsenceRow], list[Diagnostic]]:
    """Checked rows of an HR export and a diagnostic for every bad row."""
    table, diagnostics = read_table_file(path, codes.UNREADABLE, shown)
    if table is None:
        return [], diagnostics
    missing = table.missing(REQUIRED_COLUMNS)
    if missing:
        names = ", ".join(missing)
        return [], [
            Diagnostic(
                codes.MISSING_COLUMN,
                Severity.ERROR,
                f"Kolumn saknas i rubrikraden: {names}.",
                table.header_source,
            )
        ]
    rows: list[AbsenceRow] = []
    first_seen: dict[str, AbsenceRow] = {}
    hours: dict[tuple[str, date], tuple[Decimal, Decimal, SourceRef]] = {}
    for raw in table.rows:
        parsed, found = _parse_row(raw)
        diagnostics.extend(found)
        if parsed is None:
            continue
        first = first_seen.setdefault(parsed.employee, parsed)
        if (first.birth_year, first.gender) != (parsed.birth_year, parsed.gender):
            diagnostics.append(Diagnostic(codes.INCONSISTENT_EMPLOYEE, Severity.WARNING,
                f"Anställd {parsed.employee} har födelseår/kön {parsed.birth_year}/{parsed.gender}"
                f" här men {first.birth_year}/{first.gender} på rad {first.source.line};"
                " den första radens uppgifter används.", raw.source))  # fmt: skip
            parsed = AbsenceRow(parsed.employee, first.birth_year, first.gender, parsed.unit,
                                parsed.month, parsed.ordinary_hours, parsed.sick_hours,
                                parsed.spell_start, parsed.spell_end, parsed.source)  # fmt: skip
        key = (parsed.employee, parsed.month)
        ordinary, sick, _ = hours.get(key, (Decimal(0), Decimal(0), raw.source))
        hours[key] = (ordinary + parsed.ordinary_hours, sick + parsed.sick_hours, raw.source)
        rows.append(parsed)
    for (employee, month), (ordinary, sick, source) in sorted(hours.items()):
        if sick > ordinary:
            diagnostics.append(Diagnostic(codes.SICK_OVER_ORDINARY, Severity.ERROR,
                f"Anställd {employee} har {sick} sjuktimmar men {ordinary} ordinarie timmar"
                f" i {month:%Y-%m}.", source))  # fmt: skip
    return rows, diagnostics

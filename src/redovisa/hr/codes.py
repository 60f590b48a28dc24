"""Diagnostic codes of the HR export reader (prefix HR)."""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

E, W = Severity.ERROR, Severity.WARNING

UNREADABLE = register(
    "HR001",
    E,
    "HR-exporten kan inte läsas",
    "The absence file is missing, empty, or not valid CSV/XLSX.",
)
MISSING_COLUMN = register(
    "HR002",
    E,
    "Kolumn saknas i HR-exporten",
    "A required column (employee, birth_year, gender, unit, month, ordinary_hours, sick_hours,"
    " spell_start) is missing from the header.",
)
BAD_VALUE = register(
    "HR003",
    E,
    "Ogiltigt värde i HR-exporten",
    "A cell cannot be read: empty employee, a birth year that is not a year, a gender other"
    " than K or M, a month not written YYYY-MM, hours that are not a non-negative number,"
    " or a date not written YYYY-MM-DD. The row is left out.",
)
SICK_OVER_ORDINARY = register(
    "HR004",
    E,
    "Sjuktimmar överstiger ordinarie arbetstid",
    "An employee's sick hours in a month exceed the ordinary working hours of that month.",
)
SPELL_MISSING = register(
    "HR005",
    E,
    "Sjukfallets startdatum saknas eller är fel",
    "A row with sick hours has no spell start, or the spell starts after the month it is"
    " reported in, or ends before it starts. The row is left out.",
)
INCONSISTENT_EMPLOYEE = register(
    "HR006",
    W,
    "Anställd har olika uppgifter på olika rader",
    "The same employee has different birth years or genders on different rows; the first"
    " row's values are used.",
)

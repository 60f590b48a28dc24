"""Recognising tables and columns: which statement or note a table is, what a column holds.

External reports name them variously, so recognition uses the title first and the row
labels second, and gives the stable table ids of report.json (DESIGN §4).
"""

from __future__ import annotations

import re

from redovisa.checks.labels import norm
from redovisa.checks.model import ColumnRole

_DATE = re.compile(r"(20\d\d|19\d\d)-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\b(20\d\d|19\d\d)\b")
_HALF = re.compile(r"jan\w*\s*[-\u2013]\s*jun\w*", re.IGNORECASE)


def column_role_key(label: str, column_id: str = "") -> tuple[ColumnRole, tuple[str, str] | None]:
    """Role and period key of a column from its label (and id, for report.json)."""
    text = f"{label} {column_id}".lower()
    date = _DATE.search(text)
    year_m = _YEAR.search(text)
    year = year_m.group(1) if year_m else (date.group(1) if date else "")
    if "målvärde" in text or text.strip().startswith("mål"):
        return ColumnRole.OTHER, None
    if "avvik" in text or "differens" in text:
        return ColumnRole.DEVIATION, None
    if "budget" in text:
        return ColumnRole.BUDGET, ("budget", year)
    if "prognos" in text:
        return ColumnRole.FORECAST, ("forecast", year)
    if date:
        return ColumnRole.ACTUAL, ("actual", date.group(0))
    if year_m and _HALF.search(text):
        return ColumnRole.ACTUAL, ("actual", f"{year}-06-30")
    if year_m:
        return ColumnRole.ACTUAL, ("actual", f"{year}-12-31")
    if "utfall" in text:
        return ColumnRole.ACTUAL, ("actual", "")
    return ColumnRole.OTHER, None


_TITLE_IDS: tuple[tuple[str, str], ...] = (
    (r"resultaträkning", "resultatrakning"),
    (r"balansräkning", "balansrakning"),
    (r"kassaflöde", "kassaflodesanalys"),
    (r"driftredovisning|driftsredovisning", "driftredovisning"),
    (r"investeringsredovisning|investeringar per projekt", "investeringsredovisning"),
    (r"balanskrav", "balanskravsutredning"),
    (r"måluppfyllelse", "maluppfyllelse"),
)

_NOTE_TITLE = re.compile(r"^\s*(?:not\s*)?(\d{1,2})\s*[.:)]?\s+\D", re.IGNORECASE)


def note_number(label: str) -> str | None:
    """``1. Verksamhetens intäkter`` or ``Not 7 Kassa och bank`` gives the note number."""
    m = _NOTE_TITLE.match(label.replace("\u00a0", " "))
    return m.group(1) if m else None


def table_id(title: str, labels: list[str], header: list[str]) -> str | None:
    """The stable table id for a table, or None when it is not recognised."""
    t = norm(title or "")
    head = " ".join(norm(h) for h in header)
    lab = [norm(x) for x in labels]
    joined = " | ".join(lab)
    if "sjukfrånvaro" in t or "sjukfrånvaro" in head:
        if re.search(r"kön|kvinn", t + " " + head + " " + joined):
            return "sjukfranvaro_kon"
        return "sjukfranvaro_alder"
    if header and norm(header[0]) in ("mål", "målområde") and "målvärde" in head:
        return "maluppfyllelse"
    m = re.match(r"^not\s*(\d+)\b", t)
    if m:
        return f"not_{m.group(1)}"
    if re.match(r"^noter\b", t):
        return "noter"
    for pattern, tid in _TITLE_IDS:
        if re.search(pattern, t):
            return tid
    if (
        "verksamhetens intäkter" in joined
        and "verksamhetens kostnader" in joined
        and ("resultat" in joined)
    ):
        return "resultatrakning"
    if "summa tillgångar" in joined:
        return "balansrakning"
    if "kassaflöde från" in joined:
        return "kassaflodesanalys"
    if "balanskravsresultat" in joined:
        return "balanskravsutredning"
    return None


def unit_of(title: str, header: list[str]) -> str:
    """The printed unit of a table from its title and header: tkr, mnkr, kr or %."""
    text = (title + " " + " ".join(header)).lower()
    if "%" in text or "procent" in text:
        return "%"
    if re.search(r"\bmn?kr\b|miljoner", text):
        return "mnkr"
    if re.search(r"\(kr\)|\bkronor\b", text) and "tkr" not in text:
        return "kr"
    return "tkr"

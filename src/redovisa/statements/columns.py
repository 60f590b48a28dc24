"""Jämförelsekolumner: column ids (docs/configuration.md) to periods, plans and labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from redovisa.statements.table import ColumnSpec

COLUMN_IDS = ("utfall", "utfall_fg", "bokslut_fg", "bokslut_fg2", "budget", "prognos", "avvikelse")
TABLES = (
    "resultatrakning",
    "balansrakning",
    "kassaflodesanalys",
    "noter",
    "driftredovisning",
    "investeringsredovisning",
    "balanskravsutredning",
)
DATE_LABELS = ("balansrakning", "kassaflodesanalys", "noter")

INTERIM_DEFAULTS: dict[str, tuple[str, ...]] = {
    "resultatrakning": ("utfall", "utfall_fg", "prognos", "budget"),
    "balansrakning": ("utfall", "bokslut_fg"),
    "kassaflodesanalys": ("utfall", "bokslut_fg"),
    "noter": ("utfall", "utfall_fg", "bokslut_fg"),
    "driftredovisning": ("budget", "utfall", "prognos", "avvikelse"),
    "investeringsredovisning": ("budget", "utfall", "prognos", "avvikelse"),
    "balanskravsutredning": ("prognos", "bokslut_fg", "bokslut_fg2"),
}
ANNUAL_DEFAULTS: dict[str, tuple[str, ...]] = {
    "resultatrakning": ("utfall", "bokslut_fg", "budget", "avvikelse"),
    "balansrakning": ("utfall", "bokslut_fg"),
    "kassaflodesanalys": ("utfall", "bokslut_fg"),
    "noter": ("utfall", "bokslut_fg"),
    "driftredovisning": ("budget", "utfall", "avvikelse"),
    "investeringsredovisning": ("budget", "utfall", "avvikelse"),
    "balanskravsutredning": ("utfall", "bokslut_fg", "bokslut_fg2"),
}


def years_back(day: date, years: int) -> date:
    """The same date ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """Rapportperiod: the period, its fiscal year and whether it is an interim report."""

    start: date
    end: date
    fy_start: date
    fy_end: date
    interim: bool

    @property
    def year(self) -> int:
        """The fiscal year (named by the calendar year it ends in)."""
        return self.fy_end.year


def _default_label(table: str, cid: str, p: ReportPeriod) -> str:
    y = p.year
    prev_end = p.fy_start - timedelta(days=1)
    full_year = p.start == p.fy_start and p.end == p.fy_end
    if table in DATE_LABELS:
        return {
            "utfall": str(p.end),
            "utfall_fg": str(years_back(p.end, 1)),
            "bokslut_fg": str(prev_end),
            "bokslut_fg2": str(years_back(prev_end, 1)),
            "budget": f"Budget {y}",
            "prognos": f"Prognos {y}",
            "avvikelse": "Avvikelse",
        }[cid]
    if table == "balanskravsutredning":
        return {
            "utfall": f"Bokslut {y}" if full_year else f"Utfall {p.end}",
            "utfall_fg": f"Utfall {years_back(p.end, 1)}",
            "bokslut_fg": f"Bokslut {y - 1}",
            "bokslut_fg2": f"Bokslut {y - 2}",
            "budget": f"Budget {y}",
            "prognos": f"Helårs prognos {y}",
            "avvikelse": "Avvikelse",
        }[cid]
    return {
        "utfall": f"Utfall {y}" if full_year else f"Utfall {p.end}",
        "utfall_fg": f"Utfall {y - 1}" if full_year else f"Utfall {years_back(p.end, 1)}",
        "bokslut_fg": f"Bokslut {y - 1}",
        "bokslut_fg2": f"Bokslut {y - 2}",
        "budget": f"Budget {y}",
        "prognos": f"Prognos {y}",
        "avvikelse": "Avvikelse Budget prognos" if p.interim else "Avvikelse",
    }[cid]


def spec(
    table: str, cid: str, p: ReportPeriod, label: str | None = None, shown: bool = True
) -> ColumnSpec:
    """The column ``cid`` of ``table`` for report period ``p``."""
    text = label or _default_label(table, cid, p)
    prev_start = years_back(p.fy_start, 1)
    prev_end = p.fy_start - timedelta(days=1)
    if cid == "utfall":
        return ColumnSpec(cid, text, "flow", p.start, p.end, shown=shown)
    if cid == "utfall_fg":
        return ColumnSpec(
            cid, text, "flow", years_back(p.start, 1), years_back(p.end, 1), shown=shown
        )
    if cid == "bokslut_fg":
        return ColumnSpec(cid, text, "flow", prev_start, prev_end, shown=shown)
    if cid == "bokslut_fg2":
        return ColumnSpec(
            cid, text, "flow", years_back(prev_start, 1), years_back(prev_end, 1), shown=shown
        )
    if cid in ("budget", "prognos"):
        return ColumnSpec(cid, text, "plan", plan=cid, year=p.year, shown=shown)
    return ColumnSpec(cid, text, "derived", shown=shown)


def columns_for(
    table: str,
    ids: Sequence[str],
    p: ReportPeriod,
    labels: Mapping[str, str] | None = None,
) -> list[ColumnSpec]:
    """Shown columns in order, plus hidden ones an avvikelse column needs."""
    labels = labels or {}
    out = [spec(table, cid, p, labels.get(cid)) for cid in ids]
    if "avvikelse" in ids:
        need = ["budget", "prognos" if p.interim else "utfall"]
        for cid in need:
            if cid not in ids:
                out.append(spec(table, cid, p, shown=False))
    return out


__all__ = [
    "ANNUAL_DEFAULTS",
    "COLUMN_IDS",
    "INTERIM_DEFAULTS",
    "TABLES",
    "ReportPeriod",
    "columns_for",
    "spec",
    "years_back",
]

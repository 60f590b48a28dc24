"""goals.toml: read the målområden, mål and målvärden, with diagnostics that have lines.

Layout (keys English, texts Swedish; numbers exact, TOML floats are read as Decimal)::

    year = 2024                       # the year the målvärden are for

    [[area]]                          # målområde
    number = 1
    title = "Uppdrag"
    description = "..."
    goals = ["...", "..."]            # mål

    [[area.target]]                   # målvärde
    id = "svarstid-kundtjanst"
    text = "Kundtjänst: minst 90 % av samtalen besvaras inom 30 sekunder"
    measure = "kpi"                   # figures | kpi | sick_leave | manual
    op = ">="                         # >= > <= <
    target = 90
    partial = 85                      # optional: at least this gives "delvis uppfyllt"
    reported = "year_end"             # optional: only followed up at year end
    ...                               # measure-specific keys, see docs/goals.md

Every problem is a diagnostic with the file and line; unknown keys are errors (GOAL011).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.goals import codes
from redovisa.goals.expr import parse_sum
from redovisa.goals.lines import Path as KeyPath
from redovisa.goals.lines import key_lines, line_of
from redovisa.goals.model import Assessment, GoalArea, GoalsFile, Measure, Target

__all__ = ["load_goals", "parse_goals"]

TOP_KEYS = {"year", "area"}
AREA_KEYS = {"number", "title", "description", "goals", "target"}
TARGET_KEYS = {
    "id", "text", "year", "reported", "measure", "op", "target", "partial", "unit", "decimals",
    "value", "per", "kpi", "source", "queue", "within_seconds", "category", "statistic",
    "within_hours", "series", "compare", "figure", "org_unit", "outcome_text", "assessment",
    "forecast_text", "forecast_assessment", "comment",
}  # fmt: skip
OPS = {">=", ">", "<=", "<"}
KPIS = {"calls", "tickets", "series"}
STATISTICS = {"count", "closed", "mean_lead_hours", "median_lead_hours", "closed_within_share"}
SICK_FIGURES = {"total", "long", "women", "men", "age_29", "age_30", "age_50"}
_TOML_LINE = re.compile(r"at line (\d+)")


class _Reader:
    """Typed access to one TOML table, collecting diagnostics with lines."""

    def __init__(
        self, shown: str, lines: dict[KeyPath, int], diags: list[Diagnostic], path: KeyPath
    ) -> None:
        self.shown, self.lines, self.diags, self.path = shown, lines, diags, path

    def ref(self, key: str | None = None) -> SourceRef:
        path = (*self.path, key) if key else self.path
        return SourceRef(self.shown, line_of(self.lines, path))

    def error(self, key: str | None, message: str) -> None:
        self.diags.append(Diagnostic(codes.BAD_VALUE, Severity.ERROR, message, self.ref(key)))

    def unknown(self, table: Mapping[str, Any], allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                near = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" Menade du {near[0]!r}?" if near else ""
                self.diags.append(Diagnostic(codes.UNKNOWN_KEY, Severity.ERROR,
                    f"Okänd nyckel {key!r}; den ignoreras.{hint}",
                    self.ref(key)))  # fmt: skip

    def text(self, table: Mapping[str, Any], key: str, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.error(None, f"Nyckeln {key!r} saknas.")
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(key, f"{key!r} ska vara en text.")
            return None
        return value.strip()

    def integer(self, table: Mapping[str, Any], key: str) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{key!r} ska vara ett heltal.")
            return None
        return value

    def number(self, table: Mapping[str, Any], key: str) -> Decimal | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.error(key, f"{key!r} ska vara ett tal.")
            return None
        return Decimal(value)

    def choice(self, table: Mapping[str, Any], key: str, options: set[str]) -> str | None:
        value = self.text(table, key)
        if value is not None and value not in options:
            self.error(key, f"{key!r} = {value!r}; tillåtet: {', '.join(sorted(options))}.")
            return None
        return value


def _assessment(r: _Reader, table: Mapping[str, Any], key: str) -> Assessment | None:
    value = r.choice(table, key, {a.value for a in Assessment})
    return Assessment(value) if value else None


def _unit(r: _Reader, t: Mapping[str, Any], kind: Measure) -> str:
    value = t.get("unit")
    if isinstance(value, str):
        return value.strip()
    if value is not None:
        r.error("unit", '\'unit\' ska vara en text (t.ex. "%" eller "").')
    return "" if kind is Measure.KPI and t.get("kpi") == "tickets" else "%"


def _decimals(r: _Reader, t: Mapping[str, Any]) -> int:
    value = r.integer(t, "decimals")
    if value is not None and not 0 <= value <= 4:
        r.error("decimals", "'decimals' ska vara 0–4.")
        return 1
    return 1 if value is None else value


def _target(r: _Reader, t: Mapping[str, Any], year: int, index: int) -> Target | None:
    r.unknown(t, TARGET_KEYS)
    text = r.text(t, "text", required=True)
    measure = r.choice(t, "measure", {m.value for m in Measure})
    if measure is None and "measure" not in t:
        r.error(None, "Nyckeln 'measure' saknas (figures, kpi, sick_leave eller manual).")
    if text is None or measure is None:
        return None
    kind = Measure(measure)
    op = r.choice(t, "op", OPS)
    target = r.number(t, "target")
    partial = r.number(t, "partial")
    fields: dict[str, Any] = {}
    ok = True
    if kind is not Measure.MANUAL:
        if op is None:
            if "op" not in t:  # a wrong op was reported by choice()
                r.error(None, "Ett mätbart målvärde behöver 'op' (>=, >, <=, <).")
            ok = False
        if target is None and t.get("compare") != "previous":
            r.error(None, "Ett mätbart målvärde behöver 'target' (eller compare = \"previous\").")
            ok = False
    if kind is Measure.FIGURES:
        for key in ("value", "per"):
            expression = r.text(t, key, required=key == "value")
            if expression is not None:
                terms = parse_sum(expression)
                if terms is None:
                    r.error(key, f"{key!r} ska vara en summa av nyckeltal och tal: {expression!r}.")
                    ok = False
                fields[key] = terms
        ok = ok and fields.get("value") is not None
    elif kind is Measure.KPI:
        kpi = r.choice(t, "kpi", KPIS)
        fields["kpi"] = kpi
        fields["kpi_source"] = r.text(t, "source", required=True)
        if kpi == "calls":
            fields["queue"] = r.text(t, "queue", required=True)
            fields["within_seconds"] = r.number(t, "within_seconds")
            ok = ok and fields["queue"] is not None and fields["within_seconds"] is not None
        elif kpi == "tickets":
            fields["category"] = r.text(t, "category")
            fields["statistic"] = r.choice(t, "statistic", STATISTICS) or "count"
            fields["within_hours"] = r.number(t, "within_hours")
        elif kpi == "series":
            fields["series"] = r.text(t, "series", required=True)
            fields["compare"] = r.choice(t, "compare", {"previous"})
            ok = ok and fields["series"] is not None
        ok = ok and kpi is not None and fields["kpi_source"] is not None
    elif kind is Measure.SICK_LEAVE:
        fields["figure"] = r.choice(t, "figure", SICK_FIGURES) or "total"
        fields["org_unit"] = r.text(t, "org_unit")
    reported = r.choice(t, "reported", {"period", "year_end"})
    if not ok:
        return None
    return Target(
        id=r.text(t, "id") or f"malvarde-{index + 1}",
        text=text,
        year=r.integer(t, "year") or year,
        measure=kind,
        source=r.ref(),
        year_end_only=reported == "year_end",
        op=op,
        target=Fraction(target) if target is not None else None,
        partial=Fraction(partial) if partial is not None else None,
        unit=_unit(r, t, kind),
        decimals=_decimals(r, t),
        outcome_text=r.text(t, "outcome_text"),
        assessment=_assessment(r, t, "assessment"),
        forecast_text=r.text(t, "forecast_text"),
        forecast_assessment=_assessment(r, t, "forecast_assessment"),
        comment=r.text(t, "comment"),
        **fields,
    )


def parse_goals(text: str, shown: str = "goals.toml") -> tuple[GoalsFile | None, list[Diagnostic]]:
    """The goals in ``text`` and every problem found, each with its line."""
    diags: list[Diagnostic] = []
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        where = SourceRef(shown, int(m.group(1)) if m else None)
        return None, [Diagnostic(codes.SYNTAX, Severity.ERROR, f"Felaktig TOML: {exc}", where)]
    lines = key_lines(text)
    top = _Reader(shown, lines, diags, ())
    top.unknown(data, TOP_KEYS)
    year = top.integer(data, "year")
    if year is None:
        top.error(None, "Nyckeln 'year' (målvärdenas år) saknas.")
        year = 0
    areas: list[GoalArea] = []
    raw_areas = data.get("area", [])
    if not isinstance(raw_areas, list):
        top.error("area", "'area' ska skrivas som [[area]]-tabeller.")
        raw_areas = []
    for i, a in enumerate(raw_areas):
        r = _Reader(shown, lines, diags, ("area", i))
        if not isinstance(a, dict):
            r.error(None, "Varje målområde ska skrivas som en [[area]]-tabell.")
            continue
        r.unknown(a, AREA_KEYS)
        goals = a.get("goals", [])
        if not isinstance(goals, list) or not all(isinstance(g, str) for g in goals):
            r.error("goals", "'goals' ska vara en lista av texter (målen).")
            goals = []
        targets = []
        raw_targets = a.get("target", [])
        if not isinstance(raw_targets, list) or not all(isinstance(t, dict) for t in raw_targets):
            r.error("target", "Målvärden ska skrivas som [[area.target]]-tabeller.")
            raw_targets = []
        for j, t in enumerate(raw_targets):
            parsed = _target(_Reader(shown, lines, diags, ("area", i, "target", j)), t, year, j)
            if parsed is not None:
                targets.append(parsed)
        title = r.text(a, "title", required=True) or f"Målområde {i + 1}"
        areas.append(GoalArea(r.integer(a, "number") or i + 1, title,
                              r.text(a, "description") or "", tuple(goals), tuple(targets),
                              r.ref()))  # fmt: skip
    return GoalsFile(year, tuple(areas)), diags


def load_goals(path: Path, shown: str | None = None) -> tuple[GoalsFile | None, list[Diagnostic]]:
    """Read goals.toml from disk (UTF-8)."""
    name = shown if shown is not None else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Diagnostic(codes.SYNTAX, Severity.ERROR, f"Filen kan inte läsas: {exc}",
                                 SourceRef(name))]  # fmt: skip
    return parse_goals(text, name)

"""Rapportprojekt: the project file redovisa.toml (docs/configuration.md).

Only what the statements need is interpreted here; sections that other parts of redovisa
read are registered in :data:`OTHER_SECTIONS` and passed through unchecked.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from redovisa.coa.tomlpos import TomlPositions
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.report.codes import BAD_TOML, BAD_VALUE, MISSING_FILE, MISSING_KEY, UNKNOWN_KEY
from redovisa.statements.balanskrav import ADJUSTMENT_KEYS
from redovisa.statements.columns import COLUMN_IDS, TABLES

PROJECT_FILE = "redovisa.toml"
KNOWN: dict[str, set[str]] = {
    "organisation": {"name", "orgnr", "kind"},
    "report": {"kind", "period_start", "period_end", "unit", "title"},
    "sources": {"ledger", "budget", "forecast", "mapping"},
    "columns": set(TABLES),
    "column_labels": set(TABLES),
    "options": {
        "drift_dimension",
        "investment_dimension",
        "result_label",
        "omit_zero_rows",
    },
    "balanskrav": set(),  # keys are years
    "hr": {"absence", "by_unit"},  # sick leave (docs/sick-leave.md)
    "goals": {"file"},  # goals.toml (docs/goals.md)
}
# sections read by other packages (billing, assets, text, checks); not checked here
OTHER_SECTIONS: set[str] = {"billing", "assets", "text", "checks", "render", "kpi"}
# read when [hr] absence / [goals] file are not given and the file exists
DEFAULT_ABSENCE = "data/absence.csv"
DEFAULT_GOALS = "goals.toml"
REPORT_KINDS = {
    "delårsrapport": True,
    "delarsrapport": True,
    "årsredovisning": False,
    "arsredovisning": False,
}
ORG_KINDS = ("kommun", "region", "kommunalforbund")
UNITS = ("kr", "tkr", "mnkr")


@dataclass(slots=True)
class Project:
    """Projekt: what redovisa.toml says, with paths resolved against the project folder."""

    root: Path
    name: str = ""
    orgnr: str | None = None
    org_kind: str = "kommun"
    report_kind: str = "delårsrapport"
    interim: bool = True
    period_start: date | None = None
    period_end: date | None = None
    unit: str = "tkr"
    title: str | None = None
    ledgers: list[Path] = field(default_factory=list)
    budget: Path | str | None = None
    forecast: Path | str | None = None
    mapping: Path | None = None
    columns: dict[str, list[str]] = field(default_factory=dict)
    column_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    drift_dimension: str = "1"
    investment_dimension: str | None = None
    result_label: str | None = None
    omit_zero_rows: bool = True
    balanskrav: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    absence: Path | None = None  # [hr] absence: the HR export for the sick-leave tables
    sick_leave_by_unit: bool = False  # [hr] by_unit: also table sjukfranvaro_enhet
    goals: Path | None = None  # [goals] file: goals.toml

    def shown(self, path: Path) -> str:
        """A path as the user should see it (relative to the project when inside it)."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.shown = str(path)
        self.pos = TomlPositions(text)
        self.diags: list[Diagnostic] = []

    def err(self, code: str, message: str, section: str = "", key: str | None = None) -> None:
        line = self.pos.key(section, key) if key is not None else self.pos.section(section)
        self.diags.append(Diagnostic(code, Severity.ERROR, message, SourceRef(self.shown, line)))


def _text(
    r: _Reader, sec: str, data: dict[str, Any], key: str, required: bool = False
) -> str | None:
    if key not in data:
        if required:
            r.err(MISSING_KEY, f"[{sec}] saknar '{key}'", sec)
        return None
    value = data[key]
    if not isinstance(value, str):
        r.err(BAD_VALUE, f"[{sec}] {key} ska vara en text", sec, key)
        return None
    return value


def _date(r: _Reader, sec: str, data: dict[str, Any], key: str) -> date | None:
    value = data.get(key)
    if value is None:
        r.err(MISSING_KEY, f"[{sec}] saknar '{key}'", sec)
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    r.err(BAD_VALUE, f"[{sec}] {key} ska vara ett datum som 2024-06-30", sec, key)
    return None


def _source(
    r: _Reader, p: Project, key: str, value: Any, allow_sie: bool = False
) -> Path | str | None:
    if not isinstance(value, str):
        r.err(BAD_VALUE, f"[sources] {key} ska vara en sökväg", "sources", key)
        return None
    if allow_sie and value == "sie":
        return "sie"
    path = p.root / value
    if not path.is_file():
        r.err(MISSING_FILE, f"[sources] {key}: filen {value} finns inte", "sources", key)
        return None
    return path


def _read_sections(r: _Reader, p: Project, data: dict[str, Any]) -> None:
    org = data.get("organisation", {})
    p.name = _text(r, "organisation", org, "name", required=True) or ""
    p.orgnr = _text(r, "organisation", org, "orgnr")
    kind = _text(r, "organisation", org, "kind")
    if kind is not None and kind not in ORG_KINDS:
        r.err(
            BAD_VALUE,
            f"[organisation] kind ska vara en av {', '.join(ORG_KINDS)}",
            "organisation",
            "kind",
        )
    p.org_kind = kind if kind in ORG_KINDS else "kommun"

    rep = data.get("report", {})
    rkind = _text(r, "report", rep, "kind", required=True)
    if rkind is not None and rkind not in REPORT_KINDS:
        r.err(
            BAD_VALUE, "[report] kind ska vara delårsrapport eller årsredovisning", "report", "kind"
        )
    elif rkind is not None:
        p.interim = REPORT_KINDS[rkind]
        p.report_kind = "delårsrapport" if p.interim else "årsredovisning"
    p.period_start = _date(r, "report", rep, "period_start")
    p.period_end = _date(r, "report", rep, "period_end")
    if p.period_start and p.period_end and p.period_start > p.period_end:
        r.err(BAD_VALUE, "[report] period_start ligger efter period_end", "report", "period_start")
    unit = _text(r, "report", rep, "unit")
    if unit is not None and unit not in UNITS:
        r.err(BAD_VALUE, f"[report] unit ska vara en av {', '.join(UNITS)}", "report", "unit")
    p.unit = unit if unit in UNITS else "tkr"
    p.title = _text(r, "report", rep, "title")

    src = data.get("sources", {})
    ledgers = src.get("ledger")
    if ledgers is None:
        r.err(MISSING_KEY, "[sources] saknar 'ledger' (SIE-filerna)", "sources")
    else:
        for item in [ledgers] if isinstance(ledgers, str) else list(ledgers):
            path = _source(r, p, "ledger", item)
            if isinstance(path, Path):
                p.ledgers.append(path)
    for key in ("budget", "forecast"):
        if key in src:
            setattr(p, key, _source(r, p, key, src[key], allow_sie=True))
    if "mapping" in src:
        m = _source(r, p, "mapping", src["mapping"])
        p.mapping = m if isinstance(m, Path) else None

    for table, ids in data.get("columns", {}).items():
        bad = [i for i in ids if i not in COLUMN_IDS] if isinstance(ids, list) else ids
        if bad:
            r.err(
                BAD_VALUE,
                f"[columns] {table}: okända kolumner {bad}; tillåtna: {', '.join(COLUMN_IDS)}",
                "columns",
                table,
            )
            continue
        p.columns[table] = list(ids)
    for table, labels in data.get("column_labels", {}).items():
        if not isinstance(labels, dict) or any(k not in COLUMN_IDS for k in labels):
            r.err(
                BAD_VALUE,
                f'[column_labels] {table}: ange {{ kolumn = "rubrik" }}',
                "column_labels",
                table,
            )
            continue
        p.column_labels[table] = {str(k): str(v) for k, v in labels.items()}

    opts = data.get("options", {})
    p.drift_dimension = str(opts.get("drift_dimension", "1"))
    dim = opts.get("investment_dimension")
    p.investment_dimension = str(dim) if dim is not None else None
    p.result_label = _text(r, "options", opts, "result_label")
    omit = opts.get("omit_zero_rows", True)
    if not isinstance(omit, bool):
        r.err(
            BAD_VALUE,
            "[options] omit_zero_rows ska vara true eller false",
            "options",
            "omit_zero_rows",
        )
    p.omit_zero_rows = bool(omit)

    for year, values in data.get("balanskrav", {}).items():
        if not str(year).isdigit() or not isinstance(values, dict):
            r.err(
                BAD_VALUE,
                f"[balanskrav] '{year}' ska vara ett år med {{ nyckel = \"belopp\" }}",
                "balanskrav",
                str(year),
            )
            continue
        out: dict[str, Decimal] = {}
        for key, amount in values.items():
            if key not in ADJUSTMENT_KEYS:
                r.err(
                    UNKNOWN_KEY,
                    f"[balanskrav.\"{year}\"] okänd nyckel '{key}'; tillåtna: "
                    f"{', '.join(ADJUSTMENT_KEYS)}",
                    "balanskrav",
                    str(year),
                )
                continue
            try:
                out[key] = Decimal(str(amount))
            except InvalidOperation:
                r.err(
                    BAD_VALUE,
                    f'[balanskrav."{year}"] {key} ska vara ett belopp',
                    "balanskrav",
                    str(year),
                )
        p.balanskrav[int(year)] = out


def _optional_file(
    r: _Reader, p: Project, data: dict[str, Any], *, section: str, key: str, default: str
) -> Path | None:
    """A file named in ``[section] key``, else ``default`` when it exists, else None."""
    if key not in data:
        path = p.root / default
        return path if path.is_file() else None
    value = data[key]
    if not isinstance(value, str):
        r.err(BAD_VALUE, f"[{section}] {key} ska vara en sökväg", section, key)
        return None
    path = p.root / value
    if not path.is_file():
        r.err(MISSING_FILE, f"[{section}] {key}: filen {value} finns inte", section, key)
        return None
    return path


def _read_measures(r: _Reader, p: Project, data: dict[str, Any]) -> None:
    """[hr] and [goals]: the HR export and goals.toml (docs/configuration.md)."""
    hr = data.get("hr", {})
    hr = hr if isinstance(hr, dict) else {}
    p.absence = _optional_file(r, p, hr, section="hr", key="absence", default=DEFAULT_ABSENCE)
    by_unit = hr.get("by_unit", False)
    if not isinstance(by_unit, bool):
        r.err(BAD_VALUE, "[hr] by_unit ska vara true eller false", "hr", "by_unit")
    p.sick_leave_by_unit = by_unit is True
    goals = data.get("goals", {})
    goals = goals if isinstance(goals, dict) else {}
    p.goals = _optional_file(r, p, goals, section="goals", key="file", default=DEFAULT_GOALS)


def load_project(root: Path) -> tuple[Project | None, list[Diagnostic]]:
    """Read ``root/redovisa.toml``; None when it cannot be read at all."""
    path = root / PROJECT_FILE
    if not path.is_file():
        return None, [
            Diagnostic(
                MISSING_FILE,
                Severity.ERROR,
                f"{PROJECT_FILE} finns inte i {root}",
                SourceRef(str(path)),
            )
        ]
    text = path.read_text("utf-8")
    r = _Reader(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return None, [
            Diagnostic(
                BAD_TOML,
                Severity.ERROR,
                f"ogiltig TOML: {e}",
                SourceRef(str(path), getattr(e, "lineno", None)),
            )
        ]
    for section, value in data.items():
        if section in OTHER_SECTIONS:
            continue
        if section not in KNOWN or not isinstance(value, dict):
            r.err(UNKNOWN_KEY, f"okänd sektion [{section}] i {PROJECT_FILE}", section)
            continue
        if section == "balanskrav":
            continue
        for key in value:
            if key not in KNOWN[section]:
                r.err(UNKNOWN_KEY, f"okänd nyckel '{key}' i [{section}]", section, key)
    p = Project(root=root, raw=data)
    _read_sections(r, p, data)
    _read_measures(r, p, data)
    return p, r.diags


__all__ = [
    "DEFAULT_ABSENCE",
    "DEFAULT_GOALS",
    "KNOWN",
    "OTHER_SECTIONS",
    "PROJECT_FILE",
    "Project",
    "load_project",
]

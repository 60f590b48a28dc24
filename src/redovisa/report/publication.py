"""Publicering: the whole report as readers get it, ready for every renderer.

:func:`build_publication` runs :func:`redovisa.report.build.build_document` (the tables),
takes the sick-leave and goal tables it measured (``Document.display_tables``), adds the charts
(:mod:`redovisa.report.charts`), reads the project's ``[render]`` and ``[text]`` settings,
the report definition (:mod:`redovisa.report.sections`) and the narrative files with their
bound figures (:mod:`redovisa.report.text`), and returns one :class:`Publication`.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from redovisa.coa.tomlpos import TomlPositions
from redovisa.core.chart import BarChart
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.report.build import build_document
from redovisa.report.charts import report_charts
from redovisa.report.codes import (
    BAD_VALUE,
    MISSING_FILE,
    MISSING_TEXT,
    UNKNOWN_CONTENT,
    UNKNOWN_KEY,
    UNUSED_TEXT,
)
from redovisa.report.document import Document
from redovisa.report.project import PROJECT_FILE, Project, load_project
from redovisa.report.sections import SectionDef, builtin_definition, load_definition
from redovisa.report.text import AnyTable, Block, Scope, Value, load_narrative

RENDER_KEYS = {"definition", "title", "decision", "header", "granskningsrapport"}
# [render] keys whose value is true or false (the others are texts)
RENDER_FLAGS = {"granskningsrapport"}
TEXT_KEYS = {"dir"}


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A table in a section, by id."""

    table_id: str


@dataclass(frozen=True, slots=True)
class ChartBlock:
    """A chart in a section, by id."""

    chart_id: str


Content: TypeAlias = Block | TableBlock | ChartBlock


@dataclass(slots=True)
class Section:
    """Avsnitt: id, title, heading level, kind (body, cover, toc) and its content in order."""

    id: str
    title: str
    level: int
    kind: str = "body"
    content: list[Content] = field(default_factory=list)


@dataclass(slots=True)
class Publication:
    """Rapporten för läsare: document, cover texts, sections, every table and chart."""

    document: Document
    organisation: str
    title: str
    period_text: str
    decision: str | None
    header: str
    sections: list[Section]
    tables: dict[str, AnyTable]
    charts: dict[str, BarChart]
    language: str = "sv"
    # append the checks' findings (Document.findings) as a granskningsrapport (HTML)
    granskningsrapport: bool = False
    # the granskningsrapport as (column headings, rows of text), filled by the caller that ran
    # the checks (render sits beside checks and does not import it)
    review: tuple[list[str], list[tuple[str, ...]]] | None = None

    @property
    def unit(self) -> str:
        """The money unit of the tables (kr, tkr, mnkr)."""
        return self.document.unit

    @property
    def full_title(self) -> str:
        """Title as in the document metadata: ``Delårsrapport 2024-06-30``."""
        return f"{self.title} {self.period_text}"


def _settings(project: Project) -> tuple[dict[str, Any], dict[str, Any], list[Diagnostic]]:
    path = project.root / PROJECT_FILE
    pos = TomlPositions(path.read_text(encoding="utf-8"))
    diags: list[Diagnostic] = []
    sections: list[dict[str, Any]] = []
    for name, known in (("render", RENDER_KEYS), ("text", TEXT_KEYS)):
        raw = project.raw.get(name, {})
        if not isinstance(raw, dict):
            diags.append(
                Diagnostic(
                    UNKNOWN_KEY,
                    Severity.ERROR,
                    f"[{name}] ska vara en sektion",
                    SourceRef(str(path), pos.key("", name)),
                )
            )
            raw = {}
        for key, value in raw.items():
            line = pos.key(name, key)
            if key not in known:
                diags.append(
                    Diagnostic(
                        UNKNOWN_KEY,
                        Severity.ERROR,
                        f"okänd nyckel '{key}' i [{name}] (tillåtna: {', '.join(sorted(known))})",
                        SourceRef(str(path), line),
                    )
                )
            elif name == "render" and key in RENDER_FLAGS:
                if not isinstance(value, bool):
                    diags.append(
                        Diagnostic(
                            BAD_VALUE,
                            Severity.ERROR,
                            f"[{name}] {key} ska vara true eller false",
                            SourceRef(str(path), line),
                        )
                    )
            elif not isinstance(value, str):
                diags.append(
                    Diagnostic(
                        BAD_VALUE,
                        Severity.ERROR,
                        f"[{name}] {key} ska vara en text",
                        SourceRef(str(path), line),
                    )
                )
        sections.append({k: v for k, v in raw.items() if k in known and isinstance(v, str)})
    return sections[0], sections[1], diags


def _flag(project: Project, key: str) -> bool:
    """A true/false [render] setting (false when absent or not a boolean)."""
    raw = project.raw.get("render", {})
    return isinstance(raw, dict) and raw.get(key) is True


def _period_text(doc: Document) -> str:
    return doc.period_end.isoformat()


def _scope(doc: Document, tables: dict[str, AnyTable], org: str, title: str) -> Scope:
    values = {
        "organisation": Value("text", text=org),
        "rapport.titel": Value("text", text=title),
        "period.start": Value("text", text=doc.period_start.isoformat()),
        "period.slut": Value("text", text=doc.period_end.isoformat()),
        "period.ar": Value("text", text=str(doc.period_end.year)),
        "period.foregaende_ar": Value("text", text=str(doc.period_end.year - 1)),
    }
    return Scope(tables, doc.unit, values)


def _content(
    sdef: SectionDef,
    *,
    tables: dict[str, AnyTable],
    charts: dict[str, BarChart],
    text_dir: Path,
    project: Project,
    scope: Scope,
    definition_path: str,
    used: set[Path],
) -> tuple[list[Content], list[Diagnostic]]:
    out: list[Content] = []
    diags: list[Diagnostic] = []
    for item in sdef.content:
        optional = item.endswith("?")
        kind, _, arg = item.rstrip("?").partition(":")
        if kind == "text":
            name = arg or sdef.text or f"{sdef.id}.md"
            path = text_dir / name
            if not path.is_file():
                if not optional:
                    diags.append(
                        Diagnostic(
                            MISSING_TEXT,
                            Severity.WARNING,
                            f"avsnittet '{sdef.title}' saknar textfilen {project.shown(path)}",
                            SourceRef(definition_path, sdef.line),
                        )
                    )
                continue
            used.add(path.resolve())
            blocks, tdiags = load_narrative(path, project.shown(path), scope)
            out.extend(blocks)
            diags += tdiags
        elif kind == "tables":
            out.extend(TableBlock(t) for t in tables if fnmatch.fnmatch(t, arg))
        elif kind in ("table", "chart"):
            pool: dict[str, Any] = tables if kind == "table" else charts
            if arg in pool:
                out.append(TableBlock(arg) if kind == "table" else ChartBlock(arg))
            elif not optional:
                what = "tabellen" if kind == "table" else "diagrammet"
                diags.append(
                    Diagnostic(
                        UNKNOWN_CONTENT,
                        Severity.WARNING,
                        f"{what} '{arg}' finns inte i rapporten; utelämnas",
                        SourceRef(definition_path, sdef.line),
                    )
                )
    return out, diags


def build_publication(root: Path) -> tuple[Publication | None, list[Diagnostic]]:
    """Build everything a reader gets from the project in ``root``."""
    doc, diags = build_document(root)
    project, _ = load_project(root)  # its diagnostics are already in ``diags``
    if doc is None or project is None:
        return None, diags
    render, text_cfg, sdiags = _settings(project)
    diags += sdiags
    # sick leave and goals, measured by build_document (redovisa.report.measures)
    extra = list(getattr(doc, "display_tables", []))
    tables: dict[str, AnyTable] = {t.id: t for t in doc.tables}
    tables.update({t.id: t for t in extra})
    charts = report_charts(doc, extra)
    if "definition" in render:
        def_path = project.root / render["definition"]
        if not def_path.is_file():
            diags.append(
                Diagnostic(
                    MISSING_FILE,
                    Severity.ERROR,
                    f"[render] definition: filen {render['definition']} finns inte",
                    SourceRef(str(root / PROJECT_FILE)),
                )
            )
            return None, diags
    else:
        def_path = builtin_definition(doc.kind)
    definition, ddiags = load_definition(def_path, project.shown(def_path), project.org_kind)
    diags += ddiags
    if definition is None:
        return None, diags
    title = render.get("title") or project.title or definition.title
    scope = _scope(doc, tables, doc.name, title)
    text_dir = project.root / text_cfg.get("dir", "text")
    used: set[Path] = set()
    sections: list[Section] = []
    for sdef in definition.sections:
        content, cdiags = _content(
            sdef,
            tables=tables,
            charts=charts,
            text_dir=text_dir,
            project=project,
            scope=scope,
            definition_path=definition.path,
            used=used,
        )
        diags += cdiags
        sections.append(Section(sdef.id, sdef.title, sdef.level, sdef.kind, content))
    if text_dir.is_dir():
        for path in sorted(text_dir.glob("*.md")):
            if path.resolve() not in used:
                diags.append(
                    Diagnostic(
                        UNUSED_TEXT,
                        Severity.WARNING,
                        f"textfilen {project.shown(path)} hör inte till något "
                        f"avsnitt i rapportdefinitionen (felstavat namn?)",
                        SourceRef(project.shown(path), 1),
                    )
                )
    period = _period_text(doc)
    header = render.get("header") or f"{doc.name} · {title} {period}"
    return Publication(
        document=doc,
        organisation=doc.name,
        title=title,
        period_text=period,
        decision=render.get("decision"),
        header=header,
        sections=sections,
        tables=tables,
        charts=charts,
        granskningsrapport=_flag(project, "granskningsrapport"),
    ), diags


__all__ = [
    "ChartBlock",
    "Content",
    "Publication",
    "Section",
    "TableBlock",
    "build_publication",
]

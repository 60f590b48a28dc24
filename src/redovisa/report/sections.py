"""Rapportdefinition: the order, titles and contents of a report's sections, as data.

The defaults live in ``redovisa/report/definitions/`` (``delarsrapport.toml``,
``arsredovisning.toml``); a project may name its own file in ``[render] definition``.
Problems are DEF001 diagnostics with file and line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redovisa.coa.tomlpos import TomlPositions
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.report.codes import BAD_DEFINITION

DEFINITIONS = Path(__file__).parent / "definitions"
BUILTIN = {"delarsrapport": "delarsrapport.toml", "arsredovisning": "arsredovisning.toml"}
SECTION_KINDS = ("body", "cover", "toc")
TOP_KEYS = {"title", "section"}
SECTION_KEYS = {"id", "title", "level", "kind", "text", "content"}
_CONTENT = re.compile(r"^(text(:[\w.\-]+)?|table:\w+|tables:[\w*]+|chart:\w+)\??$")
ORG_NOUNS = {
    "kommun": ("kommunen", "kommunens"),
    "region": ("regionen", "regionens"),
    "kommunalforbund": ("kommunalförbundet", "kommunalförbundets"),
}


@dataclass(frozen=True, slots=True)
class SectionDef:
    """Avsnitt i definitionen: id, title, heading level (1-3), kind and content items."""

    id: str
    title: str
    level: int = 1
    kind: str = "body"
    text: str | None = None
    content: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ReportDefinition:
    """Rapportdefinition: the cover title and the sections in order."""

    title: str
    sections: tuple[SectionDef, ...]
    path: str


def builtin_definition(kind: str) -> Path:
    """The bundled definition for a report kind (delårsrapport or årsredovisning)."""
    name = "delarsrapport" if kind.startswith("del") else "arsredovisning"
    return DEFINITIONS / BUILTIN[name]


def load_definition(
    path: Path, shown: str | None = None, org_kind: str = "kommun"
) -> tuple[ReportDefinition | None, list[Diagnostic]]:
    """Read a report definition; None when it cannot be used at all."""
    shown = shown or str(path)
    text = path.read_text(encoding="utf-8")
    pos = TomlPositions(text)
    diags: list[Diagnostic] = []

    def err(message: str, line: int | None) -> None:
        diags.append(Diagnostic(BAD_DEFINITION, Severity.ERROR, message, SourceRef(shown, line)))

    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        err(f"ogiltig TOML: {e}", getattr(e, "lineno", None))
        return None, diags
    for key in data:
        if key not in TOP_KEYS:
            err(f"okänd nyckel '{key}' (tillåtna: {', '.join(sorted(TOP_KEYS))})", pos.key("", key))
    nouns = ORG_NOUNS.get(org_kind, ORG_NOUNS["kommun"])
    names = {"org": nouns[0], "orgs": nouns[1]}
    sections: list[SectionDef] = []
    seen: set[str] = set()
    raw_sections = data.get("section", [])
    if not isinstance(raw_sections, list) or not raw_sections:
        err("definitionen saknar [[section]]", pos.key("", "section"))
        raw_sections = []
    for i, raw in enumerate(raw_sections):
        line = pos.section("section", i)
        if not isinstance(raw, dict):
            err("[[section]] ska vara en tabell", line)
            continue
        for key in raw:
            if key not in SECTION_KEYS:
                err(
                    f"okänd nyckel '{key}' i [[section]] (tillåtna: "
                    f"{', '.join(sorted(SECTION_KEYS))})",
                    pos.key("section", key, i),
                )
        sid = raw.get("id")
        if not isinstance(sid, str) or not re.fullmatch(r"[a-z0-9_]+", sid):
            err("[[section]] behöver id med små bokstäver a-z, siffror och _", line)
            continue
        if sid in seen:
            err(f"avsnittet '{sid}' finns redan", line)
            continue
        seen.add(sid)
        kind = raw.get("kind", "body")
        if kind not in SECTION_KINDS:
            err(f"kind ska vara en av {', '.join(SECTION_KINDS)}", pos.key("section", "kind", i))
            kind = "body"
        title = raw.get("title", "")
        if not isinstance(title, str) or (kind == "body" and not title):
            err(f"avsnittet '{sid}' behöver en title", pos.key("section", "title", i))
            title = sid
        level = raw.get("level", 1)
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 3:
            err("level ska vara 1, 2 eller 3", pos.key("section", "level", i))
            level = 1
        content = raw.get("content", [])
        if not isinstance(content, list) or not all(isinstance(c, str) for c in content):
            err("content ska vara en lista med texter", pos.key("section", "content", i))
            content = []
        for item in content:
            if not _CONTENT.match(item):
                err(
                    f"okänt innehåll '{item}' (text, table:ID, tables:MÖNSTER, chart:ID)",
                    pos.key("section", "content", i),
                )
        text_file = raw.get("text")
        if text_file is not None and not isinstance(text_file, str):
            err("text ska vara ett filnamn", pos.key("section", "text", i))
            text_file = None
        try:
            title = title.format_map(names)
        except (KeyError, ValueError):
            err(
                f"okänd platshållare i titeln '{title}' (finns: {{org}}, {{orgs}})",
                pos.key("section", "title", i),
            )
        sections.append(
            SectionDef(
                sid,
                title,
                level,
                kind,
                text_file,
                tuple(c for c in content if _CONTENT.match(c)),
                line,
            )
        )
    title = data.get("title", "Rapport")
    if not isinstance(title, str):
        err("title ska vara en text", pos.key("", "title"))
        title = "Rapport"
    if any(d.severity is Severity.ERROR for d in diags):
        return None, diags
    return ReportDefinition(title, tuple(sections), shown), diags


__all__ = [
    "BUILTIN",
    "DEFINITIONS",
    "ReportDefinition",
    "SectionDef",
    "builtin_definition",
    "load_definition",
]

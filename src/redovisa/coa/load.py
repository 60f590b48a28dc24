"""Load the default Kommun-Bas mapping and merge a project's overrides (docs/coa.md)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from redovisa.coa.codes import BAD_MAPPING
from redovisa.coa.model import (
    ASSET_ROLES,
    BALANSKRAV,
    BR_CASHFLOW,
    BR_LINES,
    DRIFT,
    NOTE_KINDS,
    RR_CASHFLOW,
    RR_LINES,
    SIGNS,
    STATEMENTS,
    Group,
    Mapping,
    NoteDef,
)
from redovisa.coa.tomlpos import TomlPositions
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef

DEFAULT_NAME = "kommun_bas.toml"
_PATTERN = re.compile(r"^(\d+)(?:-(\d+))?$")
_GROUP_KEYS = {f.name for f in fields(Group)}
_NOTE_KEYS = {f.name for f in fields(NoteDef)}
_TOP_KEYS = {"format", "name", "group", "note"}


def valid_pattern(pattern: str) -> bool:
    """True for ``"12"`` and for ``"50-54"`` (equal length, ascending)."""
    m = _PATTERN.match(pattern)
    if m is None:
        return False
    lo, hi = m.group(1), m.group(2)
    return hi is None or (len(lo) == len(hi) and lo <= hi)


def default_text() -> str:
    """The text of the shipped default mapping."""
    return resources.files("redovisa.coa").joinpath("data", DEFAULT_NAME).read_text("utf-8")


class _Loader:
    def __init__(self, text: str, shown: str) -> None:
        self.shown = shown
        self.pos = TomlPositions(text)
        self.diags: list[Diagnostic] = []
        self.data: dict[str, Any] = {}
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            line = getattr(e, "lineno", None)
            self.error(f"filen är inte giltig TOML: {e}", line)

    def error(self, message: str, line: int | None) -> None:
        self.diags.append(
            Diagnostic(BAD_MAPPING, Severity.ERROR, message, SourceRef(self.shown, line))
        )

    def entries(self, kind: str, known: set[str]) -> list[tuple[int, dict[str, Any]]]:
        for key in self.data:
            if key not in _TOP_KEYS:
                self.error(f"okänd nyckel '{key}' i mappningsfilen", self.pos.key("", key))
        raw = self.data.get(kind, [])
        if not isinstance(raw, list):
            self.error(f"'{kind}' ska skrivas som [[{kind}]]", self.pos.key("", kind))
            return []
        out: list[tuple[int, dict[str, Any]]] = []
        for i, entry in enumerate(raw):
            for key in entry:
                if key not in known:
                    self.error(
                        f"okänd nyckel '{key}' i [[{kind}]] nr {i + 1}", self.pos.key(kind, key, i)
                    )
            out.append((i, {k: v for k, v in entry.items() if k in known}))
        return out


def _group_from(entry: dict[str, Any]) -> Group:
    values = dict(entry)
    values["accounts"] = tuple(str(a) for a in values.get("accounts", ()))
    return Group(**values)


def _check_group(g: Group, ld: _Loader, index: int, kind: str = "group") -> None:
    def bad(message: str, key: str) -> None:
        ld.error(f"grupp '{g.id}': {message}", ld.pos.key(kind, key, index))

    if g.statement not in STATEMENTS:
        bad(f"statement '{g.statement}' ska vara en av {', '.join(STATEMENTS)}", "statement")
    for pattern in g.accounts:
        if not valid_pattern(pattern):
            bad(
                f"felaktigt kontomönster '{pattern}' (prefix '12' eller intervall '50-54')",
                "accounts",
            )
    if g.statement == "rr" and g.line not in RR_LINES:
        bad(f"okänd rad '{g.line}' i resultaträkningen", "line")
    if g.statement == "br":
        if g.line not in BR_LINES:
            bad(f"okänd rad '{g.line}' i balansräkningen", "line")
        if g.cashflow not in BR_CASHFLOW:
            bad(f"kassaflödesklass '{g.cashflow}' saknas eller är okänd", "cashflow")
    if g.statement == "rr" and g.cashflow is not None and g.cashflow not in RR_CASHFLOW:
        bad(f"okänd kassaflödesklass '{g.cashflow}' för en resultatgrupp", "cashflow")
    checks = (
        ("drift", g.drift, DRIFT),
        ("balanskrav", g.balanskrav, BALANSKRAV),
        ("asset", g.asset, ASSET_ROLES),
    )
    for key, value, allowed in checks:
        if value is not None and value not in allowed:
            bad(f"{key} '{value}' ska vara en av {', '.join(allowed)}", key)


def _parse(
    text: str, shown: str, *, partial: bool
) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, dict[str, Any]]], _Loader]:
    ld = _Loader(text, shown)
    groups = ld.entries("group", _GROUP_KEYS)
    notes = ld.entries("note", _NOTE_KEYS)
    for i, entry in groups:
        if "id" not in entry:
            ld.error(f"[[group]] nr {i + 1} saknar 'id'", ld.pos.section("group", i))
    for i, entry in notes:
        if "id" not in entry:
            ld.error(f"[[note]] nr {i + 1} saknar 'id'", ld.pos.section("note", i))
    if not partial and ld.data.get("format", 1) != 1:
        ld.error("format ska vara 1", ld.pos.key("", "format"))
    return groups, notes, ld


def load_mapping(
    project_file: Path | None = None, shown: str | None = None
) -> tuple[Mapping, list[Diagnostic]]:
    """The default mapping, with the groups and notes of ``project_file`` merged in by id."""
    g_default, n_default, ld = _parse(default_text(), DEFAULT_NAME, partial=False)
    diags = list(ld.diags)
    merged: dict[str, tuple[int, str, dict[str, Any]]] = {
        e["id"]: (i, "d", e) for i, e in g_default if "id" in e
    }
    notes: dict[str, dict[str, Any]] = {e["id"]: e for _, e in n_default if "id" in e}
    project_ld: _Loader | None = None
    if project_file is not None:
        name = shown or str(project_file)
        try:
            text = project_file.read_text("utf-8")
        except OSError as e:
            diags.append(
                Diagnostic(
                    BAD_MAPPING,
                    Severity.ERROR,
                    f"kan inte läsa mappningsfilen: {e}",
                    SourceRef(name),
                )
            )
            text = ""
        g_proj, n_proj, project_ld = _parse(text, name, partial=True)
        diags.extend(project_ld.diags)
        for i, entry in g_proj:
            if "id" not in entry:
                continue
            if entry["id"] in merged:
                _, _, base = merged[entry["id"]]
                merged[entry["id"]] = (i, "p", {**base, **entry})
            else:
                merged[entry["id"]] = (i, "p", entry)
        for _, entry in n_proj:
            if "id" in entry:
                notes[entry["id"]] = {**notes.get(entry["id"], {}), **entry}

    groups: list[Group] = []
    for gid, (i, origin, entry) in merged.items():
        loader = ld if origin == "d" or project_ld is None else project_ld
        missing = [k for k in ("label", "accounts", "statement") if k not in entry]
        if missing:
            loader.error(
                f"grupp '{gid}' saknar {', '.join(missing)}", loader.pos.section("group", i)
            )
            continue
        try:
            group = _group_from(entry)
        except TypeError as e:  # pragma: no cover - keys are filtered above
            loader.error(f"grupp '{gid}': {e}", loader.pos.section("group", i))
            continue
        before = len(loader.diags)
        _check_group(group, loader, i)
        diags.extend(loader.diags[before:])
        groups.append(group)

    note_defs: list[NoteDef] = []
    for nid, entry in notes.items():
        values = {"title": nid, "total": "Summa", **entry}
        note = NoteDef(**values)
        if note.kind not in NOTE_KINDS or note.sign not in SIGNS:
            diags.append(
                Diagnostic(
                    BAD_MAPPING,
                    Severity.ERROR,
                    f"not '{nid}': kind ska vara {', '.join(NOTE_KINDS)}"
                    " och sign debit eller credit",
                    SourceRef(DEFAULT_NAME),
                )
            )
        note_defs.append(note)

    ids = {g.id for g in groups}
    note_ids = {n.id for n in note_defs}
    for g in groups:
        refs = (
            ("note_parent", g.note_parent, ids),
            ("credit_balance_group", g.credit_balance_group, ids),
            ("note", g.note, note_ids),
        )
        for key, ref, known in refs:
            if ref is not None and ref not in known:
                diags.append(
                    Diagnostic(
                        BAD_MAPPING,
                        Severity.ERROR,
                        f"grupp '{g.id}': {key} '{ref}' finns inte",
                        SourceRef(shown or DEFAULT_NAME),
                    )
                )
    name = str(ld.data.get("name", "Kommun-Bas"))
    return Mapping(name, tuple(groups), tuple(note_defs)), diags


def with_overrides(mapping: Mapping, **changes: dict[str, Any]) -> Mapping:
    """A copy of ``mapping`` with some groups' keys replaced (for tests)."""
    groups = tuple(replace(g, **changes[g.id]) if g.id in changes else g for g in mapping.groups)
    return Mapping(mapping.name, groups, mapping.notes)


__all__ = ["default_text", "load_mapping", "valid_pattern", "with_overrides"]

"""report.json (schema ``redovisa.report/1``, DESIGN §4) into a :class:`CheckedReport`."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from redovisa.checks.model import (
    CheckedReport,
    CheckedRow,
    CheckedTable,
    Column,
    Paragraph,
    RowKind,
)
from redovisa.checks.recognise import column_role_key

SCHEMA = "redovisa.report/1"


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _kind(value: object) -> RowKind:
    try:
        return RowKind(str(value))
    except ValueError:
        return RowKind.ITEM


def _paragraphs(data: dict[str, Any]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for section in data.get("sections", []) or []:
        if not isinstance(section, dict):
            continue
        title = section.get("title")
        for p in section.get("paragraphs", []) or []:
            if isinstance(p, str):
                out.append(Paragraph(p, title))
    for p in data.get("paragraphs", []) or []:
        if isinstance(p, str):
            out.append(Paragraph(p))
        elif isinstance(p, dict) and isinstance(p.get("text"), str):
            out.append(Paragraph(p["text"], p.get("section")))
    return out


def report_from_json(data: dict[str, Any]) -> CheckedReport:
    """Fill the checks' model from a report.json dictionary (unknown keys are ignored)."""
    meta = data.get("report", {}) if isinstance(data.get("report"), dict) else {}
    unit = str(meta.get("unit", "tkr"))
    report = CheckedReport(unit=unit, period_end=meta.get("period_end"))
    for t in data.get("tables", []) or []:
        if not isinstance(t, dict):
            continue
        columns = []
        for c in t.get("columns", []) or []:
            cid = str(c.get("id", ""))
            label = str(c.get("label", cid))
            role, key = column_role_key(label, cid)
            if key is not None and key[0] == "actual" and not key[1] and report.period_end:
                key = ("actual", str(report.period_end))
            if (
                key is not None
                and key[0] in ("budget", "forecast")
                and not key[1]
                and report.period_end
            ):
                key = (key[0], str(report.period_end)[:4])
            columns.append(Column(cid, label, role, key))
        rows = []
        for r in t.get("rows", []) or []:
            values: dict[str, Decimal] = {}
            texts: dict[str, str] = {}
            for cid, v in (r.get("values") or {}).items():
                d = _decimal(v)
                if d is not None:
                    values[str(cid)] = d
                elif isinstance(v, str):
                    texts[str(cid)] = v
            note = r.get("note")
            rows.append(
                CheckedRow(
                    str(r.get("label", "")),
                    _kind(r.get("kind", "item")),
                    str(note) if note not in (None, "") else None,
                    values,
                    texts,
                )
            )
        tid = str(t.get("id", ""))
        table_unit = "%" if tid.startswith("sjukfranvaro") else unit
        report.tables.append(CheckedTable(tid, str(t.get("title", tid)), columns, rows, table_unit))
    report.paragraphs = _paragraphs(data)
    return report

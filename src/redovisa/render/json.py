"""report.json (DESIGN.md §4): the document with values as shown and exact values in kronor.

Each figure is rounded once, half away from zero, from its exact value (DESIGN.md §5):
money to the report's unit with :func:`redovisa.core.money.to_unit`, percentages to one
decimal.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from redovisa.core.money import to_unit
from redovisa.core.table import round_half_away
from redovisa.report.document import SCHEMA, Document
from redovisa.statements.table import Line, StatementTable

UNIT_TITLES = {"kr": "kr", "tkr": "tkr", "mnkr": "mnkr"}


def _shown(value: Decimal, line: Line, unit: str) -> int | float:
    if line.unit == "procent":
        return float(round_half_away(value, 1))
    return to_unit(value, unit)


def _exact(value: Decimal, line: Line) -> str:
    if line.unit == "procent":
        return str(value.quantize(Decimal("0.000001")))
    return f"{value.quantize(Decimal('0.01'))}"


def table_json(table: StatementTable, unit: str) -> dict[str, Any]:
    """One table in the report.json shape."""
    rows: list[dict[str, Any]] = []
    for line in table.rows:
        row: dict[str, Any] = {"label": line.label}
        if line.notes:
            row["note"] = ",".join(line.notes)
        row["kind"] = line.kind
        if line.kind != "heading":
            present = {k: v for k, v in line.values.items() if v is not None}
            row["values"] = {k: _shown(v, line, unit) for k, v in present.items()}
            row["exact"] = {k: _exact(v, line) for k, v in present.items()}
            if line.unit:
                row["unit"] = line.unit
            row["source"] = {"accounts": list(line.accounts)}
        rows.append(row)
    return {
        "id": table.id,
        "title": f"{table.title} ({UNIT_TITLES.get(unit, unit)})",
        "columns": [{"id": c.id, "label": c.label} for c in table.columns],
        "rows": rows,
    }


def document_json(doc: Document) -> dict[str, Any]:
    """The whole report.json object."""
    organisation: dict[str, Any] = {"name": doc.name}
    if doc.orgnr:
        organisation["orgnr"] = doc.orgnr
    findings = []
    for d in doc.findings:
        item = d.to_json()
        findings.append({k: v for k, v in item.items() if v is not None})
    return {
        "schema": SCHEMA,
        "organisation": organisation,
        "report": {
            "kind": doc.kind,
            "period_start": doc.period_start.isoformat(),
            "period_end": doc.period_end.isoformat(),
            "unit": doc.unit,
        },
        "tables": [table_json(t, doc.unit) for t in doc.tables],
        "findings": findings,
    }


def write_json(doc: Document, path: Path) -> None:
    """Write report.json (UTF-8, indented, stable key order)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document_json(doc), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


__all__ = ["document_json", "table_json", "write_json"]

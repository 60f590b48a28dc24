"""report.json (DESIGN.md §4): the document with values as shown and exact values in kronor.

Each figure is rounded once, half away from zero, from its exact value (DESIGN.md §5):
money to the report's unit with :func:`redovisa.core.money.to_unit`, percentages to one
decimal.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from redovisa.core.money import to_unit
from redovisa.core.table import Table, round_half_away
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


def _exact_text(exact: str) -> str:
    """An exact value (``"3108/1817"``, ``"3.6"``) as a decimal string, six decimals."""
    try:
        return str(round_half_away(Fraction(exact), 6))
    except (ValueError, ZeroDivisionError):
        return exact


def display_table_json(table: Table) -> dict[str, Any]:
    """A display table (sick leave, goals) in the report.json shape.

    Its cells are already rounded: ``values`` are the shown numbers, or the shown text
    where a cell has no number ("ej uppfyllt"); a hidden figure is left out of ``values``
    and its reason is in ``notes``. ``exact`` has six decimals; ``unit`` is ``procent``
    for rows of percentages.
    """
    rows: list[dict[str, Any]] = []
    for r in table.rows:
        row: dict[str, Any] = {"label": r.label, "kind": r.kind}
        values: dict[str, Any] = {}
        for cid, cell in r.cells.items():
            if cell.value is not None:
                values[cid] = float(cell.value)
            elif cell.text not in ("", "–"):
                values[cid] = cell.text
        exact = {k: _exact_text(c.exact) for k, c in r.cells.items() if c.exact is not None}
        if r.kind != "heading" or values:
            row["values"] = values
            row["exact"] = exact
        if r.unit and exact:
            row["unit"] = r.unit
        notes = {k: c.note for k, c in r.cells.items() if c.note}
        if notes:
            row["notes"] = notes
        if r.detail:
            row["detail"] = list(r.detail)
        rows.append(row)
    return {
        "id": table.id,
        "title": table.title,
        "columns": [{"id": c.id, "label": c.label} for c in table.columns],
        "rows": rows,
        "notes": list(table.notes),
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
        "tables": [table_json(t, doc.unit) for t in doc.tables]
        + [display_table_json(t) for t in doc.display_tables],
        "findings": findings,
    }


def write_json(doc: Document, path: Path) -> None:
    """Write report.json (UTF-8, indented, stable key order)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document_json(doc), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


__all__ = ["display_table_json", "document_json", "table_json", "write_json"]

"""Diagram: the report's charts, drawn from its own tables (so they cannot disagree).

- ``resultat_verksamhet``: result per verksamhet (driftredovisning subtotals): budget,
  utfall and prognos;
- ``investeringar``: investments per category (investeringsredovisning rows);
- ``sjukfranvaro_alder_diagram``, ``sjukfranvaro_kon_diagram``: sick leave per group
  (:func:`redovisa.hr.sick_leave_chart`);
- ``maluppfyllelse_diagram`` is not drawn by default (the table says it in words).

Values are rounded to the report's unit; every chart carries a full text alternative
(:mod:`redovisa.core.chart`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from redovisa.core.chart import BarChart, Series
from redovisa.core.table import Table
from redovisa.hr import sick_leave_chart
from redovisa.report.document import Document
from redovisa.report.numfmt import in_unit
from redovisa.statements.table import Line, StatementTable

SERIES = (("budget", "Budget"), ("utfall", "Utfall"), ("prognos", "Prognos"))


def _series(table: StatementTable, rows: Sequence[Line], unit: str) -> tuple[Series, ...]:
    out = []
    for cid, name in SERIES:
        column = next((c for c in table.columns if c.id == cid), None)
        if column is None:
            continue
        values = tuple(
            in_unit(v, unit) if (v := r.values.get(cid)) is not None else None for r in rows
        )
        out.append(Series(column.label or name, values))
    return tuple(out)


def _label(line: Line) -> str:
    head, _, rest = line.label.partition(" ")
    return rest if head.isdigit() and rest else line.label


def report_charts(doc: Document, extra: Sequence[Table] = ()) -> dict[str, BarChart]:
    """Every chart the report's tables allow."""
    charts: dict[str, BarChart] = {}
    tables = {t.id: t for t in doc.tables}
    drift = tables.get("driftredovisning")
    if drift is not None:
        rows = [r for r in drift.rows if r.kind == "subtotal"]
        if rows:
            charts["resultat_verksamhet"] = BarChart(
                id="resultat_verksamhet",
                title=f"Resultat per verksamhet ({doc.unit})",
                description="Stapeldiagram över resultatet per verksamhet: budget, utfall"
                f" för perioden och prognos för helåret, i {doc.unit}",
                categories=tuple(_label(r) for r in rows),
                series=_series(drift, rows, doc.unit),
                unit=doc.unit,
            )
    invest = tables.get("investeringsredovisning")
    if invest is not None:
        rows = [r for r in invest.rows if r.kind == "item"]
        if rows:
            charts["investeringar"] = BarChart(
                id="investeringar",
                title=f"Investeringar per kategori ({doc.unit})",
                description="Stapeldiagram över investeringarna per kategori: budget, utfall"
                f" för perioden och prognos för helåret, i {doc.unit}",
                categories=tuple(r.label for r in rows),
                series=_series(invest, rows, doc.unit),
                unit=doc.unit,
            )
    for table in extra:
        if table.id in ("sjukfranvaro_alder", "sjukfranvaro_kon"):
            chart = sick_leave_chart(table)
            charts[chart.id] = chart
    return charts


def chart_values(chart: BarChart) -> list[Decimal]:
    """Every value drawn (for tests and checks)."""
    return [v for s in chart.series for v in s.values if v is not None]


__all__ = ["chart_values", "report_charts"]

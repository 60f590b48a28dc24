"""Goals and sick leave in the build: figures from the statements, [hr]/[goals], report.json."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from redovisa.cli.build_cmd import build
from redovisa.core.table import Cell, Column, Row, Table
from redovisa.render.json import display_table_json
from redovisa.report import build_document, load_project
from redovisa.report.measures import measured_tables, statement_figures
from redovisa.sie.writer import write_sie
from redovisa.statements.table import ColumnSpec, Line, StatementTable
from statements.ledgers import BUDGET_CSV, FORECAST_CSV, ledger_2023, ledger_2024

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"
TOML = """[organisation]
name = "Testförbundet"
kind = "kommunalforbund"

[report]
kind = "delårsrapport"
period_start = 2024-01-01
period_end = 2024-06-30

[sources]
ledger = ["data/2023.se", "data/2024.se"]
budget = "data/budget.csv"
forecast = "data/forecast.csv"
"""
GOALS = """year = 2024

[[area]]
number = 1
title = "Ekonomi"
goals = ["Ett överskott"]

[[area.target]]
id = "overskott"
text = "Resultatet är minst 2 % av verksamhetens intäkter"
measure = "figures"
value = "rr.resultat"
per = "rr.verksamhetens_intakter + rr.medlemsavgifter"
op = ">="
target = 2
"""
# 12 employees in two units, January 2024 and January 2023; 16 of 1920 hours sick (two people)
ABSENCE = "employee,birth_year,gender,unit,month,ordinary_hours,sick_hours,spell_start\n" + "".join(
    f"E{i},{1970 + i},{'K' if i % 2 else 'M'},{'A' if i < 6 else 'B'},{year}-01,160,"
    f"{'8' if i in (3, 4) else '0'},{f'{year}-01-10' if i in (3, 4) else ''}\n"
    for year in (2023, 2024)
    for i in range(12)
)


def make_project(root: Path, extra: str = "") -> Path:
    (root / "data").mkdir(parents=True)
    write_sie(ledger_2023(), root / "data" / "2023.se")
    write_sie(ledger_2024(), root / "data" / "2024.se")
    (root / "data" / "budget.csv").write_text(BUDGET_CSV, encoding="utf-8")
    (root / "data" / "forecast.csv").write_text(FORECAST_CSV, encoding="utf-8")
    (root / "redovisa.toml").write_text(TOML + extra, encoding="utf-8")
    return root


def _rr(rows: list[Line]) -> StatementTable:
    columns = [ColumnSpec("utfall", "Utfall", "flow"), ColumnSpec("prognos", "Prognos", "plan")]
    return StatementTable("resultatrakning", "Resultaträkning", columns, rows)


def test_statement_figures_are_row_keys_with_exact_values() -> None:
    rr = _rr([
        Line("h", "Rubrik", "heading"),
        Line("verksamhetens_intakter", "Verksamhetens intäkter",
             values={"utfall": Decimal("23049177.05"), "prognos": Decimal("44575000.00")}),
        Line("resultat", "Periodens resultat", "total",
             values={"utfall": Decimal("1718000.00"), "prognos": None}),
    ])  # fmt: skip
    br = StatementTable("balansrakning", "Balansräkning", [ColumnSpec("utfall", "", "flow")], [
        Line("summa_tillgangar", "Summa tillgångar", "total", {"utfall": Decimal("40190.5")})
    ])  # fmt: skip
    outcome = statement_figures([rr, br], "utfall")
    assert outcome["rr.verksamhetens_intakter"] == Decimal("23049177.05")
    assert outcome["rr.resultat"] == Decimal("1718000.00")
    assert outcome["br.summa_tillgangar"] == Decimal("40190.5")
    # an optional line the statement left out as zero is a zero figure, not a missing one
    assert outcome["rr.medlemsavgifter"] == 0
    assert "rr.h" not in outcome
    forecast = statement_figures([rr, br], "prognos")
    assert forecast["rr.verksamhetens_intakter"] == Decimal("44575000.00")
    assert "rr.resultat" not in forecast  # no value in the column: no figure
    assert not any(k.startswith("br.") for k in forecast)  # the table has no prognos column
    assert statement_figures([], "utfall") == {}


def test_project_without_goals_or_hr_has_no_display_tables(tmp_path: Path) -> None:
    doc, diags = build_document(make_project(tmp_path / "p"))
    assert doc is not None and diags == []
    assert doc.display_tables == []


def test_default_files_are_read_when_present(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "goals.toml").write_text(GOALS, encoding="utf-8")
    (root / "data" / "absence.csv").write_text(ABSENCE, encoding="utf-8")
    doc, diags = build_document(root)
    assert doc is not None and diags == []
    ids = [t.id for t in doc.display_tables]
    assert ids == [
        "sjukfranvaro_alder",
        "sjukfranvaro_kon",
        "sjukfranvaro_nyckeltal",
        "maluppfyllelse",
    ]
    # 16 of 12 × 160 hours: 0.833... % rounds to 0.8
    total = doc.display_tables[0].cell("Totalt", "period")
    assert (total.value, total.exact) == (Decimal("0.8"), "5/6")


def test_goal_is_measured_on_the_built_statements(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '\n[goals]\nfile = "mal.toml"\n')
    (root / "mal.toml").write_text(GOALS, encoding="utf-8")
    doc, diags = build_document(root)
    assert doc is not None and diags == []
    rr = doc.table("resultatrakning")
    result, revenue = rr.value("resultat", "prognos"), rr.value("verksamhetens_intakter", "prognos")
    fees = rr.value("medlemsavgifter", "prognos") if "medlemsavgifter" in {
        line.key for line in rr.rows} else Decimal(0)  # fmt: skip
    assert result is not None and revenue is not None and fees is not None
    share = 100 * Fraction(result) / Fraction(revenue + fees)
    goal = next(t for t in doc.display_tables if t.id == "maluppfyllelse")
    row = goal.rows[1]
    assert row.cells["prognos"].exact == str(share)  # exact, from the statement's kronor
    assert row.cells["bedomning"].text == ("uppfyllt" if share >= 2 else "ej uppfyllt")
    assert row.cells["bedomning"].note == "Bedömd på prognosen för året."


def test_changing_the_forecast_changes_the_assessment() -> None:
    """The goal follows the statements: raise the forecast result and the goal is met."""
    doc, _ = build_document(EXAMPLE)
    assert doc is not None
    project, _ = load_project(EXAMPLE)
    assert project is not None

    def surplus(tables: list[StatementTable]) -> str:
        found, _ = measured_tables(project, doc.period_start, doc.period_end, tables)
        goal = next(t for t in found if t.id == "maluppfyllelse")
        return goal.cell("Lystkoms årliga överskott ska minst motsvara 2 % av omsättningen",
                         "bedomning").text  # fmt: skip

    assert surplus(doc.tables) == "ej uppfyllt"  # 777 / 45 425 = 1.7 %
    rr = doc.table("resultatrakning")
    richer = [
        replace(line, values={**line.values, "prognos": Decimal("1000000.00")})
        if line.key == "resultat" else line
        for line in rr.rows
    ]  # fmt: skip
    tables = [replace(rr, rows=richer) if t.id == "resultatrakning" else t for t in doc.tables]
    assert surplus(tables) == "uppfyllt"  # 1 000 / 45 425 = 2.2 %


@pytest.mark.parametrize(
    ("extra", "code", "line", "words"),
    [
        ('\n[hr]\nabsence = "data/saknas.csv"\n', "CFG004", 16, "saknas.csv"),
        ("\n[hr]\nby_unit = 1\n", "CFG003", 16, "by_unit"),
        ('\n[hr]\nabsense = "data/absence.csv"\n', "CFG001", 16, "absense"),
        ('\n[goals]\nfile = "mal.toml"\n', "CFG004", 16, "mal.toml"),
        ("\n[goals]\nfile = 3\n", "CFG003", 16, "sökväg"),
        ('\n[goals]\nfil = "goals.toml"\n', "CFG001", 16, "fil"),
    ],
)
def test_bad_hr_and_goals_keys_are_reported_with_line(
    tmp_path: Path, extra: str, code: str, line: int, words: str
) -> None:
    root = make_project(tmp_path / "p", extra)
    project, diags = load_project(root)
    assert project is not None
    assert [(d.code, d.where.line) for d in diags] == [(code, line)]  # type: ignore[union-attr]
    assert words in diags[0].message


def test_display_table_json_has_values_exact_unit_and_hidden_reasons() -> None:
    table = Table(
        "sjukfranvaro_kon",
        "Sjukfrånvaro per kön",
        (Column("period", "2024"), Column("foregaende", "2023")),
        (
            Row("Kvinnor", {"period": Cell("4,6", Decimal("4.6"), "41/9"),
                            "foregaende": Cell("–", note="Redovisas inte.")}, unit="procent"),
            Row("Målområde 1", {}, "heading", ("Ett mål",)),
            Row("Mål", {"bedomning": Cell("ej uppfyllt")}),
        ),
        ("Redovisas inte.",),
    )  # fmt: skip
    data = display_table_json(table)
    women, heading, goal = data["rows"]
    assert women == {
        "label": "Kvinnor",
        "kind": "item",
        "values": {"period": 4.6},
        "exact": {"period": "4.555556"},
        "unit": "procent",
        "notes": {"foregaende": "Redovisas inte."},
    }
    assert heading == {"label": "Målområde 1", "kind": "heading", "detail": ["Ett mål"]}
    assert goal == {"label": "Mål", "kind": "item", "values": {"bedomning": "ej uppfyllt"},
                    "exact": {}}  # fmt: skip
    assert data["notes"] == ["Redovisas inte."]


def test_report_json_has_the_display_tables(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", "\n[hr]\nby_unit = true\n")
    (root / "data" / "absence.csv").write_text(ABSENCE, encoding="utf-8")
    result = CliRunner().invoke(build, [str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads((root / "build" / "report.json").read_text("utf-8"))
    tables = {t["id"]: t for t in report["tables"]}
    assert list(tables)[-4:] == [
        "sjukfranvaro_alder",
        "sjukfranvaro_kon",
        "sjukfranvaro_nyckeltal",
        "sjukfranvaro_enhet",
    ]
    assert "maluppfyllelse" not in tables
    kon = {r["label"]: r for r in tables["sjukfranvaro_kon"]["rows"]}
    # six women and six men: too few to show; the total (12 employees) is shown
    for label in ("Kvinnor", "Män"):
        assert kon[label]["values"] == {}
        assert "tio eller färre" in kon[label]["notes"]["period"]
    assert kon["Totalt"]["values"] == {"period": 0.8, "foregaende": 0.8}
    assert kon["Totalt"]["exact"] == {"period": "0.833333", "foregaende": "0.833333"}
    assert kon["Totalt"]["unit"] == "procent"
    units = {r["label"]: r["values"] for r in tables["sjukfranvaro_enhet"]["rows"]}
    assert units == {"A": {}, "B": {}}
    assert date.fromisoformat(report["report"]["period_end"]) == date(2024, 6, 30)

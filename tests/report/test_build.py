"""redovisa.toml, the build and report.json (DESIGN.md §4) on the hand-computed ledger."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redovisa.cli.build_cmd import build
from redovisa.report import build_document, load_project
from redovisa.sie.writer import write_sie
from statements.ledgers import BUDGET_CSV, FORECAST_CSV, ledger_2023, ledger_2024

TOML = """[organisation]
name = "Testförbundet"
orgnr = "222000-0000"
kind = "kommunalforbund"

[report]
kind = "delårsrapport"
period_start = 2024-01-01
period_end = 2024-06-30

[sources]
ledger = ["data/2023.se", "data/2024.se"]
budget = "data/budget.csv"
forecast = "data/forecast.csv"

[column_labels]
resultatrakning = { utfall = "Utfall jan-jun 2024" }
"""


def make_project(root: Path, toml: str = TOML) -> Path:
    (root / "data").mkdir(parents=True)
    write_sie(ledger_2023(), root / "data" / "2023.se")
    write_sie(ledger_2024(), root / "data" / "2024.se")
    (root / "data" / "budget.csv").write_text(BUDGET_CSV, encoding="utf-8")
    (root / "data" / "forecast.csv").write_text(FORECAST_CSV, encoding="utf-8")
    (root / "redovisa.toml").write_text(toml, encoding="utf-8")
    return root


def test_build_writes_report_json(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    result = CliRunner().invoke(build, [str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads((root / "build" / "report.json").read_text("utf-8"))
    assert report["schema"] == "redovisa.report/1"
    assert report["organisation"] == {"name": "Testförbundet", "orgnr": "222000-0000"}
    assert report["report"]["kind"] == "delårsrapport"
    tables = {t["id"]: t for t in report["tables"]}
    assert {
        "resultatrakning",
        "balansrakning",
        "kassaflodesanalys",
        "not_1",
        "not_10",
        "driftredovisning",
        "investeringsredovisning",
        "balanskravsutredning",
    } <= set(tables)
    rr = tables["resultatrakning"]
    assert rr["title"] == "Resultaträkning (tkr)"
    assert rr["columns"][0] == {"id": "utfall", "label": "Utfall jan-jun 2024"}
    row = rr["rows"][0]
    assert row == {
        "label": "Verksamhetens intäkter",
        "note": "1",
        "kind": "item",
        "values": {"utfall": 40, "utfall_fg": 100, "prognos": 85, "budget": 90},
        "exact": {
            "utfall": "40000.00",
            "utfall_fg": "100000.00",
            "prognos": "85000.00",
            "budget": "90000.00",
        },
        "source": {"accounts": ["3010"]},
    }
    assert report["findings"] == []


def test_unknown_key_is_an_error_with_line(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p", TOML.replace('kind = "delårsrapport"', 'kind = "delårsrapport"\nperiod = 1')
    )
    project, diags = load_project(root)
    assert project is not None
    assert [(d.code, d.where.line) for d in diags] == [("CFG001", 8)]  # type: ignore[union-attr]
    result = CliRunner().invoke(build, [str(root)])
    assert result.exit_code == 1
    assert "redovisa.toml:8: CFG001 okänd nyckel 'period' i [report]" in result.output


def test_missing_files_and_unmapped_accounts(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", TOML.replace("data/budget.csv", "data/nope.csv"))
    ledger = ledger_2024()
    ledger.vouchers[0] = ledger.vouchers[0].__class__(
        "A",
        "1",
        ledger.vouchers[0].date,
        postings=tuple(
            p if p.account != "2610" else p.__class__("2150", p.amount)
            for p in ledger.vouchers[0].postings
        ),
    )
    write_sie(ledger, root / "data" / "2024.se")
    doc, diags = build_document(root)
    codes = [d.code for d in diags]
    assert "CFG004" in codes and "MAP001" in codes
    assert doc is not None
    unmapped = next(d for d in diags if d.code == "MAP001")
    assert "2150" in unmapped.message and "-10000.00" in unmapped.message
    assert {d.code for d in doc.findings} == {"STM002", "STM003"}

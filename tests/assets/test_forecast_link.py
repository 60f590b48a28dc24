"""The register's full-year depreciation forecast in the prognos column (issue 6, item 7).

Lystkom 2024: assets held give 11 335 246,95 kr for the year; the planned investments
(forecast less outcome to 2024-06-30: IT3 5 364,90, IT4 1 130 848,32, IT5 2 205 806,79 and
IT6 23 490,00 kr) add 212 793,24 kr bought evenly over July-December, 364 788,37 kr when
bought in July: 11 548 040,19 and 11 700 035,32 kr against the forecast file's 12 100 000 kr.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.assets import (
    AssetConfig,
    Category,
    InvestmentBudget,
    InvestmentRow,
    compare_depreciation_forecast,
    depreciation_forecast,
    planned_items,
)
from redovisa.assets.config import asset_config
from redovisa.core.diagnostics import Severity, SourceRef
from redovisa.report.build import build_document

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"
FILED = Decimal("12100000.00")
EVENLY = Decimal("11548040.19")
IN_JULY = Decimal("11700035.32")
# the example's prognos column (from the forecast file alone)
NET_COSTS, RESULT = Decimal("177000.00"), Decimal("777000.00")


def _copy(tmp_path: Path, extra: str = "", drop_forecast_68: bool = False) -> Path:
    copy = tmp_path / "lystkom"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("build"))
    toml = copy / "redovisa.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('retire = "none"\n', f'retire = "none"\n{extra}'), "utf-8")
    if drop_forecast_68:
        forecast = copy / "data" / "forecast.csv"
        lines = forecast.read_text(encoding="utf-8").splitlines(keepends=True)
        forecast.write_text("".join(x for x in lines if not x.startswith("68,")), "utf-8")
    return copy


def _prognos(root: Path) -> tuple[dict[str, Decimal | None], list[str]]:
    doc, diags = build_document(root)
    assert doc is not None
    assert [d.format_text() for d in diags if d.is_error] == []
    rr = doc.table("resultatrakning")
    values = {row.key: row.values["prognos"] for row in rr.rows}
    return values, [d.format_text() for d in diags if d.code == "AST050"]


def test_example_keeps_the_file_figure_and_warns_with_both_figures() -> None:
    values, found = _prognos(EXAMPLE)
    assert values["avskrivningar"] == -FILED
    assert values["resultat"] == RESULT
    assert found == [
        "data/forecast.csv:9: AST050 avskrivningar 2024, Av- och nedskrivningar (konto 68):"
        " prognosfilen 12 100 000,00 kr, anläggningsregistrets helårsprognos 11 548 040,19 kr"
        " (inventarier i registret och planerade investeringar), skillnad 551 959,81 kr"
    ]


def test_register_figure_is_the_prognos_when_the_file_has_no_depreciation(
    tmp_path: Path,
) -> None:
    values, found = _prognos(_copy(tmp_path, drop_forecast_68=True))
    assert found == []
    assert values["avskrivningar"] == -EVENLY
    # the subtotals of the prognos column follow: without the file's 12 100 000 kr row
    assert values["verksamhetens_nettokostnader"] == NET_COSTS + FILED - EVENLY
    assert values["resultat"] == RESULT + FILED - EVENLY == Decimal("1328959.81")


def test_forecast_depreciation_register_replaces_the_file_rows(tmp_path: Path) -> None:
    values, found = _prognos(_copy(tmp_path, 'forecast_depreciation = "register"\n'))
    assert found == []
    assert values["avskrivningar"] == -EVENLY
    assert values["resultat_efter_finansiella_poster"] == Decimal("1328959.81")


def test_planned_purchase_month_moves_the_planned_depreciation(tmp_path: Path) -> None:
    copy = _copy(tmp_path, "planned_purchase_month = 7\n", drop_forecast_68=True)
    values, _ = _prognos(copy)
    assert values["avskrivningar"] == -IN_JULY
    assert values["resultat"] == RESULT + FILED - IN_JULY == Decimal("1176964.68")


def test_the_register_rows_keep_the_cost_centre_in_the_driftredovisning(tmp_path: Path) -> None:
    doc, _ = build_document(_copy(tmp_path, drop_forecast_68=True))
    assert doc is not None
    drift = {r.key: r.values["prognos"] for r in doc.table("driftredovisning").rows}
    # assets held (all on verksamhet 81141, 68300 and 68400); planned ones have no cost centre
    assert drift["81141:avskrivningar"] == Decimal("-11335246.95")
    assert drift["_none:avskrivningar"] == Decimal("-212793.24")
    assert drift["totalt"] == Decimal("1328959.81")
    balanskrav = {r.key: r.values["prognos"] for r in doc.table("balanskravsutredning").rows}
    assert balanskrav["balanskravsresultat"] == Decimal("1328959.81")


def _config(month: int | None = None) -> AssetConfig:
    cat = Category("it4", "IT 4 år", 48, "1221", "1229", "68300")
    return AssetConfig({"it4": cat}, planned_purchase_month=month)


def test_planned_items_spread_evenly_or_in_one_month() -> None:
    budget = InvestmentBudget("IT4", Decimal(0), Decimal("48000.00"), "it4", "IT4")
    row = InvestmentRow("IT4", Decimal(0), Decimal("12000.00"), Decimal("48000.00"))
    end = date(2024, 6, 30)
    even = planned_items([row], [budget], _config(), end)
    assert [i.acquired.month for i in even] == [7, 8, 9, 10, 11, 12]
    assert {i.value for i in even} == {600000}  # 36 000 kr in six purchases of 6 000 kr
    # 6 000 kr over 48 months = 125 kr a month: 6+5+4+3+2+1 = 21 months in 2024
    assert depreciation_forecast([], even, 2024) == Decimal("2625.00")
    (october,) = planned_items([row], [budget], _config(10), end)
    assert (october.acquired, october.value) == (date(2024, 10, 1), 3600000)
    assert depreciation_forecast([], [october], 2024) == Decimal("2250.00")
    # a month already passed: bought the month after the period
    (july,) = planned_items([row], [budget], _config(3), end)
    assert july.acquired == date(2024, 7, 1)
    assert planned_items([row], [budget], _config(), date(2024, 12, 31)) == []


def test_comparison_tolerates_at_most_the_tolerance() -> None:
    where = SourceRef("prognos.csv", 4)
    args = (Decimal("1000000.00"), 2024, "Avskrivningar")
    assert (
        compare_depreciation_forecast(
            Decimal("1000500.00"), *args, source=where, tolerance=Decimal(500)
        )
        == []
    )
    (diag,) = compare_depreciation_forecast(
        Decimal("1000500.01"), *args, source=where, tolerance=Decimal(500)
    )
    assert diag.code == "AST050" and diag.severity is Severity.WARNING
    assert "prognosfilen 1 000 000,00 kr" in diag.message
    assert "helårsprognos 1 000 500,01 kr" in diag.message
    assert "skillnad -500,01 kr" in diag.message


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("planned_purchase_month", 13),
        ("planned_purchase_month", "7"),
        ("forecast_depreciation", "x"),
    ],
)
def test_bad_forecast_settings_are_ast020(key: str, value: object) -> None:
    section = {
        "categories": {
            "it3": {
                "life_years": 3,
                "asset_account": "1221",
                "depreciation_account": "1229",
                "expense_account": "68300",
            }
        },
        key: value,
    }
    config, diags = asset_config(section)
    assert config is None
    assert [d.code for d in diags] == ["AST020"]
    assert key in diags[0].message

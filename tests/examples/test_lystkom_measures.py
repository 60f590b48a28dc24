"""The Lystkom example's report.json: sick leave as in the seed, goals measured on its figures.

``redovisa build examples/lystkom-2024-06 --format json`` must contain the sick-leave tables
with the seed report's figures (seed-figures.csv), and the surplus goal must be assessed from
the report's own resultaträkning (forecast 777 / 45 425 tkr = 1.7 %: ej uppfyllt), not from
the seed's text.
"""

from __future__ import annotations

import copy
import csv
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redovisa.cli.build_cmd import build
from redovisa.core.table import round_half_away

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lystkom-2024-06"
SURPLUS = "Lystkoms årliga överskott ska minst motsvara 2 % av omsättningen"
# the seed's row labels -> ours (LKBR wording; docs/sick-leave.md)
SEED_LABELS = {
    "0-29 år": "29 år eller yngre",
    "30-49 år": "30–49 år",
    "50- år": "50 år eller äldre",
    "Kvinna": "Kvinnor",
    "Man": "Män",
    "Totalt": "Totalt",
}
SEED_COLUMNS = {"0": "period", "1": "foregaende"}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("lystkom-measures")
    result = CliRunner().invoke(build, [str(EXAMPLE), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def _tables(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in report["tables"]}


def _rows(table: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["label"]: r for r in table["rows"]}


def test_report_json_has_the_goal_and_sick_leave_tables(report: dict[str, Any]) -> None:
    tables = _tables(report)
    ids = ["sjukfranvaro_alder", "sjukfranvaro_kon", "sjukfranvaro_nyckeltal",
           "sjukfranvaro_enhet", "maluppfyllelse"]  # fmt: skip
    assert [i for i in tables if i in ids] == ids
    for table_id in ids[:4]:
        for row in tables[table_id]["rows"]:
            assert row["unit"] == "procent", (table_id, row["label"])
            assert row["kind"] in ("item", "total")
    nyckeltal = _rows(tables["sjukfranvaro_nyckeltal"])
    assert len(nyckeltal) == 7  # the seven statutory figures
    assert nyckeltal["Andel långtidssjukfrånvaro (60 dagar eller mer)"]["values"] == {
        "period": 20.7,
        "foregaende": 25.0,
    }
    units = _rows(tables["sjukfranvaro_enhet"])
    assert {k: v["values"]["period"] for k, v in units.items()} == {"IT": 3.3, "Kundtjänst": 4.1}


def test_sick_leave_tables_equal_the_seed(report: dict[str, Any], seed_dir: Path) -> None:
    path = seed_dir / "seed-figures.csv"
    if not path.is_file():
        pytest.skip("seed-figures.csv is not present")
    with path.open(encoding="utf-8", newline="") as fh:
        seed = [r for r in csv.DictReader(fh) if r["table"].startswith("sjukfranvaro_")]
    assert len(seed) == 14
    tables = _tables(report)
    compared = 0
    for r in seed:
        row = _rows(tables[r["table"]])[SEED_LABELS[r["label"]]]
        shown = row["values"][SEED_COLUMNS[r["col_index"]]]
        assert shown == float(r["value"]), (r["table"], r["label"], r["col_label"])
        compared += 1
    assert compared == 14
    # every row we show is one the seed has
    for table_id in ("sjukfranvaro_alder", "sjukfranvaro_kon"):
        seed_rows = {SEED_LABELS[r["label"]] for r in seed if r["table"] == table_id}
        assert set(_rows(tables[table_id])) == seed_rows


def test_surplus_goal_is_assessed_from_the_built_figures(report: dict[str, Any]) -> None:
    tables = _tables(report)
    rr = _rows(tables["resultatrakning"])
    goal = _rows(tables["maluppfyllelse"])[SURPLUS]

    def share(column: str) -> Fraction:
        result = Fraction(rr["Periodens resultat"]["exact"][column])
        turnover = Fraction(rr["Verksamhetens intäkter"]["exact"][column]) + Fraction(
            rr["Medlemsavgifter"]["exact"][column]
        )
        return 100 * result / turnover

    forecast, outcome = share("prognos"), share("utfall")
    assert rr["Periodens resultat"]["values"]["prognos"] == 777
    assert forecast < 2 < outcome  # 1.7 % for the year; the half year's 7.3 % is no annual figure
    assert goal["exact"]["prognos"] == str(round_half_away(forecast, 6))
    assert goal["exact"]["utfall"] == str(round_half_away(outcome, 6))
    assert goal["values"] == {"utfall": "7,3 %", "prognos": "1,7 %", "bedomning": "ej uppfyllt"}
    assert goal["notes"]["bedomning"] == "Bedömd på prognosen för året."
    assert goal["unit"] == "procent"
    area = _rows(tables["maluppfyllelse"])["Samlad bedömning: Målområde 5. Finansiellt"]
    assert area["values"] == {"bedomning": "ej uppfyllt"}


def test_sick_leave_tables_pass_the_report_checks(report: dict[str, Any]) -> None:
    """The sick-leave cross-checks find nothing in the built report, and do see a wrong total."""
    from redovisa.checks import check_report

    def codes(data: dict[str, Any]) -> set[str]:
        return {d.code for d in check_report(data) if d.code in ("XTAB008", "SUM005")}

    assert codes(report) == set()
    broken = copy.deepcopy(report)
    kon = _rows(_tables(broken)["sjukfranvaro_kon"])
    kon["Totalt"]["values"]["period"] = 9.9
    assert codes(broken) == {"XTAB008", "SUM005"}

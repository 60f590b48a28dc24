"""``redovisa assets ...`` on the Lystkom example and on a broken copy of it (CliRunner)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from redovisa.cli.assets_cmd import assets
from redovisa.sie import read_sie

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the example whose register lost 1 000 kr on the new vehicle (F23-001)."""
    copy = tmp_path / "lystkom"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("build"))
    register = copy / "data" / "assets.csv"
    text = register.read_text(encoding="utf-8")
    assert ",217007.05," in text
    register.write_text(text.replace(",217007.05,", ",216007.05,"), encoding="utf-8")
    return copy


@pytest.mark.parametrize("day", ["2023-06-30", "2023-12-31", "2024-06-30"])
def test_reconcile_the_example_has_no_differences(runner: CliRunner, day: str) -> None:
    result = runner.invoke(assets, ["reconcile", str(EXAMPLE), "--at", day])
    assert result.exit_code == 0, result.output
    assert f"registret stämmer med huvudboken per {day}" in result.output


def test_reconcile_reports_each_difference_and_exits_1(runner: CliRunner, broken: Path) -> None:
    result = runner.invoke(assets, ["reconcile", str(broken)])
    assert result.exit_code == 1
    lines = [x for x in result.stderr.splitlines() if " AST030 " in x]
    assert any(
        x.startswith(
            "data/assets.csv: AST030 konto 1241 2024-06-30: registret 216 007,05 kr,"
            " huvudboken 217 007,05 kr, skillnad -1 000,00 kr"
        )
        for x in lines
    ), lines
    # the depreciation of the smaller vehicle differs too, on 1249 and on 68400
    assert any("konto 1249" in x for x in lines)
    assert any("periodens avskrivningar på konto 68400" in x for x in lines)
    assert "skillnader mot huvudboken per 2024-06-30" in result.output


def test_schedule_totals_match_the_ledger_half_year(runner: CliRunner) -> None:
    result = runner.invoke(
        assets,
        ["schedule", str(EXAMPLE), "--from", "2024-01", "--to", "2024-06", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == "5790000.00"  # seed: Årets avskrivningar -5 790 tkr
    assert data["totals"]["konto"] == {"68300": "5772003.81", "68400": "17996.19"}
    assert data["totals"]["ansvar"] == {"81141": "5790000.00"}
    assert sum(len(a["id"]) > 0 for a in data["assets"]) == len(data["assets"]) > 50


def test_schedule_of_a_register_file_as_csv(runner: CliRunner) -> None:
    register = EXAMPLE / "data" / "assets.csv"
    result = runner.invoke(
        assets,
        ["schedule", str(register), "--from", "2024-01", "--to", "2024-01", "--format", "csv"],
    )
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0] == "asset_id,category,cost_centre,project,month,amount"
    # 215 954,28 kr over 72 months: acc(3) - acc(2) = 8 998,10 - 5 998,73
    assert "F23-001,fordon,81141,,2024-01,2999.37" in rows


def test_schedule_text_is_swedish(runner: CliRunner) -> None:
    result = runner.invoke(assets, ["schedule", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Avskrivningar 2024-01-01–2024-06-30" in result.output
    assert "Totalt 5 790 000,00 kr" in result.output


def test_vouchers_write_sie_4i_that_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "av.si"
    result = runner.invoke(
        assets, ["vouchers", str(EXAMPLE), "--period", "2024-01..2024-06", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    sie, diags = read_sie(out)
    assert [d for d in diags if d.is_error] == []
    assert len(sie.vouchers) == 6
    assert all(sum(p.amount for p in v.postings) == 0 for v in sie.vouchers)
    expense = sum(p.amount for v in sie.vouchers for p in v.postings if p.account == "68400")
    assert str(expense) == "17996.19"


def test_vouchers_bad_period_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        assets, ["vouchers", str(EXAMPLE), "--period", "2024-13", "--out", str(tmp_path / "x.si")]
    )
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM" in result.output


def test_propose_lists_purchases_and_warns_on_credits(runner: CliRunner) -> None:
    result = runner.invoke(assets, ["propose", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0].startswith("asset_id,description,category,acquisition_date")
    assert len(rows) > 1
    # the 2023 scrapping credits the asset accounts: reported, not proposed
    assert "AST040 verifikation" in result.stderr
    assert "krediterar tillgångskontot 1241 med 504 360,00 kr" in result.stderr


def test_project_without_register(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "redovisa.toml").write_text(
        '[organisation]\nname = "X"\n[report]\nkind = "delårsrapport"\n'
        "period_start = 2024-01-01\nperiod_end = 2024-06-30\n[sources]\nledger = []\n",
        encoding="utf-8",
    )
    result = runner.invoke(assets, ["reconcile", str(tmp_path)])
    assert result.exit_code == 1
    assert "inget anläggningsregister" in result.output


def test_progress_path_gives_the_same_totals(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["schedule", str(EXAMPLE), "--format", "json"]
    plain = json.loads(runner.invoke(assets, args).stdout)
    monkeypatch.setattr("redovisa.cli.assets_cmd.PROGRESS_FROM", 10)
    monkeypatch.setattr("redovisa.cli.assets_cmd.CHUNK", 7)
    result = runner.invoke(assets, args)
    assert result.exit_code == 0, result.output
    assert "Beräknar avskrivningar" in result.stderr
    chunked = json.loads(result.stdout)
    assert chunked["totals"] == plain["totals"]
    assert chunked["total"] == plain["total"] == "5790000.00"

"""``redovisa goals``: the assessment table of a project, measured as in the report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from redovisa import cli
from redovisa.cli.goals_cmd import goals

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"
SURPLUS = "Lystkoms årliga överskott ska minst motsvara 2 % av omsättningen"


def test_goals_text_shows_every_area_with_its_assessment() -> None:
    result = CliRunner().invoke(goals, [str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Måluppfyllelse, målvärden 2024"
    at = lines.index(f"  {SURPLUS}")
    assert lines[at + 1 : at + 4] == [
        "    Utfall per 2024-06-30: 7,3 %",
        "    Prognos per 2024-12-31: 1,7 %",
        "    Bedömning: ej uppfyllt (Bedömd på prognosen för året.)",
    ]
    areas = [line for line in lines if line.startswith("Målområde ")]
    assert len(areas) == 5
    combined = [line.split(": ", 1)[1] for line in lines if "Samlad bedömning" in line]
    assert combined == ["delvis uppfyllt", "uppfyllt", "delvis uppfyllt", "uppfyllt",
                        "ej uppfyllt"]  # fmt: skip


def test_goals_json_is_the_report_table() -> None:
    result = CliRunner().invoke(goals, [str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0
    table = json.loads(result.stdout)
    assert table["id"] == "maluppfyllelse"
    row = next(r for r in table["rows"] if r["label"] == SURPLUS)
    assert row["values"]["bedomning"] == "ej uppfyllt"
    assert row["exact"]["prognos"] == "1.710512"  # 777 000 / 45 425 000 kr


def test_project_without_goals_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build", "goals.toml"))
    toml = (root / "redovisa.toml").read_text(encoding="utf-8")
    toml = toml.replace('[goals]\nfile = "goals.toml"', "[goals]")
    (root / "redovisa.toml").write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(goals, [str(root)])
    assert result.exit_code == 1
    assert "har inga mål" in result.stderr


def test_bad_goals_file_is_reported_with_line_and_exit_1(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build"))
    text = (root / "goals.toml").read_text(encoding="utf-8").replace('op = "<"', 'op = "<<"', 1)
    (root / "goals.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(goals, [str(root)])
    assert result.exit_code == 1
    assert "goals.toml:" in result.stderr and "GOAL012 'op' = '<<'" in result.stderr
    assert "Måluppfyllelse" in result.stdout  # the other målvärden are still assessed


def test_commands_are_registered() -> None:
    cli._register()
    assert "goals" in cli.cli.commands
    hr = cli.cli.commands["hr"]
    assert hasattr(hr, "commands") and "sickleave" in hr.commands

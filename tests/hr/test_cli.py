"""``redovisa hr sickleave``: the sick-leave figures of an export or a project, in Swedish."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from redovisa.cli.goals_cmd import default_period, hr, parse_period
from redovisa.hr import Period

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"
HEADER = "employee,birth_year,gender,unit,month,ordinary_hours,sick_hours,spell_start,spell_end"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(hr, ["sickleave", *args])
    return result.exit_code, result.stdout, result.stderr


def test_project_gives_the_seven_figures_for_its_period() -> None:
    code, out, err = _run(str(EXAMPLE))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Obligatoriska nyckeltal för sjukfrånvaro"
    assert lines[2].split() == ["jan–juni", "2024", "jan–juni", "2023"]
    assert lines[3].split()[-2:] == ["3,6", "3,0"]  # Total sjukfrånvaro, as in the seed
    assert lines[4].startswith("Andel långtidssjukfrånvaro") and lines[4].split()[-2:] == [
        "20,7",
        "25,0",
    ]
    assert "Not: Långtidssjukfrånvaron anges i procent av den totala sjukfrånvaron." in lines


def test_export_by_unit_for_a_chosen_period_as_json() -> None:
    code, out, _ = _run(
        str(EXAMPLE / "data" / "absence.csv"), "--by", "unit", "--period", "2024-01..2024-06",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    (table,) = json.loads(out)
    assert table["id"] == "sjukfranvaro_enhet"
    values = {r["label"]: r["values"] for r in table["rows"]}
    assert values == {
        "IT": {"period": 3.3, "foregaende": 3.2},
        "Kundtjänst": {"period": 4.1, "foregaende": 2.6},
    }


def test_age_groups_as_csv_with_exact_values() -> None:
    code, out, _ = _run(str(EXAMPLE), "--by", "age", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["tabell", "rad", "kolumn", "värde", "exakt", "anmärkning"]
    total = [r for r in rows if r["rad"] == "Totalt"]
    assert [(r["värde"], r["exakt"]) for r in total] == [("3.6", "3.593503"), ("3.0", "2.993484")]


def test_small_groups_are_hidden_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "absence.csv"
    lines = [f"E{i},1980,{'K' if i < 3 else 'M'},IT,2024-02,160,{i},2024-02-01," for i in range(14)]
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    code, out, _ = _run(str(path), "--by", "gender")
    assert code == 0
    women = next(line for line in out.splitlines() if line.startswith("Kvinnor"))
    assert women.split() == ["Kvinnor", "–"]  # 3 women: not shown; no 2023 data: one column
    assert "Not: Redovisas inte: gruppen har tio eller färre anställda." in out
    assert "feb 2024" in out.splitlines()[2]  # the default period: the latest year's months


def test_bad_rows_are_reported_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "absence.csv"
    good = [f"E{i},1980,K,IT,2024-01,160,0,," for i in range(12)]
    path.write_text("\n".join([HEADER, *good, "E99,19x0,K,IT,2024-01,160,0,,"]) + "\n", "utf-8")
    code, out, err = _run(str(path))
    assert code == 1
    assert err.startswith(f"{path}:14: HR003 Raden hoppas över: födelseår '19x0'")
    assert "Total sjukfrånvaro" in out  # the good rows are still shown


def test_usage_errors(tmp_path: Path) -> None:
    code, _, err = _run(str(EXAMPLE), "--period", "första halvåret")
    assert code == 2 and "2024-01..2024-06" in err
    (tmp_path / "redovisa.toml").write_text("[organisation]\nname = 'X'\n", encoding="utf-8")
    code, _, err = _run(str(tmp_path))
    assert code == 1 and "ingen HR-export" in err


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024-01..2024-06", Period(date(2024, 1, 1), date(2024, 6, 30))),
        ("2024-02", Period(date(2024, 2, 1), date(2024, 2, 29))),
        ("2023", Period(date(2023, 1, 1), date(2023, 12, 31))),
        ("2023-11..2024-02", Period(date(2023, 11, 1), date(2024, 2, 29))),
        ("2024-06..2024-01", None),
        ("2024-13", None),
        ("juni", None),
    ],
)
def test_parse_period(text: str, period: Period | None) -> None:
    assert parse_period(text) == period


def test_default_period_is_the_latest_year_in_the_export() -> None:
    assert default_period([]) is None

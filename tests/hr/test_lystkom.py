"""Golden: the Lystkom example's HR export reproduces the seed report's sick-leave tables."""

from __future__ import annotations

import csv
import importlib.util
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.core.chart import bar_chart_svg
from redovisa.hr import (
    Period,
    age_table,
    figure_values,
    gender_table,
    key_figures_table,
    read_absence,
    sick_leave,
    sick_leave_by_unit,
    sick_leave_chart,
    unit_table,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"
H1_2024 = Period(date(2024, 1, 1), date(2024, 6, 30))

# As printed in the seed (seed-figures.csv), per our row labels.
EXPECTED = {
    "sjukfranvaro_alder": {
        "29 år eller yngre": ("3.1", "1.1"),
        "30–49 år": ("2.8", "2.6"),
        "50 år eller äldre": ("4.8", "3.9"),
        "Totalt": ("3.6", "3.0"),
    },
    "sjukfranvaro_kon": {
        "Kvinnor": ("4.6", "2.7"),
        "Män": ("2.8", "3.2"),
        "Totalt": ("3.6", "3.0"),
    },
}
SEED_LABELS = {
    "0-29 år": "29 år eller yngre",
    "30-49 år": "30–49 år",
    "50- år": "50 år eller äldre",
    "Kvinna": "Kvinnor",
    "Man": "Män",
    "Totalt": "Totalt",
}


@pytest.fixture(scope="module")
def tables() -> dict[str, object]:
    rows, diags = read_absence(EXAMPLE / "data" / "absence.csv")
    assert diags == []
    current, previous = sick_leave(rows, H1_2024), sick_leave(rows, H1_2024.previous_year())
    return {
        "rows": rows,
        "current": current,
        "sjukfranvaro_alder": age_table(current, previous),
        "sjukfranvaro_kon": gender_table(current, previous),
        "sjukfranvaro_nyckeltal": key_figures_table(current, previous),
    }


def _shown(table: object) -> dict[str, tuple[str, str]]:
    return {
        r.label: (str(r.cells["period"].value), str(r.cells["foregaende"].value))
        for r in table.rows  # type: ignore[attr-defined]
    }


def test_tables_reproduce_the_seed(tables: dict[str, object]) -> None:
    for table_id, expected in EXPECTED.items():
        assert _shown(tables[table_id]) == expected
        assert tables[table_id].id == table_id  # type: ignore[attr-defined]


def test_tables_match_seed_figures_csv(tables: dict[str, object], seed_dir: Path) -> None:
    with (seed_dir / "seed-figures.csv").open(encoding="utf-8") as f:
        seed = [r for r in csv.DictReader(f) if r["table"].startswith("sjukfranvaro")]
    assert len(seed) == 14
    for r in seed:
        cell = tables[r["table"]].cell(  # type: ignore[attr-defined]
            SEED_LABELS[r["label"]], "period" if r["col_index"] == "0" else "foregaende"
        )
        assert cell.value == Decimal(r["value"]), r


def test_all_seven_figures_are_shown_with_labels(tables: dict[str, object]) -> None:
    table = tables["sjukfranvaro_nyckeltal"]
    assert [r.label for r in table.rows][:2] == [  # type: ignore[attr-defined]
        "Total sjukfrånvaro",
        "Andel långtidssjukfrånvaro (60 dagar eller mer)",
    ]
    assert _shown(table)["Andel långtidssjukfrånvaro (60 dagar eller mer)"] == ("20.7", "25.0")
    assert table.columns[0].label.endswith("jan–juni 2024")  # type: ignore[attr-defined]


def test_units_and_goal_figures(tables: dict[str, object]) -> None:
    rows = tables["rows"]
    units = sick_leave_by_unit(rows, H1_2024)  # type: ignore[arg-type]
    table = unit_table(units, sick_leave_by_unit(rows, H1_2024.previous_year()))  # type: ignore[arg-type]
    assert {r.label: r.cells["period"].text for r in table.rows} == {
        "IT": "3,3",
        "Kundtjänst": "4,1",
    }
    values = figure_values(tables["current"])  # type: ignore[arg-type]
    assert sorted(values) == [f"hr.{k}" for k in sorted(
        ["total", "long", "women", "men", "age_29", "age_30", "age_50"])]  # fmt: skip
    assert (
        Decimal("3.55")
        <= Decimal(values["hr.total"].numerator) / values["hr.total"].denominator
        < Decimal("3.65")
    )


def test_chart_is_deterministic_and_accessible(tables: dict[str, object]) -> None:
    chart = sick_leave_chart(tables["sjukfranvaro_alder"])  # type: ignore[arg-type]
    svg = bar_chart_svg(chart)
    assert svg == bar_chart_svg(sick_leave_chart(tables["sjukfranvaro_alder"]))  # type: ignore[arg-type]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "50 år eller äldre: jan–juni 2024: 4,8 %, jan–juni 2023: 3,9 %." in svg
    assert svg.count("<rect") == 8 + 2  # 4 rows x 2 periods, and 2 legend keys


def test_generator_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("gen", EXAMPLE / "tools" / "gen_hr_kpi.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "gen", gen)
    spec.loader.exec_module(gen)
    monkeypatch.setattr(gen, "DATA", tmp_path)
    gen.main()
    for name in ("absence.csv", "kpi/calls.csv", "kpi/tickets.csv", "kpi/series.csv"):
        assert (tmp_path / name).read_bytes() == (EXAMPLE / "data" / name).read_bytes(), name

"""The register wired into the report: note 5 from the register, disagreements as diagnostics."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.report.build import build_document

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "lystkom"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("build"))
    return copy


def _ast(diags: list) -> list[str]:  # type: ignore[type-arg]
    return [d.format_text() for d in diags if d.code.startswith("AST")]


def test_example_note_5_comes_from_the_register_without_differences() -> None:
    doc, diags = build_document(EXAMPLE)
    assert doc is not None
    # the only AST finding: the forecast file's depreciation against the register's
    # (tests/assets/test_forecast_link.py)
    assert [x.split(" avskrivningar")[0] for x in _ast(diags)] == ["data/forecast.csv:9: AST050"]
    note = doc.table("not_5")
    assert note.value("avskrivningar", "utfall") == Decimal("-5790000.00")
    assert note.value("varav_fordon", "utfall") == Decimal("193012.13")
    assert note.value("varav_fordon", "utfall_fg") == Decimal("42030.00")
    assert note.value("redovisat_varde", "utfall_fg") == Decimal("24312510.00")  # 24 313 tkr


def test_a_register_that_disagrees_gives_build_errors(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    register = copy / "data" / "assets.csv"
    text = register.read_text(encoding="utf-8")
    # the new vehicle bought for 1 000 kr less than the ledger says
    register.write_text(text.replace(",217007.05,", ",216007.05,"), encoding="utf-8")
    doc, diags = build_document(copy)
    assert doc is not None
    found = _ast(diags)
    assert any(
        "AST030 konto 1241 2024-06-30: registret 216 007,05 kr, huvudboken 217 007,05 kr" in x
        for x in found
    ), found
    assert any(
        "rad 'Utgående anskaffningsvärde'" in x and "skillnad -1 000,00 kr" in x for x in found
    )
    assert all(x.startswith("data/assets.csv: AST030 ") for x in found if "AST050" not in x)
    # the note shows the register's figure
    assert doc.table("not_5").value("ub_anskaffning", "utfall") == Decimal("64985999.99")


def test_investment_outcome_per_project_is_checked(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    register = copy / "data" / "assets.csv"
    lines = register.read_text(encoding="utf-8").splitlines()
    # move one IT5 purchase of 2024 to project IT6 in the register only
    index = next(i for i, x in enumerate(lines) if ",IT5," in x)
    lines[index] = lines[index].replace(",IT5,", ",IT6,")
    register.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _doc, diags = build_document(copy)
    found = [d for d in diags if d.code == "AST031"]
    assert sorted(d.message.split()[1] for d in found) == ["IT5", "IT6"]
    assert all("dimension 6" in d.message for d in found)


def test_project_without_assets_section_is_unchanged(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    toml = copy / "redovisa.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.split("\n[assets]")[0].rsplit("\n#", 2)[0] + "\n", encoding="utf-8")
    doc, diags = build_document(copy)
    assert doc is not None and _ast(diags) == []
    assert doc.table("not_5").value("avskrivningar", "utfall") == Decimal("-5790000.00")


@pytest.mark.parametrize("bad", ["register = 7", 'register = "data/saknas.csv"'])
def test_bad_register_setting_is_a_diagnostic(tmp_path: Path, bad: str) -> None:
    copy = _copy(tmp_path)
    toml = copy / "redovisa.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('register = "data/assets.csv"', bad), encoding="utf-8")
    doc, diags = build_document(copy)
    assert doc is not None
    assert [d.code for d in diags if d.code.startswith("AST")] in (["AST020"], ["AST001"])

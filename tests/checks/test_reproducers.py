"""One reproducer per check code: a small report that produces exactly that code."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.checks.corpus.generate import _inject, clean_report, to_json, to_markdown

import redovisa.checks
from redovisa.checks import check_file, check_report
from redovisa.core.diagnostics import Severity

# code -> corpus injection kind that reproduces it
BY_KIND = {
    "SUM001": "rr_subtotal",
    "SUM003": "deviation",
    "SUM004": "balance",
    "SUM005": "sick_total",
    "XTAB001": "result_balanskrav",
    "XTAB002": "cash_opening",
    "XTAB003": "depreciation",
    "XTAB004": "investments",
    "XTAB005": "note_vs_statement",
    "XTAB006": "drift_total",
    "XTAB007": "prior",
    "XTAB008": "sick_tables",
    "LBL001": "varav",
    "LBL002": "result_label",
    "TXT001": "text_debt",
    "GOAL001": "goal_table",
    "XTAB009": "kf_working_capital",
    "XTAB010": "kf_adjusted",
    "XTAB011": "opening_note",
}


@pytest.mark.parametrize("code", sorted(BY_KIND))
def test_error_code_reproducer(code: str, tmp_path: Path) -> None:
    rep = clean_report(7)
    _inject(rep, BY_KIND[code], random.Random(3))
    prior = to_json(rep, rep.prior) if rep.prior is not None else None
    codes = {d.code for d in check_report(to_json(rep), prior) if d.severity is not Severity.INFO}
    assert code in codes
    assert redovisa.checks.CODES[code].severity in (Severity.ERROR, Severity.WARNING)


def test_info_codes_reproducer(tmp_path: Path) -> None:
    rep = clean_report(7)
    rr = rep.row("resultatrakning", "Verksamhetens nettokostnader")
    rr["values"]["2024-06-30"] += 1  # RND001: within 0.5 per summand
    section, text = rep.paragraphs[3]
    p24 = rep.row("investeringsredovisning", "Totalt")["values"]["2024-06-30"]
    rounded = round(p24, -2)
    rep.paragraphs[3] = (
        section,
        text.replace(f"{p24:,}".replace(",", " "), f"{rounded:,}".replace(",", " ")),
    )
    rep.paragraphs.append(("Övrigt", "Förbundet fick 987 654 tkr i gåva."))  # TXT002
    path = tmp_path / "r.md"
    path.write_text(to_markdown(rep), encoding="utf-8")
    found = check_file(path)
    codes = {d.code for d in found}
    assert {"RND001", "TXT002"} <= codes
    assert ("TXT003" in codes) == (rounded != p24)
    assert not [d for d in found if d.is_error]


def test_every_code_has_a_reproducer() -> None:
    assert set(redovisa.checks.CODES) == set(BY_KIND) | {"RND001", "TXT002", "TXT003"}


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    import click

    from redovisa.cli.check_cmd import check

    group = click.Group()
    group.add_command(check)
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps(to_json(clean_report(5))), encoding="utf-8")
    assert CliRunner().invoke(group, ["check", str(clean)]).exit_code == 0
    rep = clean_report(5)
    _inject(rep, "rr_subtotal", random.Random(1))
    bad = tmp_path / "bad.md"
    bad.write_text(to_markdown(rep), encoding="utf-8")
    result = CliRunner().invoke(group, ["check", str(bad), "--format", "json"])
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    sums = [i for i in items if i["code"] == "SUM001"]
    assert sums and sums[0]["table"] == "resultatrakning"
    assert sums[0]["row"] == "Verksamhetens nettokostnader"
    assert isinstance(sums[0]["expected"], int) and isinstance(sums[0]["actual"], int)
    missing = tmp_path / "x.pdf"
    missing.write_bytes(b"not a pdf")
    out = CliRunner().invoke(group, ["check", str(missing)])
    assert out.exit_code == 1 and "RDR001" in out.output

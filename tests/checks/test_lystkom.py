"""The Lystkom example built by redovisa gives no error-level findings (issue 5, point 9)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from redovisa.checks import check_checked, check_report
from redovisa.checks.model import CheckedReport, CheckedRow, CheckedTable, Column, RowKind
from redovisa.core.diagnostics import Severity

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"


@pytest.fixture(scope="module")
def lystkom_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from redovisa import cli

    cli._register()
    if not EXAMPLE.is_dir() or "build" not in cli.cli.commands:
        pytest.skip("the Lystkom example or redovisa build is not available")
    out = tmp_path_factory.mktemp("lystkom")
    result = CliRunner().invoke(
        cli.cli, ["build", str(EXAMPLE), "--format", "json", "--out", str(out)]
    )
    path = out / "report.json"
    if not path.is_file():
        pytest.skip(f"redovisa build did not write report.json: {result.output[-300:]}")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_lystkom_example_has_no_error_findings(lystkom_json: dict[str, object]) -> None:
    found = check_report(lystkom_json)
    errors = [(d.code, str(d.where), d.expected, d.actual) for d in found if d.is_error]
    assert errors == []
    tables = lystkom_json["tables"]
    assert isinstance(tables, list)
    ids = {t["id"] for t in tables}
    assert {"resultatrakning", "balansrakning", "kassaflodesanalys", "not_5"} <= ids


def test_restating_subtotals_are_parts_of_the_total_below() -> None:
    """The Lystkom asset note restates its closing rows as subtotals, then adds them."""
    col = Column("a", "2024-06-30")

    def v(x: int) -> dict[str, Decimal]:
        return {"a": Decimal(x)}

    rows = [
        CheckedRow("Ingående anskaffningsvärde", values=v(54003)),
        CheckedRow("Inköp", values=v(10984)),
        CheckedRow("Utgående anskaffningsvärde", RowKind.SUBTOTAL, values=v(64987)),
        CheckedRow("Ingående ack avskrivningar", values=v(-33216)),
        CheckedRow("Årets avskrivningar", values=v(-5790)),
        CheckedRow("Utgående ack avskrivningar", RowKind.SUBTOTAL, values=v(-39006)),
        CheckedRow("Summa maskiner och inventarier", RowKind.TOTAL, values=v(25981)),
        CheckedRow("- varav inventarier", values=v(25788)),
        CheckedRow("Anskaffningsvärde", RowKind.SUBTOTAL, values=v(64987)),
        CheckedRow("Ackumulerade av- och nedskrivningar", RowKind.SUBTOTAL, values=v(-39006)),
        CheckedRow("Redovisat värde", RowKind.TOTAL, values=v(25981)),
    ]
    table = CheckedTable("not_5", "Not 5 Maskiner och inventarier (tkr)", [col], rows)
    assert [
        d for d in check_checked(CheckedReport([table])) if d.severity is not Severity.INFO
    ] == []
    rows[-1].values["a"] = Decimal(25000)
    found = [d for d in check_checked(CheckedReport([table])) if d.is_error]
    assert [(d.code, d.expected, d.actual) for d in found] == [("SUM001", "25981", "25000")]

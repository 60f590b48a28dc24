"""redovisa's own outputs of the Lystkom example check clean in every format (issue 5).

The example is built once (``redovisa build --format all``, which also runs the checks on
the report model); each written file is then read back by ``redovisa check``'s readers.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redovisa.checks import CheckedReport, check_file, read_report
from redovisa.core.diagnostics import ReportRef, Severity

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lystkom-2024-06"
FORMATS = ("md", "html", "docx", "xlsx", "pdf")
# tables every format must show (so "no findings" is not "nothing read")
TABLES = {
    "resultatrakning",
    "balansrakning",
    "kassaflodesanalys",
    "driftredovisning",
    "investeringsredovisning",
    "balanskravsutredning",
    "maluppfyllelse",
    *(f"not_{n}" for n in range(1, 11)),
}


def _figures(report: CheckedReport) -> list[tuple[str, str, list[Decimal]]]:
    return [
        (t.id, r.label, list(r.values.values()))
        for t in report.tables
        if t.id in TABLES
        for r in t.rows
        if r.values
    ]


def _build(*args: str) -> tuple[int, str]:
    from redovisa.cli.build_cmd import build

    result = CliRunner().invoke(build, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("typst")
    pytest.importorskip("docx")
    pytest.importorskip("pdfplumber")
    if not EXAMPLE.is_dir():
        pytest.skip("the Lystkom example is not in this checkout")
    out = tmp_path_factory.mktemp("own-outputs")
    code, output = _build(str(EXAMPLE), "--format", "all", "--out", str(out))
    assert code == 0, output[-2000:]
    paths = {fmt: out / f"rapport.{fmt}" for fmt in FORMATS}
    paths["json"] = out / "report.json"
    for p in paths.values():
        assert p.is_file(), p
    return paths


@pytest.mark.parametrize("fmt", FORMATS)
def test_own_output_has_no_error_or_warning_findings(built: dict[str, Path], fmt: str) -> None:
    report, diags = read_report(built[fmt])
    assert report is not None, diags
    assert {t.id for t in report.tables} >= TABLES
    md, _ = read_report(built["md"])
    assert md is not None
    # the same figures are read from every format
    assert _figures(report) == _figures(md)
    found = [
        (d.code, str(d.where), d.message)
        for d in check_file(built[fmt])
        if d.severity is not Severity.INFO
    ]
    assert found == []


def test_sum_rows_are_read_from_the_markup(built: dict[str, Path]) -> None:
    """HTML row headers (th scope=row) are no sums; <tr class="subtotal"> rows are."""
    for fmt in ("html", "pdf", "docx", "xlsx"):
        report, _ = read_report(built[fmt])
        assert report is not None
        rr = report.table("resultatrakning")
        assert rr is not None
        sums = [r.label for r in rr.rows if r.is_sum]
        assert "Verksamhetens nettokostnader" in sums, (fmt, sums)
        assert "Verksamhetens intäkter" not in sums, fmt


def _injected(built: dict[str, Path], fmt: str, old: str, new: str, tmp: Path) -> Path:
    text = built[fmt].read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp / built[fmt].name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _errors(path: Path) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    out = []
    for d in check_file(path):
        if d.severity is Severity.ERROR:
            assert isinstance(d.where, ReportRef)
            out.append((d.code, d.where.table, d.where.row, d.expected, d.actual))
    return out


def test_an_edited_figure_in_the_markdown_is_found(built: dict[str, Path], tmp_path: Path) -> None:
    # Not 2, 2024-06-30: "Varor och material" 424 printed as 524; its subtotal shows 6 824
    row = "| Varor och material | 424 |"
    path = _injected(built, "md", row, "| Varor och material | 524 |", tmp_path)
    errors = _errors(path)
    assert ("SUM001", "not_2", "Summa övriga kostnader", "6924", "6824") in errors, errors


def test_an_edited_figure_in_the_html_is_found(built: dict[str, Path], tmp_path: Path) -> None:
    cell = '<th scope="row">Verksamhetens intäkter</th>'
    text = built["html"].read_text(encoding="utf-8")
    start = text.index(cell)
    end = text.index("</tr>", start)
    row = text[start:end]
    edited = row.replace("23\u00a0049", "23\u00a0149", 1)
    assert edited != row
    path = tmp_path / "rapport.html"
    path.write_text(text[:start] + edited + text[end:], encoding="utf-8")
    errors = _errors(path)
    assert any(c == "SUM001" and t == "resultatrakning" for c, t, *_ in errors), errors


def test_build_writes_the_findings_into_report_json(built: dict[str, Path]) -> None:
    data: dict[str, Any] = json.loads(built["json"].read_text(encoding="utf-8"))
    codes = [f["code"] for f in data["findings"]]
    # the example's shown sums differ from their shown parts by rounding only
    assert codes and set(codes) == {"RND001"}
    first = data["findings"][0]
    assert first["severity"] == "info" and first["table"] and first["row"]


def test_build_stops_on_error_findings_unless_no_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redovisa import checks

    real = checks.check_report

    def corrupted(report_json: dict[str, Any], prior: Any = None) -> Any:
        # one figure of the income statement changed in the model the checks read
        for t in report_json["tables"]:
            if t["id"] == "resultatrakning":
                row = t["rows"][0]
                column = next(iter(row["values"]))
                row["values"][column] += 100
        return real(report_json, prior)

    monkeypatch.setattr(checks, "check_report", corrupted)
    code, output = _build(str(EXAMPLE), "--format", "json", "--out", str(tmp_path / "a"))
    assert code == 1
    assert "resultatrakning/Verksamhetens nettokostnader/utfall: SUM001" in output
    assert (tmp_path / "a" / "report.json").is_file()
    code, output = _build(
        str(EXAMPLE), "--format", "json", "--no-check", "--out", str(tmp_path / "b")
    )
    assert code == 0, output
    assert "SUM001" not in output
    code, output = _build(str(EXAMPLE), "--format", "md", "--out", str(tmp_path / "c"))
    assert code == 1
    assert "SUM001" in output


def _granskning(html: str) -> str:
    start = html.index('<section class="level-1 granskningsrapport"')
    return html[start : html.index("</section>", start)]


def test_granskning_flag_appends_the_findings_to_the_html(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    code, output = _build(
        str(EXAMPLE), "--format", "html,json", "--granskning", "--out", str(tmp_path)
    )
    assert code == 0, output
    section = _granskning((tmp_path / "rapport.html").read_text(encoding="utf-8"))
    findings = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"]
    assert '<h2 id="granskningsrapport">Granskningsrapport</h2>' in section
    assert f"<caption>Granskningens fynd: {len(findings)} (redovisa check)</caption>" in section
    assert '<th scope="col">Ska vara</th>' in section
    assert section.count('<tr class="finding"><th scope="row">RND001</th>') == len(findings)
    # the appendix is no report content: the page still checks clean
    assert _errors(tmp_path / "rapport.html") == []


def test_granskning_from_the_project_file(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    project = tmp_path / "projekt"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("build", "__pycache__"))
    toml = project / "redovisa.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            "[render]\n", "[render]\ngranskningsrapport = true\n", 1
        ),
        encoding="utf-8",
    )
    code, output = _build(str(project), "--format", "html", "--out", str(tmp_path / "ut"))
    assert code == 0, output
    html = (tmp_path / "ut" / "rapport.html").read_text(encoding="utf-8")
    assert "RND001" in _granskning(html)
    code, _ = _build(
        str(project), "--format", "html", "--utan-granskning", "--out", str(tmp_path / "ut2")
    )
    assert code == 0
    assert "granskningsrapport" not in (tmp_path / "ut2" / "rapport.html").read_text("utf-8")
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            "granskningsrapport = true", 'granskningsrapport = "ja"'
        ),
        encoding="utf-8",
    )
    code, output = _build(str(project), "--format", "html", "--out", str(tmp_path / "ut3"))
    assert code == 1
    assert "[render] granskningsrapport ska vara true eller false" in output

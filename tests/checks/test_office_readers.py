"""The XLSX, DOCX and PDF readers on real files: tables found, recognised, figures exact,
and exactly the injected errors reported, at the right row, column, page or sheet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.checks.corpus import office
from tests.checks.corpus.generate import C, Report, Y, clean_report

from redovisa.checks import check_checked, read_report
from redovisa.checks.model import CheckedReport
from redovisa.checks.readers.xlsx import shown_number
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity

pytest.importorskip("openpyxl")
pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

SEED = 7
STATEMENTS = {"resultatrakning", "balansrakning", "kassaflodesanalys"}
EXPECTED_IDS = (
    STATEMENTS
    | {f"not_{n}" for n in range(1, 11)}
    | {
        "driftredovisning",
        "investeringsredovisning",
        "balanskravsutredning",
        "sjukfranvaro_alder",
        "sjukfranvaro_kon",
    }
)


def _bad_report() -> tuple[Report, dict[str, Any]]:
    """Three injected errors: an RR subtotal, a KF subtotal, a note item on the last page."""
    rep = clean_report(SEED)
    net = rep.row("resultatrakning", "Verksamhetens nettokostnader")["values"]
    kf = rep.row("kassaflodesanalys", "Kassaflöde från den löpande verksamheten")["values"]
    lev = rep.row("not_10", "Leverantörsskulder")["values"]
    st = rep.row("not_10", "Summa kortfristiga skulder")["values"]
    truth = {"net": net[C], "kf": kf[Y], "st": st[C]}
    net[C] += 250
    kf[Y] -= 400
    lev[C] += 90
    return rep, truth


def _write(rep: Report, fmt: str, folder: Path, name: str) -> Path:
    path = folder / f"{name}.{fmt}"
    {"pdf": office.write_pdf, "xlsx": office.write_xlsx, "docx": office.write_docx}[fmt](rep, path)
    return path


@pytest.fixture(scope="module", params=["xlsx", "docx", "pdf"])
def files(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """(format, clean report as read, report with errors as read, true figures); each file
    is written and read once (reading a PDF takes about two seconds)."""
    fmt = request.param
    if fmt == "pdf":
        pytest.importorskip("typst")
    folder = tmp_path_factory.mktemp(fmt)
    bad, truth = _bad_report()
    clean_read, clean_diags = read_report(_write(clean_report(SEED), fmt, folder, "clean"))
    bad_read, bad_diags = read_report(_write(bad, fmt, folder, "bad"))
    assert clean_read is not None and bad_read is not None
    assert not clean_diags and not bad_diags
    return fmt, clean_read, bad_read, truth


def _rows(report: CheckedReport, tid: str) -> list[tuple[str, list[Decimal]]]:
    table = report.table(tid)
    assert table is not None, tid
    return [
        (r.label.strip(), [r.values[c.id] for c in table.columns if c.id in r.values])
        for r in table.rows
        if r.values
    ]


def _expected_rows(rep: Report, tid: str) -> list[tuple[str, list[Decimal]]]:
    table = rep.table(tid)
    return [
        (
            r["label"],
            [Decimal(str(r["values"][c])) for c, _ in table["columns"] if c in r["values"]],
        )
        for r in table["rows"]
        if r["values"]
    ]


def test_tables_are_found_recognised_and_read_exactly(files: Any) -> None:
    fmt, report, _, _ = files
    ids = {t.id for t in report.tables}
    assert ids >= EXPECTED_IDS, EXPECTED_IDS - ids
    rep = clean_report(SEED)
    for tid in (*sorted(STATEMENTS), "not_2", "not_5", "not_10", "driftredovisning"):
        assert _rows(report, tid) == _expected_rows(rep, tid), (fmt, tid)
    rr = report.table("resultatrakning")
    assert rr is not None
    assert [c.key for c in rr.columns if c.key] == [
        ("actual", C),
        ("actual", "2023-06-30"),
        ("forecast", "2024"),
        ("budget", "2024"),
    ]
    assert [r.note for r in rr.rows[:3]] == ["1", "2", "5"]
    sums = [r.label for r in rr.rows if r.is_sum]
    assert "Verksamhetens nettokostnader" in sums and "Verksamhetens kostnader" not in sums


def test_clean_file_has_no_findings_above_info(files: Any) -> None:
    _, clean, _, _ = files
    found = [d for d in check_checked(clean) if d.severity is not Severity.INFO]
    assert found == []


def _where(d: Diagnostic) -> ReportRef:
    assert isinstance(d.where, ReportRef)
    return d.where


def test_injected_errors_are_found_exactly_with_their_place(files: Any) -> None:
    fmt, _, bad, truth = files
    found = [d for d in check_checked(bad) if d.severity is not Severity.INFO]
    got = {
        (d.code, _where(d).table, _where(d).row, _where(d).column, d.expected, d.actual)
        for d in found
    }
    rr_col = "Utfall 2024-06-30"
    assert got == {
        ("SUM001", "resultatrakning", "Verksamhetens nettokostnader", rr_col,
         str(truth["net"]), str(truth["net"] + 250)),
        ("SUM001", "kassaflodesanalys", "Kassaflöde från den löpande verksamheten", Y,
         str(truth["kf"]), str(truth["kf"] - 400)),
        ("SUM001", "not_10", "Summa kortfristiga skulder", C,
         str(truth["st"] + 90), str(truth["st"])),
    }  # fmt: skip
    places = {_where(d).table: _where(d).section or "" for d in found}
    if fmt == "pdf":
        # one statement per page; the notes run from page 4 onto page 5
        assert places["resultatrakning"].endswith("s. 2")
        assert places["kassaflodesanalys"].endswith("s. 3")
        assert places["not_10"].endswith("s. 5")
    elif fmt == "xlsx":
        rr_row = 4 + [
            r["label"] for r in clean_report(SEED).table("resultatrakning")["rows"]
        ].index("Verksamhetens nettokostnader")
        assert places["resultatrakning"] == f"blad RR, rad {rr_row}"
        assert places["kassaflodesanalys"].startswith("blad KF, rad ")
        assert places["not_10"].startswith("blad Noter, rad ")
    else:
        assert places["resultatrakning"] == "Resultaträkning (tkr)"


def test_narrative_is_read_and_checked(files: Any) -> None:
    fmt, report, _, _ = files
    texts = " ".join(p.text for p in report.paragraphs)
    rep = clean_report(SEED)
    for _, sentence in rep.paragraphs:
        assert sentence in texts, (fmt, sentence)


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (23048.512, "# ##0", Decimal(23049)),
        (-2.5, "# ##0;\u2212# ##0", Decimal(-3)),
        (0.036, "0.0%", Decimal("3.6")),
        (1234.5, "General", Decimal("1234.5")),
        (1234.56, "#,##0.0", Decimal("1234.6")),
    ],
)
def test_xlsx_figures_are_read_as_shown(value: float, fmt: str, shown: Decimal) -> None:
    assert shown_number(value, fmt) == shown


def test_pdf_reader_joins_wrapped_labels_and_keeps_pages(files: Any) -> None:
    fmt, report, _, _ = files
    if fmt != "pdf":
        pytest.skip("PDF layout only")
    kf = report.table("kassaflodesanalys")
    assert kf is not None
    labels = [r.label for r in kf.rows]
    # the 6 cm label column wraps these labels onto two lines
    assert "Medel från verksamheten före förändring av rörelsekapital" in labels
    assert "Kassaflöde från investeringsverksamheten" in labels
    assert not any(r.label == "verksamheten" for r in kf.rows)
    # the notes table runs from page 4 onto page 5 under a repeated header
    assert {r.page for r in report.table("not_1").rows} == {4}
    assert {r.page for r in report.table("not_10").rows} == {5}
    assert kf.page == 3

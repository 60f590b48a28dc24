"""Bound narrative text: Swedish number format, expressions, errors with file and line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redovisa.core.table import Cell, Column, Row, Table
from redovisa.report.numfmt import MINUS, NBSP, format_money, format_percent, group_digits
from redovisa.report.text import (
    BulletList,
    ExprError,
    Heading,
    Paragraph,
    Run,
    Scope,
    Value,
    bind,
    evaluate,
    parse_markdown,
)
from redovisa.statements.table import ColumnSpec, Line, StatementTable

D = Decimal


def rr() -> StatementTable:
    cols = [
        ColumnSpec("utfall", "Utfall 2024-06-30", "flow"),
        ColumnSpec("prognos", "Prognos 2024", "plan"),
        ColumnSpec("budget", "Budget 2024", "plan"),
    ]
    rows = [
        Line("verksamhetens_intakter", "Verksamhetens intäkter", "item",
             {"utfall": D("23049177.05"), "prognos": D("44575000"), "budget": D("44636400")}),
        Line("resultat", "Periodens resultat", "total",
             {"utfall": D("1718000.00"), "prognos": D("777000"), "budget": D("851600")}),
    ]  # fmt: skip
    return StatementTable("resultatrakning", "Resultaträkning", cols, rows)


def drift() -> StatementTable:
    cols = [
        ColumnSpec("prognos", "Prognos 2024", "plan"),
        ColumnSpec("avvikelse", "Avvikelse", "derived"),
    ]
    rows = [
        Line("81141", "81141 IT", "subtotal", {"prognos": D("700000"), "avvikelse": D("-26600")}),
        Line("totalt", "TOTALT", "total", {"prognos": D("777000"), "avvikelse": D("-74600")}),
    ]
    return StatementTable("driftredovisning", "Driftredovisning", cols, rows)


def sick() -> Table:
    return Table("sjukfranvaro_kon", "Sjukfrånvaro", (Column("period", "2024"),),
                 (Row("Kvinnor", {"period": Cell("4,6", D("4.6"), "4.61")}),
                  Row("Totalt", {"period": Cell("3,6", D("3.6"), "3.58")}, "total")))  # fmt: skip


@pytest.fixture
def scope() -> Scope:
    tables = {t.id: t for t in (rr(), drift(), sick())}
    return Scope(tables, "tkr", {"period.slut": Value("text", text=date(2024, 6, 30).isoformat())})


def sv(text: str) -> str:
    return text.replace(" ", NBSP).replace("-", MINUS)


def test_swedish_number_format() -> None:
    assert format_money(D("1718000.00"), "tkr") == sv("1 718 tkr")
    assert format_money(D("16000000"), "mnkr") == sv("16 mnkr")
    assert format_money(D("-3350000"), "tkr") == sv("-3 350 tkr")
    assert format_money(D("499.99"), "tkr") == "0" + NBSP + "tkr"  # no "−0"
    assert format_money(D("-500"), "tkr") == sv("-1 tkr")  # half away from zero
    assert format_percent(D("3.55")) == sv("3,6 %")
    assert group_digits(D("1234567.891"), 2) == sv("1 234 567,89")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_group_digits_round_trips(n: int) -> None:
    text = group_digits(D(n))
    assert int(text.replace(NBSP, "").replace(MINUS, "-")) == n
    assert all(len(g) == 3 for g in text.lstrip(MINUS).split(NBSP)[1:])


@pytest.mark.parametrize(
    ("expr", "shown"),
    [
        ("rr.resultat", "1 718 tkr"),
        ("rr.resultat.prognos", "777 tkr"),
        ("rr.Periodens resultat.budget", None),
        ('rr."Periodens resultat".budget', "852 tkr"),
        ("drift.81141.avvikelse", "-27 tkr"),
        ("drift.totalt.avvikelse | abs", "75 tkr"),
        ("rr.resultat | mnkr", "2 mnkr"),
        ("100 * rr.resultat.prognos / (rr.verksamhetens_intakter.prognos) | procent", "1,7 %"),
        ("rr.resultat.prognos - rr.resultat.budget", "-75 tkr"),
        ("sjuk_kon.totalt", "3,6 %"),
        ("sjukfranvaro_kon.kvinnor.period", "4,6 %"),
        ("period.slut", "2024-06-30"),
        ("2 * 3 | tal", "6"),
    ],
)
def test_evaluate(scope: Scope, expr: str, shown: str | None) -> None:
    if shown is None:
        with pytest.raises(ExprError):
            evaluate(expr, scope)
    else:
        assert evaluate(expr, scope) == (shown if expr.startswith("period") else sv(shown))


@pytest.mark.parametrize(
    ("expr", "code", "words"),
    [
        ("rr.resultt", "NAR001", "menade du resultat"),
        ("rx.resultat", "NAR001", "tabellen 'rx'"),
        ("rr.resultat.foo", "NAR001", "kolumner: utfall, prognos, budget"),
        ("rr.resultat | procnt", "NAR002", "okänt format"),
        ("rr.resultat / 0", "NAR002", "division med noll"),
        ("(rr.resultat", "NAR002", "')' saknas"),
        ("rr.resultat +", "NAR002", "tar slut"),
        ("", "NAR002", "tomt"),
    ],
)
def test_evaluate_errors(scope: Scope, expr: str, code: str, words: str) -> None:
    with pytest.raises(ExprError) as info:
        evaluate(expr, scope)
    assert info.value.code == code
    assert words in info.value.message


def test_bind_reports_file_line_and_column(scope: Scope) -> None:
    text = (
        "Resultatet är {{ rr.resultat }}.\n\n"
        "Prognos {{ rr.prognos }} och {{ drift.x }}.\nSlut {{ rr"
    )
    bound, diags = bind(text, "text/driftredovisning.md", scope)
    assert bound.splitlines()[0] == "Resultatet är " + sv("1 718 tkr") + "."
    where = [(d.code, d.where.path, d.where.line, d.where.column) for d in diags]  # type: ignore[union-attr]
    assert where == [
        ("NAR001", "text/driftredovisning.md", 3, 9),
        ("NAR001", "text/driftredovisning.md", 3, 30),
        ("NAR002", "text/driftredovisning.md", 4, 6),
    ]
    assert diags[0].format_text().startswith("text/driftredovisning.md:3:9: NAR001 ")


def test_markdown_blocks() -> None:
    blocks = parse_markdown("## Lystkom IT\n\nEtt **fett** ord\noch *kursivt*.\n\n- ett\n- två\n")
    assert blocks == [
        Heading(1, (Run("Lystkom IT"),)),
        Paragraph(
            (
                Run("Ett "),
                Run("fett", bold=True),
                Run(" ord och "),
                Run("kursivt", italic=True),
                Run("."),
            ),
        ),
        BulletList(((Run("ett"),), (Run("två"),))),
    ]
    assert parse_markdown("<script>x</script>") == [Paragraph((Run("<script>x</script>"),))]

"""Budget and prognos in the long format: good rows kept, every bad row reported with its line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from redovisa.coa import Resolver, load_mapping
from redovisa.sie.records import Balance, BalanceKind, SieFile
from redovisa.statements import plan_from_sie, read_plan
from redovisa.statements.budget import parse_amount_text

RESOLVER = Resolver(load_mapping()[0])


def test_amount_formats() -> None:
    assert parse_amount_text("-1 234,50") == Decimal("-1234.50")
    assert parse_amount_text("1234") == Decimal("1234.00")
    assert parse_amount_text("\u22121\u00a0000") == Decimal("-1000.00")
    assert parse_amount_text("12,3.4") is None
    assert parse_amount_text("abc") is None


def test_reads_rows_and_reports_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text(
        "account,object,period,amount\n"
        "30,81141,2024,-36419000\n"
        "50-54,81141,202403,100\n"
        "30,81141,2024-13,5\n"
        "3x,,2024,5\n"
        "3,,2024,5\n"
        "68,,2024,tio\n",
        encoding="utf-8",
    )
    plan, diags = read_plan(path, "budget", RESOLVER, "data/budget.csv")
    assert [(r.group_id, r.year, r.month, r.amount) for r in plan.rows] == [
        ("forsaljning", 2024, None, Decimal("-36419000.00")),
        ("personal", 2024, 3, Decimal("100.00")),
    ]
    assert [(d.code, d.where.line) for d in diags] == [  # type: ignore[union-attr]
        ("BUD003", 4),
        ("BUD004", 5),
        ("BUD004", 6),
        ("BUD002", 7),
    ]
    assert all(d.where.path == "data/budget.csv" for d in diags)  # type: ignore[union-attr]


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "forecast.csv"
    path.write_text("konto;period\n30;2024\n", encoding="utf-8")
    plan, diags = read_plan(path, "prognos", RESOLVER)
    assert plan.rows == ()
    assert [d.code for d in diags] == ["BUD001"]
    assert "amount" in diags[0].message


def test_pbudget_records() -> None:
    sie = SieFile()
    sie.balances = [
        Balance(
            BalanceKind.PBUDGET,
            0,
            "3010",
            Decimal("-100.00"),
            period="202401",
            objects=(("1", "81141"),),
            line=12,
        ),
        Balance(BalanceKind.PBUDGET, 0, "2150", Decimal("5.00"), period="202401", line=13),
    ]
    plan, diags = plan_from_sie([(sie, "ledger.se")], "budget", RESOLVER)
    assert [(r.group_id, r.object_id, r.month) for r in plan.rows] == [("forsaljning", "81141", 1)]
    assert [(d.code, d.where.line) for d in diags] == [("BUD004", 13)]  # type: ignore[union-attr]


def test_xlsx_reads_like_csv_and_reports_rows(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ("account", "object", "period", "amount"),
        ("30", "81141", 2024, -36419000),  # numbers typed as numbers, as Excel users do
        ("50-54", "81141", "202403", "100.50"),
        ("3x", None, 2024, 5),
        ("68", None, 2024, "tio"),
    ]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "budget.xlsx"
    book.save(path)
    plan, diags = read_plan(path, "budget", RESOLVER, "data/budget.xlsx")
    assert [(r.group_id, r.year, r.month, r.amount) for r in plan.rows] == [
        ("forsaljning", 2024, None, Decimal("-36419000.00")),
        ("personal", 2024, 3, Decimal("100.50")),
    ]
    assert [(d.code, d.where.line) for d in diags] == [  # type: ignore[union-attr]
        ("BUD004", 4),
        ("BUD002", 5),
    ]
    assert all(d.where.path == "data/budget.xlsx" for d in diags)  # type: ignore[union-attr]

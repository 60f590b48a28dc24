"""Reading and writing the register (CSV and XLSX) and proposing entries from vouchers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from asset_helpers import asset
from hypothesis import given
from hypothesis import strategies as st

from redovisa.assets import (
    AssetConfig,
    parse_register,
    propose_assets,
    read_register,
    write_register_csv,
)
from redovisa.assets.register import parse_register_amount
from redovisa.sie.records import Posting, Voucher

SWEDISH_CSV = (
    "Inventarienummer;Benämning;Kategori;Anskaffningsdatum;Anskaffningsvärde;Ansvar;Projekt\n"
    "L-001;Bärbar dator;it3;2024-02-12;12 345,50;81141;9103\n"
    "\n"
    "L-002;Server;it5;2024-03-01;250000;81141;9105\n"
)


def test_csv_with_swedish_headings_semicolons_and_decimal_commas(
    tmp_path: Path, config: AssetConfig
) -> None:
    path = tmp_path / "assets.csv"
    path.write_bytes(SWEDISH_CSV.encode("utf-8-sig"))
    assets, diags = read_register(path, config)
    assert diags == []
    assert [(a.id, a.acquisition_value, a.line) for a in assets] == [
        ("L-001", Decimal("12345.50"), 2),
        ("L-002", Decimal("250000.00"), 4),
    ]
    assert assets[0].description == "Bärbar dator"
    assert assets[0].cost_centre == "81141"
    assert assets[0].project == "9103"


def test_all_problems_of_all_rows_are_reported(tmp_path: Path, config: AssetConfig) -> None:
    path = tmp_path / "assets.csv"
    path.write_text(
        "asset_id,category,acquisition_date,acquisition_value,disposal_date\n"
        "A1,it9,2024-13-01,abc,\n"
        "A2,it3,2024-01-01,100,\n"
        "A3,it3,2024-01-01,-5,\n",
        encoding="utf-8",
    )
    assets, diags = read_register(path, config)
    assert [a.id for a in assets] == ["A2"]
    assert [(d.code, d.where.line) for d in diags if d.where] == [  # type: ignore[union-attr]
        ("AST003", 2),
        ("AST004", 2),
        ("AST005", 2),
        ("AST008", 4),
    ]


def test_missing_file_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    assets, diags = read_register(tmp_path / "saknas.csv")
    assert assets == []
    assert [d.code for d in diags] == ["AST001"]


def test_xlsx_register_reads_like_csv(tmp_path: Path, config: AssetConfig) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["asset_id", "category", "acquisition_date", "acquisition_value", "quantity"])
    sheet.append(["X1", "it3", date(2024, 4, 2), 15999.5, 3])
    sheet.append(["X2", "it5", "2024-05-06", 20000, None])
    sheet.append(["X3", "it5", "inte ett datum", 20000, None])
    path = tmp_path / "assets.xlsx"
    book.save(path)
    assets, diags = read_register(path, config)
    assert [(a.id, a.acquisition_date, a.acquisition_value, a.quantity) for a in assets] == [
        ("X1", date(2024, 4, 2), Decimal("15999.50"), 3),
        ("X2", date(2024, 5, 6), Decimal("20000.00"), None),
    ]
    assert [(d.code, str(d.where)) for d in diags] == [("AST003", f"{path}:4")]


def test_written_register_reads_back_equal(config: AssetConfig) -> None:
    original = [
        asset("A1", "it3", "2024-01-05", "1234.56", project="9103"),
        asset("B1", "bil", "2020-01-01", "300000", disposed="2024-05-02", proceeds="90000"),
        asset("B2", "bil", "2020-01-01", "300000", residual="50000"),
    ]
    text = write_register_csv(original)
    rows = [(i + 1, dict(enumerate(line.split(",")))) for i, line in enumerate(text.splitlines())]
    back, diags = parse_register(
        [(n, {str(k): v for k, v in r.items()}) for n, r in rows], "x.csv", config
    )
    assert diags == []
    assert back == original


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_register_amounts_parse_exactly(amount: Decimal) -> None:
    text = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    assert parse_register_amount(text) == amount
    assert parse_register_amount(f"{amount:.2f}") == amount


def test_purchases_on_asset_accounts_are_proposed(config: AssetConfig) -> None:
    vouchers = [
        Voucher(
            "B",
            "101",
            date(2024, 2, 14),
            "Atea datorer",
            postings=(
                Posting("1221", Decimal("45000.00"), (("1", "81141"), ("6", "it3"))),
                Posting("1241", Decimal("310000.00"), (("1", "81141"),), text="Elbil"),
                Posting("2440", Decimal("-355000.00")),
            ),
        ),
        Voucher(
            "B",
            "102",
            date(2024, 2, 20),
            "Redan i registret",
            postings=(Posting("1221", Decimal("1.00")), Posting("2440", Decimal("-1.00"))),
        ),
    ]
    proposals, diags = propose_assets(vouchers, config, known_vouchers=["B 102"])
    assert diags == []
    assert [
        (
            p.asset.id,
            p.asset.category,
            p.asset.acquisition_value,
            p.asset.cost_centre,
            p.asset.description,
            p.candidates,
        )
        for p in proposals
    ] == [
        ("B101-1", "it3", Decimal("45000.00"), "81141", "Atea datorer", ("ipad", "it3", "it5")),
        ("B101-2", "bil", Decimal("310000.00"), "81141", "Elbil", ("bil",)),
    ]

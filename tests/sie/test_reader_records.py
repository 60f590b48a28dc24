"""Every SIE 4B record outside vouchers is read into the model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reader_support import HEADER_LINES, codes, lines_of, only, sie

from redovisa.sie import parse_sie_text
from redovisa.sie.records import (
    Account,
    AccountType,
    Address,
    Balance,
    BalanceKind,
    Dimension,
    DimensionObject,
    FiscalYearRecord,
    UnknownRecord,
)

FULL = """\
#FLAGGA 1
#PROGRAM "Visma Compact" 5.1
#FORMAT PC8
#GEN 20240201 "Anna Andersson"
#SIETYP 4
#PROSA "Export för delårsrapport"
#FTYP X
#FNR "KOMMUN01"
#ORGNR 212000-2049 1 2
#BKOD 84110
#ADRESS "Anna Andersson" "Box 1" "744 81 Heby" "0224-360 00"
#FNAMN "Heby kommun"
#RAR 0 20240101 20241231
#RAR -1 20230101 20231231
#TAXAR 2024
#OMFATTN 20240630
#KPTYP "Kommun-Bas 13"
#VALUTA SEK
#KONTO 30106 "Taxor och avgifter"
#KTYP 30106 I
#ENHET 30106 st
#SRU 30106 7410
#SRU 30106 7411
#KONTO 1930 "Bank"
#KTYP 1930 T
#DIM 1 "Ansvar"
#DIM 20 "Verksamhet"
#UNDERDIM 21 "Delverksamhet" 20
#OBJEKT 1 "0123" "Kommunstyrelsen"
#OBJEKT 20 "123" "Gymnasium"
#IB 0 1930 1000.00
#UB 0 1930 1500.50 3
#IB -1 1930 800
#UB -1 1930 1000.00
#OIB 0 1930 {1 "0123"} 400.00
#OUB 0 1930 {1 "0123"} 450.00
#RES 0 30106 -500.50
#PSALDO 0 202401 30106 {} -200.00
#PSALDO 0 202401 30106 {1 "0123" 20 "123"} -200.00 4
#PBUDGET 0 202401 30106 {} -250.00
"""


def test_every_identification_record() -> None:
    doc, diags = parse_sie_text(FULL)
    assert diags == []
    assert doc.flag == 1
    assert (doc.program, doc.program_version) == ("Visma Compact", "5.1")
    assert doc.format == "PC8"
    assert (doc.generated, doc.generated_by) == (date(2024, 2, 1), "Anna Andersson")
    assert doc.sie_type == "4"
    assert doc.prosa == "Export för delårsrapport"
    assert (doc.company_type, doc.company_id) == ("X", "KOMMUN01")
    assert (doc.orgnr, doc.orgnr_extra) == ("212000-2049", ("1", "2"))
    assert doc.industry_code == "84110"
    assert doc.address == Address("Anna Andersson", "Box 1", "744 81 Heby", "0224-360 00")
    assert doc.company_name == "Heby kommun"
    assert doc.fiscal_years == [
        FiscalYearRecord(0, date(2024, 1, 1), date(2024, 12, 31)),
        FiscalYearRecord(-1, date(2023, 1, 1), date(2023, 12, 31)),
    ]
    assert doc.year(0) == doc.fiscal_years[0]
    assert doc.tax_year == "2024"
    assert doc.extent == date(2024, 6, 30)
    assert doc.chart_type == "Kommun-Bas 13"
    assert doc.currency == "SEK"


def test_chart_of_accounts_and_dimensions() -> None:
    doc, _ = parse_sie_text(FULL)
    assert doc.accounts["30106"] == Account(
        "30106", "Taxor och avgifter", AccountType.I, "st", ("7410", "7411")
    )
    assert doc.accounts["1930"].type is AccountType.T
    assert doc.accounts["30106"].line == 19
    assert doc.dimensions["1"] == Dimension("1", "Ansvar")
    assert doc.dimensions["21"] == Dimension("21", "Delverksamhet", "20")
    assert doc.objects["1", "0123"] == DimensionObject("1", "0123", "Kommunstyrelsen")
    assert ("1", "123") not in doc.objects  # object ids are text: "0123" != "123"


def test_balances() -> None:
    doc, _ = parse_sie_text(FULL)
    b = doc.balances
    assert b[0] == Balance(BalanceKind.IB, 0, "1930", Decimal("1000.00"))
    assert b[1] == Balance(BalanceKind.UB, 0, "1930", Decimal("1500.50"), Decimal(3))
    assert b[2].amount == Decimal("800")
    assert b[4] == Balance(BalanceKind.OIB, 0, "1930", Decimal("400.00"), objects=(("1", "0123"),))
    assert b[6] == Balance(BalanceKind.RES, 0, "30106", Decimal("-500.50"))
    assert b[7] == Balance(BalanceKind.PSALDO, 0, "30106", Decimal("-200.00"), period="202401")
    assert b[8].objects == (("1", "0123"), ("20", "123"))
    assert b[8].quantity == Decimal(4)
    assert b[9].kind is BalanceKind.PBUDGET
    assert [x.line for x in b[:2]] == [31, 32]


def test_any_case_labels_and_indentation() -> None:
    doc, diags = parse_sie_text('#flagga 0\n   #Fnamn "x"\n\t#konto 1930 Bank\n')
    assert doc.flag == 0
    assert doc.company_name == "x"
    assert doc.accounts["1930"].name == "Bank"
    assert "SIE018" not in codes(diags)


def test_extra_trailing_fields_are_tolerated() -> None:
    doc, diags = sie("#KONTO 1910 Kassa extra fält 3\n#IB 0 1910 5.00 1 2 3\n")
    assert doc.accounts["1910"].name == "Kassa"
    assert doc.balances[0].amount == Decimal("5.00")
    assert [c for c in codes(diags) if c.startswith("SIE01")] == []


def test_unknown_record_is_kept_and_reported_as_info() -> None:
    doc, diags = sie('#EGEN 1 "två ord" {1 "2"}\n')
    assert doc.unknown == [UnknownRecord("#EGEN", ("1", "två ord", "{1 2}"))]
    d = only(diags, "SIE018")
    assert d.severity == "info"
    assert lines_of(diags, "SIE018") == [HEADER_LINES + 1]


def test_crlf_blank_lines_and_tabs() -> None:
    text = '#FLAGGA 0\r\n\r\n\t#FNAMN\t"A B"\r\n   \r\n#KONTO\t\t1930\tBank\r\n'
    doc, diags = parse_sie_text(text)
    assert doc.company_name == "A B"
    assert doc.accounts["1930"].line == 5
    assert "SIE019" not in codes(diags)


def test_duplicate_account_uses_the_last_and_warns() -> None:
    doc, diags = sie('#KONTO 1930 "Bankkonto"\n')
    assert doc.accounts["1930"].name == "Bankkonto"
    assert only(diags, "SIE030").severity == "warning"


def test_ktyp_before_konto_is_kept() -> None:
    doc, diags = sie("#KTYP 1111 T\n#KONTO 1111 Kassa\n")
    assert doc.accounts["1111"] == Account("1111", "Kassa", AccountType.T)
    assert "SIE030" not in codes(diags)


def test_bad_values_are_reported_with_their_line() -> None:
    body = (
        "#KTYP 1930 X\n"  # +1 bad account type
        "#IB 0 1930 1,50\n"  # +2 decimal comma
        "#UB 0 1930 +5\n"  # +3 plus sign
        "#RES 0 3010 1.005\n"  # +4 three decimals
        "#PSALDO 0 2024-01 3010 {} 1\n"  # +5 bad period
        "#RAR 1 20240230 20241231\n"  # +6 no such date
        "#OIB 0 1930 5.00\n"  # +7 object list missing
        "#KONTO 19x0 Fel\n"  # +8 non-numeric account
        "#OBJEKT 1\n"  # +9 object id missing
    )
    _doc, diags = sie(body)
    n = HEADER_LINES
    assert lines_of(diags, "SIE010") == [n + 1, n + 7, n + 9]
    assert lines_of(diags, "SIE014") == [n + 2, n + 3, n + 4]
    assert lines_of(diags, "SIE017") == [n + 5]
    assert lines_of(diags, "SIE013") == [n + 6]
    assert lines_of(diags, "SIE016") == [n + 8]
    msgs = {d.where.line: d.message for d in diags if d.where is not None}  # type: ignore[union-attr]
    assert "decimalpunkt (1.50)" in msgs[n + 2]
    assert "plustecken" in msgs[n + 3]
    assert "fler än två decimaler" in msgs[n + 4]
    assert "finns inte i kalendern" in msgs[n + 6]


def test_missing_mandatory_records() -> None:
    _doc, diags = parse_sie_text("#FLAGGA 0\n#SIETYP 2\n#KONTO 1930 Bank\n#UB 0 1930 1\n")
    missing = [d.message.split()[1] for d in diags if d.code == "SIE005"]
    assert missing == ["#PROGRAM", "#FORMAT", "#GEN", "#FNAMN", "#RAR", "#OMFATTN"]


def test_flag_must_come_first() -> None:
    _doc, diags = parse_sie_text("#FNAMN x\n#FLAGGA 0\n#KONTO 1 a\n#UB 0 1 1\n")
    assert lines_of(diags, "SIE004") == [1]


def test_fiscal_years_must_follow_each_other() -> None:
    text = (
        "#FLAGGA 0\n#RAR 0 20240101 20241231\n"
        "#RAR -1 20220101 20221231\n#RAR -2 20210101 20211231\n"
    )
    _doc, diags = parse_sie_text(text)
    assert lines_of(diags, "SIE029") == [2]
    assert "20240101" in only(diags, "SIE029").message

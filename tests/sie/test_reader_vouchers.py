"""Vouchers: #VER blocks, #TRANS rows, #RTRANS/#BTRANS semantics, voucher checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reader_support import HEADER_LINES, codes, lines_of, only, sie

from redovisa.sie.records import Posting, TransKind, Voucher

N = HEADER_LINES


def test_voucher_with_all_fields() -> None:
    doc, diags = sie(
        """\
        #VER A 12 20240105 "Hyra januari" 20240110 "Anna"
        {
        \t#TRANS 5010 {1 "0123" 6 "P1"} 12000.50 20240104 "Lokal" 2 "Bo"
        \t#TRANS 2440 {} -12000.50
        }
        """
    )
    assert diags == []
    assert doc.vouchers == [
        Voucher(
            "A",
            "12",
            date(2024, 1, 5),
            "Hyra januari",
            date(2024, 1, 10),
            "Anna",
            (
                Posting(
                    "5010",
                    Decimal("12000.50"),
                    (("1", "0123"), ("6", "P1")),
                    date(2024, 1, 4),
                    "Lokal",
                    Decimal(2),
                    "Bo",
                ),
                Posting("2440", Decimal("-12000.50")),
            ),
        )
    ]
    v = doc.vouchers[0]
    assert v.line == N + 1
    assert [p.line for p in v.postings] == [N + 3, N + 4]
    assert v.total() == 0


def test_brace_on_ver_line_and_missing_object_list_are_tolerated() -> None:
    doc, diags = sie(
        """\
        #VER A 1 20240105 "Text" {
        #TRANS 1930 100.00
        #TRANS 3010 -100.00 20240105 "Försäljning"
        }
        """
    )
    assert diags == []
    assert [p.objects for p in doc.vouchers[0].postings] == [(), ()]
    assert doc.vouchers[0].postings[1].text == "Försäljning"


def test_empty_series_and_number_of_4i_files() -> None:
    doc, diags = sie('#VER "" "" 20240105 "Porto"\n{\n#TRANS 5010 {} 10\n#TRANS 1930 {} -10\n}\n')
    assert (doc.vouchers[0].series, doc.vouchers[0].number) == ("", "")
    assert diags == []


def test_rtrans_counts_once_and_its_twin_is_dropped() -> None:
    doc, diags = sie(
        """\
        #VER A 1 20240105 "Rättad"
        {
        #TRANS 1930 {} 1000
        #TRANS 3010 {} -1000
        #BTRANS 1930 {} -1000 20240110 "" "" "Anna"
        #RTRANS 1930 {} 500 20240110 "" "" "Anna"
        #TRANS 1930 {} 500 20240105 ""
        #RTRANS 3010 {"1" "1"} -500 20240110 "" "" "Anna"
        #TRANS 3010 {"1" "1"} -500 20240105 ""
        }
        """
    )
    postings = doc.vouchers[0].postings
    assert [p.kind for p in postings] == [
        TransKind.TRANS,
        TransKind.TRANS,
        TransKind.BTRANS,
        TransKind.RTRANS,
        TransKind.RTRANS,
    ]
    assert [p.counts for p in postings] == [True, True, False, True, True]
    assert doc.vouchers[0].total() == 0
    assert postings[3].sign == "Anna"
    assert diags == []


def test_rtrans_without_twin_warns_and_counts_once() -> None:
    doc, diags = sie(
        """\
        #VER A 1 20240105 "x"
        {
        #RTRANS 1930 {} 100
        #TRANS 3010 {} -100
        }
        """
    )
    assert lines_of(diags, "SIE027") == [N + 3]
    assert [p.kind for p in doc.vouchers[0].postings] == [TransKind.RTRANS, TransKind.TRANS]
    assert "SIE021" not in codes(diags)


def test_rtrans_as_last_row_warns() -> None:
    _doc, diags = sie("#VER A 1 20240105 x\n{\n#TRANS 3010 {} -1\n#RTRANS 1930 {} 1\n}\n")
    assert lines_of(diags, "SIE027") == [N + 4]


def test_unbalanced_voucher_reports_difference() -> None:
    _doc, diags = sie("#VER B 7 20240105 x\n{\n#TRANS 1930 {} 100.00\n#TRANS 3010 {} -90.50\n}\n")
    d = only(diags, "SIE021")
    assert d.severity == "error"
    assert d.where is not None and getattr(d.where, "line", None) == N + 1
    assert "B 7" in d.message
    assert "9.50" in d.message


def test_btrans_does_not_count_in_balance() -> None:
    _doc, diags = sie(
        "#VER A 1 20240105 x\n{\n#TRANS 1930 {} 5\n#TRANS 3010 {} -5\n#BTRANS 1930 {} 7\n}\n"
    )
    assert diags == []


def test_trans_outside_voucher() -> None:
    doc, diags = sie("#TRANS 1930 {} 100.00\n")
    assert lines_of(diags, "SIE020") == [N + 1]
    assert doc.vouchers == []


def test_unterminated_block_before_next_ver_and_at_end() -> None:
    doc, diags = sie(
        "#VER A 1 20240105 x\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n"
        "#VER A 2 20240106 y\n{\n#TRANS 1930 {} 2\n#TRANS 3010 {} -2\n"
    )
    assert lines_of(diags, "SIE012") == [N + 1, N + 5]
    assert [v.number for v in doc.vouchers] == ["1", "2"]
    assert [len(v.postings) for v in doc.vouchers] == [2, 2]


def test_other_record_inside_block_closes_it() -> None:
    doc, diags = sie("#VER A 1 20240105 x\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n#UB 0 1930 1\n")
    assert lines_of(diags, "SIE012") == [N + 1]
    assert len(doc.vouchers) == 1
    assert len(doc.balances) == 1


def test_missing_open_brace_is_reported_but_rows_are_read() -> None:
    doc, diags = sie("#VER A 1 20240105 x\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n")
    assert lines_of(diags, "SIE010") == [N + 2]
    assert len(doc.vouchers[0].postings) == 2


def test_stray_braces() -> None:
    _doc, diags = sie("}\n{\n")
    assert lines_of(diags, "SIE010") == [N + 1, N + 2]


def test_empty_voucher() -> None:
    doc, diags = sie("#VER A 1 20240105 x\n{\n}\n")
    assert lines_of(diags, "SIE028") == [N + 1]
    assert doc.vouchers[0].postings == ()


def test_bad_voucher_date_and_missing_series() -> None:
    _doc, diags = sie(
        '#VER "K" "" "rappakalja" "x"\n{\n}\n#VER  1 20170101 " " 20170119 " "\n{\n}\n'
    )
    assert lines_of(diags, "SIE013") == [N + 1, N + 4]
    assert "serie eller nummer verkar saknas" in [d for d in diags if d.code == "SIE013"][1].message


def test_bad_amount_row_is_dropped_and_voucher_not_judged_twice() -> None:
    doc, diags = sie("#VER A 1 20240105 x\n{\n#TRANS 1930 {} 1,00\n#TRANS 3010 {} -1.00\n}\n")
    assert lines_of(diags, "SIE014") == [N + 3]
    assert "SIE021" not in codes(diags)
    assert len(doc.vouchers[0].postings) == 1


def test_row_without_amount() -> None:
    _doc, diags = sie("#VER A 1 20240105 x\n{\n#TRANS 1930\n#TRANS 3010 {} -1\n}\n")
    assert lines_of(diags, "SIE010") == [N + 3]


def test_non_numeric_account_is_kept_but_reported() -> None:
    doc, diags = sie("#VER A 1 20240105 x\n{\n#TRANS FEL {} 1\n#TRANS 3010 {} -1\n}\n")
    assert lines_of(diags, "SIE016") == [N + 3]
    assert doc.vouchers[0].postings[0].account == "FEL"


def test_voucher_date_outside_fiscal_years() -> None:
    _doc, diags = sie("#VER A 1 20220105 x\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n")
    assert lines_of(diags, "SIE023") == [N + 1]


def test_duplicate_and_reused_numbers() -> None:
    ver = "#VER A 1 {d} x\n{{\n#TRANS 1930 {{}} 1\n#TRANS 3010 {{}} -1\n}}\n"
    body = ver.format(d="20240105") + ver.format(d="20240105") + ver.format(d="20240106")
    _doc, diags = sie(body)
    assert lines_of(diags, "SIE024") == [N + 6]
    assert lines_of(diags, "SIE032") == [N + 11]
    assert only(diags, "SIE024").severity == "error"
    assert only(diags, "SIE032").severity == "warning"


def test_undeclared_account_and_dimension() -> None:
    _doc, diags = sie('#VER A 1 20240105 x\n{\n#TRANS 1111 {25 "x"} 1\n#TRANS 3010 {1 "y"} -1\n}\n')
    assert lines_of(diags, "SIE022") == [N + 3]
    assert lines_of(diags, "SIE031") == [N + 3]
    assert "1111" in only(diags, "SIE022").message


def test_transaction_text_with_escaped_quote_and_backslash() -> None:
    doc, _ = sie(
        '#VER A 1 20240105 "Försäljning 25% \\"DF:157\\""\n{\n'
        '#TRANS 1930 {} 1 20240105 "C:\\\\x \\"y\\""\n#TRANS 3010 {} -1\n}\n'
    )
    assert doc.vouchers[0].text == 'Försäljning 25% "DF:157"'
    assert doc.vouchers[0].postings[0].text == 'C:\\\\x "y"'

"""The lexer: fields, quotes, escapes, object lists, separators."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redovisa.sie.lexer import (
    LexProblem,
    LineKind,
    classify,
    has_control_chars,
    lex_fields,
    lex_record,
    quote,
)
from redovisa.sie.values import parse_amount


def test_plain_fields_split_on_spaces_and_tabs() -> None:
    rec = lex_record("#KONTO\t1930 \t Bank")
    assert rec is not None
    assert (rec.label, rec.fields) == ("#KONTO", ["1930", "Bank"])


def test_quoted_field_keeps_spaces_and_unescapes_quotes() -> None:
    rec = lex_record(r'#PROGRAM "Kassasystem" "1.0 - \"Oblique Ozelot\" - alpha"')
    assert rec is not None
    assert rec.fields == ["Kassasystem", '1.0 - "Oblique Ozelot" - alpha']


def test_backslash_not_before_quote_is_literal() -> None:
    rec = lex_record(r'#FNR "C:\ProgramData\SPCS\Företag\Ovnbol2000"')
    assert rec is not None
    assert rec.fields == [r"C:\ProgramData\SPCS\Företag\Ovnbol2000"]
    assert rec.problem is None


def test_empty_quoted_fields() -> None:
    rec = lex_record('#VER "" "" 20080101 "Porto"')
    assert rec is not None
    assert rec.fields == ["", "", "20080101", "Porto"]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ('{1 "456" 6 "47"}', ("1", "456", "6", "47")),
        ("{1 456}", ("1", "456")),
        ('{ "1" "1"}', ("1", "1")),
        ("{}", ()),
        ("{ }", ()),
        ('{1 "a b"}', ("1", "a b")),
        ('{1 "x}y"}', ("1", "x}y")),
    ],
)
def test_object_lists(text: str, items: tuple[str, ...]) -> None:
    fields, problem, _ = lex_fields(f" 1930 {text} 100.00")
    assert problem is None
    assert fields == ["1930", items, "100.00"]


def test_object_list_directly_followed_by_amount() -> None:
    fields, _, _ = lex_fields(' 3010 {1 "1"}-500')
    assert fields == ["3010", ("1", "1"), "-500"]


def test_unterminated_quote_takes_rest_of_line() -> None:
    fields, problem, _ = lex_fields(' 3010 {} -900.00 20140127 "260    aaaa')
    assert problem is LexProblem.UNTERMINATED_QUOTE
    assert fields[-1] == "260    aaaa"


def test_escaped_quote_at_end_leaves_quote_open() -> None:
    _fields, problem, _ = lex_fields(r' "abc\"')
    assert problem is LexProblem.UNTERMINATED_QUOTE


def test_unterminated_object_list() -> None:
    fields, problem, _ = lex_fields(' 1930 {1 "10" 50.00')
    assert problem is LexProblem.UNTERMINATED_BRACE
    assert fields == ["1930", ("1", "10", "50.00")]


def test_trailing_brace_on_ver_line_opens_block() -> None:
    fields, problem, block_open = lex_fields(' A 1 20240105 "Text" {')
    assert (fields, problem, block_open) == (["A", "1", "20240105", "Text"], None, True)


def test_hash_inside_field_is_not_a_label() -> None:
    rec = lex_record('#VER "A" 2 20170101 "Text" 20170119 "#6 Linda Henriksson"')
    assert rec is not None
    assert rec.fields[-1] == "#6 Linda Henriksson"


def test_labels_keep_case_and_name_is_upper() -> None:
    rec = lex_record("   #trans 1930 {} 1")
    assert rec is not None
    assert (rec.label, rec.name) == ("#trans", "#TRANS")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("", LineKind.BLANK),
        (" \t\r", LineKind.BLANK),
        ("#FLAGGA 0", LineKind.RECORD),
        ("  {", LineKind.BLOCK_OPEN),
        ("}\r", LineKind.BLOCK_CLOSE),
        ("hej", LineKind.OTHER),
    ],
)
def test_classify(line: str, kind: LineKind) -> None:
    assert classify(line) is kind


def test_non_record_line_is_not_lexed() -> None:
    assert lex_record("%PDF-1.4") is None
    assert lex_record("") is None


def test_control_characters() -> None:
    assert has_control_chars("a\x07b")
    assert not has_control_chars("a\tb\r")


def test_non_ascii_whitespace_is_not_a_separator() -> None:
    fields, _, _ = lex_fields(" Gamla\u00a0stan x")
    assert fields == ["Gamla\u00a0stan", "x"]


# -- properties ----------------------------------------------------------------------------------

# Field text: anything but control characters; a value cannot end in a backslash (SIE has no
# escape for it: `"abc\"` is an escaped quote).
field_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")),
    max_size=30,
).filter(lambda s: not s.endswith("\\"))


@given(st.lists(field_text, min_size=1, max_size=6))
def test_quoted_fields_round_trip(values: list[str]) -> None:
    line = "#X " + " ".join(quote(v) for v in values)
    rec = lex_record(line)
    assert rec is not None
    assert rec.problem is None
    assert rec.fields == values


@given(st.lists(field_text, min_size=1, max_size=6), st.sampled_from([" ", "\t", " \t ", "  "]))
def test_separators_do_not_matter(values: list[str], sep: str) -> None:
    rec = lex_record("#X" + sep + sep.join('"' + v.replace('"', '\\"') + '"' for v in values))
    assert rec is not None
    assert rec.fields == values


@given(st.lists(st.tuples(st.integers(1, 99), field_text), max_size=4))
def test_object_lists_round_trip(pairs: list[tuple[int, str]]) -> None:
    text = "{" + " ".join(f"{d} {quote(o)}" for d, o in pairs) + "}"
    fields, problem, _ = lex_fields(f" 1930 {text} 1.00")
    assert problem is None
    assert fields[1] == tuple(x for d, o in pairs for x in (str(d), o))


@given(st.decimals(min_value=-(10**15), max_value=10**15, places=2, allow_nan=False))
def test_amounts_round_trip_through_lexer(amount: Decimal) -> None:
    written = f"{amount:.2f}"
    fields, _, _ = lex_fields(f" 1930 {{}} {written}")
    parsed = parse_amount(str(fields[2]))
    assert parsed == amount
    assert str(parsed) == written

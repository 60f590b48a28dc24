"""The #PSALDO/#PBUDGET fast path gives exactly what the full path gives, for any line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from redovisa.sie.header import FAST_BALANCE
from redovisa.sie.machine import SieParser
from redovisa.sie.parser import _text_lines
from redovisa.sie.records import Balance, BalanceKind, Voucher

HEAD = [
    "#FLAGGA 0",
    "#KSUMMA",
    '#PROGRAM "t" 1',
    "#FORMAT PC8",
    "#GEN 20250101",
    "#SIETYP 4",
    "#FNAMN t",
    "#RAR 0 20240101 20241231",
    "#KONTO 1510 Kundfordringar",
    "#KONTO 30106 Försäljning",
    "#DIM 1 Ansvar",
]
TAIL = [
    "#VER A 1 20240105 x",
    "{",
    "#TRANS 1510 {} 1.00",
    "#TRANS 30106 {} -1.00",
    "}",
]


class Spy(SieParser):
    """A parser that notes which lines went the full way."""

    def __init__(self, *, fast: bool, checksum: bool = True) -> None:
        super().__init__("t.se", verify_checksum=checksum)
        self.fast_path = fast
        self.full: list[int] = []

    def _feed(self, lineno: int, s: str) -> Voucher | None:
        self.full.append(lineno)
        return super()._feed(lineno, s)


def _run(lines: list[str], *, fast: bool, checksum: bool = True) -> tuple[Spy, object]:
    p = Spy(fast=fast, checksum=checksum)
    vouchers = [v for n, line in enumerate(lines, 1) if (v := p.feed(n, line)) is not None]
    last = p.finish()
    seen = sorted(p.seen)
    result = (
        p.sie,
        [(b.line, b) for b in p.sie.balances],
        vouchers,
        last,
        [d.format_text() for d in p.diagnostics()],
        seen,
        p.checks.used_dims,
        p.checks.used_accounts,
        p.lines,
    )
    return p, result


def _both(lines: list[str], *, checksum: bool = True) -> tuple[Spy, object, object]:
    fast, got = _run(lines, fast=True, checksum=checksum)
    _full, want = _run(lines, fast=False, checksum=checksum)
    return fast, got, want


# -- pieces of a balance line: the canonical shape and odd ones --------------------------------
labels = st.sampled_from(["#PSALDO", "#PBUDGET", "#psaldo", "#PBudget", "#PSALDOX"])
seps = st.sampled_from([" ", " ", " ", "\t", "  ", " \t", "\x0b", "\xa0"])
years = st.sampled_from(["0", "0", "-1", "00", "1", "-", "x", '"0"', "", "٣", "0.0"])
periods = st.sampled_from(
    [
        *("202401", "202412", "202410", "202413", "202400", "2024-01", '"202401"', "20241"),
        *("x", "２０２４０１", "2024011", ""),
    ]
)
accounts = st.sampled_from(
    ["1510", "1510", "30106", "9999", "15a0", '"1510"', "١٥١٠", "", "{}", "-1510", "1510.0"]
)
object_lists = st.sampled_from(
    [
        "{}",
        "{}",
        "{ }",
        '{1 "1100"}',
        '{1 "1100"}',
        "{1 1100}",
        '{1 "1100" 6 "P1"}',
        '{1\t"1100"}',
        '{ 1 "1100" }',
        '{"1" "1100"}',
        '{1 ""}',
        '{1 "Östra"}',
        '{1 "a b"}',
        '{1 "a}b"}',
        "{1}",
        '{x "1"}',
        '{-1 "1"}',
        '{1 "a\\"b"}',
        '{1 "a\\" "b"}',
        '{1 "a\\\\" 2 "b"}',
        '{1 "a{" 2 "}"}',
        '{1 "x}',
        "{1 {2}}",
        '{1 "1100"',
        '{1 a"b"}',
        '{1 "a" 2 "b" 3}',
        "{1 ²}",
        "{² 1}",
        "",
        "",
    ]
)
amounts = st.sampled_from(
    [
        *("-802431.74", "186888780.52", "0", "-0", "5", "5.1", "5.10", "5.123", "5.", ".5"),
        *("5,10", "+5", "", '"5.00"', "1e3", "-", "٥", "00012.30", "-0.00"),
    ]
)
quantities = st.sampled_from(["", "", "", "3", "-3.500", "x", '""', "3,5", "{}", "1e2"])
extras = st.sampled_from(["", "", "", "", "extra", '"x"', "{}", "{", "#"])
pads = st.sampled_from(["", "", " ", "\t", " \r", "\x00"])


@st.composite
def balance_lines(draw: st.DrawFn) -> str:
    """One #PSALDO/#PBUDGET-like line: mostly canonical, often a little odd."""
    parts = [
        draw(labels),
        draw(years),
        draw(periods),
        draw(accounts),
        draw(object_lists),
        draw(amounts),
        draw(quantities),
        draw(extras),
    ]
    out = draw(pads)
    for i, part in enumerate(parts):
        if i and part == "" and draw(st.booleans()):
            continue  # a missing field, not an empty one
        out += (draw(seps) if i else "") + part
    if draw(st.integers(0, 9)) == 0:
        junk = draw(st.text(alphabet='01 {}"\\\t.-x', max_size=4))
        at = draw(st.integers(0, len(out)))
        out = out[:at] + junk + out[at:]
    return out + draw(pads)


def _file(body: list[str], *, inside_voucher: bool) -> list[str]:
    # inside_voucher: a balance line where a voucher is still open
    body = [*TAIL[:3], *body, *TAIL[3:]] if inside_voucher else [*body, *TAIL]
    return [*HEAD, *body, "#KSUMMA 0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(balance_lines(), min_size=1, max_size=6), st.booleans(), st.booleans())
@example(['#PBUDGET 0 202401 30106 {1 "1100"} -802431.74'], False, True)
@example(['#PSALDO 0 202401 30106 {1 "a\\"b"} 1.00'], False, True)
@example(["#PSALDO 0 202401 30106 {1 ²} 1.00"], False, True)
def test_fast_path_gives_the_same_as_the_full_path(
    body: list[str], inside_voucher: bool, checksum: bool
) -> None:
    lines = _file(body, inside_voucher=inside_voucher)
    _p, got, want = _both(lines, checksum=checksum)
    assert got == want


@settings(max_examples=100, deadline=None)
@given(st.lists(balance_lines(), min_size=1, max_size=6))
def test_fast_path_before_the_first_record(body: list[str]) -> None:
    """Balance lines before #FLAGGA (and a file of nothing else) take the full path."""
    _p, got, want = _both([*body, *HEAD[:1]])
    assert got == want


CANONICAL = [
    "#PSALDO 0 202401 1510 {} 186888780.52",
    '#PBUDGET 0 202401 30106 {1 "1100"} -802431.74',
    '#PBUDGET -1 202312 30106 {1 "1100" 6 "P1"} 5 3.25',
    "#PSALDO\t0\t202402\t1510\t-0.50",
    "  #PSALDO 0 202403 1510 {1 1120}7.1  ",
    '#PSALDO 0 202404 30106 {1 "1100"} 1.00',
]


def test_canonical_lines_take_the_fast_path_with_known_values() -> None:
    lines = _file(CANONICAL, inside_voucher=False)
    p, got, want = _both(lines)
    assert got == want
    first = len(HEAD) + 1
    assert not set(range(first, first + len(CANONICAL))) & set(p.full)
    k = BalanceKind
    assert [(b, b.line) for b in p.sie.balances] == [
        (Balance(k.PSALDO, 0, "1510", Decimal("186888780.52"), None, "202401", (), first), first),
        (
            Balance(k.PBUDGET, 0, "30106", Decimal("-802431.74"), None, "202401", (("1", "1100"),)),
            first + 1,
        ),
        (
            Balance(
                k.PBUDGET,
                -1,
                "30106",
                Decimal(5),
                Decimal("3.25"),
                "202312",
                (("1", "1100"), ("6", "P1")),
            ),
            first + 2,
        ),
        (Balance(k.PSALDO, 0, "1510", Decimal("-0.50"), None, "202402"), first + 3),
        (Balance(k.PSALDO, 0, "1510", Decimal("7.1"), None, "202403", (("1", "1120"),)), first + 4),
        (
            Balance(k.PSALDO, 0, "30106", Decimal("1.00"), None, "202404", (("1", "1100"),)),
            first + 5,
        ),
    ]
    # dimensions are noted at their first use; 6 has no #DIM (reserved, so no SIE026)
    assert p.checks.used_dims == {"1": first + 1, "6": first + 2}
    assert {"#PSALDO", "#PBUDGET"} <= p.seen
    # the checksum covers the fast lines: only the closing #KSUMMA 0 is off
    diags = p.diagnostics()
    assert [d.code for d in diags] == ["SIE040"]
    assert "#KSUMMA" in diags[0].message


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("#PSALDO 0 202413 1510 {} 1.00", "SIE017"),
        ("#PSALDO 0 202401 15a0 {} 1.00", "SIE016"),
        ("#PSALDO 0 202401 1510 {} 1.123", "SIE014"),
        ("#PSALDO 0 202401 1510 {} 1,50", "SIE014"),
        ('#PSALDO 0 202401 1510 {x "1"} 1.00', "SIE015"),
        ("#PSALDO 0 202401 1510 {1} 1.00", "SIE010"),
        ("#PSALDO x 202401 1510 {} 1.00", "SIE015"),
        ("#PSALDO 0 202401 1510 {} 1.00 x", "SIE015"),
        ('#PSALDO 0 202401 1510 {1 "x} 1.00', "SIE012"),
    ],
)
def test_odd_lines_take_the_full_path_and_are_reported(line: str, code: str) -> None:
    lines = _file([line], inside_voucher=False)
    p, got, want = _both(lines, checksum=False)
    assert got == want
    assert len(HEAD) + 1 in p.full
    assert code in [d.code for d in p.diagnostics()]


def test_pattern_admits_no_escape_and_no_nested_brace() -> None:
    assert FAST_BALANCE.fullmatch('#PSALDO 0 202401 1510 {1 "a\\"b"} 1.00') is None
    assert FAST_BALANCE.fullmatch("#PSALDO 0 202401 1510 {1 {2}} 1.00") is None
    assert FAST_BALANCE.fullmatch("#PSALDO 0 202401 1510 {} 1.00 2 3") is None
    assert FAST_BALANCE.fullmatch("#psaldo 0 202401 1510 {} 1.00") is None


def test_text_lines_of_a_file_give_the_same() -> None:
    text = "\n".join(_file(CANONICAL, inside_voucher=True)) + "\n"
    lines = [line for _n, line in _text_lines(text)]
    _p, got, want = _both(lines)
    assert got == want


def test_corpus_files_read_the_same_either_way(sie_corpus: Path) -> None:
    """Every real file with period balances: the fast path changes nothing, and is taken."""
    files = sorted(p for p in sie_corpus.glob("*/*") if p.suffix.lower() in {".se", ".si", ".sie"})
    fast_lines = 0
    checked = 0
    for path in files:
        data = path.read_bytes()
        if b"#PSALDO" not in data and b"#PBUDGET" not in data:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp437")
        lines = [line for _n, line in _text_lines(text)]
        p, got, want = _both(lines)
        assert got == want, path
        checked += 1
        full = set(p.full)
        fast_lines += sum(1 for b in p.sie.balances if b.line not in full)
    assert checked >= 40
    assert fast_lines > 10_000

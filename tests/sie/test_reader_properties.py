"""Accounting properties of what the reader returns, on generated files."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.sie import parse_sie_text
from redovisa.sie.lexer import quote
from redovisa.sie.machine import SieParser
from redovisa.sie.parser import _text_lines

ACCOUNTS = ["1510", "1930", "2440", "3010", "5010", "30106"]
BALANCE_ACCOUNTS = ["1510", "1930", "2440"]

amount = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2)
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffd"),
    max_size=15,
).filter(lambda s: not s.endswith("\\"))


@st.composite
def vouchers(draw: st.DrawFn) -> list[list[tuple[str, Decimal, str]]]:
    """Balanced vouchers: each a list of (account, amount, text) rows summing to zero."""
    out = []
    for _ in range(draw(st.integers(0, 6))):
        rows = [
            (draw(st.sampled_from(ACCOUNTS)), draw(amount), draw(text))
            for _ in range(draw(st.integers(1, 5)))
        ]
        balance = -sum((a for _, a, _ in rows), Decimal(0))
        rows.append((draw(st.sampled_from(ACCOUNTS)), balance, draw(text)))
        out.append(rows)
    return out


def _file(vs: list[list[tuple[str, Decimal, str]]], ib: dict[str, Decimal]) -> str:
    lines = [
        "#FLAGGA 0",
        '#PROGRAM "t" 1',
        "#FORMAT PC8",
        "#GEN 20250101",
        "#SIETYP 4",
        "#FNAMN t",
        "#RAR 0 20240101 20241231",
    ]
    lines += [f"#KONTO {a} {quote('Konto ' + a)}" for a in ACCOUNTS]
    movements = dict.fromkeys(ACCOUNTS, Decimal(0))
    for rows in vs:
        for acc, amt, _ in rows:
            movements[acc] += amt
    for acc in BALANCE_ACCOUNTS:
        lines.append(f"#IB 0 {acc} {ib[acc]:.2f}")
        lines.append(f"#UB 0 {acc} {ib[acc] + movements[acc]:.2f}")
    for acc in ACCOUNTS:
        if acc not in BALANCE_ACCOUNTS:
            lines.append(f"#RES 0 {acc} {movements[acc]:.2f}")
    for n, rows in enumerate(vs, 1):
        lines.append(f"#VER A {n} 2024{n % 12 + 1:02d}15 {quote('Ver ' + str(n))}")
        lines.append("{")
        for i, (acc, amt, txt) in enumerate(rows):
            objs = f'{{1 "{i}"}}' if i % 2 else "{}"
            lines.append(f"\t#TRANS {acc} {objs} {amt:.2f} 20240101 {quote(txt)}")
        lines.append("}")
    return "\n".join(lines) + "\n"


ib_values = st.fixed_dictionaries(dict.fromkeys(BALANCE_ACCOUNTS, amount))


@settings(max_examples=25, deadline=None)
@given(vouchers(), ib_values)
def test_consistent_file_has_no_diagnostics(
    vs: list[list[tuple[str, Decimal, str]]], ib: dict[str, Decimal]
) -> None:
    doc, diags = parse_sie_text(_file(vs, ib))
    assert [d.format_text() for d in diags] == []
    assert len(doc.vouchers) == len(vs)
    # the trial balance of balanced vouchers sums to zero
    trial: dict[str, Decimal] = {}
    for v in doc.vouchers:
        for p in v.postings:
            trial[p.account] = trial.get(p.account, Decimal(0)) + p.amount
    assert sum(trial.values(), Decimal(0)) == 0
    # and rows come back exactly as generated
    assert [[(p.account, p.amount, p.text or "") for p in v.postings] for v in doc.vouchers] == vs


@settings(max_examples=25, deadline=None)
@given(
    vouchers().filter(bool),
    ib_values,
    st.sampled_from(BALANCE_ACCOUNTS),
    amount.filter(lambda a: a != 0),
)
def test_ub_off_by_delta_is_reported_for_that_account(
    vs: list[list[tuple[str, Decimal, str]]], ib: dict[str, Decimal], acc: str, delta: Decimal
) -> None:
    text = _file(vs, ib)
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith(f"#UB 0 {acc} "))
    ub = Decimal(lines[i].split()[3]) + delta
    lines[i] = f"#UB 0 {acc} {ub:.2f}"
    _doc, diags = parse_sie_text("\n".join(lines))
    found = [d for d in diags if d.code == "SIE025"]
    assert len(found) == 1
    assert f"konto {acc}" in found[0].message
    assert f"skillnad {delta:.2f}" in found[0].message
    assert getattr(found[0].where, "line", None) == i + 1


@settings(max_examples=25, deadline=None)
@given(vouchers(), ib_values)
def test_fast_path_gives_the_same_result(
    vs: list[list[tuple[str, Decimal, str]]], ib: dict[str, Decimal]
) -> None:
    text = _file(vs, ib)
    results = []
    for fast in (True, False):
        parser = SieParser("x")
        parser.fast_path = fast
        got = [v for n, line in _text_lines(text) if (v := parser.feed(n, line)) is not None]
        parser.finish()
        results.append((got, [d.format_text() for d in parser.diagnostics()]))
    assert results[0] == results[1]
    assert [[p.line for p in v.postings] for v in results[0][0]] == [
        [p.line for p in v.postings] for v in results[1][0]
    ]

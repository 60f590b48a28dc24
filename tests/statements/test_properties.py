"""Accounting invariants over generated balanced ledgers (hypothesis).

For any balanced ledger over two fiscal years whose accounts are all mapped: the balance
sheet balances; the change in equity equals the result; the cash flow ends on the change in
likvida medel; the driftredovisning's total equals the result; each note sums to its line;
every shown figure is within rounding of the sum of its shown parts.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.coa import Resolver, load_mapping
from redovisa.core.money import to_unit
from redovisa.statements import (
    Figures,
    MemoryLedger,
    ReportPeriod,
    StatementOptions,
    compute_statements,
)

from .ledgers import make_sie

MAPPING = load_mapping()[0]
RESOLVER = Resolver(MAPPING)
ACCOUNTS = [
    "1221",
    "1229",
    "1249",
    "1510",
    "1630",
    "1710",
    "1930",
    "1910",
    "2210",
    "2310",
    "2510",
    "2610",
    "2710",
    "2910",
    "3010",
    "3410",
    "5010",
    "5510",
    "4610",
    "6110",
    "6810",
    "8110",
    "8410",
    "8510",
]
OBJECTS = [None, "81141", "81143", "81146"]

amounts = st.integers(min_value=-500_000, max_value=500_000).map(lambda n: Decimal(n) / 100)
voucher = st.tuples(
    st.integers(min_value=0, max_value=729),
    st.lists(
        st.tuples(st.sampled_from(ACCOUNTS), amounts, st.sampled_from(OBJECTS)),
        min_size=1,
        max_size=4,
    ),
)


def _balanced(rows: list[tuple[str, Decimal, str | None]]) -> list[tuple[str, Decimal, str | None]]:
    total = sum((a for _, a, _ in rows), Decimal(0))
    return [*rows, ("1930", -total, None)] if total else rows


@settings(max_examples=40, deadline=None)
@given(
    st.lists(voucher, min_size=1, max_size=25),
    st.dictionaries(st.sampled_from(["1221", "1930", "1510", "2310", "2510"]), amounts, max_size=4),
)
def test_invariants(
    vouchers: list[tuple[int, list[tuple[str, Decimal, str | None]]]], opening: dict[str, Decimal]
) -> None:
    ib = dict(opening)
    ib["2010"] = ib.get("2010", Decimal(0)) - sum(opening.values(), Decimal(0))
    start = date(2023, 1, 1)
    by_year: dict[int, list[tuple[str, list[tuple[str, Decimal, str | None]]]]] = {
        2023: [],
        2024: [],
    }
    for offset, rows in vouchers:
        day = start + timedelta(days=offset)
        by_year[day.year].append((day.isoformat(), _balanced(rows)))
    first = make_sie(2023, ib, by_year[2023])  # type: ignore[arg-type]
    ledger1 = MemoryLedger([first])
    closing = {a: v for a, v in ledger1.balances(date(2023, 12, 31)).items() if a[0] in "12"}
    result_2023 = -sum(
        (v for a, v in ledger1.balances(date(2023, 12, 31)).items() if a[0] not in "12"), Decimal(0)
    )
    closing["2091"] = closing.get("2091", Decimal(0)) - result_2023
    second = make_sie(2024, closing, by_year[2024])  # type: ignore[arg-type]
    ledger = MemoryLedger([first, second])
    period = ReportPeriod(
        date(2024, 1, 1), date(2024, 8, 31), date(2024, 1, 1), date(2024, 12, 31), True
    )
    tables, diags = compute_statements(
        Figures(ledger, MAPPING, resolver=RESOLVER), StatementOptions(period)
    )
    assert [d.code for d in diags if d.is_error] == []
    t = {x.id: x for x in tables}
    rr, br, kf, drift = (
        t["resultatrakning"],
        t["balansrakning"],
        t["kassaflodesanalys"],
        t["driftredovisning"],
    )
    for col in ("utfall", "bokslut_fg"):
        assert br.value("summa_tillgangar", col) == br.value("summa_ek_skulder", col)
        assert kf.value("likvida_ub", col) == ledger_liquid(ledger, period, col)
    # change in equity = result of the period (no direct equity postings are generated)
    eq_now, eq_before = (
        br.value("summa_eget_kapital", "utfall"),
        br.value("summa_eget_kapital", "bokslut_fg"),
    )
    assert eq_now is not None and eq_before is not None
    assert eq_now - eq_before == rr.value("resultat", "utfall")
    assert kf.value("resultat", "utfall") == rr.value("resultat", "utfall")
    assert drift.value("totalt", "utfall") == rr.value("resultat", "utfall")
    notes = {x.title.split(" ", 2)[2]: x for x in tables if x.id.startswith("not_")}
    if "Verksamhetens intäkter" in notes:
        assert notes["Verksamhetens intäkter"].rows[-1].values["utfall"] == rr.value(
            "verksamhetens_intakter", "utfall"
        )
    if "Kortfristiga skulder" in notes:
        assert notes["Kortfristiga skulder"].rows[-1].values["utfall"] == br.value(
            "kortfristiga_skulder", "utfall"
        )
    if "Maskiner och inventarier" in notes:
        assert notes["Maskiner och inventarier"].rows[-1].values["utfall"] == br.value(
            "maskiner_inventarier", "utfall"
        )
    for table in (rr, br, kf):
        _rounding_within_tolerance(table)


def ledger_liquid(ledger: MemoryLedger, period: ReportPeriod, col: str) -> Decimal:
    at = period.end if col == "utfall" else date(2023, 12, 31)
    return sum((v for a, v in ledger.balances(at).items() if a.startswith("19")), Decimal(0))


def _rounding_within_tolerance(table: object) -> None:
    """A shown sum differs from the sum of its shown parts by at most 0.5 per part."""
    rows = {r.key: r for r in table.rows}  # type: ignore[attr-defined]
    for row in rows.values():
        parts = [(rows[k], sign) for k, sign in row.parts if k in rows]
        for col, exact in row.values.items():
            if exact is None or not parts:
                continue
            shown = sum(sign * to_unit(r.values[col]) for r, sign in parts)
            assert abs(to_unit(exact) - shown) <= 0.5 * len(parts)

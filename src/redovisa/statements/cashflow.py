"""Kassaflödesanalys, indirect method (LKBR 8 kap., RKR R13).

Every row is minus the movement of a class of balance-sheet accounts (or a non-cash part of
the result), so the rows add up to the movement of the likvida medel accounts whenever the
ledger balances: ÅRETS KASSAFLÖDE = change in likvida medel, by construction. Nettoinvesteringar
is the movement of the fixed assets net of the non-cash adjustments (depreciation, gains and
losses), so a fully depreciated asset that is scrapped moves nothing (docs/statements.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from redovisa.statements.figures import Figures, Sums
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value, add, neg


def _notes(figures: Figures, cashflow: str) -> list[str]:
    out: list[str] = []
    for g in figures.mapping.groups:
        if g.cashflow == cashflow and g.note and g.note not in out:
            out.append(g.note)
    return out


def cash_flow(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    *,
    title: str = "Kassaflödesanalys",
    omit_zero: bool = True,
) -> StatementTable:
    """The kassaflödesanalys for the flow columns (a plan column stays empty)."""
    b = Builder("kassaflodesanalys", title, columns, omit_zero=omit_zero)
    cf = {
        name: [g.id for g in figures.mapping.groups if g.cashflow == name]
        for name in (
            "likvida",
            "omsattningstillgangar",
            "kortfristiga_skulder",
            "anlaggning",
            "finansiell_anlaggning",
            "investeringsbidrag",
            "avsattningar",
            "langfristiga_lan",
            "eget_kapital",
            "avskrivningar",
            "realisation",
        )
    }
    other = (
        cf["eget_kapital"]
        + figures.groups(statement="closing")
        + figures.groups(statement="excluded")
    )
    rr = figures.groups(statement="rr")

    def flow(col: ColumnSpec) -> Sums | None:
        return figures.sums(col) if col.kind == "flow" else None

    def minus(gids: list[str]) -> Callable[[ColumnSpec], Value]:
        def fn(col: ColumnSpec) -> Value:
            s = flow(col)
            return None if s is None else -s.of(gids)

        return fn

    def plus(gids: list[str]) -> Callable[[ColumnSpec], Value]:
        def fn(col: ColumnSpec) -> Value:
            s = flow(col)
            return None if s is None else s.of(gids)

        return fn

    def net_investments(col: ColumnSpec) -> Value:
        s = flow(col)
        if s is None:
            return None
        return -s.of(cf["anlaggning"]) - s.of(cf["avskrivningar"]) - s.of(cf["realisation"])

    def new_loans(col: ColumnSpec) -> Value:
        s = flow(col)
        return None if s is None else -s.credits(cf["langfristiga_lan"])

    def repayments(col: ColumnSpec) -> Value:
        s = flow(col)
        return None if s is None else -s.debits(cf["langfristiga_lan"])

    def opening(col: ColumnSpec) -> Value:
        if col.kind != "flow" or col.start is None:
            return None
        return figures.balance_of(col.start - timedelta(days=1), cf["likvida"], raw=True)

    acc = figures.accounts_of
    b.heading("h_drift", "DRIFT")
    b.item("resultat", "Årets resultat", minus(rr), accounts=acc(rr))
    b.item(
        "avskrivningar",
        "Justering för av- och nedskrivningar",
        plus(cf["avskrivningar"]),
        notes=[n.id for n in figures.mapping.notes if n.kind == "assets"],
        accounts=acc(cf["avskrivningar"]),
    )
    b.item(
        "avsattningar",
        "Justering för gjorda och ianspråktagna avsättningar",
        minus(cf["avsattningar"]),
        optional=True,
        notes=_notes(figures, "avsattningar"),
        accounts=acc(cf["avsattningar"]),
    )
    b.item(
        "realisation",
        "Justering för realisationsvinster och -förluster",
        plus(cf["realisation"]),
        optional=True,
        accounts=acc(cf["realisation"]),
    )
    b.item(
        "ovriga_ej_likvida",
        "Justering för övriga ej likviditetspåverkande poster",
        minus(other),
        optional=True,
        accounts=acc(other),
    )
    b.total(
        "fore_rorelsekapital",
        "Medel från verksamheten före förändring av rörelsekapital",
        ["resultat", "avskrivningar", "avsattningar", "realisation", "ovriga_ej_likvida"],
    )
    b.item(
        "omsattningstillgangar",
        "Förändring av omsättningstillgångar",
        minus(cf["omsattningstillgangar"]),
        notes=_notes(figures, "omsattningstillgangar"),
        accounts=acc(cf["omsattningstillgangar"]),
    )
    b.item(
        "kortfristiga_skulder",
        "Förändring av kortfristiga skulder",
        minus(cf["kortfristiga_skulder"]),
        notes=_notes(figures, "kortfristiga_skulder"),
        accounts=acc(cf["kortfristiga_skulder"]),
    )
    b.total(
        "kassaflode_drift",
        "Kassaflöde från drift",
        ["fore_rorelsekapital", "omsattningstillgangar", "kortfristiga_skulder"],
    )
    b.heading("h_investeringar", "INVESTERINGAR")
    b.heading("h_materiella", "Materiella anläggningstillgångar")
    b.item(
        "nettoinvesteringar",
        "Nettoinvesteringar",
        net_investments,
        notes=[n.id for n in figures.mapping.notes if n.kind == "assets"],
        accounts=acc(cf["anlaggning"]),
    )
    b.item(
        "finansiella_anlaggningar",
        "Investering i finansiella anläggningstillgångar",
        minus(cf["finansiell_anlaggning"]),
        optional=True,
        accounts=acc(cf["finansiell_anlaggning"]),
    )
    b.item(
        "investeringsbidrag",
        "Erhållna investeringsbidrag",
        minus(cf["investeringsbidrag"]),
        optional=True,
        accounts=acc(cf["investeringsbidrag"]),
    )
    b.total(
        "kassaflode_investeringar",
        "Kassaflöde från investeringar",
        ["nettoinvesteringar", "finansiella_anlaggningar", "investeringsbidrag"],
    )
    b.heading("h_finansiering", "FINANSIERING")
    loans = acc(cf["langfristiga_lan"])
    b.item("nya_lan", "Nyupptagna långfristiga lån", new_loans, accounts=loans)
    b.item(
        "amortering",
        "Amortering långfristiga lån",
        repayments,
        notes=_notes(figures, "langfristiga_lan"),
        accounts=loans,
    )
    b.total("kassaflode_finansiering", "Kassaflöde från finansiering", ["nya_lan", "amortering"])
    b.total(
        "arets_kassaflode",
        "ÅRETS KASSAFLÖDE",
        ["kassaflode_drift", "kassaflode_investeringar", "kassaflode_finansiering"],
        kind="total",
    )
    liquid = acc(cf["likvida"])
    b.item("likvida_ib", "Likvida medel vid årets början", opening, accounts=liquid)
    b.total(
        "likvida_ub",
        "Likvida medel vid årets slut",
        ["likvida_ib", "arets_kassaflode"],
        kind="total",
    )
    return b.build()


def closing_liquidity(figures: Figures, col: ColumnSpec) -> Value:
    """Likvida medel per the balances at the column's end (for the STM003 check)."""
    if col.kind != "flow" or col.end is None:
        return None
    gids = [g.id for g in figures.mapping.groups if g.cashflow == "likvida"]
    return figures.balance_of(col.end, gids, raw=True)


__all__ = ["add", "cash_flow", "closing_liquidity", "neg"]

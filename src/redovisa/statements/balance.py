"""Balansräkning (LKBR 6 kap.), at the end of each column's period.

Eget kapital is computed so that the balansräkning balances by construction: it is minus
the balances of every account that is neither an asset nor a liability (equity accounts,
the year-end transfer, class 9, and the year-to-date result accounts). "- varav årets
resultat" is the resultaträkning's result for the fiscal year up to the date.
"""

from __future__ import annotations

from collections.abc import Sequence

from redovisa.statements.figures import Figures
from redovisa.statements.income import line_notes
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value, neg

ASSETS_FIXED = (
    ("immateriella_anlaggningstillgangar", "Immateriella anläggningstillgångar"),
    ("mark_byggnader", "Mark, byggnader och tekniska anläggningar"),
    ("maskiner_inventarier", "Maskiner och inventarier"),
    ("ovriga_materiella_anlaggningstillgangar", "Övriga materiella anläggningstillgångar"),
    ("finansiella_anlaggningstillgangar", "Finansiella anläggningstillgångar"),
)
MATERIAL = ("mark_byggnader", "maskiner_inventarier", "ovriga_materiella_anlaggningstillgangar")
ASSETS_CURRENT = (
    ("forrad", "Förråd m.m."),
    ("fordringar", "Fordringar"),
    ("kortfristiga_placeringar", "Kortfristiga placeringar"),
    ("kassa_bank", "Kassa och bank"),
)
PROVISIONS = (
    ("avsattningar_pensioner", "Avsättningar för pensioner och liknande förpliktelser"),
    ("andra_avsattningar", "Andra avsättningar"),
)
DEBTS = (
    ("langfristiga_skulder", "Långfristiga skulder"),
    ("kortfristiga_skulder", "Kortfristiga skulder"),
)
EQUITY_LINES = ("eget_kapital", "resultatreserv")


def _at(col: ColumnSpec) -> ColumnSpec | None:
    return col if col.kind == "flow" and col.end is not None else None


def br_line(figures: Figures, line: str, col: ColumnSpec, *, sign: int = 1) -> Value:
    """A balansräkning line at the end of a column (assets debit +, liabilities credit +)."""
    if _at(col) is None:
        return None
    value = figures.balance_of(col.end, figures.groups(statement="br", line=line))
    return value if sign > 0 else neg(value)


def equity_total(figures: Figures, col: ColumnSpec) -> Value:
    """Summa eget kapital: minus every balance that is not an asset or a liability."""
    if _at(col) is None:
        return None
    gids = [g.id for g in figures.mapping.groups if g.statement != "br" or g.line in EQUITY_LINES]
    return neg(figures.balance_of(col.end, gids))


def year_result_at(figures: Figures, col: ColumnSpec) -> Value:
    """Årets resultat from the fiscal year start up to the column's end date."""
    if _at(col) is None:
        return None
    return neg(figures.balance_of(col.end, figures.groups(statement="rr")))


def balance_sheet(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    *,
    title: str = "Balansräkning",
    omit_zero: bool = True,
) -> StatementTable:
    """The balansräkning; Summa tillgångar equals Summa eget kapital och skulder by construction
    when every account is mapped and the ledger balances."""
    b = Builder("balansrakning", title, columns, omit_zero=omit_zero)

    def item(line: str, label: str, sign: int, optional: bool = True) -> None:
        gids = figures.groups(statement="br", line=line)
        b.item(
            line,
            label,
            lambda c: br_line(figures, line, c, sign=sign),
            optional=optional,
            notes=line_notes(figures, line),
            accounts=figures.accounts_of(gids),
        )

    b.heading("h_tillgangar", "TILLGÅNGAR")
    b.heading("h_anlaggning", "ANLÄGGNINGSTILLGÅNGAR")
    for line, label in ASSETS_FIXED:
        if line == "mark_byggnader":
            b.heading("h_materiella", "Materiella anläggningstillgångar", governs=MATERIAL)
        item(line, label, 1)
    b.total("summa_anlaggning", "Summa anläggningstillgångar", [k for k, _ in ASSETS_FIXED])
    item("bidrag_statlig_infrastruktur", "Bidrag till statlig infrastruktur", 1)
    b.heading("h_omsattning", "OMSÄTTNINGSTILLGÅNGAR")
    for line, label in ASSETS_CURRENT:
        item(line, label, 1)
    b.total("summa_omsattning", "Summa omsättningstillgångar", [k for k, _ in ASSETS_CURRENT])
    b.total(
        "summa_tillgangar",
        "Summa tillgångar",
        ["summa_anlaggning", "bidrag_statlig_infrastruktur", "summa_omsattning"],
        kind="total",
    )

    provisions = [line for line, _ in PROVISIONS]
    has_provisions = any(
        b_value
        for c in columns
        if c.kind == "flow"
        for b_value in [br_line(figures, line, c, sign=-1) for line in provisions]
    )
    head = (
        "EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER" if has_provisions else "EGET KAPITAL OCH SKULDER"
    )
    b.heading("h_ek_skulder", head)
    b.heading("h_eget_kapital", "EGET KAPITAL")
    eq_gids = [g.id for g in figures.mapping.groups if g.line in EQUITY_LINES]
    b.item(
        "arets_resultat",
        "- varav årets resultat",
        lambda c: year_result_at(figures, c),
        accounts=figures.accounts_of(figures.groups(statement="rr")),
    )
    item("resultatreserv", "- varav resultatreserv", -1)
    b.item(
        "summa_eget_kapital",
        "Summa eget kapital",
        lambda c: equity_total(figures, c),
        kind="subtotal",
        notes=line_notes(figures, "eget_kapital"),
        accounts=figures.accounts_of(eq_gids),
    )
    b.heading("h_avsattningar", "AVSÄTTNINGAR", governs=provisions)
    for line, label in PROVISIONS:
        item(line, label, -1)
    b.total("summa_avsattningar", "Summa avsättningar", provisions, optional=True)
    b.heading("h_skulder", "SKULDER")
    for line, label in DEBTS:
        item(line, label, -1, optional=False)
    b.total("summa_skulder", "Summa skulder", [k for k, _ in DEBTS])
    closing = (
        "Summa eget kapital, avsättningar och skulder"
        if has_provisions
        else "Summa eget kapital och skulder"
    )
    b.total(
        "summa_ek_skulder",
        closing,
        ["summa_eget_kapital", "summa_avsattningar", "summa_skulder"],
        kind="total",
    )
    return b.build()


__all__ = ["balance_sheet", "br_line", "equity_total", "year_result_at"]

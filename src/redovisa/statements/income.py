"""Resultaträkning (LKBR 5 kap.): lines for kommun, region and kommunalförbund."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from redovisa.statements.figures import Figures
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value

# (line id, label, optional)
RR_ITEMS_1 = (
    ("verksamhetens_intakter", "Verksamhetens intäkter", False),
    ("verksamhetens_kostnader", "Verksamhetens kostnader", False),
    ("avskrivningar", "Av- och nedskrivningar", False),
)
RR_ITEMS_2 = (
    ("medlemsavgifter", "Medlemsavgifter", True),
    ("skatteintakter", "Skatteintäkter", True),
    ("generella_statsbidrag", "Generella statsbidrag och utjämning", True),
)
RR_ITEMS_3 = (
    ("finansiella_intakter", "Finansiella intäkter", True),
    ("finansiella_kostnader", "Finansiella kostnader", True),
)
RR_ITEMS_4 = (("extraordinara_poster", "Extraordinära poster", True),)
REVENUE_LINES = (
    "verksamhetens_intakter",
    "medlemsavgifter",
    "skatteintakter",
    "generella_statsbidrag",
    "finansiella_intakter",
)


def line_notes(figures: Figures, line: str) -> list[str]:
    """Note ids behind a statement line: the notes of its groups, in mapping order."""
    if line == "avskrivningar":
        return [n.id for n in figures.mapping.notes if n.kind == "assets"]
    out: list[str] = []
    for g in figures.mapping.groups:
        if g.line == line and g.note and g.note not in out:
            out.append(g.note)
    return out


def rr_line(figures: Figures, line: str, col: ColumnSpec) -> Value:
    """A resultaträkning line in a column, credit positive (income +, costs -)."""
    sums = figures.sums(col)
    if sums is None:
        return None
    return -sums.of(figures.groups(statement="rr", line=line))


def result(figures: Figures, col: ColumnSpec) -> Value:
    """Årets (periodens) resultat of a column: minus the net of every rr group."""
    sums = figures.sums(col)
    if sums is None:
        return None
    return -sums.of(figures.groups(statement="rr"))


def income_statement(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    *,
    result_label: str = "Årets resultat",
    title: str = "Resultaträkning",
    omit_zero: bool = True,
) -> StatementTable:
    """The resultaträkning with its subtotals; every subtotal is the sum of the rows above."""
    b = Builder("resultatrakning", title, columns, omit_zero=omit_zero)
    done: list[str] = []

    def items(specs: tuple[tuple[str, str, bool], ...]) -> None:
        for line, label, optional in specs:
            gids = figures.groups(statement="rr", line=line)
            b.item(
                line,
                label,
                partial(rr_line, figures, line),
                optional=optional,
                notes=line_notes(figures, line),
                accounts=figures.accounts_of(gids),
            )
            done.append(line)

    items(RR_ITEMS_1)
    b.total("verksamhetens_nettokostnader", "Verksamhetens nettokostnader", list(done))
    items(RR_ITEMS_2)
    b.total("verksamhetens_resultat", "Verksamhetens resultat", list(done))
    items(RR_ITEMS_3)
    b.total("resultat_efter_finansiella_poster", "Resultat efter finansiella poster", list(done))
    items(RR_ITEMS_4)
    b.total("resultat", result_label, list(done), kind="total")
    return b.build()


__all__ = ["REVENUE_LINES", "income_statement", "line_notes", "result", "rr_line"]

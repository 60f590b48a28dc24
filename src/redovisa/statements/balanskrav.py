"""Balanskravsutredning (kommunallagen 11 kap.) and the ratio result / turnover.

Årets resultat comes from the resultaträkning of the column (ledger or prognos), or, for a
year no ledger file covers, from ``[balanskrav."YYYY"] result`` in redovisa.toml. Realisation
gains and unrealised gains/losses on securities come from the groups flagged ``balanskrav`` in
the mapping; the exceptions and the resultatreserv movements are decisions, so they are
configured per year.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from redovisa.statements.figures import Figures
from redovisa.statements.income import REVENUE_LINES, result
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value, neg

ADJUSTMENT_KEYS = (
    "result",
    "realisationsvinster_undantag",
    "realisationsforluster_undantag",
    "aterforing_orealiserade",
    "reservering_resultatreserv",
    "anvandning_resultatreserv",
)
Adjustments = Mapping[int, Mapping[str, Decimal]]


def column_year(col: ColumnSpec) -> int | None:
    """The fiscal year a column belongs to."""
    if col.kind == "plan":
        return col.year
    return col.end.year if col.end is not None else None


def year_result(figures: Figures, col: ColumnSpec, adjustments: Adjustments) -> Value:
    """The column's result, or the configured result of its year when the ledger lacks it."""
    value = result(figures, col)
    if value is None:
        year = column_year(col)
        configured = adjustments.get(year, {}) if year is not None else {}
        if "result" in configured:
            figures.missing.discard(col.label)
            return configured["result"]
    return value


def balanskrav_statement(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    adjustments: Adjustments | None = None,
    *,
    title: str = "Balanskravsutredning",
    omit_zero: bool = True,
) -> StatementTable:
    """The balanskravsutredning for each column (prognos and the previous years)."""
    adj = adjustments or {}
    b = Builder("balanskravsutredning", title, columns, omit_zero=omit_zero)

    def flagged(flag: str) -> Callable[[ColumnSpec], Value]:
        gids = figures.groups(balanskrav=flag)

        def fn(c: ColumnSpec) -> Value:
            sums = figures.sums(c)
            if sums is None:
                year = column_year(c)
                known = year is not None and "result" in adj.get(year, {})
                return Decimal("0.00") if known else None
            return sums.of(gids)

        return fn

    def configured(key: str, sign: int = 1) -> Callable[[ColumnSpec], Value]:
        def fn(c: ColumnSpec) -> Value:
            year = column_year(c)
            value = adj.get(year, {}).get(key, Decimal("0.00")) if year is not None else None
            return value if sign > 0 else neg(value)

        return fn

    b.item(
        "arets_resultat",
        "Årets resultat",
        lambda c: year_result(figures, c, adj),
        kind="subtotal",
        accounts=figures.accounts_of(figures.groups(statement="rr")),
    )
    b.item(
        "realisationsvinster",
        "Samtliga realisationsvinster",
        flagged("realisationsvinst"),
        accounts=figures.accounts_of(figures.groups(balanskrav="realisationsvinst")),
    )
    b.item(
        "undantag_vinster",
        "+ Realisationsvinster enligt undantagsmöjlighet",
        configured("realisationsvinster_undantag"),
    )
    b.item(
        "undantag_forluster",
        "+ Realisationsförluster enligt undantagsmöjlighet",
        configured("realisationsforluster_undantag"),
    )
    b.item(
        "orealiserade",
        "-/+ Orealiserade vinster och förluster i värdepapper",
        flagged("orealiserad"),
        accounts=figures.accounts_of(figures.groups(balanskrav="orealiserad")),
    )
    b.item(
        "aterforing",
        "+/- Återföring av orealiserade vinster och förluster i värdepapper",
        configured("aterforing_orealiserade"),
    )
    b.total(
        "efter_justeringar",
        "Årets resultat efter balanskravsjusteringar",
        [
            "arets_resultat",
            "realisationsvinster",
            "undantag_vinster",
            "undantag_forluster",
            "orealiserade",
            "aterforing",
        ],
    )
    b.item(
        "reservering",
        "- Reservering av medel till resultatreserv",
        configured("reservering_resultatreserv", -1),
        optional=True,
    )
    b.item(
        "anvandning",
        "+ Användning av medel från resultatreserv",
        configured("anvandning_resultatreserv"),
        optional=True,
    )
    b.total(
        "balanskravsresultat",
        "Årets balanskravsresultat",
        ["efter_justeringar", "reservering", "anvandning"],
        kind="total",
    )
    return b.build()


def turnover(figures: Figures, col: ColumnSpec) -> Value:
    """Omsättning: the revenue lines of the resultaträkning (credit positive)."""
    sums = figures.sums(col)
    if sums is None:
        return None
    gids = [g.id for g in figures.mapping.groups if g.statement == "rr" and g.line in REVENUE_LINES]
    return -sums.of(gids)


def key_ratios(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    *,
    title: str = "Finansiella nyckeltal",
) -> StatementTable:
    """Årets resultat i procent av omsättningen (the goal ratio), with the turnover."""
    b = Builder("finansiella_nyckeltal", title, columns, omit_zero=False)

    def ratio(c: ColumnSpec) -> Value:
        r, t = result(figures, c), turnover(figures, c)
        if r is None or not t:
            return None
        return r * 100 / t

    b.item("omsattning", "Omsättning", lambda c: turnover(figures, c))
    b.item("resultat", "Årets resultat", lambda c: result(figures, c))
    b.item("resultat_andel", "Årets resultat i procent av omsättningen", ratio, unit="procent")
    return b.build()


__all__ = [
    "ADJUSTMENT_KEYS",
    "Adjustments",
    "balanskrav_statement",
    "column_year",
    "key_ratios",
    "turnover",
    "year_result",
]

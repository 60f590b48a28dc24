"""Noter: one table per note, from the groups that name it (docs/coa.md, "Notes").

Each note sums to its statement line: a group note's total is the sum of its groups, which
are exactly the groups of the line (or lines) it explains; the asset note rolls the opening
balance forward with the period's debits and credits to the closing balance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import partial

from redovisa.coa.model import Group, NoteDef
from redovisa.statements.balance import equity_total, year_result_at
from redovisa.statements.figures import Figures
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value, add, neg


def _group_value(figures: Figures, groups: Sequence[Group], col: ColumnSpec, *, sign: str) -> Value:
    gids = [g.id for g in groups]
    if groups and groups[0].statement == "br":
        value = figures.balance_of(col.end, gids) if col.kind == "flow" else None
    else:
        sums = figures.sums(col)
        value = None if sums is None else sums.of(gids)
    return neg(value) if sign == "credit" else value


def _groups_note(
    figures: Figures, note: NoteDef, columns: Sequence[ColumnSpec], omit: bool
) -> StatementTable:
    b = Builder(note.id, note.title, columns, omit_zero=omit)
    groups = [g for g in figures.mapping.groups if g.note == note.id]
    mains = [g for g in groups if g.note_parent is None]
    item_keys: list[str] = []
    section: str | None = None
    section_keys: list[str] = []

    def close_section() -> None:
        if section is not None and section_keys:
            label = note.sections.get(section, "Summa")
            b.total(f"section_{section}", label, list(section_keys))

    for g in mains:
        if g.note_section != section:
            close_section()
            section, section_keys = g.note_section, []
        children = [c for c in groups if c.note_parent == g.id]
        members = [g, *children]
        b.item(
            g.id,
            g.label,
            partial(_group_value, figures, members, sign=note.sign),
            optional=not g.show_zero,
            accounts=figures.accounts_of(m.id for m in members),
        )
        item_keys.append(g.id)
        if section is not None:
            section_keys.append(g.id)
        for child in children:
            b.item(
                child.id,
                child.label,
                partial(_group_value, figures, [child], sign=note.sign),
                optional=not child.show_zero,
                accounts=figures.accounts_of([child.id]),
            )
    close_section()
    b.total("total", note.total, item_keys, kind="total")
    return b.build()


def _assets_note(
    figures: Figures, note: NoteDef, columns: Sequence[ColumnSpec], omit: bool
) -> StatementTable:
    b = Builder(note.id, note.title, columns, omit_zero=omit)
    groups = [g for g in figures.mapping.groups if g.note == note.id]
    acq = [g.id for g in groups if g.asset == "anskaffning"]
    ack = [g.id for g in groups if g.asset == "ackumulerade"]

    def opening(gids: list[str]) -> Callable[[ColumnSpec], Value]:
        def fn(c: ColumnSpec) -> Value:
            if c.kind != "flow" or c.start is None:
                return None
            return figures.balance_of(c.start - timedelta(days=1), gids, raw=True)

        return fn

    def debits(gids: list[str]) -> Callable[[ColumnSpec], Value]:
        def fn(c: ColumnSpec) -> Value:
            s = figures.sums(c) if c.kind == "flow" else None
            return None if s is None else s.debits(gids)

        return fn

    def credits(gids: list[str]) -> Callable[[ColumnSpec], Value]:
        def fn(c: ColumnSpec) -> Value:
            s = figures.sums(c) if c.kind == "flow" else None
            return None if s is None else s.credits(gids)

        return fn

    acq_acc, ack_acc = figures.accounts_of(acq), figures.accounts_of(ack)
    b.item("ib_anskaffning", "Ingående anskaffningsvärde", opening(acq), accounts=acq_acc)
    b.item("inkop", "Inköp", debits(acq), accounts=acq_acc)
    b.item("utrangering_anskaffning", "Utrangeringar", credits(acq), accounts=acq_acc)
    b.total(
        "ub_anskaffning",
        "Utgående anskaffningsvärde",
        ["ib_anskaffning", "inkop", "utrangering_anskaffning"],
    )
    b.item("ib_ack", "Ingående ack avskrivningar", opening(ack), accounts=ack_acc)
    b.item("avskrivningar", "Årets avskrivningar", credits(ack), accounts=ack_acc)
    b.item("utrangering_ack", "Utrangeringar", debits(ack), accounts=ack_acc)
    b.total("ub_ack", "Utgående ack avskrivningar", ["ib_ack", "avskrivningar", "utrangering_ack"])
    b.total("summa", note.total, ["ub_anskaffning", "ub_ack"], kind="total")
    for category, label in note.categories.items():
        gids = [g.id for g in groups if g.asset_category == category]

        def closing(c: ColumnSpec, gids: list[str] = gids) -> Value:
            s = figures.sums(c) if c.kind == "flow" else None
            start = opening(gids)(c)
            return None if s is None else add([start, s.of(gids)])

        b.item(
            f"varav_{category}", label, closing, optional=True, accounts=figures.accounts_of(gids)
        )
    b.total("anskaffningsvarde", "Anskaffningsvärde", ["ub_anskaffning"])
    b.total("ackumulerade", "Ackumulerade av- och nedskrivningar", ["ub_ack"])
    b.total(
        "redovisat_varde", "Redovisat värde", ["anskaffningsvarde", "ackumulerade"], kind="total"
    )
    return b.build()


def _equity_note(
    figures: Figures, note: NoteDef, columns: Sequence[ColumnSpec], omit: bool
) -> StatementTable:
    b = Builder(note.id, note.title, columns, omit_zero=omit)
    reserve = figures.groups(statement="br", line="resultatreserv")
    equity = figures.groups(statement="br", line="eget_kapital")
    label = figures.group(equity[0]).label if equity else "Balanserat resultat"
    reserve_label = figures.group(reserve[0]).label if reserve else "Resultatreserv"

    def reserve_value(c: ColumnSpec) -> Value:
        return neg(figures.balance_of(c.end, reserve)) if c.kind == "flow" else None

    def retained(c: ColumnSpec) -> Value:
        total, res, rr = equity_total(figures, c), reserve_value(c), year_result_at(figures, c)
        return add([total, neg(res), neg(rr)])

    b.item("balanserat", label, retained, accounts=figures.accounts_of(equity))
    b.item(
        "resultatreserv",
        reserve_label,
        reserve_value,
        optional=True,
        accounts=figures.accounts_of(reserve),
    )
    b.item(
        "arets_resultat",
        "Årets resultat",
        lambda c: year_result_at(figures, c),
        accounts=figures.accounts_of(figures.groups(statement="rr")),
    )
    b.total("total", note.total, ["balanserat", "resultatreserv", "arets_resultat"], kind="total")
    return b.build()


def note_tables(
    figures: Figures, columns: Sequence[ColumnSpec], *, omit_zero: bool = True
) -> list[tuple[NoteDef, StatementTable]]:
    """Every note with a figure other than zero, in numbering order (ids not yet numbered)."""
    out: list[tuple[NoteDef, StatementTable]] = []
    for note in figures.mapping.notes:
        if note.kind == "assets":
            table = _assets_note(figures, note, columns, omit_zero)
        elif note.kind == "equity":
            table = _equity_note(figures, note, columns, omit_zero)
        else:
            table = _groups_note(figures, note, columns, omit_zero)
        if any(v for row in table.rows for v in row.values.values()):
            out.append((note, table))
    return out


__all__ = ["note_tables"]

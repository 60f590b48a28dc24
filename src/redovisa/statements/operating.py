"""Driftredovisning per verksamhet (LKBR 10 kap., RKR R14): an object dimension of the ledger.

Each verksamhet shows intäkter, personalkostnader, övriga kostnader and avskrivningar (the
``drift`` category of the groups) and its result; TOTALT is the sum over every verksamhet,
including rows without an object ("Ej fördelat"), so it equals the resultaträkning's result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from redovisa.statements.figures import Figures, Sums
from redovisa.statements.table import Builder, ColumnSpec, StatementTable, Value

CATEGORIES = (
    ("intakter", "Intäkter"),
    ("personal", "Personalkostnader"),
    ("ovriga", "Övriga kostnader"),
    ("avskrivningar", "Avskrivningar"),
)
UNASSIGNED = "Ej fördelat på verksamhet"


def operating_statement(
    figures: Figures,
    columns: Sequence[ColumnSpec],
    dimension: str,
    *,
    title: str = "Driftredovisning",
    omit_zero: bool = True,
) -> StatementTable:
    """Rows per verksamhet (object of ``dimension``), its result, and TOTALT."""
    b = Builder("driftredovisning", title, columns, omit_zero=omit_zero)
    per_col: dict[str, Mapping[str | None, Sums] | None] = {}
    for c in b.value_columns:
        per_col[c.id] = figures.by_object(c, dimension)
    rr = {g.id: g for g in figures.mapping.groups if g.statement == "rr"}
    objects: set[str | None] = set()
    for data in per_col.values():
        if data:
            objects.update(k for k, s in data.items() if any(s.net.get(g) for g in rr))
    names = figures.ledger.object_names(dimension)
    cat_groups = {cat: [gid for gid, g in rr.items() if g.drift == cat] for cat, _ in CATEGORIES}

    def value(oid: str | None, gids: list[str]) -> Callable[[ColumnSpec], Value]:
        def fn(c: ColumnSpec) -> Value:
            data = per_col.get(c.id)
            if data is None:
                return None
            sums = data.get(oid)
            return -sums.of(gids) if sums is not None else -Sums().of(gids)

        return fn

    results: list[str] = []
    ordered = sorted(o for o in objects if o is not None) + ([None] if None in objects else [])
    for oid in ordered:
        key = oid if oid is not None else "_none"
        parts: list[str] = []
        for cat, label in CATEGORIES:
            k = f"{key}:{cat}"
            b.item(k, label, value(oid, cat_groups[cat]), optional=True)
            parts.append(k)
        name = f"{oid} {names.get(oid, '')}".strip() if oid is not None else UNASSIGNED
        b.total(key, name, parts)
        results.append(key)
    b.total("totalt", "TOTALT", results, kind="total")
    return b.build()


__all__ = ["CATEGORIES", "UNASSIGNED", "operating_statement"]

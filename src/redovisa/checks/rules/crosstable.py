"""Across tables: the same figure must be the same wherever the report shows it."""

from __future__ import annotations

from decimal import Decimal

from redovisa.checks import facts as F
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.checks.rules.sums import RND001
from redovisa.core.diagnostics import Diagnostic, Severity

XTAB001 = define(
    "XTAB001",
    Severity.ERROR,
    "Årets resultat skiljer sig mellan tabellerna",
    """The result must be the same in the resultaträkning, the change in eget kapital in the
    balansräkning, "årets resultat" in the note on eget kapital, and the first line of the
    balanskravsutredning and of the kassaflödesanalys, column by column.""",
)
XTAB002 = define(
    "XTAB002",
    Severity.ERROR,
    "Likvida medel stämmer inte mellan tabellerna",
    """The closing line of the kassaflödesanalys must equal kassa och bank (likvida medel)
    in the balansräkning and the cash note; its opening line the previous year end; and
    the year's cash flow the change in likvida medel in the balansräkning.""",
)
XTAB003 = define(
    "XTAB003",
    Severity.ERROR,
    "Avskrivningarna stämmer inte mellan tabellerna",
    """Depreciation must be the same in the resultaträkning, the asset notes ("årets
    avskrivningar") and the adjustment line of the kassaflödesanalys.""",
)
XTAB004 = define(
    "XTAB004",
    Severity.ERROR,
    "Investeringarna stämmer inte mellan tabellerna",
    """Investments must be the same in the kassaflödesanalys, as purchases in the asset
    notes and as outcome in the investeringsredovisning.""",
)
XTAB005 = define(
    "XTAB005",
    Severity.ERROR,
    "Noten stämmer inte med raden i räkningen",
    """The total of each note must equal the line of the resultaträkning or balansräkning
    that refers to it, in every column both have.""",
)
XTAB006 = define(
    "XTAB006",
    Severity.ERROR,
    "Driftredovisningens resultat stämmer inte med resultaträkningen",
    """The total of the driftredovisning must equal the result of the resultaträkning for
    budget, outcome and forecast.""",
)
XTAB008 = define(
    "XTAB008",
    Severity.ERROR,
    "Total sjukfrånvaro skiljer sig mellan tabellerna",
    """Total sick leave must be the same in the table per age group and per sex.""",
)

_ABS = True


def row_sign(fact: F.Fact, default: Decimal) -> Decimal:
    """The sign a row prints its figures with, from its other columns (else ``default``)."""
    others = [v for cid, v in fact.row.values.items() if cid != fact.column.id and v != 0]
    if others and all(v > 0 for v in others):
        return Decimal(1)
    if others and all(v < 0 for v in others):
        return Decimal(-1)
    return default


def _compare_group(  # noqa: PLR0917
    code: str,
    what: str,
    members: list[tuple[str, dict[F.Key, F.Fact]]],
    use_abs: bool,
    rounding: Decimal = Decimal(1),
    signs: dict[str, int] | None = None,
) -> list[Diagnostic]:
    """Compare figures that must be equal; the majority (else the first member) is right.

    With ``use_abs`` the figures are compared without sign, as statements print the same
    amount as a cost, an adjustment or an outflow; the expected figure then carries the
    sign the row should show: the member's fixed sign in ``signs`` (the kassaflödesanalys
    adds depreciation back, +, and pays investments, −), else the sign of the row's
    other columns, else the sign shown. A member with a fixed sign that shows the right
    amount with the wrong sign is reported too.
    """
    out: list[Diagnostic] = []
    fixed = signs or {}
    keys: set[F.Key] = set()
    for _, facts in members:
        keys.update(facts)
    for key in sorted(keys):
        present = [(name, facts[key]) for name, facts in members if key in facts]
        if len(present) < 2:
            continue

        def val(f: F.Fact) -> Decimal:
            return abs(f.value) if use_abs else f.value

        values = [val(f) for _, f in present]
        ref_name, ref = present[0]
        majority = max(set(values), key=values.count)
        if values.count(majority) > len(values) / 2 and values.count(majority) >= 2:
            ref_name, ref = next((n, f) for n, f in present if val(f) == majority)
        for name, f in present:
            if f is ref and name not in fixed:
                continue
            diff = val(f) - val(ref)
            if use_abs:
                shown_sign = Decimal(-1) if f.value < 0 else Decimal(1)
                sign = Decimal(fixed[name]) if name in fixed else row_sign(f, shown_sign)
                expected = sign * val(ref)
                if diff == 0 and (name not in fixed or f.value == 0 or shown_sign == sign):
                    continue
            else:
                expected = ref.value
                if diff == 0:
                    continue
            severity_code = RND001 if 0 < abs(diff) <= rounding else code
            out.append(
                finding(
                    severity_code,
                    f"{what} i {name} ({f.table.title}, {f.row.label.strip()}, "
                    f"{f.column.label}) är {fmt(f.value)} men ska vara {fmt(expected)} "
                    f"enligt {ref_name} ({ref.table.title}, {ref.row.label.strip()}).",
                    f.table,
                    f.row,
                    f.column,
                    expected,
                    f.value,
                )
            )
    return out


@checker
def check_result(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB001: the result is the same everywhere."""
    return _compare_group(XTAB001, "Årets resultat", F.result_members(ctx.report), False)


@checker
def check_cash(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB002: closing and opening cash, and the year's cash flow."""
    r = ctx.report
    kf = r.table("kassaflodesanalys")
    br = r.table("balansrakning")
    cash_pat = (r"kassa och bank$", r"likvida medel$", r"summa likvida medel", r"kassa, bank")
    br_cash = F.facts_of(br, *cash_pat)
    notes = F.note_tables(r, r"kassa och bank", r"likvida medel")
    note_cash = F.row_facts(notes[0], F.note_total_index(notes[0])) if notes else {}
    closing = F.facts_of(kf, r"likvida medel vid (årets|periodens) slut")
    out = _compare_group(
        XTAB002,
        "Likvida medel",
        [("balansräkningen", br_cash), ("noten", note_cash), ("kassaflödesanalysen", closing)],
        False,
    )
    opening = F.facts_of(kf, r"likvida medel vid (årets|periodens) (början|ingång)")
    flow = F.facts_of(kf, r"(årets|periodens) kassaflöde", r"förändring av likvida medel")
    prev_cash: dict[F.Key, F.Fact] = {}
    change: dict[F.Key, F.Fact] = {}
    for key, f in br_cash.items():
        prev = F.previous_year_end(key)
        if prev is not None and prev in br_cash:
            prev_cash[key] = br_cash[prev]
            change[key] = F.Fact(f.value - br_cash[prev].value, f.table, f.row, f.column)
    out += _compare_group(
        XTAB002,
        "Likvida medel vid årets början",
        [("balansräkningen vid föregående årsskifte", prev_cash), ("kassaflödesanalysen", opening)],
        False,
    )
    out += _compare_group(
        XTAB002,
        "Förändringen av likvida medel",
        [("balansräkningen", change), ("kassaflödesanalysen", flow)],
        False,
    )
    return out


@checker
def check_depreciation(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB003: depreciation in RR = asset notes = KF."""
    r = ctx.report
    rr = F.facts_of(r.table("resultatrakning"), r"av- och nedskrivningar", r"avskrivningar")
    notes = F.summed(F.asset_notes(r), r"årets (av- och ned|av|ned)skrivningar")
    kf = F.facts_of(
        r.table("kassaflodesanalys"),
        r"justering för (av- och nedskrivningar|avskrivningar)",
        r"(av- och nedskrivningar|avskrivningar)$",
    )
    return _compare_group(
        XTAB003,
        "Avskrivningarna",
        [("resultaträkningen", rr), ("anläggningsnoten", notes), ("kassaflödesanalysen", kf)],
        _ABS,
        signs={"kassaflödesanalysen": 1},
    )


@checker
def check_investments(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB004: investments in KF = purchases in asset notes = investeringsredovisning."""
    r = ctx.report
    notes = F.summed(
        F.asset_notes(r),
        r"inköp",
        r"investeringar$",
        r"(årets )?(ny)?anskaffningar",
        r"årets inköp",
    )
    inv_table = r.table("investeringsredovisning")
    inv = F.facts_of(inv_table, r"totalt?$", r"summa", last=True) if inv_table else {}
    inv = {k: v for k, v in inv.items() if k[0] == "actual"}
    kf = F.facts_of(
        r.table("kassaflodesanalys"),
        r"nettoinvesteringar",
        r"investering(ar)? i (materiella )?anläggningstillgångar",
        r"förvärv av materiella",
    )
    return _compare_group(
        XTAB004,
        "Investeringarna",
        [
            ("anläggningsnoten", notes),
            ("investeringsredovisningen", inv),
            ("kassaflödesanalysen", kf),
        ],
        _ABS,
        signs={"kassaflödesanalysen": -1},
    )


@checker
def check_note_totals(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB005: each note's total = the statement line that refers to it."""
    out: list[Diagnostic] = []
    r = ctx.report
    for sid, name in (
        ("resultatrakning", "resultaträkningen"),
        ("balansrakning", "balansräkningen"),
    ):
        st = r.table(sid)
        if st is None:
            continue
        for i, row in enumerate(st.rows):
            if not row.note or not row.note.strip().isdigit() or not row.values:
                continue
            note = r.table(f"not_{row.note.strip()}")
            if note is None or (sid == "resultatrakning" and note in F.asset_notes(r)):
                continue
            total = F.note_total_index(note)
            line = F.row_facts(st, i)
            note_facts = F.row_facts(note, total)
            # a line may refer to a row inside the note rather than to its total
            for key, f in list(line.items()):
                col = note.columns_by_key().get(key)
                if col and any(abs(x.values.get(col.id, -1)) == abs(f.value) for x in note.rows):
                    note_facts.pop(key, None)
            out += _compare_group(
                XTAB005,
                f"Not {row.note.strip()}",
                [(name, line), (f"not {row.note.strip()}", note_facts)],
                _ABS,
            )
    return out


@checker
def check_operating_total(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB006: driftredovisning total = RR result for budget, outcome and forecast."""
    drift = ctx.report.table("driftredovisning")
    if drift is None:
        return []
    idx = F.row_index(drift, r"totalt?\b", r"summa\b", r".*resultat$", last=True)
    if idx is None or idx != max(i for i, row in enumerate(drift.rows) if row.values):
        return []
    return _compare_group(
        XTAB006,
        "Resultatet",
        [
            ("resultaträkningen", F.income_result(ctx.report)),
            ("driftredovisningen", F.row_facts(drift, idx)),
        ],
        False,
    )


@checker
def check_sick_leave(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB008: total sick leave per age group = per sex."""
    r = ctx.report
    age = F.facts_of(r.table("sjukfranvaro_alder"), r"totalt?$", r"samtliga", r"summa")
    sex = F.facts_of(r.table("sjukfranvaro_kon"), r"totalt?$", r"samtliga", r"summa")
    members = [("tabellen per ålder", age), ("tabellen per kön", sex)]
    return _compare_group(XTAB008, "Total sjukfrånvaro", members, False, Decimal("0.05"))

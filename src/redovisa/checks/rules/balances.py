"""Balances over time: working capital in the cash flow, opening = previous closing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from redovisa.checks import facts as F
from redovisa.checks.labels import matches, norm, strip_note_number
from redovisa.checks.model import CheckedReport, CheckedRow, CheckedTable, Column, RowKind
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.checks.rules.sums import RND001
from redovisa.core.diagnostics import Diagnostic, Severity

XTAB009 = define(
    "XTAB009",
    Severity.ERROR,
    "Rörelsekapitalets förändring i kassaflödesanalysen stämmer inte med balansräkningen",
    """In a kassaflödesanalys whose operating section holds only the result, the
    depreciation adjustment and the working-capital lines, each working-capital line must
    be the change of its balance-sheet line between the previous year end and the balance
    date: "Ökning/minskning kortfristiga fordringar" and "förråd" = −(closing − opening),
    "Ökning/minskning kortfristiga skulder" = +(closing − opening), "Förändring av
    omsättningstillgångar" = −(change of omsättningstillgångar except kassa och bank and
    kortfristiga placeringar). The opening balance comes from the balansräkning's
    previous-year column, or from the previous report (--prior). The finding gives the
    figure the line should show. A difference of 1 unit is rounding (RND001).""",
)
XTAB010 = define(
    "XTAB010",
    Severity.WARNING,
    "Rörelsekapitalets förändring avviker från balansräkningen (kassaflödet har justeringar)",
    """The same comparison as XTAB009 when the operating section of the kassaflödesanalys
    has other adjustments (ej likviditetspåverkande poster, avsättningar, reavinster,
    reclassified receivables or liabilities for investments): those may legitimately move
    part of a balance-sheet change out of the working-capital line, so the identity is
    not exact and a difference is a warning to look at, not an error.""",
)
XTAB011 = define(
    "XTAB011",
    Severity.ERROR,
    "Ingående balans stämmer inte med föregående utgående balans",
    """Roll-forward tables (notes with "Ingående X" and "Utgående X" rows, such as the
    asset notes and the note on eget kapital): the opening figure of a period must equal
    the closing figure of the previous year end, taken from the same table's year-end
    column or, with --prior, from the same table of the previous report (matched by id
    or by note title); columns that open on the same date (2023-06-30 and 2023-12-31 both
    open at 2023-01-01) must show the same opening figure. With --prior, the cash flow's
    "Likvida medel vid årets början" must equal the previous report's closing cash. A
    difference of 1 unit is rounding (RND001).""",
)


@dataclass(frozen=True, slots=True)
class _Line:
    kf: tuple[str, ...]
    br: tuple[str, ...]
    sign: int
    without_cash: bool = False


_CHANGE = r"(ökning|minskning|förändring|förändr)\b.*"
_LINES = (
    _Line(
        (_CHANGE + r"\b(kortfristiga )?fordringar",),
        (r"(kortfristiga )?fordringar$", r"summa (kortfristiga )?fordringar$"),
        -1,
    ),
    _Line((_CHANGE + r"\b(förråd|varulager|lager)",), (r"förråd", r"varulager", r"lager$"), -1),
    _Line(
        (_CHANGE + r"\bkortfristiga skulder",),
        (r"kortfristiga skulder$", r"summa kortfristiga skulder$"),
        1,
    ),
    _Line((_CHANGE + r"\bomsättningstillgångar",), (r"summa omsättningstillgångar$",), -1, True),
)
_CASH = (r"kassa och bank$", r"likvida medel$", r"kortfristiga placeringar$")
_BASIC = (
    r"(årets|periodens) resultat$",
    r"(justering för )?(av- och nedskrivningar|avskrivningar)",
    r"resultat efter finansiella poster$",
)
_END_OF_OPERATING = (
    r"kassaflöde från (den löpande verksamheten|löpande verksamhet|drift|verksamheten)"
)


def _operating_rows(kf: CheckedTable) -> list[CheckedRow]:
    out = []
    for r in kf.rows:
        if matches(r.label, _END_OF_OPERATING):
            break
        out.append(r)
    return out


def _has_adjustments(kf: CheckedTable, col: Column) -> bool:
    """True when the operating section has items besides result, depreciation and WC."""
    wc = tuple(p for line in _LINES for p in line.kf)
    return any(
        r.kind is RowKind.ITEM
        and r.values.get(col.id, Decimal(0)) != 0
        and not r.is_varav
        and not matches(r.label, *_BASIC, *wc)
        for r in _operating_rows(kf)
    )


def _balance(br: CheckedTable, line: _Line, col: Column) -> Decimal | None:
    idx = F.row_index(br, *line.br)
    if idx is None or col.id not in br.rows[idx].values:
        return None
    value = br.rows[idx].values[col.id]
    if line.without_cash:
        for pat in _CASH:
            j = F.row_index(br, pat)
            if j is not None:
                value -= br.rows[j].values.get(col.id, Decimal(0))
    return value


def _opening_br(ctx: CheckContext, key: F.Key) -> tuple[CheckedTable, Column] | None:
    prev = F.previous_year_end(key)
    if prev is None:
        return None
    for report in (ctx.report, ctx.prior):
        br = report.table("balansrakning") if report else None
        if br is not None and prev in br.columns_by_key():
            return br, br.columns_by_key()[prev]
    return None


@checker
def check_working_capital(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB009/XTAB010: working-capital lines of the KF = changes in the balansräkning."""
    kf = ctx.report.table("kassaflodesanalys")
    br = ctx.report.table("balansrakning")
    if kf is None or br is None:
        return []
    out: list[Diagnostic] = []
    br_cols = br.columns_by_key()
    for key, col in kf.columns_by_key().items():
        opening = _opening_br(ctx, key)
        if key not in br_cols or opening is None:
            continue
        code = XTAB010 if _has_adjustments(kf, col) else XTAB009
        for line in _LINES:
            i = F.row_index(kf, *line.kf)
            if i is None or col.id not in kf.rows[i].values:
                continue
            end = _balance(br, line, br_cols[key])
            start = _balance(opening[0], line, opening[1])
            if end is None or start is None:
                continue
            row = kf.rows[i]
            shown = row.values[col.id]
            expected = line.sign * (end - start)
            diff = abs(shown - expected)
            if diff == 0:
                continue
            out.append(
                finding(
                    RND001 if diff <= 1 else code,
                    f"{kf.title}, {row.label.strip()} ({col.label}) visar {fmt(shown)}, men "
                    f"balansräkningen ger {fmt(expected)} (från {fmt(start)} till {fmt(end)}).",
                    kf,
                    row,
                    col,
                    expected,
                    shown,
                )
            )
    return out


_ROLL = re.compile(r"^(ingående|utgående)\s+(.*)$")


def _roll_key(label: str) -> tuple[str, str] | None:
    n = re.sub(r"\back\.?(?=\s|$)", "ackumulerade", norm(label))
    m = _ROLL.match(n)
    return (m.group(1), m.group(2).strip()) if m else None


def _roll_rows(table: CheckedTable) -> dict[str, tuple[CheckedRow | None, CheckedRow | None]]:
    """Per balance name: its (ingående, utgående) rows (the first of each)."""
    out: dict[str, list[CheckedRow | None]] = {}
    for r in table.rows:
        k = _roll_key(r.label)
        if k is None or not r.values:
            continue
        pair = out.setdefault(k[1], [None, None])
        slot = 0 if k[0] == "ingående" else 1
        if pair[slot] is None:
            pair[slot] = r
    return {name: (p[0], p[1]) for name, p in out.items()}


def _same_table(report: CheckedReport | None, table: CheckedTable) -> CheckedTable | None:
    if report is None:
        return None
    title = strip_note_number(table.title)
    for t in report.tables:
        if t.id == table.id and strip_note_number(t.title) == title:
            return t
    return next((t for t in report.tables if strip_note_number(t.title) == title), None)


def _report(
    table: CheckedTable,
    row: CheckedRow,
    col: Column,
    expected: Decimal,
    where: str,
) -> Diagnostic | None:
    shown = row.values[col.id]
    diff = abs(shown - expected)
    if diff == 0:
        return None
    return finding(
        RND001 if diff <= 1 else XTAB011,
        f"{table.title}, {row.label.strip()} ({col.label}) visar {fmt(shown)}, men "
        f"{where} visar {fmt(expected)}.",
        table,
        row,
        col,
        expected,
        shown,
    )


def _roll_forward(ctx: CheckContext, table: CheckedTable) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    keyed = table.columns_by_key()
    prior_table = _same_table(ctx.prior, table)
    for name, (opening, closing) in _roll_rows(table).items():
        if opening is None:
            continue
        by_start: dict[F.Key, list[Column]] = {}
        for key, col in keyed.items():
            prev = F.previous_year_end(key)
            if prev is None or col.id not in opening.values:
                continue
            by_start.setdefault(prev, []).append(col)
            if closing is not None and prev in keyed and keyed[prev].id in closing.values:
                exp = closing.values[keyed[prev].id]
                where = f"utgående balans {keyed[prev].label}"
                d = _report(table, opening, col, exp, where)
                out += [d] if d else []
                continue
            if prior_table is None:
                continue
            prior_rows = _roll_rows(prior_table).get(name, (None, None))
            pcol = prior_table.columns_by_key().get(prev)
            if prior_rows[1] is not None and pcol is not None and pcol.id in prior_rows[1].values:
                exp = prior_rows[1].values[pcol.id]
                d = _report(table, opening, col, exp, f"föregående rapport ({pcol.label})")
                out += [d] if d else []
        for cols in by_start.values():
            if len(cols) < 2:
                continue
            ref = max(cols, key=lambda c: (c.key or ("", ""))[1].endswith("12-31"))
            for col in cols:
                if col is not ref:
                    where = f"samma ingående balans i kolumnen {ref.label}"
                    d = _report(table, opening, col, opening.values[ref.id], where)
                    out += [d] if d else []
    return out


@checker
def check_opening_balances(ctx: CheckContext) -> list[Diagnostic]:
    """XTAB011: opening = previous closing, within a table and against --prior."""
    out: list[Diagnostic] = []
    for table in ctx.report.tables:
        if table.unit != "%":
            out += _roll_forward(ctx, table)
    kf = ctx.report.table("kassaflodesanalys")
    if ctx.prior is None or kf is None:
        return out
    i = F.row_index(kf, r"likvida medel vid (årets|periodens) (början|ingång)")
    br_now = ctx.report.table("balansrakning")
    br_old = ctx.prior.table("balansrakning")
    if i is None or br_old is None:
        return out
    old_cash = F.facts_of(br_old, r"kassa och bank$", r"likvida medel$", r"summa likvida medel")
    now_keys = br_now.columns_by_key() if br_now is not None else {}
    for key, col in kf.columns_by_key().items():
        prev = F.previous_year_end(key)
        if (
            prev is None
            or prev in now_keys
            or prev not in old_cash
            or col.id not in kf.rows[i].values
        ):
            continue
        d = _report(kf, kf.rows[i], col, old_cash[prev].value, "föregående rapports balansräkning")
        out += [d] if d else []
    return out

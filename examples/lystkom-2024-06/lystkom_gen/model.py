"""How each figure of the seed report is computed from the plan items.

Each figure of the seed report is a linear expression over the plan items
(:mod:`lystkom_gen.items`), in :data:`FIGURES`, keyed by the seed's ``table``,
``row_index``, ``col_index``. Where the seed's own figure is wrong, the figure carries the
corrected target and the reason (in Swedish, as ``expected-figures.csv`` shows it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lystkom_gen.items import (
    COST_LINES,
    INVEST_CATEGORIES,
    ITEMS,
    LIABILITY_LINES,
    LOAN,
    TKR,
    VERKSAMHETER,
    ZERO,
    Lin,
    accumulated,
    acquisition,
    book_value,
    cash,
    cost_line,
    debts,
    depreciation,
    equity,
    other_costs,
    overdraft,
    pension,
    personnel,
    purchases,
    receivables,
    result,
    revenue,
    scrapped,
    total,
    total_lin,
    v,
    year23,
)

__all__ = ["FIGURES", "ITEMS", "TKR", "VERKSAMHETER", "Figure", "drift_outcome", "drift_plan"]


# --- the figures ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """Siffra: one figure of the seed report and how it is computed (``expr is None``: not ours)."""

    table: str
    row: int
    col: int
    expr: Lin | None
    target: int | None = None  # tkr the plan aims for when the seed's own figure is wrong
    reason: str = ""
    weight: int = 1


FIGURES: dict[tuple[str, int, int], Figure] = {}


def _fig(
    table: str,
    row: int,
    col: int,
    expr: Lin | None,
    *,
    target: int | None = None,
    reason: str = "",
    weight: int = 1,
) -> None:
    FIGURES[(table, row, col)] = Figure(table, row, col, expr, target, reason, weight)


def _budget_rr(kind: str) -> dict[str, Lin]:
    sales = total(f"sales.{x}.{kind}" for x in ("IT", "KT", "LYS"))
    costs = total(f"{k}.{x}.{kind}" for k in ("pers", "ovr") for x in VERKSAMHETER)
    return {
        "sales": sales,
        "costs": costs,
        "avskr": v(f"avskr.{kind}"),
        "fees": v(f"fees.{kind}"),
        "ranta": v(f"ranta.{kind}"),
    }


def _rr() -> None:
    cols: list[dict[str, Lin]] = []
    for h in ("24a", "23a"):
        cols.append(
            {
                "sales": revenue(h),
                "costs": personnel(h) + other_costs(h),
                "avskr": depreciation(h),
                "fees": v(f"fees.{h}"),
                "ranta": v(f"ranta.{h}"),
            }
        )
    cols += [_budget_rr("f"), _budget_rr("b")]
    for c, p in enumerate(cols):
        net = p["sales"] - p["costs"] - p["avskr"]
        op = net + p["fees"]
        res = op - p["ranta"]
        rows = [p["sales"], -p["costs"], -p["avskr"], net, p["fees"], op, -p["ranta"], res, res]
        for r, e in enumerate(rows):
            _fig("resultatrakning", r, c, e, weight=3)


def _br() -> None:
    for c, d in enumerate(("24a", "23b")):
        m = book_value(d)
        f = receivables(d)
        k = cash(d)
        res = result("24a") if d == "24a" else year23(result)
        rows = {
            3: m,
            4: m,
            6: f,
            7: k,
            8: f + k,
            9: m + f + k,
            13: equity(d),
            15: Lin({}, LOAN[d]),
            16: debts(d),
            17: debts(d) + LOAN[d],
            18: equity(d) + debts(d) + LOAN[d],
        }
        for r, e in rows.items():
            _fig("balansrakning", r, c, e, weight=3)
        _fig(
            "balansrakning",
            12,
            c,
            res,
            target=1718 if d == "24a" else 1376,
            reason=(
                "Raden 'varav årets resultat' visar i rapporten det totala egna kapitalet; "
                "årets (periodens) resultat enligt resultaträkningen är "
                + ("1 718" if d == "24a" else "1 376")
                + " tkr."
            ),
            weight=3,
        )


def _kf() -> None:
    # Column 0: 2024-01-01..06-30; column 1: the year 2023.
    specs = [
        {
            "res": result("24a"),
            "avskr": depreciation("24a"),
            "dF": receivables("23b") - receivables("24a"),
            "dK": debts("24a") - debts("23b"),
            "inv": -(purchases("inv", "24a") + purchases("ford", "24a")),
            "amort": ZERO,
            "ib": cash("23b"),
            "ub": cash("24a"),
        },
        {
            "res": year23(result),
            "avskr": year23(depreciation),
            "dF": receivables("22") - receivables("23b"),
            "dK": debts("23b") - debts("22"),
            "inv": -(
                purchases("inv", "23a")
                + purchases("inv", "23b")
                + purchases("ford", "23a")
                + purchases("ford", "23b")
            ),
            "amort": Lin({}, -2_000 * TKR),
            "ib": cash("22"),
            "ub": cash("23b"),
        },
    ]
    for c, s in enumerate(specs):
        before = s["res"] + s["avskr"]
        drift = before + s["dF"] + s["dK"]
        flow = drift + s["inv"] + s["amort"]
        rows: dict[int, tuple[Lin, int | None, str]] = {
            1: (s["res"], None, ""),
            2: (s["avskr"], None, ""),
            3: (before, None, ""),
            4: (s["dF"], None, ""),
            5: (s["dK"], None, ""),
            6: (drift, None, ""),
            9: (s["inv"], None, ""),
            10: (s["inv"], None, ""),
            12: (ZERO, None, ""),
            13: (s["amort"], None, ""),
            14: (s["amort"], None, ""),
            15: (flow, None, ""),
            16: (s["ib"], None, ""),
            17: (s["ub"], None, ""),
        }
        if c == 0:
            rows[6] = (
                drift,
                6846,
                "Delsumman stämmer inte med sina delar: 7 508 - 7 071 + 6 409 = 6 846. "
                "Årets kassaflöde (-4 138) stämmer med rätt delsumma, inte med -662.",
            )
        else:
            rows[2] = (
                s["avskr"],
                11304,
                "Justeringen ska vara årets avskrivningar (not 5: 11 304). -3 877 är "
                "förändringen av ackumulerade avskrivningar, där utrangeringen av helt "
                "avskrivna tillgångar (som inte påverkar likviditeten) räknats med.",
            )
            rows[3] = (
                before,
                12680,
                "Följer av rättad justering för avskrivningar: 1 376 + 11 304 = 12 680.",
            )
            rows[6] = (
                drift,
                13883,
                "Följer av rättade rader: 12 680 - 240 + 1 443 = 13 883 (rapportens 1 203 "
                "är inte heller summan av dess egna delar).",
            )
            rows[9] = (
                s["inv"],
                -9229,
                "Nettoinvesteringar är årets inköp (not 5: 9 229) som utbetalning. 5 952 är "
                "utrangeringar minus inköp; utrangering av avskrivna tillgångar är ingen "
                "inbetalning.",
            )
            rows[10] = (s["inv"], -9229, "Samma som nettoinvesteringar (-9 229).")
        for r, (e, target, reason) in rows.items():
            _fig("kassaflodesanalys", r, c, e, target=target, reason=reason, weight=3)


_DRIFT_ROWS: list[tuple[int, str, str]] = [
    (0, "IT", "int"),
    (1, "IT", "pers"),
    (2, "IT", "ovr"),
    (3, "IT", "avskr"),
    (4, "IT", "tot"),
    (5, "KT", "int"),
    (6, "KT", "pers"),
    (7, "KT", "ovr"),
    (8, "KT", "tot"),
    (9, "REV", "pers"),
    (10, "REV", "ovr"),
    (11, "REV", "tot"),
    (12, "LYS", "int"),
    (13, "LYS", "pers"),
    (14, "LYS", "ovr"),
    (15, "LYS", "tot"),
    (16, "ALL", "tot"),
]


def drift_outcome(x: str, kind: str) -> Lin:
    """A driftredovisning figure for the outcome 2024-01-01..06-30 (signed as printed)."""
    if x == "ALL":
        return result("24a")
    if kind == "tot":
        return total_lin(drift_outcome(x, k) for k in ("int", "pers", "ovr", "avskr"))
    if kind == "int":
        out = v(f"sales.{x}.24a") if f"sales.{x}.24a" in ITEMS else ZERO
        return out + v("fees.24a") if x == "LYS" else out
    if kind == "pers":
        names = [f"{k}.{x}.24a" for k in ("pers", "pens")]
        return -total(n for n in names if n in ITEMS)
    if kind == "ovr":
        names = [f"{k}.{x}.24a" for k in COST_LINES]
        out = -total(n for n in names if n in ITEMS)
        return out - v("ranta.24a") if x == "IT" else out
    if kind == "avskr":
        return -depreciation("24a") if x == "IT" else ZERO
    raise ValueError(kind)


def drift_plan(x: str, kind: str, k: str) -> Lin:
    """Budget (k='b') or forecast (k='f') figure of the driftredovisning."""
    if x == "ALL":
        return total_lin(drift_plan(y, "tot", k) for y in VERKSAMHETER)
    if kind == "tot":
        return total_lin(drift_plan(x, kk, k) for kk in ("int", "pers", "ovr", "avskr"))
    if kind == "int":
        out = v(f"sales.{x}.{k}") if f"sales.{x}.{k}" in ITEMS else ZERO
        return out + v(f"fees.{k}") if x == "LYS" else out
    if kind == "pers":
        return -v(f"pers.{x}.{k}")
    if kind == "ovr":
        out = -v(f"ovr.{x}.{k}")
        return out - v(f"ranta.{k}") if x == "IT" else out
    if kind == "avskr":
        return -v(f"avskr.{k}") if x == "IT" else ZERO
    raise ValueError(kind)


def _drift() -> None:
    for r, x, kind in _DRIFT_ROWS:
        b = drift_plan(x, kind, "b")
        f = drift_plan(x, kind, "f")
        _fig("driftredovisning", r, 0, b, weight=2)
        _fig("driftredovisning", r, 1, drift_outcome(x, kind), weight=2)
        _fig("driftredovisning", r, 2, f, weight=2)
        _fig("driftredovisning", r, 3, f - b, weight=2)


def _invest() -> None:
    for r, c in enumerate(INVEST_CATEGORIES):
        b, o, f = v(f"inv.{c}.b"), v(f"inkop.{c}.24a"), v(f"inv.{c}.f")
        for col, e in enumerate((b, o, f, b - f)):
            _fig("investeringsredovisning", r, col, e, weight=2)
    b = total(f"inv.{c}.b" for c in INVEST_CATEGORIES)
    o = purchases("inv", "24a")
    f = total(f"inv.{c}.f" for c in INVEST_CATEGORIES)
    for col, e in enumerate((b, o, f, b - f)):
        _fig("investeringsredovisning", 4, col, e, weight=2)


def _balanskrav() -> None:
    fc = _budget_rr("f")
    forecast_result = fc["sales"] - fc["costs"] - fc["avskr"] + fc["fees"] - fc["ranta"]
    results = [forecast_result, year23(result), result("22")]
    for c, e in enumerate(results):
        for r in (0, 6, 7):
            _fig("balanskravsutredning", r, c, e, weight=2)
        for r in (2, 3, 4, 5):
            _fig("balanskravsutredning", r, c, ZERO, weight=2)


def _notes() -> None:
    # Columns: 0 = 2024-06-30 (2024 first half), 1 = 2023-06-30, 2 = 2023-12-31 (the year 2023).
    def flows(fn: Callable[[str], Lin]) -> list[Lin]:
        return [fn("24a"), fn("23a"), year23(fn)]

    def bal(fn: Callable[[str], Lin]) -> list[Lin]:
        return [fn("24a"), fn("23a"), fn("23b")]

    def put(
        table: str, row: int, exprs: list[Lin], fixes: dict[int, tuple[int, str]] | None = None
    ) -> None:
        for c, e in enumerate(exprs):
            target, reason = (fixes or {}).get(c, (None, ""))
            _fig(table, row, c, e, target=target, reason=reason)

    put("not_1", 1, flows(revenue))
    put("not_1", 2, [ZERO] * 3)
    put("not_1", 3, flows(revenue))
    put("not_2", 5, flows(personnel))
    put("not_2", 6, flows(pension))
    put("not_2", 7, flows(lambda h: cost_line("entr", h)))
    put("not_2", 8, flows(lambda h: cost_line("hyra", h)))
    put("not_2", 9, flows(lambda h: cost_line("varor", h)))
    wrong_note2 = (
        "Noten summerar till 15 972 tkr men resultaträkningens rad är 15 856 tkr; "
        "skillnaden 116 tkr är räntekostnaderna (not 4), som räknats med bland övriga "
        "kostnader. Rätt belopp utan finansiella kostnader: "
    )
    put(
        "not_2",
        10,
        flows(lambda h: cost_line("ovr", h)),
        {0: (4377, wrong_note2 + "Övrigt 4 377 tkr.")},
    )
    put("not_2", 11, flows(other_costs), {0: (6824, wrong_note2 + "summa övriga 6 824 tkr.")})
    put(
        "not_2",
        12,
        flows(lambda h: personnel(h) + other_costs(h)),
        {0: (15856, wrong_note2 + "summa 15 856 tkr, som i resultaträkningen.")},
    )
    put("not_3", 14, flows(lambda h: v(f"fees.{h}")))
    put("not_3", 15, flows(lambda h: v(f"fees.{h}")))
    put("not_4", 17, flows(lambda h: v(f"ranta.{h}")))
    put("not_4", 18, flows(lambda h: v(f"ranta.{h}")))

    # Note 5: the opening date of each column.
    opening = {0: "23b", 1: "22", 2: "22"}
    closing = {0: "24a", 1: "23a", 2: "23b"}
    halves = {0: ["24a"], 1: ["23a"], 2: ["23a", "23b"]}
    for c in range(3):
        o, cl, hs = opening[c], closing[c], halves[c]
        ansk_ib = acquisition("inv", o) + acquisition("ford", o)
        buys = total_lin(purchases(g, h) for g in ("inv", "ford") for h in hs)
        scr = total_lin(scrapped(g, h) for g in ("inv", "ford") for h in hs)
        ansk_ub = acquisition("inv", cl) + acquisition("ford", cl)
        ack_ib = accumulated("inv", o) + accumulated("ford", o)
        dep = total_lin(depreciation(h) for h in hs)
        ack_ub = accumulated("inv", cl) + accumulated("ford", cl)
        rows = {
            20: ansk_ib,
            21: buys,
            22: -scr,
            23: ansk_ub,
            24: -ack_ib,
            25: -dep,
            26: scr,
            27: -ack_ub,
            28: book_value(cl),
            29: book_value(cl, "inv"),
            30: book_value(cl, "ford"),
            31: ansk_ub,
            32: -ack_ub,
            33: book_value(cl),
        }
        for r, e in rows.items():
            _fig("not_5", r, c, e)

    put("not_6", 35, bal(lambda d: v(f"kund.{d}")))
    put("not_6", 36, [ZERO] * 3)
    put("not_6", 37, [v("ostat.24a"), ZERO, ZERO])
    put("not_6", 38, bal(lambda d: v(f"fskatt.{d}")))
    put("not_6", 39, bal(lambda d: v(f"interims.{d}")))
    put("not_6", 40, bal(receivables))
    put("not_7", 42, bal(cash))
    put("not_7", 43, bal(cash))
    put("not_8", 45, [equity("23b"), equity("22"), equity("22")])
    put("not_8", 46, flows(result))
    put("not_8", 47, bal(equity))
    for r in (49, 50):
        put("not_9", r, [Lin({}, LOAN[d]) for d in ("24a", "23a", "23b")])
    for r, line in enumerate(LIABILITY_LINES, start=52):
        put("not_10", r, [v(f"{line}.{d}") for d in ("24a", "23a", "23b")])
    _fig("not_10", 60, 1, overdraft("23a"))
    put("not_10", 61, bal(debts))


_rr()
_br()
_kf()
_drift()
_invest()
_balanskrav()
_notes()

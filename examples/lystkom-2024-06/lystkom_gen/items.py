"""The plan items of the Lystkom ledger and the quantities derived from them.

A *plan item* is one exact amount (in öre) that the ledger generator must reproduce:
a group of result accounts for one verksamhet and one half-year (``ovr.IT.24a``), a
balance-sheet account group at a date (``lev.23b``), or a budget or forecast line
(``pers.KT.b``). Each figure of the seed report is a linear expression over the plan
items (:data:`FIGURES`, keyed by the seed's ``table``, ``row_index``, ``col_index``).

Half-years: ``23a`` = 2023-01-01..06-30, ``23b`` = 2023-07-01..12-31,
``24a`` = 2024-01-01..06-30, ``22`` = the year 2022 (prior-year balances in the 2023 file).
Balances carry the half-year they close: ``kund.23b`` is the balance on 2023-12-31.

Signs: every plan item is a positive amount as a reader thinks of it (a cost, a
liability); the expressions give the figure with the sign the report prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

__all__ = [
    "BALANCE_DATES",
    "HALVES",
    "ITEMS",
    "LOAN",
    "TKR",
    "VERKSAMHETER",
    "Item",
    "Lin",
    "bank",
    "equity",
    "result",
]

TKR = 100_000  # öre per tkr

HALVES = ("23a", "23b", "24a")
BALANCE_DATES = ("22", "23a", "23b", "24a")
VERKSAMHETER = ("IT", "KT", "REV", "LYS")

# Result account groups (the lines of note 1-4 and 5) and where they are used in 2024.
COST_LINES = ("entr", "hyra", "varor", "ovr")
ASSET_LINES = ("kund", "fskatt", "interims")  # fordringar; "ostat" only on 2024-06-30
LIABILITY_LINES = ("lev", "moms", "skattek", "kallskatt", "pensind", "anst", "socavg", "uppl")
LOAN = {"22": 18_000 * TKR, "23a": 16_000 * TKR, "23b": 16_000 * TKR, "24a": 16_000 * TKR}
INVEST_CATEGORIES = ("c3", "c4", "c5", "c6")


@dataclass(frozen=True, slots=True)
class Item:
    """Planpost: one exact amount the ledger must reproduce (guess and room in tkr)."""

    name: str
    guess: float  # tkr, starting point of the search
    room: float  # tkr the search may move away from the guess
    step: int = 1  # granularity in öre (budgets in whole hundreds of kronor)


@dataclass(frozen=True, slots=True)
class Lin:
    """A linear expression over plan items, in öre."""

    coefs: Mapping[str, int] = field(default_factory=dict)
    const: int = 0

    def __add__(self, other: Lin | int) -> Lin:
        if isinstance(other, int):
            return Lin(self.coefs, self.const + other)
        coefs = dict(self.coefs)
        for k, v in other.coefs.items():
            coefs[k] = coefs.get(k, 0) + v
        return Lin({k: v for k, v in coefs.items() if v}, self.const + other.const)

    def __radd__(self, other: int) -> Lin:
        return self + other

    def __neg__(self) -> Lin:
        return Lin({k: -v for k, v in self.coefs.items()}, -self.const)

    def __sub__(self, other: Lin | int) -> Lin:
        return self + (-other)

    def value(self, values: Mapping[str, int]) -> int:
        return self.const + sum(c * values[k] for k, c in self.coefs.items())


def v(name: str) -> Lin:
    return Lin({name: 1})


def total(names: Iterable[str]) -> Lin:
    out = Lin()
    for n in names:
        out = out + v(n)
    return out


ZERO = Lin()


# --- plan items -------------------------------------------------------------------------

_ITEMS: list[Item] = []


def _item(name: str, guess: float, room: float = 0.5, step: int = 1) -> None:
    _ITEMS.append(Item(name, guess, room, step))


# 2024 first half, per verksamhet (the driftredovisning shows these).
for _name, _g in {
    "sales.IT.24a": 18468,
    "sales.KT.24a": 4487,
    "sales.LYS.24a": 94,
    "fees.24a": 430,
    "pers.IT.24a": 5608,
    "pers.KT.24a": 2494,
    "pers.LYS.24a": 349,
    "pens.IT.24a": 380,
    "pens.KT.24a": 170,
    "pens.LYS.24a": 31,
    "entr.IT.24a": 339,
    "entr.KT.24a": 120,
    "entr.REV.24a": 95,
    "hyra.IT.24a": 1209,
    "hyra.KT.24a": 260,
    "varor.IT.24a": 353,
    "varor.KT.24a": 58,
    "varor.LYS.24a": 13,
    "ovr.IT.24a": 3870,
    "ovr.KT.24a": 445,
    "ovr.LYS.24a": 62,
    "ranta.24a": 116,
    "avskr.inv.24a": 5772,
    "avskr.ford.24a": 17.99619,
    "inkop.c3.24a": 1595,
    "inkop.c4.24a": 7569,
    "inkop.c5.24a": 1494,
    "inkop.c6.24a": 327,
}.items():
    _room = 3.0 if _name.split(".")[0] in {"entr", "hyra", "varor", "ovr", "pens"} else 1.0
    _item(_name, _g, 0.0 if ".ford." in _name else _room)

# 2023 halves, totals (split over verksamheter by the generator).
for _half, _vals in {
    "23a": {
        "sales": 21936,
        "fees": 405,
        "pers": 7010,
        "pens": 581,
        "entr": 845,
        "hyra": 1714,
        "varor": 548,
        "ovr": 4345,
        "ranta": 85,
        "avskr.inv": 5723,
        "avskr.ford": 42.03,
        "inkop.inv": 7217,
    },
    "23b": {
        "sales": 21966,
        "fees": 405,
        "pers": 7757,
        "pens": 1628,
        "entr": 632,
        "hyra": 1190,
        "varor": 354,
        "ovr": 5219,
        "ranta": 125,
        "avskr.inv": 5491,
        "avskr.ford": 48.02873,
        "inkop.inv": 1795,
        "inkop.ford": 217.00705,
        "utr.inv": 14677,
        "utr.ford": 504.36,
    },
}.items():
    for _name, _g in _vals.items():
        _item(f"{_name}.{_half}", _g, 0.0 if _name.endswith(".ford") else 1.0)

# 2022 (prior year of the 2023 file): only the result is shown (balanskravsutredning).
for _name, _g in {
    "sales.22": 41150,
    "fees.22": 780,
    "pers.22": 13830,
    "pens.22": 2050,
    "entr.22": 1300,
    "hyra.22": 2800,
    "varor.22": 850,
    "ovr.22": 8900,
    "ranta.22": 99,
    "avskr.inv.22": 10576,
    "avskr.ford.22": 84.06,
}.items():
    _item(_name, _g, 0.0 if ".ford" in _name else 2.0)

# Fixed assets on 2022-12-31 (opening balances of 2023).
_item("ansk.inv.22", 59451, 1.0)
# Vehicles are pinned (room 0) to a straight-line register (docs/assets.md): the old car,
# 504 360 kr from January 2018 over 72 months (7 005 kr a month), scrapped fully depreciated
# on 2023-12-31; its successor, 217 007,05 kr from November 2023 over 72 months with a
# residual value of 1 052,77 kr (5 998,73 kr in 2023, 17 996,19 kr in 2024a).
_item("ansk.ford.22", 504.36, 0.0)
_item("ack.inv.22", 36673.5, 1.0)
_item("ack.ford.22", 420.3, 0.0)

# Other balances at each date.
_BAL_GUESS: dict[str, dict[str, float]] = {
    "kund": {"22": 1350, "23a": 2732, "23b": 966, "24a": 9213},
    "fskatt": {"22": 126, "23a": 63, "23b": 126, "24a": 63},
    "interims": {"22": 3565, "23a": 3019, "23b": 4189, "24a": 3072},
    "lev": {"22": 2900, "23a": 732, "23b": 6351, "24a": 3536},
    "moms": {"22": 900, "23a": 1814, "23b": 600, "24a": 1366},
    "skattek": {"22": 480, "23a": 219, "23b": 530, "24a": 626},
    "kallskatt": {"22": 225, "23a": 239, "23b": 240, "24a": 266},
    "pensind": {"22": 216, "23a": 435, "23b": 407, "24a": 819},
    "anst": {"22": 1150, "23a": 1168, "23b": 1207, "24a": 1209},
    "socavg": {"22": 280, "23a": 294, "23b": 294, "24a": 335},
    "uppl": {"22": 2057, "23a": 1856, "23b": 22, "24a": 7903},
}
for _line, _by_date in _BAL_GUESS.items():
    for _date, _guess in _by_date.items():
        _item(f"{_line}.{_date}", _guess, 3.0 if _date == "22" else 1.0)
_item("ostat.24a", 6, 0.5)
_item("equity.22", 5037, 1.0)  # eget kapital 2022-12-31, including the 2022 result

# Budget (b) and forecast (f) 2024, per verksamhet, in whole hundreds of kronor.
_PLAN: dict[str, tuple[float, float]] = {
    "sales.IT": (36419, 36200),
    "sales.KT": (7916, 7800),
    "sales.LYS": (302, 575),
    "fees": (850, 850),
    "pers.IT": (11510, 11900),
    "pers.KT": (5754, 5650),
    "pers.REV": (20, 20),
    "pers.LYS": (756, 1004),
    "ovr.IT": (11482, 11250),
    "ovr.KT": (2054, 2090),
    "ovr.REV": (170, 170),
    "ovr.LYS": (189, 214),
    "ranta": (250, 250),
    "avskr": (12450, 12100),
    "inv.c3": (5000, 1600),
    "inv.c4": (3300, 8700),
    "inv.c5": (1700, 3700),
    "inv.c6": (1000, 350),
}
for _name, (_b, _f) in _PLAN.items():
    _item(f"{_name}.b", _b, 0.5, 10_000)
    _item(f"{_name}.f", _f, 0.5, 10_000)

ITEMS: dict[str, Item] = {i.name: i for i in _ITEMS}


# --- derived quantities -------------------------------------------------------------------


def revenue(h: str) -> Lin:
    if h == "24a":
        return total(f"sales.{x}.24a" for x in ("IT", "KT", "LYS"))
    return v(f"sales.{h}")


def personnel(h: str) -> Lin:
    """Personalkostnader including pensions."""
    if h == "24a":
        return total(f"{k}.{x}.24a" for k in ("pers", "pens") for x in ("IT", "KT", "LYS"))
    return v(f"pers.{h}") + v(f"pens.{h}")


def pension(h: str) -> Lin:
    if h == "24a":
        return total(f"pens.{x}.24a" for x in ("IT", "KT", "LYS"))
    return v(f"pens.{h}")


def cost_line(line: str, h: str) -> Lin:
    if h == "24a":
        return total(n for n in ITEMS if n.startswith(f"{line}.") and n.endswith(".24a"))
    return v(f"{line}.{h}")


def other_costs(h: str) -> Lin:
    """Övriga kostnader of note 2 (without financial costs)."""
    return total_lin(cost_line(k, h) for k in COST_LINES)


def total_lin(parts: Iterable[Lin]) -> Lin:
    out = Lin()
    for p in parts:
        out = out + p
    return out


def depreciation(h: str) -> Lin:
    return v(f"avskr.inv.{h}") + v(f"avskr.ford.{h}")


def purchases(group: str, h: str) -> Lin:
    if group == "inv" and h == "24a":
        return total(f"inkop.{c}.24a" for c in INVEST_CATEGORIES)
    name = f"inkop.{group}.{h}"
    return v(name) if name in ITEMS else ZERO


def scrapped(group: str, h: str) -> Lin:
    name = f"utr.{group}.{h}"
    return v(name) if name in ITEMS else ZERO


def result(h: str) -> Lin:
    """Periodens resultat of a half-year (or of 2022)."""
    return (
        revenue(h)
        + v(f"fees.{h}")
        - personnel(h)
        - other_costs(h)
        - depreciation(h)
        - v(f"ranta.{h}")
    )


_PREV = {"23a": "22", "23b": "23a", "24a": "23b"}


def acquisition(group: str, d: str) -> Lin:
    """Anskaffningsvärde on a balance date."""
    if d == "22":
        return v(f"ansk.{group}.22")
    return acquisition(group, _PREV[d]) + purchases(group, d) - scrapped(group, d)


def accumulated(group: str, d: str) -> Lin:
    """Ackumulerade avskrivningar on a balance date (positive)."""
    if d == "22":
        return v(f"ack.{group}.22")
    return accumulated(group, _PREV[d]) + v(f"avskr.{group}.{d}") - scrapped(group, d)


def book_value(d: str, group: str | None = None) -> Lin:
    groups = (group,) if group else ("inv", "ford")
    return total_lin(acquisition(g, d) - accumulated(g, d) for g in groups)


def receivables(d: str) -> Lin:
    out = total(f"{k}.{d}" for k in ASSET_LINES)
    return out + v("ostat.24a") if d == "24a" else out


def short_debts(d: str) -> Lin:
    """Kortfristiga skulder before the overdraft (checkkredit)."""
    return total(f"{k}.{d}" for k in LIABILITY_LINES)


def equity(d: str) -> Lin:
    if d == "22":
        return v("equity.22")
    return equity(_PREV[d]) + result(d)


def bank(d: str) -> Lin:
    """Bank balance before any overdraft is shown as a debt (the BR identity)."""
    return equity(d) + LOAN[d] + short_debts(d) - receivables(d) - book_value(d)


def overdraft(d: str) -> Lin:
    """Utnyttjad checkkredit: shown as a debt when the bank balance is negative (2023-06-30)."""
    return -bank(d) if d == "23a" else ZERO


def cash(d: str) -> Lin:
    return ZERO if d == "23a" else bank(d)


def debts(d: str) -> Lin:
    return short_debts(d) + overdraft(d)


def year23(fn: Callable[[str], Lin]) -> Lin:
    return fn("23a") + fn("23b")

"""Small hand-computed ledgers (figures worked out in the docstrings and in the tests)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from redovisa.sie.records import (
    Account,
    Balance,
    BalanceKind,
    DimensionObject,
    FiscalYearRecord,
    Posting,
    SieFile,
    Voucher,
)

NAMES = {
    "1221": "IT-utrustning 3 år",
    "1229": "Ack avskr IT-utrustning",
    "1510": "Kundfordringar",
    "1930": "Bank",
    "2010": "Eget kapital",
    "2091": "Årets resultat föreg år",
    "2310": "Lån",
    "2510": "Leverantörsskulder",
    "2610": "Utgående moms",
    "3010": "Försäljning",
    "5010": "Löner",
    "5510": "Pensionskostnader",
    "6810": "Avskrivningar",
    "8110": "Medlemsavgifter",
    "8510": "Räntekostnader",
}
OBJECTS = {"81141": "IT", "81143": "Kundtjänst", "81146": "LYSTKOM"}

Row = tuple[str, int, str | None]  # account, amount in kronor, object in dimension 1


def _d(text: str) -> date:
    return date.fromisoformat(text)


def make_sie(
    year: int,
    ib: dict[str, int],
    vouchers: list[tuple[str, list[Row]]],
    prev_ub: dict[str, int] | None = None,
    prev_res: dict[str, int] | None = None,
) -> SieFile:
    """An SIE 4 file for ``year`` with #IB, year -1 #UB/#RES and the vouchers."""
    sie = SieFile(company_name="Testförbundet", sie_type="4")
    sie.fiscal_years = [
        FiscalYearRecord(0, date(year, 1, 1), date(year, 12, 31)),
        FiscalYearRecord(-1, date(year - 1, 1, 1), date(year - 1, 12, 31)),
    ]
    sie.accounts = {k: Account(k, v) for k, v in NAMES.items()}
    sie.objects = {("1", k): DimensionObject("1", k, v) for k, v in OBJECTS.items()}
    for acc, amount in ib.items():
        sie.balances.append(Balance(BalanceKind.IB, 0, acc, Decimal(amount)))
    for acc, amount in (prev_ub or {}).items():
        sie.balances.append(Balance(BalanceKind.UB, -1, acc, Decimal(amount)))
    for acc, amount in (prev_res or {}).items():
        sie.balances.append(Balance(BalanceKind.RES, -1, acc, Decimal(amount)))
    for n, (day, rows) in enumerate(vouchers, start=1):
        postings = tuple(
            Posting(acc, Decimal(amount), (("1", obj),) if obj else ()) for acc, amount, obj in rows
        )
        assert sum(p.amount for p in postings) == 0, (day, rows)
        sie.vouchers.append(Voucher("A", str(n), _d(day), postings=postings))
    return sie


IB_2023 = {"1221": 100000, "1229": -40000, "1930": 50000, "2010": -80000, "2310": -30000}
RES_2022 = {"3010": -200000, "5010": 150000, "6810": 40000}
VOUCHERS_2023: list[tuple[str, list[Row]]] = [
    ("2023-03-15", [("1510", 125000, None), ("3010", -100000, "81141"), ("2610", -25000, None)]),
    ("2023-04-25", [("5010", 60000, "81141"), ("1930", -60000, None)]),
    ("2023-06-30", [("6810", 10000, "81141"), ("1229", -10000, None)]),
    ("2023-05-10", [("1930", 125000, None), ("1510", -125000, None)]),
    ("2023-09-01", [("1221", 30000, None), ("2510", -30000, None)]),
    ("2023-10-01", [("2310", 10000, None), ("1930", -10000, None)]),
    ("2023-11-01", [("8510", 2000, "81146"), ("1930", -2000, None)]),
    ("2023-12-31", [("1221", -20000, None), ("1229", 20000, None)]),
    ("2023-12-31", [("8110", -5000, "81146"), ("1510", 5000, None)]),
]
UB_2023 = {
    "1221": 110000,
    "1229": -30000,
    "1930": 103000,
    "1510": 5000,
    "2610": -25000,
    "2510": -30000,
    "2310": -20000,
    "2010": -80000,
}
RES_2023 = {"3010": -100000, "5010": 60000, "6810": 10000, "8510": 2000, "8110": -5000}
IB_2024 = {**UB_2023, "2091": -33000}
VOUCHERS_2024: list[tuple[str, list[Row]]] = [
    ("2024-02-01", [("1510", 50000, None), ("3010", -40000, "81143"), ("2610", -10000, None)]),
    ("2024-03-25", [("5010", 20000, "81143"), ("5510", 5000, "81143"), ("1930", -25000, None)]),
    ("2024-04-01", [("1221", 15000, None), ("1930", -15000, None)]),
    ("2024-06-30", [("6810", 6000, "81141"), ("1229", -6000, None)]),
    ("2024-05-01", [("2510", 30000, None), ("1930", -30000, None)]),
    ("2024-06-15", [("2310", -5000, None), ("1930", 5000, None)]),
]

BUDGET_CSV = """account,object,period,amount
30,81143,2024,-90000
50-54,81143,2024,45000
55,81143,2024,10000
68,81141,2024,12000
1221,,2024,20000
"""
FORECAST_CSV = """konto;objekt;period;belopp
30;81143;2024;-85 000
50-54;81143;2024-03;44000
55;81143;2024;10000
68;81141;2024;12000
85;81146;2024;1000
1221;;2024;25000
"""


def ledger_2023() -> SieFile:
    return make_sie(2023, IB_2023, VOUCHERS_2023, prev_res=RES_2022)


def ledger_2024() -> SieFile:
    return make_sie(2024, IB_2024, VOUCHERS_2024, prev_ub=UB_2023, prev_res=RES_2023)

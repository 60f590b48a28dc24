"""A small ledger with known numbers, built from SIE records (no parser needed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from redovisa.sie.records import (
    Account,
    AccountType,
    Balance,
    BalanceKind,
    Dimension,
    DimensionObject,
    FiscalYearRecord,
    Posting,
    SieFile,
    TransKind,
    Voucher,
)


def _p(account: str, amount: str, obj: str | None = None, **kw: object) -> Posting:
    objects = (("1", obj),) if obj else ()
    return Posting(account, D(amount), objects, **kw)  # type: ignore[arg-type]


def sample_sie(year: int = 2024, orgnr: str = "222000-0001") -> SieFile:
    """Kommunalförbundet Test, fiscal year ``year`` (index 0) and the year before (-1).

    1930 Bank:  IB 5 995 000.00, rows -3 000 000.00 (Jan) and -1 138 000.00 (Feb),
                UB 1 857 000.00
    5010 Lokal: rows 3 000 000.00 (Jan, ansvar 100) and 1 138 000.00 (Feb, ansvar 200),
                RES 4 138 000.00
    3010 Avgifter: -250 000.00 (#RTRANS, voucher 31 Mar, row dated 2 Apr, ansvar 100),
                RES -250 000.00
    2440 Leverantörsskulder: IB -100 000.00, +250 000.00 (Mar), UB 150 000.00
    6110: a struck #BTRANS row of 500.00 (never counted)
    A voucher of the previous year (B 1, 28 Dec) moves 1930/5010 by 1 000.00.
    """
    y = year
    sie = SieFile(
        flag=0,
        program="Testprogram",
        program_version="1.0",
        format="PC8",
        generated=date(y + 1, 1, 15),
        sie_type="4",
        orgnr=orgnr,
        company_name="Kommunalförbundet Test",
        currency="SEK",
    )
    sie.fiscal_years = [
        FiscalYearRecord(0, date(y, 1, 1), date(y, 12, 31), line=8),
        FiscalYearRecord(-1, date(y - 1, 1, 1), date(y - 1, 12, 31), line=9),
    ]
    for number, name, kind in [
        ("1930", "Bank", AccountType.T),
        ("2440", "Leverantörsskulder", AccountType.S),
        ("3010", "Avgifter", AccountType.I),
        ("5010", "Lokalhyra", AccountType.K),
        ("6110", "Kontorsmaterial", AccountType.K),
    ]:
        sie.accounts[number] = Account(
            number, name, kind, sru=("7281",) if number == "1930" else ()
        )
    sie.dimensions["1"] = Dimension("1", "Ansvar")
    sie.dimensions["21"] = Dimension("21", "Delansvar", parent="1")
    for oid, name in [("100", "Kansli"), ("200", "Räddning")]:
        sie.objects[("1", oid)] = DimensionObject("1", oid, name)
    b = BalanceKind
    sie.balances = [
        Balance(b.IB, 0, "1930", D("5995000.00")),
        Balance(b.UB, 0, "1930", D("1857000.00")),
        Balance(b.UB, -1, "1930", D("5995000.00")),
        Balance(b.IB, 0, "2440", D("-100000.00")),
        Balance(b.UB, 0, "2440", D("150000.00")),
        Balance(b.OIB, 0, "2440", D("-100000.00"), objects=(("1", "100"),)),
        Balance(b.RES, 0, "5010", D("4138000.00")),
        Balance(b.RES, 0, "3010", D("-250000.00")),
        Balance(b.PSALDO, 0, "5010", D("3000000.00"), period=f"{y}01"),
        Balance(b.PSALDO, 0, "5010", D("3000000.00"), period=f"{y}01", objects=(("1", "100"),)),
        Balance(b.PSALDO, 0, "5010", D("1138000.00"), period=f"{y}02"),
        Balance(b.PBUDGET, 0, "5010", D("2500000.00"), period=f"{y}01"),
        Balance(b.PBUDGET, 0, "5010", D("2000000.00"), period=f"{y}01", objects=(("1", "100"),)),
        Balance(b.PBUDGET, 0, "5010", D("500000.00"), period=f"{y}01", objects=(("1", "200"),)),
        Balance(b.PBUDGET, 0, "5010", D("1200000.00"), period=f"{y}02", quantity=D("1.5")),
    ]
    sie.vouchers = [
        Voucher(
            "A",
            "1",
            date(y, 1, 15),
            "Hyra januari",
            postings=(_p("5010", "3000000.00", "100"), _p("1930", "-3000000.00")),
        ),
        Voucher(
            "A",
            "2",
            date(y, 2, 10),
            "Hyra februari",
            reg_date=date(y, 2, 11),
            sign="AB",
            postings=(
                _p("5010", "1138000.00", "200", text="Hyra", quantity=D("2.125")),
                _p("1930", "-1138000.00"),
            ),
        ),
        Voucher(
            "A",
            "3",
            date(y, 3, 31),
            "Avgifter",
            postings=(
                _p("3010", "-250000.00", "100", date=date(y, 4, 2), kind=TransKind.RTRANS),
                _p("2440", "250000.00"),
                _p("6110", "500.00", kind=TransKind.BTRANS),
            ),
        ),
        Voucher(
            "B",
            "1",
            date(y - 1, 12, 28),
            "Förra året",
            postings=(_p("5010", "1000.00", "100"), _p("1930", "-1000.00")),
        ),
    ]
    return sie

"""Deterministic synthetic municipal ledger (SIE 4E) for benchmarks and tests.

    python bench/generate.py --rows 1000000 --out bench/data/ledger-1m.se --seed 1 \\
        [--csv bench/data/ledger-1m.csv] [--year 2024]

The ledger looks like a Swedish kommun's export: Kommun-Bas-like accounts of 3-5
digits in classes 1-8 (standards.md §3) with names and #KTYP, about 50 cost
centres (dim 1, ansvar), activities (dim 20, verksamhet) and projects (dim 6),
objects on most rows, vouchers of 2-6 rows that balance, dated through one
calendar year in series A (leverantörsfakturor), B (kundfakturor), C (betalningar),
L (löner) and M (memorial). #RAR 0 and -1; #IB, #UB and #RES agree with the
vouchers (and ΣUB + ΣRES = 0 for both years); #PSALDO per month (account total
rows and per-cost-centre rows); #PBUDGET per month per account and cost centre.

Exactly ``rows`` #TRANS rows are written. The same seed gives the same bytes.
Vouchers are generated twice from the same seed (first to sum the balances, which
SIE puts before the vouchers, then to write them), so memory does not grow with
the number of rows. The file is written by :class:`redovisa.sie.writer.SieWriter`;
``--csv`` also writes the rows as CSV (voucher, date, account, ansvar,
verksamhet, projekt, amount) for the DuckDB comparison.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TextIO, TypeVar

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
    Voucher,
)
from redovisa.sie.writer import SieWriter

T, S, K, I = AccountType.T, AccountType.S, AccountType.K, AccountType.I  # noqa: E741

# number, name, type; balance accounts first
ACCOUNTS: list[tuple[str, str, AccountType]] = [
    ("1110", "Markreserv", T),
    ("1120", "Verksamhetsfastigheter", T),
    ("1220", "Inventarier", T),
    ("1240", "Bilar och andra transportmedel", T),
    ("1310", "Aktier och andelar", T),
    ("1510", "Kundfordringar", T),
    ("1610", "Fordran mervärdesskatt", T),
    ("1710", "Förutbetalda kostnader", T),
    ("1930", "Bank", T),
    ("2010", "Eget kapital", S),
    ("2240", "Avsättningar för pensioner", S),
    ("2350", "Lån i banker och kreditinstitut", S),
    ("2388", "Förutbetalda intäkter investeringsbidrag", S),
    ("2440", "Leverantörsskulder", S),
    ("2710", "Personalens källskatt", S),
    ("2910", "Upplupna löner", S),
    ("30106", "Försäljning av verksamhet 6 % moms", I),
    ("30125", "Försäljning av tjänster 25 % moms", I),
    ("311", "Förrättnings- och granskningsavgifter", I),
    ("3130", "Barnomsorgsavgifter", I),
    ("3410", "Hyror och arrenden", I),
    ("3510", "Statsbidrag, riktade", I),
    ("357", "Offentliga bidrag (investeringar)", I),
    ("4010", "Förbrukningsmaterial", K),
    ("4600", "Köp av huvudverksamhet", K),
    ("5010", "Arvoden förtroendevalda", K),
    ("5020", "Löner månadsavlönade", K),
    ("5410", "Arbetsgivaravgifter", K),
    ("5510", "Pensionskostnader", K),
    ("6110", "Lokalhyror", K),
    ("6210", "Energi, värme och vatten", K),
    ("6410", "Konsulttjänster", K),
    ("6810", "Avskrivningar inventarier", K),
    ("7010", "Telefoni och datakommunikation", K),
    ("7110", "Resor och logi", K),
    ("801", "Allmän kommunalskatt", I),
    ("8051", "Slutavräkning skatteintäkter", I),
    ("821", "Inkomstutjämningsbidrag", I),
    ("825", "Kostnadsutjämningsbidrag", I),
    ("831", "Inkomstutjämningsavgift", K),
    ("844", "Ränteintäkter", I),
    ("851", "Räntekostnader", K),
]
BALANCE_ACCOUNTS = [a for a, _, t in ACCOUNTS if t in (T, S)]
EQUITY = "2010"

UNITS = [
    ("Kommunstyrelsen", "110"),
    ("Kommunledningskontoret", "110"),
    ("Ekonomiavdelningen", "110"),
    ("Personalavdelningen", "110"),
    ("IT-enheten", "110"),
    ("Kansliet", "100"),
    ("Gata och park", "250"),
    ("Vatten och avlopp", "720"),
    ("Renhållning", "730"),
    ("Fastighetsförvaltning", "260"),
    ("Bibliotek", "350"),
    ("Kulturskolan", "315"),
    ("Fritidsgårdar", "340"),
    ("Idrottsanläggningar", "330"),
    ("Förskola Norr", "407"),
    ("Förskola Söder", "407"),
    ("Förskola Öster", "407"),
    ("Fritidshem", "425"),
    ("Grundskola Åsen", "440"),
    ("Grundskola Björkhagen", "440"),
    ("Grundskola Älvdalen", "440"),
    ("Särskola", "450"),
    ("Gymnasieskola", "460"),
    ("Vuxenutbildning", "470"),
    ("Hemtjänst Norr", "510"),
    ("Hemtjänst Söder", "510"),
    ("Särskilt boende Ekbacken", "520"),
    ("Särskilt boende Solgläntan", "520"),
    ("Hemsjukvård", "530"),
    ("LSS boende", "560"),
    ("Daglig verksamhet", "565"),
    ("Personlig assistans", "570"),
    ("Individ- och familjeomsorg", "600"),
    ("Försörjningsstöd", "610"),
    ("Missbruksvård", "620"),
    ("Ensamkommande", "650"),
    ("Arbetsmarknadsenheten", "660"),
    ("Miljö- och hälsoskydd", "270"),
    ("Bygglov", "280"),
    ("Räddningstjänst", "290"),
    ("Kostenheten", "810"),
    ("Städenheten", "820"),
    ("Kommunikationsavdelningen", "110"),
    ("Upphandlingsenheten", "110"),
    ("Näringslivsenheten", "230"),
    ("Turism", "235"),
    ("Överförmyndare", "120"),
    ("Revision", "100"),
    ("Valnämnden", "100"),
    ("Färdtjänst", "580"),
]
ACTIVITIES = {
    "100": "Politisk verksamhet",
    "110": "Gemensam administration",
    "120": "Överförmyndare",
    "230": "Näringslivsfrämjande",
    "235": "Turistverksamhet",
    "250": "Gator och vägar",
    "260": "Fastighetsförvaltning",
    "270": "Miljö och hälsa",
    "280": "Plan och bygg",
    "290": "Räddningstjänst",
    "315": "Musik- och kulturskola",
    "330": "Idrottsanläggningar",
    "340": "Fritidsgårdar",
    "350": "Bibliotek",
    "407": "Förskola",
    "425": "Fritidshem",
    "440": "Grundskola",
    "450": "Särskola",
    "460": "Gymnasieskola",
    "470": "Vuxenutbildning",
    "510": "Hemtjänst",
    "520": "Särskilt boende",
    "530": "Hemsjukvård",
    "560": "LSS-boende",
    "565": "Daglig verksamhet",
    "570": "Personlig assistans",
    "580": "Färdtjänst",
    "600": "Individ- och familjeomsorg",
    "610": "Ekonomiskt bistånd",
    "620": "Missbruksvård",
    "650": "Flyktingmottagande",
    "660": "Arbetsmarknadsåtgärder",
    "720": "Vatten och avlopp",
    "730": "Avfallshantering",
    "810": "Måltidsverksamhet",
    "820": "Lokalvård",
}
PROJECTS = [
    ("P1001", "Ny förskola Öster"),
    ("P1002", "Ombyggnad Åsenskolan"),
    ("P1003", "Digitalisering"),
    ("P1004", "GC-väg Älvstranden"),
    ("P1005", "Energieffektivisering"),
    ("P1006", "Ny brandstation"),
    ("P1007", "Reningsverk etapp 2"),
    ("P1008", "Trygg hemtjänst"),
    ("P1009", "Sommarlovsaktiviteter"),
    ("P1010", "Integration och språk"),
    ("P1011", "Lekplatsprogram"),
    ("P1012", "Bredband landsbygd"),
    ("P1013", "Kulturarv i Höga kusten"),
    ("P1014", "Friskvård personal"),
    ("P1015", "Ny idrottshall"),
]
SUPPLIERS = [
    "Byggbolaget i Norr AB",
    "Kontorsvaruhuset",
    "Elektro & Data AB",
    "Vårdmaterial Öst",
    "Städ-Service Sverige",
    "Åkeri Brännström",
    'Läromedel "Skolboken" AB',
]
COST = ["4010", "4600", "6110", "6210", "6410", "7010", "7110"]
REVENUE = ["30106", "30125", "311", "3130", "3410", "3510"]
PAYROLL = ["5020", "5020", "5010", "5510"]
MEMORIAL = ["801", "8051", "821", "825", "831", "844", "851", "6810"]
TAX_REVENUE = frozenset({"801", "8051", "821", "825", "844"})

_T = TypeVar("_T")
Row = tuple[str, tuple[tuple[str, str], ...], int, str | None]  # account, objects, öre, text


@dataclass(frozen=True, slots=True)
class RawVoucher:
    """A generated voucher before it becomes a record."""

    series: str
    number: int
    day: date
    text: str
    rows: list[Row]


def cost_centres() -> list[tuple[str, str, str]]:
    """(ansvar id, name, verksamhet) for about 50 cost centres."""
    return [(f"{1100 + 20 * i}", name, act) for i, (name, act) in enumerate(UNITS)]


def _vouchers(rows: int, seed: int, year: int) -> Iterator[RawVoucher]:
    """Exactly ``rows`` rows in balanced vouchers of 2-6 rows, dated through ``year``."""
    rand = random.Random(seed).random

    def randint(lo: int, hi: int) -> int:  # faster than Random.randint, same role
        return lo + int(rand() * (hi - lo + 1))

    def choice(seq: Sequence[_T]) -> _T:
        return seq[int(rand() * len(seq))]

    centres = cost_centres()
    start = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - start).days
    day_cache = [start + timedelta(days=d) for d in range(days)]
    numbers: dict[str, int] = defaultdict(int)
    done = 0
    while done < rows:
        left = rows - done
        day = day_cache[done * days // rows]
        r = rand()
        if 0.80 <= r < 0.92 and left != 3:  # payment: bank against a balance account
            amount = randint(50_000, 20_000_000)
            other = choice(("2440", "1510", "2710", "2910"))
            sgn = -1 if other == "1510" else 1
            body: list[Row] = [(other, (), sgn * amount, None), ("1930", (), -sgn * amount, None)]
            numbers["C"] += 1
            yield RawVoucher("C", numbers["C"], day, "Betalning", body)
            done += 2
            continue
        n = randint(2, 6)
        if n > left or left - n == 1:
            n = left if left <= 6 else n - 1
        sign = 0
        if r < 0.45:  # supplier invoice: costs with objects, credit leverantörsskulder
            series, text, counter, sign, pool = "A", "Leverantörsfaktura", "2440", 1, COST
            text = f"Leverantörsfaktura {choice(SUPPLIERS)}"
        elif r < 0.60:  # customer invoice: revenues with objects, debit kundfordringar
            series, text, counter, sign, pool = "B", "Kundfaktura", "1510", -1, REVENUE
        elif r < 0.80:  # payroll: salary rows with objects, credit withheld tax and bank
            series, text, counter, sign, pool = "L", f"Lön {day.month:02d}", "1930", 1, PAYROLL
        else:  # memorial: taxes, equalisation, depreciation, interest
            series, text, counter, pool = "M", "Memorialverifikation", "1930", MEMORIAL
        tax_row = series == "L" and n >= 3
        body = []
        for _ in range(n - 1 - tax_row):
            account = choice(pool)
            unit, _name, activity = choice(centres)
            objects: tuple[tuple[str, str], ...]
            if rand() < 0.2:
                objects = (("1", unit), ("20", activity), ("6", choice(PROJECTS)[0]))
            else:
                objects = (("1", unit), ("20", activity))
            if sign:
                amount = sign * randint(10_000, 5_000_000)
            elif account in TAX_REVENUE:
                amount = -randint(1_000_000, 500_000_000)
                objects = (("1", "1100"), ("20", "110"))
            else:
                amount = randint(10_000, 20_000_000)
            note = 'Anm: "brådskande"' if rand() < 0.01 else None
            body.append((account, objects, amount, note))
        total = sum(a for _, _, a, _ in body)
        if tax_row:  # part of the salaries goes to withheld tax
            tax = total * 3 // 10
            body.append(("2710", (), -tax, None))
            total -= tax
        body.append((counter, (), -total, None))
        numbers[series] += 1
        yield RawVoucher(series, numbers[series], day, text, body)
        done += len(body)


@dataclass(slots=True)
class Totals:
    """Sums of the vouchers in öre, per account and per month (and per cost centre)."""

    account: dict[str, int]
    month: dict[tuple[str, int], int]
    month_unit: dict[tuple[str, int, str], int]
    year: int
    rows: int = 0
    vouchers: int = 0


def sum_vouchers(rows: int, seed: int, year: int) -> Totals:
    """First pass: what the balances must say."""
    acc: dict[str, int] = defaultdict(int)
    month: dict[tuple[str, int], int] = defaultdict(int)
    unit: dict[tuple[str, int, str], int] = defaultdict(int)
    t = Totals(acc, month, unit, year)
    for v in _vouchers(rows, seed, year):
        m = v.day.month
        t.vouchers += 1
        for account, objects, amount, _ in v.rows:
            acc[account] += amount
            month[(account, m)] += amount
            if objects:
                unit[(account, m, objects[0][1])] += amount
            t.rows += 1
    return t


def kr(ore: int) -> Decimal:
    """Öre to kronor with two decimals, exactly."""
    return Decimal(ore).scaleb(-2)


def header(year: int) -> SieFile:
    """Identification, chart of accounts, dimensions and objects."""
    sie = SieFile(
        flag=0,
        program="redovisa bench/generate.py",
        program_version="1",
        generated=date(year + 1, 1, 20),
        sie_type="4",
        company_name="Exempelkommun (syntetisk)",
        orgnr="212000-0000",
        prosa="Syntetisk kommunredovisning för prestandamätning",
        fiscal_years=[
            FiscalYearRecord(0, date(year, 1, 1), date(year, 12, 31)),
            FiscalYearRecord(-1, date(year - 1, 1, 1), date(year - 1, 12, 31)),
        ],
        currency="SEK",
    )
    for number, name, typ in ACCOUNTS:
        sie.accounts[number] = Account(number, name, typ)
    sie.dimensions["1"] = Dimension("1", "Ansvar")
    sie.dimensions["6"] = Dimension("6", "Projekt")
    sie.dimensions["20"] = Dimension("20", "Verksamhet")
    for unit, name, _ in cost_centres():
        sie.objects[("1", unit)] = DimensionObject("1", unit, name)
    for pid, name in PROJECTS:
        sie.objects[("6", pid)] = DimensionObject("6", pid, name)
    for code, name in ACTIVITIES.items():
        sie.objects[("20", code)] = DimensionObject("20", code, name)
    return sie


def balances(t: Totals, seed: int) -> Iterator[Balance]:
    """#IB/#UB/#RES for years 0 and -1, #PSALDO and #PBUDGET for year 0, all consistent."""
    rng = random.Random(seed + 7919)
    result_accounts = [a for a, _, typ in ACCOUNTS if typ in (I, K)]
    res_prev = {a: t.account.get(a, 0) * rng.randint(900, 1050) // 1000 for a in result_accounts}
    ub_prev = dict.fromkeys(BALANCE_ACCOUNTS, 0)
    for a, _, typ in ACCOUNTS:
        if typ is T:
            ub_prev[a] = rng.randint(1_000_000_00, 900_000_000_00)
        elif typ is S and a != EQUITY:
            ub_prev[a] = -rng.randint(10_000_000, 300_000_000_00)
    ub_prev[EQUITY] = -sum(ub_prev.values()) - sum(res_prev.values())
    ib = dict(ub_prev)
    ib[EQUITY] += sum(res_prev.values())  # last year's result closed into equity
    for a in BALANCE_ACCOUNTS:
        yield Balance(BalanceKind.IB, 0, a, kr(ib[a]))
        yield Balance(BalanceKind.UB, 0, a, kr(ib[a] + t.account.get(a, 0)))
        yield Balance(BalanceKind.UB, -1, a, kr(ub_prev[a]))
    for a in result_accounts:
        yield Balance(BalanceKind.RES, 0, a, kr(t.account.get(a, 0)))
        yield Balance(BalanceKind.RES, -1, a, kr(res_prev[a]))
    year_units: dict[tuple[str, str], int] = defaultdict(int)
    for (a, _m, unit), amount in sorted(t.month_unit.items()):
        year_units[(a, unit)] += amount
    for a, _, _ in ACCOUNTS:
        for m in range(1, 13):
            period = f"{t.year}{m:02d}"
            if (a, m) in t.month:
                yield Balance(BalanceKind.PSALDO, 0, a, kr(t.month[(a, m)]), period=period)
            for unit, _, _ in cost_centres():
                per_unit = t.month_unit.get((a, m, unit))
                if per_unit is not None:
                    yield Balance(
                        BalanceKind.PSALDO,
                        0,
                        a,
                        kr(per_unit),
                        period=period,
                        objects=(("1", unit),),
                    )
    for a in result_accounts:
        annual = {
            u: v * rng.randint(900, 1100) // 1000 for (acc, u), v in year_units.items() if acc == a
        }
        for m in range(1, 13):
            period = f"{t.year}{m:02d}"
            total = 0
            for unit in sorted(annual):
                share = annual[unit] // 12 + (annual[unit] % 12 if m == 12 else 0)
                total += share
                yield Balance(
                    BalanceKind.PBUDGET, 0, a, kr(share), period=period, objects=(("1", unit),)
                )
            if annual:
                yield Balance(BalanceKind.PBUDGET, 0, a, kr(total), period=period)


def _csv_amount(ore: int) -> str:
    sign = "-" if ore < 0 else ""
    ore = abs(ore)
    return f"{sign}{ore // 100}.{ore % 100:02d}"


def generate(
    out: Path, rows: int, seed: int = 1, year: int = 2024, csv: Path | None = None
) -> Totals:
    """Write the ledger (and optionally its rows as CSV); returns the sums.

    Both files are written under a temporary name and renamed when complete, so a reader
    of an existing file never sees a half-written one.
    """
    totals = sum_vouchers(rows, seed, year)
    out.parent.mkdir(parents=True, exist_ok=True)
    out_tmp = out.with_name(f".{out.name}.tmp")
    csv_tmp = None if csv is None else csv.with_name(f".{csv.name}.tmp")
    csv_fh: TextIO | None = None
    if csv_tmp is not None:
        csv_tmp.parent.mkdir(parents=True, exist_ok=True)
        csv_fh = open(csv_tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        csv_fh.write("voucher,date,account,ansvar,verksamhet,projekt,amount\n")
    try:
        with open(out_tmp, "wb", buffering=1 << 20) as fh, SieWriter(fh) as w:
            w.begin(header(year))
            for b in balances(totals, seed):
                w.write_balance(b)
            for v in _vouchers(rows, seed, year):
                w.write_voucher(
                    Voucher(
                        v.series,
                        str(v.number),
                        v.day,
                        v.text,
                        postings=tuple(
                            Posting(a, kr(amount), objects, text=note)
                            for a, objects, amount, note in v.rows
                        ),
                    )
                )
                if csv_fh is not None:
                    ver = f"{v.series}{v.number}"
                    iso = v.day.isoformat()
                    for a, objects, amount, _ in v.rows:
                        obj = dict(objects)
                        csv_fh.write(
                            f"{ver},{iso},{a},{obj.get('1', '')},{obj.get('20', '')},"
                            f"{obj.get('6', '')},{_csv_amount(amount)}\n"
                        )
    finally:
        if csv_fh is not None:
            csv_fh.close()
    out_tmp.replace(out)
    if csv is not None and csv_tmp is not None:
        csv_tmp.replace(csv)
    return totals


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--rows", type=int, default=1_000_000, help="number of #TRANS rows")
    p.add_argument("--out", type=Path, required=True, help="SIE file to write")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--year", type=int, default=2024)
    p.add_argument("--csv", type=Path, default=None, help="also write the rows as CSV")
    a = p.parse_args(argv)
    t0 = time.perf_counter()
    t = generate(a.out, a.rows, a.seed, a.year, a.csv)
    dt = time.perf_counter() - t0
    size = a.out.stat().st_size
    print(f"{a.out}: {t.rows} rader, {t.vouchers} verifikationer, {size / 1e6:.1f} MB, {dt:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

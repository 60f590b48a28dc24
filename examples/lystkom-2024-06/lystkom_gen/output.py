"""Write the example's files: SIE 4 ledgers, budget and forecast CSV, expected figures."""

from __future__ import annotations

import csv
import io
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

from lystkom_gen.book import Book, split
from lystkom_gen.chart import ACCOUNTS, DIMENSIONS, OBJECTS, PROJECTS, SALES_ACCOUNTS, VERKSAMHET_ID
from lystkom_gen.items import VERKSAMHETER, result
from lystkom_gen.ledger import SHARES_2023
from lystkom_gen.model import FIGURES
from lystkom_gen.planner import SeedFigure, to_tkr
from redovisa.sie import (
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
from redovisa.sie.writer import sie_to_bytes

__all__ = ["budget_csv", "expected_csv", "ledger_sie"]

ORGNR = "222000-1234"
NAME = "Kommunalförbundet Lystkom"


def _kr(ore: int) -> Decimal:
    return Decimal(ore).scaleb(-2)


def _is_balance(account: str) -> bool:
    return account[0] in "12"


# 2022 result accounts (the 2023 file's #RES -1): each plan line over its accounts.
_RES22 = {
    "pers": [("50110", 75), ("54100", 23), ("56100", 2)],
    "pens": [("55100", 40), ("55200", 40), ("55900", 20)],
    "entr": [("46100", 55), ("46300", 30), ("46200", 15)],
    "hyra": [("61100", 55), ("63100", 45)],
    "varor": [("45100", 30), ("45200", 55), ("64100", 15)],
    "ovr": [("66100", 50), ("66200", 30), ("69100", 6), ("70100", 6), ("71100", 6), ("49100", 2)],
    "avskr.inv": [("68300", 1)],
    "avskr.ford": [("68400", 1)],
    "ranta": [("85100", 1)],
    "fees": [("81100", 1)],
}


def _result_2022(plan: dict[str, int]) -> dict[str, int]:
    rng = random.Random(2022)
    out: dict[str, int] = {}
    sales = split(plan["sales.22"], list(SHARES_2023["sales"].values()), rng)
    for x, amount in zip(SHARES_2023["sales"], sales, strict=True):
        accs = SALES_ACCOUNTS[x]
        for (acc, _), part in zip(accs, split(amount, [w for _, w in accs], rng), strict=True):
            out[acc] = -part
    for line, accs in _RES22.items():
        sign = -1 if line == "fees" else 1
        for (acc, _), part in zip(
            accs, split(plan[f"{line}.22"], [w for _, w in accs], rng), strict=True
        ):
            out[acc] = out.get(acc, 0) + sign * part
    out["89900"] = result("22").value(plan)
    assert sum(out.values()) == 0
    return out


def ledger_sie(book: Book, plan: dict[str, int], prior: Book | None) -> bytes:
    """SIE 4E bytes of one book (year 0) with the previous year's balances (year -1)."""
    y = book.year
    sie = SieFile(
        flag=0,
        program="Lystkom exempelgenerator",
        program_version="1.0",
        format="PC8",
        generated=date(2024, 8, 15) if y == 2024 else date(2024, 2, 20),
        sie_type="4",
        orgnr=ORGNR,
        company_name=NAME,
        fiscal_years=[
            FiscalYearRecord(0, date(y, 1, 1), date(y, 12, 31)),
            FiscalYearRecord(-1, date(y - 1, 1, 1), date(y - 1, 12, 31)),
        ],
        extent=date(2024, 6, 30) if y == 2024 else None,
        currency="SEK",
    )
    for number, (name, kind) in ACCOUNTS.items():
        sie.accounts[number] = Account(number, name, AccountType(kind))
    for number, name in DIMENSIONS.items():
        sie.dimensions[number] = Dimension(number, name)
    for (dim, obj), name in OBJECTS.items():
        sie.objects[(dim, obj)] = DimensionObject(dim, obj, name)
    if prior is None:
        prev_bal = {k: v for k, v in book.opening.items() if v}
        prev_res = _result_2022(plan)
    else:
        prev_bal = {k: v for k, v in prior.balances.items() if _is_balance(k) and v}
        prev_res = {k: v for k, v in prior.balances.items() if not _is_balance(k) and v}
    bal = sie.balances
    for acc in sorted(book.opening):
        if book.opening[acc]:
            bal.append(Balance(BalanceKind.IB, 0, acc, _kr(book.opening[acc])))
    for acc in sorted(book.balances):
        amount = book.balances[acc]
        if amount and _is_balance(acc):
            bal.append(Balance(BalanceKind.UB, 0, acc, _kr(amount)))
    for acc in sorted(prev_bal):
        bal.append(Balance(BalanceKind.UB, -1, acc, _kr(prev_bal[acc])))
    for acc in sorted(book.balances):
        amount = book.balances[acc]
        if amount and not _is_balance(acc):
            bal.append(Balance(BalanceKind.RES, 0, acc, _kr(amount)))
    for acc in sorted(prev_res):
        if prev_res[acc]:
            bal.append(Balance(BalanceKind.RES, -1, acc, _kr(prev_res[acc])))
    counters: dict[str, int] = {}
    for v in sorted(book.vouchers, key=lambda v: (v.series, v.date, v.order)):
        counters[v.series] = counters.get(v.series, 0) + 1
        postings = tuple(Posting(r.account, _kr(r.amount), r.objects) for r in v.rows)
        sie.vouchers.append(
            Voucher(v.series, str(counters[v.series]), v.date, v.text, postings=postings)
        )
    return sie_to_bytes(sie)


# Budget and forecast lines: plan item -> (account spec, share) per verksamhet.
_BUDGET_SPLIT: dict[str, list[tuple[str, int]]] = {
    "pers.IT": [("50-54", 88), ("55", 12)],
    "pers.KT": [("50-54", 89), ("55", 11)],
    "pers.REV": [("50-54", 100)],
    "pers.LYS": [("50-54", 90), ("55", 10)],
    "ovr.IT": [("46-47", 6), ("61-63", 21), ("40-45", 6), ("66-67", 67)],
    "ovr.KT": [("46-47", 10), ("61-63", 30), ("64-65", 6), ("66-67", 54)],
    "ovr.REV": [("46-47", 100)],
    "ovr.LYS": [("64-65", 15), ("70-79", 85)],
}
_TEXT = {"b": "Budget 2024 enligt direktionens beslut", "f": "Helårsprognos per 2024-06-30"}


def budget_csv(plan: dict[str, int], kind: str) -> bytes:
    """The budget (``kind="b"``) or the forecast (``"f"``) in the long format of docs/budget.md."""
    rows: list[tuple[str, str, str, int, str]] = []
    for x in VERKSAMHETER:
        obj = VERKSAMHET_ID[x]
        if f"sales.{x}.{kind}" in plan:
            rows.append(("30", obj, "1", -plan[f"sales.{x}.{kind}"], "Försäljning av tjänster"))
        if x == "LYS":
            rows.append(("81", obj, "1", -plan[f"fees.{kind}"], "Medlemsavgifter"))
        for item in ("pers", "ovr"):
            specs = _BUDGET_SPLIT[f"{item}.{x}"]
            units = split(
                plan[f"{item}.{x}.{kind}"] // 10_000, [w for _, w in specs], random.Random(0)
            )
            for (spec, _), u in zip(specs, units, strict=True):
                rows.append(
                    (
                        spec,
                        obj,
                        "1",
                        u * 10_000,
                        "Personal" if item == "pers" else "Övriga kostnader",
                    )
                )
        if x == "IT":
            rows.append(("68", obj, "1", plan[f"avskr.{kind}"], "Avskrivningar"))
            rows.append(("85", obj, "1", plan[f"ranta.{kind}"], "Räntor på lån"))
    for c, project in PROJECTS.items():
        rows.append(("1221", project, "6", plan[f"inv.{c}.{kind}"], OBJECTS[("6", project)]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["account", "object", "dimension", "period", "amount", "text"])
    for spec, obj, dim, ore, text in rows:
        w.writerow([spec, obj, dim, "2024", f"{_kr(ore):.2f}", f"{_TEXT[kind]}: {text}"])
    return buf.getvalue().encode("utf-8")


def _tkr_text(n: int) -> str:
    return f"{n:,}".replace(",", " ").replace("-", "−")


def _rounding_reason(s: SeedFigure, plan: dict[str, int], exact: int) -> str:
    kr = f"{_kr(exact):,.2f}".replace(",", " ").replace(".", ",").replace("−", "-")
    if s.table == "not_5":
        return (
            "Avrundning: ingående ackumulerade avskrivningar 2023-01-01 är samma belopp i "
            f"kolumnerna 2023-06-30 och 2023-12-31 (exakt {kr} kr) men rapporten visar "
            "-37 094 i den ena och -37 093 i den andra; ett belopp avrundas bara på ett sätt."
        )
    if s.table == "not_8":
        return (
            "Avrundning: periodens resultat 2023-01-01–2023-06-30 är samma belopp som "
            f"resultaträkningens rad Periodens resultat, 1 448 tkr (exakt {kr} kr); "
            "noten visar 1 447."
        )
    raise ValueError(f"no reason for {s}")


def expected_csv(plan: dict[str, int], seed: list[SeedFigure]) -> bytes:
    """One row per seed figure: what redovisa must show, and why where it differs."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["table", "row_label", "column_label", "seed_value", "expected_value", "reason"])
    for s in seed:
        value = Decimal(s.value)
        seed_text = str(int(value)) if value == value.to_integral_value() else s.value
        fig = FIGURES.get((s.table, s.row, s.col))
        if fig is None or fig.expr is None:
            w.writerow([s.table, s.label, s.col_label, seed_text, seed_text, "senare ärende"])
            continue
        exact = fig.expr.value(plan)
        shown = to_tkr(exact)
        reason = ""
        if shown != int(value):
            if fig.target is not None and shown == fig.target:
                reason = fig.reason
            elif abs(shown - int(value)) == 1:
                reason = _rounding_reason(s, plan, exact)
            else:
                raise ValueError(f"{s.table} {s.label} {s.col_label}: {shown} vs {s.value}")
        w.writerow([s.table, s.label, s.col_label, seed_text, str(shown), reason])
    return buf.getvalue().encode("utf-8")


def write_all(
    plan: dict[str, int], books: tuple[Book, Book], out: Path, seed: list[SeedFigure] | None
) -> list[Path]:
    """Write every generated file under ``out`` (the example folder); returns the paths."""
    b23, b24 = books
    files = {
        out / "data" / "ledger-2023.se": ledger_sie(b23, plan, None),
        out / "data" / "ledger-2024.se": ledger_sie(b24, plan, b23),
        out / "data" / "budget.csv": budget_csv(plan, "b"),
        out / "data" / "forecast.csv": budget_csv(plan, "f"),
    }
    if seed is not None:
        files[out / "expected-figures.csv"] = expected_csv(plan, seed)
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return list(files)

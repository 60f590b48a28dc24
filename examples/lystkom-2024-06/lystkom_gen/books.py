"""The two books (2023 and 2024): opening balances, fixed assets, loans, clearing, checks."""

from __future__ import annotations

from datetime import date

from lystkom_gen.book import Book, Row, month_end, split
from lystkom_gen.chart import PROJECTS
from lystkom_gen.items import LOAN, bank
from lystkom_gen.ledger import IT, HalfYear, Plan, accrued_costs, advances

__all__ = ["build_books", "opening_2023"]


def opening_2023(plan: Plan) -> dict[str, int]:
    """Balances on 2022-12-31 (SIE sign), the opening balances of the 2023 file."""
    moms_in = 41_250_000
    out = {
        "1221": plan["ansk.inv.22"],
        "1229": -plan["ack.inv.22"],
        "1241": plan["ansk.ford.22"],
        "1249": -plan["ack.ford.22"],
        "1510": plan["kund.22"],
        "1630": plan["fskatt.22"],
        "1710": plan["interims.22"],
        "1930": bank("22").value(plan),
        "2010": -plan["equity.22"],
        "2340": -LOAN["22"],
        "2510": -plan["lev.22"],
        "2610": -(plan["moms.22"] + moms_in),
        "2640": moms_in,
        "2710": -plan["kallskatt.22"],
        "2720": -plan["skattek.22"],
        "2730": -plan["pensind.22"],
        "2740": -plan["anst.22"],
        "2750": -plan["socavg.22"],
        "2910": -accrued_costs(plan, "22"),
        "2970": -advances(plan, "22"),
    }
    assert sum(out.values()) == 0, sum(out.values())
    return out


def asset_flows(hy: HalfYear) -> None:
    plan, h = hy.plan, hy.h
    obj = (("1", IT),)
    inv = split(hy.p("avskr.inv"), [1] * 6, hy.rng, 0.03)
    weights = [7, 7, 7, 7, 10, 10] if h == "23b" else [1] * 6
    ford = split(hy.p("avskr.ford"), weights, hy.rng)
    for i in range(6):
        hy.book.add(
            "AN",
            hy.day(i, 28),
            f"Avskrivningar {hy.label(i)}",
            [
                Row("68300", inv[i], obj),
                Row("1229", -inv[i]),
                Row("68400", ford[i], obj),
                Row("1249", -ford[i]),
            ],
        )
    suppliers = {
        "c3": ("Mobilhuset Norr AB", "surfplattor och mobiltelefoner"),
        "c4": ("Dataföretaget Inlandet AB", "bärbara datorer"),
        "c5": ("Servercentralen AB", "servrar och lagring"),
        "c6": ("Nätverksbolaget AB", "nätverk och brandväggar"),
    }
    if h == "24a":
        buys = {c: plan[f"inkop.{c}.24a"] for c in suppliers}
    else:
        buys = dict(zip(suppliers, split(hy.p("inkop.inv"), [25, 45, 20, 10], hy.rng), strict=True))
    when = {
        "24a": {
            "c3": [0, 1, 0, 1, 0, 0],
            "c4": [1, 0, 1, 0, 0, 0],
            "c5": [0, 0, 0, 0, 0, 1],
            "c6": [0, 0, 1, 0, 0, 0],
        },
        "23a": {
            "c3": [0, 1, 0, 0, 0, 0],
            "c4": [0, 0, 1, 1, 0, 0],
            "c5": [1, 0, 0, 0, 0, 0],
            "c6": [0, 0, 1, 0, 0, 0],
        },
        "23b": {
            "c3": [0, 0, 1, 0, 0, 0],
            "c4": [0, 0, 0, 0, 0, 1],
            "c5": [0, 0, 0, 0, 0, 1],
            "c6": [0, 0, 0, 0, 0, 1],
        },
    }[h]
    for c, amount in buys.items():
        who, what = suppliers[c]
        for i, part in enumerate(split(amount, when[c], hy.rng, 0.2)):
            if part:
                hy.supplier_invoice(i, 14, who, what, [Row("1221", part, (("6", PROJECTS[c]),))])
    if h == "23b":
        hy.supplier_invoice(
            4,
            10,
            "Bilhallen Lycksele AB",
            "servicebil (lätt lastbil)",
            [Row("1241", hy.p("inkop.ford"))],
        )
        scrap_inv, scrap_ford = hy.p("utr.inv"), hy.p("utr.ford")
        hy.book.add(
            "AN",
            hy.day(5, 28),
            "Utrangering av helt avskrivna inventarier och servicebil",
            [
                Row("1229", scrap_inv),
                Row("1221", -scrap_inv),
                Row("1249", scrap_ford),
                Row("1241", -scrap_ford),
            ],
        )


def loan_flows(hy: HalfYear) -> None:
    obj = (("1", IT),)
    for i, part in zip((2, 5), split(hy.p("ranta"), [1, 1], hy.rng, 0.1), strict=True):
        hy.book.add(
            "M",
            hy.day(i, 28),
            f"Räntor lån kvartal t.o.m. {hy.label(i)}",
            [Row("85100", part, obj), Row("1930", -part)],
        )
    if hy.h == "23a":
        amount = LOAN["22"] - LOAN["23a"]
        hy.book.add(
            "M",
            hy.day(2, 15),
            "Lån 2018-02 förfaller, slutbetalning",
            [Row("2340", amount), Row("1930", -amount)],
        )


def clearing(hy: HalfYear) -> None:
    carry = hy.carry
    # VAT of month m is reported and charged to the tax account on the 12th of m+2.
    vat_due: list[tuple[str, int, int]] = list(carry["vat"])  # type: ignore[call-overload]
    vat_due += [(hy.label(i), hy.vat_out[i], hy.vat_in[i]) for i in range(4)]
    for i, (what, out, inn) in enumerate(vat_due):
        correction = 0
        if i == 5:
            group = -hy.book.balance("2610", "2640")
            correction = group - (out - inn) - hy.p("moms")
        hy.book.add(
            "M",
            hy.day(i, 12),
            f"Momsdeklaration {what}"
            + (", med rättelse av tidigare perioder" if correction else ""),
            [
                Row("2610", out + correction),
                Row("2640", -inn),
                Row("1630", -(out - inn + correction)),
            ],
        )
    # Employer's contributions and withheld tax of month m: the 12th of m+1.
    tax_due: list[tuple[str, int, int]] = [carry["tax"]]  # type: ignore[list-item]
    tax_due += [(hy.label(i), hy.withheld[i], hy.social[i]) for i in range(5)]
    for i, (what, withheld, social) in enumerate(tax_due):
        hy.book.add(
            "M",
            hy.day(i, 12),
            f"Skattedeklaration {what}: avdragen skatt och arbetsgivaravgifter",
            [Row("2710", withheld), Row("2750", social), Row("1630", -(withheld + social))],
        )
    # Payments into the tax account on the 10th; the last one leaves the planned balance.
    for i in range(6):
        start, end = hy.day(i, 1), month_end(*hy.months[i])
        due = -hy.book.movements("1630", start, end, -1)
        if i == 5:
            due = hy.p("fskatt") - hy.book.balance("1630")
        hy.book.add(
            "B",
            hy.day(i, 10),
            ("Inbetalning till" if due >= 0 else "Utbetalning från")
            + f" skattekontot, {hy.label(i)}",
            [Row("1630", due), Row("1930", -due)],
        )
    # Customers pay last month's invoices; suppliers are paid last month's invoices.
    received = [hy.book.balance("1510") - sum(hy.cust), *hy.cust[:4]]
    received.append(hy.book.balance("1510") - sum(received) - hy.p("kund"))
    for i, amount in enumerate(received):
        assert amount >= 0, (hy.h, "kund", i, amount)
        hy.book.add(
            "B",
            hy.day(i, 20),
            f"Inbetalningar kundreskontra, {hy.label(i)}",
            [Row("1930", amount), Row("1510", -amount)],
        )
    paid = [-hy.book.balance("2510") - sum(hy.supp), *hy.supp[:4]]
    paid.append(-hy.book.balance("2510") - sum(paid) - hy.p("lev"))
    for i, amount in enumerate(paid):
        assert amount >= 0, (hy.h, "lev", i, amount)
        hy.book.add(
            "B",
            hy.day(i, 27),
            f"Utbetalning leverantörsreskontra, {hy.label(i)}",
            [Row("2510", amount), Row("1930", -amount)],
        )
    carry["vat"] = [(hy.label(i), hy.vat_out[i], hy.vat_in[i]) for i in (4, 5)]
    carry["tax"] = (hy.label(5), hy.withheld[5], hy.social[5])


def run(hy: HalfYear) -> None:
    """All vouchers of one half-year: natural flows first, clearing last."""
    hy.sales()
    hy.fees()
    hy.costs()
    hy.payroll()
    asset_flows(hy)
    loan_flows(hy)
    clearing(hy)


def _first_carry(plan: Plan) -> dict[str, object]:
    """What 2022 leaves to be settled in 2023: VAT of November and December, December's taxes."""
    moms_in = 41_250_000
    nov_in = 23_000_000
    nov_net = round(plan["moms.22"] * 0.55)
    return {
        "vat": [
            ("november 2022", nov_net + nov_in, nov_in),
            ("december 2022", plan["moms.22"] - nov_net + moms_in - nov_in, moms_in - nov_in),
        ],
        "tax": ("december 2022", plan["kallskatt.22"], plan["socavg.22"]),
    }


def build_books(plan: Plan) -> tuple[Book, Book]:
    """The books of 2023 and of 2024 (first half), checked against the plan."""
    carry = _first_carry(plan)
    b23 = Book(2023, opening_2023(plan))
    for half in ("23a", "23b"):
        run(HalfYear(b23, plan, half, carry))
        _check(b23, plan, half)
    result = -sum(v for k, v in b23.balances.items() if k[0] in "345678")
    b23.add(
        "P",
        date(2023, 12, 31),
        "Årets resultat 2023 till eget kapital",
        [Row("89900", result), Row("2010", -result)],
    )
    b24 = Book(2024, {k: v for k, v in b23.balances.items() if k[0] in "12" and v})
    run(HalfYear(b24, plan, "24a", carry))
    _check(b24, plan, "24a")
    return b23, b24


def _check(book: Book, plan: Plan, half: str) -> None:
    """Every balance-sheet account closes the half-year where the plan says."""
    want = {
        ("1510",): plan[f"kund.{half}"],
        ("1630",): plan[f"fskatt.{half}"],
        ("1710",): plan[f"interims.{half}"],
        ("2510",): -plan[f"lev.{half}"],
        ("2610", "2640"): -plan[f"moms.{half}"],
        ("2710",): -plan[f"kallskatt.{half}"],
        ("2720",): -plan[f"skattek.{half}"],
        ("2730",): -plan[f"pensind.{half}"],
        ("2740",): -plan[f"anst.{half}"],
        ("2750",): -plan[f"socavg.{half}"],
        ("2910", "2970"): -plan[f"uppl.{half}"],
        ("1930",): bank(half).value(plan),
        ("2340",): -LOAN[half],
    }
    for accounts, amount in want.items():
        got = book.balance(*accounts)
        if got != amount:
            raise AssertionError(f"{half} {accounts}: {got} != {amount} (diff {got - amount})")

"""The ledger's natural flows: each plan amount spread over realistic vouchers, per half-year.

:class:`HalfYear` makes the natural flows (service invoices, member fees, payroll,
supplier invoices, pension accruals, period-end accruals); :mod:`lystkom_gen.books` adds
depreciation runs, IT purchases, interest, amortisation and the clearing flows (VAT and
tax returns through the tax account, customer receipts, supplier payments), scheduled like
a real month. The last clearing flow of each kind in a half-year takes what is left, so
every balance-sheet account closes the half-year on its planned balance. The bank account
is what remains; it is checked against the plan's bank balance (the balance sheet
identity), never forced.
"""

from __future__ import annotations

import random
from datetime import date

from lystkom_gen.book import Book, Row, month_end, month_name, months_of, split, vat
from lystkom_gen.chart import (
    CUSTOMERS,
    LINE_ACCOUNTS,
    MEMBER_SHARES,
    SALES_ACCOUNTS,
    VERKSAMHET_ID,
)
from lystkom_gen.items import VERKSAMHETER

__all__ = ["HalfYear", "accrued_costs", "advances", "by_verksamhet"]

Plan = dict[str, int]

# 2023 totals are split over the verksamheter with these shares (the report shows 2023 only
# in total); 2024 has plan amounts per verksamhet.
SHARES_2023: dict[str, dict[str, float]] = {
    "sales": {"IT": 79.6, "KT": 20.0, "LYS": 0.4},
    "pers": {"IT": 64.0, "KT": 32.0, "LYS": 4.0},
    "pens": {"IT": 64.0, "KT": 32.0, "LYS": 4.0},
    "entr": {"IT": 55.0, "KT": 30.0, "REV": 15.0},
    "hyra": {"IT": 83.0, "KT": 17.0},
    "varor": {"IT": 84.0, "KT": 13.0, "LYS": 3.0},
    "ovr": {"IT": 88.5, "KT": 10.0, "LYS": 1.5},
}
PREV = {"23a": "22", "23b": "23a", "24a": "23b"}
# Upplupna kostnader (2910) as a share of the plan's "upplupna kostnader och förutbetalda
# intäkter"; the rest are advance invoices, förutbetalda intäkter (2970).
ACCRUED_COST_SHARE = {"22": 0.27, "23a": 0.19, "23b": 1.0, "24a": 0.051}
SOCIAL_RATE = 0.3142
NO_VAT = {"61100", "69100", "55200"}
IT = "81141"


def by_verksamhet(plan: Plan, line: str, half: str) -> dict[str, int]:
    """A note line of a half-year per verksamhet (2023: split of the total; 2024: plan)."""
    if half == "24a":
        return {x: plan[f"{line}.{x}.24a"] for x in VERKSAMHETER if f"{line}.{x}.24a" in plan}
    shares = SHARES_2023[line]
    parts = split(plan[f"{line}.{half}"], list(shares.values()), random.Random(0))
    return dict(zip(shares, parts, strict=True))


def accrued_costs(plan: Plan, d: str) -> int:
    return round(plan[f"uppl.{d}"] * ACCRUED_COST_SHARE[d])


def advances(plan: Plan, d: str) -> int:
    return plan[f"uppl.{d}"] - accrued_costs(plan, d)


class HalfYear:
    """Vouchers of one half-year in a book, with what is left for the next half-year."""

    def __init__(self, book: Book, plan: Plan, half: str, carry: dict[str, object]) -> None:
        self.book, self.plan, self.h = book, plan, half
        self.prev = PREV[half]
        self.rng = random.Random(f"lystkom-{half}")
        self.months = months_of(half)
        self.carry = carry
        # per month: customer invoices (gross), supplier invoices (gross), VAT out/in, tax
        self.cust = [0] * 6
        self.supp = [0] * 6
        self.vat_out = [0] * 6
        self.vat_in = [0] * 6
        self.withheld = [0] * 6
        self.social = [0] * 6

    # -- helpers ---------------------------------------------------------------------------

    def day(self, i: int, d: int) -> date:
        y, m = self.months[i]
        return month_end(y, m) if d >= 28 else date(y, m, d)

    def label(self, i: int) -> str:
        y, m = self.months[i]
        return f"{month_name(m)} {y}"

    def p(self, name: str) -> int:
        return self.plan[f"{name}.{self.h}"]

    def pp(self, name: str) -> int:
        return self.plan[f"{name}.{self.prev}"]

    def customer_invoice(self, i: int, d: int, who: str, text: str, rows: list[Row]) -> None:
        """Kundfaktura: rows are credits (negative, revenue); 25 % moms unless VAT-free."""
        net = -sum(r.amount for r in rows if r.account != "2970")
        tax = vat(net) if all(r.account != "2970" for r in rows) else 0
        gross = -sum(r.amount for r in rows) + tax
        self.book.add(
            "K", self.day(i, d), f"{who}: {text}", [Row("1510", gross), *rows, Row("2610", -tax)]
        )
        self.cust[i] += gross
        self.vat_out[i] += tax

    def supplier_invoice(self, i: int, d: int, who: str, text: str, rows: list[Row]) -> None:
        """Leverantörsfaktura: rows are debits (cost or asset); moms on what is taxed."""
        tax = sum(vat(r.amount) for r in rows if r.account not in NO_VAT)
        gross = sum(r.amount for r in rows) + tax
        self.book.add(
            "L", self.day(i, d), f"{who}: {text}", [*rows, Row("2640", tax), Row("2510", -gross)]
        )
        self.supp[i] += gross
        self.vat_in[i] += tax

    # -- natural flows ---------------------------------------------------------------------

    def sales(self) -> None:
        prev_adv = advances(self.plan, self.prev)
        for x, planned in by_verksamhet(self.plan, "sales", self.h).items():
            total = planned
            obj = (("1", VERKSAMHET_ID[x]),)
            if x == "IT" and prev_adv:
                # advances invoiced last half-year are earned month by month now
                for i, part in enumerate(split(prev_adv, [1] * 6, self.rng)):
                    self.book.add(
                        "P",
                        self.day(i, 28),
                        f"Upplösning förutbetalda intäkter, {self.label(i)}",
                        [Row("2970", part), Row("30420", -part, obj)],
                    )
                total -= prev_adv
            if x == "LYS":
                for i, q in zip((2, 5), split(total, [1, 1], self.rng, 0.1), strict=True):
                    whos = CUSTOMERS["LYS"]
                    for (who, _), amt in zip(
                        whos, split(q, [w for _, w in whos], self.rng), strict=True
                    ):
                        self.customer_invoice(
                            i,
                            15,
                            who,
                            f"projektledning e-arkiv, kvartal {(self.months[i][1] - 1) // 3 + 1}",
                            [Row("30910", -amt, obj)],
                        )
                continue
            monthly = split(total, [1] * 6, self.rng, 0.04)
            for i, amount in enumerate(monthly):
                whos = CUSTOMERS[x]
                for (who, _), amt in zip(
                    whos, split(amount, [w for _, w in whos], self.rng, 0.05), strict=True
                ):
                    accs = SALES_ACCOUNTS[x]
                    parts = split(amt, [w for _, w in accs], self.rng, 0.1)
                    rows = [Row(a, -p, obj) for (a, _), p in zip(accs, parts, strict=True)]
                    what = "IT-tjänster" if x == "IT" else "kundtjänst och telefoni"
                    self.customer_invoice(i, 5, who, f"{what} {self.label(i)}", rows)
        adv = advances(self.plan, self.h)
        if adv:
            members = (
                MEMBER_SHARES
                if self.h != "24a"
                else [("Åsele kommun", 60), ("Lycksele kommun", 25), ("Storumans kommun", 15)]
            )
            what = (
                "förskott anslutning till Lystkom IT 2025 (momsfritt förskott)"
                if self.h == "24a"
                else "förskott hårdvara som tjänst, nästa halvår (momsfritt förskott)"
            )
            for (who, _), amt in zip(
                members, split(adv, [w for _, w in members], self.rng), strict=True
            ):
                self.customer_invoice(5, 20, who, what, [Row("2970", -amt)])

    def fees(self) -> None:
        obj = (("1", VERKSAMHET_ID["LYS"]),)
        parts = split(self.p("fees"), [w for _, w in MEMBER_SHARES], self.rng)
        half = "första" if self.h.endswith("a") else "andra"
        for (who, _), amt in zip(MEMBER_SHARES, parts, strict=True):
            self.customer_invoice(
                0,
                10,
                who,
                f"medlemsavgift {half} halvåret {self.months[0][0]}",
                [Row("81100", -amt, obj)],
            )

    def costs(self) -> None:
        used = (
            self.pp("interims")
            + (self.p("interims") if self.h == "23b" else 0)
            - self.p("interims")
        )
        uk_change = accrued_costs(self.plan, self.h) - accrued_costs(self.plan, self.prev)
        for line in ("entr", "hyra", "varor", "ovr"):
            for x, planned in by_verksamhet(self.plan, line, self.h).items():
                total = planned
                if line == "ovr" and x == "IT":
                    total -= used + uk_change
                    assert total > 0, (self.h, total)
                obj = (("1", VERKSAMHET_ID[x]),)
                accs = LINE_ACCOUNTS[(line, x)]
                for (acc, who, _), amt in zip(
                    accs, split(total, [w for *_, w in accs], self.rng, 0.1), strict=True
                ):
                    quarterly = acc in {"46200", "69100", "49100", "64100", "61100", "63100"}
                    weights = [0, 0, 1, 0, 0, 1] if quarterly else [1] * 6
                    for i, part in enumerate(split(amt, weights, self.rng, 0.25)):
                        if part:
                            self.supplier_invoice(
                                i,
                                6 + 3 * ((int(acc) // 100 + VERKSAMHETER.index(x)) % 7),
                                who,
                                f"faktura {self.label(i)}",
                                [Row(acc, part, obj)],
                            )
        # prepaid licences: the annual invoice in December, used month by month
        if self.h == "23b":
            self.supplier_invoice(
                5,
                15,
                "Programvaruhuset AB",
                "licenser och support 2024 (årsavgift)",
                [Row("1710", self.p("interims"))],
            )
        for i, part in enumerate(split(used, [1] * 6, self.rng)):
            self.book.add(
                "P",
                self.day(i, 28),
                f"Periodisering förutbetalda licenser, {self.label(i)}",
                [Row("66100", part, ((("1", IT),))), Row("1710", -part)],
            )
        # upplupna kostnader: reverse last half-year's, accrue this half-year's
        first = self.day(0, 1)
        prev_uk = accrued_costs(self.plan, self.prev)
        self.book.add(
            "P",
            first,
            "Återföring upplupna kostnader",
            [Row("2910", prev_uk), Row("66200", -prev_uk, (("1", IT),))],
        )
        uk = accrued_costs(self.plan, self.h)
        self.book.add(
            "P",
            self.day(5, 28),
            "Upplupna kostnader, tele och datakommunikation",
            [Row("66200", uk, (("1", IT),)), Row("2910", -uk)],
        )

    def payroll(self) -> None:
        plan, h = self.plan, self.h
        pers = by_verksamhet(plan, "pers", h)
        pens = by_verksamhet(plan, "pens", h)
        sick = {"KT": plan["ostat.24a"]} if h == "24a" else {}
        vac = split(self.p("anst") - self.pp("anst"), [pers[x] for x in pers], self.rng)
        vacation = dict(zip(pers, vac, strict=True))
        other = {x: round(pers[x] * 0.04) for x in pers}
        gross = {
            x: round((pers[x] - vacation[x] - other[x] + sick.get(x, 0)) / (1 + SOCIAL_RATE))
            for x in pers
        }
        social = {x: pers[x] - vacation[x] - other[x] + sick.get(x, 0) - gross[x] for x in pers}
        monthly = {x: split(gross[x], [1] * 6, self.rng, 0.02) for x in pers}
        june = split(self.p("socavg"), [monthly[x][5] for x in pers], self.rng)
        soc_m: dict[str, list[int]] = {}
        for x, last in zip(pers, june, strict=True):
            soc_m[x] = [*split(social[x] - last, monthly[x][:5], self.rng), last]
        total_g = [sum(monthly[x][i] for x in pers) for i in range(6)]
        withheld = [round(g * self.p("kallskatt") / total_g[5]) for g in total_g]
        withheld[5] = self.p("kallskatt")
        for i in range(6):
            rows = [Row("50110", monthly[x][i], (("1", VERKSAMHET_ID[x]),)) for x in pers]
            net = total_g[i] - withheld[i]
            self.book.add(
                "LON",
                self.day(i, 25),
                f"Löner {self.label(i)}",
                [*rows, Row("2710", -withheld[i]), Row("1930", -net)],
            )
            rows = [Row("54100", soc_m[x][i], (("1", VERKSAMHET_ID[x]),)) for x in pers]
            self.book.add(
                "LON",
                self.day(i, 28),
                f"Arbetsgivaravgifter {self.label(i)}",
                [*rows, Row("2750", -sum(soc_m[x][i] for x in pers))],
            )
            self.withheld[i] = withheld[i]
            self.social[i] = sum(soc_m[x][i] for x in pers)
        # other personnel costs: training, occupational health, wellness
        for x in pers:
            obj = (("1", VERKSAMHET_ID[x]),)
            for i, part in enumerate(split(other[x], [1, 1, 1, 1, 1, 0.5], self.rng, 0.3)):
                self.supplier_invoice(
                    i,
                    18,
                    "Utbildningsbolaget AB",
                    f"kurser och friskvård {self.label(i)}",
                    [Row("56100", part, obj)],
                )
        if sick:
            self.book.add(
                "P",
                self.day(5, 28),
                "Fordran Försäkringskassan, sjuklönekostnad",
                [Row("1620", sick["KT"]), Row("56500", -sick["KT"], (("1", VERKSAMHET_ID["KT"]),))],
            )
        vac_rows = [Row("51300", vacation[x], (("1", VERKSAMHET_ID[x]),)) for x in pers]
        self.book.add(
            "P",
            self.day(5, 28),
            "Förändring semesterlöneskuld",
            [*vac_rows, Row("2740", -sum(vacation.values()))],
        )
        # pensions: individual part (paid in September for the year before), särskild
        # löneskatt (paid in May 2023 for 2022), premiums for the defined benefit part
        paid_ind = self.plan["pensind.22"] if h == "23b" else 0
        paid_slf = self.plan["skattek.22"] if h == "23a" else 0
        ind = self.p("pensind") - self.pp("pensind") + paid_ind
        slf = self.p("skattek") - self.pp("skattek") + paid_slf
        weights = [gross[x] for x in pens]
        ind_x = dict(zip(pens, split(ind, weights, self.rng), strict=True))
        slf_x = dict(zip(pens, split(slf, weights, self.rng), strict=True))
        for x in pens:
            premium = pens[x] - ind_x[x] - slf_x[x]
            assert premium >= 0, (h, x, premium)
            w = [0, 0, 0.15, 0, 0, 0.85] if h == "23b" else [0, 0, 1, 0, 0, 1]
            for i, part in enumerate(split(premium, w, self.rng)):
                if part:
                    self.supplier_invoice(
                        i,
                        20,
                        "KPA Pension",
                        f"premie förmånsbestämd ålderspension, {self.label(i)}",
                        [Row("55200", part, (("1", VERKSAMHET_ID[x]),))],
                    )
        ind_m = {x: split(ind_x[x], [1] * 6, self.rng) for x in pens}
        slf_m = {x: split(slf_x[x], [1] * 6, self.rng) for x in pens}
        for i in range(6):
            rows = [Row("55100", ind_m[x][i], (("1", VERKSAMHET_ID[x]),)) for x in pens]
            rows += [Row("55900", slf_m[x][i], (("1", VERKSAMHET_ID[x]),)) for x in pens]
            rows += [
                Row("2730", -sum(ind_m[x][i] for x in pens)),
                Row("2720", -sum(slf_m[x][i] for x in pens)),
            ]
            self.book.add("LON", self.day(i, 28), f"Pensionskostnader {self.label(i)}", rows)
        if paid_slf:
            self.book.add(
                "M",
                self.day(4, 12),
                "Särskild löneskatt 2022 enligt deklaration",
                [Row("2720", paid_slf), Row("1630", -paid_slf)],
            )
        if paid_ind:
            self.book.add(
                "B",
                self.day(2, 29),
                "KPA Pension, individuell del 2022",
                [Row("2730", paid_ind), Row("1930", -paid_ind)],
            )

"""Generate the Lystkom example's synthetic HR export and KPI data (deterministic).

    python examples/lystkom-2024-06/tools/gen_hr_kpi.py

writes ``data/absence.csv`` and ``data/kpi/{calls,tickets,series}.csv`` next to this folder.
The employees are invented. Their sick hours are solved (exactly, with fractions) so that
the statutory figures reproduce the seed report's sick-leave tables for January-June
2024 and 2023 (total 3.6 % and 3.0 %, and every age and gender figure); the script checks
this itself and fails otherwise. Same script, same bytes: no clock, no unseeded random.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DATA = HERE / "data"

# Seed figures (percent of ordinary working time, January-June).
TARGETS = {
    2024: {
        "age_29": "3.1",
        "age_30": "2.8",
        "age_50": "4.8",
        "total": "3.6",
        "K": "4.6",
        "M": "2.8",
    },
    2023: {
        "age_29": "1.1",
        "age_30": "2.6",
        "age_50": "3.9",
        "total": "3.0",
        "K": "2.7",
        "M": "3.2",
    },
}
HOLIDAYS = {
    2023: {date(2023, 1, 6), date(2023, 4, 7), date(2023, 4, 10), date(2023, 5, 1),
           date(2023, 5, 18), date(2023, 6, 6), date(2023, 6, 23)},
    2024: {date(2024, 1, 1), date(2024, 3, 29), date(2024, 4, 1), date(2024, 5, 1),
           date(2024, 5, 9), date(2024, 6, 6), date(2024, 6, 21)},
}  # fmt: skip
MONTHS = range(1, 7)
AGE_GROUPS = ("age_29", "age_30", "age_50")


def full_time_hours(year: int, month: int) -> Decimal:
    """Scheduled hours of a full-time employee: 8 per weekday that is not a holiday."""
    day, hours = date(year, month, 1), 0
    while day.month == month:
        if day.weekday() < 5 and day not in HOLIDAYS[year]:
            hours += 8
        day += timedelta(days=1)
    return Decimal(hours)


@dataclass
class Employee:
    ident: str
    gender: str
    birth_year: int
    unit: str
    fte: dict[int, Decimal]  # year -> share of full time; 0 = not employed
    sick: dict[tuple[int, int], list[tuple[Decimal, date, date | None]]] = field(
        default_factory=dict
    )

    def ordinary(self, year: int, month: int) -> Decimal:
        return (full_time_hours(year, month) * self.fte.get(year, Decimal(0))).quantize(
            Decimal("0.01")
        )

    def sick_in(self, year: int, month: int) -> Decimal:
        return sum((h for h, _, _ in self.sick.get((year, month), [])), Decimal(0))


def age_group(birth_year: int, year: int) -> str:
    age = year - birth_year
    return "age_29" if age <= 29 else "age_30" if age <= 49 else "age_50"


def population() -> list[Employee]:
    """Invented staff: Kundtjänst and IT."""
    rng = random.Random(20240630)
    spec = [
        # unit, gender, birth-year range, count, fte 2023, fte 2024
        ("Kundtjänst", "K", (1995, 2001), 4, "0.75", "1"),
        ("Kundtjänst", "M", (1995, 2001), 3, "1", "1"),
        ("Kundtjänst", "K", (1994, 1994), 1, "1", "1"),
        ("Kundtjänst", "K", (1976, 1992), 6, "1", "0.75"),
        ("Kundtjänst", "K", (1960, 1972), 7, "1", "0.8"),
        ("Kundtjänst", "M", (1976, 1990), 2, "1", "1"),
        ("IT", "M", (1995, 2001), 2, "0.5", "1"),
        ("IT", "M", (1976, 1992), 14, "1", "1"),
        ("IT", "K", (1976, 1992), 4, "1", "1"),
        ("IT", "M", (1960, 1972), 10, "1", "1"),
        ("IT", "K", (1960, 1972), 5, "1", "0.8"),
        ("IT", "K", (1966, 1972), 3, "1", "1"),
        ("IT", "M", (1978, 1988), 2, "1", "1"),
        ("IT", "K", (1995, 1999), 1, "1", "1"),
    ]
    staff: list[Employee] = []
    for unit, gender, (lo, hi), count, fte23, fte24 in spec:
        for _ in range(count):
            ident = f"L{len(staff) + 101:04d}"
            fte = {2023: Decimal(fte23), 2024: Decimal(fte24)}
            staff.append(Employee(ident, gender, rng.randint(lo, hi), unit, fte))
    # Turnover: six retired at the end of 2023, two young hired part-time in 2024.
    gone = {2023: Decimal(1), 2024: Decimal(0)}
    for k, (gender, born, unit) in enumerate(
        [("K", 1958, "Kundtjänst"), ("M", 1959, "IT"), ("K", 1957, "Kundtjänst"),
         ("M", 1958, "IT"), ("K", 1959, "IT"), ("M", 1957, "IT")]
    ):  # fmt: skip
        staff.append(Employee(f"L{201 + k:04d}", gender, born, unit, dict(gone)))
    hired = {2023: Decimal(0), 2024: Decimal("0.5")}
    staff.append(Employee("L0211", "K", 2002, "Kundtjänst", dict(hired)))
    staff.append(Employee("L0212", "M", 2001, "IT", dict(hired)))
    return staff


def hours(staff: list[Employee], year: int, key: str) -> Fraction:
    return sum(
        (Fraction(e.ordinary(year, m)) for e in staff for m in MONTHS
         if key in (e.gender, age_group(e.birth_year, year), "total")),
        Fraction(0),
    )  # fmt: skip


def rounds_to(value: Fraction, shown: str) -> bool:
    return abs(value - Fraction(Decimal(shown))) < Fraction(1, 20)


def solve_rates(staff: list[Employee], year: int) -> dict[tuple[str, str], Fraction]:
    """Sick-hour share per (age group, gender) cell that reproduces the seed's figures."""
    t = TARGETS[year]
    h = {(a, g): Fraction(0) for a in AGE_GROUPS for g in "KM"}
    for e in staff:
        for m in MONTHS:
            h[age_group(e.birth_year, year), e.gender] += Fraction(e.ordinary(year, m))
    h_age = {a: h[a, "K"] + h[a, "M"] for a in AGE_GROUPS}
    h_g = {g: sum((h[a, g] for a in AGE_GROUPS), Fraction(0)) for g in "KM"}
    total_h = sum(h_age.values(), Fraction(0))
    steps = [Fraction(k, 100) for k in (0, 2, -2, 4, -4)]
    for d29 in steps:
        for d30 in steps:
            for d50 in steps:
                rate = {a: Fraction(Decimal(t[a])) + d for a, d in
                        zip(AGE_GROUPS, (d29, d30, d50), strict=True)}  # fmt: skip
                sick = sum((rate[a] * h_age[a] for a in AGE_GROUPS), Fraction(0))
                if not rounds_to(100 * sick / total_h / 100, t["total"]):
                    continue
                for dm in steps:
                    u_m = Fraction(Decimal(t["M"])) + dm
                    u_k = (sick - u_m * h_g["M"]) / h_g["K"]
                    if not rounds_to(u_k, t["K"]):
                        continue
                    # Start each cell at its age rate; move the gender gap proportionally.
                    gap = u_k * h_g["K"] - sum(
                        (rate[a] * h[a, "K"] for a in AGE_GROUPS), Fraction(0)
                    )
                    cells = {}
                    for a in AGE_GROUPS:
                        share = gap * h_age[a] / total_h
                        cells[a, "K"] = (rate[a] * h[a, "K"] + share) / h[a, "K"]
                        cells[a, "M"] = (rate[a] * h[a, "M"] - share) / h[a, "M"]
                    if all(0 < c < 10 for c in cells.values()):
                        return cells
    raise SystemExit(f"no sick-leave rates reproduce the seed for {year}")


def allocate(staff: list[Employee], year: int, rates: dict[tuple[str, str], Fraction]) -> None:
    """Turn each cell's sick hours into spells of named employees (half-hour steps)."""
    rng = random.Random(year)
    for (a, g), rate in sorted(rates.items()):
        members = sorted(
            (e for e in staff if e.gender == g and age_group(e.birth_year, year) == a
             and e.fte[year] > 0), key=lambda e: e.ident)  # fmt: skip
        cell_hours = sum(
            (Fraction(e.ordinary(year, m)) for e in members for m in MONTHS), Fraction(0)
        )
        target = rate / 100 * cell_hours
        remaining = (Decimal(target.numerator) / Decimal(target.denominator) * 2).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        ) / 2
        order = members[:]
        rng.shuffle(order)
        # One long spell (60+ days, half-time sick) in the two largest cells of each year.
        if (a, g) in {("age_50", "K"), ("age_30", "M")}:
            long_one = order[0]
            start = date(year, 2, 5) if g == "K" else date(year - 1, 12, 11)
            for m in (2, 3, 4) if g == "K" else (1, 2, 3):
                h = min(remaining / 3, long_one.ordinary(year, m) / 2).quantize(Decimal("0.5"))
                long_one.sick.setdefault((year, m), []).append((h, start, None))
                remaining -= h
        i = 0
        while remaining > 0:
            e = order[i % len(order)]
            i += 1
            m = rng.choice(list(MONTHS))
            room = e.ordinary(year, m) - e.sick_in(year, m)
            h = min(Decimal(rng.choice([4, 8, 8, 16, 16, 24, 32, 40])), remaining, room)
            if h <= 0:
                continue
            start = date(year, m, rng.randint(1, 20))
            e.sick.setdefault((year, m), []).append(
                (h, start, start + timedelta(days=rng.randint(0, 6)))
            )
            remaining -= h


def write_absence(staff: list[Employee]) -> None:
    with (DATA / "absence.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["employee", "birth_year", "gender", "unit", "month", "ordinary_hours",
                    "sick_hours", "spell_start", "spell_end"])  # fmt: skip
        for year in (2023, 2024):
            for m in MONTHS:
                for e in staff:
                    ordinary = e.ordinary(year, m)
                    if ordinary == 0:
                        continue
                    spells = e.sick.get((year, m), [])
                    base = [e.ident, e.birth_year, e.gender, e.unit, f"{year}-{m:02d}"]
                    if not spells:
                        w.writerow([*base, ordinary, "0", "", ""])
                    for k, (h, start, end) in enumerate(spells):
                        w.writerow([*base, ordinary if k == 0 else "0", h, start.isoformat(),
                                    end.isoformat() if end else ""])  # fmt: skip


def write_calls() -> None:
    """Call log: Kundtjänst (target 90 % in 30 s) and IT-support (80 % in 60 s)."""
    rng = random.Random(30)
    rows = []
    day = date(2024, 1, 2)
    while day <= date(2024, 6, 28):
        if day.weekday() < 5 and day not in HOLIDAYS[2024]:
            for queue, n, slow in (("Kundtjänst", 14, 0.15), ("IT-support", 9, 0.13)):
                for _ in range(n):
                    at = datetime(day.year, day.month, day.day, 8) + timedelta(
                        seconds=rng.randrange(8 * 3600)
                    )
                    limit = 30 if queue == "Kundtjänst" else 60
                    wait = (
                        rng.randint(limit + 1, limit * 5)
                        if rng.random() < slow
                        else rng.randint(2, limit)
                    )
                    outcome = "avbruten" if rng.random() < 0.03 else "besvarad"
                    rows.append((at.isoformat(), queue, wait, outcome))
        day += timedelta(days=1)
    rows.sort()
    with (DATA / "kpi" / "calls.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["timestamp", "queue", "wait_seconds", "outcome"])
        w.writerows(rows)


def write_tickets() -> None:
    """Ticket export of the IT service desk."""
    rng = random.Random(31)
    rows = []
    for k in range(600):
        created = datetime(2024, 1, 2, 8) + timedelta(minutes=rng.randrange(178 * 24 * 60))
        category = rng.choice(["Incident", "Incident", "Beställning", "Behörighet"])
        lead = timedelta(hours=rng.choice([1, 2, 4, 8, 24, 48, 96]) * rng.random() + 0.25)
        closed = created + lead
        closed_text = (
            ""
            if closed > datetime(2024, 6, 30, 23, 59) or k % 97 == 0
            else closed.isoformat(timespec="minutes")
        )
        rows.append((created.isoformat(timespec="minutes"), closed_text, category))
    rows.sort()
    with (DATA / "kpi" / "tickets.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["created", "closed", "category"])
        w.writerows(rows)


def write_series() -> None:
    """Plain KPI series (Kolada-style; ids are Lystkom's own, not Kolada's)."""
    rows = [
        ("nki_kundtjanst", "2022", "71"), ("nki_kundtjanst", "2023", "74"),
        ("resfria_moten_andel", "2023", "93.5"), ("atervunnen_utrustning_andel", "2023", "97.2"),
    ]  # fmt: skip
    with (DATA / "kpi" / "series.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "period", "value"])
        w.writerows(rows)


def check(staff: list[Employee]) -> None:
    """The generated hours give the seed's rounded figures (verified independently of solve)."""
    for year, t in TARGETS.items():

        def pct(key: str, year: int = year) -> Decimal:
            num = sum(
                (
                    Fraction(e.sick_in(year, m))
                    for e in staff
                    for m in MONTHS
                    if key in (e.gender, age_group(e.birth_year, year), "total")
                ),
                Fraction(0),
            )
            den = hours(staff, year, key)
            value = 1000 * num / den
            return Decimal(int(value + Fraction(1, 2))) / 10

        for key, shown in t.items():
            if pct(key) != Decimal(shown):
                raise SystemExit(f"{year} {key}: {pct(key)} != {shown}")


def main() -> None:
    staff = population()
    for year in (2023, 2024):
        allocate(staff, year, solve_rates(staff, year))
    check(staff)
    (DATA / "kpi").mkdir(parents=True, exist_ok=True)
    write_absence(staff)
    write_calls()
    write_tickets()
    write_series()


if __name__ == "__main__":
    main()

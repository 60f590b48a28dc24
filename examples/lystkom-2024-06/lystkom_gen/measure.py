"""Measure the plan items back from the vouchers (a check that does not trust the generator)."""

from __future__ import annotations

from datetime import date

from lystkom_gen.book import Book
from lystkom_gen.chart import VERKSAMHET_ID

__all__ = ["LINE_OF", "measure"]

# account prefix -> note line (the default mapping's groups, as the example uses them)
LINE_OF = {
    "30": "sales",
    "81": "fees",
    "50": "pers",
    "51": "pers",
    "54": "pers",
    "56": "pers",
    "55": "pens",
    "46": "entr",
    "61": "hyra",
    "63": "hyra",
    "45": "varor",
    "64": "varor",
    "49": "ovr",
    "66": "ovr",
    "69": "ovr",
    "70": "ovr",
    "71": "ovr",
    "85": "ranta",
}
NAME_OF = {v: k for k, v in VERKSAMHET_ID.items()}
CREDIT_LINES = {"sales", "fees"}


def measure(book: Book, half: str) -> dict[str, int]:
    """Plan items of ``half`` recomputed from the book's vouchers."""
    year = 2000 + int(half[:2])
    start = date(year, 1 if half.endswith("a") else 7, 1)
    end = date(year, 6, 30) if half.endswith("a") else date(year, 12, 31)
    out: dict[str, int] = {}

    def add(name: str, amount: int) -> None:
        out[name] = out.get(name, 0) + amount

    for v in book.vouchers:
        if not start <= v.date <= end:
            continue
        for r in v.rows:
            acc = r.account
            line = LINE_OF.get(acc[:2])
            objs = dict(r.objects)
            if line:
                sign = -1 if line in CREDIT_LINES else 1
                x = NAME_OF[objs["1"]]
                add(f"{line}.{x}.{half}", sign * r.amount)
                add(f"{line}.{half}", sign * r.amount)
            elif acc == "68300":
                add(f"avskr.inv.{half}", r.amount)
            elif acc == "68400":
                add(f"avskr.ford.{half}", r.amount)
            elif acc == "1221" and r.amount > 0:
                add(f"inkop.inv.{half}", r.amount)
                if "6" in objs:
                    add(f"inkop.{objs['6']}.{half}", r.amount)
            elif acc == "1241" and r.amount > 0:
                add(f"inkop.ford.{half}", r.amount)
            elif acc == "1221" and r.amount < 0:
                add(f"utr.inv.{half}", -r.amount)
            elif acc == "1241" and r.amount < 0:
                add(f"utr.ford.{half}", -r.amount)
    return out

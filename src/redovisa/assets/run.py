"""Avskrivningskörning: the depreciation of a period, its totals and its vouchers.

A run covers whole months (``start`` is the first day of a month, ``end`` the last day of
one). It gives the schedule per item and month, totals per category, cost centre and
expense account, and one voucher per month (or one for the period) that debits the
expense account and credits the accumulated-depreciation account of each category, per
cost centre and project. :func:`write_vouchers_sie` writes them as SIE 4 for import.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from redovisa.assets.model import AssetConfig, Month, month_end, month_index, month_label
from redovisa.assets.schedule import Item
from redovisa.core.money import from_ore
from redovisa.sie.records import FiscalYearRecord, ObjectRef, Posting, SieFile, Voucher
from redovisa.sie.writer import write_sie


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """Avskrivningsrad: the depreciation of one item in one month (öre)."""

    item: str
    category: str
    cost_centre: str
    project: str
    month: Month
    amount: int


@dataclass(frozen=True, slots=True)
class DepreciationRun:
    """Avskrivningskörning: the depreciation of the months ``start..end`` (amounts in öre)."""

    start: date
    end: date
    rows: tuple[ScheduleRow, ...]
    by_category: dict[str, int]
    by_cost_centre: dict[str, int]
    by_account: dict[str, int]
    total: int

    def per_item(self) -> dict[str, int]:
        """The period's depreciation per item."""
        out: dict[str, int] = defaultdict(int)
        for row in self.rows:
            out[row.item] += row.amount
        return dict(out)


def period_months(start: date, end: date) -> tuple[Month, Month]:
    """The first and last month of a period of whole months; ValueError otherwise."""
    first, last = month_index(start), month_index(end)
    if start.day != 1 or end != month_end(last) or last < first:
        raise ValueError(f"perioden {start}–{end} är inte hela månader")
    return first, last


def depreciation_run(
    items: Iterable[Item], config: AssetConfig, start: date, end: date
) -> DepreciationRun:
    """Depreciate every item over the whole months from ``start`` to ``end``."""
    first, last = period_months(start, end)
    rows: list[ScheduleRow] = []
    by_category: dict[str, int] = defaultdict(int)
    by_centre: dict[str, int] = defaultdict(int)
    by_account: dict[str, int] = defaultdict(int)
    for item in items:
        lo, hi = max(first, item.first_month), min(last, item.last_month)
        previous = item.accumulated(lo - 1)
        for month in range(lo, hi + 1):
            current = item.accumulated(month)
            amount = current - previous
            previous = current
            if amount:
                rows.append(
                    ScheduleRow(
                        item.id, item.category, item.cost_centre, item.project, month, amount
                    )
                )
                by_category[item.category] += amount
                by_centre[item.cost_centre] += amount
                by_account[config.categories[item.category].expense_account] += amount
    return DepreciationRun(
        start=start,
        end=end,
        rows=tuple(rows),
        by_category=dict(by_category),
        by_cost_centre=dict(by_centre),
        by_account=dict(by_account),
        total=sum(by_category.values()),
    )


def objects(config: AssetConfig, cost_centre: str, project: str) -> tuple[ObjectRef, ...]:
    """The object list of a row: cost centre and project, where given."""
    out: list[ObjectRef] = []
    if cost_centre:
        out.append((config.cost_centre_dimension, cost_centre))
    if project:
        out.append((config.project_dimension, project))
    return tuple(out)


def depreciation_vouchers(
    run: DepreciationRun, config: AssetConfig, *, first_number: int = 1, per_month: bool = True
) -> list[Voucher]:
    """Vouchers for the run: debit the expense, credit accumulated depreciation.

    One voucher per month dated the last day of the month (``per_month``), or one for
    the whole period dated ``run.end``. Rows are summed per account, cost centre and project.
    """
    buckets: dict[Month, dict[tuple[str, str, str], int]] = defaultdict(lambda: defaultdict(int))
    for row in run.rows:
        key_month = row.month if per_month else month_index(run.end)
        category = config.categories[row.category]
        bucket = buckets[key_month]
        bucket[(category.expense_account, row.cost_centre, row.project)] += row.amount
        bucket[(category.depreciation_account, row.cost_centre, row.project)] -= row.amount
    vouchers: list[Voucher] = []
    for number, month in enumerate(sorted(buckets), start=first_number):
        day = month_end(month)
        what = month_label(month) if per_month else f"{run.start}–{run.end}"
        postings = tuple(
            Posting(account, from_ore(amount), objects(config, centre, project))
            for (account, centre, project), amount in sorted(buckets[month].items())
            if amount
        )
        vouchers.append(
            Voucher(
                config.voucher_series, str(number), day, f"Avskrivningar {what}", postings=postings
            )
        )
    return vouchers


def vouchers_sie(
    vouchers: Sequence[Voucher],
    *,
    company_name: str,
    fiscal_year: tuple[date, date],
    generated: date,
    orgnr: str | None = None,
) -> SieFile:
    """A SIE 4 import file (type 4I: vouchers only) holding ``vouchers``."""
    return SieFile(
        flag=0,
        program="redovisa",
        format="PC8",
        generated=generated,
        sie_type="4",
        company_name=company_name,
        orgnr=orgnr,
        fiscal_years=[FiscalYearRecord(0, fiscal_year[0], fiscal_year[1])],
        vouchers=list(vouchers),
    )


def write_vouchers_sie(sie: SieFile, path: Path) -> None:
    """Write the vouchers file with the SIE writer (PC8, CRLF, with #KSUMMA)."""
    write_sie(sie, path)

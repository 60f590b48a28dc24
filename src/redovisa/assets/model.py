"""The asset register's values: categories, the configuration, assets.

Amounts are :class:`~decimal.Decimal` kronor at the edges; the arithmetic of
:mod:`redovisa.assets.schedule` works in integer öre.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from redovisa.core.money import ZERO

Month = int
"""A calendar month as one integer: ``year * 12 + month - 1`` (so months subtract)."""


def month_index(day: date) -> Month:
    """The month a day falls in, as a :data:`Month`."""
    return day.year * 12 + day.month - 1


def month_end(month: Month) -> date:
    """The last day of a month."""
    year, m0 = divmod(month, 12)
    return date(year, m0 + 1, calendar.monthrange(year, m0 + 1)[1])


def month_label(month: Month) -> str:
    """``YYYY-MM`` of a month."""
    year, m0 = divmod(month, 12)
    return f"{year:04d}-{m0 + 1:02d}"


class StartConvention(StrEnum):
    """Avskrivningsstart: the first month depreciated, relative to the acquisition month.

    The same rule applies at the other end: with ``month_of`` the month of disposal is not
    depreciated, with ``month_after`` it is. So each month of use is depreciated once.
    """

    MONTH_OF = "month_of"
    MONTH_AFTER = "month_after"


class RetireRule(StrEnum):
    """Utrangering av fullt avskrivna: when fully depreciated assets leave the register."""

    NONE = "none"
    YEAR_END = "year_end"


class DisposalKind(StrEnum):
    """Avyttringssätt: utrangering (scrapped, no proceeds) or försäljning (sold)."""

    RETIREMENT = "utrangering"
    SALE = "försäljning"


@dataclass(frozen=True, slots=True)
class Category:
    """Tillgångskategori: useful life and accounts of a kind of asset.

    ``life_months`` 0 means not depreciated (mark, konst). ``group`` applies the rule of
    bestämd mängd och fast värde: a category's acquisitions of one month and cost centre are
    depreciated together as one group asset. ``kind`` names the "varav" line of the asset note.
    """

    id: str
    label: str
    life_months: int
    asset_account: str
    depreciation_account: str
    expense_account: str
    kind: str = "inventarier"
    group: bool = False


@dataclass(frozen=True, slots=True)
class AssetConfig:
    """Inställningar för anläggningsregistret: the ``[assets]`` section of redovisa.toml."""

    categories: dict[str, Category]
    start: StartConvention = StartConvention.MONTH_OF
    retire: RetireRule = RetireRule.NONE
    gain_account: str = "3611"
    loss_account: str = "7931"
    proceeds_account: str = "1689"
    voucher_series: str = "AV"
    cost_centre_dimension: str = "1"
    project_dimension: str = "6"
    lives_years: tuple[int, ...] = (1, 3, 4, 5, 6)
    # the depreciation forecast (docs/assets.md): month 1-12 of the planned purchases
    # (None: spread evenly over the months after the report period), and whether the
    # register's figure is compared with the forecast file's ("compare") or replaces it
    planned_purchase_month: int | None = None
    forecast_depreciation: str = "compare"

    def balance_accounts(self) -> list[str]:
        """Every balance-sheet account a category uses, sorted."""
        accounts = {c.asset_account for c in self.categories.values()}
        accounts |= {c.depreciation_account for c in self.categories.values()}
        return sorted(accounts)


@dataclass(frozen=True, slots=True)
class Asset:
    """Anläggningstillgång (inventarie): one row of the asset register.

    ``line`` is the row of the source file (for diagnostics), not part of equality.
    """

    id: str
    description: str
    category: str
    acquisition_date: date
    acquisition_value: Decimal
    cost_centre: str = ""
    project: str = ""
    residual_value: Decimal = ZERO
    disposal_date: date | None = None
    disposal_value: Decimal = ZERO
    quantity: int | None = None
    voucher: str = ""
    line: int | None = field(default=None, compare=False)

    @property
    def disposal_kind(self) -> DisposalKind | None:
        """How the asset left: sold when there were proceeds, otherwise retired."""
        if self.disposal_date is None:
            return None
        return DisposalKind.SALE if self.disposal_value > 0 else DisposalKind.RETIREMENT

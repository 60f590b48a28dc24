"""Avskrivningsplan: straight-line depreciation in integer öre.

An :class:`Item` is what is depreciated: one asset, or one group of assets of a category
depreciated together (bestämd mängd och fast värde). For an item with depreciable amount
``A = acquisition value - residual value`` (öre) and a useful life of ``N`` months, the
accumulated depreciation after ``n`` depreciated months is

    acc(n) = round_half_up(A * n / N)      (0 <= n <= N)

and the depreciation of a month is the difference of two consecutive accumulated values.
So the months of a schedule sum exactly to ``A`` (``acc(N) = A``), monthly amounts differ by
at most one öre, book value never falls below the residual value, and any period's
depreciation is ``acc(end) - acc(start - 1)``: no state, which is what makes the
vectorised run (:mod:`redovisa.assets.columnar`) possible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from redovisa.assets.model import (
    Asset,
    AssetConfig,
    DisposalKind,
    Month,
    RetireRule,
    StartConvention,
    month_end,
    month_index,
    month_label,
)
from redovisa.core.money import to_ore


def accumulated_ore(amount: int, life: int, months: int) -> int:
    """Accumulated depreciation in öre after ``months`` of a ``life``-month schedule.

    ``months`` is clamped to ``0..life``; the result is ``amount * months / life`` rounded
    half up (``amount`` is not negative).
    """
    if life <= 0:
        return 0
    n = min(max(months, 0), life)
    return (2 * amount * n + life) // (2 * life)


@dataclass(frozen=True, slots=True)
class Item:
    """Avskrivningsobjekt: one asset, or one group of assets depreciated together.

    ``first_month`` is the first month depreciated; ``end_month`` the first month no longer
    depreciated because the item left the register (``None`` while it is held). With
    ``month_of`` that is the month of disposal, or the next month when the disposal is on
    the last day of a month (the asset was held the whole month); with ``month_after`` the
    month after the disposal (the disposal month is depreciated).
    ``exit_date`` is when it left (disposal, sale or retirement) and ``proceeds`` what it
    was sold for, in öre.
    """

    id: str
    category: str
    cost_centre: str
    project: str
    acquired: date
    value: int
    residual: int
    life: int
    first_month: Month
    end_month: Month | None = None
    exit_date: date | None = None
    exit_kind: DisposalKind | None = None
    proceeds: int = 0
    asset_ids: tuple[str, ...] = ()

    @property
    def depreciable(self) -> int:
        """Acquisition value less residual value, in öre."""
        return self.value - self.residual

    @property
    def last_month(self) -> Month:
        """The last month the item is (or would be) depreciated."""
        last = self.first_month + self.life - 1
        if self.end_month is not None:
            last = min(last, self.end_month - 1)
        return last

    def accumulated(self, month: Month) -> int:
        """Accumulated depreciation in öre at the end of ``month``."""
        upto = month if self.end_month is None else min(month, self.end_month - 1)
        return accumulated_ore(self.depreciable, self.life, upto - self.first_month + 1)

    def depreciation(self, first: Month, last: Month) -> int:
        """Depreciation in öre of the months ``first..last``."""
        return self.accumulated(last) - self.accumulated(first - 1)

    def held_at(self, day: date) -> bool:
        """True when the item is in the register at the end of ``day``."""
        return self.acquired <= day and (self.exit_date is None or self.exit_date > day)


def build_items(assets: Iterable[Asset], config: AssetConfig) -> list[Item]:
    """The items to depreciate: individual assets, and group assets per month and cost centre.

    Assets of a category with ``group = true`` are pooled by (category, cost centre,
    project, acquisition month); their own disposal dates are not used (the group is
    retired as a whole).
    """
    shift = 1 if config.start is StartConvention.MONTH_AFTER else 0
    items: list[Item] = []
    groups: dict[tuple[str, str, str, Month], list[Asset]] = defaultdict(list)
    for asset in assets:
        category = config.categories[asset.category]
        if category.group:
            key = (
                asset.category,
                asset.cost_centre,
                asset.project,
                month_index(asset.acquisition_date),
            )
            groups[key].append(asset)
            continue
        end = exit_date = None
        if asset.disposal_date is not None:
            exit_date = asset.disposal_date
            end = month_index(exit_date + timedelta(days=1 - shift)) + shift
        items.append(
            _retire(
                Item(
                    id=asset.id,
                    category=asset.category,
                    cost_centre=asset.cost_centre,
                    project=asset.project,
                    acquired=asset.acquisition_date,
                    value=to_ore(asset.acquisition_value),
                    residual=to_ore(asset.residual_value),
                    life=category.life_months,
                    first_month=month_index(asset.acquisition_date) + shift,
                    end_month=end,
                    exit_date=exit_date,
                    exit_kind=asset.disposal_kind,
                    proceeds=to_ore(asset.disposal_value),
                    asset_ids=(asset.id,),
                ),
                config,
            )
        )
    for (cat, centre, project, month), members in sorted(groups.items()):
        ident = "-".join(p for p in ("GRUPP", cat, month_label(month), centre, project) if p)
        items.append(
            _retire(
                Item(
                    id=ident,
                    category=cat,
                    cost_centre=centre,
                    project=project,
                    acquired=min(a.acquisition_date for a in members),
                    value=sum(to_ore(a.acquisition_value) for a in members),
                    residual=sum(to_ore(a.residual_value) for a in members),
                    life=config.categories[cat].life_months,
                    first_month=month + shift,
                    asset_ids=tuple(a.id for a in members),
                ),
                config,
            )
        )
    return items


def _retire(item: Item, config: AssetConfig) -> Item:
    """Apply utrangering at year end to an item that is fully depreciated and still held."""
    if config.retire is not RetireRule.YEAR_END or item.life == 0:
        return item
    last = item.first_month + item.life - 1
    year_end = date(last // 12, 12, 31)
    if item.exit_date is not None and item.exit_date <= year_end:
        return item
    return Item(
        id=item.id,
        category=item.category,
        cost_centre=item.cost_centre,
        project=item.project,
        acquired=item.acquired,
        value=item.value,
        residual=item.residual,
        life=item.life,
        first_month=item.first_month,
        end_month=month_index(year_end) + 1,
        exit_date=year_end,
        exit_kind=DisposalKind.RETIREMENT,
        proceeds=0,
        asset_ids=item.asset_ids,
    )


def schedule(item: Item) -> list[tuple[date, int]]:
    """The whole plan of an item: (month end, depreciation in öre) for each month depreciated."""
    return [
        (month_end(m), item.depreciation(m, m))
        for m in range(item.first_month, item.last_month + 1)
    ]

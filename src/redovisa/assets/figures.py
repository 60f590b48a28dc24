"""Figures the statements take from the register when one is present.

Resultaträkning: "Avskrivningar" (the period's depreciation); kassaflödesanalys:
"Justering för av- och nedskrivningar" and "Nettoinvesteringar" (purchases less sale
proceeds); balanskravsutredning: realisation gains and losses. Signs as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from redovisa.assets.disposal import balance_requirement_adjustments, disposals
from redovisa.assets.model import AssetConfig
from redovisa.assets.run import depreciation_run
from redovisa.assets.schedule import Item
from redovisa.core.money import from_ore


@dataclass(frozen=True, slots=True)
class StatementFigures:
    """Siffror till räkenskaperna: register figures of a period, in kronor, signs as printed."""

    depreciation: Decimal
    depreciation_by_account: dict[str, Decimal]
    purchases: Decimal
    sale_proceeds: Decimal
    realisation_gains: Decimal
    realisation_losses: Decimal

    @property
    def net_investments(self) -> Decimal:
        """Nettoinvesteringar (kassaflödesanalys): negative outflow."""
        return -(self.purchases - self.sale_proceeds)


def statement_figures(
    items: Sequence[Item], config: AssetConfig, start: date, end: date
) -> StatementFigures:
    """The register's figures for the statements of the whole months ``start..end``."""
    run = depreciation_run(items, config, start, end)
    gone = disposals(items, start, end)
    adjustments = balance_requirement_adjustments(gone)
    return StatementFigures(
        depreciation=from_ore(-run.total),
        depreciation_by_account={a: from_ore(-v) for a, v in sorted(run.by_account.items())},
        purchases=from_ore(sum(i.value for i in items if start <= i.acquired <= end)),
        sale_proceeds=from_ore(sum(d.proceeds for d in gone)),
        realisation_gains=adjustments.realisation_gains,
        realisation_losses=adjustments.realisation_losses,
    )

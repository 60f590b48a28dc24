"""Helpers for the asset tests: a small configuration like Lystkom's, and an asset maker."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from redovisa.assets import Asset, AssetConfig, asset_config

CONFIG_TOML = {
    "start": "month_of",
    "gain_account": "3611",
    "loss_account": "7931",
    "proceeds_account": "1689",
    "categories": {
        "it3": {
            "label": "IT-utrustning 3 år",
            "life_years": 3,
            "asset_account": "1221",
            "depreciation_account": "1229",
            "expense_account": "6832",
        },
        "it5": {
            "label": "IT-utrustning 5 år",
            "life_years": 5,
            "asset_account": "1221",
            "depreciation_account": "1229",
            "expense_account": "6832",
        },
        "bil": {
            "label": "Fordon",
            "life_years": 8,
            "asset_account": "1241",
            "depreciation_account": "1249",
            "expense_account": "6834",
            "kind": "fordon",
        },
        "ipad": {
            "label": "Surfplattor (grupp)",
            "assessed_life_years": 3.5,
            "asset_account": "1221",
            "depreciation_account": "1229",
            "expense_account": "6832",
            "group": True,
        },
    },
}


def make_config(**overrides: object) -> AssetConfig:
    config, diags = asset_config({**CONFIG_TOML, **overrides})
    assert config is not None, diags
    return config


def asset(
    ident: str,
    category: str,
    acquired: str,
    value: str,
    *,
    centre: str = "81141",
    disposed: str | None = None,
    proceeds: str = "0",
    residual: str = "0",
    project: str = "",
) -> Asset:
    return Asset(
        id=ident,
        description=f"Tillgång {ident}",
        category=category,
        acquisition_date=date.fromisoformat(acquired),
        acquisition_value=Decimal(value),
        cost_centre=centre,
        project=project,
        residual_value=Decimal(residual),
        disposal_date=date.fromisoformat(disposed) if disposed else None,
        disposal_value=Decimal(proceeds),
    )

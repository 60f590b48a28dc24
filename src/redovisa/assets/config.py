"""Read the ``[assets]`` section of redovisa.toml into an :class:`AssetConfig`.

Problems are :class:`~redovisa.core.Diagnostic` values (code AST020), all of them.
The keys are documented in ``docs/assets.md``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from redovisa.assets.codes import BAD_CONFIG, UNKNOWN_CONFIG_KEY
from redovisa.assets.model import AssetConfig, Category, RetireRule, StartConvention
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef

_TOP_KEYS = {
    "start",
    "retire",
    "gain_account",
    "loss_account",
    "proceeds_account",
    "voucher_series",
    "cost_centre_dimension",
    "project_dimension",
    "lives",
    "register",
    "categories",
    "investments",
    "planned_purchase_month",
    "forecast_depreciation",
}
FORECAST_MODES = ("compare", "register")
_CATEGORY_KEYS = {
    "label",
    "life_years",
    "life_months",
    "assessed_life_years",
    "asset_account",
    "depreciation_account",
    "expense_account",
    "kind",
    "group",
}


def load_asset_config(path: Path) -> tuple[AssetConfig | None, list[Diagnostic]]:
    """Read ``[assets]`` from a redovisa.toml file."""
    where = SourceRef(str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, [_bad(where, f"filen kan inte läsas som TOML: {exc}")]
    section = data.get("assets")
    if not isinstance(section, dict):
        return None, [_bad(where, "avsnittet [assets] saknas")]
    return asset_config(section, str(path))


def asset_config(
    section: Mapping[str, Any], path: str = "redovisa.toml"
) -> tuple[AssetConfig | None, list[Diagnostic]]:
    """Build the configuration from the parsed ``[assets]`` table (``None`` on errors)."""
    where = SourceRef(path)
    diags: list[Diagnostic] = [
        Diagnostic(UNKNOWN_CONFIG_KEY, Severity.WARNING, f"okänd nyckel assets.{key}", where)
        for key in sorted(set(section) - _TOP_KEYS)
    ]
    lives = section.get("lives", [1, 3, 4, 5, 6])
    if not (isinstance(lives, list) and lives and all(_is_int(x) and x > 0 for x in lives)):
        diags.append(_bad(where, "assets.lives ska vara en lista med hela år, t.ex. [3, 5]"))
        lives = [1, 3, 4, 5, 6]
    options: dict[str, Any] = {"lives_years": tuple(sorted(lives))}
    try:
        options["start"] = StartConvention(section.get("start", "month_of"))
    except ValueError:
        diags.append(_bad(where, 'assets.start ska vara "month_of" eller "month_after"'))
    try:
        options["retire"] = RetireRule(section.get("retire", "none"))
    except ValueError:
        diags.append(_bad(where, 'assets.retire ska vara "none" eller "year_end"'))
    for key in (
        "gain_account",
        "loss_account",
        "proceeds_account",
        "voucher_series",
        "cost_centre_dimension",
        "project_dimension",
    ):
        if key in section:
            if isinstance(section[key], str) and section[key]:
                options[key] = section[key]
            else:
                diags.append(_bad(where, f'assets.{key} ska vara en text, t.ex. "1229"'))
    if "planned_purchase_month" in section:
        month = section["planned_purchase_month"]
        if _is_int(month) and 1 <= month <= 12:
            options["planned_purchase_month"] = month
        else:
            diags.append(_bad(where, "assets.planned_purchase_month ska vara en månad 1–12"))
    if "forecast_depreciation" in section:
        mode = section["forecast_depreciation"]
        if mode in FORECAST_MODES:
            options["forecast_depreciation"] = mode
        else:
            diags.append(
                _bad(where, 'assets.forecast_depreciation ska vara "compare" eller "register"')
            )
    categories: dict[str, Category] = {}
    table = section.get("categories", {})
    if not isinstance(table, dict) or not table:
        diags.append(_bad(where, "assets.categories saknas: ange minst en kategori"))
        table = {}
    for cid, raw in table.items():
        cat = _category(str(cid), raw, options["lives_years"], where, diags)
        if cat is not None:
            categories[cat.id] = cat
    if any(d.is_error for d in diags):
        return None, diags
    return AssetConfig(categories=categories, **options), diags


def _category(
    cid: str, raw: Any, lives: tuple[int, ...], where: SourceRef, diags: list[Diagnostic]
) -> Category | None:
    name = f"assets.categories.{cid}"
    if not isinstance(raw, dict):
        diags.append(_bad(where, f"{name} ska vara en tabell"))
        return None
    diags.extend(
        Diagnostic(UNKNOWN_CONFIG_KEY, Severity.WARNING, f"okänd nyckel {name}.{key}", where)
        for key in sorted(set(raw) - _CATEGORY_KEYS)
    )
    ok = True
    accounts: dict[str, str] = {}
    for key in ("asset_account", "depreciation_account", "expense_account"):
        value = raw.get(key)
        if isinstance(value, str) and value.isdigit():
            accounts[key] = value
        else:
            diags.append(_bad(where, f"{name}.{key} saknas eller är inte ett kontonummer"))
            ok = False
    months = _life_months(raw, lives)
    if months is None:
        diags.append(
            _bad(
                where,
                f"{name}: ange life_years, life_months eller assessed_life_years (tal >= 0)",
            )
        )
        ok = False
    group = raw.get("group", False)
    if not isinstance(group, bool):
        diags.append(_bad(where, f"{name}.group ska vara true eller false"))
        ok = False
    if not ok or months is None:
        return None
    return Category(
        id=cid,
        label=str(raw.get("label", cid)),
        life_months=months,
        kind=str(raw.get("kind", "inventarier")),
        group=bool(group),
        **accounts,
    )


def _life_months(raw: Mapping[str, Any], lives: tuple[int, ...]) -> int | None:
    """Useful life in months; an assessed life falls to the nearest lower allowed life."""
    if "life_months" in raw:
        value = raw["life_months"]
        return value if _is_int(value) and value >= 0 else None
    if "life_years" in raw:
        value = raw["life_years"]
        return value * 12 if _is_int(value) and value >= 0 else None
    if "assessed_life_years" in raw:
        try:
            assessed = Decimal(str(raw["assessed_life_years"]))
        except InvalidOperation:
            return None
        lower = [y for y in lives if y <= assessed]
        return max(lower) * 12 if lower else None
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _bad(where: SourceRef, message: str) -> Diagnostic:
    return Diagnostic(BAD_CONFIG, Severity.ERROR, message, where)

"""The AST diagnostics catalogue: one reproducer per code in ``tests/diagnostics/``.

``<CODE>.csv`` is a register read with the configuration in ``assets-config.toml``;
``<CODE>.toml`` an ``[assets]`` section; ``<CODE>.vouchers`` ledger rows (``series number
date account amount [project]``): alone they are proposed as register entries, beside a
``.csv`` they are the ledger of the investment outcome; ``<CODE>.balances`` closing balances
for the reconciliation; ``<CODE>.forecast`` the forecast file's depreciation (``account
amount``) beside a ``.csv``, compared with the register's full-year forecast.
``<CODE>.expected`` holds the diagnostics as ``path:line: CODE
message`` (rewrite with ``pytest --update-golden``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.assets import (
    AssetConfig,
    build_items,
    compare_depreciation_forecast,
    compare_outcome,
    depreciation_forecast,
    ledger_outcome,
    load_asset_config,
    propose_assets,
    read_register,
    reconcile,
    register_outcome,
)
from redovisa.core.diagnostic_codes import CODES
from redovisa.core.diagnostics import Diagnostic, SourceRef
from redovisa.sie.docs import load_all_codes
from redovisa.sie.records import Posting, Voucher

HERE = Path(__file__).parent
INPUTS = (".csv", ".toml", ".vouchers", ".forecast")
AST_CODES = sorted(c for c in load_all_codes() if c.startswith("AST"))
DAY = date(2024, 6, 30)


def _config() -> AssetConfig:
    config, diags = load_asset_config(HERE / "assets-config.toml")
    assert config is not None, diags
    return config


def _vouchers(path: Path) -> list[Voucher]:
    rows: dict[tuple[str, str, str], list[Posting]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            series, number, day, account, amount, *project = line.split()
            objects = (("6", project[0]),) if project else ()
            rows.setdefault((series, number, day), []).append(
                Posting(account, Decimal(amount), objects)
            )
    return [
        Voucher(s, n, date.fromisoformat(d), "Inköp", postings=tuple(p), line=i)
        for i, ((s, n, d), p) in enumerate(rows.items(), start=1)
    ]


def _reproduce(code: str) -> list[Diagnostic]:
    config = _config()
    base = HERE / code
    if base.with_suffix(".toml").exists():
        return load_asset_config(base.with_suffix(".toml"))[1]
    vouchers = base.with_suffix(".vouchers")
    if not base.with_suffix(".csv").exists():
        return propose_assets(_vouchers(vouchers), config, path=vouchers.name)[1]
    register = base.with_suffix(".csv")
    assets, diags = read_register(register, config, display_path=register.name)
    if vouchers.exists():
        start = date(DAY.year, 1, 1)
        booked = ledger_outcome(_vouchers(vouchers), config, start, DAY)
        mine = register_outcome(assets, start, DAY)
        diags += compare_outcome(mine, booked, config, start, DAY, source=register.name)
    balances = base.with_suffix(".balances")
    if balances.exists():
        ledger = {}
        for line in balances.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                account, amount = line.split()
                ledger[account] = Decimal(amount)
        items = build_items(assets, config)
        diags += reconcile(items, config, DAY, ledger, source=balances.name)
    forecast = base.with_suffix(".forecast")
    if forecast.exists():
        lines = [
            (n, line.split())
            for n, line in enumerate(forecast.read_text(encoding="utf-8").splitlines(), 1)
            if line and not line.startswith("#")
        ]
        filed = sum((Decimal(amount) for _, (_, amount) in lines), Decimal(0))
        accounts = ", ".join(account for _, (account, _) in lines)
        held = depreciation_forecast(build_items(assets, config), [], DAY.year)
        where = SourceRef(forecast.name, lines[0][0])
        diags += compare_depreciation_forecast(
            held, filed, DAY.year, f"konto {accounts}", source=where
        )
    return diags


@pytest.mark.parametrize("code", AST_CODES)
def test_each_code_has_a_reproducer_that_reports_it(code: str, update_golden: bool) -> None:
    diags = _reproduce(code)
    assert code in {d.code for d in diags}
    assert all(d.severity is CODES[d.code].severity for d in diags)
    # paths relative to this folder, so the expected text does not depend on the checkout
    text = "".join(d.format_text() + "\n" for d in diags).replace(f"{HERE}/", "")
    expected = HERE / f"{code}.expected"
    if update_golden:
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_every_asset_code_has_a_reproducer() -> None:
    assert AST_CODES, "no AST codes registered"
    missing = [
        c
        for c in AST_CODES
        if not (HERE / f"{c}.expected").is_file()
        or not any((HERE / f"{c}{ext}").is_file() for ext in INPUTS)
    ]
    assert not missing, f"codes without a reproducer in tests/diagnostics: {missing}"
    stale = sorted({p.stem for ext in INPUTS for p in HERE.glob(f"AST*{ext}")} - set(AST_CODES))
    assert not stale, f"reproducers for codes that are not registered: {stale}"


def test_outcome_reproducer_names_project_accounts_and_amounts() -> None:
    (diag,) = [d for d in _reproduce("AST031") if d.code == "AST031"]
    assert "IT5" in diag.message and "1221" in diag.message
    assert "60 000,00" in diag.message and "55 000,00" in diag.message
    assert "skillnad 5 000,00 kr" in diag.message

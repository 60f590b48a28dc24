"""The AST diagnostics catalogue: one reproducer per code, with its expected output.

Run with ``--update-golden`` to rewrite the ``.expected`` files after a deliberate change.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from asset_helpers import make_config

from redovisa.assets import build_items, load_asset_config, propose_assets, read_register, reconcile
from redovisa.core.diagnostic_codes import CODES
from redovisa.core.diagnostics import Diagnostic
from redovisa.sie.records import Posting, Voucher

HERE = Path(__file__).parent / "diagnostics"
AST_CODES = sorted(code for code in CODES if code.startswith("AST"))


def _reproduce(code: str) -> list[Diagnostic]:
    config = make_config()
    if (HERE / f"{code}.toml").exists():
        return load_asset_config(HERE / f"{code}.toml")[1]
    if (HERE / f"{code}.vouchers").exists():
        rows: dict[tuple[str, str, str], list[Posting]] = {}
        for line in (HERE / f"{code}.vouchers").read_text().splitlines():
            if line and not line.startswith("#"):
                series, number, day, account, amount = line.split()
                rows.setdefault((series, number, day), []).append(Posting(account, Decimal(amount)))
        vouchers = [
            Voucher(s, n, date.fromisoformat(d), "Inköp", postings=tuple(p), line=i)
            for i, ((s, n, d), p) in enumerate(rows.items(), start=1)
        ]
        return propose_assets(vouchers, config, path=f"{code}.vouchers")[1]
    path = HERE / f"{code}.csv"
    assets, diags = read_register(path, config)
    if (HERE / f"{code}.balances").exists():
        ledger = {}
        for line in (HERE / f"{code}.balances").read_text().splitlines():
            if line and not line.startswith("#"):
                account, amount = line.split()
                ledger[account] = Decimal(amount)
        items = build_items(assets, config)
        diags += reconcile(items, config, date(2024, 6, 30), ledger, source=f"{code}.balances")
    return diags


@pytest.mark.parametrize("code", AST_CODES)
def test_each_code_has_a_reproducer_that_reports_it(code: str, update_golden: bool) -> None:
    diags = _reproduce(code)
    assert code in {d.code for d in diags}
    assert all(d.severity is CODES[d.code].severity for d in diags)
    text = "\n".join(d.format_text().replace(str(HERE) + "/", "") for d in diags) + "\n"
    expected = HERE / f"{code}.expected"
    if update_golden:
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")

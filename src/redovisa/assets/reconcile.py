"""Avstämning: the register against the ledger at period end.

The register's balance per balance-sheet account (acquisition value on the asset accounts,
accumulated depreciation on the depreciation accounts) and book value per kind must equal
the ledger's closing balances. Every difference is an AST030 error naming the account(s)
and the amount. Optionally, the period's depreciation per expense account is compared with
the ledger's movement on those accounts.

The ledger side is plain values (closing balance per account, Decimal, debit positive), so
any source will do: the store's queries, or :func:`closing_balances` over a parsed SIE file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from redovisa.assets.codes import RECONCILIATION
from redovisa.assets.model import AssetConfig
from redovisa.assets.note import register_balances
from redovisa.assets.schedule import Item
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.sie.records import BalanceKind, SieFile

ZERO = Decimal("0.00")


def reconcile(
    items: Sequence[Item],
    config: AssetConfig,
    day: date,
    ledger: Mapping[str, Decimal],
    *,
    ledger_depreciation: Mapping[str, Decimal] | None = None,
    register_depreciation: Mapping[str, Decimal] | None = None,
    source: str = "",
) -> list[Diagnostic]:
    """Compare register and ledger at the end of ``day``; one error per difference."""
    where = SourceRef(source) if source else None
    register = register_balances(items, config, day)
    diags: list[Diagnostic] = []
    for account, amount in register.items():
        booked = ledger.get(account, ZERO)
        if booked != amount:
            diags.append(_difference(f"konto {account}", day, amount, booked, where))
    kinds = sorted({c.kind for c in config.categories.values()})
    for kind in kinds:
        accounts = sorted(
            {c.asset_account for c in config.categories.values() if c.kind == kind}
            | {c.depreciation_account for c in config.categories.values() if c.kind == kind}
        )
        in_register = sum((register[a] for a in accounts), ZERO)
        in_ledger = sum((ledger.get(a, ZERO) for a in accounts), ZERO)
        if in_register != in_ledger and len(kinds) > 1:
            what = f"redovisat värde {kind} (konto {', '.join(accounts)})"
            diags.append(_difference(what, day, in_register, in_ledger, where))
    if register_depreciation is not None and ledger_depreciation is not None:
        for account in sorted(set(register_depreciation) | set(ledger_depreciation)):
            mine = register_depreciation.get(account, ZERO)
            booked = ledger_depreciation.get(account, ZERO)
            if mine != booked:
                what = f"periodens avskrivningar på konto {account}"
                diags.append(_difference(what, day, mine, booked, where))
    return diags


def _difference(
    what: str, day: date, register: Decimal, ledger: Decimal, where: SourceRef | None
) -> Diagnostic:
    diff = register - ledger
    message = (
        f"{what} {day}: registret {kronor(register)} kr, huvudboken {kronor(ledger)} kr,"
        f" skillnad {kronor(diff)} kr"
    )
    return Diagnostic(
        RECONCILIATION, Severity.ERROR, message, where, expected=str(ledger), actual=str(register)
    )


def kronor(amount: Decimal) -> str:
    """An amount as Swedish text: ``-1 234,50``."""
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",")


def closing_balances(
    sie: SieFile, day: date, accounts: Iterable[str] | None = None
) -> dict[str, Decimal]:
    """Balance per balance-sheet account at the end of ``day`` from a parsed SIE 4 file.

    The opening balance (#IB of the year containing ``day``) plus every counted row of the
    vouchers dated up to ``day``. ``accounts`` limits the answer (all accounts otherwise).
    """
    wanted = set(accounts) if accounts is not None else None
    year = next((fy for fy in sie.fiscal_years if fy.start <= day <= fy.end), None)
    index = year.index if year is not None else 0
    out: dict[str, Decimal] = {}
    for b in sie.balances:
        if (
            b.kind is BalanceKind.IB
            and b.year == index
            and not b.objects
            and (wanted is None or b.account in wanted)
        ):
            out[b.account] = out.get(b.account, ZERO) + b.amount
    start = year.start if year is not None else date.min
    for v in sie.vouchers:
        if v.date is None or not start <= v.date <= day:
            continue
        for p in v.postings:
            if p.counts and (wanted is None or p.account in wanted):
                out[p.account] = out.get(p.account, ZERO) + p.amount
    return out


def period_movements(
    sie: SieFile, start: date, end: date, accounts: Iterable[str]
) -> dict[str, Decimal]:
    """Sum of the counted voucher rows per account dated ``start..end`` (for expense accounts)."""
    wanted = set(accounts)
    out: dict[str, Decimal] = dict.fromkeys(sorted(wanted), ZERO)
    for v in sie.vouchers:
        if v.date is None or not start <= v.date <= end:
            continue
        for p in v.postings:
            if p.counts and p.account in wanted:
                out[p.account] += p.amount
    return out

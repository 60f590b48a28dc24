"""Investeringsutfall: the register's outcome per investment project against the ledger.

The outcome of a project in a period is the register's purchases with that project
(:func:`~redovisa.assets.followup.investment_followup`). The ledger's outcome is the sum of
the counted debit rows on the categories' asset accounts that carry the project as an object
of the project dimension. Every project where the two differ is an AST031 error naming the
project, the accounts and both amounts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from redovisa.assets.codes import INVESTMENT_OUTCOME
from redovisa.assets.model import Asset, AssetConfig
from redovisa.assets.reconcile import kronor
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.sie.records import Voucher

ZERO = Decimal("0.00")


def register_outcome(assets: Iterable[Asset], start: date, end: date) -> dict[str, Decimal]:
    """The register's purchases per project dated ``start..end`` (rows without project: "")."""
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for a in assets:
        if start <= a.acquisition_date <= end:
            out[a.project] += a.acquisition_value
    return dict(out)


def ledger_outcome(
    vouchers: Iterable[Voucher], config: AssetConfig, start: date, end: date
) -> dict[str, Decimal]:
    """Debits on the asset accounts per project (object of the project dimension)."""
    accounts = {c.asset_account for c in config.categories.values()}
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for v in vouchers:
        for p in v.postings:
            day = p.date or v.date
            if not (p.counts and p.account in accounts and p.amount > 0 and day is not None):
                continue
            if start <= day <= end:
                out[dict(p.objects).get(config.project_dimension, "")] += p.amount
    return dict(out)


def compare_outcome(
    register: Mapping[str, Decimal],
    ledger: Mapping[str, Decimal],
    config: AssetConfig,
    start: date,
    end: date,
    *,
    projects: Sequence[str] | None = None,
    source: str = "",
) -> list[Diagnostic]:
    """One AST031 error per project whose register and ledger outcome differ.

    ``projects`` limits the comparison (the budget lines' projects); by default every
    project either side names (purchases without a project are not compared).
    """
    where = SourceRef(source) if source else None
    accounts = ", ".join(sorted({c.asset_account for c in config.categories.values()}))
    wanted = projects if projects is not None else sorted((set(register) | set(ledger)) - {""})
    diags: list[Diagnostic] = []
    for project in wanted:
        mine, booked = register.get(project, ZERO), ledger.get(project, ZERO)
        if mine != booked:
            message = (
                f"investeringsprojekt {project} {start}–{end}: registret {kronor(mine)} kr,"
                f" huvudboken {kronor(booked)} kr (debet konto {accounts}, dimension"
                f" {config.project_dimension}), skillnad {kronor(mine - booked)} kr"
            )
            diags.append(
                Diagnostic(
                    INVESTMENT_OUTCOME,
                    Severity.ERROR,
                    message,
                    where,
                    expected=str(booked),
                    actual=str(mine),
                )
            )
    return diags


__all__ = ["compare_outcome", "ledger_outcome", "register_outcome"]

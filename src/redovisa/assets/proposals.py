"""Förslag till registerposter: register entries proposed from purchase vouchers.

Every counted debit row on a category's asset account is proposed as an asset, with the
voucher's date, amount, text, cost centre and project. When several categories share the
account, the category whose id equals the row's project is chosen; otherwise the entry's
category is left empty and the candidates are listed, for a person to decide. Vouchers the
register already names (column ``voucher``, ``"<series> <number>"``) are skipped. Credits on
an asset account are not purchases: they are reported (AST040) and not proposed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from redovisa.assets.codes import NOT_A_PURCHASE
from redovisa.assets.model import Asset, AssetConfig
from redovisa.assets.reconcile import kronor
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.sie.records import Voucher


@dataclass(frozen=True, slots=True)
class Proposal:
    """Förslag: a proposed register entry and the categories it could belong to."""

    asset: Asset
    candidates: tuple[str, ...]
    source: SourceRef


def propose_assets(
    vouchers: Iterable[Voucher],
    config: AssetConfig,
    *,
    known_vouchers: Iterable[str] = (),
    path: str = "",
) -> tuple[list[Proposal], list[Diagnostic]]:
    """Proposed register entries for the purchases on asset accounts in ``vouchers``."""
    by_account: dict[str, list[str]] = defaultdict(list)
    for cat in config.categories.values():
        by_account[cat.asset_account].append(cat.id)
    known = {k.strip() for k in known_vouchers if k.strip()}
    proposals: list[Proposal] = []
    diags: list[Diagnostic] = []
    for voucher in vouchers:
        ref = f"{voucher.series} {voucher.number}".strip()
        if ref in known or voucher.date is None:
            continue
        where = SourceRef(path, voucher.line)
        for index, posting in enumerate(voucher.postings, start=1):
            candidates = by_account.get(posting.account)
            if not candidates or not posting.counts:
                continue
            if posting.amount < 0:
                msg = (
                    f"verifikation {ref} krediterar tillgångskontot {posting.account}"
                    f" med {kronor(-posting.amount)} kr; ingen registerpost föreslås"
                )
                diags.append(Diagnostic(NOT_A_PURCHASE, Severity.WARNING, msg, where))
                continue
            if posting.amount == 0:
                continue
            objs = dict(posting.objects)
            project = objs.get(config.project_dimension, "")
            if len(candidates) == 1:
                category = candidates[0]
            else:
                by_name = {c.lower(): c for c in candidates}
                category = by_name.get(project.lower(), "")
            asset = Asset(
                id=f"{voucher.series}{voucher.number}-{index}",
                description=posting.text or voucher.text or "",
                category=category,
                acquisition_date=posting.date or voucher.date,
                acquisition_value=posting.amount,
                cost_centre=objs.get(config.cost_centre_dimension, ""),
                project=project,
                quantity=int(posting.quantity) if posting.quantity else None,
                voucher=ref,
            )
            proposals.append(Proposal(asset, tuple(sorted(candidates)), where))
    return proposals, diags

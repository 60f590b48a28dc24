"""Budget och prognos: the long format of docs/budget.md, from CSV, XLSX or SIE #PBUDGET."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from redovisa.coa.resolve import Resolver
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef
from redovisa.core.tabular import read_table_file
from redovisa.sie.records import BalanceKind, SieFile
from redovisa.statements.codes import (
    BUDGET_ACCOUNT,
    BUDGET_AMOUNT,
    BUDGET_FILE,
    BUDGET_PERIOD,
)
from redovisa.statements.data import ZERO

ALIASES: dict[str, tuple[str, ...]] = {
    "account": ("account", "konto"),
    "object": ("object", "objekt"),
    "dimension": ("dimension", "dim"),
    "period": ("period",),
    "amount": ("amount", "belopp"),
}
_SPEC = re.compile(r"^\d+(-\d+)?$")
_PERIOD = re.compile(r"^(\d{4})(?:-?(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class PlanRow:
    """Budgetrad: an amount (SIE sign) for an account spec, object and year or month."""

    spec: str
    group_id: str
    year: int
    month: int | None
    amount: Decimal
    object_id: str | None = None
    dimension: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """Budget eller prognos: all rows of one kind."""

    kind: str  # "budget" | "prognos"
    rows: tuple[PlanRow, ...] = ()

    def for_year(self, year: int) -> tuple[PlanRow, ...]:
        """The rows of ``year`` (whole-year and month rows)."""
        return tuple(r for r in self.rows if r.year == year)

    def years(self) -> set[int]:
        """The years the plan has rows for."""
        return {r.year for r in self.rows}


def parse_amount_text(text: str) -> Decimal | None:
    """A budget amount: ``-1234.50``, ``-1 234,50`` or ``1234``; None when not a number."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid text
        return None


def _column(header: Sequence[str], key: str) -> str | None:
    for name in ALIASES[key]:
        if name in header:
            return name
    return None


def read_plan(
    path: Path, kind: str, resolver: Resolver, shown: str | None = None
) -> tuple[Plan, list[Diagnostic]]:
    """Read a budget or forecast file; every bad row is a diagnostic, good rows are kept."""
    name = shown or str(path)
    table, diags = read_table_file(path, BUDGET_FILE, name)
    if table is None:
        return Plan(kind), diags
    cols = {key: _column(table.header, key) for key in ALIASES}
    missing = [k for k in ("account", "period", "amount") if cols[k] is None]
    if missing:
        diags.append(
            Diagnostic(
                BUDGET_FILE,
                Severity.ERROR,
                f"rubrikraden saknar kolumnen {', '.join(missing)}"
                " (account/konto, period, amount/belopp)",
                table.header_source,
            )
        )
        return Plan(kind), diags
    rows: list[PlanRow] = []
    for row in table.rows:

        def cell(key: str, row: object = row) -> str:
            col = cols[key]
            return row.get(col) if col is not None else ""  # type: ignore[attr-defined]

        spec, period, amount_text = cell("account"), cell("period"), cell("amount")
        bad = False
        amount = parse_amount_text(amount_text)
        if amount is None:
            diags.append(
                Diagnostic(
                    BUDGET_AMOUNT,
                    Severity.ERROR,
                    f"beloppet '{amount_text}' är inte ett tal",
                    row.source,
                )
            )
            bad = True
        m = _PERIOD.match(period)
        month = int(m.group(2)) if m and m.group(2) else None
        if m is None or (month is not None and not 1 <= month <= 12):
            diags.append(
                Diagnostic(
                    BUDGET_PERIOD,
                    Severity.ERROR,
                    f"perioden '{period}' ska skrivas ÅÅÅÅ, ÅÅÅÅMM eller ÅÅÅÅ-MM",
                    row.source,
                )
            )
            bad = True
        group = None
        if not _SPEC.match(spec) or (
            "-" in spec and len(spec.split("-")[0]) != len(spec.split("-")[1])
        ):
            diags.append(
                Diagnostic(
                    BUDGET_ACCOUNT,
                    Severity.ERROR,
                    f"kontot '{spec}' ska vara ett konto, ett prefix eller ett intervall som 50-54",
                    row.source,
                )
            )
            bad = True
        else:
            group, why = resolver.spec_group(spec)
            if group is None:
                diags.append(Diagnostic(BUDGET_ACCOUNT, Severity.ERROR, f"{why}", row.source))
                bad = True
        if bad or group is None or m is None or amount is None:
            continue
        rows.append(
            PlanRow(
                spec=spec,
                group_id=group.id,
                year=int(m.group(1)),
                month=month,
                amount=amount,
                object_id=cell("object") or None,
                dimension=cell("dimension") or None,
                source=row.source,
            )
        )
    return Plan(kind, tuple(rows)), diags


def plan_from_sie(
    files: Iterable[tuple[SieFile, str]], kind: str, resolver: Resolver
) -> tuple[Plan, list[Diagnostic]]:
    """#PBUDGET records of year 0 as plan rows (per month, per object when given)."""
    rows: list[PlanRow] = []
    diags: list[Diagnostic] = []
    for sie, name in files:
        for b in sie.balances:
            if b.kind is not BalanceKind.PBUDGET or b.year != 0 or b.period is None:
                continue
            group, why = resolver.spec_group(b.account)
            where = SourceRef(name, b.line)
            if group is None:
                diags.append(Diagnostic(BUDGET_ACCOUNT, Severity.ERROR, f"{why}", where))
                continue
            dim, oid = b.objects[0] if b.objects else (None, None)
            rows.append(
                PlanRow(
                    b.account,
                    group.id,
                    int(b.period[:4]),
                    int(b.period[4:6]),
                    b.amount,
                    oid,
                    dim,
                    where,
                )
            )
    return Plan(kind, tuple(rows)), diags


def empty_plan(kind: str) -> Plan:
    """A plan without rows."""
    return Plan(kind)


__all__ = [
    "ZERO",
    "Plan",
    "PlanRow",
    "empty_plan",
    "parse_amount_text",
    "plan_from_sie",
    "read_plan",
]

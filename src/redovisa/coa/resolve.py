"""Account -> group resolution (longest prefix wins) and the coverage checks MAP001/MAP002."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from decimal import Decimal

from redovisa.coa.codes import DOUBLY_MAPPED, UNMAPPED
from redovisa.coa.model import Group, Mapping
from redovisa.core.diagnostics import Diagnostic, Severity, SourceRef


def expand(pattern: str) -> list[str]:
    """The prefixes a pattern stands for: ``"50-52"`` -> ``["50", "51", "52"]``."""
    if "-" not in pattern:
        return [pattern]
    lo, hi = pattern.split("-", 1)
    width = len(lo)
    return [str(n).zfill(width) for n in range(int(lo), int(hi) + 1)]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where an account goes: its group, or None; ``rivals`` when doubly mapped."""

    group: Group | None
    prefix: str | None = None
    rivals: tuple[str, ...] = ()


class Resolver:
    """Kontoupplösare: finds the group of each account of a mapping."""

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self._by_prefix: dict[str, list[Group]] = {}
        for g in mapping.groups:
            for pattern in g.accounts:
                for prefix in expand(pattern):
                    bucket = self._by_prefix.setdefault(prefix, [])
                    if g not in bucket:
                        bucket.append(g)
        self._cache: dict[str, Resolution] = {}
        self._max = max((len(p) for p in self._by_prefix), default=0)

    def resolve(self, account: str) -> Resolution:
        """The group of ``account`` by its longest matching prefix."""
        hit = self._cache.get(account)
        if hit is not None:
            return hit
        result = Resolution(None)
        for length in range(min(len(account), self._max), 0, -1):
            groups = self._by_prefix.get(account[:length])
            if groups:
                result = Resolution(groups[0], account[:length], tuple(g.id for g in groups[1:]))
                break
        self._cache[account] = result
        return result

    def group_of(self, account: str) -> Group | None:
        """The group of ``account`` (the first one when doubly mapped)."""
        return self.resolve(account).group

    def spec_group(self, spec: str) -> tuple[Group | None, str | None]:
        """The group a budget account spec (prefix or range) is booked on, or a Swedish reason.

        The spec's own longest-prefix group is used. Accounts under the spec may fall in other
        groups only when those agree on the statement line and the driftredovisning category
        (``85`` covers räntekostnader and övriga finansiella kostnader: both one RR line).
        """
        chosen: list[Group] = []
        spanned: dict[str, Group] = {}
        for prefix in expand(spec):
            res = self.resolve(prefix)
            if res.group is None:
                return None, f"kontot '{prefix}' hör inte till någon kontogrupp"
            if res.rivals:
                return None, f"kontot '{prefix}' mappas till flera grupper"
            chosen.append(res.group)
            spanned[res.group.id] = res.group
            for longer, groups in self._by_prefix.items():
                if len(longer) > len(prefix) and longer.startswith(prefix):
                    spanned.update((g.id, g) for g in groups)
        kinds = {(g.statement, g.line, g.drift) for g in spanned.values()}
        if len(kinds) > 1:
            names = ", ".join(sorted(spanned))
            return (
                None,
                f"'{spec}' omfattar konton i kontogrupper på olika rader ({names}); dela upp raden",
            )
        return chosen[0], None


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


def coverage(
    resolver: Resolver,
    amounts: MappingABC[str, Decimal],
    names: MappingABC[str, str] | None = None,
    where: str | None = None,
) -> list[Diagnostic]:
    """MAP001 for accounts with amounts in no group, MAP002 for accounts in two (one each)."""
    names = names or {}
    diags: list[Diagnostic] = []
    for account in sorted(amounts):
        res = resolver.resolve(account)
        label = f"{account} {names.get(account, '')}".rstrip()
        if res.group is None:
            diags.append(
                Diagnostic(
                    UNMAPPED,
                    Severity.ERROR,
                    f"konto {label} (saldo {_amount(amounts[account])} kr) hör inte till någon"
                    " kontogrupp; lägg till det i projektets mappningsfil",
                    SourceRef(where) if where else None,
                    actual=_amount(amounts[account]),
                )
            )
        elif res.rivals:
            groups = ", ".join((res.group.id, *res.rivals))
            diags.append(
                Diagnostic(
                    DOUBLY_MAPPED,
                    Severity.ERROR,
                    f"konto {label} (saldo {_amount(amounts[account])} kr) mappas av prefixet"
                    f" '{res.prefix}' i flera grupper: {groups}",
                    SourceRef(where) if where else None,
                    actual=_amount(amounts[account]),
                )
            )
    return diags


def accounts_by_group(resolver: Resolver, accounts: Iterable[str]) -> dict[str, list[str]]:
    """Group id -> accounts (sorted) among ``accounts``; unmapped accounts are left out."""
    out: dict[str, list[str]] = {}
    for account in sorted(set(accounts)):
        g = resolver.group_of(account)
        if g is not None:
            out.setdefault(g.id, []).append(account)
    return out


__all__ = ["Resolution", "Resolver", "accounts_by_group", "coverage", "expand"]

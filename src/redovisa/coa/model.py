"""Kontoplanens mappning: groups of accounts and the statement lines they feed.

A :class:`Group` (kontogrupp) is the leaf of the mapping: every account with a balance or a
movement belongs to exactly one group, found by the longest matching account prefix. A
group names its statement line, its note, its kassaflöde class and its driftredovisning
category. The format is documented in docs/coa.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

RR_LINES: Final = (
    "verksamhetens_intakter",
    "verksamhetens_kostnader",
    "avskrivningar",
    "skatteintakter",
    "medlemsavgifter",
    "generella_statsbidrag",
    "finansiella_intakter",
    "finansiella_kostnader",
    "extraordinara_poster",
)
BR_LINES: Final = (
    "immateriella_anlaggningstillgangar",
    "mark_byggnader",
    "maskiner_inventarier",
    "ovriga_materiella_anlaggningstillgangar",
    "finansiella_anlaggningstillgangar",
    "bidrag_statlig_infrastruktur",
    "forrad",
    "fordringar",
    "kortfristiga_placeringar",
    "kassa_bank",
    "eget_kapital",
    "resultatreserv",
    "avsattningar_pensioner",
    "andra_avsattningar",
    "langfristiga_skulder",
    "kortfristiga_skulder",
)
STATEMENTS: Final = ("rr", "br", "closing", "excluded")
BR_CASHFLOW: Final = (
    "likvida",
    "omsattningstillgangar",
    "kortfristiga_skulder",
    "anlaggning",
    "finansiell_anlaggning",
    "investeringsbidrag",
    "avsattningar",
    "langfristiga_lan",
    "eget_kapital",
)
RR_CASHFLOW: Final = ("avskrivningar", "realisation")
DRIFT: Final = ("intakter", "personal", "ovriga", "avskrivningar")
BALANSKRAV: Final = ("realisationsvinst", "realisationsforlust", "orealiserad")
ASSET_ROLES: Final = ("anskaffning", "ackumulerade")
NOTE_KINDS: Final = ("groups", "assets", "equity")
SIGNS: Final = ("debit", "credit")


@dataclass(frozen=True, slots=True)
class Group:
    """Kontogrupp: accounts (prefix patterns) and where their amounts are shown."""

    id: str
    label: str
    accounts: tuple[str, ...]
    statement: str
    line: str | None = None
    note: str | None = None
    cashflow: str | None = None
    asset: str | None = None
    asset_category: str | None = None
    drift: str | None = None
    balanskrav: str | None = None
    note_section: str | None = None
    note_parent: str | None = None
    credit_balance_group: str | None = None
    show_zero: bool = False
    conf: str | None = None

    @property
    def is_balance(self) -> bool:
        """True for balance-sheet groups (and the equity transfer of the closing)."""
        return self.statement == "br"


@dataclass(frozen=True, slots=True)
class NoteDef:
    """Notdefinition: a note table built from the groups that name it."""

    id: str
    title: str
    total: str
    kind: str = "groups"
    sign: str = "debit"
    sections: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Mapping:
    """Mappning: the groups and notes of a chart of accounts, in file order."""

    name: str
    groups: tuple[Group, ...]
    notes: tuple[NoteDef, ...]

    def group(self, group_id: str) -> Group:
        """The group with ``group_id``; KeyError when there is none."""
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def note(self, note_id: str) -> NoteDef | None:
        """The note with ``note_id``, if defined."""
        for n in self.notes:
            if n.id == note_id:
                return n
        return None

    def groups_where(self, **attrs: str | None) -> tuple[Group, ...]:
        """Groups whose attributes equal every given value, in file order."""
        return tuple(g for g in self.groups if all(getattr(g, k) == v for k, v in attrs.items()))


__all__ = [
    "ASSET_ROLES",
    "BALANSKRAV",
    "BR_CASHFLOW",
    "BR_LINES",
    "DRIFT",
    "NOTE_KINDS",
    "RR_CASHFLOW",
    "RR_LINES",
    "SIGNS",
    "STATEMENTS",
    "Group",
    "Mapping",
    "NoteDef",
]

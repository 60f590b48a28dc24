"""The SIE document model: frozen values, one per kind of SIE record.

This *is* the input model of redovisa (no parallel domain copy). Field names
follow the SIE 4B specification; every value keeps the source line it came from
(``line``, excluded from equality so that ``parse(write(doc)) == doc``).

Sign convention (SIE): debit positive, credit negative, for every amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

AccountNo: TypeAlias = str
"""Kontonummer: kept as text, it is an id (``"30106"``), not a number."""

ObjectRef: TypeAlias = tuple[str, str]
"""One element of an object list: (dimension number, object id), both as written."""


class TransKind(StrEnum):
    """Transaktionstyp: a normal row, a row added later, or a row removed."""

    TRANS = "TRANS"
    RTRANS = "RTRANS"  # added after registration; counts (its twin #TRANS is dropped)
    BTRANS = "BTRANS"  # removed (struck); kept, never counts


class BalanceKind(StrEnum):
    """Saldotyp: which balance record a :class:`Balance` came from."""

    IB = "IB"
    UB = "UB"
    OIB = "OIB"
    OUB = "OUB"
    RES = "RES"
    PSALDO = "PSALDO"
    PBUDGET = "PBUDGET"


class AccountType(StrEnum):
    """Kontotyp (``#KTYP``): T tillgång, S skuld, K kostnad, I intäkt."""

    T = "T"
    S = "S"
    K = "K"
    I = "I"  # noqa: E741 - the SIE letter


@dataclass(frozen=True, slots=True)
class Account:
    """Konto (``#KONTO`` with its ``#KTYP``, ``#ENHET`` and ``#SRU``)."""

    number: AccountNo
    name: str
    type: AccountType | None = None
    unit: str | None = None
    sru: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Dimension:
    """Dimension (``#DIM``) or underdimension (``#UNDERDIM``, with its parent)."""

    number: str
    name: str
    parent: str | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class DimensionObject:
    """Objekt (``#OBJEKT``): e.g. a cost centre (ansvar) or a project."""

    dimension: str
    id: str
    name: str
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class FiscalYearRecord:
    """Räkenskapsår (``#RAR``): index 0 current, -1 previous."""

    index: int
    start: dt.date
    end: dt.date
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Balance:
    """Saldo: one #IB, #UB, #OIB, #OUB, #RES, #PSALDO or #PBUDGET record.

    ``period`` (``YYYYMM``) is set for #PSALDO and #PBUDGET only; ``objects``
    for #OIB, #OUB and object rows of #PSALDO/#PBUDGET.
    """

    kind: BalanceKind
    year: int
    account: AccountNo
    amount: Decimal
    quantity: Decimal | None = None
    period: str | None = None
    objects: tuple[ObjectRef, ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Posting:
    """Transaktionsrad (``#TRANS``, ``#RTRANS``, ``#BTRANS``) of a voucher."""

    account: AccountNo
    amount: Decimal
    objects: tuple[ObjectRef, ...] = ()
    date: dt.date | None = None
    text: str | None = None
    quantity: Decimal | None = None
    sign: str | None = None
    kind: TransKind = TransKind.TRANS
    line: int | None = field(default=None, compare=False)

    @property
    def counts(self) -> bool:
        """True when the row counts in balances (#TRANS and #RTRANS, not #BTRANS)."""
        return self.kind is not TransKind.BTRANS


@dataclass(frozen=True, slots=True)
class Voucher:
    """Verifikation (``#VER``) with its rows."""

    series: str
    number: str
    date: dt.date | None
    text: str | None = None
    reg_date: dt.date | None = None
    sign: str | None = None
    postings: tuple[Posting, ...] = ()
    line: int | None = field(default=None, compare=False)

    def total(self) -> Decimal:
        """Sum of the counted rows; zero for a balanced voucher."""
        return sum((p.amount for p in self.postings if p.counts), Decimal(0))


@dataclass(frozen=True, slots=True)
class UnknownRecord:
    """A record redovisa does not know: kept as written, reported as info."""

    label: str
    fields: tuple[str, ...]
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Address:
    """Adress (``#ADRESS``): contact, street address, postal address, phone."""

    contact: str | None = None
    street: str | None = None
    postal: str | None = None
    phone: str | None = None


@dataclass(slots=True)
class SieFile:
    """One SIE file (types 1, 2, 3, 4E, 4I) as read or to be written.

    The identification records are attributes; the repeated records are lists
    (and dicts keyed by their id) in file order.
    """

    flag: int | None = None
    program: str | None = None
    program_version: str | None = None
    format: str | None = None
    generated: dt.date | None = None
    generated_by: str | None = None
    sie_type: str | None = None
    prosa: str | None = None
    company_type: str | None = None
    company_id: str | None = None
    orgnr: str | None = None
    orgnr_extra: tuple[str, ...] = ()
    industry_code: str | None = None
    address: Address | None = None
    company_name: str | None = None
    fiscal_years: list[FiscalYearRecord] = field(default_factory=list)
    tax_year: str | None = None
    extent: dt.date | None = None
    chart_type: str | None = None
    currency: str | None = None
    accounts: dict[AccountNo, Account] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    objects: dict[tuple[str, str], DimensionObject] = field(default_factory=dict)
    balances: list[Balance] = field(default_factory=list)
    vouchers: list[Voucher] = field(default_factory=list)
    unknown: list[UnknownRecord] = field(default_factory=list)
    checksum: int | None = None
    has_checksum: bool = False
    encoding: str | None = field(default=None, compare=False)

    def year(self, index: int) -> FiscalYearRecord | None:
        """The fiscal year with ``index`` (0 current, -1 previous), if declared."""
        for fy in self.fiscal_years:
            if fy.index == index:
                return fy
        return None

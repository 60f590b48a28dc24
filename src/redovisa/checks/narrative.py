"""Narrative text: sentences, and the subjects amounts in them are about."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from redovisa.checks import facts as F
from redovisa.checks.labels import matches
from redovisa.checks.model import CheckedReport

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“(])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """Mening: one sentence of narrative, with where it is."""

    text: str
    section: str | None
    table: str | None = None
    row: str | None = None
    column: str | None = None


def sentences(text: str) -> list[str]:
    """Split narrative into sentences (a decimal comma or a date does not end one)."""
    return [s.strip() for s in _SPLIT.split(text) if s.strip()]


def narrative(report: CheckedReport) -> Iterator[Sentence]:
    """Every sentence of the report's paragraphs."""
    for p in report.paragraphs:
        place = p.section if p.page is None else f"{p.section or ''}, s. {p.page}".strip(", ")
        for s in sentences(p.text):
            yield Sentence(s, place)


_CASH_FLOW = (r"(årets|periodens) kassaflöde$",)

# subject word (regex, searched before an amount) -> subject name
SUBJECTS: tuple[tuple[str, str], ...] = (
    (r"resultat|överskott|underskott", "result"),
    (r"låneskuld|upplåning|långfristiga skulder|\blån\b", "debt"),
    (r"investering", "investments"),
    (r"kassaflöde", "cash_flow"),
    (r"likvid|kassa", "cash"),
    (r"avskrivning", "depreciation"),
    (r"eget kapital", "equity"),
    (r"balansomslutning|summa tillgångar", "assets"),
    (r"sjukfrånvaro", "sick_leave"),
    (r"omsättning", "turnover"),
)

_TARGET_WORDS = re.compile(
    r"(<|>|≤|≥|minst|högst|under|över|max\w*|lägre än|högre än|mer än|mindre än|upp till)\s*$",
    re.IGNORECASE,
)


def is_target(before: str) -> bool:
    """True when the amount is a target or bound (``<4 %``, ``minst 2 %``), not a claim."""
    return bool(_TARGET_WORDS.search(before[-16:]))


def subject_before(sentence: str, offset: int, window: int = 90) -> str | None:
    """The subject named nearest before an amount, within ``window`` characters."""
    before = sentence[max(0, offset - window) : offset].lower()
    best: tuple[int, str] | None = None
    for pattern, name in SUBJECTS:
        for m in re.finditer(pattern, before):
            if best is None or m.start() > best[0]:
                best = (m.start(), name)
    return best[1] if best else None


def _values(facts: dict[F.Key, F.Fact]) -> list[Decimal]:
    return [abs(f.value) for f in facts.values()]


def _row_values(report: CheckedReport, *patterns: str) -> list[Decimal]:
    """Every figure (abs) of every row, in any table, whose label matches ``patterns``.

    All columns count, so a deviation or change column (``Avvikelse``) is a figure of
    the subject too: "lägre avskrivningar väger upp med 350 tkr" is that column.
    """
    return [
        abs(v)
        for t in report.tables
        if t.unit != "%"
        for row in t.rows
        if matches(row.label, *patterns)
        for v in row.values.values()
    ]


def subject_values(report: CheckedReport, subject: str) -> list[Decimal]:
    """Every figure (abs, in tkr or %) the report shows for a subject."""
    r = report
    drift = r.table("driftredovisning")
    inv = r.table("investeringsredovisning")
    if subject == "result":
        out = _values(F.income_result(r))
        out += _values(F.facts_of(drift, r"totalt?\b", r"summa\b", last=True))
        out += _values(F.facts_of(r.table("balanskravsutredning"), r".*resultat$", last=True))
        return out
    if subject == "debt":
        return _values(
            F.facts_of(r.table("balansrakning"), r"långfristiga skulder", r"summa långfristiga")
        )
    if subject == "investments":
        out = []
        if inv is not None:
            idx = F.row_index(inv, r"totalt?\b", r"summa\b", last=True)
            if idx is not None:
                out += [abs(v) for v in inv.rows[idx].values.values()]
        out += _values(
            F.facts_of(r.table("kassaflodesanalys"), r"nettoinvesteringar", r"investering")
        )
        return out
    if subject == "cash_flow":
        return _values(F.facts_of(r.table("kassaflodesanalys"), *_CASH_FLOW, last=True))
    if subject == "cash":
        # a level (the balance sheet) or the period's change (the closing cash flow)
        out = _values(F.facts_of(r.table("balansrakning"), r"kassa och bank", r"likvida medel"))
        return out + _values(F.facts_of(r.table("kassaflodesanalys"), *_CASH_FLOW, last=True))
    if subject == "depreciation":
        out = _values(
            F.facts_of(r.table("resultatrakning"), r"av- och nedskrivningar", r"avskrivningar")
        )
        if drift is not None:
            idx = F.row_index(drift, r"avskrivningar$", r"av- och nedskrivningar$")
            if idx is not None:
                out += [abs(v) for v in drift.rows[idx].values.values()]
        return out
    if subject == "turnover":
        return _row_values(r, r"(årets |periodens )?omsättning$")
    if subject == "equity":
        return _values(
            F.facts_of(r.table("balansrakning"), r"summa eget kapital$", r"eget kapital$")
        )
    if subject == "assets":
        return _values(F.facts_of(r.table("balansrakning"), r"summa tillgångar"))
    if subject == "sick_leave":
        out = []
        for tid in ("sjukfranvaro_alder", "sjukfranvaro_kon"):
            t = r.table(tid)
            if t is not None:
                out += [v for row in t.rows for v in row.values.values()]
        return out
    return []  # pragma: no cover - every subject is listed above


def all_money_values(report: CheckedReport) -> list[Decimal]:
    """Every money figure of every table, in tkr (abs)."""
    scale = {"tkr": Decimal(1), "mnkr": Decimal(1000), "kr": Decimal("0.001")}
    return [
        abs(v) * scale.get(t.unit, Decimal(1))
        for t in report.tables
        if t.unit != "%"
        for row in t.rows
        for v in row.values.values()
    ]

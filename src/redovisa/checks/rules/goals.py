"""Goals against figures: a target the report can compute is evaluated, claims checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from redovisa.checks import facts as F
from redovisa.checks.labels import matches
from redovisa.checks.model import CheckedReport, ColumnRole
from redovisa.checks.narrative import narrative, sentences
from redovisa.checks.numbers import parse_number
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.core.diagnostics import Diagnostic, Severity

GOAL001 = define(
    "GOAL001",
    Severity.ERROR,
    "Påståendet om måluppfyllelse motsägs av siffrorna",
    """A target that the report's own figures decide (a surplus of at least X % of
    omsättningen, total sick leave below X %) is evaluated for the outcome and the
    forecast; a claim in the goal table or the narrative that the target is (or is not)
    met, and that the evaluation contradicts, is reported.""",
)

_SURPLUS = re.compile(
    r"(överskott|resultat)\D{0,80}?minst\s+(?:motsvara\s+)?(?P<x>\d+(?:,\d+)?)\s*(%|procent)"
    r"\s+av\s+(den\s+)?(omsättning|verksamhetens intäkter|intäkterna|skatteintäkter)",
    re.IGNORECASE,
)
_SICK = re.compile(
    r"sjukfrånvaro\w*\D{0,60}?(<|under|lägre än|högst|max\w*)\s*(?P<x>\d+(?:,\d+)?)\s*(%|procent)",
    re.IGNORECASE,
)
_POSITIVE = re.compile(r"\b(uppfyll\w*|uppnå\w*|nås|når|nå|klara\w*)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(inte|ej|icke|delvis)\b", re.IGNORECASE)
_NOT_A_CLAIM = re.compile(r"redovisas endast|följs upp|genomförs|övriga", re.IGNORECASE)
_FUTURE = re.compile(r"kommer att|bedöm|prognos|helår", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Target:
    """Målvärde: a target and how to evaluate it for a column key."""

    name: str
    words: str
    bound: Decimal
    measure: Callable[[F.Key], Decimal | None]
    at_least: bool

    def met(self, key: F.Key) -> tuple[bool, Decimal] | None:
        """Whether the target is met for the key, and the measured value."""
        value = self.measure(key)
        if value is None:
            return None
        return (value >= self.bound if self.at_least else value < self.bound), value


def _turnover(report: CheckedReport) -> dict[F.Key, Decimal]:
    rr = report.table("resultatrakning")
    out: dict[F.Key, Decimal] = {}
    if rr is None:
        return out
    pats = (
        r"verksamhetens intäkter",
        r"medlemsavgifter",
        r"skatteintäkter",
        r"generella statsbidrag",
        r"finansiella intäkter",
    )
    for key, col in rr.columns_by_key().items():
        vals = [
            abs(r.values[col.id])
            for r in rr.rows
            if r.values.get(col.id) is not None and not r.is_sum and matches(r.label, *pats)
        ]
        if vals:
            out[key] = sum(vals, Decimal(0))
    return out


def targets_in(text: str, report: CheckedReport) -> list[Target]:
    """The computable targets stated in a text."""
    out: list[Target] = []
    m = _SURPLUS.search(text)
    if m:
        bound = parse_number(m.group("x")) or Decimal(0)
        result = {k: f.value for k, f in F.income_result(report).items()}
        turnover = _turnover(report)

        def surplus(key: F.Key) -> Decimal | None:
            if key not in result or not turnover.get(key):
                return None
            return (result[key] * 100 / turnover[key]).quantize(Decimal("0.01"))

        out.append(Target("surplus", r"överskott|resultat", bound, surplus, True))
    m = _SICK.search(text)
    if m:
        bound = parse_number(m.group("x")) or Decimal(0)
        totals = F.facts_of(
            report.table("sjukfranvaro_alder") or report.table("sjukfranvaro_kon"), r"totalt?$"
        )

        def sick(key: F.Key) -> Decimal | None:
            f = totals.get(key)
            return f.value if f else None

        out.append(Target("sick_leave", r"sjukfrånvaro", bound, sick, False))
    return out


def claim(sentence: str) -> bool | None:
    """True when a sentence claims a target met, False when not met, None when neither."""
    if _NOT_A_CLAIM.search(sentence) or not _POSITIVE.search(sentence):
        return None
    neg = _NEGATION.search(sentence)
    if neg and neg.group(1).lower() == "delvis":
        return None
    return neg is None


def _current_key(report: CheckedReport) -> F.Key | None:
    return ("actual", report.period_end) if report.period_end else None


def _forecast_key(report: CheckedReport) -> F.Key | None:
    return ("forecast", report.period_end[:4]) if report.period_end else None


def _contradiction(target: Target, key: F.Key | None, claimed: bool) -> tuple[Decimal] | None:
    if key is None:
        return None
    evaluated = target.met(key)
    if evaluated is None or evaluated[0] == claimed:
        return None
    return (evaluated[1],)


def _message(target: Target, claimed: bool, measured: Decimal, where: str, text: str) -> str:
    what = "uppfyllt" if claimed else "inte uppfyllt"
    unit = "% av omsättningen" if target.name == "surplus" else "%"
    cmp = "minst" if target.at_least else "under"
    return (
        f"{where} anges målet som {what}, men siffrorna ger {fmt(measured)} {unit} "
        f"(målvärde {cmp} {fmt(target.bound)} %): »{text}»"
    )


@checker
def check_goals(ctx: CheckContext) -> list[Diagnostic]:
    """GOAL001 in the goal tables and in the narrative."""
    out: list[Diagnostic] = []
    report = ctx.report
    for table in report.tables_like("maluppfyllelse"):
        for row in table.rows:
            targets = targets_in(" ".join(row.texts.values()), report)
            if not targets:
                continue
            for col in table.columns:
                if (
                    col.role not in (ColumnRole.ACTUAL, ColumnRole.FORECAST)
                    or col.id not in row.texts
                ):
                    continue
                key = (
                    _current_key(report) if col.role is ColumnRole.ACTUAL else _forecast_key(report)
                )
                for text in sentences(row.texts[col.id].replace("\n", " ")):
                    claimed = claim(text)
                    if claimed is None:
                        continue
                    for t in targets:
                        specific = any(re.search(x.words, text, re.IGNORECASE) for x in targets)
                        if specific and not re.search(t.words, text, re.IGNORECASE):
                            continue
                        bad = _contradiction(t, key, claimed)
                        if bad:
                            out.append(
                                finding(
                                    GOAL001,
                                    _message(
                                        t, claimed, bad[0], f"I måltabellen ({col.label})", text
                                    ),
                                    table,
                                    row.label[:80],
                                    col,
                                    t.bound,
                                    bad[0],
                                )
                            )
    for s in narrative(report):
        targets = targets_in(s.text, report)
        claimed = claim(s.text) if targets else None
        if claimed is None:
            continue
        key = _forecast_key(report) if _FUTURE.search(s.text) else _current_key(report)
        for t in targets:
            bad = _contradiction(t, key, claimed)
            if bad:
                out.append(
                    finding(
                        GOAL001,
                        _message(t, claimed, bad[0], "I texten", s.text),
                        "text",
                        s.text,
                        None,
                        t.bound,
                        bad[0],
                        s.section,
                    )
                )
    return out

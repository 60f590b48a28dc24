"""Text against figures: amounts in the narrative must match the tables."""

from __future__ import annotations

from decimal import Decimal

from redovisa.checks.narrative import (
    all_money_values,
    is_target,
    narrative,
    subject_before,
    subject_values,
)
from redovisa.checks.numbers import amounts_in_text
from redovisa.checks.registry import CheckContext, checker, define, finding, fmt
from redovisa.core.diagnostics import Diagnostic, Severity

TXT001 = define(
    "TXT001",
    Severity.ERROR,
    "Beloppet i texten motsäger tabellerna",
    """An amount in the narrative ("ett resultat på 1 718 tkr", "låneskulden uppgår till
    16 mkr") is compared with every figure the tables show for the subject named just
    before it (result, debt, investments, cash, depreciation, equity, total assets, sick
    leave). When none matches within the precision the amount is written with, the
    sentence contradicts the tables.""",
)
TXT002 = define(
    "TXT002",
    Severity.INFO,
    "Beloppet i texten finns inte i tabellerna",
    """An amount in the narrative with no recognised subject matches no figure of any
    table within the precision it is written with. It may be correct (a figure from
    outside the statements) but cannot be verified from the report.""",
)
TXT003 = define(
    "TXT003",
    Severity.INFO,
    "Beloppet i texten är avrundat",
    """An amount in the narrative matches a figure of its subject only after rounding to
    the precision it is written with (3 300 tkr for 3 350 tkr is rounding to hundreds).""",
)

_HALF = Decimal("0.5")


def _nearest(amount: Decimal, values: list[Decimal]) -> Decimal:
    return min(values, key=lambda v: abs(v - amount))


@checker
def check_text_amounts(ctx: CheckContext) -> list[Diagnostic]:
    """TXT001/TXT002/TXT003 for every amount in the narrative."""
    out: list[Diagnostic] = []
    report = ctx.report
    everything = all_money_values(report)
    for s in narrative(report):
        for amount, offset in amounts_in_text(s.text):
            if is_target(s.text[:offset]):
                continue
            subject = subject_before(s.text, offset)
            percent = amount.unit == "%"
            value = abs(amount.value) if percent else amount.in_tkr()
            precision = amount.precision if percent else amount.precision_tkr()
            if value is None or precision is None:
                continue
            values = (
                subject_values(report, subject)
                if subject and (subject == "sick_leave") == percent
                else []
            )
            quoted = f"»{s.text}»"
            if values:
                near = _nearest(abs(value), values)
                diff = abs(abs(value) - near)
                if diff == 0:
                    continue
                if diff <= precision * _HALF:
                    out.append(
                        finding(
                            TXT003,
                            f"Beloppet {amount.text} är avrundat från {fmt(near)} i tabellerna: {quoted}",  # noqa: E501
                            "text",
                            s.text,
                            None,
                            near,
                            value,
                            s.section,
                        )
                    )
                    continue
                out.append(
                    finding(
                        TXT001,
                        f"Beloppet {amount.text} motsäger tabellerna, som visar {fmt(near)}: {quoted}",  # noqa: E501
                        "text",
                        s.text,
                        None,
                        near,
                        value,
                        s.section,
                    )
                )
                continue
            if percent or not everything:
                continue
            near = _nearest(value, everything)
            if abs(value - near) > precision * _HALF:
                out.append(
                    finding(
                        TXT002,
                        f"Beloppet {amount.text} finns inte i tabellerna: {quoted}",
                        "text",
                        s.text,
                        None,
                        None,
                        value,
                        s.section,
                    )
                )
    return out

"""XTAB009-XTAB011 (working capital, opening balances) and the sign of expected figures."""

from __future__ import annotations

import copy
import random

from tests.checks.corpus.generate import C, Report, Y, _inject, _shift, clean_report, to_json

from redovisa.checks import check_report
from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity


def _found(
    rep: Report,
) -> list[tuple[str, str | None, str | None, str | None, str | None, str | None]]:
    prior = to_json(rep, rep.prior) if rep.prior is not None else None
    out = []
    for d in check_report(to_json(rep), prior):
        if d.severity is Severity.INFO:
            continue
        assert isinstance(d.where, ReportRef)
        out.append((d.code, d.where.table, d.where.row, d.where.column, d.expected, d.actual))
    return out


def _value(rep: Report, tid: str, label: str, col: str) -> int:
    return int(rep.row(tid, label)["values"][col])


def test_working_capital_lines_must_be_the_balance_sheet_changes() -> None:
    rep = clean_report(11)
    fo = rep.row("balansrakning", "Fordringar")["values"]
    st = rep.row("balansrakning", "Kortfristiga skulder")["values"]
    dfo, dst = -(fo[C] - fo[Y]), st[C] - st[Y]
    assert _value(rep, "kassaflodesanalys", "Förändring av kortfristiga fordringar", C) == dfo
    assert _found(rep) == []
    _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga fordringar",), C, 300)
    _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga skulder",), C, -300)
    assert sorted(_found(rep)) == [
        ("XTAB009", "kassaflodesanalys", "Förändring av kortfristiga fordringar", C,
         str(dfo), str(dfo + 300)),
        ("XTAB009", "kassaflodesanalys", "Förändring av kortfristiga skulder", C,
         str(dst), str(dst - 300)),
    ]  # fmt: skip


def test_working_capital_difference_is_a_warning_when_the_cash_flow_has_adjustments() -> None:
    rep = clean_report(11)
    injection = _inject(rep, "kf_adjusted", random.Random(2))
    found = check_report(to_json(rep))
    flagged = [d for d in found if d.severity is not Severity.INFO]
    assert [d.code for d in flagged] == ["XTAB010"] == sorted(injection.codes)
    assert flagged[0].severity is Severity.WARNING


def test_one_unit_working_capital_difference_is_rounding() -> None:
    rep = clean_report(11)
    _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga fordringar",), C, 1)
    _shift(rep, "kassaflodesanalys", ("Förändring av kortfristiga skulder",), C, -1)
    found = check_report(to_json(rep))
    assert {d.code for d in found if d.where and "Förändring" in str(d.where)} == {"RND001"}
    assert not [d for d in found if d.severity is not Severity.INFO]


def test_opening_balance_must_be_the_previous_closing_balance() -> None:
    rep = clean_report(11)
    ia = _value(rep, "not_5", "Utgående anskaffningsvärde", Y)
    _shift(rep, "not_5", ("Ingående anskaffningsvärde",), C, 500)
    _shift(rep, "not_5", ("Inköp",), C, -500)
    found = _found(rep)
    assert ("XTAB011", "not_5", "Ingående anskaffningsvärde", C, str(ia), str(ia + 500)) in found
    assert {f[0] for f in found} == {"XTAB011", "XTAB004"}


def test_columns_opening_on_the_same_date_must_agree() -> None:
    rep = clean_report(11)
    note = rep.table("not_5")
    mid = "2023-06-30"
    note["columns"] = [(C, C), (mid, mid), (Y, Y)]
    for r in note["rows"]:
        r["values"][mid] = r["values"][Y]  # the half year opens on the same 2023-01-01
    opening = rep.row("not_5", "Ingående ackumulerade avskrivningar")["values"]
    opening[mid] -= 40
    assert ("XTAB011", "not_5", "Ingående ackumulerade avskrivningar", mid,
            str(opening[Y]), str(opening[Y] - 40)) in _found(rep)  # fmt: skip


def test_opening_balance_against_the_prior_report() -> None:
    rep = clean_report(11)
    ia = _value(rep, "not_5", "Utgående anskaffningsvärde", Y)
    injection = _inject(rep, "prior_opening", random.Random(5))
    assert rep.prior is not None
    prior_ia = next(
        r for t in rep.prior if t["id"] == "not_5" for r in t["rows"]
        if r["label"] == "Utgående anskaffningsvärde"
    )["values"][Y]  # fmt: skip
    assert prior_ia != ia
    assert _found(rep) == [
        ("XTAB011", "not_5", "Ingående anskaffningsvärde", C, str(prior_ia), str(ia))
    ]
    assert injection.codes == {"XTAB011"}


def test_opening_cash_against_the_prior_report() -> None:
    rep = clean_report(11)
    rep.prior = copy.deepcopy(rep.tables)
    kb = next(r for t in rep.prior if t["id"] == "balansrakning" for r in t["rows"]
              if r["label"] == "Kassa och bank")["values"]  # fmt: skip
    kb[Y] += 70
    br = rep.table("balansrakning")
    br["columns"] = [(C, C)]
    for r in br["rows"]:
        r["values"].pop(Y, None)
    opening = _value(rep, "kassaflodesanalys", "Likvida medel vid årets början", C)
    found = _found(rep)
    assert ("XTAB011", "kassaflodesanalys", "Likvida medel vid årets början", C,
            str(opening + 70), str(opening)) in found  # fmt: skip


def _one(found: list[Diagnostic], code: str, row: str, column: str) -> Diagnostic:
    hits = [
        d for d in found
        if d.code == code and isinstance(d.where, ReportRef)
        and d.where.row == row and d.where.column == column
    ]  # fmt: skip
    assert len(hits) == 1, found
    return hits[0]


def test_expected_figure_carries_the_sign_of_the_row_it_is_reported_on() -> None:
    rep = clean_report(11)
    dep = dict(rep.row("kassaflodesanalys", "Justering för av- och nedskrivningar")["values"])
    inv = dict(
        rep.row("kassaflodesanalys", "Investering i materiella anläggningstillgångar")["values"]
    )
    assert all(v > 0 for v in dep.values()) and all(v < 0 for v in inv.values())
    _inject(rep, "depreciation", random.Random(0))  # shifts both KF lines by ±d in one column
    seen = set()
    for d in check_report(to_json(rep)):
        where = d.where
        if not (isinstance(where, ReportRef) and where.table == "kassaflodesanalys"):
            continue
        if d.code in ("XTAB003", "XTAB004") and where.column is not None:
            want = (dep if d.code == "XTAB003" else inv)[where.column]
            assert d.expected == str(want)
            seen.add(d.code)
    assert seen == {"XTAB003", "XTAB004"}


def test_right_amount_with_the_wrong_sign_in_the_cash_flow_is_an_error() -> None:
    rep = clean_report(11)
    row = "Justering för av- och nedskrivningar"
    dep = _value(rep, "kassaflodesanalys", row, C)
    # printed as −dep, and the subtotals computed from it, so only the sign is wrong
    _shift(rep, "kassaflodesanalys", (row,), C, -2 * dep)
    for label in (
        "Medel från verksamheten före förändring av rörelsekapital",
        "Kassaflöde från den löpande verksamheten",
        "Årets kassaflöde",
        "Likvida medel vid årets slut",
    ):
        _shift(rep, "kassaflodesanalys", (label,), C, -2 * dep)
    found = check_report(to_json(rep))
    d = _one(found, "XTAB003", row, C)
    assert (d.expected, d.actual) == (str(dep), str(-dep))


def test_findings_table_rows_for_the_granskningsrapport() -> None:
    from redovisa.checks import FINDINGS_COLUMNS, findings_table

    rep = clean_report(11)
    dep = rep.row("kassaflodesanalys", "Justering för av- och nedskrivningar")["values"].copy()
    _inject(rep, "depreciation", random.Random(4))
    found = check_report(to_json(rep))
    rows = findings_table(found)
    assert [h for _, h in FINDINGS_COLUMNS][:4] == ["Kod", "Allvarlighet", "Kontroll", "Var"]
    assert rows[0].severity == "fel" and len(rows) == len(found)
    kf = [r for r in rows if r.code == "XTAB003" and r.place.startswith("Kassaflödesanalys")]
    assert kf and kf[0].title == "Avskrivningarna stämmer inte mellan tabellerna"
    column = kf[0].place.rsplit(" · ", 1)[-1]
    assert kf[0].expected == f"{dep[column]:,}".replace(",", " ")
    assert kf[0].place == f"Kassaflödesanalys · Justering för av- och nedskrivningar · {column}"
    assert all(len(r.cells()) == len(FINDINGS_COLUMNS) for r in rows)
    assert findings_table([]) == []

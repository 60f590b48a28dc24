"""Queries with real numbers from the sample ledger (see sample.py for the figures)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from sample import sample_sie

from redovisa.ledger import queries as q
from redovisa.ledger.loader import load_sie_file
from redovisa.ledger.store import LedgerStore
from redovisa.ledger.summary import summarize


def test_trial_balance_february(store: LedgerStore) -> None:
    imp = load_sie_file(store, sample_sie(), source_path="x.se").import_id
    rows = {r.account: r for r in q.trial_balance(store, imp, *q.month_bounds("202402"))}
    assert sorted(rows) == ["1930", "2440", "5010"]
    bank = rows["1930"]
    assert (bank.opening, bank.debit, bank.credit) == (D("2995000.00"), 0, D("1138000.00"))
    assert (bank.movement, bank.closing) == (D("-1138000.00"), D("1857000.00"))
    assert rows["5010"].opening == D("3000000.00")
    assert rows["5010"].closing == D("4138000.00")
    assert rows["2440"].opening == rows["2440"].closing == D("-100000.00")


def test_trial_balance_whole_year_closes_to_ub(store: LedgerStore) -> None:
    imp = load_sie_file(store, sample_sie(), source_path="x.se").import_id
    rows = {r.account: r for r in q.trial_balance(store, imp, date(2024, 1, 1), date(2024, 12, 31))}
    assert rows["1930"].closing == D("1857000.00")
    assert rows["2440"].closing == D("150000.00")
    # the #RTRANS row counts (dated 2 April by its own date), the #BTRANS row does not
    assert rows["3010"].credit == D("250000.00")
    assert "6110" not in rows
    # the voucher of the previous year is not in this year
    assert rows["5010"].debit == D("4138000.00")
    # a balanced set of vouchers: debit equals credit
    assert sum(r.debit for r in rows.values()) == sum(r.credit for r in rows.values())


def test_trial_balance_of_march_uses_row_date(store: LedgerStore) -> None:
    imp = load_sie_file(store, sample_sie(), source_path="x.se").import_id
    march = {r.account: r for r in q.trial_balance(store, imp, *q.month_bounds("202403"))}
    assert "3010" not in march  # its row is dated 2 April
    assert march["2440"].debit == D("250000.00")


def test_object_balances_per_ansvar(store: LedgerStore) -> None:
    imp = load_sie_file(store, sample_sie(), source_path="x.se").import_id
    rows = q.object_balances(store, imp, "1", *q.month_bounds("202401", "202412"))
    got = {(r.account, r.object_id): (r.opening, r.movement, r.closing) for r in rows}
    assert got[("5010", "100")] == (0, D("3000000.00"), D("3000000.00"))
    assert got[("5010", "200")] == (0, D("1138000.00"), D("1138000.00"))
    assert got[("2440", "100")] == (D("-100000.00"), 0, D("-100000.00"))
    assert got[("3010", "100")][1] == D("-250000.00")
    assert got[("1930", None)][1] == D("-4138000.00")
    feb = q.object_balances(store, imp, "1", *q.month_bounds("202402"))
    by = {(r.account, r.object_id): r for r in feb}
    assert by[("5010", "100")].opening == D("3000000.00")
    assert by[("5010", "100")].movement == 0


def test_monthly_movements_from_vouchers(store: LedgerStore) -> None:
    imp = load_sie_file(store, sample_sie(), source_path="x.se").import_id
    rows = q.monthly_movements(store, imp, date(2024, 1, 1), date(2024, 12, 31))
    got = {(r.account, r.period): r.amount for r in rows}
    assert got == {
        ("1930", "202401"): D("-3000000.00"),
        ("1930", "202402"): D("-1138000.00"),
        ("2440", "202403"): D("250000.00"),
        ("3010", "202404"): D("-250000.00"),
        ("5010", "202401"): D("3000000.00"),
        ("5010", "202402"): D("1138000.00"),
    }
    per_obj = q.monthly_movements(store, imp, date(2024, 1, 1), date(2024, 12, 31), "1")
    assert q.MonthlyAmount("5010", "200", "202402", D("1138000.00")) in per_obj


def test_monthly_movements_from_psaldo_without_vouchers(store: LedgerStore) -> None:
    sie = sample_sie()
    sie.vouchers = []
    imp = load_sie_file(store, sie, source_path="x.se").import_id
    rows = q.monthly_movements(store, imp, date(2024, 1, 1), date(2024, 12, 31))
    assert rows == [
        q.MonthlyAmount("5010", None, "202401", D("3000000.00")),
        q.MonthlyAmount("5010", None, "202402", D("1138000.00")),
    ]
    per_obj = q.monthly_movements(store, imp, date(2024, 1, 1), date(2024, 12, 31), "1")
    assert per_obj == [q.MonthlyAmount("5010", "100", "202401", D("3000000.00"))]


def test_budget_per_period_and_object(store: LedgerStore) -> None:
    imp = load_sie_file(store, sample_sie(), source_path="x.se").import_id
    total = q.budget(store, imp, date(2024, 1, 1), date(2024, 12, 31))
    assert [(b.period, b.amount) for b in total] == [
        ("202401", D("2500000.00")),
        ("202402", D("1200000.00")),
    ]
    per = q.budget(store, imp, *q.month_bounds("202401"), dimension="1")
    assert [(b.object_id, b.amount) for b in per] == [
        ("100", D("2000000.00")),
        ("200", D("500000.00")),
    ]
    assert q.budget(store, imp, *q.month_bounds("202403")) == []


def test_account_summary_same_as_from_file(store: LedgerStore) -> None:
    sie = sample_sie()
    imp = load_sie_file(store, sie, source_path="x.se").import_id
    from_store = q.account_summary(store, imp)
    assert from_store == summarize(sie)
    assert from_store[0].to_json() == {
        "account": "1930",
        "ib": "5995000.00",
        "ub": "1857000.00",
        "res": None,
        "trans": "-4138000.00",
    }


def test_month_bounds() -> None:
    assert q.month_bounds("202402") == (date(2024, 2, 1), date(2024, 2, 29))
    assert q.month_bounds("202401", "202406") == (date(2024, 1, 1), date(2024, 6, 30))

"""Reconciliation against the ledger, the asset note and the figures for the statements."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from asset_helpers import asset

from redovisa.assets import (
    AssetConfig,
    asset_note,
    build_items,
    closing_balances,
    depreciation_run,
    depreciation_vouchers,
    disposal_vouchers,
    disposals,
    period_movements,
    reconcile,
    register_balances,
    statement_figures,
)
from redovisa.sie.records import Balance, BalanceKind, FiscalYearRecord, Posting, SieFile, Voucher

REGISTER = [
    asset("A0", "it3", "2020-03-01", "90000"),  # fully depreciated 2023-02
    asset("A1", "it3", "2023-01-15", "36000"),
    asset("A2", "it5", "2024-02-01", "60000"),
    asset("B1", "bil", "2022-01-01", "288000", disposed="2024-04-29", proceeds="200000"),
]
START, END = date(2024, 1, 1), date(2024, 6, 30)


def _ledger(config: AssetConfig) -> SieFile:
    """A ledger that agrees with the register: IB 2024, purchases, the register's vouchers."""
    items = build_items(REGISTER, config)
    opening = register_balances(items, config, date(2023, 12, 31))
    run = depreciation_run(items, config, START, END)
    vouchers = [
        Voucher(
            "A",
            "1",
            date(2024, 2, 1),
            "Inköp server",
            postings=(Posting("1221", Decimal(60000)), Posting("2440", Decimal(-60000))),
        ),
        *depreciation_vouchers(run, config),
        *disposal_vouchers(disposals(items, START, END), config, first_number=50),
    ]
    return SieFile(
        fiscal_years=[FiscalYearRecord(0, date(2024, 1, 1), date(2024, 12, 31))],
        balances=[Balance(BalanceKind.IB, 0, a, v) for a, v in opening.items()],
        vouchers=vouchers,
    )


def test_register_and_ledger_agree(config: AssetConfig) -> None:
    items = build_items(REGISTER, config)
    sie = _ledger(config)
    ledger = closing_balances(sie, END, config.balance_accounts())
    assert ledger == register_balances(items, config, END)
    run = depreciation_run(items, config, START, END)
    movements = period_movements(sie, START, END, ["6832", "6834"])
    mine = {a: Decimal(v) / 100 for a, v in run.by_account.items()}
    assert (
        reconcile(
            items, config, END, ledger, ledger_depreciation=movements, register_depreciation=mine
        )
        == []
    )


def test_every_difference_names_the_account_and_the_amount(config: AssetConfig) -> None:
    items = build_items(REGISTER, config)
    ledger = closing_balances(_ledger(config), END)
    ledger["1221"] += Decimal("1500.00")  # a purchase booked but not registered
    ledger["1249"] = Decimal("-7.00")
    diags = reconcile(items, config, END, ledger, source="ledger.se")
    assert [d.code for d in diags] == ["AST030"] * 4
    assert [d.message.split(":")[0] for d in diags] == [
        "konto 1221 2024-06-30",
        "konto 1249 2024-06-30",
        "redovisat värde fordon (konto 1241, 1249) 2024-06-30",
        "redovisat värde inventarier (konto 1221, 1229) 2024-06-30",
    ]
    assert "skillnad -1 500,00 kr" in diags[0].message
    assert all(d.is_error for d in diags)
    assert diags[0].expected == str(ledger["1221"])


def test_period_depreciation_differences_are_found(config: AssetConfig) -> None:
    items = build_items(REGISTER, config)
    ledger = closing_balances(_ledger(config), END)
    diags = reconcile(
        items,
        config,
        END,
        ledger,
        ledger_depreciation={"6832": Decimal("11000.00")},
        register_depreciation={"6832": Decimal("11000.00"), "6834": Decimal("12000.00")},
    )
    assert [d.message.split(":")[0] for d in diags] == [
        "periodens avskrivningar på konto 6834 2024-06-30"
    ]


def test_asset_note_rolls_forward_and_agrees_with_the_ledger(config: AssetConfig) -> None:
    items = build_items(REGISTER, config)
    note = asset_note(items, config, START, END)
    got = {(r.label, i): r.amount for i, r in enumerate(note.rows)}
    labels = [r.label for r in note.rows]
    assert labels == [
        "Ingående anskaffningsvärde",
        "Inköp",
        "Försäljningar",
        "Utrangeringar",
        "Utgående anskaffningsvärde",
        "Ingående ack avskrivningar",
        "Årets avskrivningar",
        "Försäljningar",
        "Utrangeringar",
        "Utgående ack avskrivningar",
        "Summa maskiner och inventarier",
        "- varav inventarier",
        "- varav fordon",
        "Anskaffningsvärde",
        "Ackumulerade av- och nedskrivningar",
        "Redovisat värde",
    ]
    assert note.value("Ingående anskaffningsvärde") == Decimal("414000.00")
    assert note.value("Inköp") == Decimal("60000.00")
    assert note.value("Försäljningar") == Decimal("-288000.00")
    assert note.value("Utgående anskaffningsvärde") == Decimal("186000.00")
    # opening acc: A0 90 000, A1 12 x 1 000, B1 24 x 3 000
    assert note.value("Ingående ack avskrivningar") == Decimal("-174000.00")
    # A1 6 000 + A2 5 000 + B1 Jan-Mar 9 000
    assert note.value("Årets avskrivningar") == Decimal("-20000.00")
    assert note.value("Försäljningar", 1) == Decimal("81000.00")
    assert note.value("Utgående ack avskrivningar") == Decimal("-113000.00")
    assert note.value("Redovisat värde") == Decimal("73000.00")
    assert note.value("- varav fordon") == Decimal("0.00")
    assert len(got) == len(note.rows)
    ledger = closing_balances(_ledger(config), END)
    assert note.value("Redovisat värde") == sum(ledger[a] for a in config.balance_accounts())


def test_figures_for_the_statements(config: AssetConfig) -> None:
    figures = statement_figures(build_items(REGISTER, config), config, START, END)
    assert figures.depreciation == Decimal("-20000.00")
    assert figures.depreciation_by_account == {
        "6832": Decimal("-11000.00"),
        "6834": Decimal("-9000.00"),
    }
    assert figures.purchases == Decimal("60000.00")
    assert figures.net_investments == Decimal("140000.00")  # sale 200 000 > purchases
    # B1 sold for 200 000 at a book value of 288 000 - 27 x 3 000 = 207 000
    assert figures.realisation_gains == Decimal("0.00")
    assert figures.realisation_losses == Decimal("7000.00")

"""Every statement on a small hand-computed ledger (figures in tests/statements/ledgers.py).

The 2023 ledger: sales 100 000, salaries 60 000, depreciation 10 000, interest 2 000,
member fees 5 000 -> result 33 000; an asset of 30 000 bought, one of 20 000 scrapped fully
depreciated, a loan repayment of 10 000. 2024 H1: sales 40 000, salaries 20 000 + pension
5 000, depreciation 6 000 -> 9 000; investment 15 000; a new loan of 5 000.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from redovisa.coa import Resolver, load_mapping
from redovisa.statements import (
    Figures,
    MemoryLedger,
    ReportPeriod,
    StatementOptions,
    StatementTable,
    compute_statements,
    read_plan,
)

from .ledgers import BUDGET_CSV, FORECAST_CSV, ledger_2023, ledger_2024

D = Decimal


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, StatementTable]:
    tmp: Path = tmp_path_factory.mktemp("plans")
    (tmp / "budget.csv").write_text(BUDGET_CSV, encoding="utf-8")
    (tmp / "forecast.csv").write_text(FORECAST_CSV, encoding="utf-8")
    mapping, _ = load_mapping()
    resolver = Resolver(mapping)
    budget, bd = read_plan(tmp / "budget.csv", "budget", resolver)
    forecast, fd = read_plan(tmp / "forecast.csv", "prognos", resolver)
    assert bd == [] and fd == []
    ledger = MemoryLedger([ledger_2023(), ledger_2024()])
    figures = Figures(ledger, mapping, budget, forecast, resolver)
    period = ReportPeriod(
        date(2024, 1, 1), date(2024, 6, 30), date(2024, 1, 1), date(2024, 12, 31), True
    )
    out, diags = compute_statements(figures, StatementOptions(period))
    assert diags == []
    return {t.id: t for t in out}


def values(table: StatementTable, label: str) -> dict[str, Decimal | None]:
    return table.find(label).values


def test_income_statement(tables: dict[str, StatementTable]) -> None:
    rr = tables["resultatrakning"]
    assert [c.label for c in rr.columns] == [
        "Utfall 2024-06-30",
        "Utfall 2023-06-30",
        "Prognos 2024",
        "Budget 2024",
    ]
    assert values(rr, "Verksamhetens intäkter") == {
        "utfall": D("40000.00"),
        "utfall_fg": D("100000.00"),
        "prognos": D("85000.00"),
        "budget": D("90000.00"),
    }
    assert values(rr, "Verksamhetens kostnader")["utfall"] == D("-25000.00")
    assert values(rr, "Av- och nedskrivningar")["utfall_fg"] == D("-10000.00")
    assert values(rr, "Finansiella kostnader")["prognos"] == D("-1000.00")
    assert values(rr, "Periodens resultat") == {
        "utfall": D("9000.00"),
        "utfall_fg": D("30000.00"),
        "prognos": D("18000.00"),
        "budget": D("23000.00"),
    }
    labels = [r.label for r in rr.rows]
    assert "Skatteintäkter" not in labels  # zero optional line left out
    assert rr.find("Verksamhetens intäkter").notes == ("1",)
    assert rr.find("Av- och nedskrivningar").notes == ("5",)


def test_balance_sheet_balances_and_splits_equity(tables: dict[str, StatementTable]) -> None:
    br = tables["balansrakning"]
    assert [c.label for c in br.columns] == ["2024-06-30", "2023-12-31"]
    assert values(br, "Maskiner och inventarier") == {
        "utfall": D("89000.00"),
        "bokslut_fg": D("80000.00"),
    }
    assert values(br, "Summa tillgångar") == {
        "utfall": D("182000.00"),
        "bokslut_fg": D("188000.00"),
    }
    assert values(br, "- varav årets resultat") == {
        "utfall": D("9000.00"),
        "bokslut_fg": D("33000.00"),
    }
    assert values(br, "Summa eget kapital") == {
        "utfall": D("122000.00"),
        "bokslut_fg": D("113000.00"),
    }
    assert values(br, "Kortfristiga skulder") == {
        "utfall": D("35000.00"),
        "bokslut_fg": D("55000.00"),
    }
    assert values(br, "Summa eget kapital och skulder") == values(br, "Summa tillgångar")


def test_cash_flow_explains_liquid_funds(tables: dict[str, StatementTable]) -> None:
    kf = tables["kassaflodesanalys"]
    assert values(kf, "Justering för av- och nedskrivningar") == {
        "utfall": D("6000.00"),
        "bokslut_fg": D("10000.00"),
    }
    # the scrapped, fully depreciated asset moves nothing: investments are the purchases
    assert values(kf, "Nettoinvesteringar") == {
        "utfall": D("-15000.00"),
        "bokslut_fg": D("-30000.00"),
    }
    assert values(kf, "Kassaflöde från drift") == {
        "utfall": D("-55000.00"),
        "bokslut_fg": D("93000.00"),
    }
    assert values(kf, "Amortering långfristiga lån")["bokslut_fg"] == D("-10000.00")
    assert values(kf, "Nyupptagna långfristiga lån")["utfall"] == D("5000.00")
    assert values(kf, "ÅRETS KASSAFLÖDE") == {"utfall": D("-65000.00"), "bokslut_fg": D("53000.00")}
    assert values(kf, "Likvida medel vid årets början") == {
        "utfall": D("103000.00"),
        "bokslut_fg": D("50000.00"),
    }
    assert values(kf, "Likvida medel vid årets slut") == {
        "utfall": D("38000.00"),
        "bokslut_fg": D("103000.00"),
    }


def test_notes(tables: dict[str, StatementTable]) -> None:
    titles = [tables[f"not_{n}"].title for n in range(1, 11)]
    assert titles[0] == "Not 1 Verksamhetens intäkter"
    assert titles[4] == "Not 5 Maskiner och inventarier"
    assert titles[9] == "Not 10 Kortfristiga skulder"
    cost = tables["not_2"]
    assert values(cost, "Personalkostnader")["utfall"] == D("25000.00")
    assert values(cost, "- varav pensionskostnader inkl. särsk. löneskatt")["utfall"] == D(
        "5000.00"
    )
    assets = tables["not_5"]
    assert values(assets, "Ingående anskaffningsvärde")["bokslut_fg"] == D("100000.00")
    assert values(assets, "Inköp")["bokslut_fg"] == D("30000.00")
    assert [r.values["bokslut_fg"] for r in assets.rows if r.label == "Utrangeringar"] == [
        D("-20000.00"),
        D("20000.00"),
    ]
    assert values(assets, "Redovisat värde") == {
        "utfall": D("89000.00"),
        "utfall_fg": D("50000.00"),
        "bokslut_fg": D("80000.00"),
    }
    equity = tables["not_8"]
    assert values(equity, "Balanserat resultat")["utfall"] == D("113000.00")
    assert values(equity, "Utgående eget kapital")["utfall_fg"] == D("110000.00")


def test_operating_statement_reconciles_with_income(tables: dict[str, StatementTable]) -> None:
    drift = tables["driftredovisning"]
    assert [r.label for r in drift.rows if r.kind == "subtotal"] == [
        "81141 IT",
        "81143 Kundtjänst",
        "81146 LYSTKOM",
    ]
    assert values(drift, "81143 Kundtjänst") == {
        "budget": D("35000.00"),
        "utfall": D("15000.00"),
        "prognos": D("31000.00"),
        "avvikelse": D("-4000.00"),
    }
    total = values(drift, "TOTALT")
    rr = values(tables["resultatrakning"], "Periodens resultat")
    assert total["utfall"] == rr["utfall"] and total["budget"] == rr["budget"]
    assert total["prognos"] == rr["prognos"]


def test_investments_and_balanskrav(tables: dict[str, StatementTable]) -> None:
    inv = tables["investeringsredovisning"]
    assert values(inv, "IT-utrustning 3 år") == {
        "budget": D("20000.00"),
        "utfall": D("15000.00"),
        "prognos": D("25000.00"),
        "avvikelse": D("-5000.00"),
    }
    bk = tables["balanskravsutredning"]
    assert [c.label for c in bk.columns] == ["Helårs prognos 2024", "Bokslut 2023", "Bokslut 2022"]
    # 2022 comes from #RES -1 of the 2023 file: 200 000 - 150 000 - 40 000
    assert values(bk, "Årets balanskravsresultat") == {
        "prognos": D("18000.00"),
        "bokslut_fg": D("33000.00"),
        "bokslut_fg2": D("10000.00"),
    }
    ratio = values(tables["finansiella_nyckeltal"], "Årets resultat i procent av omsättningen")
    assert ratio["bokslut_fg"] == D(33000) * 100 / D(105000)

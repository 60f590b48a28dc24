"""The synthetic municipal ledger of bench/generate.py: valid, consistent, deterministic."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from redovisa.sie import BalanceKind, SieFile, read_sie

BENCH = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
ROWS = 3001


def _load() -> ModuleType:
    if "bench_generate" in sys.modules:
        return sys.modules["bench_generate"]
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SieFile]:
    path = tmp_path_factory.mktemp("gen") / "kommun.se"
    _load().generate(path, ROWS, seed=3, year=2024, csv=path.with_suffix(".csv"))
    doc, diags = read_sie(path)
    assert [d.format_text() for d in diags] == []  # not even a warning
    return path, doc


def test_exact_row_count_and_voucher_shape(generated: tuple[Path, SieFile]) -> None:
    _, doc = generated
    assert sum(len(v.postings) for v in doc.vouchers) == ROWS
    assert all(2 <= len(v.postings) <= 6 for v in doc.vouchers)
    assert all(v.total() == 0 for v in doc.vouchers)
    days = [v.date for v in doc.vouchers if v.date is not None]
    assert len(days) == len(doc.vouchers)
    assert days == sorted(days)
    assert days[0].isoformat() == "2024-01-01"
    assert days[-1].month == 12
    assert {v.series for v in doc.vouchers} == {"A", "B", "C", "L", "M"}


def test_kommun_bas_like_chart_and_objects(generated: tuple[Path, SieFile]) -> None:
    _, doc = generated
    lengths = {len(n) for n in doc.accounts}
    assert lengths == {3, 4, 5}
    assert {n[0] for n in doc.accounts} == set("12345678")
    assert all(a.type is not None and a.name for a in doc.accounts.values())
    centres = [o for (dim, _), o in doc.objects.items() if dim == "1"]
    assert 45 <= len(centres) <= 55
    rows = [p for v in doc.vouchers for p in v.postings]
    with_objects = sum(1 for p in rows if p.objects)
    assert with_objects / len(rows) > 0.5
    assert any(d == "6" for p in rows for d, _ in p.objects)
    assert [fy.index for fy in doc.fiscal_years] == [0, -1]


def test_balances_agree_with_the_vouchers(generated: tuple[Path, SieFile]) -> None:
    _, doc = generated
    moved: dict[str, Decimal] = defaultdict(Decimal)
    for v in doc.vouchers:
        for p in v.postings:
            moved[p.account] += p.amount
    bal: dict[tuple[BalanceKind, int, str], Decimal] = {
        (b.kind, b.year, b.account): b.amount
        for b in doc.balances
        if b.kind in (BalanceKind.IB, BalanceKind.UB, BalanceKind.RES)
    }
    for (kind, year, account), amount in bal.items():
        if kind is BalanceKind.UB and year == 0:
            assert amount == bal[(BalanceKind.IB, 0, account)] + moved[account], account
        if kind is BalanceKind.RES and year == 0:
            assert amount == moved[account], account
    for year in (0, -1):
        ub = sum(a for (k, y, _), a in bal.items() if k is BalanceKind.UB and y == year)
        res = sum(a for (k, y, _), a in bal.items() if k is BalanceKind.RES and y == year)
        assert ub + res == 0, year  # the balance sheet balances once the result is added
    assert sum(a for (k, y, _), a in bal.items() if k is BalanceKind.IB and y == 0) == 0


def test_period_balances_and_budget(generated: tuple[Path, SieFile]) -> None:
    _, doc = generated
    total: dict[str, Decimal] = defaultdict(Decimal)
    per_month: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    per_object: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    budget_total: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    budget_objects: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for b in doc.balances:
        assert b.period is None or b.period.startswith("2024")
        if b.kind is BalanceKind.PSALDO and not b.objects:
            total[b.account] += b.amount
            per_month[(b.account, b.period or "")] += b.amount
        elif b.kind is BalanceKind.PSALDO:
            assert [d for d, _ in b.objects] == ["1"]
            per_object[(b.account, b.period or "")] += b.amount
        elif b.kind is BalanceKind.PBUDGET and b.objects:
            budget_objects[(b.account, b.period or "")] += b.amount
        elif b.kind is BalanceKind.PBUDGET:
            budget_total[(b.account, b.period or "")] += b.amount
    moved: dict[str, Decimal] = defaultdict(Decimal)
    for v in doc.vouchers:
        for p in v.postings:
            moved[p.account] += p.amount
    assert dict(total) == dict(moved)
    for key, amount in per_object.items():  # result rows always carry a cost centre
        if key[0][0] in "345678":
            assert amount == per_month[key], key
    assert budget_total and budget_total == budget_objects
    assert {p[-2:] for _, p in budget_total} == {f"{m:02d}" for m in range(1, 13)}


def test_same_seed_same_bytes_other_seed_other_bytes(
    tmp_path: Path, generated: tuple[Path, SieFile]
) -> None:
    path, _ = generated
    gen = _load()
    again = tmp_path / "igen.se"
    gen.generate(again, ROWS, seed=3, year=2024)
    assert again.read_bytes() == path.read_bytes()
    other = tmp_path / "annan.se"
    gen.generate(other, ROWS, seed=4, year=2024)
    assert other.read_bytes() != path.read_bytes()


def test_csv_holds_the_same_rows(generated: tuple[Path, SieFile]) -> None:
    path, doc = generated
    lines = path.with_suffix(".csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "voucher,date,account,ansvar,verksamhet,projekt,amount"
    assert len(lines) == ROWS + 1
    assert sum(Decimal(line.rsplit(",", 1)[1]) for line in lines[1:]) == 0
    first = doc.vouchers[0]
    cells = lines[1].split(",")
    assert cells[0] == f"{first.series}{first.number}"
    assert Decimal(cells[-1]) == first.postings[0].amount

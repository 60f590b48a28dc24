"""CLI: ``redovisa import``, ``redovisa sie balances`` (the JSON contract) and ``sie dump``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from redovisa.cli import cli
from redovisa.cli.import_cmd import import_
from redovisa.cli.sie_data_cmd import balances, dump
from redovisa.ledger.store import LedgerStore

LEDGER = """#FLAGGA 0
#PROGRAM "Test" 1.0
#FORMAT PC8
#GEN 20250115
#SIETYP 4
#FNAMN "Kommunalförbundet Test"
#ORGNR 222000-0001
#RAR 0 20240101 20241231
#RAR -1 20230101 20231231
#KONTO 1930 "Bank"
#KONTO 2440 "Leverantörsskulder"
#KONTO 5010 "Lokalhyra"
#KTYP 1930 T
#KTYP 2440 S
#KTYP 5010 K
#DIM 1 "Ansvar"
#OBJEKT 1 "100" "Kansli"
#IB 0 1930 5995000.00
#UB 0 1930 1857000.00
#IB 0 2440 -100000.00
#UB 0 2440 -100000.00
#RES 0 5010 4138000.00
#VER A 1 20240115 "Hyra januari"
{
   #TRANS 5010 {1 "100"} 3000000.00
   #TRANS 1930 {} -3000000.00
}
#VER A 2 20240210 "Hyra februari"
{
   #TRANS 5010 {} 1138000.00
   #TRANS 1930 {} -1138000.00
   #BTRANS 1930 {} -5.00
}
"""


def write(path: Path, text: str = LEDGER) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("cp437"))
    return path


@pytest.fixture
def group() -> click.Group:
    """The ``sie`` group with ``balances`` and ``dump`` (the lead registers them for real)."""
    sie = click.Group("sie")
    sie.add_command(balances)
    sie.add_command(dump)
    root = click.Group("redovisa")
    root.add_command(sie)
    root.add_command(import_)
    return root


def test_import_file_prints_summary_and_loads(tmp_path: Path, group: click.Group) -> None:
    path = write(tmp_path / "ledger.se")
    db = tmp_path / "out" / "r.duckdb"
    result = CliRunner().invoke(group, ["import", str(path), "--db", f"duckdb://{db}"])
    assert result.exit_code == 0, result.output
    assert "Kommunalförbundet Test (222000-0001)" in result.output
    assert "räkenskapsår: 2023-01-01–2023-12-31, 2024-01-01–2024-12-31" in result.output
    assert "konton 3, verifikationer 2, transaktionsrader 5, saldon 5" in result.output
    with LedgerStore.open(db) as store:
        (info,) = store.imports()
        assert info.name == "Kommunalförbundet Test"
        assert store.fetchone("SELECT sum(amount) FROM posting WHERE counted") == (0,)
    again = CliRunner().invoke(group, ["import", str(path), "--db", f"duckdb://{db}"])
    assert again.exit_code == 0
    with LedgerStore.open(db) as store:
        assert len(store.imports()) == 1
        assert store.fetchone("SELECT count(*) FROM posting") == (5,)


def test_import_project_dir_uses_build_db(tmp_path: Path, group: click.Group) -> None:
    write(tmp_path / "proj" / "data" / "ledger.se")
    write(
        tmp_path / "proj" / "data" / "prior.SE",
        LEDGER.replace("2023", "2022").replace("2024", "2023"),
    )
    result = CliRunner().invoke(group, ["import", str(tmp_path / "proj"), "-q"])
    assert result.exit_code == 0, result.output
    with LedgerStore.open(tmp_path / "proj" / "build" / "redovisa.duckdb") as store:
        assert len(store.imports()) == 2


def test_import_with_errors_exits_1_and_keeps_store(tmp_path: Path, group: click.Group) -> None:
    db = tmp_path / "r.duckdb"
    good = write(tmp_path / "ledger.se")
    assert CliRunner().invoke(group, ["import", str(good), "--db", str(db)]).exit_code == 0
    bad = write(tmp_path / "bad.se", LEDGER.replace("-1138000.00", "-1137000.00"))
    result = CliRunner().invoke(group, ["import", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{bad}:28: SIE021 verifikation A 2 balanserar inte" in result.output
    assert "inte inläst, 1 fel; databasen är oförändrad" in result.output
    with LedgerStore.open(db) as store:
        assert store.fetchone("SELECT count(*) FROM posting") == (5,)


def test_import_postgres_is_a_clear_error(tmp_path: Path) -> None:
    from redovisa.cli import main

    path = write(tmp_path / "ledger.se")
    with pytest.raises(SystemExit) as e:
        main(["import", str(path), "--db", "postgresql://localhost/x"])
    assert e.value.code == 1


def test_main_in_process_exits_normally_after_an_import(tmp_path: Path) -> None:
    from redovisa.cli import main

    path = write(tmp_path / "ledger.se")
    with pytest.raises(SystemExit) as e:  # not os._exit: a test calling main keeps running
        main(["import", str(path), "--db", str(tmp_path / "r.duckdb"), "-q"])
    assert e.value.code == 0


@pytest.mark.parametrize(("text", "code"), [(LEDGER, 0), (LEDGER.replace("-1138000.00", "0"), 1)])
def test_the_program_ends_without_teardown_and_loses_no_output(
    tmp_path: Path, text: str, code: int
) -> None:
    """Run as the program, ``redovisa import`` skips Python's teardown: the summary, the
    diagnostics and the exit code must all still come out (through pipes)."""
    path = write(tmp_path / "ledger.se", text)
    db = tmp_path / "r.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "redovisa", "import", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == code, run.stderr
    if code == 0:
        assert run.stdout.splitlines()[0] == f"{path}: Kommunalförbundet Test (222000-0001)"
        assert "transaktionsrader 5" in run.stdout
        with LedgerStore.open(db) as store:
            assert store.fetchone("SELECT count(*) FROM posting") == (5,)
    else:
        assert "SIE021" in run.stderr
        assert run.stderr.rstrip().endswith("inte inläst, 1 fel; databasen är oförändrad")


def test_import_is_registered_in_main_cli() -> None:
    from redovisa.cli import _register

    _register()
    assert "import" in cli.commands


def test_balances_json_contract(tmp_path: Path, group: click.Group) -> None:
    path = write(tmp_path / "ledger.se")
    result = CliRunner().invoke(group, ["sie", "balances", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "account": "1930",
            "ib": "5995000.00",
            "ub": "1857000.00",
            "res": None,
            "trans": "-4138000.00",
        },
        {"account": "2440", "ib": "-100000.00", "ub": "-100000.00", "res": None, "trans": None},
        {"account": "5010", "ib": None, "ub": None, "res": "4138000.00", "trans": "4138000.00"},
    ]


def test_balances_text_table(tmp_path: Path, group: click.Group) -> None:
    path = write(tmp_path / "ledger.se")
    result = CliRunner().invoke(group, ["sie", "balances", str(path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["Konto", "IB", "UB", "RES", "Transaktioner"]
    assert lines[2].split() == [
        "1930",
        "5",
        "995",
        "000.00",
        "1",
        "857",
        "000.00",
        "–",
        "-4",
        "138",
        "000.00",
    ]


def test_dump_csv_for_excel(tmp_path: Path, group: click.Group) -> None:
    path = write(tmp_path / "ledger.se")
    out = tmp_path / "rows.csv"
    result = CliRunner().invoke(group, ["sie", "dump", str(path), "--to", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [
        "serie",
        "nummer",
        "datum",
        "verifikationstext",
        "konto",
        "objekt",
        "belopp",
        "typ",
        "transaktionsdatum",
        "transaktionstext",
        "kvantitet",
    ]
    assert rows[1] == [
        "A",
        "1",
        "2024-01-15",
        "Hyra januari",
        "5010",
        "1:100",
        "3000000.00",
        "TRANS",
        "",
        "",
        "",
    ]
    assert rows[-1][6:8] == ["-5.00", "BTRANS"]
    assert len(rows) == 6


def test_dump_json(tmp_path: Path, group: click.Group) -> None:
    path = write(tmp_path / "ledger.se")
    result = CliRunner().invoke(group, ["sie", "dump", str(path), "--to", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.output.lstrip("\ufeff"))
    assert rows[3]["amount"] == "-1138000.00"
    assert rows[3]["voucher_text"] == "Hyra februari"

"""`redovisa build --format ...` and `redovisa demo` end to end (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from tests.render.conftest import EXAMPLE

from redovisa.cli.build_cmd import build
from redovisa.cli.demo_cmd import demo


def _run(*args: str) -> tuple[int, str, str]:
    # The commands themselves, not the global group: invoking the group caches its -h/--help
    # option on every command, which changes the generated docs/cli.md in the same process.
    command = {"build": build, "demo": demo}[args[0]]
    result = CliRunner().invoke(command, list(args[1:]))
    return result.exit_code, result.stdout, result.stderr


def test_build_every_format(tmp_path: Path) -> None:
    code, _, err = _run(
        "build", str(EXAMPLE), "--format", "pdf,html,docx,xlsx,md,json", "--out", str(tmp_path)
    )
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "rapport.docx",
        "rapport.html",
        "rapport.md",
        "rapport.pdf",
        "rapport.xlsx",
        "report.json",
    ]
    assert (tmp_path / "rapport.pdf").read_bytes()[:5] == b"%PDF-"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["schema"] == "redovisa.report/1"
    assert f"skrev {tmp_path / 'rapport.pdf'}" in err


def test_build_json_alone_keeps_the_statements_path(tmp_path: Path) -> None:
    code, _, _ = _run("build", str(EXAMPLE), "--format", "json", "--out", str(tmp_path))
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run("build", str(EXAMPLE), "--format", "pdf,odt", "--out", str(tmp_path))
    assert code == 2
    assert "odt" in err


def test_demo_builds_every_format_and_prints_paths(tmp_path: Path) -> None:
    code, out, _ = _run("demo", "--out", str(tmp_path), "--format", "md,html")
    assert code == 0
    assert out.splitlines() == [str(tmp_path / "rapport.md"), str(tmp_path / "rapport.html")]


def test_demo_sample_prints_the_trial_balance() -> None:
    code, out, _ = _run("demo", "--sample")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Råbalans: Exempelförbundet för IT-samverkan"
    assert any(line.startswith("1930   Bank") and "2 155 195,32" in line for line in lines)
    assert lines[-1].split()[-1] == "0,00"  # a balanced ledger's closing balances sum to zero

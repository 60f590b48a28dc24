"""docs/diagnostics.md is generated from the registry and lists every code."""

from __future__ import annotations

from pathlib import Path

from redovisa.core.diagnostics import Severity
from redovisa.sie.docs import load_all_codes, main, render

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "diagnostics.md"


def test_docs_list_every_registered_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    rows = {line.split("`")[1] for line in text.splitlines() if line.startswith("| `")}
    missing = sorted(set(load_all_codes()) - rows)
    assert not missing, f"run python -m redovisa.sie.docs; missing rows: {missing}"


def test_docs_are_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), "run python -m redovisa.sie.docs"


def test_render_has_one_row_per_code_with_its_severity() -> None:
    text = render()
    row = next(line for line in text.splitlines() if line.startswith("| `SIE021`"))
    assert "| error |" in row
    assert "Verifikationen balanserar inte" in row
    assert text.count("| `SIE") == sum(1 for c in load_all_codes() if c.startswith("SIE"))
    assert all(isinstance(c.severity, Severity) for c in load_all_codes().values())


def test_check_mode_reports_stale_file(tmp_path: Path) -> None:
    target = tmp_path / "diagnostics.md"
    target.write_text("old\n", encoding="utf-8")
    assert main([str(target), "--check"]) == 1
    assert main([str(target)]) == 0
    assert main([str(target), "--check"]) == 0
    assert target.read_text(encoding="utf-8") == render()

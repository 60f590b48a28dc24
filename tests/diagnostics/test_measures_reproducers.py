"""Reproducers for the codes of the HR export, the KPI files and goals.toml.

The same convention as the SIE codes (``test_sie_reproducers.py``): one small input per
code, named after it, and ``<CODE>.expected`` with exactly the diagnostics it gives in the
text form ``path:line: CODE message`` (rewrite with ``pytest --update-golden``).

- ``HR<nnn>.csv`` is read with :func:`redovisa.hr.read_absence`;
- ``KPI<nnn>.csv`` with the KPI reader its header names: ``wait_seconds`` a call log
  (:func:`redovisa.goals.read_calls`), ``created`` a ticket export
  (:func:`~redovisa.goals.read_tickets`), otherwise a KPI series
  (:func:`~redovisa.goals.read_series`);
- ``GOAL<nnn>.toml`` with :func:`redovisa.goals.load_goals`, then assessed in an interim
  report whose outcome and forecast are :data:`FIGURES`.

The report checks' codes (GOAL001 ...) have their reproducers in tests/checks.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from redovisa.core.diagnostic_codes import CODES
from redovisa.core.diagnostics import Diagnostic
from redovisa.goals import (
    GoalInputs,
    assess_goals,
    load_goals,
    read_calls,
    read_series,
    read_tickets,
)
from redovisa.goals import codes as goal_codes
from redovisa.hr import codes as hr_codes
from redovisa.hr import read_absence

HERE = Path(__file__).parent
REPRODUCERS = sorted(
    [*HERE.glob("HR*.csv"), *HERE.glob("KPI*.csv"), *HERE.glob("GOAL*.toml")],
    key=lambda p: p.stem,
)
FIGURES = {"rr.resultat": Decimal("100"), "rr.verksamhetens_intakter": Decimal("1000")}
LINE = re.compile(r"^(?P<path>[^:]+)(?::(?P<line>\d+))?: (?P<code>[A-Z]+\d+) ")
WHOLE_FILE = {"HR001", "KPI001"}  # an empty file has no line to point at
HEADER = {"HR002", "KPI002"}  # the header line is the problem


def _codes_of(module: ModuleType) -> set[str]:
    return {v for v in vars(module).values() if isinstance(v, str) and v in CODES}


def _diagnostics(path: Path) -> list[Diagnostic]:
    if path.stem.startswith("HR"):
        return read_absence(path, path.name)[1]
    if path.stem.startswith("KPI"):
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if "wait_seconds" in header:
            return read_calls(path, path.name)[1]
        if "created" in header:
            return read_tickets(path, path.name)[1]
        return read_series(path, path.name)[1]
    goals, found = load_goals(path, path.name)
    if goals is not None:
        inputs = GoalInputs(date(2024, 1, 1), date(2024, 6, 30), False, FIGURES, FIGURES, HERE)
        found += assess_goals(goals, inputs)[1]
    return found


def _output(path: Path) -> str:
    return "".join(d.format_text() + "\n" for d in _diagnostics(path))


@pytest.mark.parametrize("path", REPRODUCERS, ids=[p.stem for p in REPRODUCERS])
def test_reproducer_gives_expected_diagnostics(path: Path, update_golden: bool) -> None:
    expected_path = path.with_suffix(".expected")
    actual = _output(path)
    if update_golden:
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")
    found = [LINE.match(row) for row in actual.splitlines()]
    assert found and all(found), actual
    assert path.stem in {m["code"] for m in found if m}


@pytest.mark.parametrize("path", REPRODUCERS, ids=[p.stem for p in REPRODUCERS])
def test_reproducer_names_the_line_of_its_problem(path: Path) -> None:
    rows = [m for m in map(LINE.match, _output(path).splitlines()) if m]
    mine = [m for m in rows if m["code"] == path.stem]
    assert mine
    if path.stem in WHOLE_FILE:
        return
    line = int(mine[0]["line"])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert (1 if path.stem in HEADER else 2) <= line <= len(lines)
    if path.suffix == ".toml":  # the line names the key or table that is wrong
        assert not lines[line - 1].startswith("#")


def test_every_hr_kpi_and_goal_code_has_a_reproducer() -> None:
    codes = _codes_of(hr_codes) | _codes_of(goal_codes)
    assert {"HR001", "KPI005", "GOAL014"} <= codes
    missing = sorted(c for c in codes if c not in {p.stem for p in REPRODUCERS})
    assert not missing, f"codes without a reproducer in tests/diagnostics: {missing}"
    stale = [p.name for p in REPRODUCERS if p.stem not in codes]
    assert not stale, f"reproducers for codes that are not registered: {stale}"
    assert all(p.with_suffix(".expected").is_file() for p in REPRODUCERS)

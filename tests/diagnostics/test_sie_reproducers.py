"""Each diagnostic code has a tiny reproducer file and the exact diagnostics it gives.

``tests/diagnostics/<CODE>.se`` is read with :func:`redovisa.sie.read_sie`; its diagnostics, in
the text form ``path:line: CODE message``, must equal ``<CODE>.expected`` (rewrite with
``pytest --update-golden``). The expected file must contain ``<CODE>`` itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redovisa.sie import read_sie
from redovisa.sie.docs import load_all_codes

HERE = Path(__file__).parent
REPRODUCERS = sorted(HERE.glob("*.se"))
LINE = re.compile(r"^(?P<path>[^:]+)(?::(?P<line>\d+))?: (?P<code>[A-Z]+\d+) ")


def _output(path: Path) -> str:
    _sie, diagnostics = read_sie(path, display_path=path.name)
    return "".join(d.format_text() + "\n" for d in diagnostics)


@pytest.mark.parametrize("path", REPRODUCERS, ids=[p.stem for p in REPRODUCERS])
def test_reproducer_gives_expected_diagnostics(path: Path, update_golden: bool) -> None:
    expected_path = path.with_suffix(".expected")
    actual = _output(path)
    if update_golden:
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    assert actual == expected
    found = [LINE.match(row) for row in actual.splitlines()]
    assert all(found), actual
    codes = {m["code"] for m in found if m}
    assert path.stem in codes


@pytest.mark.parametrize("path", REPRODUCERS, ids=[p.stem for p in REPRODUCERS])
def test_reproducer_names_a_line_for_its_code(path: Path) -> None:
    """Each reproducer points at the line of its problem (whole-file codes excepted)."""
    whole_file = {"SIE005", "SIE007", "SIE041"}
    rows = [m for m in map(LINE.match, _output(path).splitlines()) if m]
    mine = [m for m in rows if m["code"] == path.stem]
    assert mine
    if path.stem not in whole_file:
        line = int(mine[0]["line"])
        text = path.read_bytes().split(b"\n")
        assert 1 <= line <= len(text)


def test_every_sie_code_has_a_reproducer() -> None:
    codes = sorted(c for c in load_all_codes() if c.startswith("SIE"))
    assert codes, "no SIE codes registered"
    missing = [c for c in codes if not (HERE / f"{c}.se").is_file()]
    assert not missing, f"codes without a reproducer in tests/diagnostics: {missing}"
    stale = [p.stem for p in REPRODUCERS if p.stem not in codes]
    assert not stale, f"reproducers for codes that are not registered: {stale}"

"""docs/checks.md is generated from the registry and shows the measured figures."""

from __future__ import annotations

from pathlib import Path

import redovisa.checks
from redovisa.checks.docs import codes_markdown, replace_codes
from redovisa.core import diagnostic_codes

DOC = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_codes_section_is_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert codes_markdown() in text, "run: python -c 'see tests/checks/test_docs.py' to regenerate"
    assert replace_codes(text) == text


def test_every_code_is_in_the_core_registry_with_a_title_and_doc() -> None:
    for code, info in redovisa.checks.CODES.items():
        assert code in diagnostic_codes.CODES
        assert info.title and info.doc


def test_measured_figures_in_docs_are_current() -> None:
    from tests.checks.corpus.measure import measure

    m = measure()
    text = DOC.read_text(encoding="utf-8")
    assert f"injected errors: {m.injected}, detected: {m.detected}" in text
    assert f"recall: {m.recall:.1%}, precision: {m.precision:.1%}" in text
    assert (
        f"clean reports: {m.clean_reports}, error findings on them: {m.clean_errors}, "
        f"warnings: {m.clean_warnings}"
    ) in text
    assert m.injected >= 50
    assert m.clean_errors == 0 and m.clean_warnings == 0

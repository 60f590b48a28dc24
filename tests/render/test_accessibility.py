"""HTML accessibility: structure checks, and axe-core in Debian's chromium with no violations."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from tests.render.axe import audit, axe_script, chromium_path, describe


def test_html_structure(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text(encoding="utf-8")
    assert '<html lang="sv">' in html
    assert html.count("<h1>") == 1
    assert '<a class="skip" href="#rapport-start">' in html
    assert '<main id="rapport-start"' in html
    assert "@media print" in html
    assert not re.search(r"<(script|link|img)\b", html)  # self-contained: nothing to fetch
    assert html.count("<table") == html.count("<caption>")
    assert '<th scope="col">Not</th>' in html
    assert '<tr class="total"><th scope="row">Periodens resultat</th>' in html
    levels = [int(h) for h in re.findall(r"<h([1-6])[ >]", html)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "heading skips"
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_axe_core_reports_no_violations(outputs: dict[str, Path]) -> None:
    chromium = chromium_path()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    pytest.importorskip("playwright")
    axe_js, why = axe_script()
    if axe_js is None:
        pytest.skip(f"axe-core is not available: {why}")
    result = audit(outputs["html"], chromium, axe_js)
    assert result["violations"] == [], describe(result["violations"])
    assert result["testEngine"]["version"].startswith("4.")

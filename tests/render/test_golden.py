"""Golden files: the Lystkom report as Markdown and as normalised HTML.

Run ``pytest tests/render --update-golden`` after an intended change and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

from redovisa.render.html import render_html
from redovisa.render.md import render_markdown
from redovisa.report.publication import Publication

GOLDEN = Path(__file__).parent / "golden"


def normalise_html(html: str) -> str:
    """One tag per line, no inline CSS or SVG drawing details: what a reviewer can diff."""
    html = re.sub(r"<style>.*?</style>", "<style>…</style>", html, flags=re.S)
    html = re.sub(r"<svg\b[^>]*>.*?</svg>", _svg_summary, html, flags=re.S)
    html = re.sub(r">\s*<", ">\n<", html)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"


def _svg_summary(m: re.Match[str]) -> str:
    svg = m.group(0)
    title = re.search(r"<title id=\"[^\"]*\">(.*?)</title>", svg)
    desc = re.search(r"<desc id=\"[^\"]*\">(.*?)</desc>", svg)
    return (
        f'<svg role="img"><title>{title.group(1) if title else ""}</title>'
        f"<desc>{desc.group(1) if desc else ''}</desc></svg>"
    )


def _compare(name: str, text: str, update: bool) -> None:
    path: Path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs; --update-golden"


def test_markdown_golden(lystkom: Publication, update_golden: bool) -> None:
    _compare("lystkom.md", render_markdown(lystkom), update_golden)


def test_html_golden(lystkom: Publication, update_golden: bool) -> None:
    _compare("lystkom.html", normalise_html(render_html(lystkom)), update_golden)


def test_output_is_deterministic(lystkom: Publication) -> None:
    assert render_html(lystkom) == render_html(lystkom)
    assert render_markdown(lystkom) == render_markdown(lystkom)

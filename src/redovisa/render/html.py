"""HTML: one self-contained, accessible page (docs/accessibility.md).

``lang="sv"``, a skip link, one ``h1`` and a heading hierarchy without gaps, a table of
contents in ``nav``, semantic tables (``caption``, ``th scope="col"``/``scope="row"``),
charts as inline SVG with ``role="img"``, title and description, a print stylesheet. The
page needs no network: CSS is inlined, there are no scripts, fonts or images to fetch.
Jinja2 autoescapes everything the project supplies.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from redovisa.core.chart import bar_chart_svg, text_alternative
from redovisa.render.view import view_table
from redovisa.report.publication import ChartBlock, Publication, Section, TableBlock
from redovisa.report.text import BulletList, Heading, Paragraph

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
        trim_blocks=False,
    )


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str
    block: Any = None
    h: int = 0
    view: Any = None
    chart: Any = None
    svg: Markup | None = None
    alt: str = ""


@dataclass(frozen=True, slots=True)
class _Body:
    section: Section
    h: int
    items: list[_Item]


def _toc_list(items: list[Section], i: int, level: int) -> tuple[str, int]:
    parts = ["<ol>"]
    while i < len(items) and items[i].level >= level:
        s = items[i]
        parts.append(f'<li><a href="#{escape(s.id)}">{escape(s.title)}</a>')
        i += 1
        if i < len(items) and items[i].level > level:
            sub, i = _toc_list(items, i, items[i].level)
            parts.append(sub)
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts), i


def _toc(pub: Publication) -> Markup:
    """Nested ordered lists of the body sections, linked to their headings."""
    items = [s for s in pub.sections if s.kind == "body"]
    if not items:
        return Markup("")
    html, _ = _toc_list(items, 0, min(s.level for s in items))
    return Markup(html)


def _body(pub: Publication) -> list[_Body]:
    bodies = []
    for s in pub.sections:
        if s.kind != "body":
            continue
        h = min(s.level + 1, 6)
        items: list[_Item] = []
        for c in s.content:
            if isinstance(c, Paragraph):
                items.append(_Item("p", c))
            elif isinstance(c, Heading):
                items.append(_Item("h", c, h=min(h + c.depth, 6)))
            elif isinstance(c, BulletList):
                items.append(_Item("list", c))
            elif isinstance(c, TableBlock):
                items.append(_Item("table", view=view_table(pub.tables[c.table_id], pub.unit)))
            elif isinstance(c, ChartBlock):
                chart = pub.charts[c.chart_id]
                items.append(
                    _Item(
                        "chart",
                        chart=chart,
                        svg=Markup(bar_chart_svg(chart)),
                        alt=text_alternative(chart),
                    )
                )
        bodies.append(_Body(s, h, items))
    return bodies


def _granskning(pub: Publication) -> tuple[list[tuple[str, ...]], list[str]] | None:
    """The granskningsrapport's rows and column headings, when the project asks for it."""
    if not pub.granskningsrapport or pub.review is None:
        return None
    columns, rows = pub.review
    return rows, columns


def render_html(pub: Publication) -> str:
    """The report as one HTML page."""
    template = _environment().get_template("report.html.j2")
    css = Markup((TEMPLATES / "report.css").read_text(encoding="utf-8"))
    return template.render(
        pub=pub, body=_body(pub), toc=_toc(pub), css=css, granskning=_granskning(pub)
    )


def write_html(pub: Publication, path: Path) -> None:
    """Write the page (UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(pub), encoding="utf-8")


__all__ = ["render_html", "write_html"]

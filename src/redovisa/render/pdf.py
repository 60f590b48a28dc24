"""PDF through Typst: A4, tagged, PDF/UA-1 (docs/rendering.md, docs/accessibility.md).

The report is written as Typst source (every text the project supplies is a Typst string
literal, so nothing in it is read as markup), the charts as SVG files beside it, and
compiled by the ``typst`` Python package (it bundles the compiler and its fonts; no system
fonts are used, so the PDF is the same on every machine) with ``pdf_standards=["ua-1"]``.

Layout: a cover page (organisation, title, period, decision), a table of contents with
page numbers (``outline``), level-1 sections on a new page, a running header (organisation
and title) and page numbers in the footer, headings as bookmarks, tables with a caption
above, a header row, figures right-aligned, bold subtotals and note references linked to
the note. Document title, author and language (sv) are set in the metadata.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from redovisa.core.chart import bar_chart_svg, text_alternative
from redovisa.render.view import NOTE_HEADER, ViewTable, view_table
from redovisa.report.publication import ChartBlock, Content, Publication, TableBlock
from redovisa.report.text import BulletList, Heading, Paragraph, Run

FONT = "Libertinus Serif"
PREAMBLE = """\
#set document(title: {title}, author: {author}, date: none)
#set text(lang: "sv", region: "SE", font: "{font}", size: 10.5pt, hyphenate: true)
#set par(justify: false, leading: 0.62em, spacing: 0.9em)
#set heading(numbering: none)
#show heading: set text(font: "{font}", weight: "bold")
#show heading: set block(above: 1.5em, below: 0.8em)
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading.where(level: 1): it => {{ pagebreak(weak: true); it }}
#set figure(numbering: none, supplement: none)
#set figure.caption(separator: none)
#show figure.where(kind: table): set figure.caption(position: top)
#show figure.caption: set text(weight: "bold")
#show figure.caption: it => align(left, it)
#show table: set text(number-width: "tabular")
#show figure: set block(breakable: true)
#set table(stroke: none, inset: (x: 4pt, y: 2.6pt))
#show table.cell.where(y: 0): set text(weight: "bold")
#show link: set text(fill: rgb("#0b4f8a"))
"""
PAGE = """\
#set page(paper: "a4", margin: (top: 28mm, bottom: 24mm, x: 22mm),
  header: context {{
    set text(size: 8.5pt, fill: rgb("#4a4a4a"))
    [{header}]
    v(-4pt)
    line(length: 100%, stroke: 0.4pt + rgb("#8a8a8a"))
  }},
  footer: context {{
    set text(size: 8.5pt)
    align(center)[Sida #counter(page).display() av #counter(page).final().first()]
  }})
"""


def _s(text: str) -> str:
    """A Typst string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        piece = f"#{_s(run.text)}"
        if run.href:
            piece = f"#link({_s(run.href)})[{piece}]"
        if run.bold:
            piece = f"#strong[{piece}]"
        if run.italic:
            piece = f"#emph[{piece}]"
        out.append(piece)
    return "".join(out)


def table_typst(view: ViewTable) -> str:
    """A table as a Typst figure with caption, header row and aligned columns."""
    widths = ["1fr"] + (["auto"] if view.has_notes else []) + ["auto"] * len(view.columns)
    aligns = ["left"] + (["center"] if view.has_notes else [])
    aligns += ["right" if n else "left" for n in view.numeric]
    if not any(view.numeric) or max((len(c) for c in view.columns), default=0) > 24:
        widths = ["1.3fr"] + (["auto"] if view.has_notes else []) + ["1fr"] * len(view.columns)
    head = [view.label_header] + ([NOTE_HEADER] if view.has_notes else []) + list(view.columns)
    lines = [
        "#figure(kind: table, caption: [#" + _s(view.caption) + "],",
        "table(columns: (" + ", ".join(widths) + "), align: (" + ", ".join(aligns) + "),",
        "table.header(" + ", ".join(f"[#{_s(h)}]" for h in head) + "),",
        "table.hline(stroke: 0.8pt),",
    ]
    for row in view.rows:
        label = f"#{_s(row.label)}"
        for d in row.detail:
            label += f" #linebreak() #text(size: 9pt)[#{_s(d)}]"
        cells = [label]
        if view.has_notes:
            cells.append(", ".join(f"#link(<tabell-not_{n}>)[#{_s(n)}]" for n in row.notes))
        cells += [f"#{_s(c.text)}" if c.text else "" for c in row.cells]
        if row.strong:
            cells = [f"#strong[{c}]" if c else "" for c in cells]
        if row.kind == "total":
            lines.append("table.hline(stroke: 0.6pt),")
        lines.append(", ".join(f"[{c}]" for c in cells) + ",")
    lines.append("table.hline(stroke: 0.8pt),")
    lines.append(f")) <tabell-{view.id}>")
    for note in view.footnotes:
        lines.append(f"#text(size: 9pt)[#{_s(note)}]")
    return "\n".join(lines)


def _content(item: Content, pub: Publication, level: int, charts: dict[str, str]) -> str:
    if isinstance(item, Paragraph):
        return _runs(item.runs)
    if isinstance(item, Heading):
        depth = min(level + item.depth, 6)
        return f"#heading(level: {depth}, outlined: false)[{_runs(item.runs)}]"
    if isinstance(item, BulletList):
        fn = "enum" if item.ordered else "list"
        return f"#{fn}(" + ", ".join(f"[{_runs(r)}]" for r in item.items) + ")"
    if isinstance(item, TableBlock):
        return table_typst(view_table(pub.tables[item.table_id], pub.unit))
    if isinstance(item, ChartBlock):
        chart = pub.charts[item.chart_id]
        # The SVG draws its own title; the alt text carries every value.
        return (
            f"#figure(image({_s(charts[item.chart_id])}, width: 88%, "
            f"alt: {_s(text_alternative(chart))}))"
        )
    raise TypeError(item)  # pragma: no cover


def _cover(pub: Publication) -> str:
    parts = [
        "#page(header: none, footer: none, margin: (x: 25mm, top: 60mm, bottom: 30mm))[",
        f"#text(size: 14pt, tracking: 0.08em)[#upper({_s(pub.organisation)})]",
        "#v(6mm)",
        f'#text(size: 34pt, weight: "bold")[#{_s(pub.title)}]',
        "#v(2mm)",
        f"#text(size: 20pt)[#{_s(pub.period_text)}]",
        "#v(1fr)",
    ]
    if pub.decision:
        parts.append(f"#text(size: 11pt)[#{_s(pub.decision)}]")
    parts.append("]")
    return "\n".join(parts)


def typst_source(pub: Publication, charts: dict[str, str]) -> str:
    """The whole report as Typst source; ``charts`` maps chart ids to SVG file names."""
    out = [PREAMBLE.format(title=_s(pub.full_title), author=_s(pub.organisation), font=FONT)]
    for section in pub.sections:
        if section.kind == "cover":
            out.append(_cover(pub))
            out.append(PAGE.format(header=f"#{_s(pub.header)}"))
            continue
        if section.kind == "toc":
            out.append(f"#outline(title: [#{_s(section.title)}], depth: 3, indent: auto)")
            continue
        out.append(f"#heading(level: {section.level})[#{_s(section.title)}] <{section.id}>")
        for item in section.content:
            out.append(_content(item, pub, section.level, charts))
    if not any(s.kind == "cover" for s in pub.sections):
        out.insert(1, PAGE.format(header=f"#{_s(pub.header)}"))
    return "\n\n".join(out) + "\n"


def render_pdf(pub: Publication) -> bytes:
    """Compile the report to PDF/UA-1 bytes."""
    import typst  # noqa: PLC0415 - optional dependency (extra "pdf")

    with tempfile.TemporaryDirectory(prefix="redovisa-pdf-") as tmp:
        root = Path(tmp)
        names: dict[str, str] = {}
        for chart_id, chart in pub.charts.items():
            name = f"{chart_id}.svg"
            (root / name).write_text(bar_chart_svg(chart), encoding="utf-8")
            names[chart_id] = name
        source = root / "report.typ"
        source.write_text(typst_source(pub, names), encoding="utf-8")
        pdf: bytes = typst.compile(
            str(source), root=str(root), pdf_standards=["ua-1"], ignore_system_fonts=True
        )
    return pdf


def write_pdf(pub: Publication, path: Path) -> None:
    """Write the PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_pdf(pub))


__all__ = ["render_pdf", "table_typst", "typst_source", "write_pdf"]

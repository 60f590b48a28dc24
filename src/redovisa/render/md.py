"""Markdown: the report as plain text for diffing in git (and for ``redovisa check``).

Headings follow the sections, tables are pipe tables with the caption in bold above them,
subtotals and totals in bold, a "Not" column where rows refer to notes; a chart is given by
its title and its text alternative. Figures keep the Swedish format (no-break spaces,
U+2212 minus).
"""

from __future__ import annotations

from pathlib import Path

from redovisa.core.chart import text_alternative
from redovisa.render.view import NOTE_HEADER, ViewTable, view_table
from redovisa.report.publication import ChartBlock, Content, Publication, TableBlock
from redovisa.report.text import BulletList, Heading, Paragraph, Run


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|")


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = _escape(run.text)
        if run.href:
            text = f"[{text}]({run.href})"
        if run.bold:
            text = f"**{text}**"
        if run.italic:
            text = f"*{text}*"
        out.append(text)
    return "".join(out)


def table_markdown(view: ViewTable) -> list[str]:
    """A pipe table with its caption."""
    head = [view.label_header]
    align = [":--"]
    if view.has_notes:
        head.append(NOTE_HEADER)
        align.append(":--")
    head += list(view.columns)
    align += ["--:" if n else ":--" for n in view.numeric]
    lines = [
        f"**{_escape(view.caption)}**",
        "",
        "| " + " | ".join(map(_escape, head)) + " |",
        "|" + "|".join(align) + "|",
    ]
    for row in view.rows:
        label = _escape(row.label)
        if row.detail:
            label += " (" + "; ".join(_escape(d) for d in row.detail) + ")"
        cells = [label]
        if view.has_notes:
            cells.append(", ".join(row.notes))
        cells += [_escape(c.text) for c in row.cells]
        if row.strong:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    for note in view.footnotes:
        lines += ["", f"*{_escape(note)}*"]
    return lines


def _content(item: Content, pub: Publication, level: int) -> list[str]:
    if isinstance(item, Paragraph):
        return [_runs(item.runs)]
    if isinstance(item, Heading):
        return ["#" * min(level + item.depth, 6) + " " + _runs(item.runs)]
    if isinstance(item, BulletList):
        marker = "1." if item.ordered else "-"
        return ["\n".join(f"{marker} {_runs(runs)}" for runs in item.items)]
    if isinstance(item, TableBlock):
        return ["\n".join(table_markdown(view_table(pub.tables[item.table_id], pub.unit)))]
    if isinstance(item, ChartBlock):
        chart = pub.charts[item.chart_id]
        return [f"*Diagram: {_escape(chart.title)}.* {_escape(text_alternative(chart))}"]
    raise TypeError(item)  # pragma: no cover


def render_markdown(pub: Publication) -> str:
    """The whole report as Markdown text."""
    blocks: list[str] = []
    for section in pub.sections:
        if section.kind == "cover":
            blocks.append(f"# {_escape(pub.title)} {pub.period_text}")
            blocks.append(_escape(pub.organisation))
            if pub.decision:
                blocks.append(_escape(pub.decision))
            continue
        if section.kind == "toc":
            blocks.append(f"## {_escape(section.title)}")
            items = [s for s in pub.sections if s.kind == "body"]
            blocks.append(
                "\n".join("  " * (s.level - 1) + f"- [{_escape(s.title)}](#{s.id})" for s in items)
            )
            continue
        level = section.level + 1
        blocks.append("#" * level + " " + _escape(section.title))
        for item in section.content:
            blocks.extend(_content(item, pub, level))
    return "\n\n".join(blocks) + "\n"


def write_markdown(pub: Publication, path: Path) -> None:
    """Write the report as Markdown (UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(pub), encoding="utf-8")


__all__ = ["render_markdown", "table_markdown", "write_markdown"]

"""Textblock: the format-neutral model of narrative Markdown (after binding).

markdown-it-py (CommonMark, raw HTML off) parses the text; :func:`parse_markdown` keeps what
a report needs: paragraphs, subheadings, lists, and inline bold, italic and links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Run:
    """Textbit: a piece of inline text with its emphasis and an optional link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Stycke."""

    runs: tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """Underrubrik in a narrative; ``depth`` 1 is the first level below the section."""

    depth: int
    runs: tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    """Punktlista (or numbered when ``ordered``)."""

    items: tuple[tuple[Run, ...], ...]
    ordered: bool = False


Block: TypeAlias = Paragraph | Heading | BulletList

_MD = MarkdownIt("commonmark", {"html": False})


def _inline(token: Token) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None
    for child in token.children or []:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close":
            href = None
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold > 0, italic > 0, href))
        elif child.type in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0, href))
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
            run.bold,
            run.italic,
            run.href,
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            merged.append(run)
    return tuple(r for r in merged if r.text)


def parse_markdown(text: str) -> list[Block]:
    """Markdown (after binding) as blocks: paragraphs, subheadings and lists."""
    blocks: list[Block] = []
    tokens = _MD.parse(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            blocks.append(Heading(max(int(tok.tag[1:]) - 1, 1), _inline(tokens[i + 1])))
            i += 3
            continue
        if tok.type == "paragraph_open":
            blocks.append(Paragraph(_inline(tokens[i + 1])))
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            close = tok.type.replace("_open", "_close")
            items: list[tuple[Run, ...]] = []
            depth = 0
            j = i + 1
            while j < len(tokens) and not (tokens[j].type == close and depth == 0):
                if tokens[j].type == tok.type:
                    depth += 1
                elif tokens[j].type == close:
                    depth -= 1
                elif tokens[j].type == "inline":
                    items.append(_inline(tokens[j]))
                j += 1
            blocks.append(BulletList(tuple(items), tok.type.startswith("ordered")))
            i = j + 1
            continue
        i += 1
    return blocks


def plain_text(runs: tuple[Run, ...]) -> str:
    """The runs' text without emphasis."""
    return "".join(r.text for r in runs)


__all__ = ["Block", "BulletList", "Heading", "Paragraph", "Run", "parse_markdown", "plain_text"]

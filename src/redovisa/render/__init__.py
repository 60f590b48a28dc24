"""Rendering: one renderer per output format, over one :class:`~redovisa.report.Publication`.

``RENDERERS`` maps a format name to ``(file name, writer)``; a writer takes the publication
and the target path. ``json`` writes report.json from the document (DESIGN.md §4). Heavy
libraries (typst, python-docx, openpyxl, jinja2) are imported only when their format is
written, so ``redovisa --help`` stays fast and a missing extra names itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redovisa.report.publication import Publication

Writer = Callable[["Publication", Path], None]

# format -> (output file name, "module:function" of its writer); modules load on use.
RENDERERS: dict[str, tuple[str, str]] = {
    "pdf": ("rapport.pdf", "redovisa.render.pdf:write_pdf"),
    "html": ("rapport.html", "redovisa.render.html:write_html"),
    "docx": ("rapport.docx", "redovisa.render.docx:write_docx"),
    "xlsx": ("rapport.xlsx", "redovisa.render.xlsx:write_xlsx"),
    "md": ("rapport.md", "redovisa.render.md:write_markdown"),
    "json": ("report.json", "redovisa.render:write_report_json"),
}
# the PyPI package each format needs beyond the base install
EXTRAS = {"pdf": "typst", "docx": "python-docx", "html": "jinja2"}


def write_report_json(pub: Publication, path: Path) -> None:
    """report.json of the publication's document (redovisa.render.json)."""
    from redovisa.render.json import write_json  # noqa: PLC0415

    write_json(pub.document, path)


def renderer(fmt: str) -> tuple[str, Writer]:
    """The output file name and writer of a format; KeyError for an unknown format."""
    name, target = RENDERERS[fmt]
    module, _, function = target.partition(":")
    writer: Writer = getattr(importlib.import_module(module), function)
    return name, writer


def write_all(pub: Publication, out: Path, formats: list[str]) -> list[Path]:
    """Write ``pub`` in every format into ``out``; the paths written, in order."""
    paths = []
    for fmt in formats:
        name, writer = renderer(fmt)
        path = out / name
        writer(pub, path)
        paths.append(path)
    return paths


__all__ = ["EXTRAS", "RENDERERS", "renderer", "write_all", "write_report_json"]

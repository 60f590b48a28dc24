"""The CLI reference (docs/cli.md), generated from the commands' own ``--help``.

``python -m redovisa.cli.reference`` rewrites docs/cli.md; ``--check`` exits 1 when it is stale.
A test runs the check, so the reference cannot drift from the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from redovisa.cli import cli
from redovisa.cli.commands import register

DOC = Path(__file__).resolve().parents[3] / "docs" / "cli.md"

HEADER = """# Command-line reference

Generated from `redovisa --help` by `python -m redovisa.cli.reference`; a test keeps it current.
Exit codes: 0 success (warnings allowed), 1 the input or report has errors, 2 usage error.
"""


def _walk(
    command: click.Command, path: list[str], parent: click.Context | None
) -> list[tuple[list[str], str]]:
    """Each command with its help text, in the contexts it really runs in (so ``-h`` shows)."""
    settings = {"terminal_width": 100, "max_content_width": 100, **command.context_settings}
    ctx = click.Context(command, parent=parent, info_name=path[-1], **settings)
    out = [(path, command.get_help(ctx))]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            out += _walk(command.commands[name], [*path, name], ctx)
    return out


def reference() -> str:
    """The Markdown text of the CLI reference."""
    register(cli)
    parts = [HEADER]
    for path, help_text in _walk(cli, ["redovisa"], None):
        level = "#" * min(len(path) + 1, 4)
        parts.append(f"{level} `{' '.join(path)}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    """Write docs/cli.md, or with ``--check`` report whether it is current."""
    text = reference()
    if "--check" in argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/cli.md is stale: run python -m redovisa.cli.reference", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

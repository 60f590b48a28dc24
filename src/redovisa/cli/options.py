"""Options shared by several commands, defined once (sqlite-utils' ``output_options`` idea)."""

from __future__ import annotations

import click

diagnostics_format = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: en rad per problem på stderr; json: en lista på stdout.",
)
"""``--format text|json`` for commands that report diagnostics."""

quiet = click.option(
    "--quiet", "-q", is_flag=True, help="Visa inte information (bara fel och varningar)."
)
"""``--quiet``: hide info-level diagnostics."""

__all__ = ["diagnostics_format", "quiet"]

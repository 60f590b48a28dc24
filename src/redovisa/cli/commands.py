"""Registry of CLI commands: each command module is added here, once."""

from __future__ import annotations

import importlib

import click

# module name -> attribute holding the click command or group
COMMAND_MODULES: tuple[tuple[str, str], ...] = (
    ("redovisa.cli.sie_cmd", "sie"),
    ("redovisa.cli.import_cmd", "import_"),
    ("redovisa.cli.demo_cmd", "demo"),
)


def register(group: click.Group) -> None:
    """Add every command whose module exists to ``group``."""
    for module_name, attr in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name == module_name:
                continue
            raise
        group.add_command(getattr(module, attr))

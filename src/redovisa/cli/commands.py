"""Registry of CLI commands: each command module is added here, once."""

from __future__ import annotations

import importlib

import click

# (module, attribute holding the click command or group), added to the top-level group
COMMAND_MODULES: tuple[tuple[str, str], ...] = (
    ("redovisa.cli.sie_cmd", "sie"),
    ("redovisa.cli.import_cmd", "import_"),
    ("redovisa.cli.build_cmd", "build"),
    ("redovisa.cli.check_cmd", "check"),
    ("redovisa.cli.new_cmd", "new"),
    ("redovisa.cli.demo_cmd", "demo"),
    ("redovisa.cli.goals_cmd", "hr"),
    ("redovisa.cli.goals_cmd", "goals"),
    ("redovisa.cli.assets_cmd", "assets"),
)

# subcommands of `redovisa sie` that live in their own modules
SIE_SUBCOMMANDS: tuple[tuple[str, str], ...] = (
    ("redovisa.cli.sie_data_cmd", "balances"),
    ("redovisa.cli.sie_data_cmd", "dump"),
    ("redovisa.cli.sie_convert_cmd", "convert"),
)


def _load(module_name: str, attr: str) -> click.Command | None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name == module_name:
            return None
        raise
    command = getattr(module, attr)
    assert isinstance(command, click.Command)
    return command


def register(group: click.Group) -> None:
    """Add every command to ``group`` (once; calling again is harmless)."""
    for module_name, attr in COMMAND_MODULES:
        command = _load(module_name, attr)
        if command is not None:
            group.add_command(command)
    sie = group.commands.get("sie")
    if isinstance(sie, click.Group):
        for module_name, attr in SIE_SUBCOMMANDS:
            command = _load(module_name, attr)
            if command is not None:
                sie.add_command(command)

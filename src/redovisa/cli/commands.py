"""Registry of CLI commands: each command's name, where it lives and its one-line help, once.

Nothing here imports a command module. ``redovisa --help`` lists the commands from this table, and a
command's module (with the packages it needs) is imported only when that command runs or shows its
own help: ``redovisa import`` does not pay for the report, render and checks packages. A test keeps
each summary equal to the first paragraph of the command's own help.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from gettext import gettext as _
from typing import Any, NamedTuple

import click


class LazyCommand(NamedTuple):
    """A command known by name before its module is imported."""

    target: str
    """``"module:attribute"`` holding the click command or group."""
    summary: str
    """The first paragraph of the command's help, which ``--help`` of its group shortens."""

    def load(self) -> click.Command | None:
        """The command itself, imported now; None when its module is not there."""
        module_name, _, attr = self.target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name == module_name:
                return None
            raise
        command = getattr(module, attr)
        assert isinstance(command, click.Command)
        return command

    def stand_in(self, name: str) -> click.Command:
        """A command with only the summary, for the listing in the group's ``--help``."""
        return click.Command(name, help=self.summary)


# the top-level commands of `redovisa`
COMMANDS: Mapping[str, LazyCommand] = {
    "sie": LazyCommand(
        "redovisa.cli.sie_cmd:sie",
        "SIE-verktyg: kontrollera, visa och skriv SIE 4-filer.",
    ),
    "import": LazyCommand(
        "redovisa.cli.import_cmd:import_",
        "Läs in SIE-filer i databasen: kontrollera, validera och ladda i en transaktion.",
    ),
    "build": LazyCommand(
        "redovisa.cli.build_cmd:build",
        "Bygg rapporten: tabeller, text och diagram i de valda formaten.",
    ),
    "check": LazyCommand(
        "redovisa.cli.check_cmd:check",
        "Granska en rapport: summor, noter, tabeller mot varandra, text och mål.",
    ),
    "new": LazyCommand(
        "redovisa.cli.new_cmd:new",
        "Skapa ett nytt rapportprojekt med kommenterad redovisa.toml och exempeltext.",
    ),
    "demo": LazyCommand(
        "redovisa.cli.demo_cmd:demo",
        "Bygg exemplet Kommunalförbundet Lystkom (delårsrapport 2024-06-30) i alla format.",
    ),
    "hr": LazyCommand(
        "redovisa.cli.goals_cmd:hr",
        "Personal: sjukfrånvaro ur HR-exporten (docs/sick-leave.md).",
    ),
    "goals": LazyCommand(
        "redovisa.cli.goals_cmd:goals",
        "Måluppfyllelse: varje målvärde med utfall, prognos och bedömning.",
    ),
    "assets": LazyCommand(
        "redovisa.cli.assets_cmd:assets",
        "Anläggningsregister: avskrivningsplan, avskrivningsverifikationer, avstämning, förslag.",
    ),
}

# subcommands of `redovisa sie` that live in their own modules (`sie validate` is in sie_cmd)
SIE_SUBCOMMANDS: Mapping[str, LazyCommand] = {
    "balances": LazyCommand(
        "redovisa.cli.sie_data_cmd:balances",
        "Per konto: IB, UB och RES för år 0 och summan av årets transaktioner.",
    ),
    "dump": LazyCommand(
        "redovisa.cli.sie_data_cmd:dump",
        "Skriv verifikationernas rader som CSV eller JSON, en rad per transaktion.",
    ),
    "convert": LazyCommand(
        "redovisa.cli.sie_convert_cmd:convert",
        "Läs en SIE-fil (typ 1-4, vilken teckenkodning som helst) och skriv ren SIE 4.",
    ),
}


class LazyGroup(click.Group):
    """A click group whose registered subcommands are imported on first use (click's LazyGroup).

    ``lazy_commands`` maps a name to a :class:`LazyCommand`; a loaded command joins ``commands``.
    """

    def __init__(
        self,
        *args: Any,
        lazy_commands: Mapping[str, LazyCommand] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, LazyCommand] = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self.load(cmd_name)

    def load(self, name: str) -> click.Command | None:
        """The subcommand ``name``, imported now if it is not yet; None when there is none."""
        if name not in self.commands and name in self.lazy_commands:
            command = self.lazy_commands[name].load()
            if command is not None:
                self.add_command(command, name)
        return self.commands.get(name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as e:
            # click (8.4 and later) suggests names from `commands`, which holds only the loaded ones
            no_such = getattr(click.exceptions, "NoSuchCommand", None)
            if no_such is None or not isinstance(e, no_such):
                raise
            raise no_such(
                e.command_name, possibilities=self.list_commands(ctx), ctx=e.ctx
            ) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing, with a stand-in for each command not imported yet."""
        shown: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                command = self.commands[name]
            else:
                command = self.lazy_commands[name].stand_in(name)
            if not command.hidden:
                shown.append((name, command))
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            rows = [(name, command.get_short_help_str(limit)) for name, command in shown]
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def load_all(self) -> None:
        """Import every registered subcommand now, and theirs (for the CLI reference and tests)."""
        for name in self.lazy_commands:
            self.load(name)
        for command in list(self.commands.values()):
            if isinstance(command, LazyGroup):
                command.load_all()


def register(group: click.Group) -> None:
    """Add every command to ``group`` now, imported (once; calling again is harmless).

    The CLI itself does not need this (its group is a :class:`LazyGroup` over :data:`COMMANDS`);
    the CLI reference does, to walk every command's help.
    """
    for name, entry in COMMANDS.items():
        if name not in group.commands:
            command = entry.load()
            if command is not None:
                group.add_command(command, name)
    for command in list(group.commands.values()):
        if isinstance(command, LazyGroup):
            command.load_all()

"""The command line: a thin adapter over the library.

``main`` is the only place that maps errors to exit codes and calls ``sys.exit``:
0 success, 1 the input or report has errors (each reported), 2 usage error.
Each command lives in its own module in this package and is registered in
:mod:`redovisa.cli.commands`, which imports a command's module only when that command is used.
"""

from __future__ import annotations

import os
import sys

import click

from redovisa import __version__
from redovisa.cli import commands
from redovisa.core.errors import RedovisaError

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


@click.group(
    cls=commands.LazyGroup,
    lazy_commands=commands.COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="redovisa")
def cli() -> None:
    """redovisa: uppföljning och lagstadgade rapporter för kommuner, regioner och kommunalförbund.

    Reads SIE4 ledgers, computes the financial statements and builds
    delårsrapport and årsredovisning.
    """


_skip_teardown = False


def skip_teardown() -> None:
    """End the process without Python's teardown once the command returns.

    For a command that has closed and flushed everything it opened: the teardown of DuckDB and
    pyarrow (their thread pools, allocators and static objects) takes 0.1-0.2 s and writes
    nothing. ``main`` honours it only when it runs as the program (no ``argv``).
    """
    global _skip_teardown  # noqa: PLW0603 - one flag for the one process
    _skip_teardown = True


def _register() -> None:
    """Import every command now (the CLI reference and tests; ``main`` imports them as used)."""
    commands.register(cli)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; never shows a traceback for bad input."""
    try:
        rc = cli.main(args=argv, prog_name="redovisa", standalone_mode=False)
    except click.exceptions.Exit as e:
        rc = e.exit_code
    except click.exceptions.Abort:
        click.echo("Avbrutet.", err=True)
        rc = EXIT_ERRORS
    except click.ClickException as e:
        e.show()
        rc = e.exit_code
    except RedovisaError as e:
        click.echo(f"fel: {e}", err=True)
        rc = EXIT_ERRORS
    except KeyboardInterrupt:
        click.echo("Avbrutet.", err=True)
        rc = 130
    except BrokenPipeError:
        rc = EXIT_OK
    code = rc if isinstance(rc, int) else EXIT_OK
    if argv is None and _skip_teardown:  # the program itself, not a test calling main
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)

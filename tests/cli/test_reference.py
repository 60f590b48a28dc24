from __future__ import annotations

import subprocess
import sys

from redovisa.cli.reference import reference


def test_cli_reference_is_current() -> None:
    # In a fresh process: click caches each command's help option, so commands invoked
    # directly by other tests would show a different help flag here.
    result = subprocess.run(
        [sys.executable, "-m", "redovisa.cli.reference", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_cli_reference_documents_every_command() -> None:
    text = reference()
    commands = ("sie validate", "sie balances", "sie dump", "sie convert", "import", "build")
    for command in (*commands, "check", "new", "demo", "assets schedule", "hr sickleave"):
        assert f"`redovisa {command}`" in text

"""Start-up: a command imports only what it needs, and ``--help`` lists what it listed before.

``redovisa import`` is timed as a whole process against DuckDB, so importing the report, render
and checks packages (or rich, or the SIE writer) on its way in is a regression. The probe runs the
CLI in a fresh interpreter and writes ``sys.modules`` at exit.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import redovisa.ledger
import redovisa.sie
from redovisa.cli.commands import COMMANDS, SIE_SUBCOMMANDS, LazyCommand, LazyGroup
from redovisa.cli.import_cmd import PROGRESS_AFTER, LazyProgress
from redovisa.ledger import native_pass

PROBE = """
import atexit, sys
out, args = sys.argv[1], sys.argv[2:]

def dump() -> None:
    with open(out, "w", encoding="utf-8") as f:
        f.write("\\n".join(sorted(sys.modules)))

atexit.register(dump)
from redovisa.cli import main
main(args)
"""

# packages and modules that `redovisa import` has no use for
NOT_FOR_IMPORT = (
    "redovisa.assets",
    "redovisa.checks",
    "redovisa.coa",
    "redovisa.goals",
    "redovisa.hr",
    "redovisa.render",
    "redovisa.report",
    "redovisa.statements",
    "redovisa.sie.writer",  # via redovisa.sie's __init__, before it was lazy
    "redovisa.ledger.queries",  # via redovisa.ledger's __init__, likewise
    "rich",  # only once an import has run for a second (and stderr is a terminal)
)

LEDGER = """#FLAGGA 0
#SIETYP 4
#FNAMN "Kommunalförbundet Test"
#RAR 0 20240101 20241231
#KONTO 1930 "Bank"
#KONTO 5010 "Lokalhyra"
#VER A 1 20240115 "Hyra januari"
{
#TRANS 5010 {} 3000.00
#TRANS 1930 {} -3000.00
}
"""


def run_probe(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``redovisa ARGS`` in a fresh interpreter; its result and the modules it imported."""
    out = tmp_path / "modules.txt"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    return result, set(out.read_text(encoding="utf-8").split("\n"))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_import_help_imports_only_what_the_import_needs(tmp_path: Path) -> None:
    result, modules = run_probe(tmp_path, "import", "--help")
    assert result.returncode == 0, result.stderr
    assert "Läs in SIE-filer i databasen" in result.stdout
    assert "redovisa.cli.import_cmd" in modules
    # DuckDB and pyarrow are imported only once the C pass over the file has started
    assert loaded(modules, ("duckdb", "pyarrow", "redovisa.ledger.importer")) == []
    assert loaded(modules, NOT_FOR_IMPORT) == []
    others = sorted(m for m in modules if m.endswith("_cmd") and m != "redovisa.cli.import_cmd")
    assert others == []


def test_an_import_imports_only_what_it_needs(tmp_path: Path) -> None:
    source = tmp_path / "bok.se"
    source.write_bytes(LEDGER.encode("cp437"))
    result, modules = run_probe(tmp_path, "import", str(source), "--db", str(tmp_path / "r.duckdb"))
    assert result.returncode == 0, result.stderr
    assert "verifikationer 1, transaktionsrader 2" in result.stdout
    assert loaded(modules, NOT_FOR_IMPORT) == []


EARLY_PROBE = """
import sys
from redovisa.ledger import native_pass
started = native_pass.start

def start(path):
    print("duckdb imported when the pass started:", "duckdb" in sys.modules)
    return started(path)

native_pass.start = start
from redovisa.cli import main
main(sys.argv[1:])
"""


@pytest.mark.skipif(not native_pass.available(), reason="C pass not built")
def test_an_import_starts_the_c_pass_before_importing_duckdb(tmp_path: Path) -> None:
    source = tmp_path / "bok.se"
    source.write_bytes(LEDGER.encode("cp437"))
    result = subprocess.run(
        [sys.executable, "-c", EARLY_PROBE, "import", str(source), "--db", str(tmp_path / "r.db")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "duckdb imported when the pass started: False" in result.stdout
    assert "verifikationer 1, transaktionsrader 2" in result.stdout


def test_top_level_help_imports_no_command(tmp_path: Path) -> None:
    result, modules = run_probe(tmp_path, "--help")
    assert result.returncode == 0, result.stderr
    for name in COMMANDS:
        assert f"\n  {name} " in result.stdout
    assert sorted(m for m in modules if m.endswith("_cmd")) == []
    assert loaded(modules, ("duckdb", "pyarrow", "redovisa.ledger", "redovisa.sie")) == []


@pytest.mark.parametrize(
    ("table", "name"),
    [(COMMANDS, name) for name in COMMANDS] + [(SIE_SUBCOMMANDS, name) for name in SIE_SUBCOMMANDS],
)
def test_registered_summary_is_the_commands_own(
    table: Mapping[str, LazyCommand], name: str
) -> None:
    entry = table[name]
    command = entry.load()
    assert command is not None
    assert command.name == name
    assert not command.hidden and not command.deprecated and command.short_help is None
    stand_in = entry.stand_in(name)
    for limit in range(10, 130):
        assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit), limit


LISTINGS = """
import sys
from click.testing import CliRunner
from redovisa.cli import _register, cli

def listings() -> list[str]:
    runner = CliRunner()
    args = [["--help"]] * 3 + [["sie", "--help"]] * 3
    return [runner.invoke(cli, a, terminal_width=w).output for a, w in zip(args, [60, 80, 120] * 2)]

lazy = listings()
assert not {"redovisa.cli.build_cmd", "redovisa.cli.sie_data_cmd"} & set(sys.modules)
_register()
assert "redovisa.cli.sie_data_cmd" in sys.modules
eager = listings()
print("same" if lazy == eager else "\\n".join(lazy + ["---"] + eager))
"""


def test_lazy_listing_is_the_listing_of_the_loaded_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LISTINGS], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "same"


@pytest.mark.parametrize(
    ("table", "typed", "meant"),
    [(COMMANDS, "imp", "import"), (SIE_SUBCOMMANDS, "conv", "convert"), (COMMANDS, "xyz", None)],
)
def test_unknown_command_suggests_one_not_yet_imported(
    table: Mapping[str, LazyCommand], typed: str, meant: str | None
) -> None:
    group = LazyGroup(name="g", lazy_commands=table)  # nothing imported yet
    result = CliRunner().invoke(group, [typed])
    assert result.exit_code == 2
    assert group.commands == {}
    message = f"Error: No such command '{typed}'."
    if meant is not None:
        message += f" Did you mean '{meant}'?"
    assert result.output.endswith(message + "\n")


@pytest.mark.parametrize("package", [redovisa.sie, redovisa.ledger])
def test_lazy_package_names_are_their_modules_objects(package: ModuleType) -> None:
    exports: dict[str, tuple[str, ...]] = vars(package)["_EXPORTS"]
    assert sorted(n for names in exports.values() for n in names) == sorted(package.__all__)
    for module_name, names in exports.items():
        module = importlib.import_module(module_name)
        for name in names:
            assert getattr(package, name) is getattr(module, name)
    assert set(package.__all__) <= set(dir(package))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = package.nothing_here


def test_progress_bar_appears_only_after_a_second() -> None:
    with LazyProgress(enabled=True) as progress:
        progress("läser", 0.1)
        assert progress._progress is None  # too soon: no bar (and rich not needed for it)
        progress.start -= PROGRESS_AFTER
        progress("läser", 0.5)
        bar = progress._progress
        assert bar is not None
        assert [(t.description, t.completed) for t in bar.tasks] == [("läser", 50.0)]
    assert progress._progress is None
    with LazyProgress(enabled=False) as off:
        off.start -= PROGRESS_AFTER
        off("läser", 0.5)
        assert off._progress is None

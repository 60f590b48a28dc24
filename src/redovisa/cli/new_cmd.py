"""``redovisa new DIR [--example lystkom]``: create a report project to start from."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import click

EXAMPLES = {"lystkom": "lystkom-2024-06"}


def skeleton_dir() -> Path:
    """The bundled project skeleton (redovisa.toml with comments, text/*.md)."""
    return Path(str(resources.files("redovisa.report") / "skeleton"))


def example_dir(name: str) -> Path | None:
    """A bundled example project in the source tree (examples/NAME), if present."""
    root = Path(__file__).resolve().parents[3] / "examples" / EXAMPLES[name]
    return root if (root / "redovisa.toml").is_file() else None


def create_project(target: Path, example: str | None = None) -> list[Path]:
    """Create the project in ``target`` (which must not exist or be empty); files written."""
    if example is not None:
        source = example_dir(example)
        if source is None:
            raise click.ClickException(f"exemplet {example} finns inte i den här installationen")
        shutil.copytree(
            source,
            target,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("build", "__pycache__", "*.pyc"),
        )
    else:
        shutil.copytree(
            skeleton_dir(), target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
        )
        data = target / "data"
        data.mkdir(exist_ok=True)
        sample = Path(str(resources.files("redovisa") / "data" / "sample.se"))
        shutil.copyfile(sample, data / "ledger.se")
    (target / ".gitignore").write_text("build/\n", encoding="utf-8")
    return sorted(p for p in target.rglob("*") if p.is_file())


@click.command("new")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--example",
    type=click.Choice(sorted(EXAMPLES)),
    default=None,
    help="Utgå från ett färdigt exempel i stället för en tom mall.",
)
def new(directory: Path, example: str | None) -> None:
    """Skapa ett nytt rapportprojekt med kommenterad redovisa.toml och exempeltext.

    Exempel: redovisa new delar-2024 && redovisa build delar-2024 --format pdf,html
    """
    if directory.exists() and any(directory.iterdir()):
        raise click.UsageError(f"katalogen {directory} finns redan och är inte tom")
    directory.mkdir(parents=True, exist_ok=True)
    files = create_project(directory, example)
    for path in files:
        click.echo(str(path))
    click.echo(f"Nästa steg: redovisa build {directory} --format pdf,html", err=True)


__all__ = ["create_project", "new"]

"""``redovisa import DIR|FILE.se [--db URL]``: validate SIE files and load them into the store.

A thin adapter over :func:`redovisa.ledger.import_sie`: diagnostics go to stderr as
``path:line: CODE message``, a short Swedish summary to stdout, a progress bar to stderr when
an import takes more than a second (not with ``--quiet`` or when stderr is not a terminal).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import click

from redovisa.cli import skip_teardown
from redovisa.core.diagnostics import Severity
from redovisa.ledger import native_pass

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from redovisa.ledger.importer import ImportOutcome

EXIT_ERRORS = 1
SIE_SUFFIXES = frozenset({".se", ".si", ".sie"})
PROGRESS_AFTER = 1.0


class LazyProgress:
    """A rich progress bar on stderr that appears only once a run has taken a second.

    rich is imported then too: most imports finish sooner and never pay for it.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self.start < PROGRESS_AFTER:
                return
            from rich.console import Console  # noqa: PLC0415 - only a slow import needs it
            from rich.progress import Progress  # noqa: PLC0415

            progress = Progress(console=Console(stderr=True), transient=True)
            progress.start()
            self._progress = progress
            self._task = progress.add_task(stage, total=100)
        assert self._task is not None
        self._progress.update(self._task, description=stage, completed=fraction * 100)

    def close(self) -> None:
        """Remove the bar."""
        if self._progress is not None:
            self._progress.stop()
        self._progress = None

    def __enter__(self) -> LazyProgress:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def sources(source: Path) -> tuple[list[Path], Path]:
    """The SIE files of ``source`` and the default database path.

    A file: itself, and ``build/redovisa.duckdb`` in the current directory. A report project
    directory: its ``data/*.se`` files, and ``DIR/build/redovisa.duckdb``.
    """
    if source.is_dir():
        data = source / "data"
        files = sorted(
            p for p in (data.iterdir() if data.is_dir() else []) if p.suffix.lower() in SIE_SUFFIXES
        )
        return files, source / "build" / "redovisa.duckdb"
    return [source], Path("build") / "redovisa.duckdb"


def _amount(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def summary(path: str, outcome: ImportOutcome, seconds: float, db: str) -> str:
    """The Swedish summary of one import."""
    sie = outcome.header
    counts = outcome.counts
    assert counts is not None
    who = sie.company_name or "(namn saknas)"
    if sie.orgnr:
        who += f" ({sie.orgnr})"
    years = ", ".join(
        f"{y.start:%Y-%m-%d}–{y.end:%Y-%m-%d}"
        for y in sorted(sie.fiscal_years, key=lambda y: y.index)
    )
    lines = [
        f"{path}: {who}",
        f"  räkenskapsår: {years or 'inga (#RAR saknas)'}",
        f"  konton {_amount(counts.accounts)}, verifikationer {_amount(counts.vouchers)}, "
        f"transaktionsrader {_amount(counts.postings)}, saldon {_amount(counts.balances)}",
        f"  inläst på {seconds:.1f} s".replace(".", ",") + f" till {db}",
    ]
    return "\n".join(lines)


@click.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--db",
    "db_url",
    default=None,
    help="Databas: duckdb:///sökväg (standard: build/redovisa.duckdb) eller postgresql://...",
)
@click.option("--quiet", "-q", is_flag=True, help="Ingen förloppsindikator och ingen information.")
def import_(source: Path, db_url: str | None, quiet: bool) -> None:
    """Läs in SIE-filer i databasen: kontrollera, validera och ladda i en transaktion.

    SOURCE är en SIE-fil eller en rapportkatalog (då läses alla data/*.se). En fil med fel
    läses inte in (avslutas med 1); varningar skrivs ut och filen läses in. Samma
    organisation och räkenskapsår ersätts vid ny inläsning, dubbleras aldrig.

    Example:

        redovisa import data/ledger.se --db duckdb:///build/kommun.duckdb
    """
    files, default_db = sources(source)
    if not files:
        click.echo(f"fel: inga SIE-filer (*.se) i {source / 'data'}", err=True)
        raise click.exceptions.Exit(EXIT_ERRORS)
    url = db_url if db_url is not None else str(default_db)
    began = time.monotonic()
    # the C pass starts reading the first file now, while DuckDB and pyarrow are imported
    ahead = native_pass.start(files[0])
    try:
        failed = _import_all(files, url, quiet, began, ahead)
    finally:
        if ahead is not None:
            ahead.close()
    # the store is closed, the pass stopped, the temporary files removed, the output written
    skip_teardown()
    if failed:
        raise click.exceptions.Exit(EXIT_ERRORS)


def _import_all(
    files: list[Path], url: str, quiet: bool, began: float, ahead: native_pass.NativePass | None
) -> int:
    """Import each file; the number that were not imported."""
    from redovisa.ledger import LedgerStore, import_sie  # noqa: PLC0415 - after the pass started

    failed = 0
    with LedgerStore.open(url) as store:
        for i, path in enumerate(files):
            shown = str(path)
            started = began if i == 0 else time.monotonic()
            with LazyProgress(enabled=not quiet and sys.stderr.isatty()) as progress:
                outcome = import_sie(
                    store,
                    path,
                    display_path=shown,
                    progress=progress,
                    started=ahead if i == 0 else None,
                )
            seconds = time.monotonic() - started
            for d in outcome.diagnostics:
                if quiet and d.severity is Severity.INFO:
                    continue
                click.echo(d.format_text(), err=True)
            if outcome.imported:
                click.echo(summary(shown, outcome, seconds, store.path))
            else:
                failed += 1
                errors = sum(1 for d in outcome.diagnostics if d.is_error)
                click.echo(f"{shown}: inte inläst, {errors} fel; databasen är oförändrad", err=True)
    return failed

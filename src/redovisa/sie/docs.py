"""Generate ``docs/diagnostics.md`` from the diagnostic code registry.

Run ``python -m redovisa.sie.docs`` to rewrite the file, ``python -m redovisa.sie.docs --check``
to fail when it is stale (``tests/diagnostics/test_diagnostics_catalogue.py`` does the same).
Every ``codes`` module of a redovisa package is imported first, so codes registered by other
packages are listed too.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import redovisa
from redovisa.core.diagnostic_codes import CODES, CodeInfo

DOC_PATH = Path("docs") / "diagnostics.md"

_HEADER = """\
# Diagnostics

Every problem redovisa finds in its input has a stable code, a severity and a Swedish message
that says what is wrong and what to do. This catalogue is generated from the code registry by
`python -m redovisa.sie.docs`; do not edit it by hand. Each code has a reproducer,
`tests/diagnostics/<CODE>.se`, with the diagnostics it gives in `tests/diagnostics/<CODE>.expected`.

Severities: **error** — the input is wrong and must be corrected (`redovisa sie validate` exits
with 1); **warning** — the input is read but something looks wrong; **info** — for the record.

| code | severity | title (sv) | meaning |
|---|---|---|---|
"""


def load_all_codes(failures: list[str] | None = None) -> dict[str, CodeInfo]:
    """Import every ``redovisa.<package>.codes`` module and return the registry.

    A package whose import fails is left out and named in ``failures`` (its codes cannot be
    listed until it imports again); the SIE codes are always there.
    """
    importlib.import_module("redovisa.sie.codes")
    for info in pkgutil.iter_modules(redovisa.__path__):
        if not info.ispkg:
            continue
        name = f"redovisa.{info.name}.codes"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name and failures is not None:
                failures.append(f"{name}: {e}")
        except Exception as e:  # another package's import error is reported, not fatal here
            if failures is not None:
                failures.append(f"{name}: {type(e).__name__}: {e}")
    return dict(CODES)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(failures: list[str] | None = None) -> str:
    """The Markdown text of the catalogue, one row per registered code, sorted by code."""
    rows = [
        f"| `{c.code}` | {c.severity} | {_cell(c.title)} | {_cell(c.description)} |\n"
        for c in sorted(load_all_codes(failures).values(), key=lambda c: c.code)
    ]
    return _HEADER + "".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``docs/diagnostics.md``; returns an exit status."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(next((a for a in args if not a.startswith("-")), DOC_PATH))
    failures: list[str] = []
    text = render(failures)
    for failure in failures:
        sys.stderr.write(f"varning: koderna i {failure} kunde inte läsas in\n")
    if "--check" in args:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            sys.stderr.write(f"{path} är inaktuell; kör python -m redovisa.sie.docs\n")
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

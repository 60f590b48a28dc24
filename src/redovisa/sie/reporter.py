"""Collects the diagnostics of one read, with a cap per code so a broken huge file stays small."""

from __future__ import annotations

import redovisa.sie.codes  # noqa: F401 - registers the SIE codes
from redovisa.core.diagnostic_codes import CODES
from redovisa.core.diagnostics import Diagnostic, SourceRef

MAX_PER_CODE = 1000
"""After this many diagnostics of one code, further ones are counted, not kept."""


class Reporter:
    """Diagnostics of one file, in the order found; severity comes from the code registry."""

    def __init__(self, path: str, max_per_code: int = MAX_PER_CODE) -> None:
        self.path = path
        self.items: list[Diagnostic] = []
        self.max_per_code = max_per_code
        self._counts: dict[str, int] = {}
        self._first_suppressed: dict[str, int | None] = {}

    def add(self, code: str, line: int | None, message: str) -> None:
        """Record one problem at ``line`` (None: the file as a whole)."""
        n = self._counts.get(code, 0) + 1
        self._counts[code] = n
        if n > self.max_per_code:
            self._first_suppressed.setdefault(code, line)
            return
        info = CODES[code]
        self.items.append(Diagnostic(code, info.severity, message, SourceRef(self.path, line)))

    def count(self, code: str) -> int:
        """How many problems with ``code`` were found (kept or not)."""
        return self._counts.get(code, 0)

    def finish(self) -> list[Diagnostic]:
        """All diagnostics, plus one summary per code that hit the cap."""
        out = list(self.items)
        for code, line in self._first_suppressed.items():
            hidden = self._counts[code] - self.max_per_code
            out.append(
                Diagnostic(
                    code,
                    CODES[code].severity,
                    f"ytterligare {hidden} fall av {code} visas inte (bara de första "
                    f"{self.max_per_code} visas); rätta dem ovan och läs in filen igen",
                    SourceRef(self.path, line),
                )
            )
        return out

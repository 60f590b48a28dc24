"""Helpers for the SIE reader tests: parse a dedented snippet under a standard header."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from redovisa.core.diagnostics import Diagnostic, SourceRef
from redovisa.sie import parse_sie_text
from redovisa.sie.records import SieFile

HEADER = """\
#FLAGGA 0
#PROGRAM "redovisa test" 1.0
#FORMAT PC8
#GEN 20250101
#SIETYP 4
#FNAMN "Testkommunen"
#RAR 0 20240101 20241231
#RAR -1 20230101 20231231
#KONTO 1510 "Kundfordringar"
#KONTO 1930 "Bank"
#KONTO 2440 "Leverantörsskulder"
#KONTO 3010 "Intäkter"
#KONTO 5010 "Lokalhyra"
"""
HEADER_LINES = HEADER.count("\n")


def sie(body: str = "", *, header: bool = True) -> tuple[SieFile, list[Diagnostic]]:
    """Parse ``body`` (dedented) after the standard header; line numbers count the header."""
    text = (HEADER if header else "") + textwrap.dedent(body)
    return parse_sie_text(text, path="t.se")


def codes(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """The codes, in order."""
    return [d.code for d in diagnostics]


def lines_of(diagnostics: Iterable[Diagnostic], code: str) -> list[int | None]:
    """The lines of the diagnostics with ``code``."""
    return [d.where.line for d in diagnostics if d.code == code and isinstance(d.where, SourceRef)]


def only(diagnostics: Iterable[Diagnostic], code: str) -> Diagnostic:
    """The one diagnostic with ``code`` (fails if there is not exactly one)."""
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [d.format_text() for d in diagnostics]
    return found[0]

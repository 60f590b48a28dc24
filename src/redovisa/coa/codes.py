"""Diagnostic codes of the chart-of-accounts mapping (MAP...)."""

from __future__ import annotations

from redovisa.core.diagnostic_codes import register
from redovisa.core.diagnostics import Severity

UNMAPPED = register(
    "MAP001",
    Severity.ERROR,
    "Konto saknar mappning",
    "An account with a balance or a movement matches no group of the mapping.",
)
DOUBLY_MAPPED = register(
    "MAP002",
    Severity.ERROR,
    "Konto mappas två gånger",
    "An account matches two groups with prefixes of the same length.",
)
BAD_MAPPING = register(
    "MAP003",
    Severity.ERROR,
    "Felaktig mappningsfil",
    "The mapping file is not valid TOML, has an unknown key, an unknown line or class,"
    " or a malformed account pattern.",
)
EXCLUDED_NOT_ZERO = register(
    "MAP004",
    Severity.WARNING,
    "Interna poster går inte jämnt ut",
    "The accounts of an excluded group (class 9) do not net to zero in a period.",
)

__all__ = ["BAD_MAPPING", "DOUBLY_MAPPED", "EXCLUDED_NOT_ZERO", "UNMAPPED"]

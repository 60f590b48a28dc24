"""The registry of diagnostic codes: code -> (severity, Swedish title, description).

Each package registers its codes here at import time through :func:`register`.
``docs/diagnostics.md`` is generated from this registry, and a test checks that
every code has a reproducer file under ``tests/diagnostics/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from redovisa.core.diagnostics import Severity


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a diagnostic code means."""

    code: str
    severity: Severity
    title: str
    description: str


CODES: dict[str, CodeInfo] = {}


def register(code: str, severity: Severity, title: str, description: str) -> str:
    """Register a code once; returns the code so modules can keep it as a constant."""
    if code in CODES and CODES[code] != CodeInfo(code, severity, title, description):
        raise ValueError(f"diagnostic code {code} registered twice with different meaning")
    CODES[code] = CodeInfo(code, severity, title, description)
    return code

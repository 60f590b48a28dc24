"""Core value types shared by every package: money, periods, diagnostics, errors.

Nothing here imports any other redovisa package.
"""

from __future__ import annotations

from redovisa.core.diagnostics import Diagnostic, ReportRef, Severity, SourceRef
from redovisa.core.errors import RedovisaError, StoreError
from redovisa.core.money import ZERO, parse_amount, to_unit

__all__ = [
    "ZERO",
    "Diagnostic",
    "RedovisaError",
    "ReportRef",
    "Severity",
    "SourceRef",
    "StoreError",
    "parse_amount",
    "to_unit",
]

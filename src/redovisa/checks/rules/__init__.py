"""The rules; importing this package registers every code and check function."""

from __future__ import annotations

from redovisa.checks.rules import balances, crosstable, goals, labels, prior, sums, text

__all__ = ["balances", "crosstable", "goals", "labels", "prior", "sums", "text"]

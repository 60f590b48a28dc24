"""Exceptions: only for bugs and the environment, never for bad user data.

::

    RedovisaError            anything redovisa raises on purpose
     +-- StoreError          the database failed (DuckDB or PostgreSQL error, mapped once)
     +-- InputError          an input could not be read at all (missing file, not readable)
     +-- MissingExtraError   an optional extra is not installed

Bad *content* of an input is reported as :class:`redovisa.core.Diagnostic` values.
"""

from __future__ import annotations


class RedovisaError(Exception):
    """Base of every exception redovisa raises on purpose."""


class StoreError(RedovisaError):
    """The ledger store (DuckDB or PostgreSQL) failed."""


class InputError(RedovisaError):
    """An input file could not be opened or read at all."""


class MissingExtraError(RedovisaError):
    """An optional dependency is missing; the message says what to install."""

"""Kontoplan: the mapping from accounts to statement lines, notes and kassaflöde classes.

The default mapping (Kommun-Bas) is data: ``data/kommun_bas.toml``; docs/coa.md has the format.
"""

from __future__ import annotations

from redovisa.coa.codes import BAD_MAPPING, DOUBLY_MAPPED, EXCLUDED_NOT_ZERO, UNMAPPED
from redovisa.coa.load import default_text, load_mapping, valid_pattern
from redovisa.coa.model import Group, Mapping, NoteDef
from redovisa.coa.resolve import Resolution, Resolver, accounts_by_group, coverage, expand

__all__ = [
    "BAD_MAPPING",
    "DOUBLY_MAPPED",
    "EXCLUDED_NOT_ZERO",
    "UNMAPPED",
    "Group",
    "Mapping",
    "NoteDef",
    "Resolution",
    "Resolver",
    "accounts_by_group",
    "coverage",
    "default_text",
    "expand",
    "load_mapping",
    "valid_pattern",
]

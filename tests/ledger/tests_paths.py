"""Paths shared by the ledger tests (the corpus location as in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

SIE_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "sie-corpus"

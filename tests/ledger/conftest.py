from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from redovisa.ledger.store import LedgerStore


@pytest.fixture
def store() -> Iterator[LedgerStore]:
    s = LedgerStore.open(":memory:")
    yield s
    s.close()

"""Shared fixtures: paths to the shared SIE corpus and the seed, golden-file updating."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SIE_CORPUS = SHARED / "sie-corpus"
SEED = SHARED / "seed"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sie_corpus() -> Path:
    if not SIE_CORPUS.is_dir():
        pytest.skip("../shared/sie-corpus is not present")
    return SIE_CORPUS


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.is_dir():
        pytest.skip("../shared/seed is not present")
    return SEED

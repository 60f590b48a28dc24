"""Fixtures of the asset tests."""

from __future__ import annotations

import pytest
from asset_helpers import make_config

from redovisa.assets import AssetConfig


@pytest.fixture
def config() -> AssetConfig:
    return make_config()

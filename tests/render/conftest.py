"""Fixtures: the Lystkom example built once per session, and its outputs in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from redovisa.report.publication import Publication, build_publication

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lystkom-2024-06"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def lystkom() -> Publication:
    pub, diags = build_publication(EXAMPLE)
    errors = [d.format_text() for d in diags if d.is_error]
    if pub is None:
        pytest.skip(f"the Lystkom example does not build yet: {errors}")
    assert errors == []
    return pub


@pytest.fixture(scope="session")
def outputs(lystkom: Publication, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from redovisa.render import RENDERERS, write_all

    out = tmp_path_factory.mktemp("lystkom")
    paths = write_all(lystkom, out, list(RENDERERS))
    return dict(zip(RENDERERS, paths, strict=True))

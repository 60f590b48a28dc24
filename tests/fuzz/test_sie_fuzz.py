"""A brief run of the atheris fuzz target, plus a hypothesis byte fuzzer in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redovisa.sie import parse_sie_bytes

HERE = Path(__file__).parent
TARGET = HERE / "fuzz_sie.py"
SEEDS = sorted((HERE / "corpus").iterdir())


def test_seed_corpus_parses() -> None:
    assert len(SEEDS) >= 5
    for path in SEEDS:
        doc, _diags = parse_sie_bytes(path.read_bytes())
        assert doc.encoding is not None


def test_atheris_target_runs_briefly(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(HERE / "corpus", corpus)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [sys.executable, str(TARGET), "-runs=2000", "-max_total_time=6", "-seed=1", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done" in result.stderr or "DONE" in result.stderr


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SEEDS), min_size=1, max_size=2), st.binary(max_size=64), st.data())
def test_mutated_seeds_never_raise(seeds: list[Path], junk: bytes, data: st.DataObject) -> None:
    blob = b"".join(p.read_bytes() for p in seeds)
    cut = data.draw(st.integers(0, len(blob)))
    parse_sie_bytes(blob[:cut] + junk + blob[cut:])

# redovisa: every target sets up its own virtual environment first.
# On a fresh machine with only Python and pip:  make demo  |  make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help setup demo test check lint types bench fuzz clean docs

help:
	@echo "make demo   build the example (imports the sample ledger and prints its trial balance)"
	@echo "make test   set up and run all tests"
	@echo "make check  lint (ruff), types (mypy) and tests"
	@echo "make bench  benchmarks (figures go in docs/performance.md)"
	@echo "make fuzz   fuzz the SIE reader for longer"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/redovisa demo

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

types: $(STAMP)
	$(BIN)/mypy

check: lint types test

bench: $(STAMP)
	$(BIN)/python bench/run.py

fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python tests/fuzz/fuzz_sie.py -max_total_time=300 tests/fuzz/corpus

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis

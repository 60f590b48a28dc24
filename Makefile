# redovisa: every target sets up its own virtual environment first.
# On a fresh machine with only Python and pip:  make demo  |  make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help setup demo test check lint types bench fuzz sanitize clean docs

help:
	@echo "make demo   build the Lystkom example report in every format into build/demo"
	@echo "make test   set up and run all tests"
	@echo "make check  lint (ruff), types (mypy) and tests"
	@echo "make bench  benchmarks (figures go in docs/performance.md)"
	@echo "make fuzz   fuzz the SIE reader for longer"
	@echo "make sanitize  the C import pass under AddressSanitizer and UBSan"

$(STAMP): pyproject.toml setup.py src/redovisa/ledger/_native.c
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
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	@command -v hledger >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && apt-get install -y -qq hledger ledger >/dev/null 2>&1; } || echo 'bench: hledger/ledger not installed; those comparisons are skipped'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/bench_native.py
	$(BIN)/python bench/bench_statements.py
	$(BIN)/python bench/bench_assets.py
	$(BIN)/python bench/bench_build.py

fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python tests/fuzz/fuzz_sie.py -max_total_time=300 tests/fuzz/corpus

# The C import pass under AddressSanitizer and UBSan, on the SIE corpus and damaged copies.
SAN_DIR := build/sanitize
sanitize: $(STAMP)
	rm -rf $(SAN_DIR) && mkdir -p $(SAN_DIR) && cp -r src $(SAN_DIR)/
	gcc -shared -fPIC -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -std=gnu11 \
	  -I"$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["include"])')" \
	  src/redovisa/ledger/_native.c \
	  -o $(SAN_DIR)/src/redovisa/ledger/_native$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 \
	  LD_PRELOAD="$$(gcc -print-file-name=libasan.so):$$(gcc -print-file-name=libubsan.so)" \
	  PYTHONPATH=$(SAN_DIR)/src $(BIN)/python tests/fuzz/native_sanitize.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis

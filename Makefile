# Two commands for a fresh machine: `make demo` and `make test`. Each makes .venv and installs
# the pinned versions (constraints.txt) first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint typecheck bench docs clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,media]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tanglaw demo --out demo-out

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# the whole suite, slow tests included (CI runs exactly this)
test: lint typecheck
	$(BIN)/pytest -n 2 -m "not spark" -q

# the default quick suite while developing
test-fast: $(STAMP)
	$(BIN)/pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_run.py
	$(BIN)/python benchmarks/bench_tips.py
	$(BIN)/python benchmarks/bench_pdq_index.py

docs: $(STAMP)
	$(BIN)/tanglaw contract > docs/contract.md
	$(BIN)/tanglaw typologies docs > docs/typologies.md

clean:
	rm -rf demo-out .pytest_cache .mypy_cache .ruff_cache

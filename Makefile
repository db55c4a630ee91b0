# Two commands for a fresh machine: `make demo` and `make test`. Each makes .venv and installs
# the pinned versions (constraints.txt) first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint typecheck bench docs clean browser postgres

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

# Debian's Chromium for the browser tests (Playwright drives it; `playwright install` cannot
# download browsers here). Installed when missing and we may; otherwise the one line to run.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get install -y -q chromium >/dev/null 2>&1 || \
	      { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install -y chromium"; exit 1; fi; }

# Debian's PostgreSQL for the tests of the store on PostgreSQL (tests/postgres.py starts a
# throw-away server per test process). Installed when missing and we may; otherwise the one line to run.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's postgresql for the PostgreSQL tests"; \
	    apt-get install -y -q postgresql >/dev/null 2>&1 || \
	      { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }; \
	  else echo "PostgreSQL tests need Debian's postgresql: sudo apt-get install -y postgresql"; exit 1; fi; }

# the whole suite, slow tests included (CI runs exactly this)
test: lint typecheck browser postgres
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
	$(BIN)/python -m tests.architecture > docs/architecture.md
	$(BIN)/python -m tanglaw.workbench.roles > docs/authorization.md

clean:
	rm -rf demo-out .pytest_cache .mypy_cache .ruff_cache

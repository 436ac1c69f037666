# Every habit a newcomer needs. The first target that needs it creates .venv and
# installs the exact versions in requirements/dev.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPEC ?= spec
OUT ?= generated

.PHONY: help generate check validate test test-fast lint docs serve-docs bench lock clean

help:
	@echo "make generate   render every output from $(SPEC)/ into $(OUT)/"
	@echo "make test       run the whole test suite (includes check)"
	@echo "make check      fail with a diff if $(OUT)/ is stale"
	@echo "make validate   check the spec only"
	@echo "make lint       mypy --strict and black --check on the toolkit"
	@echo "make docs       build the bilingual docs site into site/"
	@echo "make bench      run the benchmark, write bench/RESULTS.md"

$(STAMP): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

generate: $(STAMP)
	$(BIN)/python -m generator generate --spec $(SPEC) --out $(OUT)

check: $(STAMP)
	$(BIN)/python -m generator check --spec $(SPEC) --out $(OUT)

validate: $(STAMP)
	$(BIN)/python -m generator validate --spec $(SPEC)

test: $(STAMP)
	$(BIN)/python -m generator check --spec $(SPEC) --out $(OUT)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/python -m mypy
	$(BIN)/python -m black --check generator tests

lock:
	rm -rf /tmp/specgen-lock && $(PYTHON) -m venv /tmp/specgen-lock
	/tmp/specgen-lock/bin/pip install --quiet setuptools==80.9.0 -e ".[dev]"
	{ echo "# Exact versions of every package the toolkit and its tests install (pip freeze of a fresh"; \
	  echo "# venv with .[dev]); regenerate with: make lock"; \
	  /tmp/specgen-lock/bin/pip freeze --all --exclude-editable | grep -vE "^(pip|specgen)=="; } > requirements/dev.lock

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .hypothesis

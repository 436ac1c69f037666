# Every habit a newcomer needs. The first target that needs it creates .venv and
# installs the exact versions in requirements/dev.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPEC ?= spec
OUT ?= generated
# The docs site: its packages (requirements/docs.lock) go into the same venv.
DOCS_STAMP := $(VENV)/.docs-installed
DOCS_SRC := build/docs-src
SITE ?= site
PORT ?= 8000

# Node tools the tests run (OpenAPI linters), exact versions from package-lock.json. Node and npm
# come from Debian's packages when the machine has none.
NODE_STAMP := node_modules/.installed

.PHONY: help generate check validate breaking test test-fast lint docs serve-docs watch bench lock lock-docs clean

help:
	@echo "make generate   render every output from $(SPEC)/ into $(OUT)/"
	@echo "make test       run the whole test suite (includes check)"
	@echo "make watch      generate, then again on every save of $(SPEC)/ or a template (Ctrl-C stops)"
	@echo "make check      fail with a diff if $(OUT)/ is stale"
	@echo "make validate   check the spec only"
	@echo "make breaking   classify spec changes since the merge base with main; fail if the version lags"
	@echo "make lint       mypy --strict and black --check on the toolkit"
	@echo "make docs       build the docs site (every spec language) from $(OUT)/ into $(SITE)/"
	@echo "make serve-docs serve the site live on http://127.0.0.1:$(PORT)/: every save of $(SPEC)/ regenerates, pages reload"
	@echo "make bench      run the benchmark, write bench/RESULTS.md"

# The editable install in compat mode: the checkout on sys.path by a plain .pth (the default mode's
# import finder costs every specgen process about 20 ms at start-up; the code finds templates/ in
# the checkout either way).
$(STAMP): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
	  --config-settings editable_mode=compat -e .
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

$(DOCS_STAMP): requirements/docs.lock $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/docs.lock
	touch $(DOCS_STAMP)

generate: $(STAMP)
	$(BIN)/python -m generator generate --spec $(SPEC) --out $(OUT)

check: $(STAMP)
	$(BIN)/python -m generator check --spec $(SPEC) --out $(OUT)

# Regenerate on every save; a bad spec prints its problems and keeps the last good output.
watch: $(STAMP)
	$(BIN)/python -m generator watch --spec $(SPEC) --out $(OUT)

validate: $(STAMP)
	$(BIN)/python -m generator validate --spec $(SPEC)

test: $(STAMP) $(DOCS_STAMP) $(NODE_STAMP)
	$(MAKE) --no-print-directory breaking
	$(BIN)/python -m generator check --spec $(SPEC) --out $(OUT)
	$(BIN)/python -m generator lint --strict --spec $(SPEC)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# Stage mkdocs.yml and the pages from a fresh $(OUT)/ (it fails if $(OUT)/ is stale), then build
# strictly: a warning, a broken link or a page missing from the nav fails the build. (Never add
# --quiet: it drops warnings before --strict counts them.)
docs: $(DOCS_STAMP) $(NODE_STAMP)
	$(BIN)/python -m generator.site --spec $(SPEC) --generated $(OUT) --out $(DOCS_SRC) --site $(SITE)
	NO_MKDOCS_2_WARNING=1 PYTHAINLP_DATA=$(CURDIR)/build/pythainlp-data \
	  $(BIN)/mkdocs build --strict --config-file $(DOCS_SRC)/mkdocs.yml

# The edit -> see loop: regenerate $(OUT)/ on every save of the spec or a template, stage the MkDocs
# project again, and serve it with MkDocs' live reload on 127.0.0.1 (docs_site/serve.py: it renders
# again only the pages whose source changed; open pages reload themselves). Ctrl-C stops the watch
# and the server.
serve-docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 PYTHAINLP_DATA=$(CURDIR)/build/pythainlp-data \
	  $(BIN)/python -m generator.site_live --spec $(SPEC) --out $(OUT) --stage build/live/docs-src --port $(PORT)

# The working spec against the merge base with main: every change classified, and the version
# must move as far as the changes need (specgen diff). Skipped outside git or without a main.
breaking: $(STAMP)
	@base=$$(git merge-base HEAD main 2>/dev/null || true); \
	if [ -z "$$base" ]; then echo "make breaking: no merge base with main; nothing to compare"; \
	else $(BIN)/python -m generator diff "$$base:$(SPEC)" $(SPEC); fi

lint: $(STAMP)
	$(BIN)/python -m mypy
	$(BIN)/python -m black --check generator tests bench docs_site

# The benchmark's extra packages (matplotlib, msgspec, orjson), pinned in requirements/bench.lock,
# go into the same .venv. Takes several minutes (datamodel-codegen needs ~40 s on 500 objects);
# not part of `make test`. Scratch output in bench/work/ (ignored); writes bench/RESULTS.md and
# bench/results.png.
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP) requirements/bench.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/bench.lock
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py

lock:
	rm -rf /tmp/specgen-lock && $(PYTHON) -m venv /tmp/specgen-lock
	/tmp/specgen-lock/bin/pip install --quiet setuptools==80.9.0 -e ".[dev]"
	{ echo "# Exact versions of every package the toolkit and its tests install (pip freeze of a fresh"; \
	  echo "# venv with .[dev]); regenerate with: make lock"; \
	  /tmp/specgen-lock/bin/pip freeze --all --exclude-editable | grep -vE "^(pip|specgen)=="; } > requirements/dev.lock

lock-docs:
	rm -rf /tmp/specgen-docs-lock && $(PYTHON) -m venv /tmp/specgen-docs-lock
	/tmp/specgen-docs-lock/bin/pip install --quiet -r requirements/dev.lock -r requirements/docs.in
	{ echo "# Exact versions of the docs site's packages beyond requirements/dev.lock (pip freeze of a fresh"; \
	  echo "# venv with dev.lock and requirements/docs.in, less what dev.lock pins); regenerate with: make lock-docs"; \
	  /tmp/specgen-docs-lock/bin/pip freeze --all | $(PYTHON) -c 'import sys; \
	    pinned = {l.split("==")[0].lower() for l in open("requirements/dev.lock") if "==" in l} | {"pip"}; \
	    sys.stdout.writelines(l for l in sys.stdin if l.split("==")[0].lower() not in pinned)'; } > requirements/docs.lock

clean:
	rm -rf $(VENV) site node_modules .pytest_cache .mypy_cache .hypothesis

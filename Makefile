# One entry point for everything: `make demo` and `make test` bootstrap what they need on a fresh machine
# (Python 3.11, Node 20, access to PyPI and npm).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BUNDLE := openapi/dist/mykaarma.openapi.yaml
SPEC_SOURCES := $(shell find openapi -name '*.yaml' -not -path 'openapi/dist/*' 2>/dev/null)
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
export NO_UPDATE_NOTIFIER := 1

.PHONY: demo mock bench bench-mock help bootstrap bundle check-bundle lint lint-python generate check-generated docs test test-fast clean check-breaking prepare-release publish

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

$(VENV_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

bootstrap: $(VENV_STAMP) $(NODE_STAMP) ## Create .venv and node_modules (done automatically by other targets)

bundle: $(NODE_STAMP) $(VENV_STAMP) ## Bundle the split spec into openapi/dist/mykaarma.openapi.yaml
	$(PY) -m scripts.codegen.bundle

check-bundle: $(NODE_STAMP) $(VENV_STAMP) ## Fail if the committed bundle is stale
	$(PY) -m scripts.codegen.bundle --check

lint: $(NODE_STAMP) $(VENV_STAMP) check-bundle ## Validate and lint the spec: openapi-spec-validator, Redocly, Spectral
	$(VENV)/bin/openapi-spec-validator $(BUNDLE)
	node_modules/.bin/redocly lint --format stylish
	node_modules/.bin/spectral lint $(BUNDLE) --ruleset .spectral.yaml --fail-severity hint

lint-python: $(VENV_STAMP) ## ruff and mypy --strict on hand-written Python
	$(VENV)/bin/ruff check scripts tests overlays mock
	$(VENV)/bin/ruff format --check scripts tests overlays mock
	$(VENV)/bin/mypy --strict overlays/mykaarma overlays/mykaarma_core mock/mykaarma_mock
	$(VENV)/bin/mypy --strict scripts

generate: $(NODE_STAMP) $(VENV_STAMP) ## Bundle, regenerate generated/ and write the sync client from the async one
	$(PY) -m scripts.codegen.generate
	$(PY) -m scripts.codegen.unasync_client
	$(PY) -m scripts.codegen.api_md

check-generated: $(NODE_STAMP) $(VENV_STAMP) ## Fail if generated/, the bundle or the sync client differ from what their sources produce
	$(PY) -m scripts.codegen.check_generated
	$(PY) -m scripts.codegen.unasync_client --check
	$(PY) -m scripts.codegen.api_md --check

check-breaking: $(VENV_STAMP) ## Fail on a breaking spec change since the last release (openapi/releases/) without a major version
	$(PY) -m scripts.release.check_breaking

prepare-release: $(NODE_STAMP) $(VENV_STAMP) ## Record the spec's info.version as a release (openapi/releases/) and write its CHANGELOG.md section
	$(PY) -m scripts.release.prepare_release

publish: $(NODE_STAMP) $(VENV_STAMP) ## Check, build and upload mykaarma + mykaarma-mock to MYKAARMA_INDEX_URL (DRY_RUN=1: build and check only)
	scripts/publish $(if $(filter 1 true yes,$(DRY_RUN)),--dry-run) $(if $(filter 1 true yes,$(SKIP_TESTS)),--skip-tests)

docs: $(NODE_STAMP) $(VENV_STAMP) ## Build the API reference page docs/index.html (Redocly, no CDN assets; served by the mock at /docs)
	$(PY) -m scripts.codegen.docs

test: lint lint-python check-generated docs check-breaking ## Everything CI checks
	$(PY) -m pytest -n 2 tests

test-fast: $(VENV_STAMP) ## Tests without the slow generator runs
	$(PY) -m pytest -m 'not slow' tests

.PHONY: fuzz fuzz-sandbox conformance
conformance: $(NODE_STAMP) $(VENV_STAMP) ## Check a server against the spec with stock schemathesis and Prism (the mock; TARGET=https://... read-only)
	$(PY) -m scripts.conformance.run $(if $(TARGET),--target $(TARGET)) $(if $(SEED),--seed $(SEED)) $(CONFORMANCE_ARGS)

fuzz: $(VENV_STAMP) ## schemathesis on the mock: every check and phase, both tenants (SEED=n replays a run)
	$(PY) -m scripts.fuzz.run $(if $(SEED),--seed $(SEED))

fuzz-sandbox: $(VENV_STAMP) ## Fuzz a sandbox safely: TARGET=https://... (MYKAARMA_USERNAME/PASSWORD; FUZZ_ARGS=...)
	@test -n "$(TARGET)" || { echo "usage: make fuzz-sandbox TARGET=https://sandbox-host [FUZZ_ARGS='--dealer ...']"; exit 2; }
	$(PY) -m scripts.fuzz.sandbox $(TARGET) $(if $(SEED),--seed $(SEED)) $(FUZZ_ARGS)

demo: $(NODE_STAMP) $(VENV_STAMP) generate ## Bootstrap, regenerate, start the mock and run a short tour through the client
	$(PY) -m scripts.demo

mock: $(VENV_STAMP) ## Run the stateful mock on http://127.0.0.1:8080 (demo world, db under .mykaarma-mock/)
	$(PY) -m mykaarma_mock serve $(MOCK_ARGS)

bench: $(NODE_STAMP) $(VENV_STAMP) ## All benchmarks in one table (also reports/bench.md); not a test
	$(PY) -m scripts.bench.run

bench-mock: $(VENV_STAMP) ## Mock create-or-update throughput with 1k and 100k stored customers
	$(PY) -m scripts.bench.mock_throughput

clean: ## Remove build and test artefacts (keeps .venv and node_modules)
	rm -rf build dist reports .pytest_cache .mypy_cache .ruff_cache

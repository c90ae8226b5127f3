# One task runner for developers and CI. Every target creates the virtual
# environment it needs, so a fresh clone needs only Python 3.10+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

LOWEST := .venv-lowest

.PHONY: report test test-lowest lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

## report: verify every stated figure of the shipped report (text and JSON in $(OUT)/)
report: $(VENV)/.installed-run
	mkdir -p $(OUT)
	$(BIN)/chile-trade verify --format json > $(OUT)/verification.json.tmp
	mv $(OUT)/verification.json.tmp $(OUT)/verification.json
	$(BIN)/chile-trade verify
	@echo "JSON written to $(OUT)/verification.json"

## test: lint, type check, and the whole test suite, doctests included
test: lint
	MPLBACKEND=Agg $(BIN)/python -m pytest

## test-lowest: the test suite on the oldest dependency versions claimed (requirements-lowest.txt)
test-lowest:
	test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet -r requirements-lowest.txt
	$(LOWEST)/bin/python -m pip install --quiet --no-deps -e .
	MPLBACKEND=Agg $(LOWEST)/bin/python -m pytest -p no:cacheprovider

## lint: ruff and mypy on the package
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check chile_trade tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(LOWEST) $(OUT) .pytest_cache .hypothesis .mypy_cache .ruff_cache *.egg-info

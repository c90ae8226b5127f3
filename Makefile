# One task runner for developers and CI. Every target creates the virtual
# environment it needs, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LOWEST := .venv-lowest
MPL310 := .venv-mpl310

.PHONY: report figures readme eval bench bench-archive bench-ratio bench-adversarial fuzz fuzz-atheris test test-lowest test-mpl310 lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

# A Persian typeface for the Persian figures: Vazirmatn (SIL Open Font License), from the npm
# registry's tarball of the package `vazirmatn` (checked against its SHA-256; npm's own
# integrity field is the SHA-512 of the same file), installed into the user's font folder,
# where matplotlib and the package find it. Never kept in the repository.
FONT_DIR ?= $(HOME)/.local/share/fonts/chile_trade
VAZIRMATN := $(FONT_DIR)/Vazirmatn-Regular.ttf
VAZIRMATN_TGZ := https://registry.npmjs.org/vazirmatn/-/vazirmatn-33.0.3.tgz
VAZIRMATN_SHA256 := 9506e9e6a27e62b353c04a136c27de0cc3aa9e434658b45a6363f7c98c357090
$(VAZIRMATN):
	mkdir -p .cache/npm $(FONT_DIR)
	$(PYTHON) -c "import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])" $(VAZIRMATN_TGZ) .cache/npm/vazirmatn-33.0.3.tgz
	echo "$(VAZIRMATN_SHA256)  .cache/npm/vazirmatn-33.0.3.tgz" | sha256sum -c --quiet
	tar -xzf .cache/npm/vazirmatn-33.0.3.tgz -C .cache/npm package/fonts/ttf/Vazirmatn-Regular.ttf package/OFL.txt
	cp .cache/npm/package/OFL.txt $(FONT_DIR)/OFL.txt
	cp .cache/npm/package/fonts/ttf/Vazirmatn-Regular.ttf $@

## report: the main job on the shipped data: verdicts, figures, $(OUT)/report.html and exports
report: $(VENV)/.installed-run $(VAZIRMATN)
	$(BIN)/chile-trade verify
	$(BIN)/chile-trade report --out $(OUT)
	@echo "Open $(OUT)/report.html (self-contained, works offline)."

# The report test opens the page in headless Chromium, from Debian's packages.
$(CHROMIUM):
	$(SUDO) apt-get update -q
	$(SUDO) apt-get install -y -q chromium chromium-driver

# The JUnit XML schema Jenkins and Maven Surefire read (junit-10.xsd, MIT licence), which
# the tests validate `verify --format junit` against. pytest's source distribution on PyPI
# carries it for its own tests; it is fetched from there and checked, never committed.
JUNIT_XSD := .cache/junit-10.xsd
JUNIT_XSD_SHA256 := a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6
$(JUNIT_XSD): | $(BIN)/python
	mkdir -p .cache/sdist
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: pytest==8.4.2 -d .cache/sdist
	$(BIN)/python -c "import sys, tarfile; tarfile.open(sys.argv[1]).extractall('.cache/sdist', members=[sys.argv[2]], filter='data')" .cache/sdist/pytest-8.4.2.tar.gz pytest-8.4.2/testing/example_scripts/junit-10.xsd
	echo "$(JUNIT_XSD_SHA256)  .cache/sdist/pytest-8.4.2/testing/example_scripts/junit-10.xsd" | sha256sum -c --quiet
	cp .cache/sdist/pytest-8.4.2/testing/example_scripts/junit-10.xsd $@

## test: lint, type check, and the whole test suite, doctests included
test: lint $(CHROMIUM) $(JUNIT_XSD) $(VAZIRMATN)
	MPLBACKEND=Agg $(BIN)/python -m pytest

## test-lowest: the test suite on the oldest dependency versions claimed (requirements-lowest.txt)
test-lowest: $(CHROMIUM) $(JUNIT_XSD) $(VAZIRMATN)
	test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet -r requirements-lowest.txt
	$(LOWEST)/bin/python -m pip install --quiet --no-deps -e .
	MPLBACKEND=Agg $(LOWEST)/bin/python -m pytest -p no:cacheprovider

## test-mpl310: the test suite on matplotlib 3.10, which does not shape text (the reshaping path)
test-mpl310: $(CHROMIUM) $(JUNIT_XSD) $(VAZIRMATN)
	test -x $(MPL310)/bin/python || $(PYTHON) -m venv $(MPL310)
	$(MPL310)/bin/python -m pip install --quiet -e '.[test]' 'matplotlib==3.10.*'
	MPLBACKEND=Agg $(MPL310)/bin/python -m pytest -p no:cacheprovider

## figures: write every chart into figures/ (the repository keeps the current output)
figures: $(VENV)/.installed-run $(VAZIRMATN)
	$(BIN)/chile-trade figures --out figures

## bench-archive: documents/s, MB/s and peak memory on generated archives of 1,000 and 10,000
bench-archive: $(VENV)/.installed-run
	$(BIN)/python benchmarks/bench_archive.py

## readme: write the README's list of constructions from the frame rows
readme: $(VENV)/.installed-run
	$(BIN)/python -m chile_trade.core.reader.readme README.md

## eval: every public corpus scored with both readers of running text (score lines only:
## news/c is used blind); the tables corpus through its test
CORPORA = claims news/a news/b news/c
eval: $(VENV)/.installed-run
	@for reader in legacy core; do for corpus in $(CORPORA); do \
	  echo "== $$corpus ($$reader reader)"; \
	  CHILE_TRADE_READER=$$reader $(BIN)/python ../shared/corpus/claims/score.py \
	    --cmd $(BIN)/chile-trade ../shared/corpus/$$corpus | grep -E '^(checkable|claims:)'; \
	done; \
	echo "== tables ($$reader reader)"; \
	CHILE_TRADE_READER=$$reader $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/test_tables_corpus.py | tail -n 1; done

## bench-ratio: the pipeline's throughput as a ratio to a raw pass over the same files, and start-up against import pandas
bench-ratio: $(VENV)/.installed-run
	cd benchmarks && ../$(BIN)/python bench_ratio.py

## bench-adversarial: time against size (1x, 4x, 16x) on hostile inputs: linear means ratios of about 4 and 16
bench-adversarial: $(VENV)/.installed-run
	$(BIN)/python benchmarks/bench_adversarial.py

## fuzz: 100,000 generated inputs (50,000 text, 50,000 bytes) through reader, extractor, verifier
fuzz: $(VENV)/.installed-dev
	CHILE_TRADE_FUZZ_EXAMPLES=50000 $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py

## fuzz-atheris: 100,000 coverage-guided runs (atheris) from tests/fuzz_corpus and the seeds
FUZZ_WORK := .fuzz-work
FUZZ_RUNS ?= 100000
fuzz-atheris: $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	mkdir -p $(FUZZ_WORK)/corpus
	cp tests/fuzz_corpus/*.txt tests/fuzz_corpus/*.bin $(FUZZ_WORK)/corpus/
	-cp ../shared/seeds/* $(FUZZ_WORK)/corpus/ 2>/dev/null
	$(BIN)/python fuzz/fuzz_documents.py $(FUZZ_WORK)/corpus -runs=$(FUZZ_RUNS) -max_len=8192 \
		-dict=fuzz/documents.dict \
		-timeout=20 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_WORK)/ -print_final_stats=1

## bench: the package's overhead in writing all figures, against plain matplotlib
bench: $(VENV)/.installed-run
	$(BIN)/python benchmarks/bench_figures.py

## lint: ruff on the package, tests, benchmarks and fuzz target; mypy on the package
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check chile_trade tests benchmarks fuzz
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(LOWEST) $(MPL310) $(OUT) $(FUZZ_WORK) .pytest_cache .hypothesis .mypy_cache .ruff_cache *.egg-info

# openfisca-secu — les commandes du projet. `make demo` et `make test` fonctionnent sur une machine neuve.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLE := $(VENV)/.installe
CAS_YAML = $(shell find tests -name '*.yaml' | sort)

.PHONY: setup demo test lint format bench clean

setup: $(INSTALLE)

$(INSTALLE): setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/openfisca-secu simulate --period 2024-05 --size 100000 --reform reduction_generale_recentree --output out/demo

test: setup lint
	$(BIN)/pytest -q
	$(BIN)/openfisca test --country-package openfisca_secu $(CAS_YAML)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	$(BIN)/python bench/bench_paie.py

clean:
	rm -rf $(VENV) build dist *.egg-info

# Outil de développement : comparaison avec openfisca-france (dans son propre environnement, autre openfisca-core).
.PHONY: cross-check
cross-check: setup
	test -x .venv-oracle/bin/python || $(PYTHON) -m venv .venv-oracle
	.venv-oracle/bin/python -m pip install --quiet openfisca-france
	.venv-oracle/bin/python tools/cross_check_openfisca_france.py --secu-python $(BIN)/python

# Banc comparatif avec openfisca-france, installé dans son propre environnement (autre openfisca-core).
.PHONY: bench-compare
bench-compare: setup
	test -x .venv-oracle/bin/python || $(PYTHON) -m venv .venv-oracle
	.venv-oracle/bin/python -m pip install --quiet openfisca-france
	$(BIN)/python bench/bench_compare.py --python-france .venv-oracle/bin/python

# openfisca-secu — les commandes du projet. `make demo` et `make test` fonctionnent sur une machine neuve.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLE := $(VENV)/.installe
CAS_YAML = $(shell find tests -name '*.yaml' | sort)

.PHONY: setup demo test lint format bench clean serve page navigateur fuzz bench-api

setup: $(INSTALLE)

$(INSTALLE): setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/openfisca-secu simulate --period 2024-05 --size 100000 --reform reduction_generale_recentree --output out/demo

test: setup lint navigateur
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

# API Web du paquet (openfisca_secu.api : API OpenFisca + POST /inversion + page /simulateur) sur 127.0.0.1.
# make serve PORT=5001 REFORMES=openfisca_secu.reforms.reduction_generale_recentree.reduction_generale_recentree
PORT ?= 5000
REFORMES ?=
serve: setup
	$(BIN)/python -m openfisca_secu.api --port $(PORT) $(if $(REFORMES),--reforms $(REFORMES))

# Le simulateur de fiche de paie : une page statique servie par l'API elle-même.
page: setup
	@echo "Simulateur de fiche de paie : http://127.0.0.1:$(PORT)/simulateur"
	$(BIN)/python -m openfisca_secu.api --port $(PORT) $(if $(REFORMES),--reforms $(REFORMES))

# Chromium (tests de la page, pilotés par Playwright), tesseract (lecture des captures d'écran) et poppler-utils
# (pdftoppm : le PDF imprimé par Chromium rendu en image pour être relu), paquets Debian.
# S'ils manquent, ils sont installés avec apt-get quand c'est possible (root, apt-get), après l'avoir annoncé ;
# `make test INSTALLER_NAVIGATEUR=non` n'installe rien. Sans eux (ou si l'installation échoue, hors ligne), les tests
# de la page sont sautés avec la raison. Jamais `playwright install` : Playwright utilise le Chromium du système.
INSTALLER_NAVIGATEUR ?= oui
navigateur:
	@if command -v chromium >/dev/null && command -v tesseract >/dev/null && command -v pdftoppm >/dev/null; then :; \
	elif [ "$(INSTALLER_NAVIGATEUR)" != oui ]; then \
		echo "chromium, tesseract ou pdftoppm absent, INSTALLER_NAVIGATEUR=$(INSTALLER_NAVIGATEUR) : tests de la page sautés"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Tests de la page : installation des paquets Debian chromium, tesseract-ocr et poppler-utils (apt-get"; \
		echo "update puis apt-get install), absents de cette machine ; INSTALLER_NAVIGATEUR=non pour ne rien installer."; \
		if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium tesseract-ocr poppler-utils >/dev/null; \
		then echo "chromium, tesseract-ocr et poppler-utils installés."; \
		else echo "Installation impossible : les tests de la page seront sautés."; fi; \
	else echo "chromium, tesseract ou pdftoppm absent et pas d'apt-get en root : les tests de la page seront sautés"; fi

# Fuzzing long de l'API à partir de /spec (schemathesis, toutes les phases, 1 000 exemples par opération).
fuzz: setup
	FUZZ_LONG=1 $(BIN)/pytest -q tests/api/test_schemathesis.py

# Charge de l'API sur 127.0.0.1 : 5 000 fiches par 16 clients, 1 000 inversions, une requête de 10 000 salariés.
bench-api: setup
	$(BIN)/python bench/bench_api.py

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

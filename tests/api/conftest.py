"""Serveurs de l'API Web lancés pour de vrai sur 127.0.0.1, chacun sur un port libre, le temps de la session.

- `serveur` : l'application du paquet (`python -m openfisca_secu.api`, ce que lance `make serve`) ;
- `serveur_openfisca` : la commande standard `openfisca serve --country-package openfisca_secu` ;
- `serveur_reforme` : la même avec `--reforms tests.api.reforme_essai.ReformeEssai`.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

RACINE = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PERIODE = "2024-05"


def port_libre():
    with socket.socket() as prise:
        prise.bind(("127.0.0.1", 0))
        return prise.getsockname()[1]


def demarrer(commande, journal, delai=90):
    """Lance `commande` (avec --port ajouté), attend que l'API réponde, rend (processus, url)."""
    port = port_libre()
    environnement = {**os.environ, "PYTHONPATH": str(RACINE)}
    with open(journal, "w") as sortie:
        processus = subprocess.Popen(
            [*commande, "--port", str(port)], cwd=RACINE, env=environnement, stdout=sortie, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    limite = time.monotonic() + delai
    while time.monotonic() < limite:
        if processus.poll() is not None:
            raise RuntimeError(f"le serveur {commande} s'est arrêté :\n{Path(journal).read_text()}")
        try:
            requests.get(f"{url}/", timeout=2)
            return processus, url
        except (requests.ConnectionError, requests.Timeout):  # machine chargée : le serveur répond plus tard
            time.sleep(0.2)
    processus.terminate()
    raise RuntimeError(f"le serveur {commande} ne répond pas après {delai} s :\n{Path(journal).read_text()}")


def arreter(processus):
    processus.terminate()
    try:
        processus.wait(timeout=15)
    except subprocess.TimeoutExpired:
        processus.kill()
        processus.wait()


@pytest.fixture(scope="session")
def serveur(tmp_path_factory):
    journal = tmp_path_factory.mktemp("serveur") / "api.log"
    processus, url = demarrer([sys.executable, "-m", "openfisca_secu.api", "--workers", "2"], journal)
    yield url
    arreter(processus)


@pytest.fixture(scope="session")
def serveur_openfisca(tmp_path_factory):
    journal = tmp_path_factory.mktemp("serveur_openfisca") / "openfisca.log"
    commande = [str(BIN / "openfisca"), "serve", "--country-package", "openfisca_secu", "--workers", "1"]
    processus, url = demarrer(commande, journal)
    yield url
    arreter(processus)


@pytest.fixture(scope="session")
def serveur_reforme(tmp_path_factory):
    journal = tmp_path_factory.mktemp("serveur_reforme") / "reforme.log"
    commande = [
        str(BIN / "openfisca"),
        "serve",
        "--country-package",
        "openfisca_secu",
        "--workers",
        "1",
        "--reforms",
        "tests.api.reforme_essai.ReformeEssai",
    ]
    processus, url = demarrer(commande, journal)
    yield url
    arreter(processus)


def situation(salaire=3000.0, demandes=("salaire_net", "cout_total_employeur"), periode=PERIODE, **individu):
    """Situation d'une salariée `alice` dans un établissement et une entreprise, variables demandées à null."""
    alice = {"salaire_de_base": {periode: salaire}, **individu}
    alice.update({nom: {periode: None} for nom in demandes})
    return {
        "individus": {"alice": alice},
        "etablissements": {"siege": {"salaries": ["alice"], "taux_accident_travail": {periode: 0.0112}}},
        "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {periode: 35}}},
    }

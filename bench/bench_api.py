"""Banc d'essai de charge de l'API Web, sur la boucle locale (127.0.0.1) et en nombre de requêtes borné.

    python bench/bench_api.py [--requetes 5000] [--clients 16] [--inversions 1000] [--population 10000]
                              [--workers N] [--url http://127.0.0.1:5000]

Lance le serveur du paquet (`python -m openfisca_secu.api`, comme `make serve`) sur un port libre, sauf si --url
désigne un serveur déjà lancé, puis :

0. `--sequentielles` POST /calculate par un seul client (temps de service, sans file d'attente) ;
1. `--requetes` POST /calculate d'une fiche de paie complète (toutes les lignes et les totaux, une salariée, mois,
   salaire et situation tirés au hasard de 2012 à 2026), envoyés par `--clients` clients simultanés ;
2. `--inversions` POST /inversion (net → brut, une cible chacune), par les mêmes clients ;
3. une requête /calculate de `--population` salariés, chacun avec son établissement et son entreprise ;

et rapporte les erreurs (toute réponse autre que 200, toute exception), les latences p50, p90, p99 et max, et le
débit. Pas de seuil : c'est un rapport, lu par une personne (les tests ne mesurent jamais le temps). Les clients et
le serveur partagent la machine : sur 2 cœurs, ils se disputent le processeur.
"""

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy
import requests

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))

from openfisca_secu.variables.cotisations.totaux import (  # noqa: E402
    CONTRIBUTIONS_SALARIALES,
    COTISATIONS_EMPLOYEUR,
    COTISATIONS_SALARIALES,
    REDUCTIONS_EMPLOYEUR,
    REDUCTIONS_SALARIALES,
)

LIGNES = (
    *COTISATIONS_SALARIALES,
    *CONTRIBUTIONS_SALARIALES,
    *REDUCTIONS_SALARIALES,
    *COTISATIONS_EMPLOYEUR,
    *REDUCTIONS_EMPLOYEUR,
    "salaire_net",
    "cout_total_employeur",
)


def port_libre():
    with socket.socket() as prise:
        prise.bind(("127.0.0.1", 0))
        return prise.getsockname()[1]


def demarrer_serveur(workers):
    port = port_libre()
    commande = [sys.executable, "-m", "openfisca_secu.api", "--port", str(port), "--workers", str(workers)]
    with tempfile.NamedTemporaryFile("w", prefix="bench_api_", suffix=".log", delete=False) as journal:
        processus = subprocess.Popen(commande, cwd=RACINE, stdout=journal, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    limite = time.monotonic() + 120
    while time.monotonic() < limite:
        if processus.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté, voir {journal.name}")
        try:
            requests.get(f"{url}/", timeout=2)
            return processus, url
        except requests.ConnectionError:
            time.sleep(0.2)
    processus.terminate()
    raise RuntimeError(f"le serveur ne répond pas, voir {journal.name}")


def fiche(aleas):
    """Situation d'une fiche de paie complète tirée au hasard."""
    periode = f"{aleas.randint(2012, 2026)}-{aleas.randint(1, 12):02d}"
    salarie = {
        "salaire_de_base": {periode: round(aleas.uniform(800, 15000), 2)},
        "categorie_salarie": {periode: aleas.choice(["cadre", "non_cadre"])},
        "quotite_de_travail": {periode: aleas.choice([1.0, 1.0, 0.8, 0.5])},
    }
    salarie.update({nom: {periode: None} for nom in LIGNES})
    return {
        "individus": {"salariee": salarie},
        "etablissements": {
            "etablissement": {
                "salaries": ["salariee"],
                "taux_accident_travail": {periode: round(aleas.uniform(0.005, 0.04), 4)},
                "regime_alsace_moselle": {periode: aleas.random() < 0.1},
            }
        },
        "entreprises": {
            "entreprise": {"salaries": ["salariee"], "effectif_entreprise": {periode: aleas.randint(1, 3000)}}
        },
    }


def inversion(aleas):
    return {
        "cible": "salaire_net",
        "periode": f"{aleas.randint(2012, 2026)}-{aleas.randint(1, 12):02d}",
        "montants": [round(aleas.uniform(500, 10000), 2)],
        "entrees": {"effectif_entreprise": aleas.randint(1, 3000), "taux_accident_travail": 0.02},
    }


def population(taille):
    periode = "2024-05"
    aleas = numpy.random.default_rng(2024)
    salaires = numpy.round(numpy.exp(aleas.normal(numpy.log(2600), 0.5, taille)), 2)
    return {
        "individus": {
            f"s{i}": {
                "salaire_de_base": {periode: float(s)},
                "salaire_net": {periode: None},
                "cout_total_employeur": {periode: None},
            }
            for i, s in enumerate(salaires)
        },
        "etablissements": {
            f"e{i}": {"salaries": [f"s{i}"], "taux_accident_travail": {periode: 0.0112}} for i in range(taille)
        },
        "entreprises": {
            f"a{i}": {"salaries": [f"s{i}"], "effectif_entreprise": {periode: int(aleas.choice([5, 30, 300]))}}
            for i in range(taille)
        },
    }


def charge(url, route, fabrique, nombre, clients, graine):
    """`nombre` requêtes POST par `clients` clients simultanés ; rend (latences en s, erreurs, durée totale)."""
    local = threading.local()
    corps = [fabrique(random.Random(graine + i)) for i in range(nombre)]

    def envoyer(rang):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        debut = time.perf_counter()
        try:
            reponse = local.session.post(f"{url}{route}", json=corps[rang], timeout=120)
            erreur = None if reponse.status_code == 200 else f"{reponse.status_code} {reponse.text[:200]}"
        except requests.RequestException as exception:
            erreur = repr(exception)
        return time.perf_counter() - debut, erreur

    debut = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as executeur:
        resultats = list(executeur.map(envoyer, range(nombre)))
    duree = time.perf_counter() - debut
    latences = numpy.array([latence for latence, _ in resultats])
    erreurs = [erreur for _, erreur in resultats if erreur is not None]
    return latences, erreurs, duree


def rapport(titre, latences, erreurs, duree):
    p50, p90, p99 = numpy.percentile(latences, [50, 90, 99]) * 1000
    print(
        f"{titre:38} {len(latences):6d} requêtes  erreurs {len(erreurs):3d}  p50 {p50:7.1f} ms  p90 {p90:7.1f} ms  "
        f"p99 {p99:7.1f} ms  max {latences.max() * 1000:7.1f} ms  {len(latences) / duree:6.1f} req/s"
    )
    for erreur in erreurs[:5]:
        print(f"    {erreur}")


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--requetes", type=int, default=5000)
    arguments.add_argument("--clients", type=int, default=16)
    arguments.add_argument("--sequentielles", type=int, default=200, help="requêtes d'un client seul")
    arguments.add_argument("--inversions", type=int, default=1000)
    arguments.add_argument("--population", type=int, default=10_000)
    arguments.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    arguments.add_argument("--url", help="serveur déjà lancé (sinon le banc en lance un)")
    options = arguments.parse_args()

    processus = None
    if options.url:
        url = options.url.rstrip("/")
    else:
        processus, url = demarrer_serveur(options.workers)
    try:
        print(
            f"Serveur {url} ({options.workers} processus de service) ; {options.clients} clients simultanés ; "
            f"{os.cpu_count()} cœurs"
        )
        # chauffe : chaque processus de service a déjà calculé une fiche
        charge(url, "/calculate", fiche, 2 * options.workers, options.workers, graine=10**9)
        if options.sequentielles:
            seules = charge(url, "/calculate", fiche, options.sequentielles, 1, graine=10**7)
            rapport("POST /calculate, un seul client", *seules)
        if options.requetes:
            fiches = charge(url, "/calculate", fiche, options.requetes, options.clients, graine=0)
            rapport(f"POST /calculate, {options.clients} clients", *fiches)
        if options.inversions:
            rapport(
                f"POST /inversion (net → brut), {options.clients} clients",
                *charge(url, "/inversion", inversion, options.inversions, options.clients, 10**6),
            )
        if options.population:
            corps = population(options.population)
            debut = time.perf_counter()
            reponse = requests.post(f"{url}/calculate", json=corps, timeout=600)
            duree = time.perf_counter() - debut
            erreurs = 0 if reponse.status_code == 200 else 1
            if not erreurs:
                individus = reponse.json()["individus"]
                nets = numpy.array([individus[f"s{i}"]["salaire_net"]["2024-05"] for i in range(options.population)])
                erreurs += int((nets <= 0).sum())
            print(
                f"POST /calculate, {options.population:,} salariés".replace(",", " ")
                + f" : statut {reponse.status_code}, erreurs {erreurs}, {duree:.2f} s, "
                f"{len(reponse.content) / 1e6:.1f} Mo de réponse"
            )
        verification = requests.post(f"{url}/calculate", json=fiche(random.Random(1)), timeout=60)
        print(f"Après la charge, le serveur répond : {verification.status_code}")
    finally:
        if processus is not None:
            processus.terminate()
            processus.wait(timeout=30)


if __name__ == "__main__":
    main()

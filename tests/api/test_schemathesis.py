"""Fuzzing de l'API Web à partir de sa spécification /spec (schemathesis) : aucune réponse 5xx.

Le schéma est celui que sert l'application (/spec, lu sans réseau à la collecte des tests) ; les requêtes vont au
vrai serveur (HTTP sur 127.0.0.1, fixture `serveur`). Chaque opération (/calculate, /trace, /inversion,
/variable/{id}, /parameter/{id}, /parameters, /variables, /entities, /spec) reçoit des requêtes générées d'après son
schéma, valides et invalides (phases exemples, couverture des cas limites et fuzzing) ; seule la vérification « pas
d'erreur serveur » est demandée : un 4xx est la bonne réponse à une entrée invalide. Graine fixe : la même série de
requêtes à chaque exécution.

Les situations de /calculate et /trace ont plus de 300 variables possibles : la phase de couverture de /calculate ne
produit ici que les cas invalides (corps absent, type faux pour chaque variable... environ 3 300 requêtes, 30 s) et
/trace, qui lit ses situations avec le même code, n'a que les exemples et le fuzzing ; les cas limites valides ne
tournent que dans la version longue, `make fuzz` (FUZZ_LONG=1 : 1 000 exemples par opération, toutes les phases).
Contre `openfisca serve`, la version courte trouve l'erreur 500 d'openfisca-core sur un POST sans corps, que
l'application du paquet corrige.
"""

import os

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from openfisca_secu.api import creer_application

LONG = os.environ.get("FUZZ_LONG") == "1"
EXEMPLES = 1000 if LONG else 50
SPEC = creer_application().test_client().get("/spec").get_json()
SITUATIONS = "^/(calculate|trace)$"


def _schema(couverture):
    return schemathesis.openapi.from_dict(
        SPEC, config=schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": True} if LONG else couverture}})
    )


schema = _schema({"enabled": True})
schema_calculate = _schema({"enabled": True, "generation": {"mode": "negative"}})
schema_trace = _schema({"enabled": False})
REGLAGES = {"max_examples": EXEMPLES, "deadline": None, "derandomize": True, "suppress_health_check": list(HealthCheck)}


@schema.exclude(path_regex=SITUATIONS).parametrize()
@settings(**REGLAGES)
def test_pas_d_erreur_serveur(case, serveur):
    case.call_and_validate(base_url=serveur, checks=[not_a_server_error], timeout=60)


@schema_calculate.include(path_regex="^/calculate$").parametrize()
@settings(**REGLAGES)
def test_pas_d_erreur_serveur_calculate(case, serveur):
    case.call_and_validate(base_url=serveur, checks=[not_a_server_error], timeout=60)


@schema_trace.include(path_regex="^/trace$").parametrize()
@settings(**REGLAGES)
def test_pas_d_erreur_serveur_trace(case, serveur):
    case.call_and_validate(base_url=serveur, checks=[not_a_server_error], timeout=60)

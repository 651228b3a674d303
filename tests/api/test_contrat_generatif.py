"""Contrat d'entrée, génératif et borné : des situations mutées au hasard (hypothesis, graine fixe) n'obtiennent
jamais de 5xx, sous `make serve` comme sous `openfisca serve` ; une requête `axes` surdimensionnée est refusée avant
tout calcul pendant que le serveur continue de répondre aux autres requêtes."""

import json
from concurrent.futures import ThreadPoolExecutor

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openfisca_secu.validation import INDIVIDUS_MAXIMAUX_AXES
from tests.api.conftest import PERIODE, situation

SCALAIRES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["false", "non", "oui", "cadre", "2024-05", "2027-01", "ETERNITY", "1e400", "3000.5", "salaries"]),
)
JSON = st.recursive(
    SCALAIRES,
    lambda enfants: st.one_of(st.lists(enfants, max_size=3), st.dictionaries(st.text(max_size=8), enfants, max_size=3)),
    max_leaves=8,
)
VARIABLES = st.sampled_from(
    [
        "salaire_de_base",
        "categorie_salarie",
        "quotite_de_travail",
        "renonciation_proratisation_plafond_temps_partiel",
        "date_debut_contrat",
        "salaire_net",
        "effectif_entreprise",
        "taux_accident_travail",
        "regime_alsace_moselle",
        "salaries",
        "axes",
        "inconnue",
    ]
)
CHEMINS = st.sampled_from(
    [
        ("individus", "alice"),
        ("etablissements", "siege"),
        ("entreprises", "acme"),
        ("individus",),
        (),
    ]
)
REGLAGES = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@st.composite
def situations_mutees(tirage):
    """Une situation valide dont une clé reçoit une valeur JSON quelconque (ou une période quelconque)."""
    corps = situation(3000.0)
    chemin = tirage(CHEMINS)
    cible = corps
    for cle in chemin:
        cible = cible[cle]
    nom = tirage(VARIABLES)
    if tirage(st.booleans()):
        cible[nom] = {tirage(st.sampled_from([PERIODE, "2024", "2011-12", "2030-01", "ETERNITY", "x"])): tirage(JSON)}
    else:
        cible[nom] = tirage(JSON)
    return corps


def _jamais_5xx(url, corps, route="/calculate"):
    texte = json.dumps(corps, allow_nan=True)
    reponse = requests.post(
        f"{url}{route}", data=texte.encode(), headers={"Content-Type": "application/json"}, timeout=60
    )
    assert reponse.status_code < 500, f"{reponse.status_code} pour {texte[:300]} : {reponse.text[:300]}"
    json.loads(reponse.text, parse_constant=lambda c: (_ for _ in ()).throw(AssertionError(f"{c} dans la réponse")))


@given(situations_mutees())
@REGLAGES
def test_situations_mutees_make_serve(serveur, corps):
    _jamais_5xx(serveur, corps)


@given(situations_mutees())
@REGLAGES
def test_situations_mutees_openfisca_serve(serveur_openfisca, corps):
    _jamais_5xx(serveur_openfisca, corps)


@given(situations_mutees(), st.sampled_from(["/trace", "/fiche_de_paie"]))
@REGLAGES
def test_situations_mutees_trace_et_fiche(serveur, corps, route):
    _jamais_5xx(serveur, {"situation": corps, "periode": PERIODE} if route == "/fiche_de_paie" else corps, route)


def test_axes_surdimensionnes_refuses_pendant_que_le_serveur_repond(serveur):
    """Quatre requêtes `axes` de 10 millions d'individus en même temps que des requêtes ordinaires : chacune est
    refusée (413) dans le délai borné de la requête, et les requêtes ordinaires reçoivent leur réponse."""
    enorme = situation(3000.0, demandes=("salaire_net",))
    enorme["axes"] = [[{"name": "salaire_de_base", "count": 10_000_000, "min": 0, "max": 9000, "period": PERIODE}]]

    def poster(corps):
        return requests.post(f"{serveur}/calculate", json=corps, timeout=10)

    with ThreadPoolExecutor(max_workers=8) as executeur:
        refus = [executeur.submit(poster, enorme) for _ in range(4)]
        ordinaires = [executeur.submit(poster, situation(3000.0)) for _ in range(4)]
        for futur in refus:
            reponse = futur.result()
            assert reponse.status_code == 413
            assert str(INDIVIDUS_MAXIMAUX_AXES) in reponse.text
        for futur in ordinaires:
            assert futur.result().status_code == 200

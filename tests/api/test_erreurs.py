"""Une entrée impossible reçoit une réponse 4xx dont le message nomme le champ, et le serveur continue de servir."""

import json

import pytest
import requests

from tests.api.conftest import PERIODE, situation


def _avec(modification):
    corps = situation(3000.0)
    modification(corps)
    return corps


def _alice(**valeurs):
    def modifier(corps):
        corps["individus"]["alice"].update(valeurs)

    return modifier


def _sans_effectif(corps):
    del corps["entreprises"]["acme"]["effectif_entreprise"]


def _taux_at(valeur):
    def modifier(corps):
        corps["etablissements"]["siege"]["taux_accident_travail"] = {PERIODE: valeur}

    return modifier


# (nom, corps JSON en texte, codes acceptés, fragments attendus dans la réponse)
CAS_STANDARD = [
    ("variable inconnue", _avec(_alice(salaire_mystere={PERIODE: 1})), {404}, ["salaire_mystere"]),
    ("période mal formée", _avec(_alice(salaire_de_base={"2024-13": 3000})), {400}, ["salaire_de_base", "2024-13"]),
    ("période demandée mal formée", _avec(_alice(salaire_net={"2024-02-30": None})), {400}, ["salaire_net"]),
    ("salaire négatif", _avec(_alice(salaire_de_base={PERIODE: -5})), {400}, ["salaire_de_base", "-5"]),
    (
        "texte au lieu d'un nombre",
        _avec(_alice(salaire_de_base={PERIODE: "trois mille"})),
        {400},
        ["salaire_de_base", "trois mille"],
    ),
    (
        "valeur d'énumération inconnue",
        _avec(_alice(categorie_salarie={PERIODE: "astronaute"})),
        {400},
        ["categorie_salarie", "astronaute"],
    ),
    ("taux AT/MP hors de [0, 1]", _avec(_taux_at(2.08)), {400}, ["taux_accident_travail", "2.08"]),
    ("quotité supérieure à 1", _avec(_alice(quotite_de_travail={PERIODE: 1.5})), {400}, ["quotite_de_travail", "1.5"]),
    ("entité inconnue", {"individus": {"alice": {}}, "menages": {}}, {400}, ["menages"]),
]
CAS_STANDARD_TEXTE = [(nom, json.dumps(corps), codes, attendus) for nom, corps, codes, attendus in CAS_STANDARD] + [
    ("salaire NaN", json.dumps(situation(float("nan"))), {400}, ["salaire_de_base", "nan"]),
    ("JSON invalide", '{"individus": ', {400}, ["JSON"]),
]

# Ce que seule l'application du paquet (make serve) traite : openfisca serve répond 500 ou accepte.
CAS_APPLICATION = [
    (
        "période d'une année pour une variable mensuelle",
        json.dumps(situation(3000.0, demandes=(), salaire_net={"2024": None})),
        {400},
        ["salaire_net", "2024"],
    ),
    ("date avant la législation décrite", json.dumps(situation(3000.0, periode="2005-05")), {400}, ["2005"]),
    ("effectif manquant", json.dumps(_avec(_sans_effectif)), {400}, ["effectif_entreprise"]),
    (
        "contrat qui finit avant de commencer",
        json.dumps(
            _avec(_alice(date_debut_contrat={"ETERNITY": "2024-05-10"}, date_fin_contrat={"ETERNITY": "2024-05-01"}))
        ),
        {400},
        ["date_fin_contrat"],
    ),
    ("corps vide", "", {400, 415}, ["JSON"]),
]


def _verifier(url, nom, texte, codes, attendus, type_contenu="application/json"):
    reponse = requests.post(f"{url}/calculate", data=texte.encode(), headers={"Content-Type": type_contenu}, timeout=30)
    assert reponse.status_code in codes, f"{nom} : {reponse.status_code} {reponse.text[:300]}"
    for attendu in attendus:
        assert attendu in reponse.text, f"{nom} : {attendu!r} absent de {reponse.text[:300]}"
    # le serveur continue de servir
    suite = requests.post(f"{url}/calculate", json=situation(3000.0), timeout=30)
    assert suite.status_code == 200, f"après {nom} : {suite.status_code}"


@pytest.mark.parametrize(
    ("nom", "texte", "codes", "attendus"),
    CAS_STANDARD_TEXTE + CAS_APPLICATION,
    ids=[cas[0] for cas in CAS_STANDARD_TEXTE + CAS_APPLICATION],
)
def test_application_du_paquet(serveur, nom, texte, codes, attendus):
    _verifier(serveur, nom, texte, codes, attendus)


@pytest.mark.parametrize(
    ("nom", "texte", "codes", "attendus"),
    CAS_STANDARD_TEXTE,
    ids=[cas[0] for cas in CAS_STANDARD_TEXTE],
)
def test_openfisca_serve(serveur_openfisca, nom, texte, codes, attendus):
    """La commande standard répond 4xx elle aussi : les bornes sont contrôlées à la lecture de la situation."""
    _verifier(serveur_openfisca, nom, texte, codes, attendus)


def test_corps_trop_grand(serveur):
    from openfisca_secu.api import TAILLE_MAXIMALE_REQUETE

    texte = (
        '{"individus": {"alice": {"salaire_de_base": {"2024-05": 1}}}, "x": "' + "a" * TAILLE_MAXIMALE_REQUETE + '"}'
    )
    reponse = requests.post(
        f"{serveur}/calculate", data=texte, headers={"Content-Type": "application/json"}, timeout=60
    )
    assert reponse.status_code == 413
    assert "trop grand" in reponse.json()["error"]
    assert requests.post(f"{serveur}/calculate", json=situation(3000.0), timeout=30).status_code == 200


def test_corps_qui_n_est_pas_du_json(serveur):
    reponse = requests.post(f"{serveur}/trace", data="salaire=3000", timeout=30)
    assert reponse.status_code == 415
    assert "JSON" in reponse.json()["error"]


def test_route_inconnue_en_json(serveur):
    reponse = requests.get(f"{serveur}/pas/une/route", timeout=30)
    assert reponse.status_code == 404
    assert reponse.json()["error"]


@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_trace_et_calculate_memes_erreurs(serveur, route):
    reponse = requests.post(f"{serveur}{route}", json=situation(-1.0), timeout=30)
    assert reponse.status_code == 400
    assert "salaire_de_base" in reponse.text

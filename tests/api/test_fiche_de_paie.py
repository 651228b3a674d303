"""POST /fiche_de_paie : le bulletin de `openfisca_secu.fiche_de_paie`, décrit dans /spec, erreurs en 400."""

import json
import re

import pytest

from openfisca_secu import fiche_de_paie
from openfisca_secu.api import creer_application

PERIODE = "2024-05"
SITUATION = {
    "individus": {
        "alice": {
            "salaire_de_base": {PERIODE: 2374.7925},
            "taux_contribution_employeur_complementaire_sante": {PERIODE: 0.0125},
            "cotisation_salarie_complementaire_sante": {PERIODE: 31.4},
        }
    },
    "etablissements": {"siege": {"salaries": ["alice"], "taux_accident_travail": {PERIODE: 0.0112}}},
    "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {PERIODE: 35}}},
}


@pytest.fixture(scope="module")
def client(systeme):
    return creer_application(systeme).test_client()


def test_fiche_de_paie_comme_en_python(client, systeme):
    reponse = client.post("/fiche_de_paie", json={"situation": SITUATION, "periode": PERIODE})
    assert reponse.status_code == 200, reponse.get_data(as_text=True)
    fiche = reponse.get_json()
    assert fiche == fiche_de_paie(SITUATION, PERIODE, systeme=systeme)
    assert fiche["modele"]["cle"] == "arrete_2016_montant_net_social"
    assert fiche["salaire_brut"] == 2374.79
    # Aucun montant avec des décimales parasites dans le texte de la réponse (2374.7924999999996).
    texte = reponse.get_data(as_text=True)
    montants = re.findall(r'"(?:montant[a-z_]*|net[a-z_]*|salaire_brut|cout_total_employeur|base)":(-?[0-9.]+)', texte)
    assert montants and all(len(m.split(".")[-1]) <= 2 or "." not in m for m in montants)


def test_fiche_de_paie_dans_la_spec(client):
    spec = client.get("/spec").get_json()
    assert "post" in spec["paths"]["/fiche_de_paie"]
    assert {"FicheDePaieEntree", "FicheDePaie"} <= set(spec["components"]["schemas"])


@pytest.mark.parametrize(
    ("corps", "message"),
    [
        ({"periode": PERIODE}, "situation : champ obligatoire manquant"),
        ({"situation": SITUATION, "periode": PERIODE, "autre": 1}, "autre : champ inconnu"),
        ({"situation": SITUATION, "periode": 2024}, "periode : attendu une chaîne"),
        ({"situation": SITUATION, "periode": PERIODE, "individu": "bob"}, "'bob' n'est pas dans la situation"),
        (
            {"situation": json.loads(json.dumps(SITUATION).replace(PERIODE, "2020-05")), "periode": "2020-05"},
            "grille du taux neutre de 2020",
        ),
        ([1, 2], "Le corps doit être un objet JSON"),
    ],
)
def test_fiche_de_paie_erreurs(client, corps, message):
    reponse = client.post("/fiche_de_paie", json=corps)
    assert reponse.status_code == 400
    assert message in json.dumps(reponse.get_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("salaire", "etablissement", "entreprise", "individu", "variable", "montant"),
    [
        # LODEOM compétitivité, 10 salariés, 2 000 < 1,3 SMIC : T × R = 0,3194 × 2 000
        (2000, {"bareme_lodeom": {PERIODE: "competitivite"}}, {}, {}, "exoneration_lodeom", -638.80),
        # JEI : 3 000 × (7 % + 8,55 % + 2,02 % + 3,45 %)
        (
            3000,
            {},
            {"jeune_entreprise_innovante": {PERIODE: True}},
            {"salarie_eligible_jei": {PERIODE: True}},
            "exoneration_jei",
            -630.60,
        ),
    ],
)
def test_fiche_de_paie_ligne_du_dispositif(client, salaire, etablissement, entreprise, individu, variable, montant):
    situation = {
        "individus": {"alice": {"salaire_de_base": {PERIODE: salaire}} | individu},
        "etablissements": {"siege": {"salaries": ["alice"], "taux_accident_travail": {PERIODE: 0.01}} | etablissement},
        "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {PERIODE: 10}} | entreprise},
    }
    reponse = client.post("/fiche_de_paie", json={"situation": situation, "periode": PERIODE})
    assert reponse.status_code == 200, reponse.get_data(as_text=True)
    rangees = reponse.get_json()["exonerations"]["rangees"]
    lignes = {ligne["variable"]: ligne["montant"] for rangee in rangees for ligne in rangee["lignes"]}
    assert lignes == {variable: montant}  # ni réduction générale ni autre exonération

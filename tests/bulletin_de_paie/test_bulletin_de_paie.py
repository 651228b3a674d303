"""Bulletin de paie : sommes imprimées, vues clarifiée et détaillée, cohérence avec les variables, un bulletin de
référence par modèle (fichiers `reference_<modele>.json`).

Les références ont été produites par `openfisca_secu.fiche_de_paie` puis relues à la main (voir `REFERENCES`) : le
test garde qu'un changement de mise en page ou de montant se voit et se relit.
"""

import json
import math
from pathlib import Path

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu import fiche_de_paie
from openfisca_secu.bulletin_de_paie import (
    MODELES,
    bulletins_de_simulation,
    centimes,
    format_fr,
    format_taux,
    modele_du_mois,
    tableau,
)
from openfisca_secu.validation import EntreeInvalide

ICI = Path(__file__).parent

PERIODES = [
    "2012-06",  # réduction salariale TEPA des heures supplémentaires (janvier à août 2012)
    "2012-10",
    "2015-03",
    "2016-06",
    "2017-05",
    "2018-03",
    "2019-03",
    "2021-05",
    "2022-07",
    "2023-06",
    "2023-07",
    "2024-05",
    "2025-05",
    "2026-03",
]

# Profils : (entrées de l'individu, effectif de l'entreprise, entrées de l'établissement)
PROFILS = {
    "smic": ({"salaire_de_base": 1800}, 9, {}),
    "non_cadre_sante": (
        {
            "salaire_de_base": 2345.67,
            "primes_salaire": 123.45,
            "taux_contribution_employeur_complementaire_sante": 0.0125,
            "taux_cotisation_salarie_complementaire_sante": 0.0075,
            "cotisation_salarie_prevoyance": 11.11,
            "contribution_employeur_prevoyance": 17.77,
        },
        35,
        {"taux_versement_mobilite": 0.0295},
    ),
    "cadre": (
        {
            "salaire_de_base": 7777.77,
            "categorie_salarie": "cadre",
            "contribution_employeur_prevoyance": 55.55,
            "contribution_employeur_retraite_supplementaire": 300,
            "contribution_employeur_complementaire_sante": 60,
            "cotisation_salarie_complementaire_sante": 40,
        },
        320,
        {"taux_versement_mobilite": 0.0175},
    ),
    "heures_sup": (
        {
            "salaire_de_base": 2000,
            "remuneration_heures_supplementaires": 287.5,
            "heures_supplementaires": 20,
            "remuneration_heures_supplementaires_exoneree_impot": 250,
        },
        60,
        {"regime_alsace_moselle": True},
    ),
    "tres_haut": ({"salaire_de_base": 40000.01, "categorie_salarie": "cadre"}, 1200, {}),
}


def _situation(periode):
    individus, etablissements, entreprises = {}, {}, {}
    for nom, (entrees, effectif, etablissement) in PROFILS.items():
        individus[nom] = {cle: {periode: valeur} for cle, valeur in entrees.items()}
        if periode.startswith(("2020", "2021")):
            individus[nom]["taux_prelevement_source"] = {periode: 0.037}
        etablissements[f"e_{nom}"] = {
            "salaries": [nom],
            "taux_accident_travail": {periode: 0.0123},
            **{cle: {periode: valeur} for cle, valeur in etablissement.items()},
        }
        entreprises[f"x_{nom}"] = {"salaries": [nom], "effectif_entreprise": {periode: effectif}}
    return {"individus": individus, "etablissements": etablissements, "entreprises": entreprises}


@pytest.fixture(scope="module")
def bulletins(systeme):
    resultat = {}
    for periode in PERIODES:
        simulation = SimulationBuilder().build_from_entities(systeme, _situation(periode))
        for fiche in bulletins_de_simulation(simulation, periode):
            resultat[(periode, fiche["individu"])] = (fiche, simulation)
    return resultat


def _toutes_les_rangees(fiche):
    return [r for rubrique in fiche["rubriques"] for r in rubrique["rangees"]] + fiche["exonerations"]["rangees"]


def _montants(objet):
    """Tous les montants en euros d'un bulletin (pour vérifier qu'ils sont au centime, sans bruit binaire)."""
    if isinstance(objet, dict):
        for cle, valeur in objet.items():
            if isinstance(valeur, float) and (cle.startswith(("montant", "net", "salaire", "cout")) or cle == "base"):
                yield cle, valeur
            else:
                yield from _montants(valeur)
    elif isinstance(objet, list):
        for element in objet:
            yield from _montants(element)


def test_rangees_totaux_et_nets_sont_les_sommes_imprimees(bulletins):
    for (periode, individu), (fiche, _) in bulletins.items():
        contexte = f"{individu} {periode}"
        rangees = _toutes_les_rangees(fiche)
        for rangee in rangees:
            for cote in ("salarie", "employeur"):
                lignes = [ligne["montant"] for ligne in rangee["lignes"] if ligne["cote"] == cote]
                assert rangee[f"montant_{cote}"] == centimes(sum(lignes)), contexte
        for cote in ("salarie", "employeur"):
            imprime = centimes(sum(r[f"montant_{cote}"] for r in rangees))
            assert fiche["totaux"][cote] == imprime, contexte
            assert fiche["totaux"][cote] == centimes(
                fiche["totaux"][f"cotisations_{cote}"] + fiche["totaux"][f"exonerations_{cote}"]
            )
        assert fiche["salaire_brut"] == centimes(sum(ligne["montant"] for ligne in fiche["remuneration"]))
        assert fiche["net_a_payer_avant_impot"] == centimes(fiche["salaire_brut"] - fiche["totaux"]["salarie"])
        impot = fiche.get("impot_preleve_a_la_source", {"montant": 0})["montant"]
        assert fiche["net_paye"] == centimes(fiche["salaire_brut"] - fiche["totaux"]["salarie"] - impot), contexte
        assert fiche["cout_total_employeur"] == centimes(fiche["salaire_brut"] + fiche["totaux"]["employeur"])


def test_vues_clarifiee_et_detaillee_ont_les_memes_totaux(bulletins):
    for (periode, individu), (fiche, _) in bulletins.items():
        lignes = [ligne for rangee in _toutes_les_rangees(fiche) for ligne in rangee["lignes"]]
        for cote in ("salarie", "employeur"):
            detaille = centimes(sum(ligne["montant"] for ligne in lignes if ligne["cote"] == cote))
            assert detaille == fiche["totaux"][cote], f"{individu} {periode} {cote}"
        # Les deux tableaux imprimés portent les mêmes totaux et nets.
        for vue in ("clarifiee", "detaillee"):
            texte = tableau(fiche, vue)
            for montant in (fiche["net_a_payer_avant_impot"], fiche["net_paye"], fiche["cout_total_employeur"]):
                assert format_fr(montant) in texte


def test_montants_au_centime_sans_bruit(bulletins):
    for (periode, individu), (fiche, _) in bulletins.items():
        for cle, valeur in _montants(fiche):
            assert valeur == round(valeur, 2) and len(repr(valeur).split(".")[-1]) <= 2, (
                periode,
                individu,
                cle,
                valeur,
            )
        assert json.loads(json.dumps(fiche)) == fiche


def test_bulletin_conforme_aux_variables_non_arrondies(bulletins):
    """L'arrondi ligne à ligne n'écarte les totaux des variables que de quelques centimes : aucune ligne n'est omise."""
    for (periode, individu), (fiche, simulation) in bulletins.items():
        rang = list(simulation.persons.ids).index(individu)
        lignes = sum(len(r["lignes"]) for r in _toutes_les_rangees(fiche))
        tolerance = 0.005 * lignes + 1e-9
        for nom, imprime in (
            ("net_a_payer_avant_impot", fiche["net_a_payer_avant_impot"]),
            ("cout_total_employeur", fiche["cout_total_employeur"]),
            ("remuneration_brute", fiche["salaire_brut"]),
        ):
            exact = float(simulation.calculate(nom, periode)[rang])
            assert math.isclose(imprime, exact, abs_tol=tolerance), (periode, individu, nom, imprime, exact)
        if "montant_net_social" in fiche:
            exact = float(simulation.calculate("montant_net_social", periode)[rang])
            assert math.isclose(fiche["montant_net_social"], exact, abs_tol=tolerance + 0.005)


def test_modeles_par_date_et_effectif():
    assert modele_du_mois("2016-12", 5000).cle == "avant_2018"
    assert modele_du_mois("2017-01", 299).cle == "avant_2018"
    assert modele_du_mois("2017-01", 300).cle == "arrete_2016"
    assert modele_du_mois("2018-01", 1).cle == "arrete_2016"
    assert modele_du_mois("2018-12", 1).cle == "arrete_2016"
    assert modele_du_mois("2019-01", 1).cle == "arrete_2016_prelevement_source"
    assert modele_du_mois("2023-06", 1).cle == "arrete_2016_prelevement_source"
    assert modele_du_mois("2023-07", 1).cle == "arrete_2016_montant_net_social"
    assert modele_du_mois("2024-12", 1).cle == "arrete_2016_montant_net_social"
    assert modele_du_mois("2025-01", 1).cle == "arrete_2023"


def test_formats_francais():
    assert format_fr(2374.79) == "2\u202f374,79"
    assert format_fr(-299.7) == "−299,70"
    assert format_fr(-0.001) == "0,00"  # un écart qui s'arrondit à zéro n'a pas de signe
    assert format_fr(1_990_000 / 1e6) == "1,99"
    assert format_taux(0.069) == "6,9 %"
    assert format_taux(0.00016) == "0,016 %"
    assert centimes(2374.7924999999996) == 2374.79
    assert centimes(0.125) == 0.13 and centimes(-0.125) == -0.13
    assert repr(centimes(2374.785)) == "2374.79"


def test_erreurs_de_requete(systeme):
    situation = _situation("2024-05")
    with pytest.raises(EntreeInvalide, match="individu : à préciser"):
        fiche_de_paie(situation, "2024-05", systeme=systeme)
    with pytest.raises(EntreeInvalide, match="'bob' n'est pas dans la situation"):
        fiche_de_paie(situation, "2024-05", "bob", systeme=systeme)
    with pytest.raises(EntreeInvalide, match="periode : attendu un mois"):
        fiche_de_paie(situation, "2024", "smic", systeme=systeme)


# Un bulletin de référence par modèle : un cadre à 4 500 € (au-dessus du plafond : tranche 2), santé et
# prévoyance, 35 salariés, versement mobilité 2 %, AT/MP 1,12 %, taux de prélèvement transmis 6 %.
REFERENCE = {
    "salaire_de_base": 4500,
    "categorie_salarie": "cadre",
    "taux_contribution_employeur_complementaire_sante": 0.012,
    "taux_cotisation_salarie_complementaire_sante": 0.008,
    "contribution_employeur_prevoyance": 40,
    "taux_prelevement_source": 0.06,
}
# Relu à la main, modèle par modèle (les montants cités sont ceux des fichiers) :
# - avant_2018 (juin 2016, PMSS 3 218) : une ligne par cotisation, parts salariale et patronale réunies ; vieillesse
#   plafonnée 3 218 × 6,90 % = 222,04 et × 8,55 % = 275,14 ; ARRCO TA 3 218 × 3,10 % = 99,76 ; AGIRC TB
#   (4 500 − 3 218) × 7,80 % = 100,00 ; santé employeur 1,2 % × 3 218 = 38,62 ; CSG déductible
#   (4 500 × 98,25 % + 38,616 + 40) × 5,1 % = 229,49 ; forfait social 8 % × 78,62 = 6,29 ; pas d'impôt à la source.
# - arrete_2016 (mars 2018, PMSS 3 311) : rubriques de l'arrêté du 25 février 2016 ; tranche 1 = ARRCO + AGFF + CET
#   sur 3 311, tranche 2 = AGIRC + AGFF + CET sur 1 189 ; CSG non imposable (déductible, 6,8 % en 2018) et CSG/CRDS
#   imposable (2,9 %) ; pas de prélèvement à la source (2019).
# - arrete_2016_prelevement_source (mars 2019) : mêmes rubriques, impôt = 6 % × net imposable imprimé, net payé =
#   net avant impôt − impôt ; tranche 1 AGIRC-ARRCO 3,15 % + CEG 0,86 % + CET 0,14 % (rémunération > plafond).
# - arrete_2016_montant_net_social (juillet 2023) : s'y ajoute le montant net social = net avant impôt + prévoyance
#   patronale 40 (règle de juillet à décembre 2023 ; la santé patronale n'y entre pas).
# - arrete_2023 (mai 2025) : libellés du modèle de l'arrêté du 31 janvier 2023 (CSG déductible / non déductible,
#   « Retraite complémentaire, CEG et CET T1 »), total des cotisations obligatoires avant les exonérations ;
#   montant net social = net avant impôt (règle de 2024).
REFERENCES = {
    "avant_2018": "2016-06",
    "arrete_2016": "2018-03",
    "arrete_2016_prelevement_source": "2019-03",
    "arrete_2016_montant_net_social": "2023-07",
    "arrete_2023": "2025-05",
}


def _reference(systeme, periode):
    situation = {
        "individus": {"alice": {cle: {periode: valeur} for cle, valeur in REFERENCE.items()}},
        "etablissements": {
            "siege": {
                "salaries": ["alice"],
                "taux_accident_travail": {periode: 0.0112},
                "taux_versement_mobilite": {periode: 0.02},
            }
        },
        "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {periode: 35}}},
    }
    return fiche_de_paie(situation, periode, systeme=systeme)


def test_un_modele_par_reference():
    assert sorted(REFERENCES) == sorted(m.cle for m in MODELES)
    for cle, periode in REFERENCES.items():
        assert modele_du_mois(periode, 35).cle == cle


@pytest.mark.parametrize("modele", sorted(REFERENCES))
def test_bulletin_de_reference(systeme, modele):
    fiche = _reference(systeme, REFERENCES[modele])
    assert fiche["modele"]["cle"] == modele
    attendu = json.loads((ICI / f"reference_{modele}.json").read_text(encoding="utf-8"))
    assert fiche == attendu

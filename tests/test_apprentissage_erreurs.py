"""Apprentis : une date ou un effectif dont dépend le régime, s'il manque, lève une erreur qui nomme l'entrée."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide


def apprenti(systeme, periode, **entrees):
    annee = periode[:4]
    individu = {"salaire_de_base": {periode: 1200}, "contrat_apprentissage": {periode: True}}
    individu.update({nom: {"ETERNITY": valeur} for nom, valeur in entrees.items()})
    situation = {
        "individus": {"a": individu},
        "entreprises": {"e": {"salaries": ["a"], "effectif_entreprise": {annee: 5}}},
        "etablissements": {"s": {"salaries": ["a"], "taux_accident_travail": {annee: 0.01}}},
    }
    return SimulationBuilder().build_from_entities(systeme, situation)


def test_date_de_conclusion_requise_des_que_le_plafond_en_depend(systeme):
    with pytest.raises(EntreeInvalide, match="date_debut_contrat manquante"):
        apprenti(systeme, "2025-06").calculate("exoneration_salariale_apprenti", "2025-06")


def test_date_de_conclusion_inutile_avant_le_changement(systeme):
    # de 2019 à février 2025 tous les contrats ont le plafond de 79 % : la date n'est pas requise
    assert apprenti(systeme, "2024-06").calculate("plafond_exoneration_salariale_apprenti", "2024-06")[0] > 0


def test_effectif_a_la_conclusion_requis_avant_2019(systeme):
    simulation = apprenti(systeme, "2018-06", date_debut_contrat="2017-09-01")
    with pytest.raises(EntreeInvalide, match="effectif_avant_conclusion_contrat_apprentissage manquant"):
        simulation.calculate("exoneration_employeur_apprenti", "2018-06")


@pytest.mark.parametrize("manquante", ["date_naissance", "date_debut_contrat"])
def test_salaire_minimum_sans_age_ou_date_de_contrat(systeme, manquante):
    entrees = {"date_naissance": "2005-01-01", "date_debut_contrat": "2024-09-01"}
    del entrees[manquante]
    with pytest.raises(EntreeInvalide, match=f"{manquante} manquante"):
        apprenti(systeme, "2024-10", **entrees).calculate("salaire_minimum_apprenti", "2024-10")

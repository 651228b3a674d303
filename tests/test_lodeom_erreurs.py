"""LODEOM : un barème renseigné avant 2019 (barèmes mensuels non modélisés) ou en 2026 sans la valeur T saisie lève
une erreur qui nomme l'entrée ; un employeur LODEOM sans barème garde ses taux réduits de 2026 sans erreur."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide


def salarie(systeme, periode, effectif=5, **etablissement):
    annee = periode[:4]
    situation = {
        "individus": {"a": {"salaire_de_base": {periode: 2000}}},
        "entreprises": {"e": {"salaries": ["a"], "effectif_entreprise": {annee: effectif}}},
        "etablissements": {
            "s": {"salaries": ["a"], "taux_accident_travail": {annee: 0.01}}
            | {nom: {periode: valeur} for nom, valeur in etablissement.items()}
        },
    }
    return SimulationBuilder().build_from_entities(systeme, situation)


@pytest.mark.parametrize("periode", ["2012-06", "2016-06", "2018-12"])
def test_bareme_avant_2019(systeme, periode):
    # barèmes mensuels d'avant 2019 (six régimes selon le CICE de 2014 à 2018) non modélisés
    simulation = salarie(systeme, periode, bareme_lodeom="competitivite")
    with pytest.raises(EntreeInvalide, match="bareme_lodeom renseigné"):
        simulation.calculate("reductions_employeur", periode)


def test_bascule_de_2019_calculee_sans_saisie_de_t(systeme):
    # 2019 : barème annuel de D752-7, T de la réduction générale, aucune erreur
    simulation = salarie(systeme, "2019-01", bareme_lodeom="competitivite")
    assert simulation.calculate("lodeom_t", "2019-01")[0] == pytest.approx(0.2809)  # D241-7 I, janvier à septembre
    # 2 000 > 1,3 × 10,03 × 1 820 / 12 = 1 977,58 : 1,3 × 0,2809 / 0,9 × (2,2 × 1 521,2167 / 2 000 − 1)
    # = 0,405744 × 0,673338 = 0,273205 → 0,2732 ; × 2 000
    assert simulation.calculate("exoneration_lodeom", "2019-01")[0] == pytest.approx(546.40, abs=0.005)


@pytest.mark.parametrize("saisie", [{}, {"lodeom_valeur_t": 0}, {"lodeom_valeur_t": 32.02}])
def test_valeur_t_absente_ou_en_pourcentage_en_2026(systeme, saisie):
    # D752-7 III (décret 2025-887) : T est la somme des taux exonérés, que le texte ne chiffre pas
    simulation = salarie(systeme, "2026-02", bareme_lodeom="competitivite", **saisie)
    with pytest.raises(EntreeInvalide, match="lodeom_valeur_t absent ou hors de") as erreur:
        simulation.calculate("reductions_employeur", "2026-02")
    assert erreur.value.chemin == ["etablissements", "*", "lodeom_valeur_t", "2026-02"]


def test_valeur_t_inutile_sans_droit_a_l_exoneration(systeme):
    # 11 salariés hors secteur : pas de barème de compétitivité, T n'est pas demandé
    simulation = salarie(systeme, "2026-02", effectif=11, bareme_lodeom="competitivite")
    assert simulation.calculate("exoneration_lodeom", "2026-02")[0] == 0


def test_employeur_lodeom_sans_bareme_en_2026(systeme):
    simulation = salarie(systeme, "2026-02", employeur_lodeom=True)
    # taux réduit maladie de 7 % maintenu pour les employeurs LODEOM (L241-2-1 modifié par la LFSS 2025, art. 18)
    assert simulation.calculate("maladie_employeur", "2026-02")[0] == pytest.approx(140)  # 2 000 × 7 %
    assert simulation.calculate("exoneration_lodeom", "2026-02")[0] == 0

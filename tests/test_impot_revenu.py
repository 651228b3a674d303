"""Erreurs explicites du net imposable et du prélèvement à la source : ce que les sources ne donnent pas est demandé."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide


def _simulation(systeme, periode, individu, annee=None):
    situation = {
        "individus": {"alice": {cle: {periode: valeur} for cle, valeur in individu.items()}},
        "etablissements": {"siege": {"salaries": ["alice"], "taux_accident_travail": {periode: 0.015}}},
        "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {periode: 30}}},
    }
    if annee:
        situation["individus"]["alice"]["domicile_departement_outre_mer"] = {annee: True}
    return SimulationBuilder().build_from_entities(systeme, situation)


@pytest.mark.parametrize("periode", ["2020-03", "2021-11"])
def test_grille_non_confirmee_exige_un_taux(systeme, periode):
    simulation = _simulation(systeme, periode, {"salaire_de_base": 2000})
    with pytest.raises(EntreeInvalide, match=r"taux_prelevement_source manquant .* grille du taux neutre de 20(20|21)"):
        simulation.calculate("impot_preleve_a_la_source", periode)
    avec_taux = _simulation(systeme, periode, {"salaire_de_base": 2000, "taux_prelevement_source": 0.04})
    imposable = avec_taux.calculate("salaire_imposable", periode)[0]
    assert avec_taux.calculate("impot_preleve_a_la_source", periode)[0] == pytest.approx(0.04 * imposable)


def test_outre_mer_exige_un_taux(systeme):
    simulation = _simulation(systeme, "2024-05", {"salaire_de_base": 2000}, annee="2024")
    with pytest.raises(EntreeInvalide, match="domicilié outre-mer"):
        simulation.calculate("impot_preleve_a_la_source", "2024-05")


def test_heures_supplementaires_exonerees_a_donner(systeme):
    entrees = {"salaire_de_base": 2000, "remuneration_heures_supplementaires": 200}
    with pytest.raises(EntreeInvalide, match="remuneration_heures_supplementaires_exoneree_impot manquant"):
        _simulation(systeme, "2024-05", entrees).calculate("salaire_imposable", "2024-05")
    trop = {**entrees, "remuneration_heures_supplementaires_exoneree_impot": 250}
    with pytest.raises(EntreeInvalide, match="dépasse"):
        _simulation(systeme, "2024-05", trop).calculate("salaire_imposable", "2024-05")
    # Exonération donnée : elle sort du net imposable, euro pour euro.
    sans = _simulation(systeme, "2024-05", {**entrees, "remuneration_heures_supplementaires_exoneree_impot": 0})
    avec = _simulation(systeme, "2024-05", {**entrees, "remuneration_heures_supplementaires_exoneree_impot": 150})
    ecart = sans.calculate("salaire_imposable", "2024-05")[0] - avec.calculate("salaire_imposable", "2024-05")[0]
    assert ecart == pytest.approx(150)
    # De août 2012 à 2018, les heures supplémentaires sont imposables : rien à donner.
    _simulation(systeme, "2016-05", entrees).calculate("salaire_imposable", "2016-05")

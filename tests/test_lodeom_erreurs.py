"""LODEOM : un barème renseigné à une date que le modèle ne couvre pas (avant 2019, 2026) lève une erreur qui nomme
l'entrée ; un employeur LODEOM sans barème garde ses taux réduits de 2026 sans erreur."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide


def salarie(systeme, periode, **etablissement):
    annee = periode[:4]
    situation = {
        "individus": {"a": {"salaire_de_base": {periode: 2000}}},
        "entreprises": {"e": {"salaries": ["a"], "effectif_entreprise": {annee: 5}}},
        "etablissements": {
            "s": {"salaries": ["a"], "taux_accident_travail": {annee: 0.01}}
            | {nom: {periode: valeur} for nom, valeur in etablissement.items()}
        },
    }
    return SimulationBuilder().build_from_entities(systeme, situation)


@pytest.mark.parametrize("periode", ["2018-06", "2026-02"])
def test_bareme_hors_des_dates_modelisees(systeme, periode):
    simulation = salarie(systeme, periode, bareme_lodeom="competitivite")
    with pytest.raises(EntreeInvalide, match="bareme_lodeom renseigné"):
        simulation.calculate("reductions_employeur", periode)


def test_employeur_lodeom_sans_bareme_en_2026(systeme):
    simulation = salarie(systeme, "2026-02", employeur_lodeom=True)
    # taux réduit maladie de 7 % maintenu pour les employeurs LODEOM (L241-2-1 modifié par la LFSS 2025, art. 18)
    assert simulation.calculate("maladie_employeur", "2026-02")[0] == pytest.approx(140)  # 2 000 × 7 %
    assert simulation.calculate("exoneration_lodeom", "2026-02")[0] == 0

"""JEI : plafond annuel de l'exonération par établissement (5 PASS) appliqué au cumul depuis janvier ; erreurs."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide

# 2024, salaire de 9 000 € : exonération du mois par salarié 1 942,0650 (voir jeune_entreprise_innovante.yaml) ;
# plafond de l'établissement 5 × 46 368 = 231 840.
EXONERATION_DU_MOIS = 1824.30 * 7951.125 / 9000 + 0.0855 * 3864
PLAFOND = 5 * 46368


def etablissement(systeme, nombre, mois, eligible=True, lodeom=False):
    noms = [f"s{rang}" for rang in range(nombre)]
    individus = {
        nom: {
            "salaire_de_base": {periode: 9000 for periode in mois},
            "salarie_eligible_jei": {periode: eligible for periode in mois},
        }
        for nom in noms
    }
    annee = mois[0][:4]
    situation = {
        "individus": individus,
        "entreprises": {
            "e": {"salaries": noms, "effectif_entreprise": {annee: 5}, "jeune_entreprise_innovante": {annee: True}}
        },
        "etablissements": {
            "s": {"salaries": noms, "taux_accident_travail": {annee: 0.01}}
            | ({"bareme_lodeom": {annee: "competitivite"}} if lodeom else {})
        },
    }
    return SimulationBuilder().build_from_entities(systeme, situation)


def test_plafond_atteint_le_premier_mois(systeme):
    # 120 × 1 942,0650 = 233 047,80 > 231 840 : chacun reçoit 231 840 / 120 = 1 932
    simulation = etablissement(systeme, 120, ["2024-01"])
    exoneration = simulation.calculate("exoneration_jei", "2024-01")
    assert exoneration.sum() == pytest.approx(PLAFOND, abs=0.01)
    assert exoneration[0] == pytest.approx(1932, abs=0.01)


def test_plafond_sous_le_seuil_le_premier_mois_atteint_le_second(systeme):
    # janvier : 60 × 1 942,0650 = 116 523,90 (sous le plafond) ; février : cumul 233 047,80 > 231 840, reste
    # 231 840 − 116 523,90 = 115 316,10, soit 1 921,935 par salarié
    simulation = etablissement(systeme, 60, ["2024-01", "2024-02"])
    janvier = simulation.calculate("exoneration_jei", "2024-01")
    fevrier = simulation.calculate("exoneration_jei", "2024-02")
    assert janvier[0] == pytest.approx(EXONERATION_DU_MOIS, abs=0.01)
    assert janvier.sum() == pytest.approx(116523.90, abs=0.01)
    assert fevrier.sum() == pytest.approx(115316.10, abs=0.01)
    assert fevrier[0] == pytest.approx(1921.935, abs=0.01)


def test_avant_2014_erreur(systeme):
    simulation = etablissement(systeme, 1, ["2013-06"])
    with pytest.raises(EntreeInvalide, match="depuis 2014"):
        simulation.calculate("exoneration_jei", "2013-06")


def test_lodeom_et_jei_ne_se_cumulent_pas(systeme):
    simulation = etablissement(systeme, 1, ["2024-03"], lodeom=True)
    with pytest.raises(EntreeInvalide, match="ne se cumulent pas"):
        simulation.calculate("exoneration_jei", "2024-03")

"""Plage de la loi (2012-01 à 2026-12) dans la porte Python, et le droit constant explicite."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_secu.reforms.droit_constant import droit_constant

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.validation import EntreeInvalide, HorsPlage, verifier_periode

SYSTEME = CountryTaxBenefitSystem()


def _simulation(systeme, periode, **entrees):
    return SimulationBuilder().build_from_entities(
        systeme,
        {
            "individus": {"alice": {"salaire_de_base": {periode: 3000}, **entrees}},
            "etablissements": {"siege": {"salaries": ["alice"], "taux_accident_travail": {periode: 0.0112}}},
            "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {periode: 35}}},
        },
    )


@pytest.mark.parametrize("periode", ["2011-12", "2005-05", "2027-01", "2030-06"])
def test_calcul_hors_plage_refuse(periode):
    with pytest.raises(HorsPlage, match=r"2012-01 à 2026-12") as erreur:
        _simulation(SYSTEME, periode).calculate("salaire_net", periode)
    assert isinstance(erreur.value, EntreeInvalide)


@pytest.mark.parametrize("periode", ["2012-01", "2026-12"])
def test_bornes_de_la_plage_calculees(periode):
    assert _simulation(SYSTEME, periode).calculate("salaire_net", periode)[0] > 0


def test_droit_constant_applique_la_loi_de_decembre_2026():
    reforme = droit_constant(SYSTEME)
    decembre = _simulation(reforme, "2026-12").calculate("salaire_net", "2026-12")[0]
    assert _simulation(reforme, "2030-06").calculate("salaire_net", "2030-06")[0] == decembre
    # avant 2012, le droit constant ne change rien : la loi n'est pas connue
    with pytest.raises(HorsPlage):
        _simulation(reforme, "2011-12").calculate("salaire_net", "2011-12")


def test_message_apres_2026_indique_le_droit_constant():
    with pytest.raises(HorsPlage, match="droit_constant"):
        verifier_periode("2027-01", chemin=["individus", "alice", "salaire_net", "2027-01"])
    assert str(verifier_periode("2027-01", droit_constant=True)) == "2027-01"
    with pytest.raises(HorsPlage, match=r"individus\.alice\.salaire_net\.2011-01"):
        verifier_periode("2011-01", droit_constant=True, chemin=["individus", "alice", "salaire_net", "2011-01"])


def test_donnees_d_annees_anterieures_acceptees():
    """Une entrée datée d'avant 2012 (revenu, date d'affiliation...) n'est pas un calcul : elle reste acceptée."""
    simulation = _simulation(SYSTEME, "2012-01", salaire_de_base={"2008-05": 1000, "2012-01": 3000})
    assert simulation.calculate("salaire_net", "2012-01")[0] > 0


def test_quotite_nulle_avec_un_salaire_refusee_en_python():
    """Porte Python (tableaux, sans situation JSON) : la formule du plafond refuse une quotité nulle avec un salaire."""
    simulation = _simulation(SYSTEME, "2024-05")
    simulation.set_input("quotite_de_travail", "2024-05", [0.0])
    with pytest.raises(EntreeInvalide, match="quotite_de_travail nulle en 2024-05") as erreur:
        simulation.calculate("salaire_net", "2024-05")
    assert erreur.value.chemin == ["individus", 0, "quotite_de_travail", "2024-05"]

"""Une entrée impossible ou manquante lève une erreur qui nomme la variable et la valeur."""

from datetime import date

import pytest

from tests.outils import simulation_population


@pytest.mark.parametrize(
    ("variable", "valeur"),
    [
        ("salaire_de_base", -1.0),
        ("salaire_de_base", float("nan")),
        ("effectif_entreprise", -3),
        ("taux_accident_travail", 1.5),
        ("taux_accident_travail", -0.01),
        ("quotite_de_travail", 1.2),
        ("contribution_employeur_prevoyance", -10.0),
    ],
)
def test_valeur_impossible_refusee(systeme, variable, valeur):
    with pytest.raises(ValueError, match=rf"{variable} : valeur {valeur}"):
        simulation_population(systeme, "2024-05", **{variable: [valeur]})


def test_effectif_manquant(systeme):
    simulation = simulation_population(systeme, "2024-05", salaire_de_base=[2000.0], taux_accident_travail=[0.01])
    with pytest.raises(ValueError, match="effectif_entreprise manquant"):
        simulation.calculate("fnal_employeur", "2024-05")


def test_taux_accident_travail_manquant(systeme):
    simulation = simulation_population(systeme, "2024-05", salaire_de_base=[2000.0], effectif_entreprise=[10])
    with pytest.raises(ValueError, match="taux_accident_travail manquant"):
        simulation.calculate("accident_du_travail_employeur", "2024-05")


def test_sans_remuneration_ni_effectif_ni_taux_aucune_erreur(systeme):
    simulation = simulation_population(systeme, "2024-05", salaire_de_base=[0.0])
    assert simulation.calculate("cout_total_employeur", "2024-05")[0] == 0


def test_contrat_qui_finit_avant_de_commencer(systeme):
    simulation = simulation_population(systeme, "2024-05", salaire_de_base=[2000.0])
    simulation.set_input("date_debut_contrat", "2024-05", [date(2024, 5, 10)])
    simulation.set_input("date_fin_contrat", "2024-05", [date(2024, 5, 1)])
    with pytest.raises(ValueError, match="date_fin_contrat 2024-05-01 antérieure à date_debut_contrat 2024-05-10"):
        simulation.calculate("plafond_securite_sociale", "2024-05")


def test_taux_l131_9_inconnu_avant_mars_2018(systeme):
    simulation = simulation_population(systeme, "2017-05", salaire_de_base=[2000.0], relevant_l131_9=[True])
    with pytest.raises(ValueError, match="relevant_l131_9"):
        simulation.calculate("maladie_salarie", "2017-05")


def test_entree_de_groupe_donnee_a_un_seul_groupe(systeme):
    """Le constructeur donne la valeur « non renseignée » aux autres groupes : pas d'erreur de saisie, mais une erreur
    claire si le calcul en a besoin."""
    from openfisca_core.simulation_builder import SimulationBuilder

    simulation = SimulationBuilder().build_from_entities(
        systeme,
        {
            "individus": {"a": {"salaire_de_base": {"2024-05": 2000}}, "b": {"salaire_de_base": {"2024-05": 3000}}},
            "etablissements": {
                "e1": {"salaries": ["a"], "taux_accident_travail": {"2024-05": 0.01}},
                "e2": {"salaries": ["b"]},
            },
            "entreprises": {"x": {"salaries": ["a"], "effectif_entreprise": {"2024-05": 10}}, "y": {"salaries": ["b"]}},
        },
    )
    with pytest.raises(
        ValueError, match="taux_accident_travail manquant pour 2024-05 : l'établissement n° 1 du salarié n° 1"
    ) as erreur:
        simulation.calculate("accident_du_travail_employeur", "2024-05")
    assert erreur.value.chemin == ["etablissements", 1, "taux_accident_travail", "2024-05"]
    with pytest.raises(
        ValueError, match="effectif_entreprise manquant pour 2024-05 : l'entreprise n° 1 du salarié n° 1"
    ) as erreur:
        simulation.calculate("fnal_employeur", "2024-05")
    assert erreur.value.chemin == ["entreprises", 1, "effectif_entreprise", "2024-05"]

"""Aucune variable ne rend 0 ou faux en silence pour une période dont elle n'a pas la loi.

Sans formule applicable, OpenFisca rend la valeur par défaut sans rien dire. Chaque variable à formule doit donc en
avoir une à chaque période de janvier 2012 à décembre 2026 : la loi de la période, `neant` (le dispositif n'existe pas,
0 ou faux est la loi), `loi_non_connue` (erreur) ou `a_saisir` (valeur « non renseignée », refusée à l'usage).
"""

import numpy
import pytest
from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.variables import Variable as VariableOpenFisca

from openfisca_secu.validation import EntreeInvalide

ANNEES = range(2012, 2027)


def _periodes(variable):
    if variable.definition_period == periods.YEAR:
        return [periods.period(str(annee)) for annee in ANNEES]
    if variable.definition_period == periods.MONTH:
        return [periods.period(f"{annee}-{mois:02d}") for annee in ANNEES for mois in range(1, 13)]
    return [periods.period(f"{annee}-01-01") for annee in ANNEES]  # ETERNITY : la formule datée au jour


def test_chaque_variable_a_formule_a_une_formule_a_chaque_periode(systeme):
    sans_formule = {}
    for nom, variable in sorted(systeme.variables.items()):
        if not variable.formulas:
            continue  # variable d'entrée : sa valeur par défaut est documentée (« non renseignée »)
        # la variable du paquet rend sa valeur par défaut là où openfisca-core ne trouve aucune formule
        manquantes = [
            str(periode) for periode in _periodes(variable) if VariableOpenFisca.get_formula(variable, periode) is None
        ]
        if manquantes:
            sans_formule[nom] = f"{manquantes[0]} … {manquantes[-1]} ({len(manquantes)} périodes)"
    assert not sans_formule, sans_formule
    assert sum(1 for variable in systeme.variables.values() if variable.formulas) > 200  # le parcours a eu lieu


def _simulation(systeme, **entrees):
    simulation = SimulationBuilder().build_default_simulation(systeme, 2)
    for nom, (periode, valeurs) in entrees.items():
        simulation.set_input(nom, periode, numpy.array(valeurs))
    return simulation


@pytest.mark.parametrize(
    ("variable", "periode", "entrees", "message"),
    [
        # cas de l'issue 10 : D133-10 avant sa version de 2019, L243-5 avant 2024, L243-1-3 avant 2018
        (
            "obligation_dematerialisation",
            "2018",
            {},
            "obligation_dematerialisation : loi non connue du paquet pour 2018 (entreprise n° 0)",
        ),
        (
            "inscription_privilege_obligatoire",
            "2023-06",
            {"creance_privilegiee": ("2023-06", [0.0, 30_000.0])},
            "inscription_privilege_obligatoire : loi non connue du paquet pour 2023-06 (entreprise n° 1)",
        ),
        (
            "majoration_conges_payes",
            "2017-03",
            {"contributions_soumises_majoration_conges_payes": ("2017-03", [1_000.0, 0.0])},
            "majoration_conges_payes : loi non connue du paquet pour 2017-03 (etablissement n° 0)",
        ),
    ],
)
def test_loi_non_connue_refusee(systeme, variable, periode, entrees, message):
    simulation = _simulation(systeme, **entrees)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")) as erreur:
        simulation.calculate(variable, periode)
    assert isinstance(erreur.value, ValueError | EntreeInvalide)


@pytest.mark.parametrize(
    ("variable", "periode", "entrees"),
    [
        # les non-concernés d'une loi non connue : rien à calculer
        ("majoration_conges_payes", "2017-03", {}),
        ("inscription_privilege_obligatoire", "2023-06", {}),
        # dispositifs supprimés ou pas encore créés : 0 est la loi
        ("agff_salarie", "2020-01", {"salaire_de_base": ("2020-01", [3_000.0, 9_000.0])}),  # AGFF supprimée en 2019
        ("contribution_equilibre_general_salarie", "2018-12", {"salaire_de_base": ("2018-12", [3_000.0, 9_000.0])}),
        ("reduction_salariale_heures_supplementaires", "2015-05", {}),  # ni TEPA (fin 08/2012) ni L241-17 (2019)
    ],
)
def test_neant_ou_non_concernes(systeme, variable, periode, entrees):
    simulation = _simulation(systeme, **entrees)
    assert not simulation.calculate(variable, periode).any()

"""Population synthétique de salariés pour la démonstration et les bancs d'essai.

Illustrative, pas statistique : salaires log-normaux (médiane 2 600 € bruts, σ = 0,5) jamais sous le SMIC du
temps de travail, 18 % de temps partiels, cadres parmi les hauts salaires, tailles d'entreprise variées, 4 %
d'établissements en Alsace-Moselle.
"""

import numpy
from openfisca_core.simulation_builder import SimulationBuilder

EFFECTIFS = numpy.array([3, 8, 15, 30, 80, 200, 600, 3000])
PART_DES_EFFECTIFS = numpy.array([0.10, 0.10, 0.10, 0.12, 0.13, 0.13, 0.12, 0.20])


def population_synthetique(taille: int, smic_mensuel: float, graine: int = 2024) -> dict[str, numpy.ndarray]:
    """Entrées d'une paie mensuelle pour `taille` salariés, chacun dans son établissement et son entreprise."""
    aleas = numpy.random.default_rng(graine)
    quotite = numpy.where(aleas.random(taille) < 0.18, aleas.choice([0.5, 0.6, 0.8], taille), 1.0)
    temps_plein = numpy.exp(aleas.normal(numpy.log(2600.0), 0.5, taille))
    salaire = numpy.round(numpy.maximum(temps_plein, smic_mensuel) * quotite, 2)
    cadre = (temps_plein > 4000) & (aleas.random(taille) < 0.8)
    return {
        "salaire_de_base": salaire,
        "quotite_de_travail": quotite,
        "categorie_salarie": numpy.where(cadre, "cadre", "non_cadre"),
        "effectif_entreprise": aleas.choice(EFFECTIFS, taille, p=PART_DES_EFFECTIFS),
        "taux_accident_travail": numpy.round(aleas.uniform(0.006, 0.035, taille), 4),
        "regime_alsace_moselle": aleas.random(taille) < 0.04,
        "taux_versement_mobilite": numpy.where(aleas.random(taille) < 0.6, 0.0175, 0.0),
    }


def simulation_de_population(systeme, periode: str, entrees: dict[str, numpy.ndarray]):
    """Simulation où chaque salarié est seul dans son établissement et son entreprise."""
    taille = len(next(iter(entrees.values())))
    simulation = SimulationBuilder().build_default_simulation(systeme, taille)
    for nom, valeurs in entrees.items():
        variable = systeme.variables[nom]
        if variable.value_type.__name__ == "Enum":
            valeurs = variable.possible_values.encode(valeurs)
        simulation.set_input(nom, periode, valeurs)
    return simulation

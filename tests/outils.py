"""Aides aux tests pytest : simulations d'une population où chaque salarié a son établissement et son entreprise."""

import numpy
from openfisca_core.simulation_builder import SimulationBuilder


def simulation_population(systeme, periode, **entrees):
    """Simulation de n salariés (n = longueur des tableaux), chacun seul dans ses groupes.

    Les entrées de groupe (effectif_entreprise, taux_accident_travail...) sont données par salarié.
    """
    taille = len(next(iter(entrees.values())))
    simulation = SimulationBuilder().build_default_simulation(systeme, taille)
    for nom, valeurs in entrees.items():
        simulation.set_input(nom, periode, numpy.asarray(valeurs))
    return simulation

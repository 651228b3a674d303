"""Banc d'essai : construction du système et paie d'un mois pour 100 000 et 1 000 000 de salariés.

    python bench/bench_paie.py [--tailles 100000 1000000] [--periode 2024-05]

Mesures en temps réel (perf_counter) et mémoire résidente maximale du processus ; pas de seuil : c'est un
rapport, les objectifs sont lus par une personne.
"""

import argparse
import resource
import subprocess
import sys
import time

import numpy

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.population import population_synthetique, simulation_de_population


def temps_de_construction() -> float:
    """Import et construction du système dans un processus neuf (ce que paie un utilisateur)."""
    code = (
        "import time; t = time.perf_counter(); from openfisca_secu import CountryTaxBenefitSystem; "
        "CountryTaxBenefitSystem(); print(time.perf_counter() - t)"
    )
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def annee_regularisee(systeme, taille: int, annee: str, mode: str) -> float:
    """Douze paies d'une année aux salaires variables, réduction générale régularisée, coût total de chaque mois."""
    entrees = population_synthetique(taille, f"{annee}-01", systeme)
    salaire = entrees.pop("salaire_de_base")
    entrees["mode_regularisation_reduction_generale"] = numpy.full(taille, mode)
    aleas = numpy.random.default_rng(1)
    debut = time.perf_counter()
    simulation = simulation_de_population(systeme, annee, entrees)
    for mois in range(1, 13):
        simulation.set_input("salaire_de_base", f"{annee}-{mois:02d}", salaire * aleas.uniform(0.8, 1.2, taille))
    for mois in range(1, 13):
        simulation.calculate("cout_total_employeur", f"{annee}-{mois:02d}")
        simulation.calculate("salaire_net", f"{annee}-{mois:02d}")
    return time.perf_counter() - debut


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--tailles", type=int, nargs="+", default=[100_000, 1_000_000])
    arguments.add_argument("--periode", default="2024-05")
    arguments.add_argument("--taille-annee", type=int, default=100_000, help="salariés de l'année régularisée")
    options = arguments.parse_args()

    print(f"Import + construction du système (processus neuf) : {temps_de_construction():.3f} s")
    debut = time.perf_counter()
    systeme = CountryTaxBenefitSystem()
    print(f"Construction du système (déjà importé) : {time.perf_counter() - debut:.3f} s")
    for taille in options.tailles:
        entrees = population_synthetique(taille, options.periode, systeme)
        debut = time.perf_counter()
        simulation = simulation_de_population(systeme, options.periode, entrees)
        for nom in ("salaire_net", "cout_total_employeur"):
            simulation.calculate(nom, options.periode)
        duree = time.perf_counter() - debut
        print(f"Paie complète d'un mois, {taille:>9,} salariés : {duree:6.2f} s ({taille / duree:,.0f} salariés/s)")
    for mode in ("annuelle", "progressive"):
        duree = annee_regularisee(systeme, options.taille_annee, options.periode[:4], mode)
        print(f"Année complète, {options.taille_annee:,} salariés, régularisation {mode:11} : {duree:6.2f} s")
    pic = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Mémoire résidente maximale : {pic:,.0f} Mio")


if __name__ == "__main__":
    main()

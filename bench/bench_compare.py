"""Banc comparatif : le même mois de paie sur la même population, avec openfisca-secu et avec openfisca-france.

    python bench/bench_compare.py [--taille 1000000] [--repetitions 3] [--periode 2024-05]
                                  [--python-france .venv-oracle/bin/python]

openfisca-france épingle un autre openfisca-core : il tourne dans son propre environnement (make bench-compare le
crée), dans un sous-processus qui lit la même population (fichier .npz) et chronomètre sa propre simulation. Le
travail est le même des deux côtés : salaire net et coût total employeur, avec toutes les cotisations, les réductions
générales et les totaux qu'ils demandent. Chaque côté tourne dans des processus neufs, répétés : médiane et étendue
des temps (construction de la simulation et calcul), rapport des médianes ; objectif de l'issue 13 : au moins 25 fois
plus rapide à 1 000 000 de salariés. Un rapport, pas un test : la charge de la machine est affichée.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.population import population_synthetique

COTE_FRANCE = r"""
import sys, time
import numpy
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_france import CountryTaxBenefitSystem

donnees = numpy.load(sys.argv[1])
periode = sys.argv[2]
taille = len(donnees["salaire_de_base"])
systeme = CountryTaxBenefitSystem()
debut = time.perf_counter()
simulation = SimulationBuilder().build_default_simulation(systeme, taille)
simulation.set_input("salaire_de_base", periode, donnees["salaire_de_base"])
simulation.set_input("effectif_entreprise", periode, donnees["effectif_entreprise"])
simulation.set_input("taux_accident_travail", periode, donnees["taux_accident_travail"])
simulation.set_input("salarie_regime_alsace_moselle", periode, donnees["regime_alsace_moselle"])
cat = systeme.variables["categorie_salarie"].possible_values
simulation.set_input("categorie_salarie", periode, numpy.where(donnees["cadre"], cat.prive_cadre, cat.prive_non_cadre))
ct = systeme.variables["contrat_de_travail"].possible_values
partiel = donnees["quotite_de_travail"] < 1
simulation.set_input("contrat_de_travail", periode, numpy.where(partiel, ct.temps_partiel, ct.temps_plein))
simulation.set_input("heures_remunerees_volume", periode, 151.67 * donnees["quotite_de_travail"])
mode = systeme.variables["allegement_general_mode_recouvrement"].possible_values
for nom in ("allegement_general_mode_recouvrement", "allegement_cotisation_maladie_mode_recouvrement",
            "allegement_cotisation_allocations_familiales_mode_recouvrement"):
    simulation.set_input(nom, periode, numpy.full(taille, mode.anticipe))
net = simulation.calculate("salaire_net", periode)
cout = simulation.calculate("salaire_super_brut", periode)
print(time.perf_counter() - debut, float(net.sum()), float(cout.sum()))
"""


COTE_SECU = r"""
import sys, time
import numpy
from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.population import simulation_de_population

donnees = numpy.load(sys.argv[1])
periode = sys.argv[2]
systeme = CountryTaxBenefitSystem()
entrees = {nom: donnees[nom] for nom in ("salaire_de_base", "effectif_entreprise", "taux_accident_travail",
                                         "regime_alsace_moselle", "quotite_de_travail")}
entrees["categorie_salarie"] = numpy.where(donnees["cadre"], "cadre", "non_cadre")
debut = time.perf_counter()
simulation = simulation_de_population(systeme, periode, entrees)
net = simulation.calculate("salaire_net", periode)
cout = simulation.calculate("cout_total_employeur", periode)
print(time.perf_counter() - debut, float(net.sum()), float(cout.sum()))
"""


def _mesurer(python: str, script: Path, fichier: Path, periode: str, cote: str) -> tuple[float, float, float]:
    sortie = subprocess.run([python, str(script), str(fichier), periode], capture_output=True, text=True)
    if sortie.returncode:
        sys.exit(f"{cote} a échoué :\n{sortie.stderr[-3000:]}")
    duree, net, cout = map(float, sortie.stdout.split()[-3:])
    return duree, net, cout


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--taille", type=int, default=1_000_000)
    arguments.add_argument("--repetitions", type=int, default=3)
    arguments.add_argument("--periode", default="2024-05")
    arguments.add_argument("--python-france", default=".venv-oracle/bin/python")
    options = arguments.parse_args()

    systeme = CountryTaxBenefitSystem()
    entrees = population_synthetique(options.taille, options.periode, systeme)
    with tempfile.TemporaryDirectory() as dossier:
        fichier = Path(dossier) / "population.npz"
        numpy.savez(
            fichier,
            salaire_de_base=entrees["salaire_de_base"],
            effectif_entreprise=entrees["effectif_entreprise"],
            taux_accident_travail=entrees["taux_accident_travail"],
            regime_alsace_moselle=entrees["regime_alsace_moselle"],
            cadre=entrees["categorie_salarie"] == "cadre",
            quotite_de_travail=entrees["quotite_de_travail"],
        )
        scripts = {cote: Path(dossier) / f"{cote}.py" for cote in ("openfisca-secu", "openfisca-france")}
        scripts["openfisca-secu"].write_text(COTE_SECU)
        scripts["openfisca-france"].write_text(COTE_FRANCE)
        pythons = {"openfisca-secu": sys.executable, "openfisca-france": options.python_france}
        print(f"charge de la machine (load average 1, 5, 15 min) : {os.getloadavg()} ; {os.cpu_count()} cœurs")
        mesures = {cote: [] for cote in scripts}
        for _ in range(options.repetitions):  # en alternance, pour que la charge pèse autant des deux côtés
            for cote, script in scripts.items():
                mesures[cote].append(_mesurer(pythons[cote], script, fichier, options.periode, cote))

    titre = f"Même mois ({options.periode}), même population de {options.taille:_} salariés, "
    print((titre + f"{options.repetitions} processus neufs par côté (médiane [min – max]) :").replace("_", " "))
    medianes = {}
    for cote, essais in mesures.items():
        durees = [duree for duree, _, _ in essais]
        medianes[cote] = statistics.median(durees)
        _, net, cout = essais[0]
        print(
            f"  {cote:16} : {medianes[cote]:7.2f} s [{min(durees):.2f} – {max(durees):.2f}]   "
            f"net {net / 1e6:10.2f} M€   coût {cout / 1e6:10.2f} M€"
        )
    rapport = medianes["openfisca-france"] / medianes["openfisca-secu"]
    verdict = "atteint" if rapport >= 25 else "NON ATTEINT"
    print(f"  openfisca-secu est {rapport:.1f} fois plus rapide (objectif ≥ 25 fois à 1 000 000 : {verdict})")
    print(f"charge de la machine à la fin : {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""Banc comparatif : le même mois de paie sur la même population, avec openfisca-secu et avec openfisca-france.

    python bench/bench_compare.py [--taille 100000] [--periode 2024-05] [--python-france .venv-oracle/bin/python]

openfisca-france épingle un autre openfisca-core : il tourne dans son propre environnement (make bench-compare le
crée), dans un sous-processus qui lit la même population (fichier .npz) et chronomètre sa propre simulation. Le
travail est le même des deux côtés : salaire net et coût total employeur, avec toutes les cotisations, les réductions
générales et les totaux qu'ils demandent. Pas de seuil : c'est un rapport.
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.population import population_synthetique, simulation_de_population

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


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--taille", type=int, default=100_000)
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
        script = Path(dossier) / "cote_france.py"
        script.write_text(COTE_FRANCE)
        sortie = subprocess.run(
            [options.python_france, str(script), str(fichier), options.periode], capture_output=True, text=True
        )
        if sortie.returncode:
            sys.exit(f"openfisca-france a échoué :\n{sortie.stderr[-3000:]}")
        duree_france, net_france, cout_france = map(float, sortie.stdout.split()[-3:])

    communes = {nom: entrees[nom] for nom in ("salaire_de_base", "effectif_entreprise", "taux_accident_travail")}
    communes |= {
        "regime_alsace_moselle": entrees["regime_alsace_moselle"],
        "categorie_salarie": entrees["categorie_salarie"],
    }
    communes["quotite_de_travail"] = entrees["quotite_de_travail"]
    debut = time.perf_counter()
    simulation = simulation_de_population(systeme, options.periode, communes)
    net = simulation.calculate("salaire_net", options.periode)
    cout = simulation.calculate("cout_total_employeur", options.periode)
    duree_secu = time.perf_counter() - debut

    print(f"Même mois ({options.periode}), même population de {options.taille:_} salariés :".replace("_", " "))
    print(
        f"  openfisca-secu   : {duree_secu:7.2f} s   net {net.sum() / 1e6:10.2f} M€   coût {cout.sum() / 1e6:10.2f} M€"
    )
    print(
        f"  openfisca-france : {duree_france:7.2f} s   net {net_france / 1e6:10.2f} M€   "
        f"coût {cout_france / 1e6:10.2f} M€"
    )
    print(f"  openfisca-secu est {duree_france / duree_secu:.1f} fois plus rapide")


if __name__ == "__main__":
    main()

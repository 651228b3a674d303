"""Banc d'essai de la paie à l'échelle : chaque mesure dans un processus neuf, répétée, médiane et étendue.

    python bench/bench_paie.py [--taille 1000000] [--repetitions 5] [--periode 2024-05]

Mesures (temps réel perf_counter, mémoire résidente maximale du processus de mesure) et objectifs de l'issue 13 :
- import et construction du système ;
- un mois de paie complète, simulation ordinaire puis avec le réglage d'économie de mémoire
  (openfisca_secu.memoire) : construction de la simulation (≤ 0,1 s), calcul du salaire net et du coût total
  employeur (≤ 0,3 s), mémoire (≤ 600 Mio) ;
- une année de douze paies aux salaires variables, réduction générale régularisée, pour chaque mode, avec le
  réglage d'économie de mémoire (openfisca_secu.memoire) : ≤ 3 s et ≤ 1 Gio ;
- le même mois et la même année calculés par `openfisca_secu.memoire.calculer_par_parts`, une part par cœur dans le
  même processus (construction et calcul ensemble : les parts se construisent en même temps).
Temps réel et temps processeur (sur une machine partagée, le second dépend moins de la charge). Un rapport, pas un
test : la charge de la machine (load average) est affichée avec les chiffres.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import numpy

MIO = 1024 * 1024


def _rss_max_mio() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIO


def mesure_import() -> dict:
    debut = time.perf_counter()
    from openfisca_secu import CountryTaxBenefitSystem

    CountryTaxBenefitSystem()
    return {"import_et_construction_s": time.perf_counter() - debut}


def mesure_mois(taille: int, periode: str, econome: bool) -> dict:
    from openfisca_secu import CountryTaxBenefitSystem
    from openfisca_secu.memoire import economiser_la_memoire
    from openfisca_secu.population import population_synthetique, simulation_de_population

    systeme = CountryTaxBenefitSystem()
    entrees = population_synthetique(taille, periode, systeme)
    debut, debut_cpu = time.perf_counter(), time.process_time()
    simulation = simulation_de_population(systeme, periode, entrees)
    construite, construite_cpu = time.perf_counter(), time.process_time()
    if econome:
        economiser_la_memoire(simulation, ("salaire_net", "cout_total_employeur"))
    for nom in ("salaire_net", "cout_total_employeur"):
        simulation.calculate(nom, periode)
    return {
        "construction_s": construite - debut,
        "construction_cpu_s": construite_cpu - debut_cpu,
        "calcul_s": time.perf_counter() - construite,
        "calcul_cpu_s": time.process_time() - construite_cpu,
        "rss_mio": _rss_max_mio(),
    }


def mesure_mois_par_parts(taille: int, periode: str) -> dict:
    from openfisca_secu import CountryTaxBenefitSystem
    from openfisca_secu.memoire import calculer_par_parts
    from openfisca_secu.population import population_synthetique

    systeme = CountryTaxBenefitSystem()
    entrees = population_synthetique(taille, periode, systeme)
    debut, debut_cpu = time.perf_counter(), time.process_time()
    for _ in calculer_par_parts(systeme, periode, entrees, ("salaire_net", "cout_total_employeur")):
        pass
    return {
        "construction_et_calcul_s": time.perf_counter() - debut,
        "construction_et_calcul_cpu_s": time.process_time() - debut_cpu,
        "rss_mio": _rss_max_mio(),
    }


def _annee_aleatoire(taille: int, annee: str, mode: str):
    """Entrées d'une année : population du mois de janvier, salaires tirés à ±20 % chaque mois."""
    from openfisca_secu import CountryTaxBenefitSystem
    from openfisca_secu.population import population_synthetique

    systeme = CountryTaxBenefitSystem()
    entrees = population_synthetique(taille, f"{annee}-01", systeme)
    salaire = entrees.pop("salaire_de_base")
    entrees["mode_regularisation_reduction_generale"] = numpy.full(taille, mode)
    aleas = numpy.random.default_rng(1)
    salaires = {f"{annee}-{mois:02d}": salaire * aleas.uniform(0.8, 1.2, taille) for mois in range(1, 13)}
    return systeme, entrees, salaires


def mesure_annee(taille: int, annee: str, mode: str, par_parts: bool = False) -> dict:
    """Douze paies, salaires tirés à ±20 % chaque mois ; construction, entrées et calcul chronométrés ensemble. Une
    simulation économe, ou `calculer_par_parts` (une part par cœur, en même temps)."""
    from openfisca_secu.memoire import calculer_mois_par_mois, calculer_par_parts, economiser_la_memoire
    from openfisca_secu.population import simulation_de_population

    systeme, entrees, salaires = _annee_aleatoire(taille, annee, mode)
    noms = ("salaire_net", "cout_total_employeur")
    debut, debut_cpu = time.perf_counter(), time.process_time()
    if par_parts:
        mois_calcules = calculer_par_parts(systeme, annee, entrees, noms, {"salaire_de_base": salaires})
    else:
        simulation = simulation_de_population(systeme, annee, entrees)
        for mois, valeurs in salaires.items():
            simulation.set_input("salaire_de_base", mois, valeurs)
        economiser_la_memoire(simulation, noms)
        mois_calcules = calculer_mois_par_mois(simulation, annee, noms)
    cout = 0
    for _, resultats in mois_calcules:
        cout = cout + resultats["cout_total_employeur"]
    return {
        "annee_s": time.perf_counter() - debut,
        "annee_cpu_s": time.process_time() - debut_cpu,
        "rss_mio": _rss_max_mio(),
        "cout_total_meur": cout.sum() / 1e6,
    }


def _dans_un_processus_neuf(*arguments: str) -> dict:
    sortie = subprocess.run(
        [sys.executable, __file__, "--mesure", *arguments], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(sortie.strip().splitlines()[-1])


def _ligne(libelle: str, valeurs: list[float], unite: str, objectif: float | None) -> str:
    mediane = statistics.median(valeurs)
    texte = f"  {libelle:<44} {mediane:9.3f} {unite:<4} [{min(valeurs):.3f} – {max(valeurs):.3f}]"
    if objectif is not None:
        texte += f"   objectif ≤ {objectif:g} {unite} : {'atteint' if mediane <= objectif else 'NON ATTEINT'}"
    return texte


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--taille", type=int, default=1_000_000)
    arguments.add_argument("--repetitions", type=int, default=5)
    arguments.add_argument("--periode", default="2024-05")
    arguments.add_argument("--mesure", nargs="+", help=argparse.SUPPRESS)  # exécution d'une mesure (processus neuf)
    options = arguments.parse_args()
    if options.mesure:
        nature, *reste = options.mesure
        if nature == "import":
            resultat = mesure_import()
        elif nature == "mois":
            resultat = mesure_mois(int(reste[0]), reste[1], reste[2] == "econome")
        elif nature == "mois_par_parts":
            resultat = mesure_mois_par_parts(int(reste[0]), reste[1])
        elif nature == "annee_par_parts":
            resultat = mesure_annee(int(reste[0]), reste[1], reste[2], par_parts=True)
        else:
            resultat = mesure_annee(int(reste[0]), reste[1], reste[2])
        print(json.dumps(resultat))
        return

    taille, annee, n = options.taille, options.periode[:4], options.repetitions
    print(f"Banc openfisca-secu : {taille:_} salariés, {n} processus neufs par mesure".replace("_", " "))
    print(f"  charge de la machine au début (load average 1, 5, 15 min) : {os.getloadavg()} ; {os.cpu_count()} cœurs")
    print("  médiane [min – max]")
    essais = [_dans_un_processus_neuf("import") for _ in range(n)]
    print(_ligne("import et construction du système", [e["import_et_construction_s"] for e in essais], "s", None))

    for reglage, libelle in (("ordinaire", "simulation ordinaire"), ("econome", "économie de mémoire")):
        essais = [_dans_un_processus_neuf("mois", str(taille), options.periode, reglage) for _ in range(n)]
        print(f"Un mois de paie ({options.periode}), {libelle} :")
        print(_ligne("construction de la simulation", [e["construction_s"] for e in essais], "s", 0.1))
        print(_ligne("  temps processeur", [e["construction_cpu_s"] for e in essais], "s", 0.1))
        print(_ligne("calcul (salaire net, coût total employeur)", [e["calcul_s"] for e in essais], "s", 0.3))
        print(_ligne("  temps processeur", [e["calcul_cpu_s"] for e in essais], "s", 0.3))
        print(_ligne("mémoire résidente maximale", [e["rss_mio"] for e in essais], "Mio", 600))

    essais = [_dans_un_processus_neuf("mois_par_parts", str(taille), options.periode) for _ in range(n)]
    print(f"Un mois de paie ({options.periode}), calculer_par_parts ({os.cpu_count()} parts, un fil par part) :")
    print(_ligne("construction et calcul", [e["construction_et_calcul_s"] for e in essais], "s", 0.4))
    print(_ligne("  temps processeur (tous les fils)", [e["construction_et_calcul_cpu_s"] for e in essais], "s", None))
    print(_ligne("mémoire résidente maximale", [e["rss_mio"] for e in essais], "Mio", 600))

    for mode in ("annuelle", "progressive"):
        for nature, libelle in (
            ("annee", "une simulation"),
            ("annee_par_parts", f"{os.cpu_count()} parts en même temps"),
        ):
            essais = [_dans_un_processus_neuf(nature, str(taille), annee, mode) for _ in range(n)]
            print(f"Une année ({annee}, 12 paies), réduction générale régularisée, mode {mode}, {libelle} :")
            print(_ligne("construction, entrées et calcul", [e["annee_s"] for e in essais], "s", 3))
            print(_ligne("  temps processeur (tous les fils)", [e["annee_cpu_s"] for e in essais], "s", None))
            print(_ligne("mémoire résidente maximale", [e["rss_mio"] for e in essais], "Mio", 1024))
    print(f"  charge de la machine à la fin : {os.getloadavg()}")


if __name__ == "__main__":
    main()

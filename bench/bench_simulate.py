"""Banc de la microsimulation d'un pays : `openfisca-secu simulate` sur une population Parquet, pour un an.

    python bench/bench_simulate.py [--lignes 20000000] [--periode 2024] [--workers 2] [--ordonnanceur]

Écrit d'abord (une fois) la population synthétique en Parquet, par paquets d'un million de lignes, puis lance la
commande dans un processus neuf : temps réel, mémoire résidente maximale de l'ensemble des processus (pilote,
travailleurs Dask et ordonnanceur séparé, relevée toutes les 0,2 s) ; objectifs de l'issue 13 : ≤ 60 s et ≤ 2 Gio
pour 20 millions de lignes sur deux cœurs. `--ordonnanceur` lance d'abord un ordonnanceur Dask et des travailleurs
séparés (`dask scheduler`, `dask worker`) et passe leur adresse à `--scheduler`, comme contre un cluster existant.
Un rapport, pas un test ; la charge de la machine est affichée.
"""

import argparse
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

BIN = Path(sys.executable).parent


def ecrire_population(chemin: Path, lignes: int, periode: str) -> None:
    import pandas
    import pyarrow
    import pyarrow.parquet

    from openfisca_secu import CountryTaxBenefitSystem
    from openfisca_secu.population import population_synthetique

    systeme = CountryTaxBenefitSystem()
    provisoire = chemin.with_suffix(".partiel")
    ecrivain = None
    for rang, debut in enumerate(range(0, lignes, 1_000_000)):
        taille = min(1_000_000, lignes - debut)
        entrees = population_synthetique(taille, f"{periode[:4]}-01", systeme, graine=rang)
        table = pyarrow.Table.from_pandas(pandas.DataFrame({"salarie_id": range(debut, debut + taille), **entrees}))
        ecrivain = ecrivain or pyarrow.parquet.ParquetWriter(provisoire, table.schema)
        ecrivain.write_table(table)
    ecrivain.close()
    os.replace(provisoire, chemin)


def releve(processus: psutil.Process, processeur: dict) -> int:
    """Mémoire résidente de l'ensemble (processus et descendants) ; met à jour le temps processeur de chacun."""
    total = 0
    for membre in [processus, *processus.children(recursive=True)]:
        with contextlib.suppress(psutil.Error), membre.oneshot():  # psutil.Error : processus fini entre-temps
            total += membre.memory_info().rss
            temps = membre.cpu_times()
            processeur[membre.pid] = (_role(membre, processus), temps.user, temps.system)
    return total


def _role(membre: psutil.Process, suivi: psutil.Process) -> str:
    ligne = " ".join(membre.cmdline())
    if "openfisca-secu" in ligne and membre.pid == suivi.pid:
        return "pilote (la commande)"
    roles = {"spawn_main": "travailleur Dask", "dask scheduler": "ordonnanceur", "dask worker": "nanny"}
    for motif, role in roles.items():
        if motif in ligne:
            return role
    return membre.name()


def lancer(commande: list[str], annexes: list[subprocess.Popen]) -> tuple[float, float, int, dict]:
    """Temps réel, pic de mémoire résidente totale (Mio, commande et processus annexes), code de retour et temps
    processeur (utilisateur, système) de chaque processus, relevé pour la dernière fois avant sa fin."""
    debut = time.perf_counter()
    processus = subprocess.Popen(commande, stdout=subprocess.DEVNULL)
    suivis = [psutil.Process(p.pid) for p in (processus, *annexes)]
    pic = 0
    processeur = {}
    while processus.poll() is None:
        pic = max(pic, sum(releve(suivi, processeur) for suivi in suivis))
        time.sleep(0.2)
    return time.perf_counter() - debut, pic / 2**20, processus.returncode, processeur


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--lignes", type=int, default=20_000_000)
    arguments.add_argument("--periode", default="2024")
    arguments.add_argument("--workers", type=int, default=2)
    arguments.add_argument("--chunk-size", type=int, default=100_000)
    arguments.add_argument("--dossier", default="out/bench_simulate")
    arguments.add_argument("--ordonnanceur", action="store_true", help="ordonnanceur Dask séparé (--scheduler)")
    options = arguments.parse_args()

    dossier = Path(options.dossier)
    dossier.mkdir(parents=True, exist_ok=True)
    population = dossier / f"population_{options.lignes}_{options.periode[:4]}.parquet"
    if not population.exists():
        debut = time.perf_counter()
        ecrire_population(population, options.lignes, options.periode)
        print(f"Population écrite en {time.perf_counter() - debut:.0f} s : {population}")

    commande = [str(BIN / "openfisca-secu"), "simulate", str(population), "--period", options.periode]
    commande += ["--output", str(dossier / "sortie"), "--chunk-size", str(options.chunk_size), "--no-plots"]
    annexes = []
    if options.ordonnanceur:
        adresse = "tcp://127.0.0.1:8799"
        annexes.append(subprocess.Popen([str(BIN / "dask"), "scheduler", "--port", "8799", "--no-dashboard"]))
        time.sleep(3)
        for _ in range(options.workers):
            annexes.append(
                subprocess.Popen([str(BIN / "dask"), "worker", adresse, "--nthreads", "1", "--no-dashboard"])
            )
        time.sleep(5)
        commande += ["--scheduler", adresse]
    elif options.workers > 1:
        commande += ["--workers", str(options.workers)]

    print(f"charge de la machine (load average 1, 5, 15 min) : {os.getloadavg()} ; {os.cpu_count()} cœurs")
    for fichier in (dossier / "sortie").glob("*/part-*"):  # pas de reprise : tout est recalculé
        fichier.unlink()
    duree, pic, code, processeur = lancer(commande, annexes)
    for annexe in annexes:
        annexe.terminate()
    pic_annexes = "" if not annexes else " (pilote, ordonnanceur et travailleurs)"
    print(f"openfisca-secu simulate, {options.lignes:_} lignes, {options.periode}, code {code} :".replace("_", " "))
    print(f"  temps réel                 {duree:8.1f} s     objectif ≤ 60 s pour 20 millions de lignes")
    print(f"  mémoire résidente maximale {pic:8.0f} Mio   objectif ≤ 2048 Mio{pic_annexes}")
    print(f"  débit                      {options.lignes / duree:8,.0f} salariés-années / s".replace(",", " "))
    print("  temps processeur (utilisateur + système, relevé toutes les 0,2 s) :")
    for pid, (role, utilisateur, systeme) in processeur.items():
        print(f"    {role:<24} pid {pid:>7} {utilisateur:7.1f} s + {systeme:6.1f} s")
    total = sum(u + s for _, u, s in processeur.values())
    print(f"    total                          {total:7.1f} s, soit {1e6 * total / options.lignes:.1f} µs par ligne")
    print(f"charge de la machine à la fin : {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""Exécution des paquets sur un cluster Dask : `--scheduler ADRESSE` pour un cluster existant, ou `--workers N`
pour un cluster local (processus sur 127.0.0.1). Le pilote lit les paquets et écrit les résultats ; les travailleurs
calculent (ils n'ont pas besoin d'accès au dossier de sortie). Au plus deux paquets en vol par travailleur : la
mémoire du pilote reste bornée. Les agrégats des paquets sont additionnés dans l'ordre des paquets, comme dans un
seul processus : même rapport au bit près, quel que soit l'ordre d'arrivée."""

import ctypes
import json
import sys
from functools import lru_cache

from openfisca_secu.microsimulation.calcul import additionner

# glibc, mallopt : seuils au-delà desquels un bloc est alloué à part (mmap) et le haut du tas rendu au système
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
SEUIL_MMAP = 32 * 2**20  # le plafond de glibc en 64 bits, celui qu'atteint son seuil dynamique par défaut
SEUIL_RESTITUTION = 2 * SEUIL_MMAP  # le double, comme le seuil dynamique par défaut


@lru_cache(maxsize=1)
def regler_l_allocateur() -> None:
    """Seuils de l'allocateur d'un travailleur rendus à ceux d'un processus ordinaire (une fois par processus).

    Un travailleur Dask lancé par sa nanny hérite de MALLOC_TRIM_THRESHOLD_=65536
    (`distributed.nanny.pre-spawn-environ`), ce qui fige aussi le seuil mmap de glibc à 128 Kio : chaque tableau de
    plus de 16 000 salariés est alors demandé au noyau puis rendu, et ses pages refaites à zéro. Mesuré sur un
    paquet de 100 000 salariés-années : 1,3 s dont 0,7 s de temps système, au lieu de 0,63 s dans un processus
    ordinaire. Sans effet hors de glibc (Linux seulement)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, SEUIL_MMAP)
        libc.mallopt(M_TRIM_THRESHOLD, SEUIL_RESTITUTION)
    except (OSError, AttributeError):  # pragma: no cover - autre libc (musl)
        return


def calculer_dans_un_travailleur(calculer, *arguments):
    regler_l_allocateur()
    return calculer(*arguments)


def executer_avec_dask(
    paquets, dossier, periode, reforme, mensuel, droit_constant, calculer, ecrire, travailleurs, ordonnanceur, barre
):
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if ordonnanceur:
        client = Client(ordonnanceur)
    else:
        # sans le profil par échantillonnage des tâches, qui ne sert qu'au tableau de bord (absent ici) : 0,025 s de
        # processeur par paquet de 100 000 dans chaque travailleur
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(
                n_workers=travailleurs, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
            )
        client = Client(cluster)
    agregats = {}
    try:
        en_vol = as_completed()
        limite = 2 * max(len(client.scheduler_info()["workers"]), 1)
        for index, debut, paquet in paquets:
            fichier_agregats = dossier / "agregats" / f"part-{index:05d}.json"
            if fichier_agregats.exists():  # paquet fini lors d'une exécution interrompue
                agregats[index] = json.loads(fichier_agregats.read_text())
                barre.update(1)
                continue
            futur = client.submit(
                calculer_dans_un_travailleur,
                calculer,
                paquet,
                debut,
                periode,
                reforme,
                mensuel,
                droit_constant,
                pure=False,
            )
            futur.index = index
            en_vol.add(futur)
            del paquet  # envoyé : le pilote n'en garde rien
            while en_vol.count() >= limite:
                _recolter(next(en_vol), dossier, ecrire, agregats, barre)
        for futur in en_vol:
            _recolter(futur, dossier, ecrire, agregats, barre)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    total = None
    for index in sorted(agregats):
        total = additionner(total, agregats[index])
    return total


def _recolter(futur, dossier, ecrire, agregats, barre):
    resultats, mensuels, agregats[futur.index] = futur.result()
    ecrire(dossier, futur.index, resultats, mensuels, agregats[futur.index])
    barre.update(1)

"""Exécution des paquets sur un cluster Dask : `--scheduler ADRESSE` pour un cluster existant, ou `--workers N`
pour un cluster local (processus sur 127.0.0.1). Le pilote lit les paquets et écrit les résultats ; les travailleurs
calculent (ils n'ont pas besoin d'accès au dossier de sortie). Au plus deux paquets en vol par travailleur : la
mémoire du pilote reste bornée."""

import json

from openfisca_secu.microsimulation.calcul import additionner


def executer_avec_dask(
    paquets, dossier, periode, reforme, mensuel, droit_constant, calculer, ecrire, travailleurs, ordonnanceur, barre
):
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if ordonnanceur:
        client = Client(ordonnanceur)
    else:
        cluster = LocalCluster(
            n_workers=travailleurs, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
        )
        client = Client(cluster)
    agregats = None
    try:
        en_vol = as_completed()
        limite = 2 * max(len(client.scheduler_info()["workers"]), 1)
        for index, debut, paquet in paquets:
            fichier_agregats = dossier / "agregats" / f"part-{index:05d}.json"
            if fichier_agregats.exists():  # paquet fini lors d'une exécution interrompue
                agregats = additionner(agregats, json.loads(fichier_agregats.read_text()))
                barre.update(1)
                continue
            futur = client.submit(calculer, paquet, debut, periode, reforme, mensuel, droit_constant, pure=False)
            futur.index = index
            en_vol.add(futur)
            while en_vol.count() >= limite:
                agregats = _recolter(next(en_vol), dossier, ecrire, agregats, barre)
        for futur in en_vol:
            agregats = _recolter(futur, dossier, ecrire, agregats, barre)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return agregats


def _recolter(futur, dossier, ecrire, agregats, barre):
    resultats, mensuels, agregats_du_paquet = futur.result()
    ecrire(dossier, futur.index, resultats, mensuels, agregats_du_paquet)
    barre.update(1)
    return additionner(agregats, agregats_du_paquet)

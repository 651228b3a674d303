"""Ligne de commande : openfisca-secu simulate [POPULATION] --period 2024 --output DIR [--reform NOM] ..."""

import argparse
import sys
import time

from openfisca_secu.microsimulation.execution import TAILLE_DES_PAQUETS, simuler
from openfisca_secu.microsimulation.lecture import ErreurDePopulation


def main(arguments: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(prog="openfisca-secu", description="Cotisations sociales d'une population")
    commandes = analyseur.add_subparsers(dest="commande", required=True)
    simuler_ = commandes.add_parser("simulate", help="microsimulation de la législation et d'une réforme")
    simuler_.add_argument("population", nargs="?", help="CSV ou Parquet, un salarié par ligne (défaut : synthétique)")
    simuler_.add_argument("--period", required=True, help="AAAA (douze paies) ou AAAA-MM, de 2012-01 à 2026-12")
    simuler_.add_argument(
        "--droit-constant",
        action="store_true",
        help="après 2026-12, appliquer la loi de décembre 2026 (projection ; dit dans le rapport)",
    )
    simuler_.add_argument("--months", action="store_true", help="écrire aussi les résultats de chaque mois")
    simuler_.add_argument("--reform", help="réforme de openfisca_secu.reforms (nom du module) ou module.Classe")
    simuler_.add_argument("--output", required=True, help="dossier de sortie")
    simuler_.add_argument("--etablissements", help="CSV ou Parquet des établissements (colonne etablissement_id)")
    simuler_.add_argument("--entreprises", help="CSV ou Parquet des entreprises (colonne entreprise_id)")
    simuler_.add_argument("--chunk-size", type=int, default=TAILLE_DES_PAQUETS, help="salariés par paquet")
    simuler_.add_argument("--workers", type=int, help="cluster Dask local de N processus sur 127.0.0.1")
    simuler_.add_argument("--scheduler", help="adresse d'un ordonnanceur Dask existant (tcp://hôte:8786)")
    simuler_.add_argument("--size", type=int, default=100_000, help="taille de la population synthétique")
    simuler_.add_argument("--no-plots", action="store_true", help="ne pas dessiner les graphiques")
    options = analyseur.parse_args(arguments)

    debut = time.perf_counter()
    try:
        resultat = simuler(
            options.population,
            periode=options.period,
            sortie=options.output,
            reforme=options.reform,
            mensuel=options.months,
            taille_des_paquets=options.chunk_size,
            etablissements=options.etablissements,
            entreprises=options.entreprises,
            travailleurs=options.workers,
            ordonnanceur=options.scheduler,
            taille_synthetique=options.size,
            graphiques=not options.no_plots,
            droit_constant=options.droit_constant,
        )
    except (ErreurDePopulation, ValueError, OSError) as erreur:
        # code 2 : la population, ses groupes ou les options sont fautifs (le message dit où)
        print(f"openfisca-secu : {_message(erreur)}", file=sys.stderr)
        return 2
    print(resultat.rapport_markdown)
    print(f"Résultats dans {resultat.dossier} ({time.perf_counter() - debut:.1f} s) :")
    for fichier in resultat.fichiers:
        print(f"  {fichier}")
    return 0


def _message(erreur: Exception) -> str:
    if isinstance(erreur, OSError) and erreur.filename:
        return f"{erreur.filename} : {erreur.strerror or erreur}"
    return str(getattr(erreur, "message", erreur))


if __name__ == "__main__":
    sys.exit(main())

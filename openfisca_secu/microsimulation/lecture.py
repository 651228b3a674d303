"""Lecture d'une population (CSV ou Parquet) par paquets, avec contrôle des colonnes.

Une ligne est un salarié (un contrat). Les colonnes portent le nom d'une variable d'entrée d'openfisca-secu
(`salaire_de_base`, `quotite_de_travail`, `categorie_salarie`...), y compris celles de l'établissement et de
l'entreprise (`effectif_entreprise`, `taux_accident_travail`...), qui valent alors pour le groupe de ce salarié.
Des fichiers d'établissements ou d'entreprises peuvent aussi être joints par `etablissement_id` / `entreprise_id`.
Les colonnes dont le nom finit par `_id` (ou `id`) sont des identifiants recopiés dans les résultats.
"""

from collections.abc import Iterator
from pathlib import Path

import numpy

COLONNES_OBLIGATOIRES = ("salaire_de_base",)


class ErreurDePopulation(ValueError):  # noqa: N818 (nom français)
    """Colonne manquante, inconnue ou mal formée ; le message nomme la colonne (et la ligne)."""


def _pandas():
    try:
        import pandas
    except ImportError as erreur:  # pragma: no cover - dépend de l'installation
        raise ImportError(
            "La microsimulation lit CSV et Parquet avec pandas : pip install 'openfisca-secu[population]'"
        ) from erreur
    return pandas


def est_un_identifiant(colonne: str) -> bool:
    return colonne == "id" or colonne.endswith("_id")


def lire_table(chemin: Path, taille_des_paquets: int) -> Iterator:
    """Paquets successifs d'un fichier CSV ou Parquet, sans le charger entier en mémoire."""
    pandas = _pandas()
    suffixe = chemin.suffix.lower()
    if suffixe == ".csv":
        yield from pandas.read_csv(chemin, chunksize=taille_des_paquets)
    elif suffixe in (".parquet", ".pq"):
        import pyarrow.parquet

        fichier = pyarrow.parquet.ParquetFile(chemin)
        for lot in fichier.iter_batches(batch_size=taille_des_paquets):
            yield lot.to_pandas()
    else:
        raise ErreurDePopulation(f"{chemin} : format inconnu « {suffixe} » (attendu .csv ou .parquet)")


def lire_groupes(chemin: Path | None, cle: str):
    """Table des établissements ou des entreprises, indexée par son identifiant."""
    if chemin is None:
        return None
    pandas = _pandas()
    table = pandas.concat(list(lire_table(chemin, 1_000_000)))
    if cle not in table.columns:
        raise ErreurDePopulation(f"{chemin} : colonne « {cle} » manquante (identifiant du groupe)")
    if table[cle].duplicated().any():
        doublon = table[cle][table[cle].duplicated()].iloc[0]
        raise ErreurDePopulation(f"{chemin} : identifiant « {cle} » = {doublon} en double")
    return table.set_index(cle)


def joindre_groupes(paquet, etablissements, entreprises):
    for table, cle in ((etablissements, "etablissement_id"), (entreprises, "entreprise_id")):
        if table is None:
            continue
        if cle not in paquet.columns:
            raise ErreurDePopulation(f"colonne « {cle} » manquante dans la population pour joindre les groupes")
        inconnus = ~paquet[cle].isin(table.index)
        if inconnus.any():
            ligne = int(numpy.flatnonzero(inconnus.to_numpy())[0])
            raise ErreurDePopulation(f"colonne « {cle} » : valeur {paquet[cle].iloc[ligne]} inconnue (ligne {ligne})")
        communes = sorted(set(table.columns) & set(paquet.columns))
        if communes:
            raise ErreurDePopulation(f"colonne « {communes[0]} » donnée à la fois pour le salarié et pour son groupe")
        jointes = table.loc[paquet[cle].to_numpy()].reset_index(drop=True)
        jointes.index = paquet.index
        paquet = paquet.join(jointes)
    return paquet


def entrees_du_paquet(paquet, systeme, debut_de_ligne: int) -> dict[str, numpy.ndarray]:
    """Colonnes d'un paquet converties en tableaux d'entrée, après contrôle de chaque colonne."""
    for colonne in COLONNES_OBLIGATOIRES:
        if colonne not in paquet.columns:
            raise ErreurDePopulation(f"colonne obligatoire « {colonne} » manquante")
    entrees = {}
    for colonne in paquet.columns:
        if est_un_identifiant(colonne):
            continue
        variable = systeme.variables.get(colonne)
        if variable is None or (variable.formulas and colonne not in ENTREES_A_FORMULE):
            raise ErreurDePopulation(
                f"colonne « {colonne} » : ce n'est pas une variable d'entrée d'openfisca-secu "
                "(les identifiants doivent finir par _id)"
            )
        valeurs = paquet[colonne]
        if valeurs.isna().any():
            ligne = debut_de_ligne + int(numpy.flatnonzero(valeurs.isna().to_numpy())[0])
            raise ErreurDePopulation(f"colonne « {colonne} » : valeur manquante à la ligne {ligne}")
        if variable.value_type.__name__ == "Enum":
            possibles = {item.name for item in variable.possible_values}
            inconnues = ~valeurs.astype(str).isin(possibles)
            if inconnues.any():
                ligne = int(numpy.flatnonzero(inconnues.to_numpy())[0])
                raise ErreurDePopulation(
                    f"colonne « {colonne} » : valeur « {valeurs.iloc[ligne]} » inconnue à la ligne "
                    f"{debut_de_ligne + ligne} (possibles : {', '.join(sorted(possibles))})"
                )
            entrees[colonne] = valeurs.astype(str).to_numpy()
            continue
        try:
            entrees[colonne] = valeurs.to_numpy().astype(variable.dtype)
        except (TypeError, ValueError):
            mal_formee = next(i for i, v in enumerate(valeurs) if not _convertible(v, variable.dtype))
            raise ErreurDePopulation(
                f"colonne « {colonne} » : valeur « {valeurs.iloc[mal_formee]} » mal formée à la ligne "
                f"{debut_de_ligne + mal_formee} (attendu : {variable.value_type.__name__})"
            ) from None
    return entrees


def _convertible(valeur, dtype) -> bool:
    try:
        numpy.array([valeur]).astype(dtype)
    except (TypeError, ValueError):
        return False
    return True


# Variables calculées qu'une population peut fournir directement (saisie prioritaire sur la formule).
ENTREES_A_FORMULE = frozenset(
    {
        "fraction_mois_remunere",
        "duree_collective_hebdomadaire",
        "taux_accident_travail",
        "employeur_champ_allegements_generaux",
    }
)

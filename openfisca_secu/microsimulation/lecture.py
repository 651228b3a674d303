"""Lecture d'une population (CSV ou Parquet) par paquets, selon le contrat d'entrée de `openfisca_secu.colonnes`.

Une ligne est un salarié (un contrat). Les colonnes portent le nom d'une variable d'entrée d'openfisca-secu
(`salaire_de_base`, `quotite_de_travail`, `categorie_salarie`...), y compris celles de l'établissement et de
l'entreprise (`effectif_entreprise`, `taux_accident_travail`...), qui valent alors pour le groupe de ce salarié.
Des fichiers d'établissements ou d'entreprises peuvent aussi être joints par `etablissement_id` / `entreprise_id`.
Les colonnes dont le nom finit par `_id` (ou `id`) sont des identifiants recopiés dans les résultats, tels qu'écrits.

CSV : UTF-8 (avec ou sans BOM), séparateur détecté sur l'en-tête : « ; » (CSV Excel français, virgule décimale) ou
« , » (point décimal). Les lignes sont numérotées comme dans un tableur : l'en-tête est la ligne 1 (Parquet aussi).
"""

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import numpy

from openfisca_secu.colonnes import (
    ErreurDePopulation,
    controler_population,
    convertir_colonne,
    position_dans_un_fichier,
)

# Entrées sans lesquelles aucune paie n'est calculable (taux AT/MP notifié et effectif : D242-6-1, L130-1).
COLONNES_OBLIGATOIRES = ("salaire_de_base", "effectif_entreprise", "taux_accident_travail")
PREMIERE_LIGNE = 2  # ligne du premier salarié, sous l'en-tête

__all__ = ["ErreurDePopulation", "lire_population"]


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


def _refuser_en_tete(chemin: Path, noms: list[str]) -> None:
    for rang, nom in enumerate(noms):
        if not str(nom).strip():
            raise ErreurDePopulation(f"{chemin.name}, ligne 1 : la colonne n° {rang + 1} n'a pas de nom")
        if nom in noms[:rang]:
            raise ErreurDePopulation(
                f"{chemin.name}, ligne 1 : colonne « {nom} » en double (colonnes n° {noms.index(nom) + 1} et "
                f"{rang + 1})",
                str(nom),
                "ligne 1",
            )


def _separateur_csv(chemin: Path) -> str:
    try:
        with chemin.open(encoding="utf-8-sig", newline="") as fichier:
            en_tete = fichier.readline()
    except UnicodeDecodeError:
        raise ErreurDePopulation(f"{chemin.name} : encodage illisible ; attendu un CSV en UTF-8") from None
    if not en_tete.strip():
        raise ErreurDePopulation(
            f"{chemin.name} : fichier vide ; attendu une ligne d'en-tête puis un salarié par ligne"
        )
    separateur = ";" if ";" in en_tete else ","
    _refuser_en_tete(chemin, next(csv.reader([en_tete.rstrip("\r\n")], delimiter=separateur)))
    return separateur


def lire_table(chemin: Path, taille_des_paquets: int) -> Iterator[tuple[int, object, str]]:
    """Paquets successifs d'un fichier CSV ou Parquet (numéro de ligne du premier, table, séparateur décimal), sans
    le charger entier en mémoire. Les cellules d'un CSV restent du texte : `colonnes` les lit selon leur variable."""
    pandas = _pandas()
    suffixe = chemin.suffix.lower()
    if not chemin.exists():
        raise ErreurDePopulation(f"{chemin} : fichier introuvable")
    ligne = PREMIERE_LIGNE
    if suffixe == ".csv":
        separateur = _separateur_csv(chemin)
        decimale = "," if separateur == ";" else "."
        lecteur = pandas.read_csv(
            chemin,
            sep=separateur,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8-sig",
            chunksize=taille_des_paquets,
        )
        try:
            for paquet in lecteur:
                if paquet.empty:
                    continue
                vides = (paquet == "").all(axis=1).to_numpy()
                if vides.any():
                    raise ErreurDePopulation(f"{chemin.name}, ligne {ligne + int(numpy.flatnonzero(vides)[0])} : vide")
                yield ligne, paquet, decimale
                ligne += len(paquet)
        except pandas.errors.ParserError as erreur:
            trouve = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(erreur))
            detail = f"ligne {trouve[2]} : {trouve[3]} cellules pour {trouve[1]} colonnes" if trouve else str(erreur)
            raise ErreurDePopulation(f"{chemin.name}, {detail}") from None
        except UnicodeDecodeError:
            raise ErreurDePopulation(f"{chemin.name} : encodage illisible ; attendu un CSV en UTF-8") from None
    elif suffixe in (".parquet", ".pq"):
        import pyarrow
        import pyarrow.parquet

        try:
            fichier = pyarrow.parquet.ParquetFile(chemin)
        except (pyarrow.ArrowException, OSError) as erreur:
            raise ErreurDePopulation(f"{chemin.name} : fichier Parquet illisible ({erreur})") from None
        _refuser_en_tete(chemin, fichier.schema_arrow.names)
        for lot in fichier.iter_batches(batch_size=taille_des_paquets):
            yield ligne, lot.to_pandas(), "."
            ligne += lot.num_rows
    else:
        raise ErreurDePopulation(f"{chemin.name} : format inconnu « {suffixe} » (attendu .csv ou .parquet)")
    if ligne == PREMIERE_LIGNE:
        raise ErreurDePopulation(f"{chemin.name} : aucun salarié (en-tête seul) ; attendu un salarié par ligne")


def _tableau(serie):
    """Colonne pandas en tableau numpy ; le texte sans vide devient un tableau de chaînes (lecture vectorisée)."""
    pandas = _pandas()
    if not serie.isna().any() and pandas.api.types.infer_dtype(serie, skipna=False) == "string":
        return serie.to_numpy(dtype=str)
    return serie.to_numpy()


def _variable_d_entree(systeme, colonne: str, fichier: str):
    variable = systeme.variables.get(colonne)
    if variable is None or (variable.formulas and colonne not in ENTREES_A_FORMULE):
        raise ErreurDePopulation(
            f"{fichier} : colonne « {colonne} » : ce n'est pas une variable d'entrée d'openfisca-secu "
            "(les identifiants doivent finir par _id)",
            colonne,
        )
    return variable


def _convertir_textes(variable, serie, colonne: str, position, decimale: str) -> numpy.ndarray:
    """Colonne de texte sans vide : chaque texte distinct lu une fois, puis recopié à chacune de ses cellules.

    `pandas.factorize` range les textes distincts dans l'ordre de leur première cellule : le premier texte refusé
    est celui de la première cellule refusée, et l'erreur nomme cette cellule, comme une lecture cellule par
    cellule."""
    codes, distincts = _pandas().factorize(serie)

    def premiere_cellule(rang: int) -> str:
        return position(int(numpy.argmax(codes == rang)))

    lus = convertir_colonne(variable, numpy.asarray(distincts, dtype=str), colonne, premiere_cellule, decimale)
    return lus[codes]


def _convertir(systeme, paquet, ligne: int, decimale: str, fichier: str) -> dict[str, numpy.ndarray]:
    pandas = _pandas()
    position = position_dans_un_fichier(ligne)
    entrees = {}
    for colonne in paquet.columns:
        if est_un_identifiant(colonne):
            continue
        variable = _variable_d_entree(systeme, colonne, fichier)
        serie = paquet[colonne]
        try:
            if isinstance(serie.dtype, pandas.StringDtype) and not serie.hasnans:
                entrees[colonne] = _convertir_textes(variable, serie, colonne, position, decimale)
            else:
                entrees[colonne] = convertir_colonne(variable, _tableau(serie), colonne, position, decimale)
        except ErreurDePopulation as erreur:
            raise erreur.dans(fichier) from None
    return entrees


def lire_groupes(chemin: Path | None, cle: str, systeme):
    """Établissements ou entreprises : identifiants (texte tel qu'écrit) et tableaux d'entrée, lus en entier."""
    if chemin is None:
        return None
    pandas = _pandas()
    identifiants, parties = [], []
    for ligne, table, decimale in lire_table(chemin, 1_000_000):
        if cle not in table.columns:
            raise ErreurDePopulation(f"{chemin.name} : colonne « {cle} » manquante (identifiant du groupe)", cle)
        doublons = table[cle].duplicated().to_numpy()
        if doublons.any() or table[cle].isin(identifiants).any():
            rang = int(numpy.flatnonzero(doublons | table[cle].isin(identifiants).to_numpy())[0])
            raise ErreurDePopulation(
                f"{chemin.name}, ligne {ligne + rang} : identifiant « {cle} » = {table[cle].iloc[rang]} en double", cle
            )
        identifiants.extend(table[cle].tolist())
        colonnes = table.drop(columns=[cle])
        parties.append(pandas.DataFrame(_convertir(systeme, colonnes, ligne, decimale, chemin.name)))
    groupes = pandas.concat(parties, ignore_index=True)
    groupes.index = pandas.Index(identifiants, name=cle)
    return groupes


def joindre_groupes(paquet, entrees: dict, ligne: int, fichier: str, groupes: dict) -> dict:
    """Ajoute aux entrées d'un paquet les colonnes de l'établissement et de l'entreprise de chaque salarié."""
    for cle, table in groupes.items():
        if table is None:
            continue
        if cle not in paquet.columns:
            raise ErreurDePopulation(
                f"{fichier} : colonne « {cle} » manquante pour joindre les groupes de --{cle[: -len('_id')]}s", cle
            )
        inconnus = ~paquet[cle].isin(table.index).to_numpy()
        if inconnus.any():
            rang = int(numpy.flatnonzero(inconnus)[0])
            raise ErreurDePopulation(
                f"{fichier}, colonne « {cle} », ligne {ligne + rang} : valeur {paquet[cle].iloc[rang]} inconnue "
                "dans la table des groupes",
                cle,
                f"ligne {ligne + rang}",
            )
        for colonne in table.columns:
            if colonne in entrees:
                raise ErreurDePopulation(
                    f"colonne « {colonne} » donnée à la fois pour le salarié et pour son groupe", colonne
                )
            entrees[colonne] = table[colonne].loc[paquet[cle].to_numpy()].to_numpy()
    return entrees


def lire_population(chemin: Path, taille: int, systeme, etablissements=None, entreprises=None) -> Iterator:
    """Paquets (ligne du premier salarié, entrées contrôlées, identifiants) d'une population et de ses groupes."""
    groupes = {
        "etablissement_id": lire_groupes(etablissements, "etablissement_id", systeme),
        "entreprise_id": lire_groupes(entreprises, "entreprise_id", systeme),
    }
    for ligne, paquet, decimale in lire_table(chemin, taille):
        paquet = paquet.reset_index(drop=True)
        entrees = _convertir(systeme, paquet, ligne, decimale, chemin.name)
        entrees = joindre_groupes(paquet, entrees, ligne, chemin.name, groupes)
        for colonne in COLONNES_OBLIGATOIRES:
            if colonne not in entrees:
                raise ErreurDePopulation(
                    f"{chemin.name} : colonne obligatoire « {colonne} » manquante (dans la population ou dans la "
                    "table de ses groupes)",
                    colonne,
                )
        try:
            controler_population(entrees, position_dans_un_fichier(ligne))
        except ErreurDePopulation as erreur:
            raise erreur.dans(chemin.name) from None
        identifiants = paquet[[c for c in paquet.columns if est_un_identifiant(c)]].copy()
        identifiants.insert(0, "ligne", numpy.arange(ligne, ligne + len(paquet)))
        yield ligne, entrees, identifiants


# Variables calculées qu'une population peut fournir directement (saisie prioritaire sur la formule).
ENTREES_A_FORMULE = frozenset(
    {
        "fraction_mois_remunere",
        "taux_accident_travail",
        "employeur_champ_allegements_generaux",
    }
)

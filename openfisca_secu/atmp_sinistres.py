"""Classement vectoriel d'une table de sinistres AT/MP en nombres pondérés par établissement, année et catégorie.

Les sinistres ne sont pas une entité OpenFisca : cette fonction transforme une table de sinistres (un sinistre par
ligne, en tableaux numpy) en entrées annuelles `sinistres_incapacite_temporaire_1` … `_6` et
`sinistres_incapacite_permanente_1` … `_4` de chaque établissement (CSS art. D242-6-6 et D242-6-7) :

- chaque sinistre reconnu ayant donné lieu à des soins ou à un arrêt compte dans une catégorie d'incapacité
  temporaire selon le nombre entier de jours d'arrêt prescrits (0 = soins sans arrêt), l'année de sa déclaration ;
- s'il a donné lieu à la notification d'un taux d'incapacité permanente (taux > 0) ou à un décès, il compte aussi dans
  une catégorie d'incapacité permanente, l'année de la première notification du taux (ou de la reconnaissance du
  décès) ; un décès est en catégorie 4 ;
- il pèse 1 − part de responsabilité du tiers (recours contre un tiers, D242-6-7 dernier alinéa) ;
- un sinistre non imputable (maladie du compte spécial, agression par un tiers non identifié) ne compte pas.

Rechutes, révisions et décès après consolidation ne sont pas des lignes de la table (D242-6-7) : au producteur de la
table de les écarter. Les bornes des catégories sont lues dans les paramètres (`atmp.categories_sinistres`).

    comptes = compter_sinistres(
        nombre_etablissements=2, etablissement=[0, 1], annee=[2021, 2022], jours_arret=[3, 20], annee_tarification=2024
    )
    donner_sinistres(simulation, comptes)
"""

from pathlib import Path

import numpy
from openfisca_core.parameters import ParameterNode

from openfisca_secu.validation import EntreeInvalide

INCAPACITE_TEMPORAIRE = tuple(f"sinistres_incapacite_temporaire_{rang}" for rang in range(1, 7))
INCAPACITE_PERMANENTE = tuple(f"sinistres_incapacite_permanente_{rang}" for rang in range(1, 5))

_PARAMETRES = Path(__file__).parent / "parameters"
_DEPOT = Path(__file__).parent.parent / "parameters"


def categories_en_vigueur(annee_tarification: int):
    """Barèmes des catégories (nœud `atmp.categories_sinistres`) en vigueur le 31 décembre de l'année de tarification,
    lus directement dans les fichiers de paramètres, sans construire le système socio-fiscal."""
    racine = _PARAMETRES if (_PARAMETRES / "index.yaml").exists() else _DEPOT
    noeud = ParameterNode("atmp.categories_sinistres", directory_path=str(racine / "atmp" / "categories_sinistres"))
    return noeud(f"{annee_tarification}-12-31")


def _tableau(valeurs, taille: int, defaut, nom: str, dtype=float) -> numpy.ndarray:
    if valeurs is None:
        return numpy.full(taille, defaut, dtype=dtype)
    tableau = numpy.asarray(valeurs, dtype=dtype)
    if tableau.shape != (taille,):
        raise EntreeInvalide(
            [nom], f"{nom} : {tableau.shape[0] if tableau.ndim else 1} valeurs pour {taille} sinistres."
        )
    return tableau


def _refuser(fautives: numpy.ndarray, nom: str, valeurs: numpy.ndarray, attendu: str) -> None:
    if fautives.any():
        rang = int(numpy.flatnonzero(fautives)[0])
        raise EntreeInvalide(
            [nom], f"{nom} : valeur {valeurs[rang]} impossible (sinistre n° {rang}) ; attendu {attendu}."
        )


def compter_sinistres(
    *,
    nombre_etablissements: int,
    etablissement,
    annee,
    jours_arret,
    taux_incapacite_permanente=None,
    annee_incapacite_permanente=None,
    deces=None,
    part_responsabilite_tiers=None,
    imputable=None,
    annee_tarification: int | None = None,
    categories=None,
) -> dict[int, dict[str, numpy.ndarray]]:
    """Nombres pondérés de sinistres par année, variable et établissement : {année: {variable: tableau}}.

    etablissement : rang de l'établissement (0 … nombre_etablissements − 1) ; annee : année de déclaration ;
    jours_arret : jours d'arrêt prescrits, entiers ≥ 0 ; taux_incapacite_permanente : fraction (0.15 pour 15 %),
    NaN ou 0 sans incapacité permanente ; annee_incapacite_permanente : année de la première notification du taux ou
    de la reconnaissance du décès (par défaut l'année de déclaration) ; deces : booléens ; part_responsabilite_tiers :
    fraction mise à la charge du tiers (0 par défaut) ; imputable : faux pour un sinistre non imputé (vrai par défaut).
    annee_tarification : année du tarif dont les règles classent les sinistres (barèmes au 31 décembre) ; ou
    categories : le nœud `atmp.categories_sinistres` à un instant, par exemple `systeme.parameters(date).atmp...`.
    """
    if categories is None:
        if annee_tarification is None:
            raise EntreeInvalide(
                ["compter_sinistres"], "compter_sinistres : donnez annee_tarification (ou categories)."
            )
        categories = categories_en_vigueur(annee_tarification)
    lignes = numpy.atleast_1d(numpy.asarray(etablissement, dtype=float))
    taille = len(lignes)
    annees = _tableau(annee, taille, 0, "annee", dtype=float)
    jours = _tableau(jours_arret, taille, 0, "jours_arret", dtype=float)
    taux_ip = _tableau(taux_incapacite_permanente, taille, numpy.nan, "taux_incapacite_permanente")
    annees_ip = _tableau(annee_incapacite_permanente, taille, numpy.nan, "annee_incapacite_permanente")
    annees_ip = numpy.where(numpy.isnan(annees_ip), annees, annees_ip)
    morts = _tableau(deces, taille, False, "deces", dtype=bool)
    tiers = _tableau(part_responsabilite_tiers, taille, 0.0, "part_responsabilite_tiers")
    imputes = _tableau(imputable, taille, True, "imputable", dtype=bool)

    _refuser(
        ~((lignes >= 0) & (lignes < nombre_etablissements) & (lignes == numpy.round(lignes))),
        "etablissement",
        lignes,
        f"un rang entier de 0 à {nombre_etablissements - 1}",
    )
    _refuser(~(annees == numpy.round(annees)) | ~(annees > 0), "annee", annees, "une année")
    _refuser(~(annees_ip == numpy.round(annees_ip)), "annee_incapacite_permanente", annees_ip, "une année")
    _refuser(~((jours >= 0) & (jours == numpy.round(jours))), "jours_arret", jours, "un nombre entier de jours ≥ 0")
    _refuser((taux_ip < 0) | (taux_ip > 1), "taux_incapacite_permanente", taux_ip, "une fraction entre 0 et 1")
    _refuser(~((tiers >= 0) & (tiers <= 1)), "part_responsabilite_tiers", tiers, "une fraction entre 0 et 1")

    poids = numpy.where(imputes, 1 - tiers, 0.0)
    categorie_it = categories.incapacite_temporaire.calc(jours).astype(int)
    avec_ip = morts | (numpy.nan_to_num(taux_ip) > 0)
    categorie_ip = numpy.where(
        morts, len(INCAPACITE_PERMANENTE), categories.incapacite_permanente.calc(numpy.nan_to_num(taux_ip))
    ).astype(int)

    lignes = lignes.astype(int)
    resultat: dict[int, dict[str, numpy.ndarray]] = {}
    for noms, annees_sinistres, categorie, retenus in (
        (INCAPACITE_TEMPORAIRE, annees, categorie_it, numpy.ones(taille, bool)),
        (INCAPACITE_PERMANENTE, annees_ip, categorie_ip, avec_ip),
    ):
        if not retenus.any():
            continue
        distinctes, rang_annee = numpy.unique(annees_sinistres[retenus].astype(int), return_inverse=True)
        cellule = (rang_annee * nombre_etablissements + lignes[retenus]) * len(noms) + categorie[retenus] - 1
        comptes = numpy.bincount(
            cellule, weights=poids[retenus], minlength=len(distinctes) * nombre_etablissements * len(noms)
        ).reshape(len(distinctes), nombre_etablissements, len(noms))
        for rang, annee_sinistre in enumerate(distinctes):
            par_variable = resultat.setdefault(int(annee_sinistre), {})
            for colonne, nom in enumerate(noms):
                par_variable[nom] = comptes[rang, :, colonne]
    for par_variable in resultat.values():
        for nom in INCAPACITE_TEMPORAIRE + INCAPACITE_PERMANENTE:
            par_variable.setdefault(nom, numpy.zeros(nombre_etablissements))
    return resultat


def donner_sinistres(simulation, comptes: dict[int, dict[str, numpy.ndarray]]) -> None:
    """Donne à une simulation les nombres de sinistres produits par `compter_sinistres`."""
    for annee, par_variable in comptes.items():
        for nom, valeurs in par_variable.items():
            simulation.set_input(nom, str(annee), valeurs)

"""Imputation d'un paiement insuffisant d'un travailleur indépendant sur ses cotisations, dans l'ordre légal.

Deux ordres de priorité (texte de 2012) :
- micro-social, CSS art. D131-6-5 (solde de L133-6-8-3) ;
- autres indépendants, solde dû à un même organisme local (III de L133-6-4 ; CSS art. D133-x, RSI).

Échéances : le paiement s'impute d'abord sur la dernière échéance due, puis sur les échéances antérieures en
commençant par la plus ancienne (lecture retenue de « en remontant de la plus ancienne à la plus récente », RULES.md
Z-10, conforme au texte RSI « d'abord sur les cotisations de la dernière échéance due puis sur celles les plus
anciennes »).

Les montants sont des tableaux numpy (une case par personne) : l'imputation est vectorisée, seule la liste ordonnée
des cotisations est parcourue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy

ORDRE_MICRO_SOCIAL = (
    "maladie_maternite",  # L612-4
    "indemnites_journalieres",  # L612-13
    "invalidite_deces",  # L635-5 ou L644-2
    "retraite_complementaire",  # L635-1 ou L644-1
    "allocations_familiales",  # L242-11
    "vieillesse_base",  # L633-10 ou L642-1
)

ORDRE_ORGANISME_LOCAL = (
    "maladie_maternite",
    "indemnites_journalieres",  # L612-13
    "vieillesse_base",
    "invalidite_deces",  # L635-5
    "retraite_complementaire",  # L635-1
    "allocations_familiales",
    "formation_professionnelle",  # L953-1 du code du travail
)


def imputer_sur_une_echeance(paiement, dues: Mapping[str, numpy.ndarray], ordre: Sequence[str]):
    """Impute `paiement` sur les cotisations `dues` d'une échéance dans l'ordre `ordre`.

    Renvoie (montants imputés par cotisation, reste non imputé). Une cotisation absente de `ordre` ne reçoit rien.
    """
    reste = numpy.asarray(paiement, dtype=float)
    imputes = {}
    for nom in ordre:
        du = numpy.asarray(dues.get(nom, 0.0), dtype=float)
        imputes[nom] = numpy.minimum(reste, du)
        reste = reste - imputes[nom]
    return imputes, reste


def imputer_sur_des_echeances(paiement, echeances: Sequence[Mapping[str, numpy.ndarray]], ordre: Sequence[str]):
    """Impute `paiement` sur plusieurs échéances, données de la plus ancienne à la plus récente (la dernière due).

    La dernière échéance est servie en premier, puis les autres de la plus ancienne à la plus récente. Renvoie la
    liste des imputations par échéance (dans l'ordre reçu) et le reste non imputé.
    """
    if not echeances:
        return [], numpy.asarray(paiement, dtype=float)
    ordre_des_echeances = [len(echeances) - 1, *range(len(echeances) - 1)]
    reste = numpy.asarray(paiement, dtype=float)
    resultats: list[dict] = [{} for _ in echeances]
    for rang in ordre_des_echeances:
        resultats[rang], reste = imputer_sur_une_echeance(reste, echeances[rang], ordre)
    return resultats, reste

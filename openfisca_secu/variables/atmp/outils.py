"""Outils communs aux formules de la tarification AT/MP (aucune variable ici).

Conventions de tout le dossier `variables/atmp` :
- l'année N d'une variable annuelle est l'année de tarification ; les sinistres et les salaires sont ceux des trois
  dernières années connues, N − 4, N − 3 et N − 2 : un sinistre n'est classé définitivement que le 31 décembre de
  l'année qui suit sa déclaration (D242-6-7), donc les sinistres de N − 1 ne sont pas connus quand le tarif N est
  calculé, à la fin de N − 1 (D242-6-4, D242-6-8 : « trois dernières années connues ») ;
- les paramètres d'un tarif N sont ceux en vigueur le 31 décembre N : le tarif 2025, publié le 29 avril 2025, est en
  vigueur du 1er mai au 31 décembre 2025 (décret 2025-318) ;
- les taux sont des fractions (0.0208 pour 2,08 %) ;
- une valeur inconnue (paramètre absent, entrée non donnée) vaut NaN ; l'erreur qui la nomme est levée là où la valeur
  sert (taux_net_atmp_avant_plafonnement, taux_net_atmp_notifie), pour les seuls établissements tarifés.
"""

import numpy

from openfisca_secu.validation import EntreeInvalide


def parametres_du_tarif(parameters, period):
    """Paramètres AT/MP du tarif de l'année `period` : ceux en vigueur le 31 décembre de cette année."""
    return parameters(period.stop).atmp


def valeur_ou_nan(noeud, cle):
    """Valeur d'une feuille de paramètre à l'instant du nœud, NaN si elle est absente (année non trouvée)."""
    return float(noeud[cle]) if cle in set(noeud) else numpy.nan


def annees_de_reference(parameters, period):
    """Les trois dernières années connues du tarif `period` (N − 4, N − 3, N − 2), de la plus ancienne à la plus
    récente."""
    calendrier = parametres_du_tarif(parameters, period).calendrier
    derniere = period.offset(-int(calendrier.derniere_annee_connue))
    return [derniere.offset(-rang) for rang in reversed(range(int(calendrier.nombre_annees_de_reference)))]


def somme_par_groupe(valeurs, groupes):
    """Somme de `valeurs` sur les établissements d'un même groupe de taux unique (identifiant > 0) ; un établissement
    sans groupe garde sa propre valeur. Une valeur NaN rend NaN la somme de tout son groupe."""
    _, inverse = numpy.unique(groupes, return_inverse=True)
    sommes = numpy.bincount(inverse, weights=valeurs)
    return numpy.where(groupes > 0, sommes[inverse], valeurs)


def valeurs_par_code_risque(noeud, codes):
    """Valeur publiée pour chaque code risque (« 00.00B » → feuille `00_00B`), NaN pour un code absent du nœud.

    Vectorisée, sans boucle sur les établissements : les codes distincts saisis sont normalisés (espaces, casse) puis
    cherchés par dichotomie (numpy.searchsorted) parmi les codes publiés.
    """
    publies = sorted(noeud)
    cles = numpy.array(publies, dtype=str)
    valeurs = numpy.array([noeud[cle] for cle in publies], dtype=float)
    if not len(cles):
        return numpy.full(len(codes), numpy.nan)
    distincts, inverse = numpy.unique(numpy.asarray(codes, dtype=str), return_inverse=True)
    demandes = numpy.char.replace(numpy.char.upper(numpy.char.strip(distincts)), ".", "_")
    rangs = numpy.minimum(numpy.searchsorted(cles, demandes), len(cles) - 1)
    return numpy.where(cles[rangs] == demandes, valeurs[rangs], numpy.nan)[inverse]


def refus(rang, message):
    """Erreur d'entrée du paquet sur l'établissement `rang` (l'API Web y met l'identifiant de l'utilisateur)."""
    return EntreeInvalide(["etablissements", rang], message)


def premier(masque):
    """Rang du premier établissement où `masque` est vrai."""
    return int(numpy.flatnonzero(masque)[0])


def verifier_positif(valeurs, nom, period):
    """Refuse une entrée négative (ou NaN) en nommant la variable, l'établissement et la valeur."""
    fautives = ~(valeurs >= 0)
    if fautives.any():
        rang = premier(fautives)
        raise refus(
            rang,
            f"{nom} : valeur {valeurs[rang]} impossible pour {period} (établissement n° {rang}) ; "
            "attendu un nombre positif ou nul.",
        )


def taux_net(brut, etablissement, period, parameters):
    """Taux net = (taux brut + M1) × (1 + M2) + M3 + M4 (D242-6-3, D242-6-9) ; M1 diminuée de 30 % en cas de charge
    partielle (D242-6-18 2°). NaN si une majoration est inconnue."""
    abattement = parametres_du_tarif(parameters, period).majorations.abattement_m1_charge_partielle
    partielle = etablissement("charge_partielle_atmp", period)
    m1 = etablissement("majoration_m1_atmp", period) * (1 - partielle * abattement)
    m2 = etablissement("majoration_m2_atmp", period)
    m3 = etablissement("majoration_m3_atmp", period)
    m4 = etablissement("majoration_m4_atmp", period)
    return (brut + m1) * (1 + m2) + m3 + m4

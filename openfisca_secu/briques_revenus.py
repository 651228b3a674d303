"""Briques des formules des revenus de remplacement, des indépendants et du recouvrement.

Contrôles d'entrée (erreur claire nommant la variable et la valeur), arrondis légaux « au supérieur », calendrier
(mois, trimestres civils) et lecture vectorisée d'un paramètre à une date propre à chaque personne (date d'affiliation,
date d'envoi d'une déclaration). Aucune valeur juridique ici : les nombres de la loi sont des paramètres.
"""

from __future__ import annotations

import numpy

from openfisca_secu.enumerations_revenus import TauxCsgRemplacement
from openfisca_secu.validation import EntreeInvalide

JOUR = "datetime64[D]"
MOIS = "datetime64[M]"


def premier_rang(masque) -> int:
    return int(numpy.flatnonzero(numpy.atleast_1d(masque))[0])


def refuser_si(masque, message) -> None:
    """Lève l'erreur d'entrée du paquet, message(rang), si le masque est vrai pour au moins une entité (rang = la
    première) ; l'API Web remplace « individu n° rang » par l'identifiant de l'utilisateur."""
    if numpy.any(masque):
        raise EntreeInvalide(["situation"], message(premier_rang(masque)))


def exiger_positif(valeurs, nom: str, period) -> numpy.ndarray:
    """Refuse un montant négatif ou NaN avec le même message que openfisca_secu.validation ; renvoie les valeurs."""
    valeurs = numpy.asarray(valeurs)
    fautives = numpy.isnan(valeurs) | (valeurs < 0)
    refuser_si(
        fautives,
        lambda rang: (
            f"{nom} : valeur {numpy.atleast_1d(valeurs)[rang]} impossible pour {period} (entité n° {rang}) ; "
            "attendu un nombre au moins 0."
        ),
    )
    return valeurs


def arrondi_superieur(valeur, decimales):
    """Arrondi au multiple supérieur de 10**-decimales (« arrondi à l'euro supérieur » : 0 ; « au dixième de pourcent
    supérieur » d'un taux en fraction : 3). Le pré-arrondi efface le bruit binaire (0,25 × 0,12 = 0,030000000000000002
    ne doit pas devenir 3,1 %)."""
    echelle = 10.0**decimales
    return numpy.ceil(numpy.round(valeur * echelle, 6)) / echelle


def date_de_debut(period) -> numpy.datetime64:
    return numpy.datetime64(str(period.start), "D")


def date_de_fin(period) -> numpy.datetime64:
    return numpy.datetime64(str(period.stop), "D")


def premier_jour_du_mois(dates, decalage_mois=0):
    """Premier jour du mois de chaque date, décalé de `decalage_mois` mois (tableau ou entier)."""
    mois = numpy.asarray(dates).astype(MOIS) + numpy.asarray(decalage_mois).astype("timedelta64[M]")
    return mois.astype(JOUR)


def dernier_jour_du_mois(dates, decalage_mois=0):
    """Dernier jour du mois de chaque date, décalé de `decalage_mois` mois."""
    return premier_jour_du_mois(dates, numpy.asarray(decalage_mois) + 1) - numpy.timedelta64(1, "D")


def jour_du_mois(dates, rang_du_jour):
    """Le `rang_du_jour`-ième jour du mois de chaque date (le 5 : rang 5)."""
    return premier_jour_du_mois(dates) + (numpy.asarray(rang_du_jour) - 1).astype("timedelta64[D]")


def rang_du_jour_dans_le_mois(dates):
    dates = numpy.asarray(dates).astype(JOUR)
    return (dates - premier_jour_du_mois(dates)).astype(int) + 1


def ajouter_jours(dates, jours):
    return numpy.asarray(dates).astype(JOUR) + numpy.asarray(jours).astype("timedelta64[D]")


def ajouter_mois(dates, mois):
    """Même quantième, `mois` mois plus tard (borné au dernier jour du mois d'arrivée)."""
    dates = numpy.asarray(dates).astype(JOUR)
    rang = rang_du_jour_dans_le_mois(dates)
    arrivee = premier_jour_du_mois(dates, mois)
    dernier = dernier_jour_du_mois(arrivee)
    return numpy.minimum(arrivee + (rang - 1).astype("timedelta64[D]"), dernier)


def rang_trimestre_civil(dates):
    """Numéro absolu du trimestre civil de chaque date (deux dates du même trimestre ont le même numéro)."""
    mois = numpy.asarray(dates).astype(MOIS).astype(int)
    return numpy.floor_divide(mois, _MOIS_PAR_TRIMESTRE)


def jours_entre(debut, fin_incluse):
    """Nombre de jours calendaires de `debut` à `fin_incluse`, bornes comprises."""
    return (numpy.asarray(fin_incluse).astype(JOUR) - numpy.asarray(debut).astype(JOUR)).astype(int) + 1


def parametre_aux_dates(population, chemin: str, dates):
    """Valeur de la feuille de paramètre `chemin` (ex. « smic.horaire_brut ») en vigueur à chaque date du tableau.

    Lecture vectorisée (une recherche dichotomique, pas de boucle sur les personnes) dans l'arbre des paramètres du
    système de la simulation, donc réformes comprises. NaN là où le paramètre n'a pas de valeur (avant sa première
    date ou après un `value: null`) : à l'appelant de refuser s'il en a besoin.
    """
    feuille = population.simulation.tax_benefit_system.parameters
    for nom in chemin.split("."):
        feuille = feuille.children[nom]
    valeurs = sorted(feuille.values_list, key=lambda v: v.instant_str)
    debuts = numpy.array([v.instant_str for v in valeurs], dtype=JOUR)
    montants = numpy.array([numpy.nan if v.value is None else float(v.value) for v in valeurs])
    rang = numpy.searchsorted(debuts, numpy.asarray(dates).astype(JOUR), side="right") - 1
    return numpy.where(rang >= 0, montants[numpy.maximum(rang, 0)], numpy.nan)


def date_non_renseignee(population, nom: str, dates):
    """Vrai là où la date vaut la valeur par défaut de la variable `nom` (date non saisie)."""
    defaut = population.simulation.tax_benefit_system.variables[nom].default_value
    return numpy.asarray(dates).astype(JOUR) == numpy.datetime64(defaut, "D")


def date_affiliation_controlee(individu, period, besoin, nom_variable: str):
    """Date d'effet de l'affiliation ; erreur si elle n'est pas renseignée là où `besoin` est vrai."""
    affiliation = individu("date_affiliation_independant", period)
    refuser_si(
        besoin & date_non_renseignee(individu, "date_affiliation_independant", affiliation),
        lambda rang: f"date_affiliation_independant manquante pour l'individu n° {rang} : {nom_variable} en dépend.",
    )
    return affiliation


def refuser_taux_csg_indetermine(categorie, besoin, period):
    """Erreur claire si le taux de CSG est nécessaire (besoin) mais non déterminé."""
    manquant = besoin & (categorie == TauxCsgRemplacement.non_determine)
    if numpy.any(manquant):
        rang = int(numpy.flatnonzero(manquant)[0])
        annee = period.start.year
        raise EntreeInvalide(
            ["individus", rang, "taux_csg_remplacement", str(annee)],
            f"taux_csg_remplacement non déterminé pour {annee} (individu n° {rang}) : renseigner "
            f"revenu_fiscal_reference et nombre_parts_quotient_familial de {annee - 2} (et de {annee - 3} si le "
            "revenu dépasse le seuil du taux réduit, depuis 2019), ou saisir taux_csg_remplacement pour l'année ; "
            "la saisie est obligatoire avant 2015 (seuils de 2012 à 2014 non confirmés) et pour un domicile "
            "outre-mer (seuils non connus).",
        )


_MOIS_PAR_TRIMESTRE = 3  # calendrier civil, pas une valeur juridique


# --- Périodes sans règle datée ---------------------------------------------------------------------------------------
# Sans formule pour une période, OpenFisca rend la valeur par défaut (0, faux) sans rien dire. Chaque variable à formule
# en a donc une pour chaque mois de janvier 2012 à décembre 2026 (tests/test_periodes_sans_formule.py) : la loi de la
# période, `neant` quand le dispositif n'existe pas (0 ou faux est alors la loi) ou `loi_non_connue`.


def neant(population, period):
    """Formule d'une période où le dispositif n'existe pas (avant sa création, après sa suppression : date et texte
    en commentaire là où elle est datée) : 0 ou faux est la loi."""
    return population.filled_array(0)


def loi_non_connue(nom: str, explication: str, concernes: tuple[str, ...] = ()):
    """Formule d'une période dont le paquet ne connaît pas la loi : erreur pour la première entité concernée (une des
    variables `concernes` non nulle ; toutes les entités sans `concernes`), 0 ou faux pour les autres."""

    def formula(population, period):
        masque = numpy.ones(population.count, dtype=bool)
        if concernes:
            masque = numpy.any([population(variable, period) != 0 for variable in concernes], axis=0)
        refuser_si(
            masque,
            lambda rang: (
                f"{nom} : loi non connue du paquet pour {period} ({population.entity.key} n° {rang}) ; {explication}"
            ),
        )
        return population.filled_array(0)

    return formula


def a_saisir(nom: str):
    """Formule d'une période dont le paquet ne connaît pas la valeur mais qu'on peut saisir : la valeur « non
    renseignée » de la variable (son défaut), que les formules qui l'utilisent refusent avec un message clair."""

    def formula(population, period):
        return population.filled_array(population.simulation.tax_benefit_system.variables[nom].default_value)

    return formula

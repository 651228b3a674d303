"""Briques communes aux formules : la classe de variable, les périodes et les tranches de plafond."""

import numpy
from openfisca_core import periods
from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.periods import ETERNITY, MONTH, YEAR
from openfisca_core.populations import ADD
from openfisca_core.variables import Variable as VariableOpenFisca

from openfisca_secu.validation import EntreeInvalide, lire_valeur

__all__ = [
    "ADD",
    "ETERNITY",
    "MONTH",
    "YEAR",
    "Variable",
    "annee_jusqu_au_mois",
    "arrondi_au_plus_proche",
    "cumul_depuis_janvier",
    "cumul_mois_par_mois",
    "effectif_employeur",
    "montant_du_bareme",
    "part_sous_plafonds",
    "sans_bruit",
    "selon_date_du_contrat",
    "set_input_dispatch_by_period",
    "set_input_divide_by_period",
    "somme_des_lignes",
]


class Variable(VariableOpenFisca):
    """Variable OpenFisca dont les nombres réels sont stockés en float64.

    OpenFisca stocke `float` en float32 : une somme annuelle de 9 PSS perdrait plus d'un centime. Toutes les variables
    du paquet héritent de cette classe (un test le vérifie).
    """

    def __init__(self, baseline_variable=None):
        super().__init__(baseline_variable)
        if self.value_type is float:
            self.dtype = numpy.float64

    def check_set_value(self, value):
        """Valeur d'une situation JSON selon le contrat d'entrée du paquet (`openfisca_secu.validation.lire_valeur`)."""
        return lire_valeur(self, value)

    def get_formula(self, period=None):
        """La formule en vigueur à `period` ; pour une entrée non renseignée (ou une période sans formule), la valeur
        par défaut comme vue en lecture seule d'une seule valeur répétée (`numpy.broadcast_to`) : ni la mémoire ni le
        remplissage d'un tableau par entrée absente (une trentaine par mois de paie). Les opérations qui la lisent
        donnent des tableaux ordinaires ; l'écrire sur place est refusé."""
        formule = super().get_formula(period)
        if formule is not None:
            return formule
        valeur = self.default_value.index if self.value_type is Enum else self.default_value
        valeur = numpy.array(valeur, dtype=self.dtype)
        possibles = self.possible_values if self.value_type is Enum else None

        def valeur_par_defaut(population, period):
            vue = numpy.broadcast_to(valeur, (population.count,))
            return vue if possibles is None else EnumArray(vue, possibles)

        return valeur_par_defaut


def arrondi_au_plus_proche(valeur, decimales):
    """Arrondi au plus proche, la moitié vers le haut (« au dix millième le plus proche », D241-7 I).

    Le pré-arrondi à 9 chiffres efface le bruit binaire (0,12345 stocké 0,1234499999...) avant l'arrondi légal.
    """
    echelle = 10**decimales
    # puis les mêmes opérations sur place, sans un tableau de plus par étape
    arrondi = numpy.multiply(valeur, echelle, out=numpy.empty(numpy.shape(valeur)))
    numpy.round(arrondi, 9 - decimales, out=arrondi)
    arrondi += 0.5
    numpy.floor(arrondi, out=arrondi)
    arrondi /= echelle
    return arrondi


def sans_bruit(montant):
    """Efface le bruit binaire d'un montant calculé (2,5 × 11,52 donne 28,799999999999997) en l'arrondissant au
    micro-euro, pour que « n'excède pas » compare bien la rémunération au seuil exact."""
    return numpy.round(montant, 6)


DATE_NON_RENSEIGNEE = numpy.datetime64("1900-01-01")  # valeur par défaut de date_debut_contrat


def selon_date_du_contrat(individu, period, parametre, dates, nom_date="date_debut_contrat", concernes=True):
    """Valeur d'une feuille de paramètre à la date propre à chaque individu (date de conclusion du contrat), et non au
    mois de paie : la loi maintient à un contrat le régime de la date où il a été conclu.

    Une date antérieure à la première valeur prend la première valeur ; une valeur nulle (`null`) donne NaN. Si la date
    n'est pas renseignée alors que le paramètre a changé entre sa première valeur et le mois, erreur claire.
    """
    valeurs = sorted((numpy.datetime64(v.instant_str), v.value) for v in parametre.values_list)
    instants = numpy.array([instant for instant, _ in valeurs])
    montants = numpy.array([numpy.nan if valeur is None else valeur for _, valeur in valeurs], dtype=float)
    dates = dates.astype("datetime64[D]")
    rang = numpy.clip(numpy.searchsorted(instants, dates, side="right") - 1, 0, None)
    manquante = concernes & (dates == DATE_NON_RENSEIGNEE)
    if manquante.any() and (instants[1:] <= numpy.datetime64(period.stop.date)).any():
        fautif = int(numpy.flatnonzero(manquante)[0])
        raise EntreeInvalide(
            ["individus", fautif, nom_date, "ETERNITY"],
            f"{nom_date} manquante pour l'individu n° {fautif} : en {period}, le paramètre « {parametre.name} » dépend "
            "de la date de conclusion du contrat.",
        )
    return montants[rang]


def annee_jusqu_au_mois(period):
    """Période allant de janvier au mois `period` inclus (cumul depuis le début de l'année)."""
    return periods.period(f"month:{period.start.year}-01:{period.start.month}")


# Entrées dont dépend l'assiette : si aucune n'est renseignée avant le mois, les mois précédents sont sans paie.
ENTREES_DE_L_ASSIETTE = (
    "salaire_de_base",
    "primes_salaire",
    "remuneration_heures_supplementaires",
    "contribution_employeur_retraite_supplementaire",
    "contribution_employeur_prevoyance",
    "taux_contribution_employeur_prevoyance",
    "contribution_employeur_complementaire_sante",
    "taux_contribution_employeur_complementaire_sante",
    "remuneration_brute",
    "assiette_cotisations_sociales",
)


def _mois_anterieurs_renseignes(individu, period) -> bool:
    """Vrai si une entrée de rémunération est donnée pour un mois de l'année antérieur à `period`."""
    debut_annee = period.start.offset("first-of", "year")
    for nom in ENTREES_DE_L_ASSIETTE:
        for connue in individu.simulation.get_holder(nom).get_known_periods():
            if connue.start < period.start and connue.stop >= debut_annee:
                return True
    return False


def somme_des_lignes(individu, period, noms):
    """Somme de plusieurs lignes du mois, dans l'ordre des noms, accumulée dans un seul tableau (mêmes additions que
    `sum(...)`, sans un tableau intermédiaire par ligne)."""
    total = individu.filled_array(0.0)
    for nom in noms:
        total += individu(nom, period)
    return total


def cumul_mois_par_mois(individu, period, nom_du_cumul, etape):
    """Valeur d'un cumul depuis janvier au mois `period`, avancée mois par mois : `etape(mois, precedent)` donne le
    cumul d'un mois à partir de celui du mois précédent (None en janvier).

    Si le cumul du mois précédent est déjà calculé, une seule étape : un mois ne relit pas les mois passés, et une
    simulation d'un an peut libérer les tableaux d'un mois dès le suivant calculé (`openfisca_secu.memoire`).
    Sinon, les étapes sont refaites depuis le dernier mois connu (OpenFisca refuse qu'une formule se rappelle
    elle-même à un autre mois). Les deux chemins font les mêmes opérations dans le même ordre. Sans `nom_du_cumul`,
    toujours depuis janvier.
    """
    mois = list(annee_jusqu_au_mois(period).get_subperiods(MONTH))
    cumul, debut = None, 0
    for rang in range(len(mois) - 2, -1, -1) if nom_du_cumul else ():
        connu = individu.simulation.get_holder(nom_du_cumul).get_array(mois[rang])
        if connu is not None:
            cumul, debut = connu, rang + 1
            break
    for un_mois in mois[debut:]:
        cumul = etape(un_mois, cumul)
    return cumul


def cumul_depuis_janvier(individu, period, nom, nom_du_cumul):
    """Somme de `nom` de janvier au mois (mêmes additions, dans le même ordre, que l'option ADD)."""

    def etape(mois, precedent):
        valeur = individu(nom, mois)
        return valeur if precedent is None else precedent + valeur

    return cumul_mois_par_mois(individu, period, nom_du_cumul, etape)


# Cumul depuis janvier de chaque assiette plafonnée (variables de cotisations/cumuls.py).
CUMULS = {
    "assiette_cotisations_sociales": "assiette_cotisations_sociales_cumulee",
    "remuneration_brute": "remuneration_brute_cumulee",
}


def part_sous_plafonds(individu, period, nombre_plafonds, assiette="assiette_cotisations_sociales"):
    """Part de l'assiette du mois comprise dans la limite de `nombre_plafonds` plafonds (CSS art. L241-3, R242-2).

    Avec la régularisation progressive (choix de l'établissement, comme en paie), la limite s'applique au cumul
    depuis janvier : part du mois = min(cumul assiette, n × cumul plafond) − même quantité à fin du mois précédent.
    Elle peut alors être négative : c'est un remboursement du trop-cotisé des mois précédents.
    """
    montant = individu(assiette, period)
    plafond = individu("plafond_securite_sociale", period)
    mensuel = numpy.minimum(montant, nombre_plafonds * plafond)
    if period.start.month == 1:
        return mensuel
    progressive = individu.etablissement("regularisation_progressive_plafond", period)
    if not progressive.any() or not _mois_anterieurs_renseignes(individu, period):
        return mensuel  # sans rémunération les mois précédents, le cumul égale le mois
    montant_cumule = individu(CUMULS[assiette], period)
    plafond_cumule = individu("plafond_securite_sociale_cumule", period)
    avant = numpy.minimum(montant_cumule - montant, nombre_plafonds * (plafond_cumule - plafond))
    regularise = numpy.minimum(montant_cumule, nombre_plafonds * plafond_cumule) - avant
    return numpy.where(progressive, regularise, mensuel)


def montant_du_bareme(bareme, base):
    """`bareme.calc(base)` d'un barème à montant unique (taux selon l'effectif...) : la tranche est le nombre de seuils
    atteints, compté par une comparaison par seuil, au lieu de la recherche dichotomique de `numpy.digitize` pour
    chaque valeur (trois fois plus lente sur un million de valeurs, pour trois à six seuils). Même résultat pour
    toute base finie ou NaN (montant nul sous le premier seuil)."""
    if isinstance(base, numpy.ndarray) and base.ndim == 1 and base.size and base.strides == (0,):
        return numpy.broadcast_to(montant_du_bareme(bareme, base[:1].copy()), base.shape)  # base non renseignée
    rang = numpy.zeros(numpy.shape(base), dtype=numpy.intp)
    for seuil in bareme.thresholds:
        rang += base >= seuil
    return numpy.array([0, *bareme.amounts])[rang]


def effectif_employeur(individu, period):
    """Effectif de l'entreprise du salarié ; erreur claire s'il manque pour un salarié rémunéré."""
    effectif = individu.entreprise("effectif_entreprise", period)
    manquant = (effectif < 0) & (individu("assiette_cotisations_sociales", period) != 0)
    if manquant.any():
        rang = int(numpy.flatnonzero(manquant)[0])
        entreprise = int(individu.simulation.populations["entreprise"].members_entity_id[rang])
        raise EntreeInvalide(
            ["entreprises", entreprise, "effectif_entreprise", str(period)],
            f"effectif_entreprise manquant pour {period} : l'entreprise n° {entreprise} du salarié n° {rang} n'a pas "
            "d'effectif (les seuils FNAL, formation professionnelle et versement mobilité en dépendent).",
        )
    return effectif

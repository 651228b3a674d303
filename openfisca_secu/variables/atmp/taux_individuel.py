"""Taux brut et taux net individuels (D242-6-4, D242-6-6 à D242-6-9, D242-6-18 ; Haut-Rhin, Bas-Rhin et Moselle :
D242-32, D242-34).

Valeur du risque d'une année = Σ nombre de sinistres de la catégorie × coût moyen de la catégorie pour le CTN de
l'établissement, coûts moyens du tarif N (annexe 2 de l'arrêté de l'année N). Taux brut = valeur du risque des trois
années de référence / salaires des mêmes années, sommés sur le groupe de taux unique s'il y en a un. Pas d'arrondi :
aucune source du projet ne donne l'arrondi du taux net (valeur non confirmée) ; le taux notifié peut être donné en
entrée s'il faut reproduire un taux arrondi.
"""

import numpy

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.entities import etablissement
from openfisca_secu.enumerations_atmp import ActiviteBtpAtmp, ComiteTechniqueNational
from openfisca_secu.variables.atmp.outils import (
    annees_de_reference,
    parametres_du_tarif,
    premier,
    refus,
    somme_par_groupe,
    taux_net,
    valeur_ou_nan,
    verifier_positif,
)

INCAPACITE_TEMPORAIRE = (
    "incapacite_temporaire_1",
    "incapacite_temporaire_2",
    "incapacite_temporaire_3",
    "incapacite_temporaire_4",
    "incapacite_temporaire_5",
    "incapacite_temporaire_6",
)
INCAPACITE_PERMANENTE = (
    "incapacite_permanente_1",
    "incapacite_permanente_2",
    "incapacite_permanente_3",
    "incapacite_permanente_4",
)
MAJORATIONS = ("majoration_m1_atmp", "majoration_m2_atmp", "majoration_m3_atmp", "majoration_m4_atmp")
# Catégories d'incapacité permanente dont le BTP hors Alsace-Moselle prend le coût de son activité (IP ≥ 10 %, décès).
INCAPACITE_PERMANENTE_BTP = INCAPACITE_PERMANENTE[1:]


def _noeud_ctn(couts, membre):
    cle = f"ctn_{membre.name}"
    return couts[cle] if cle in set(couts) else None


def _cout_par_ctn(couts, cle, indices_ctn):
    table = numpy.array(
        [
            valeur_ou_nan(noeud, cle) if noeud is not None else numpy.nan
            for noeud in (_noeud_ctn(couts, membre) for membre in ComiteTechniqueNational)
        ]
    )
    return table[indices_ctn]


def couts_moyens_parametres(etablissement, period, parameters):
    """Coût moyen de chaque catégorie pour chaque établissement selon les paramètres du tarif N (NaN si inconnu)."""
    couts = parametres_du_tarif(parameters, period).couts_moyens
    ctn = etablissement("comite_technique_national_atmp", period)
    indices = numpy.asarray(ctn)
    resultat = {cle: _cout_par_ctn(couts, cle, indices) for cle in INCAPACITE_TEMPORAIRE + INCAPACITE_PERMANENTE}
    btp = ctn == ComiteTechniqueNational.b
    if btp.any():
        alsace_moselle = etablissement("regime_alsace_moselle", period.first_month)
        noeud_btp = _noeud_ctn(couts, ComiteTechniqueNational.b)
        activite = numpy.asarray(etablissement("activite_btp_atmp", period))
        par_activite = numpy.array(
            [
                valeur_ou_nan(noeud_btp, membre.name) if noeud_btp is not None else numpy.nan
                for membre in ActiviteBtpAtmp
            ]
        )
        for cle in INCAPACITE_PERMANENTE_BTP:
            local = valeur_ou_nan(noeud_btp, f"alsace_moselle_{cle}") if noeud_btp is not None else numpy.nan
            resultat[cle] = numpy.select([btp & alsace_moselle, btp], [local, par_activite[activite]], resultat[cle])
    return resultat


def couts_moyens_applicables(etablissement, period, parameters):
    """Coût moyen saisi (cout_moyen_...) s'il est donné, sinon celui des paramètres."""
    parametres = couts_moyens_parametres(etablissement, period, parameters)
    applicables = {}
    for cle, valeur in parametres.items():
        saisi = etablissement(f"cout_moyen_{cle}", period)
        verifier_positif(numpy.nan_to_num(saisi), f"cout_moyen_{cle}", period)
        applicables[cle] = numpy.where(numpy.isnan(saisi), valeur, saisi)
    return applicables


def _termes(sinistres, cout):
    """Nombre × coût ; une catégorie sans sinistre ne demande pas son coût moyen."""
    return numpy.where(sinistres > 0, sinistres * cout, 0)


class valeur_du_risque_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Valeur du risque propre à l'établissement sur les trois dernières années connues (N − 4 à N − 2)"
    reference = "CSS art. D242-6-6 à D242-6-8, D242-6-18 1° ; D242-34 ; décret n° 2010-753 art. 3"
    documentation = (
        "Charge partielle (L413-13) : seuls les coûts moyens d'incapacité permanente comptent. Années avant 2010 "
        "(tarifs 2012 et 2013) : valeur du risque de l'ancienne méthode, donnée en entrée. NaN si un coût moyen "
        "nécessaire est inconnu."
    )

    def formula(etablissement, period, parameters):
        calendrier = parametres_du_tarif(parameters, period).calendrier
        activite = etablissement("activite_btp_atmp", period)
        hors_btp = (activite != ActiviteBtpAtmp.non_renseignee) & (
            etablissement("comite_technique_national_atmp", period) != ComiteTechniqueNational.b
        )
        if hors_btp.any():
            rang = premier(hors_btp)
            raise refus(
                rang,
                f"activite_btp_atmp {activite.decode_to_str()[rang]} impossible pour {period} (établissement n° "
                f"{rang}) : l'établissement ne relève pas du CTN B (bâtiment et travaux publics).",
            )
        couts = couts_moyens_applicables(etablissement, period, parameters)
        partielle = etablissement("charge_partielle_atmp", period)
        total = etablissement.filled_array(0.0)
        for annee in annees_de_reference(parameters, period):
            if annee.start.year < calendrier.premiere_annee_couts_moyens:
                ancienne = etablissement("valeur_du_risque_ancienne_methode_atmp", annee)
                verifier_positif(numpy.nan_to_num(ancienne), "valeur_du_risque_ancienne_methode_atmp", annee)
                total = total + ancienne
                continue
            temporaire = etablissement.filled_array(0.0)
            for cle in INCAPACITE_TEMPORAIRE:
                sinistres = etablissement(f"sinistres_{cle}", annee)
                verifier_positif(sinistres, f"sinistres_{cle}", annee)
                temporaire = temporaire + _termes(sinistres, couts[cle])
            permanente = etablissement.filled_array(0.0)
            for cle in INCAPACITE_PERMANENTE:
                sinistres = etablissement(f"sinistres_{cle}", annee)
                verifier_positif(sinistres, f"sinistres_{cle}", annee)
                permanente = permanente + _termes(sinistres, couts[cle])
            total = total + numpy.where(partielle, 0, temporaire) + permanente
        return total


class masse_salariale_reference_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Salaires payés au personnel de l'établissement sur les trois dernières années connues (N − 4 à N − 2)"
    reference = "CSS art. D242-6-4 al. 2 ; D242-32 al. 2"

    def formula(etablissement, period, parameters):
        total = etablissement.filled_array(0.0)
        for annee in annees_de_reference(parameters, period):
            masse = etablissement("masse_salariale_atmp", annee)
            verifier_positif(masse, "masse_salariale_atmp", annee)
            total = total + masse
        return total


class taux_brut_individuel_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux brut individuel : valeur du risque / salaires des trois dernières années connues"
    reference = "CSS art. D242-6-4 al. 2 et 3 ; D242-32 al. 2 et 3"
    documentation = (
        "Avec un taux unique (groupe_taux_unique_atmp), valeur du risque et salaires sont ceux de tous les "
        "établissements du groupe. NaN si les salaires sont nuls ou si une donnée manque."
    )

    def formula(etablissement, period):
        groupes = etablissement("groupe_taux_unique_atmp", period)
        valeur = somme_par_groupe(etablissement("valeur_du_risque_atmp", period), groupes)
        masse = somme_par_groupe(etablissement("masse_salariale_reference_atmp", period), groupes)
        return numpy.where(masse > 0, valeur / numpy.where(masse > 0, masse, 1), numpy.nan)


class taux_net_individuel_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux net individuel : (taux brut + M1) × (1 + M2) + M3 + M4"
    reference = "CSS art. D242-6-3, D242-6-9, D242-6-18 2°"
    documentation = "M1 diminuée de 30 % en charge partielle. Pas d'arrondi (non confirmé par les sources)."

    def formula(etablissement, period, parameters):
        return taux_net(etablissement("taux_brut_individuel_atmp", period), etablissement, period, parameters)


def verifier_taux_individuel(etablissement, period, parameters, besoin):
    """Erreur qui nomme la donnée manquante quand le taux individuel d'un établissement qui en a besoin est NaN."""
    taux = etablissement("taux_net_individuel_atmp", period)
    manquant = besoin & numpy.isnan(taux)
    if not manquant.any():
        return
    rang = premier(manquant)
    groupes = etablissement("groupe_taux_unique_atmp", period)
    if groupes[rang] > 0:
        # Dans un groupe de taux unique, la donnée manquante peut être celle d'un autre établissement du groupe.
        propres = numpy.isnan(etablissement("valeur_du_risque_atmp", period)) & (groupes == groupes[rang])
        rang = premier(propres) if propres.any() else rang
    raise refus(
        rang,
        f"Taux net individuel AT/MP incalculable pour {period} (établissement n° {rang}) : "
        f"{_donnee_manquante(etablissement, period, parameters, rang)}",
    )


def _donnee_manquante(etablissement, period, parameters, rang):
    for majoration in MAJORATIONS:
        if numpy.isnan(etablissement(majoration, period)[rang]):
            return f"{majoration} manquante (valeur de l'arrêté non trouvée pour {period}) ; donnez-la en entrée."
    groupes = etablissement("groupe_taux_unique_atmp", period)
    if somme_par_groupe(etablissement("masse_salariale_reference_atmp", period), groupes)[rang] <= 0:
        annees = annees_de_reference(parameters, period)
        return f"masse_salariale_atmp nulle de {annees[0]} à {annees[-1]} ; le taux brut la divise (D242-6-4)."
    calendrier = parametres_du_tarif(parameters, period).calendrier
    couts = couts_moyens_applicables(etablissement, period, parameters)
    ctn = etablissement("comite_technique_national_atmp", period).decode_to_str()[rang]
    activite = etablissement("activite_btp_atmp", period).decode_to_str()[rang]
    for annee in annees_de_reference(parameters, period):
        if annee.start.year < calendrier.premiere_annee_couts_moyens:
            if numpy.isnan(etablissement("valeur_du_risque_ancienne_methode_atmp", annee)[rang]):
                return f"valeur_du_risque_ancienne_methode_atmp manquante pour {annee} (décret n° 2010-753 art. 3)."
            continue
        for cle in INCAPACITE_TEMPORAIRE + INCAPACITE_PERMANENTE:
            if etablissement(f"sinistres_{cle}", annee)[rang] > 0 and numpy.isnan(couts[cle][rang]):
                if ctn == ComiteTechniqueNational.non_renseigne.name:
                    return (
                        f"comite_technique_national_atmp manquant : il choisit le coût moyen des sinistres de {annee}."
                    )
                if ctn == ComiteTechniqueNational.b.name and activite == ActiviteBtpAtmp.non_renseignee.name:
                    return (
                        f"activite_btp_atmp manquante : elle choisit le coût moyen de sinistres_{cle} de {annee} "
                        "(gros_oeuvre, second_oeuvre ou bureaux)."
                    )
                return (
                    f"coût moyen {cle} du CTN {ctn.upper()} inconnu pour la tarification {period} (paramètre absent) ; "
                    f"donnez cout_moyen_{cle}."
                )
    return "donnée manquante."

"""Allocations de chômage et de préretraite : seuils d'exonération (D242-13), cotisation maladie (D242-12) réduite
pour garantir le minimum (D242-14), CSG et CRDS sur les allocations de chômage, allocation nette."""

from datetime import date

import numpy

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_secu.briques_revenus import (
    arrondi_superieur,
    exiger_positif,
    parametre_aux_dates,
    refuser_si,
    refuser_taux_csg_indetermine,
)
from openfisca_secu.entities import individu
from openfisca_secu.enumerations_revenus import TauxCsgRemplacement


class allocation_chomage_brute(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Allocations de chômage brutes du mois (2° de L131-2 : assurance chômage, solidarité, formation)"
    reference = "CSS art. L131-2 2° ; L136-1-2"


class allocation_preretraite_brute(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Avantages bruts de préretraite ou de cessation anticipée d'activité du mois (3° de L131-2)"
    reference = "CSS art. L131-2 3° ; D242-12"


class preretraite_decision_unilaterale_employeur(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Avantages de préretraite dus en application d'une décision unilatérale de l'employeur"
    reference = "CSS art. D242-12 al. 1"


class allocation_versee_par_employeur(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Allocation versée par l'employeur (seuil mensuel) plutôt que par l'assurance chômage (seuil journalier)"
    reference = "CSS art. D242-13 1° et 2°"


class nombre_jours_indemnises(Variable):
    value_type = int
    entity = individu
    definition_period = MONTH
    unit = "day"
    label = "Nombre de jours calendaires du mois couverts par l'allocation versée par l'assurance chômage"
    reference = "CSS art. D242-13 1°"
    documentation = "Montant journalier comparé au seuil : allocation du mois / ce nombre. Défaut : le mois entier."

    def formula(individu, period):
        return individu.filled_array(period.days)


class remuneration_activite_allocataire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Rémunération d'activité du mois d'un allocataire partiellement privé d'emploi"
    reference = "CSS art. D242-13 3° ; D242-14 al. 2"
    documentation = (
        "Cumulée avec l'allocation pour apprécier le seuil d'exonération (D242-13 3°) et le minimum garanti "
        "(D242-14, cessation partielle). Le texte parle de rémunération en D242-13 et de rémunération nette en "
        "D242-14 : le modèle prend le montant saisi pour les deux."
    )


class date_paiement_allocation(Variable):
    value_type = date
    entity = individu
    definition_period = MONTH
    label = "Date de paiement de l'allocation de chômage ou de préretraite du mois"
    reference = "CSS art. D242-13 dernier alinéa (SMIC en vigueur à la date du paiement)"
    documentation = "Défaut : le premier jour du mois de l'allocation."

    def formula(individu, period):
        return individu.filled_array(numpy.datetime64(period.start.date, "D"))


def _smic_horaire_au_paiement(individu, period):
    """SMIC horaire en vigueur à la date de paiement de l'allocation (D242-13) ; erreur avant le premier SMIC connu."""
    paiement = individu("date_paiement_allocation", period)
    smic = parametre_aux_dates(individu, "smic.horaire_brut", paiement)
    refuser_si(
        numpy.isnan(smic),
        lambda rang: (
            f"date_paiement_allocation {numpy.atleast_1d(paiement)[rang]} pour {period} (individu n° {rang}) : pas de "
            "SMIC connu à cette date."
        ),
    )
    return smic


def allocations_du_mois(individu, period):
    """Allocations de chômage et de préretraite du mois, contrôlées (positives, pas les deux à la fois)."""
    chomage = exiger_positif(individu("allocation_chomage_brute", period), "allocation_chomage_brute", period)
    preretraite = exiger_positif(
        individu("allocation_preretraite_brute", period), "allocation_preretraite_brute", period
    )
    refuser_si(
        (chomage > 0) & (preretraite > 0),
        lambda rang: (
            f"allocation_chomage_brute et allocation_preretraite_brute toutes deux non nulles en {period} (individu "
            f"n° {rang}) : une seule allocation de remplacement par mois est prise en charge."
        ),
    )
    return chomage, preretraite


class seuil_exoneration_journalier_allocation(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Seuil journalier d'exonération : SMIC horaire × durée légale hebdomadaire / 7, arrondi à l'euro supérieur"
    reference = "CSS art. D242-13 1° et dernier alinéa"
    documentation = "SMIC en vigueur à la date du paiement (date_paiement_allocation)."

    def formula(individu, period, parameters):
        p = parameters(period).revenus_remplacement.seuils_exoneration
        duree = parameters(period).smic.duree_legale_hebdomadaire
        seuil = _smic_horaire_au_paiement(individu, period) * duree / p.diviseur_journalier
        return arrondi_superieur(seuil, 0)


class seuil_exoneration_mensuel_allocation(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = (
        "Seuil mensuel d'exonération : SMIC horaire × 52 × durée légale hebdomadaire / 12, arrondi à l'euro supérieur"
    )
    reference = "CSS art. D242-13 2° et dernier alinéa"
    documentation = "SMIC en vigueur à la date du paiement (date_paiement_allocation)."

    def formula(individu, period, parameters):
        p = parameters(period).revenus_remplacement.seuils_exoneration
        duree = parameters(period).smic.duree_legale_hebdomadaire
        seuil = _smic_horaire_au_paiement(individu, period) * p.semaines_par_an * duree / p.diviseur_mensuel
        return arrondi_superieur(seuil, 0)


class seuil_exoneration_allocation(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Seuil d'exonération de la cotisation maladie rapporté au mois (D242-13)"
    reference = "CSS art. D242-13 ; D242-14"
    documentation = (
        "Allocation versée par l'employeur : seuil mensuel. Versée par l'assurance chômage : seuil journalier × jours "
        "indemnisés (le montant journalier n'excède pas le seuil) ; pour une personne partiellement privée d'emploi, "
        "dont le montant cumulé avec la rémunération d'activité est apprécié sur le mois, seuil journalier × jours "
        "du mois."
    )

    def formula(individu, period):
        chomage, preretraite = allocations_du_mois(individu, period)
        jours = individu("nombre_jours_indemnises", period)
        refuser_si(
            (chomage + preretraite > 0) & ((jours <= 0) | (jours > period.days)),
            lambda rang: (
                f"nombre_jours_indemnises : valeur {numpy.atleast_1d(jours)[rang]} impossible pour {period} "
                f"(individu n° {rang}) ; attendu entre 1 et {period.days} jours pour une allocation non nulle."
            ),
        )
        remuneration = exiger_positif(
            individu("remuneration_activite_allocataire", period), "remuneration_activite_allocataire", period
        )
        jours_seuil = numpy.where(remuneration > 0, period.days, jours)
        return numpy.where(
            individu("allocation_versee_par_employeur", period),
            individu("seuil_exoneration_mensuel_allocation", period),
            individu("seuil_exoneration_journalier_allocation", period) * jours_seuil,
        )


class allocation_exoneree_cotisation_maladie(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = (
        "Allocation exonérée de cotisation maladie : montant (cumulé avec l'activité réduite) n'excédant pas le seuil"
    )
    reference = "CSS art. D242-13"

    def formula(individu, period):
        chomage, preretraite = allocations_du_mois(individu, period)
        montant = chomage + preretraite + individu("remuneration_activite_allocataire", period)
        return montant <= individu("seuil_exoneration_allocation", period)


def _cotisation_maladie_ecretee(individu, period, taux, allocation):
    """Cotisation D242-12, nulle sous le seuil (D242-13), réduite pour laisser au moins le seuil (D242-14)."""
    seuil = individu("seuil_exoneration_allocation", period)
    disponible = numpy.maximum(allocation + individu("remuneration_activite_allocataire", period) - seuil, 0)
    cotisation = numpy.minimum(taux * allocation, disponible)
    return numpy.where(individu("allocation_exoneree_cotisation_maladie", period), 0, cotisation)


class maladie_allocation_preretraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation d'assurance maladie sur les avantages de préretraite, après exonération et minimum garanti"
    reference = "CSS art. L131-2 3° ; D242-12 ; D242-13 ; D242-14"

    def formula(individu, period):
        _, preretraite = allocations_du_mois(individu, period)
        refuser_si(
            preretraite > 0,
            lambda rang: (
                f"allocation_preretraite_brute non nulle en {period} (individu n° {rang}) : les taux de D242-12 ne "
                "sont connus qu'à partir de 2018-03 (décret 2018-162)."
            ),
        )
        return individu.filled_array(0.0)

    def formula_2018_03_01(individu, period, parameters):
        p = parameters(period).revenus_remplacement.maladie.allocations
        _, preretraite = allocations_du_mois(individu, period)
        taux = numpy.where(
            individu("relevant_l131_9", period),
            p.taux_preretraite_l131_9,
            numpy.where(
                individu("preretraite_decision_unilaterale_employeur", period),
                p.taux_preretraite_decision_unilaterale,
                p.taux_preretraite,
            ),
        )
        return _cotisation_maladie_ecretee(individu, period, taux, preretraite)


class maladie_allocation_chomage(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation d'assurance maladie sur les allocations de chômage (personnes relevant de L131-9)"
    reference = "CSS art. L131-2 2° ; D242-12 2° ; D242-13 ; D242-14"

    def formula(individu, period):
        chomage, _ = allocations_du_mois(individu, period)
        refuser_si(
            individu("relevant_l131_9", period) & (chomage > 0),
            lambda rang: (
                f"relevant_l131_9 vrai pour l'individu n° {rang} en {period} : le taux de la cotisation maladie sur "
                "les allocations de chômage des personnes relevant de L131-9 n'est connu qu'à partir de 2018-03."
            ),
        )
        return individu.filled_array(0.0)

    def formula_2018_03_01(individu, period, parameters):
        p = parameters(period).revenus_remplacement.maladie.allocations
        chomage, _ = allocations_du_mois(individu, period)
        taux = numpy.where(individu("relevant_l131_9", period), p.taux_chomage_l131_9, 0)
        return _cotisation_maladie_ecretee(individu, period, taux, chomage)


class seuil_minimum_allocation_chomage(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant que la CSG et la CRDS ne peuvent entamer : SMIC journalier × jours indemnisés (ou seuil mensuel)"
    reference = "CSS art. L136-8 ; D242-13 ; circulaire Unédic 2012-28"

    def formula(individu, period):
        return numpy.where(
            individu("allocation_versee_par_employeur", period),
            individu("seuil_exoneration_mensuel_allocation", period),
            individu("seuil_exoneration_journalier_allocation", period) * individu("nombre_jours_indemnises", period),
        )


class assiette_csg_allocation_chomage(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette de la CSG et de la CRDS sur les allocations de chômage (abattement de 1,75 % jusqu'à 4 PMSS)"
    reference = "CSS art. L136-1-2 ; L136-1-1 III 1°"

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.csg
        chomage, _ = allocations_du_mois(individu, period)
        limite = p.plafond_abattement_pss * parameters(period).plafond_securite_sociale.mensuel
        sous_limite = numpy.minimum(chomage, limite)
        return (1 - p.abattement) * sous_limite + (chomage - sous_limite)


def _csg_crds_chomage(individu, period, parameters):
    """CSG puis CRDS sur les allocations de chômage, limitées pour que l'allocation nette reste au moins au seuil."""
    p = parameters(period).revenus_remplacement.csg.allocations_chomage
    chomage, _ = allocations_du_mois(individu, period)
    assujettie = ~individu("relevant_l131_9", period) & (chomage > 0)
    categorie = individu("taux_csg_remplacement", period.this_year)
    refuser_taux_csg_indetermine(categorie, assujettie, period)
    assiette = individu("assiette_csg_allocation_chomage", period)
    taux = numpy.select(
        [categorie == TauxCsgRemplacement.exonere, categorie == TauxCsgRemplacement.taux_reduit],
        [0, p.taux_reduit],
        p.taux_plein,
    )
    crds_theorique = (categorie != TauxCsgRemplacement.exonere) * parameters(period).cotisations.crds.taux * assiette
    disponible = numpy.maximum(chomage - individu("seuil_minimum_allocation_chomage", period), 0)
    csg = numpy.minimum(taux * assiette, disponible)
    crds = numpy.minimum(crds_theorique, disponible - csg)
    return assujettie * csg, assujettie * crds


class csg_allocation_chomage(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CSG sur les allocations de chômage, après exonération et minimum garanti"
    reference = "CSS art. L136-1-2 ; L136-8 II et III ; circulaire Unédic 2012-28"
    documentation = (
        "Taux réduit ou normal selon le revenu fiscal de référence (pas de taux médian pour le chômage). La CSG ne "
        "peut réduire l'allocation nette sous le seuil de D242-13 (SMIC journalier × jours indemnisés) ; la CSG est "
        "limitée la première, la CRDS ensuite."
    )

    def formula(individu, period, parameters):
        csg, _ = _csg_crds_chomage(individu, period, parameters)
        return csg


class crds_allocation_chomage(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CRDS sur les allocations de chômage, après exonération et minimum garanti"
    reference = "Ordonnance 96-50 du 24/01/1996, art. 14 et 19 ; circulaire Unédic 2012-28"

    def formula(individu, period, parameters):
        _, crds = _csg_crds_chomage(individu, period, parameters)
        return crds


class allocation_chomage_nette(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Allocation de chômage nette du mois (brute moins CSG, CRDS et cotisation maladie L131-9)"
    reference = "CSS art. L131-2 ; L136-8"
    documentation = (
        "La cotisation de retraite complémentaire prélevée par l'Unédic (hors code de la sécurité sociale) n'est pas "
        "déduite."
    )

    def formula(individu, period):
        return (
            individu("allocation_chomage_brute", period)
            - individu("csg_allocation_chomage", period)
            - individu("crds_allocation_chomage", period)
            - individu("maladie_allocation_chomage", period)
        )

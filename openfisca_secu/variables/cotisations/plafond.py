"""Plafond de la sécurité sociale : valeurs dérivées (D242-17, D242-17-1) et plafond propre à chaque salarié."""

import numpy

from openfisca_secu.base import (
    MONTH,
    Variable,
    part_sous_plafonds,
    set_input_dispatch_by_period,
    set_input_divide_by_period,
)
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import individu
from openfisca_secu.validation import EntreeInvalide


def arrondi_euro(montant):
    """Arrondi à l'euro le plus proche, la moitié vers le haut (CSS art. D242-17-1)."""
    return numpy.floor(montant + 0.5)


class plafond_securite_sociale_mensuel(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Plafond mensuel de la sécurité sociale (PMSS) en vigueur"
    reference = "CSS art. D242-17 I"

    def formula(individu, period, parameters):
        return individu.filled_array(parameters(period).plafond_securite_sociale.mensuel)


class plafond_securite_sociale_journalier(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valeur journalière du plafond (PMSS × 12 / 218, arrondie à l'euro)"
    reference = "CSS art. D242-17 IV ; D242-17-1"

    def formula(individu, period, parameters):
        p = parameters(period).plafond_securite_sociale
        return individu.filled_array(arrondi_euro(p.mensuel * 12 / p.jours_travailles_annuels))


class plafond_securite_sociale_horaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valeur horaire du plafond (PMSS × 12 / 1 607, arrondie à l'euro)"
    reference = "CSS art. D242-17-1"

    def formula(individu, period, parameters):
        p = parameters(period).plafond_securite_sociale
        return individu.filled_array(arrondi_euro(p.mensuel * 12 / p.heures_annuelles_travail))


class plafond_securite_sociale_hebdomadaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valeur hebdomadaire du plafond (PMSS × 12 / 52, arrondie à l'euro)"
    reference = "CSS art. D242-17-1"

    def formula(individu, period, parameters):
        p = parameters(period).plafond_securite_sociale
        return individu.filled_array(arrondi_euro(p.mensuel * 12 / p.semaines_par_an))


class plafond_securite_sociale_quinzaine(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valeur par quinzaine du plafond (PMSS / 2, arrondie à l'euro)"
    reference = "CSS art. D242-17-1"

    def formula(individu, period, parameters):
        return individu.filled_array(arrondi_euro(parameters(period).plafond_securite_sociale.mensuel / 2))


class plafond_securite_sociale_trimestriel(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valeur trimestrielle du plafond (PMSS × 3)"
    reference = "CSS art. D242-17-1"

    def formula(individu, period, parameters):
        return individu.filled_array(arrondi_euro(parameters(period).plafond_securite_sociale.mensuel * 3))


class plafond_securite_sociale_annuel(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valeur annuelle du plafond (PMSS × 12)"
    reference = "CSS art. D242-17-1"

    def formula(individu, period, parameters):
        return individu.filled_array(arrondi_euro(parameters(period).plafond_securite_sociale.mensuel * 12))


class jours_absence_non_remuneree(Variable):
    value_type = int
    entity = individu
    definition_period = MONTH
    unit = "day"
    label = "Jours calendaires de suspension du contrat sans maintien de la rémunération dans le mois"
    reference = "CSS art. R242-2 (décret n° 2017-858) ; BOSS, Assiette générale, plafond (absences)"
    documentation = (
        "Congé sans solde, absence non rémunérée, arrêt de travail sans maintien de salaire... Une absence "
        "partiellement rémunérée (maintien partiel, congés payés) ne compte pas."
    )


class renonciation_proratisation_plafond_temps_partiel(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Salarié à temps partiel et employeur renoncent d'un commun accord au plafond proratisé (plafond plein)"
    reference = (
        "CSS art. L242-8 ; lettre-circulaire Acoss n° 86-57 du 16/12/1986 ; BOSS, Assiette générale, § 800 "
        "(opposable depuis le 1er septembre 2023)"
    )


class coefficient_plafond_temps_partiel(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Proratisation du plafond d'un salarié à temps partiel (durée contractuelle et heures complémentaires)"
    reference = "CSS art. L242-8 ; R242-7 puis R242-2 (décret n° 2017-858) ; BOSS, Assiette générale, § 800"
    documentation = (
        "(Durée contractuelle + heures complémentaires) / durée légale, ou durée collective de l'établissement si "
        "elle est inférieure, sans dépasser 1 ; 1 si le salarié et l'employeur renoncent à la proratisation. La durée "
        "contractuelle est quotite_de_travail × durée légale ; les heures complémentaires sont heures_supplementaires."
    )

    def formula(individu, period, parameters):
        semaines_par_mois = parameters(period).cotisations.temps_plein.semaines_par_an / 12
        duree_legale = parameters(period).smic.duree_legale_hebdomadaire
        duree_collective = individu.etablissement("duree_collective_hebdomadaire_applicable", period)
        duree_reference_mois = numpy.minimum(duree_legale, duree_collective) * semaines_par_mois
        quotite = individu("quotite_de_travail", period)
        nulle = (quotite == 0) & (individu("salaire_de_base", period) > 0)
        if nulle.any():
            rang = int(numpy.flatnonzero(nulle)[0])
            raise EntreeInvalide(
                ["individus", rang, "quotite_de_travail", str(period)],
                f"quotite_de_travail nulle en {period} alors que l'individu n° {rang} reçoit un salaire de base ; "
                "attendu une quotité entre 0 (exclu) et 1 (durée contractuelle, L242-8).",
            )
        heures_contrat = quotite * duree_legale * semaines_par_mois
        heures = heures_contrat + individu("heures_supplementaires", period)
        coefficient = numpy.minimum(heures / duree_reference_mois, 1)
        return numpy.where(individu("renonciation_proratisation_plafond_temps_partiel", period), 1, coefficient)


class remuneration_autres_employeurs(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Rémunérations soumises à cotisations versées au salarié par ses autres employeurs pour le mois"
    reference = "CSS art. R242-3"
    documentation = "0 (défaut) : un seul employeur. Renseignée, le plafond est réparti entre les employeurs (R242-3)."


class coefficient_plafond_employeurs_multiples(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Part du plafond revenant à l'employeur : sa rémunération / total des rémunérations de tous les employeurs"
    reference = "CSS art. R242-3 ; L242-8"
    documentation = (
        "Avec d'autres employeurs, le plafond est réparti au prorata des rémunérations (R242-3) ; cette répartition "
        "remplace la proratisation du temps partiel, qui compterait deux fois la durée du travail. Sans autre "
        "employeur : coefficient_plafond_temps_partiel."
    )

    def formula(individu, period):
        remuneration = individu("assiette_cotisations_sociales", period)
        autres = individu("remuneration_autres_employeurs", period)
        total = remuneration + autres
        part = numpy.divide(remuneration, total, out=numpy.zeros_like(total), where=total > 0)
        return numpy.where(autres > 0, part, individu("coefficient_plafond_temps_partiel", period))


class plafond_securite_sociale(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Plafond de la sécurité sociale applicable au salarié pour le mois"
    reference = "CSS art. L241-3, L242-8, R242-2 et R242-3"
    documentation = (
        "PMSS × proratisation du temps partiel (L242-8) ou part de l'employeur (R242-3) × proratisation du mois "
        "incomplet (R242-2) : jusqu'en 2017, jours calendaires de contrat / 30 (au plus 1) ; depuis 2018, jours "
        "calendaires de la période d'emploi, absences non rémunérées déduites, / jours calendaires du mois. Un mois "
        "sans aucune rémunération n'ouvre pas de plafond : il n'y a pas de paie."
    )

    def formula(individu, period, parameters):
        # R242-2 avant le décret n° 2017-858 : trentièmes ; une absence non rémunérée ne réduit le plafond que si elle
        # couvre toute la période de contrat du mois.
        jours = individu("jours_contrat_dans_le_mois", period)
        diviseur = parameters(period).plafond_securite_sociale.jours_par_mois_proratisation
        prorata = numpy.where(jours == period.days, 1, numpy.minimum(jours / diviseur, 1))
        absent_tout_le_mois = individu("jours_absence_non_remuneree", period) >= jours
        return plafond_du_salarie(individu, period, parameters, prorata * ~absent_tout_le_mois)

    def formula_2018_01_01(individu, period, parameters):
        # R242-2 (décret n° 2017-858) : jours calendaires de la période d'emploi / jours calendaires du mois ; une
        # période d'emploi négative (absences prises en compte en décalé) est ramenée à 0 sans report (BOSS).
        jours = individu("jours_contrat_dans_le_mois", period) - individu("jours_absence_non_remuneree", period)
        return plafond_du_salarie(individu, period, parameters, numpy.maximum(jours, 0) / period.days)


def plafond_du_salarie(individu, period, parameters, prorata_jours):
    """PMSS × proratisation du temps partiel ou part de l'employeur (R242-3) × proratisation des jours ; 0 pour un
    mois sans rémunération."""
    remunere = individu("assiette_cotisations_sociales", period) != 0
    pmss = parameters(period).plafond_securite_sociale.mensuel
    return remunere * pmss * individu("coefficient_plafond_employeurs_multiples", period) * prorata_jours


class assiette_sous_1_plafond(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de l'assiette dans la limite d'un plafond (tranche A, tranche 1)"
    reference = "CSS art. L241-3 ; R242-2"

    def formula(individu, period):
        return part_sous_plafonds(individu, period, 1)


class assiette_sous_3_plafonds(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de l'assiette dans la limite de trois plafonds (tranches 1 et 2 ARRCO des non-cadres)"
    reference = "Accord ARRCO du 08/12/1961 ; CSS art. R242-2"

    # tranches ARRCO des non-cadres supprimées au 01/01/2019
    formula_2019_01_01 = neant

    def formula(individu, period, parameters):
        arrco = parameters(period).cotisations.retraite_complementaire.arrco
        return part_sous_plafonds(individu, period, arrco.plafond_tranche_2_pss)


class assiette_sous_4_plafonds(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de l'assiette dans la limite de quatre plafonds (chômage, AGS, APEC, tranche B)"
    reference = "Code du travail, art. L5422-9 ; CSS art. R242-2"

    def formula(individu, period, parameters):
        return part_sous_plafonds(individu, period, parameters(period).cotisations.chomage.plafond_pss)


class assiette_sous_8_plafonds(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de l'assiette dans la limite de huit plafonds (tranche 2 AGIRC-ARRCO, tranche C)"
    reference = "ANI AGIRC-ARRCO du 17/11/2017 ; CSS art. R242-2"

    def formula(individu, period, parameters):
        return part_sous_plafonds(
            individu, period, parameters(period).cotisations.retraite_complementaire.plafond_tranche_2_pss
        )

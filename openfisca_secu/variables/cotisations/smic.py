"""SMIC du mois pris en compte pour les seuils exprimés en SMIC (D241-7 II à IV appliqué au mois, D241-8)."""

import numpy

from openfisca_secu.base import MONTH, Variable, sans_bruit, set_input_dispatch_by_period
from openfisca_secu.entities import individu


class smic_horaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "SMIC horaire brut en vigueur"
    reference = "Code du travail, art. L3231-2"

    def formula(individu, period, parameters):
        return individu.filled_array(parameters(period).smic.horaire_brut)


class fraction_mois_remunere(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Rémunération due rapportée à celle qui aurait été due pour un mois entier de présence"
    reference = "CSS art. D241-7 II al. 5"
    documentation = (
        "Corrige le SMIC du mois en cas d'entrée, de sortie ou d'absence non ou partiellement rémunérée. "
        "À défaut de saisie : jours calendaires de contrat / jours du mois, et 0 pour un mois sans rémunération."
    )

    def formula(individu, period):
        remunere = individu("remuneration_brute", period) > 0
        return remunere * individu("jours_contrat_dans_le_mois", period) / period.days


class forfait_jours_annuel(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "day"
    label = "Nombre de jours de la convention individuelle de forfait annuel en jours (0 : pas de forfait jours)"
    reference = "CSS art. D241-7 IV ; code du travail, art. L3121-58"


class heures_reference_smic(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "hour"
    label = "Nombre d'heures de SMIC du mois pour les seuils en SMIC"
    reference = "CSS art. D241-7 II et D241-8"
    documentation = (
        "1 820 / 12 heures, proratisées par la quotité de travail (durée contractuelle / durée légale) et par la "
        "fraction du mois rémunérée, majorées des heures supplémentaires et complémentaires rémunérées ; "
        "pour un forfait annuel de moins de 218 jours, proratisées par jours du forfait / 218 (D241-7 IV)."
    )

    def formula(individu, period, parameters):
        heures_mensuelles = parameters(period).smic.heures_annuelles / 12
        jours_reference = parameters(period).reductions.reduction_generale.jours_forfait_reference
        forfait = individu("forfait_jours_annuel", period)
        prorata_forfait = numpy.where((forfait > 0) & (forfait < jours_reference), forfait / jours_reference, 1)
        heures_contrat = heures_mensuelles * individu("quotite_de_travail", period) * prorata_forfait
        return heures_contrat * individu("fraction_mois_remunere", period) + individu("heures_supplementaires", period)


class smic_mensuel_reference(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "SMIC du mois calculé selon D241-7 II à IV (montant mensuel de D241-8)"
    reference = "CSS art. D241-7 II et D241-8"

    def formula(individu, period):
        return sans_bruit(individu("smic_horaire", period) * individu("heures_reference_smic", period))

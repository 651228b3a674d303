"""Plafond de la sécurité sociale : valeurs dérivées (D242-17, D242-17-1) et plafond propre à chaque salarié."""

import numpy

from openfisca_secu.base import MONTH, Variable, part_sous_plafonds
from openfisca_secu.entities import individu


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


class plafond_securite_sociale(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Plafond de la sécurité sociale applicable au salarié pour le mois"
    reference = "CSS art. L241-3, L242-8 et R242-2"
    documentation = (
        "PMSS × quotité de travail (temps partiel, L242-8), réduit pour un mois incomplet à PMSS × jours calendaires "
        "de contrat / 30 (R242-2). Un mois sans aucune rémunération n'ouvre pas de plafond : il n'y a pas de paie."
    )

    def formula(individu, period, parameters):
        p = parameters(period).plafond_securite_sociale
        jours = individu("jours_contrat_dans_le_mois", period)
        mois_complet = jours == period.days
        prorata = numpy.where(mois_complet, 1, numpy.minimum(jours / p.jours_par_mois_proratisation, 1))
        remunere = individu("assiette_cotisations_sociales", period) != 0
        return remunere * p.mensuel * individu("quotite_de_travail", period) * prorata


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
    end = "2018-12-31"
    label = "Part de l'assiette dans la limite de trois plafonds (tranches 1 et 2 ARRCO des non-cadres)"
    reference = "Accord ARRCO du 08/12/1961 ; CSS art. R242-2"

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

"""Assiette des cotisations de sécurité sociale (L242-1) et exclusion plafonnée des contributions patronales
de retraite supplémentaire et de prévoyance complémentaire (D242-1)."""

import numpy

from openfisca_secu.base import MONTH, Variable, set_input_divide_by_period
from openfisca_secu.entities import individu


class contribution_employeur_retraite_supplementaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Contributions de l'employeur à un régime de retraite supplémentaire (a du 4° du II de L242-1)"
    reference = "CSS art. L242-1 II 4° a ; D242-1 II"


class contribution_employeur_prevoyance(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Contribution de l'employeur à la prévoyance complémentaire (hors frais de santé), en euros"
    reference = "CSS art. L242-1 II 4° b et 4° bis"


class limite_exclusion_retraite_supplementaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Fraction des contributions de retraite supplémentaire exclue de l'assiette"
    reference = "CSS art. D242-1 I"
    documentation = (
        "max(5 % du plafond ; 5 % de la rémunération retenue dans la limite de 5 plafonds). Le plafond est celui de la "
        "période de paie (le mois) ; la rémunération est celle soumise à cotisations hors ces contributions."
    )

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.assiette.retraite_supplementaire
        pmss = parameters(period).plafond_securite_sociale.mensuel
        remuneration = individu("remuneration_brute", period)
        return numpy.maximum(
            p.part_plafond * pmss,
            p.part_remuneration * numpy.minimum(remuneration, p.plafond_remuneration_pss * pmss),
        )


class limite_exclusion_prevoyance(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Fraction des contributions de prévoyance complémentaire exclue de l'assiette"
    reference = "CSS art. D242-1 I al. 2"
    documentation = "min(6 % du plafond + 1,5 % de la rémunération ; 12 % du plafond), plafond du mois."

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.assiette.prevoyance
        pmss = parameters(period).plafond_securite_sociale.mensuel
        remuneration = individu("remuneration_brute", period)
        return numpy.minimum(p.part_plafond * pmss + p.part_remuneration * remuneration, p.limite_pss * pmss)


class assiette_cotisations_sociales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette des cotisations de sécurité sociale"
    reference = "CSS art. L242-1 ; D242-1"
    documentation = "Rémunération brute plus la part des contributions patronales qui excède les limites de D242-1."

    def formula(individu, period):
        retraite = individu("contribution_employeur_retraite_supplementaire", period)
        prevoyance = individu("contributions_employeur_prevoyance_complementaire", period)
        reintegre = numpy.maximum(retraite - individu("limite_exclusion_retraite_supplementaire", period), 0)
        reintegre += numpy.maximum(prevoyance - individu("limite_exclusion_prevoyance", period), 0)
        return individu("remuneration_brute", period) + reintegre

"""Salaire reconstitué à temps plein des salariés à temps partiel qui cotisent à l'assurance vieillesse sur cette
base (L241-3-1, R241-0-2), et nombre d'heures correspondant à la rémunération de ceux qui ne sont pas payés à
l'heure (D241-0-x, seed 003)."""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.entities import individu
from openfisca_secu.enumerations import TypeRemuneration


class type_remuneration(Variable):
    value_type = Enum
    possible_values = TypeRemuneration
    default_value = TypeRemuneration.horaire
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Mode de détermination de la rémunération (en heures ou non)"
    reference = "CSS art. D241-0-x (seed 003, ¶B71)"


class forfait_annuel_heures(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Nombre d'heures de la convention individuelle de forfait annuel en heures"
    reference = "Code du travail, art. L3121-56"


class option_vieillesse_temps_plein(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Option pour le calcul de la cotisation vieillesse sur le salaire reconstitué à temps plein"
    reference = "CSS art. L241-3-1"


class heures_correspondant_remuneration(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "hour"
    label = "Nombre d'heures considéré comme correspondant à la rémunération mensuelle"
    reference = "CSS art. D241-0-x (seed 003, ¶B71) ; R241-0-2"
    documentation = (
        "Payé à l'heure : quotité × 1 820 / 12. Forfait annuel en heures : 52/12 × forfait / 45,7. Travailleur à "
        "domicile ou concierge : rémunération / SMIC horaire. Autres : rémunération / (SMIC horaire × 1,70)."
    )

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.temps_plein
        heures_mois = parameters(period).smic.heures_annuelles / 12
        smic = individu("smic_horaire", period)
        remuneration = individu("assiette_cotisations_sociales", period)
        type_ = individu("type_remuneration", period)
        return numpy.select(
            [
                type_ == TypeRemuneration.forfait_annuel_heures,
                type_ == TypeRemuneration.domicile_ou_concierge,
                type_ == TypeRemuneration.autre_non_horaire,
            ],
            [
                p.semaines_par_an / 12 * individu("forfait_annuel_heures", period) / p.diviseur_forfait_annuel,
                remuneration / smic,
                remuneration / (smic * (1 + p.majoration_smic_autres)),
            ],
            heures_mois * individu("quotite_de_travail", period),
        )


class salaire_temps_plein_reconstitue(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Salaire correspondant à l'activité exercée à temps plein"
    reference = "CSS art. L241-3-1 ; R241-0-2"
    documentation = "Rémunération × (1 820 / 12) / heures correspondant à la rémunération."

    def formula(individu, period, parameters):
        heures_temps_plein = parameters(period).smic.heures_annuelles / 12
        heures = individu("heures_correspondant_remuneration", period)
        remuneration = individu("assiette_cotisations_sociales", period)
        return numpy.divide(
            remuneration * heures_temps_plein, heures, out=numpy.zeros_like(remuneration), where=heures > 0
        )

"""Cumuls depuis janvier des assiettes et du plafond, pour la régularisation progressive du plafond (R242-2).

Chaque cumul est celui du mois précédent plus le mois : un mois ne relit pas les mois passés (voir
`openfisca_secu.memoire`).
"""

from openfisca_secu.base import MONTH, Variable, cumul_depuis_janvier
from openfisca_secu.entities import individu


class assiette_cotisations_sociales_cumulee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette des cotisations de sécurité sociale cumulée depuis janvier"
    reference = "CSS art. R242-2"

    def formula(individu, period):
        return cumul_depuis_janvier(
            individu, period, "assiette_cotisations_sociales", "assiette_cotisations_sociales_cumulee"
        )


class remuneration_brute_cumulee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Rémunération brute cumulée depuis janvier (abattement de CSG dans la limite de 4 plafonds)"
    reference = "CSS art. L136-1-1 ; R242-2"

    def formula(individu, period):
        return cumul_depuis_janvier(individu, period, "remuneration_brute", "remuneration_brute_cumulee")


class plafond_securite_sociale_cumule(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Plafond de la sécurité sociale du salarié cumulé depuis janvier"
    reference = "CSS art. R242-2"

    def formula(individu, period):
        return cumul_depuis_janvier(individu, period, "plafond_securite_sociale", "plafond_securite_sociale_cumule")

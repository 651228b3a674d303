"""Petite réforme d'essai de `--reforms` (pas une réforme du projet : celles-ci sont dans reforms/).

Le taux de la CSG déductible passe à 10 % à partir de 2024 : le salaire net baisse, rien d'autre ne change.
"""

from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

TAUX_CSG_DEDUCTIBLE = 0.10


def _relever(parametres):
    parametres.cotisations.csg.taux_deductible.update(start=instant("2024-01-01"), value=TAUX_CSG_DEDUCTIBLE)
    return parametres


class ReformeEssai(Reform):
    name = "Essai : CSG déductible à 10 % à partir de 2024"

    def apply(self):
        self.modify_parameters(modifier_function=_relever)

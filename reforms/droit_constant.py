"""Droit constant : une période postérieure à décembre 2026 est calculée avec la loi en vigueur en décembre 2026.

Sans cette réforme, le paquet refuse tout calcul hors de janvier 2012 à décembre 2026 (la loi qu'il décrit) ; les
projections de microsimulation l'appliquent explicitement (`--droit-constant` du CLI, `?droit_constant=true` de
l'API). Avant 2012, rien ne change : la loi n'est pas connue. Les formules datées gardent la dernière formule en
vigueur ; les paramètres sont lus au 31 décembre 2026 (`openfisca_secu.ParametresDeLaLoi`). Une réforme appliquée
après celle-ci garde le droit constant (elle copie les paramètres avec leur réglage).
"""

from openfisca_core.reforms import Reform


def en_droit_constant(parametres):
    parametres.droit_constant = True
    return parametres


class droit_constant(Reform):
    name = "Droit constant : la loi de décembre 2026 pour les périodes postérieures"

    def apply(self):
        self.modify_parameters(modifier_function=en_droit_constant)

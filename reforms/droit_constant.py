"""Droit constant : une période postérieure à décembre 2026 est calculée avec la loi en vigueur en décembre 2026.

Sans cette réforme, le paquet refuse tout calcul hors de janvier 2012 à décembre 2026 (la loi qu'il décrit) ; les
projections de microsimulation l'appliquent explicitement (`--droit-constant` du CLI, `"droit_constant": true` de
l'API). Avant 2012, rien ne change : la loi n'est pas connue. Les formules datées gardent la dernière formule en
vigueur ; seuls les paramètres sont lus au 31 décembre 2026.
"""

from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_secu.validation import DERNIER_MOIS

DERNIER_JOUR = periods.period(DERNIER_MOIS).stop


class droit_constant(Reform):
    name = "Droit constant : la loi de décembre 2026 pour les périodes postérieures"
    droit_constant_applique = True  # lu par l'API (plage des périodes demandées) et le rapport de microsimulation

    def apply(self):
        pass

    def get_parameters_at_instant(self, instant):
        instant = instant.start if isinstance(instant, periods.Period) else periods.instant(instant)
        return super().get_parameters_at_instant(min(instant, DERNIER_JOUR))

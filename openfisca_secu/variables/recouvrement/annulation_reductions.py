"""Plafonnement de l'annulation prévue au troisième alinéa de l'article L133-4-2 (45 000 €)."""

import numpy

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.briques_revenus import exiger_positif
from openfisca_secu.entities import entreprise


class annulation_l133_4_2_avant_plafond(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant soumis au plafonnement du troisième alinéa de L133-4-2, avant plafonnement"
    reference = "CSS art. L133-4-2 al. 3"


class annulation_l133_4_2(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant de l'annulation du troisième alinéa de L133-4-2 après plafonnement à 45 000 €"
    reference = "CSS art. L133-4-2 al. 3 ; D133-x (texte à jour au 04/02/2012)"

    def formula_2012_01_01(entreprise, period, parameters):
        montant = exiger_positif(
            entreprise("annulation_l133_4_2_avant_plafond", period), "annulation_l133_4_2_avant_plafond", period
        )
        return numpy.minimum(montant, parameters(period).recouvrement.plafond_annulation_l133_4_2)

"""Cotisation accidents du travail et maladies professionnelles : taux de l'établissement × assiette (L242-5)."""

import numpy

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.entities import individu
from openfisca_secu.validation import EntreeInvalide


class accident_du_travail_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation accidents du travail et maladies professionnelles"
    reference = "CSS art. L242-5 ; D242-6-1"

    def formula(individu, period):
        taux = individu.etablissement("taux_accident_travail", period)
        assiette = individu("assiette_cotisations_sociales", period)
        manquant = numpy.isnan(taux) & (assiette != 0)
        if manquant.any():
            rang = int(numpy.flatnonzero(manquant)[0])
            etablissement = int(individu.simulation.populations["etablissement"].members_entity_id[rang])
            raise EntreeInvalide(
                ["etablissements", etablissement, "taux_accident_travail", str(period)],
                f"taux_accident_travail manquant pour {period} : l'établissement n° {etablissement} du salarié "
                f"n° {rang} n'en a pas (donnez le taux notifié, par exemple 0.0208).",
            )
        return numpy.where(assiette != 0, taux, 0) * assiette

"""Réforme structurelle : la cotisation patronale maladie devient un barème marginal. Au lieu d'appliquer 13 % à
toute la rémunération dès qu'elle dépasse le seuil du taux réduit (effet de seuil), le taux réduit porte sur la part
de la rémunération sous le seuil et le taux plein sur la part au-delà. La formule de maladie_employeur est remplacée
de 2019 à 2025 ; les autres années gardent la législation."""

import numpy
from openfisca_core.reforms import Reform

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.entities import individu


class maladie_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale maladie, taux réduit sous le seuil et taux plein au-delà (réforme)"
    reference = "CSS art. D242-3 ; L241-2-1 (réforme : barème marginal)"

    def formula_2012_01_01(individu, period, parameters):
        return parameters(period).cotisations.maladie.employeur.taux * individu("assiette_cotisations_sociales", period)

    def formula_2019_01_01(individu, period, parameters):
        p = parameters(period).cotisations.maladie.employeur
        assiette = individu("assiette_cotisations_sociales", period)
        sous_seuil = numpy.minimum(assiette, individu("seuil_taux_reduit_maladie", period))
        return p.taux_reduit * sous_seuil + p.taux * (assiette - sous_seuil)

    def formula_2026_01_01(individu, period, parameters):
        p = parameters(period).cotisations.maladie.employeur
        assiette = individu("assiette_cotisations_sociales", period)
        lodeom = individu.etablissement("employeur_lodeom", period)
        sous_seuil = lodeom * numpy.minimum(assiette, individu("seuil_taux_reduit_maladie", period))
        return p.taux_reduit * sous_seuil + p.taux * (assiette - sous_seuil)


class maladie_taux_marginal(Reform):
    name = "Cotisation patronale maladie en barème marginal (fin de l'effet de seuil à 2,5 SMIC)"

    def apply(self):
        self.update_variable(maladie_employeur)

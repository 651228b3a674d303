"""Forfait social (CSS art. L137-15 à L137-17) et participation des employeurs à l'effort de construction (CCH art.
L313-1), dans le coût total de l'employeur."""

import numpy

from openfisca_secu.base import MONTH, Variable, effectif_employeur
from openfisca_secu.entities import individu


class forfait_social_prevoyance_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Forfait social sur les contributions patronales de prévoyance complémentaire (santé comprise)"
    reference = "CSS art. L137-15 et L137-16 al. 2"
    documentation = (
        "8 % de la part des contributions exclue de l'assiette des cotisations (dans la limite de D242-1 ; "
        "l'excédent est une rémunération soumise à cotisations), pour les employeurs d'au moins 10, puis 11 salariés."
    )

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.forfait_social
        exclue = numpy.minimum(
            individu("contributions_employeur_prevoyance_complementaire", period),
            individu("limite_exclusion_prevoyance", period),
        )
        soumis = effectif_employeur(individu, period) >= p.seuil_effectif_prevoyance
        return soumis * p.taux_prevoyance * exclue


class forfait_social_retraite_supplementaire_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Forfait social sur les contributions patronales de retraite supplémentaire"
    reference = "CSS art. L137-15 et L137-16 al. 1"
    documentation = "Taux de droit commun sur la part des contributions exclue de l'assiette (limite de D242-1)."

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.forfait_social.taux_plein
        exclue = numpy.minimum(
            individu("contribution_employeur_retraite_supplementaire", period),
            individu("limite_exclusion_retraite_supplementaire", period),
        )
        return taux * exclue


class participation_effort_construction_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Participation des employeurs à l'effort de construction (PEEC)"
    reference = "Code de la construction et de l'habitation, art. L313-1"
    documentation = (
        "0,45 % des rémunérations (assiette des cotisations de sécurité sociale) des employeurs d'au moins 20, puis "
        "50 salariés (2020). Due l'année suivante sur les salaires de l'année : comptée ici mois par mois dans le coût."
    )

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.effort_construction
        soumis = effectif_employeur(individu, period) >= p.seuil_effectif
        return soumis * p.taux * individu("assiette_cotisations_sociales", period)

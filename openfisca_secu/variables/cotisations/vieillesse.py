"""Assurance vieillesse et veuvage, parts plafonnée et déplafonnée (D242-4), avec l'assiette reconstituée à temps
plein pour les salariés à temps partiel qui ont opté pour elle (L241-3-1, R241-0-2)."""

import numpy

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.entities import individu


class assiette_vieillesse_plafonnee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette de la cotisation vieillesse plafonnée"
    reference = "CSS art. L241-3 ; L241-3-1 ; R241-0-2"
    documentation = "Salaire reconstitué à temps plein dans la limite d'un PMSS entier en cas d'option (L241-3-1)."

    def formula(individu, period, parameters):
        option = individu("option_vieillesse_temps_plein", period)
        tranche_a = individu("assiette_sous_1_plafond", period)
        if not option.any():
            return tranche_a
        pmss = parameters(period).plafond_securite_sociale.mensuel
        plafond_temps_plein = pmss * (individu("plafond_securite_sociale", period) > 0)
        reconstitue = numpy.minimum(individu("salaire_temps_plein_reconstitue", period), plafond_temps_plein)
        return numpy.where(option, reconstitue, tranche_a)


class assiette_vieillesse_deplafonnee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette de la cotisation vieillesse déplafonnée"
    reference = "CSS art. L241-3 ; L241-3-1 ; R241-0-2"

    def formula(individu, period):
        option = individu("option_vieillesse_temps_plein", period)
        assiette = individu("assiette_cotisations_sociales", period)
        if not option.any():
            return assiette
        return numpy.where(option, individu("salaire_temps_plein_reconstitue", period), assiette)


class vieillesse_plafonnee_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale d'assurance vieillesse plafonnée"
    reference = "CSS art. D242-4"

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.vieillesse.plafonnee.employeur
        return taux * individu("assiette_vieillesse_plafonnee", period)


class vieillesse_plafonnee_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale d'assurance vieillesse plafonnée"
    reference = "CSS art. D242-4"

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.vieillesse.plafonnee.salarie
        return taux * individu("assiette_vieillesse_plafonnee", period)


class vieillesse_deplafonnee_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale d'assurance vieillesse déplafonnée"
    reference = "CSS art. D242-4"

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.vieillesse.deplafonnee.employeur
        return taux * individu("assiette_vieillesse_deplafonnee", period)


class vieillesse_deplafonnee_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale d'assurance vieillesse déplafonnée"
    reference = "CSS art. D242-4"

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.vieillesse.deplafonnee.salarie
        return taux * individu("assiette_vieillesse_deplafonnee", period)

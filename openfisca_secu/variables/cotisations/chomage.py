"""Assurance chômage et garantie des salaires (AGS), dans la limite de quatre plafonds."""

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.entities import individu


class chomage_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution patronale d'assurance chômage"
    reference = "Code du travail, art. L5422-9 ; convention d'assurance chômage"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.chomage.employeur * individu("assiette_sous_4_plafonds", period)


class chomage_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution salariale d'assurance chômage"
    reference = "Code du travail, art. L5422-9 ; LFSS 2018 art. 8 (suppression au 01/10/2018)"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.chomage.salarie * individu("assiette_sous_4_plafonds", period)


class ags_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale à l'Association pour la gestion du régime de garantie des créances des salariés"
    reference = "Code du travail, art. L3253-18"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.chomage.ags * individu("assiette_sous_4_plafonds", period)

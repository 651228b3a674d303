"""Affiliation du travailleur indépendant : date d'effet, rang de l'année d'activité, prorata de la première année,
bénéfice de l'exonération de début d'activité (ACCRE puis ACRE, L161-1-1)."""

from datetime import date

import numpy

from openfisca_secu.base import ETERNITY, YEAR, Variable
from openfisca_secu.briques_revenus import date_de_debut, date_de_fin, jours_entre
from openfisca_secu.entities import individu


class date_affiliation_independant(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = ETERNITY
    label = "Date d'effet de l'affiliation comme travailleur indépendant (début d'activité)"
    reference = "CSS art. D131-6-3 ; D131-x (début d'activité) ; L613-1"
    documentation = "Valeur par défaut 1900-01-01 : non renseignée ; une erreur le signale quand elle est nécessaire."


class beneficiaire_acre(Variable):
    value_type = bool
    entity = individu
    definition_period = ETERNITY
    label = "Bénéficiaire de l'exonération de début d'activité (ACCRE, puis ACRE) de l'article L161-1-1"
    reference = "CSS art. L161-1-1 ; D131-6-3"


class annee_activite_independante(Variable):
    value_type = int
    entity = individu
    definition_period = YEAR
    unit = "year"
    label = "Rang de l'année civile d'activité indépendante (1 : année de l'affiliation, 2 : l'année suivante...)"
    reference = "CSS art. D131-x (cotisations provisionnelles des deux premières années d'activité)"

    def formula(individu, period):
        affiliation = individu("date_affiliation_independant", period)
        annees = affiliation.astype("datetime64[Y]").astype(int)
        return date_de_debut(period).astype("datetime64[Y]").astype(int) - annees + 1


class fraction_annee_affiliation(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "/1"
    label = "Part de l'année civile couverte par l'affiliation (jours d'affiliation / jours de l'année)"
    reference = "CSS art. D131-x al. 2 (prorata de la durée d'affiliation)"
    documentation = (
        "Prorata en jours calendaires (le texte ne précise pas l'unité : RULES.md Z-11). Vaut 1 pour une année "
        "entièrement couverte, 0 pour une année antérieure à l'affiliation."
    )

    def formula(individu, period):
        affiliation = individu("date_affiliation_independant", period)
        debut = numpy.maximum(affiliation, date_de_debut(period))
        jours = numpy.maximum(jours_entre(debut, date_de_fin(period)), 0)
        return jours / period.days

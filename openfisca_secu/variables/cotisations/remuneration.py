"""Éléments de rémunération et situation du salarié (entrées) ; rémunération brute."""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import ETERNITY, MONTH, Variable, set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_secu.entities import individu
from openfisca_secu.enumerations import CategorieSalarie
from openfisca_secu.validation import EntreeInvalide


class salaire_de_base(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Salaire de base brut du mois"
    reference = "CSS art. L242-1"


class primes_salaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Primes, gratifications et indemnités soumises à cotisations versées dans le mois"
    reference = "CSS art. L242-1"


class remuneration_heures_supplementaires(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Rémunération des heures supplémentaires et complémentaires du mois (majorations comprises)"
    reference = "CSS art. L241-17 et L241-18"


class heures_supplementaires(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "hour"
    label = "Nombre d'heures supplémentaires et complémentaires rémunérées dans le mois"
    reference = "CSS art. L241-18 ; D241-7 II"


class remuneration_brute(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Rémunération brute du mois"
    reference = "CSS art. L242-1"

    def formula(individu, period):
        return (
            individu("salaire_de_base", period)
            + individu("primes_salaire", period)
            + individu("remuneration_heures_supplementaires", period)
        )


class categorie_salarie(Variable):
    value_type = Enum
    possible_values = CategorieSalarie
    default_value = CategorieSalarie.non_cadre
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Catégorie du salarié pour la retraite complémentaire et l'APEC"
    reference = "Convention AGIRC du 14/03/1947 art. 4 et 4 bis ; ANI du 17/11/2017"


class quotite_de_travail(Variable):
    value_type = float
    default_value = 1.0
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Durée contractuelle rapportée à la durée légale (1 = temps plein)"
    reference = "CSS art. L242-8 ; D241-7 II al. 3"


class relevant_l131_9(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Personne relevant de l'article L131-9 (non redevable de la CSG-CRDS, non-résident fiscal)"
    reference = "CSS art. L131-9 ; D242-3 al. 2"


class date_debut_contrat(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = ETERNITY
    label = "Date de début du contrat de travail"
    reference = "CSS art. R242-2"


class date_fin_contrat(Variable):
    value_type = date
    default_value = date(2999, 12, 31)
    entity = individu
    definition_period = ETERNITY
    label = "Date de fin du contrat de travail (dernier jour travaillé)"
    reference = "CSS art. R242-2"


class jours_contrat_dans_le_mois(Variable):
    value_type = int
    entity = individu
    definition_period = MONTH
    unit = "day"
    label = "Jours calendaires du mois couverts par le contrat de travail"
    reference = "CSS art. R242-2"

    def formula(individu, period):
        debut_mois = numpy.datetime64(period.start.date, "D")
        fin_mois = numpy.datetime64(period.stop.date, "D")
        date_debut = individu("date_debut_contrat", period).astype("datetime64[D]", copy=False)
        date_fin = individu("date_fin_contrat", period).astype("datetime64[D]", copy=False)
        inversees = date_fin < date_debut
        if inversees.any():
            rang = int(numpy.flatnonzero(inversees)[0])
            raise EntreeInvalide(
                ["individus", rang, "date_fin_contrat", "ETERNITY"],
                f"date_fin_contrat {date_fin[rang]} antérieure à date_debut_contrat {date_debut[rang]} "
                f"(individu n° {rang}) : période de contrat impossible.",
            )
        debut = numpy.maximum(date_debut, debut_mois)
        fin = numpy.minimum(date_fin, fin_mois)
        return numpy.maximum((fin - debut).astype(int) + 1, 0)

"""Régime micro-social (L133-6-8) : taux global par activité (D131-6-1, D131-6-2), taux réduit de début d'activité
par trimestre civil (D131-6-3), montant minimal (D131-6-4)."""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import MONTH, YEAR, Variable, set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_secu.briques_revenus import (
    arrondi_superieur,
    date_affiliation_controlee,
    date_de_debut,
    date_de_fin,
    date_non_renseignee,
    exiger_positif,
    parametre_aux_dates,
    rang_trimestre_civil,
    refuser_si,
)
from openfisca_secu.entities import individu
from openfisca_secu.enumerations_revenus import ActiviteMicroEntrepreneur


class activite_micro_entrepreneur(Variable):
    value_type = Enum
    possible_values = ActiviteMicroEntrepreneur
    default_value = ActiviteMicroEntrepreneur.non_renseignee
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Activité du micro-entrepreneur, qui fixe le taux global micro-social"
    reference = "CSS art. D131-6-1 et D131-6-2 ; CGI art. 50-0 et 102 ter"


class chiffre_affaires_micro_entrepreneur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Chiffre d'affaires ou recettes du mois déclarés au régime micro-social"
    reference = "CSS art. L133-6-8"


def _chiffre_affaires(individu, period):
    """Chiffre d'affaires contrôlé : positif, activité connue, mois non antérieur à l'affiliation renseignée."""
    chiffre_affaires = exiger_positif(
        individu("chiffre_affaires_micro_entrepreneur", period), "chiffre_affaires_micro_entrepreneur", period
    )
    declare = chiffre_affaires > 0
    activite = individu("activite_micro_entrepreneur", period)
    refuser_si(
        declare & (activite == ActiviteMicroEntrepreneur.non_renseignee),
        lambda rang: (
            f"activite_micro_entrepreneur non renseignée pour l'individu n° {rang} en {period} alors qu'un chiffre "
            "d'affaires est déclaré : vente_marchandises, prestations_services_bic, prestations_services_bnc ou "
            "profession_liberale_cipav."
        ),
    )
    affiliation = individu("date_affiliation_independant", period)
    avant = declare & ~date_non_renseignee(individu, "date_affiliation_independant", affiliation)
    avant &= date_de_fin(period) < affiliation
    refuser_si(
        avant,
        lambda rang: (
            f"chiffre_affaires_micro_entrepreneur déclaré pour {period} (individu n° {rang}), mois antérieur à "
            f"date_affiliation_independant {numpy.atleast_1d(affiliation)[rang]} : pas de taux ni de trimestre ACRE "
            "avant l'affiliation."
        ),
    )
    return chiffre_affaires, activite


class taux_global_micro_social(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Taux global des cotisations et contributions du micro-social selon l'activité (hors ACRE)"
    reference = "CSS art. L133-6-8 ; D131-6-1 ; D131-6-2"

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).independants.micro_social.taux_global
        _, activite = _chiffre_affaires(individu, period)
        return numpy.select(
            [
                activite == ActiviteMicroEntrepreneur.vente_marchandises,
                activite == ActiviteMicroEntrepreneur.prestations_services_bic,
                activite == ActiviteMicroEntrepreneur.prestations_services_bnc,
                activite == ActiviteMicroEntrepreneur.profession_liberale_cipav,
            ],
            [p.vente_marchandises, p.prestations_services_bic, p.prestations_services_bnc, p.profession_liberale_cipav],
            0,
        )

    def formula_2013_01_01(individu, period):
        # Taux 2013 à 2017 connus d'openfisca-france seul, non confirmés : à saisir.
        chiffre_affaires, _ = _chiffre_affaires(individu, period)
        refuser_si(
            chiffre_affaires > 0,
            lambda rang: (
                f"taux_global_micro_social à saisir pour {period} (individu n° {rang}) : les taux de 2013 à 2017 ne "
                "sont pas confirmés par une seconde source (EXTERNAL_VALUES.md § 6)."
            ),
        )
        return individu.filled_array(0.0)

    formula_2018_01_01 = formula_2012_01_01


class trimestre_depuis_affiliation(Variable):
    value_type = int
    entity = individu
    definition_period = MONTH
    unit = "quarter"
    label = "Nombre de trimestres civils écoulés depuis celui de l'affiliation (0 : trimestre de l'affiliation)"
    reference = "CSS art. D131-6-3"

    def formula(individu, period):
        affiliation = individu("date_affiliation_independant", period)
        return rang_trimestre_civil(date_de_debut(period)) - rang_trimestre_civil(affiliation)


class fraction_acre_micro_social(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = (
        "Fraction du taux global due par un micro-entrepreneur bénéficiaire de l'ACRE pour le trimestre (1 : aucune)"
    )
    reference = "CSS art. D131-6-3 ; L161-1-1 ; décret n° 2019-1215 du 20 novembre 2019"
    documentation = (
        "Jusqu'à la fin du 3e trimestre civil suivant celui de l'affiliation, puis pendant 4 et encore 4 trimestres : "
        "25 %, 50 %, 75 % (affiliations de 2012 et de 2019) ; 50 % puis 100 % (affiliations de 2020 à juin 2026) ; "
        "75 % puis 100 % (affiliations depuis juillet 2026). Les fractions suivent la date d'affiliation, sauf pour "
        "les périodes courant depuis le 1er janvier 2020 des affiliés d'avant cette date : 25 %, 75 %, 90 % (décret "
        "n° 2019-1215, texte en vigueur à la période)."
    )

    def formula_2012_01_01(individu, period, parameters):
        acre = individu("beneficiaire_acre", period)
        affiliation = date_affiliation_controlee(individu, period, acre, "fraction_acre_micro_social")
        chemin = "independants.micro_social.acre."
        fractions = [parametre_aux_dates(individu, chemin + nom, affiliation) for nom in _PERIODES_ACRE]
        return _fraction_acre(individu, period, parameters, acre, affiliation, fractions)

    def formula_2020_01_01(individu, period, parameters):
        # Décret n° 2019-1215 : pour les périodes courant depuis le 1er janvier 2020, les affiliés d'avant cette date
        # doivent les fractions transitoires en vigueur à la période ; les autres, celles de leur date d'affiliation.
        acre = individu("beneficiaire_acre", period)
        affiliation = date_affiliation_controlee(individu, period, acre, "fraction_acre_micro_social")
        chemin = "independants.micro_social.acre."
        transitoire = parametre_aux_dates(
            individu, chemin + "affiliations_avant_2020.affiliation_concernee", affiliation
        )
        en_vigueur = parameters(period).independants.micro_social.acre.affiliations_avant_2020
        fractions = [
            numpy.where(transitoire == 1, en_vigueur[nom], parametre_aux_dates(individu, chemin + nom, affiliation))
            for nom in _PERIODES_ACRE
        ]
        return _fraction_acre(individu, period, parameters, acre, affiliation, fractions)


def _fraction_acre(individu, period, parameters, acre, affiliation, fractions):
    """Fraction de la période du trimestre (1 après la troisième) ; erreur si une fraction nécessaire est inconnue."""
    p = parameters(period).independants.micro_social.acre
    chiffre_affaires, _ = _chiffre_affaires(individu, period)  # refuse un mois antérieur à l'affiliation
    trimestre = individu("trimestre_depuis_affiliation", period)
    fin_1 = p.trimestres_premiere_periode
    fin_2 = fin_1 + p.trimestres_deuxieme_periode
    fin_3 = fin_2 + p.trimestres_troisieme_periode
    fraction = numpy.select([trimestre <= fin_1, trimestre <= fin_2, trimestre <= fin_3], fractions, 1)
    refuser_si(
        acre & (chiffre_affaires > 0) & numpy.isnan(fraction),
        lambda rang: (
            f"fractions ACRE inconnues pour une affiliation au {numpy.atleast_1d(affiliation)[rang]} (individu "
            f"n° {rang}) : affiliations de 2013 à 2018 non confirmées (EXTERNAL_VALUES.md § 6) ; saisir "
            "taux_micro_social."
        ),
    )
    return numpy.where(acre & ~numpy.isnan(fraction), fraction, 1)


_PERIODES_ACRE = ("fraction_premiere_periode", "fraction_deuxieme_periode", "fraction_troisieme_periode")


class taux_micro_social(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Taux des cotisations micro-sociales du mois, réduit pour l'ACRE (arrondi au dixième de pourcent supérieur)"
    reference = "CSS art. L133-6-8 ; D131-6-1 à D131-6-3"
    documentation = (
        "Taux global × fraction ACRE, arrondi au dixième de pourcent supérieur. Professionnels libéraux CIPAV affiliés "
        "depuis le 01/04/2020 : taux fixe pendant la première période."
    )

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).independants.micro_social.acre
        chiffre_affaires, activite = _chiffre_affaires(individu, period)
        taux_global = individu("taux_global_micro_social", period)
        fraction = individu("fraction_acre_micro_social", period)
        taux = numpy.where(
            fraction < 1, arrondi_superieur(fraction * taux_global, p.decimales_arrondi_taux), taux_global
        )
        # taux fixe CIPAV : selon la date d'affiliation (applicabilité) et le mois (valeur)
        acre = individu("beneficiaire_acre", period)
        cipav_premiere_periode = (
            acre
            & (activite == ActiviteMicroEntrepreneur.profession_liberale_cipav)
            & (individu("trimestre_depuis_affiliation", period) <= p.trimestres_premiere_periode)
            & (chiffre_affaires > 0)
        )
        if not cipav_premiere_periode.any():
            return taux
        affiliation = individu("date_affiliation_independant", period)
        chemin = "independants.micro_social.acre."
        applicable = parametre_aux_dates(individu, chemin + "taux_fixe_cipav_applicable", affiliation)
        refuser_si(
            cipav_premiere_periode & numpy.isnan(applicable),
            lambda rang: (
                f"ACRE d'un professionnel libéral CIPAV affilié le {numpy.atleast_1d(affiliation)[rang]} (individu "
                f"n° {rang}) : règle inconnue pour les affiliations depuis le 01/07/2026 ; saisir taux_micro_social."
            ),
        )
        taux_fixe = parametre_aux_dates(individu, chemin + "taux_profession_liberale_cipav", date_de_debut(period))
        return numpy.where(cipav_premiere_periode & (applicable == 1), taux_fixe, taux)


class cotisations_micro_sociales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations et contributions sociales du micro-entrepreneur pour le mois (hors formation professionnelle)"
    reference = "CSS art. L133-6-8 ; D131-6-1 à D131-6-3"

    def formula_2012_01_01(individu, period):
        chiffre_affaires, _ = _chiffre_affaires(individu, period)
        return individu("taux_micro_social", period) * chiffre_affaires


class montant_minimal_micro_social(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Montant minimal de L133-6-8-2 : SMIC horaire au 1er janvier × 200 heures"
    reference = "CSS art. L133-6-8-2 ; D131-6-4"

    def formula_2012_01_01(individu, period, parameters):
        # parameters(period) d'une année : valeurs au 1er janvier
        heures = parameters(period).independants.micro_social.heures_smic_montant_minimal
        return individu.filled_array(heures * parameters(period).smic.horaire_brut)

"""Cotisations provisionnelles des deux premières années d'activité : revenu forfaitaire en fraction du plafond
annuel au 1er janvier, au prorata de la durée d'affiliation, sans descendre sous les assiettes minimales
(CSS art. D131-x de 2012 ; R131-2-1 et D131-1 depuis 2020)."""

import numpy

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.briques_revenus import a_saisir, date_affiliation_controlee, refuser_si
from openfisca_secu.entities import individu


def _plafond_annuel(individu, period):
    """Valeur annuelle du plafond en vigueur au 1er janvier de l'année."""
    return individu("plafond_securite_sociale_annuel", period.first_month)


def _rang_controle(individu, period, nom_variable):
    """Rang de l'année d'activité ; erreur si l'affiliation manque ou est postérieure à l'année."""
    date_affiliation_controlee(individu, period, individu.filled_array(True), nom_variable)
    rang = individu("annee_activite_independante", period)
    refuser_si(
        rang < 1,
        lambda rang_individu: (
            f"{nom_variable} demandé pour {period}, année antérieure à date_affiliation_independant "
            f"(individu n° {rang_individu})."
        ),
    )
    return rang


def _refuser_2013_2019(individu, period, parameters, nom_variable):
    rang = _rang_controle(individu, period, nom_variable)
    refuser_si(
        rang <= parameters(period).independants.debut_activite.nombre_annees,
        lambda rang_individu: (
            f"{nom_variable} pour {period} (individu n° {rang_individu}) : les pourcentages du revenu forfaitaire de "
            "début d'activité de 2013 à 2019 ne sont pas confirmés (EXTERNAL_VALUES.md § 6)."
        ),
    )
    return individu.filled_array(0.0)


class assiette_forfaitaire_debut_activite(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Revenu forfaitaire des cotisations provisionnelles des deux premières années d'activité"
    reference = "CSS art. D131-x al. 1 et 2 (2012) ; R131-2-1 et D131-1 (2020)"
    documentation = (
        "1re année : 19 % du plafond annuel au 1er janvier, au prorata de la durée d'affiliation ; 2e année : 29 % "
        "(2012) ou 19 % (depuis 2020) ; 0 ensuite. Sans les planchers propres à la maladie et à l'invalidité-décès."
    )

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).independants.debut_activite
        rang = _rang_controle(individu, period, "assiette_forfaitaire_debut_activite")
        taux = numpy.select([rang == 1, rang == p.nombre_annees], [p.taux_premiere_annee, p.taux_deuxieme_annee], 0)
        return taux * _plafond_annuel(individu, period) * individu("fraction_annee_affiliation", period)

    def formula_2013_01_01(individu, period, parameters):
        return _refuser_2013_2019(individu, period, parameters, "assiette_forfaitaire_debut_activite")

    formula_2020_01_01 = formula_2012_01_01


class assiette_forfaitaire_debut_activite_indemnites_journalieres(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Revenu forfaitaire des deux premières années pour la cotisation d'indemnités journalières (sans prorata)"
    reference = "CSS art. D131-x al. 1 et 2 ; D612-9 (2012) ; R131-2-1 et D131-1 (2020)"

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).independants.debut_activite
        rang = _rang_controle(individu, period, "assiette_forfaitaire_debut_activite_indemnites_journalieres")
        return (rang <= p.nombre_annees) * p.taux_indemnites_journalieres * _plafond_annuel(individu, period)

    def formula_2013_01_01(individu, period, parameters):
        return _refuser_2013_2019(
            individu, period, parameters, "assiette_forfaitaire_debut_activite_indemnites_journalieres"
        )

    formula_2020_01_01 = formula_2012_01_01


class taux_assiette_minimale_maladie_independant(Variable):
    value_type = float
    default_value = -1
    entity = individu
    definition_period = YEAR
    unit = "/1"
    label = (
        "Assiette minimale de la cotisation maladie-maternité (D612-6), en fraction du plafond annuel (-1 : inconnue)"
    )
    reference = "CSS art. D612-6 (2012) ; L612-4"
    documentation = (
        "Valeur de 2012 non confirmée : à saisir pour les cotisations provisionnelles de 2012. Aucune assiette "
        "minimale maladie depuis 2020 (mon-entreprise)."
    )

    # valeurs 2012-2019 non confirmées : à saisir (refusées à l'usage si elles manquent)
    formula_2012_01_01 = a_saisir("taux_assiette_minimale_maladie_independant")

    def formula_2020_01_01(individu, period):
        return individu.filled_array(0.0)


class taux_assiette_minimale_invalidite_deces_independant(Variable):
    value_type = float
    default_value = -1
    entity = individu
    definition_period = YEAR
    unit = "/1"
    label = (
        "Assiette minimale de la cotisation d'invalidité-décès (D635-12), en fraction du plafond annuel (-1 : inconnue)"
    )
    reference = "CSS art. D635-12 ; L635-5"
    documentation = "Valeur de 2012 non confirmée : à saisir. 11,5 % du plafond annuel depuis 2016 (mon-entreprise)."

    # valeur 2012-2015 non confirmée : à saisir
    formula_2012_01_01 = a_saisir("taux_assiette_minimale_invalidite_deces_independant")

    def formula_2016_01_01(individu, period, parameters):
        return individu.filled_array(parameters(period).independants.assiette_minimale.invalidite_deces)


def _assiette_avec_plancher(individu, period, parameters, nom_taux_minimal, nom_variable):
    """Revenu forfaitaire, sans descendre sous l'assiette minimale (même prorata : le plafond servant au calcul est
    réduit) ; erreur si l'assiette minimale est inconnue pour une année de début d'activité."""
    forfait = individu("assiette_forfaitaire_debut_activite", period)
    debut = (
        individu("annee_activite_independante", period) <= parameters(period).independants.debut_activite.nombre_annees
    )
    taux_minimal = individu(nom_taux_minimal, period)
    refuser_si(
        debut & (taux_minimal < 0),
        lambda rang_individu: (
            f"{nom_taux_minimal} à saisir pour {period} (individu n° {rang_individu}) : {nom_variable} ne peut "
            "descendre sous cette assiette minimale, dont la valeur n'est pas confirmée pour cette année."
        ),
    )
    plancher = taux_minimal * _plafond_annuel(individu, period) * individu("fraction_annee_affiliation", period)
    return numpy.where(debut, numpy.maximum(forfait, plancher), 0)


class assiette_forfaitaire_debut_activite_maladie(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Assiette provisionnelle de début d'activité de la cotisation maladie-maternité (forfait, plancher D612-6)"
    reference = "CSS art. D131-x al. 1 ; D612-6 ; L612-4"

    def formula_2012_01_01(individu, period, parameters):
        return _assiette_avec_plancher(
            individu,
            period,
            parameters,
            "taux_assiette_minimale_maladie_independant",
            "assiette_forfaitaire_debut_activite_maladie",
        )


class assiette_forfaitaire_debut_activite_invalidite_deces(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = (
        "Assiette provisionnelle de début d'activité de la cotisation d'invalidité-décès (forfait, plancher D635-12)"
    )
    reference = "CSS art. D131-x al. 1 ; D635-12 ; L635-5"

    def formula_2012_01_01(individu, period, parameters):
        return _assiette_avec_plancher(
            individu,
            period,
            parameters,
            "taux_assiette_minimale_invalidite_deces_independant",
            "assiette_forfaitaire_debut_activite_invalidite_deces",
        )

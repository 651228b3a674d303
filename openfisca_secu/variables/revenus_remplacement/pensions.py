"""Pensions de retraite : cotisation maladie (D242-8 à D242-10), CSG, CRDS et CASA, pension nette."""

import numpy

from openfisca_secu.base import ADD, MONTH, Variable, set_input_divide_by_period
from openfisca_secu.briques_revenus import exiger_positif, neant, refuser_si, refuser_taux_csg_indetermine
from openfisca_secu.entities import individu
from openfisca_secu.enumerations_revenus import TauxCsgRemplacement


class pension_retraite_regime_general(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Avantages de retraite bruts du mois servis par les organismes du régime général des salariés"
    reference = "CSS art. L131-2 1° ; D242-8"


class pension_retraite_autres_regimes(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = (
        "Avantages de retraite bruts du mois servis par les autres régimes (complémentaires, autres régimes de base)"
    )
    reference = "CSS art. L131-2 1° ; D242-8"


class pension_retraite_brute(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pensions de retraite brutes du mois, tous régimes"
    reference = "CSS art. L131-2 1° ; L136-1-2"

    def formula(individu, period):
        regime_general = exiger_positif(
            individu("pension_retraite_regime_general", period), "pension_retraite_regime_general", period
        )
        autres = exiger_positif(
            individu("pension_retraite_autres_regimes", period), "pension_retraite_autres_regimes", period
        )
        return regime_general + autres


class exoneration_maladie_pension(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Pensions exonérées de la cotisation maladie (revenus modestes ou minimum vieillesse)"
    reference = "CSS art. L131-2 ; D242-9 ; D242-10"
    documentation = (
        "Exonération pour l'année civile : (1°) revenu fiscal de référence de N-2 ou de N-3 n'excédant pas le seuil du "
        "taux réduit de CSG (2° du III de L136-8), c'est-à-dire taux de CSG exonéré ou réduit, pour les seules "
        "personnes domiciliées en France (métropole ou départements de L751-1), ce qui exclut les personnes relevant "
        "de L131-9 ; (2°) minimum vieillesse ou ASPA perçu l'année civile précédente ou dans le mois."
    )

    def formula(individu, period):
        annee_precedente = period.this_year.offset(-1, "year")
        minimum_vieillesse = individu("titulaire_minimum_vieillesse", period) | (
            individu("titulaire_minimum_vieillesse", annee_precedente, options=[ADD]) > 0
        )
        categorie = individu("taux_csg_remplacement", period.this_year)
        revenus_modestes = (categorie == TauxCsgRemplacement.exonere) | (categorie == TauxCsgRemplacement.taux_reduit)
        return minimum_vieillesse | (revenus_modestes & ~individu("relevant_l131_9", period))


def _exoneration_maladie(individu, period, assiette_soumise):
    """Exonération D242-9 ; erreur si elle dépend d'un taux de CSG non déterminé pour une pension soumise."""
    exoneree = individu("exoneration_maladie_pension", period)
    besoin = ~exoneree & ~individu("relevant_l131_9", period) & (assiette_soumise > 0)
    refuser_taux_csg_indetermine(individu("taux_csg_remplacement", period.this_year), besoin, period)
    return exoneree


class maladie_pension_retraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation d'assurance maladie sur les pensions de retraite"
    reference = "CSS art. L131-2 ; D242-8 ; D242-9 ; D242-10"
    documentation = (
        "1 % des pensions hors régime général des personnes remplissant les conditions de L136-1 ; personnes relevant "
        "de L131-9 (depuis mars 2018) : 3,20 % des pensions du régime général et 4,20 % des autres."
    )

    def formula(individu, period, parameters):
        # taux des personnes relevant de L131-9 donnés à partir de mars 2018 seulement (décret 2018-162)
        autres = individu("pension_retraite_autres_regimes", period)
        l131_9 = individu("relevant_l131_9", period)
        refuser_si(
            l131_9 & (individu("pension_retraite_brute", period) > 0),
            lambda rang: (
                f"relevant_l131_9 vrai pour l'individu n° {rang} en {period} : le taux de la cotisation maladie sur "
                "les pensions des personnes relevant de L131-9 n'est connu qu'à partir de 2018-03 (CSS art. D242-8, "
                "décret 2018-162)."
            ),
        )
        exoneree = _exoneration_maladie(individu, period, autres)
        return ~exoneree * parameters(period).revenus_remplacement.maladie.pensions.taux_autres_regimes * autres

    def formula_2018_03_01(individu, period, parameters):
        p = parameters(period).revenus_remplacement.maladie.pensions
        individu("pension_retraite_brute", period)  # contrôle des montants saisis
        regime_general = individu("pension_retraite_regime_general", period)
        autres = individu("pension_retraite_autres_regimes", period)
        l131_9 = individu("relevant_l131_9", period)
        exoneree = _exoneration_maladie(individu, period, autres)
        cotisation = numpy.where(
            l131_9,
            p.taux_l131_9_regime_general * regime_general + p.taux_l131_9_autres_regimes * autres,
            p.taux_autres_regimes * autres,
        )
        return ~exoneree * cotisation


def _assujettie_csg(individu, period):
    """Pension soumise à la CSG-CRDS (pas les personnes relevant de L131-9) et taux de CSG de l'année, contrôlé."""
    pension = individu("pension_retraite_brute", period)
    assujettie = ~individu("relevant_l131_9", period) & (pension > 0)
    categorie = individu("taux_csg_remplacement", period.this_year)
    refuser_taux_csg_indetermine(categorie, assujettie, period)
    return pension, assujettie, categorie


class csg_pension_retraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CSG sur les pensions de retraite"
    reference = "CSS art. L136-1-2 ; L136-8 II, III et III bis"

    def formula(individu, period, parameters):
        p = parameters(period).revenus_remplacement.csg.pensions
        pension, assujettie, categorie = _assujettie_csg(individu, period)
        refuser_si(
            assujettie & (categorie == TauxCsgRemplacement.taux_median),
            lambda rang: f"taux_csg_remplacement : le taux médian n'existe qu'à partir de 2019 (individu n° {rang}).",
        )
        taux = numpy.select(
            [categorie == TauxCsgRemplacement.exonere, categorie == TauxCsgRemplacement.taux_reduit],
            [0, p.taux_reduit],
            p.taux_plein,
        )
        return assujettie * taux * pension

    def formula_2019_01_01(individu, period, parameters):
        p = parameters(period).revenus_remplacement.csg.pensions
        pension, assujettie, categorie = _assujettie_csg(individu, period)
        taux = numpy.select(
            [
                categorie == TauxCsgRemplacement.exonere,
                categorie == TauxCsgRemplacement.taux_reduit,
                categorie == TauxCsgRemplacement.taux_median,
            ],
            [0, p.taux_reduit, p.taux_median],
            p.taux_plein,
        )
        return assujettie * taux * pension


class crds_pension_retraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CRDS sur les pensions de retraite (non due par les personnes exonérées de CSG)"
    reference = "Ordonnance 96-50 du 24/01/1996, art. 14 et 19"

    def formula(individu, period, parameters):
        pension, assujettie, categorie = _assujettie_csg(individu, period)
        due = assujettie & (categorie != TauxCsgRemplacement.exonere)
        return due * parameters(period).cotisations.crds.taux * pension


class casa_pension_retraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution additionnelle de solidarité pour l'autonomie sur les pensions (CSG au taux plein ou médian)"
    reference = "CASF art. L14-10-4 2° ; LFSS 2013 (loi 2012-1404) art. 17"

    # CASA due depuis le 01/04/2013 (LFSS 2013, art. 17)
    formula_2012_01_01 = neant

    def formula_2013_04_01(individu, period, parameters):
        pension, assujettie, categorie = _assujettie_csg(individu, period)
        due = assujettie & (
            (categorie == TauxCsgRemplacement.taux_plein) | (categorie == TauxCsgRemplacement.taux_median)
        )
        return due * parameters(period).revenus_remplacement.casa.taux * pension


class pension_retraite_nette(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pension de retraite nette du mois (brute moins cotisation maladie, CSG, CRDS et CASA)"
    reference = "CSS art. L131-2 ; L136-8 ; CASF art. L14-10-4"

    def formula(individu, period):
        return (
            individu("pension_retraite_brute", period)
            - individu("maladie_pension_retraite", period)
            - individu("csg_pension_retraite", period)
            - individu("crds_pension_retraite", period)
            - individu("casa_pension_retraite", period)
        )

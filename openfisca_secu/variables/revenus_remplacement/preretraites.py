"""Allocations de préretraite : CSG, CRDS et CASA, allocation nette (L136-8, CASF L14-10-4).

Deux régimes selon la date d'effet de la préretraite : depuis le 11 octobre 2007 (LFSS 2008), CSG au taux des
revenus d'activité sur le montant brut, sans abattement, taux réduit, exonération ni minimum garanti ; avant, taux des
pensions (plein, réduit ou exonération selon le revenu fiscal de référence), prélèvements limités pour que le montant
net ne descende pas sous le seuil de D242-13 (Urssaf, CSG-CRDS et Casa dues sur les avantages de préretraite).
"""

from datetime import date

import numpy

from openfisca_secu.base import ETERNITY, MONTH, Variable
from openfisca_secu.briques_revenus import (
    date_non_renseignee,
    neant,
    parametre_aux_dates,
    refuser_si,
    refuser_taux_csg_indetermine,
)
from openfisca_secu.entities import individu
from openfisca_secu.enumerations_revenus import TauxCsgRemplacement
from openfisca_secu.variables.revenus_remplacement.allocations import allocations_du_mois


class date_effet_preretraite(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = ETERNITY
    label = "Date d'effet de la préretraite (avant ou depuis le 11 octobre 2007)"
    reference = "CSS art. L136-8 ; LFSS 2008 (loi 2007-1786) art. 16"
    documentation = "Valeur par défaut 1900-01-01 : non renseignée ; une erreur le signale quand elle est nécessaire."


def _preretraite_et_regime(individu, period):
    """Préretraite du mois, assujettissement à la CSG et régime (vrai : effet depuis le 11/10/2007)."""
    _, preretraite = allocations_du_mois(individu, period)
    assujettie = ~individu("relevant_l131_9", period) & (preretraite > 0)
    effet = individu("date_effet_preretraite", period)
    refuser_si(
        assujettie & date_non_renseignee(individu, "date_effet_preretraite", effet),
        lambda rang: (
            f"date_effet_preretraite non renseignée (individu n° {rang}) alors qu'une préretraite est versée en "
            f"{period} : le taux de CSG dépend d'un effet avant ou depuis le 11 octobre 2007."
        ),
    )
    chemin = "revenus_remplacement.csg.preretraites.regime_depuis_11_octobre_2007"
    regime_2007 = parametre_aux_dates(individu, chemin, effet) == 1
    return preretraite, assujettie, regime_2007


def _categorie_ancien_regime(individu, period, ancien_regime):
    """Taux de CSG (exonéré, réduit, plein) d'une préretraite ayant pris effet avant le 11/10/2007."""
    categorie = individu("taux_csg_remplacement", period.this_year)
    refuser_taux_csg_indetermine(categorie, ancien_regime, period)
    refuser_si(
        ancien_regime & (categorie == TauxCsgRemplacement.taux_median),
        lambda rang: (
            f"taux_csg_remplacement taux_median en {period.start.year} (individu n° {rang}) : aucune source ne donne "
            "de taux médian pour une préretraite ayant pris effet avant le 11 octobre 2007 ; saisir taux_plein, "
            "taux_reduit ou exonere."
        ),
    )
    return categorie


def _csg_crds_preretraite(individu, period, parameters):
    """CSG puis CRDS ; avant le régime de 2007, limitées (CSG d'abord) pour laisser au moins le seuil de D242-13."""
    preretraite, assujettie, regime_2007 = _preretraite_et_regime(individu, period)
    ancien_regime = assujettie & ~regime_2007
    categorie = _categorie_ancien_regime(individu, period, ancien_regime)
    pensions = parameters(period).revenus_remplacement.csg.pensions
    taux_ancien = numpy.select(
        [categorie == TauxCsgRemplacement.exonere, categorie == TauxCsgRemplacement.taux_reduit],
        [0, pensions.taux_reduit],
        pensions.taux_plein,
    )
    taux_2007 = parameters(period).revenus_remplacement.csg.preretraites.taux
    csg = numpy.where(regime_2007, taux_2007, taux_ancien) * preretraite
    exoneree = ~regime_2007 & (categorie == TauxCsgRemplacement.exonere)
    crds = ~exoneree * parameters(period).cotisations.crds.taux * preretraite
    if ancien_regime.any():
        seuil = individu("seuil_exoneration_allocation", period)
        montant = preretraite + individu("remuneration_activite_allocataire", period)
        disponible = numpy.maximum(montant - seuil - individu("maladie_allocation_preretraite", period), 0)
        csg = numpy.where(ancien_regime, numpy.minimum(csg, disponible), csg)
        crds = numpy.where(ancien_regime, numpy.minimum(crds, disponible - csg), crds)
    return assujettie * csg, assujettie * crds


class csg_allocation_preretraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CSG sur les allocations de préretraite"
    reference = "CSS art. L136-8 ; LFSS 2008 (loi 2007-1786) art. 16 ; Urssaf, avantages de préretraite"
    documentation = (
        "Effet depuis le 11/10/2007 : 7,5 % puis 9,2 % (2018) du montant brut. Effet antérieur : taux des pensions "
        "selon taux_csg_remplacement, sans que le net descende sous le seuil de D242-13."
    )

    def formula(individu, period, parameters):
        csg, _ = _csg_crds_preretraite(individu, period, parameters)
        return csg


class crds_allocation_preretraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CRDS sur les allocations de préretraite"
    reference = "Ordonnance 96-50 du 24/01/1996, art. 14 et 19 ; Urssaf, avantages de préretraite"

    def formula(individu, period, parameters):
        _, crds = _csg_crds_preretraite(individu, period, parameters)
        return crds


class casa_allocation_preretraite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CASA sur les allocations de préretraite (effet avant le 11/10/2007 : seulement au taux plein de CSG)"
    reference = "CASF art. L14-10-4 2° ; LFSS 2013 (loi 2012-1404) art. 17 ; Urssaf, avantages de préretraite"
    documentation = "Sur le montant brut, sans minimum garanti (aucune source ne l'étend à la CASA)."

    # CASA due depuis le 01/04/2013 (LFSS 2013, art. 17)
    formula_2012_01_01 = neant

    def formula_2013_04_01(individu, period, parameters):
        preretraite, assujettie, regime_2007 = _preretraite_et_regime(individu, period)
        ancien_regime = assujettie & ~regime_2007
        categorie = _categorie_ancien_regime(individu, period, ancien_regime)
        due = assujettie & (regime_2007 | (categorie == TauxCsgRemplacement.taux_plein))
        return due * parameters(period).revenus_remplacement.casa.taux * preretraite


class allocation_preretraite_nette(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Allocation de préretraite nette du mois (brute moins cotisation maladie, CSG, CRDS et CASA)"
    reference = "CSS art. L131-2 3° ; D242-12 ; L136-8 ; CASF art. L14-10-4"

    def formula(individu, period):
        return (
            individu("allocation_preretraite_brute", period)
            - individu("maladie_allocation_preretraite", period)
            - individu("csg_allocation_preretraite", period)
            - individu("crds_allocation_preretraite", period)
            - individu("casa_allocation_preretraite", period)
        )

"""Exonération de cotisations patronales au titre de l'aide à domicile (L241-10 ; D241-5 à D241-5-3).

Non cumulable avec la réduction générale : quand elle s'applique, la réduction générale est nulle.
Les structures bénéficient d'une exonération des cotisations du champ de la réduction générale, au prorata des
heures d'aide à domicile réalisées chez des publics éligibles ; celles de l'alinéa 5 du III de L241-10 la voient
décroître entre 1,2 et 1,6 SMIC (D241-5-2). Le particulier employeur de 70 ans et plus est exonéré des cotisations
patronales d'assurances sociales et d'allocations familiales dans la limite de 65 SMIC horaires par mois (D241-5).
"""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import (
    ADD,
    MONTH,
    Variable,
    annee_jusqu_au_mois,
    arrondi_au_plus_proche,
    set_input_dispatch_by_period,
    set_input_divide_by_period,
)
from openfisca_secu.briques_revenus import loi_non_connue
from openfisca_secu.entities import etablissement, individu
from openfisca_secu.enumerations import EmployeurAideADomicile
from openfisca_secu.validation import EntreeInvalide

MOIS_DE_RECUL_MAXIMAL = 12  # recherche du dernier mois travaillé (D241-5-3 I al. 2)

COTISATIONS_ASSURANCES_SOCIALES_ET_FAMILLE = (
    "maladie_employeur",
    "vieillesse_plafonnee_employeur",
    "vieillesse_deplafonnee_employeur",
    "allocations_familiales_employeur",
)


class employeur_aide_a_domicile(Variable):
    value_type = Enum
    possible_values = EmployeurAideADomicile
    default_value = EmployeurAideADomicile.non_concerne
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Catégorie d'employeur au regard de l'exonération aide à domicile"
    reference = "CSS art. L241-10"


class age_particulier_employeur(Variable):
    value_type = int
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "year"
    label = "Âge du particulier employeur (ou du plus âgé des membres du couple)"
    reference = "CSS art. L241-10 I a ; D241-5"


class heures_aide_domicile_publics_eligibles(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "hour"
    label = "Heures d'aide à domicile réalisées chez les personnes mentionnées au III de L241-10"
    reference = "CSS art. D241-5-2 I ; D241-5-3 I"


class heures_travaillees(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "hour"
    label = "Nombre total d'heures effectuées par le salarié dans le mois"
    reference = "CSS art. D241-5-2 I ; D241-5-3 I"


class part_heures_aide_domicile_eligibles(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Part des heures d'aide à domicile réalisées chez des publics éligibles"
    reference = "CSS art. D241-5-2 I ; D241-5-3 I"
    documentation = (
        "Structures au prorata (D241-5-3) : rapport du mois ; un mois sans heure effectuée mais rémunéré prend le "
        "rapport du mois civil précédent (remonté jusqu'au dernier mois travaillé, au plus douze mois, même d'une "
        "autre année). Structures dégressives (D241-5-2) : rapport des heures cumulées depuis janvier."
    )

    def formula(individu, period):
        mois = numpy.full(individu.count, numpy.nan)
        # boucle bornée sur les mois (jamais sur les salariés) : pas d'appel récursif de la variable
        for recul in range(MOIS_DE_RECUL_MAXIMAL + 1):
            anterieur = period.offset(-recul, "month")
            total = individu("heures_travaillees", anterieur)
            eligibles = individu("heures_aide_domicile_publics_eligibles", anterieur)
            rapport = numpy.divide(eligibles, total, out=numpy.zeros_like(total), where=total > 0)
            mois = numpy.where(numpy.isnan(mois) & (total > 0), rapport, mois)
            if not numpy.isnan(mois).any():
                break
        mois = numpy.nan_to_num(mois, nan=0.0)
        cumul = annee_jusqu_au_mois(period)
        eligibles_annee = individu("heures_aide_domicile_publics_eligibles", cumul, options=[ADD])
        total_annee = individu("heures_travaillees", cumul, options=[ADD])
        annee = numpy.divide(eligibles_annee, total_annee, out=numpy.zeros_like(total_annee), where=total_annee > 0)
        degressive = individu.etablissement("employeur_aide_a_domicile", period) == (
            EmployeurAideADomicile.structure_degressive
        )
        return numpy.where(degressive, annee, mois)


class exoneration_aide_a_domicile(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération de cotisations patronales au titre de l'aide à domicile"
    reference = "CSS art. L241-10 ; D241-5 à D241-5-3"

    # L241-10 avant 2019
    formula_2012_01_01 = loi_non_connue(
        "exoneration_aide_a_domicile",
        "L241-10 et D241-5 à D241-5-3 ne sont encodés que depuis 2019",
        ("heures_aide_domicile_publics_eligibles",),
    )

    def formula_2019_01_01(individu, period, parameters):
        # D241-5-3 (structures au prorata des heures), en vigueur depuis 2019
        categorie = individu.etablissement("employeur_aide_a_domicile", period)
        if (categorie == EmployeurAideADomicile.non_concerne).all():
            return individu.filled_array(0.0)
        _refuser_avant_leur_date(categorie, period, (EmployeurAideADomicile.particulier,), "D241-5 (2023-09)")
        _refuser_avant_leur_date(
            categorie, period, (EmployeurAideADomicile.structure_degressive,), "D241-5-2 (2022-09)"
        )
        return (categorie == EmployeurAideADomicile.structure_prorata) * _exoneration_au_prorata(individu, period)

    def formula_2022_09_01(individu, period, parameters):
        categorie = individu.etablissement("employeur_aide_a_domicile", period)
        if (categorie == EmployeurAideADomicile.non_concerne).all():
            return individu.filled_array(0.0)
        _refuser_avant_leur_date(categorie, period, (EmployeurAideADomicile.particulier,), "D241-5 (2023-09)")
        return numpy.select(
            [
                categorie == EmployeurAideADomicile.structure_prorata,
                categorie == EmployeurAideADomicile.structure_degressive,
            ],
            [_exoneration_au_prorata(individu, period), _exoneration_degressive(individu, period, parameters)],
            0,
        )

    def formula_2023_09_01(individu, period, parameters):
        categorie = individu.etablissement("employeur_aide_a_domicile", period)
        if (categorie == EmployeurAideADomicile.non_concerne).all():
            return individu.filled_array(0.0)
        return numpy.select(
            [
                categorie == EmployeurAideADomicile.structure_prorata,
                categorie == EmployeurAideADomicile.structure_degressive,
                categorie == EmployeurAideADomicile.particulier,
            ],
            [
                _exoneration_au_prorata(individu, period),
                _exoneration_degressive(individu, period, parameters),
                _exoneration_particulier(individu, period, parameters),
            ],
            0,
        )


def _refuser_avant_leur_date(categorie, period, categories, article):
    concernes = numpy.isin(categorie, [c.index for c in categories])
    if concernes.any():
        raise EntreeInvalide(
            ["etablissements", "*", "employeur_aide_a_domicile", str(period)],
            f"employeur_aide_a_domicile : la catégorie {categories[0].name} n'est couverte qu'à partir de l'entrée "
            f"en vigueur de {article} ; période demandée {period}.",
        )


def _exoneration_au_prorata(individu, period):
    """D241-5-3 : cotisations du champ de la réduction générale × part des heures éligibles du mois."""
    champ = individu("cotisations_champ_reduction_generale", period)
    return champ * individu("part_heures_aide_domicile_eligibles", period)


def _exoneration_degressive(individu, period, parameters):
    """D241-5-2 : totale sous 1,2 SMIC ; au-delà, 1,2 × T / 0,4 × (1,6 × SMIC / R − 1) × R, plafonnée (D241-11).

    Appliquée mois par mois (anticipation de D241-8) ; la régularisation annuelle de D241-9 n'est pas encore faite.
    """
    p = parameters(period).reductions
    remuneration = individu("assiette_cotisations_sociales", period)
    smic = individu("smic_mensuel_reference", period)
    t = individu("reduction_generale_t", period)
    rapport = numpy.divide(smic, remuneration, out=numpy.zeros_like(remuneration), where=remuneration > 0)
    brut = (
        p.aide_a_domicile.multiplicateur
        * t
        / p.aide_a_domicile.diviseur
        * (p.reduction_generale.multiple_smic * rapport - 1)
    )
    coefficient = numpy.clip(arrondi_au_plus_proche(brut, p.reduction_generale.decimales_coefficient), 0, None)
    champ = individu("cotisations_champ_reduction_generale", period)
    sous_seuil = remuneration < p.aide_a_domicile.multiple_smic_degressivite * smic
    exoneration = numpy.where(sous_seuil, champ, numpy.minimum(coefficient * remuneration, champ))
    return exoneration * individu("part_heures_aide_domicile_eligibles", period)


def _exoneration_particulier(individu, period, parameters):
    """D241-5 : cotisations d'assurances sociales et d'allocations familiales sur la rémunération plafonnée à
    65 SMIC horaires par mois, pour un employeur de 70 ans et plus."""
    p = parameters(period).reductions.aide_a_domicile
    age = individu.etablissement("age_particulier_employeur", period)
    remuneration = individu("assiette_cotisations_sociales", period)
    plafond = p.plafond_remuneration_smic_horaire * individu("smic_horaire", period)
    part = numpy.divide(
        numpy.minimum(remuneration, plafond), remuneration, out=numpy.zeros_like(remuneration), where=remuneration > 0
    )
    cotisations = sum(individu(nom, period) for nom in COTISATIONS_ASSURANCES_SOCIALES_ET_FAMILLE)
    return (age >= p.age_minimum_particulier) * cotisations * part

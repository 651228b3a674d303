"""Cotisations et contributions personnelles d'un artisan ou commerçant au régime réel, sur son revenu
professionnel, pour les années que donnent les valeurs externes (2024 pour l'ensemble ; allocations familiales depuis
2015, invalidité-décès depuis 2016). Avant et après, une erreur nomme la cotisation et l'année."""

import numpy

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.briques_revenus import exiger_positif, refuser_si
from openfisca_secu.entities import individu


class artisan_ou_commercant(Variable):
    value_type = bool
    entity = individu
    definition_period = YEAR
    label = "Artisan ou commerçant (a et b du 1° de L613-1) cotisant sur son revenu professionnel, hors micro-social"
    reference = "CSS art. L613-1 ; L131-6"


class revenu_professionnel_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Revenu professionnel de l'année retenu pour les cotisations (bénéfice, cotisations sociales déduites)"
    reference = "CSS art. L131-6"


def _revenu(individu, period):
    """Revenu des artisans et commerçants (0 pour les autres) et valeur annuelle du plafond au 1er janvier."""
    revenu = exiger_positif(
        individu("revenu_professionnel_independant", period), "revenu_professionnel_independant", period
    )
    concerne = individu("artisan_ou_commercant", period)
    return concerne, concerne * revenu, individu("plafond_securite_sociale_annuel", period.first_month)


def _non_connue(nom):
    """Formule des années sans valeurs : erreur pour un artisan ou commerçant, 0 sinon."""

    def formula(individu, period):
        refuser_si(
            individu("artisan_ou_commercant", period),
            lambda rang: (
                f"{nom} : taux non connus pour {period} (individu n° {rang}) ; les valeurs externes ne donnent cette "
                "cotisation que pour les années indiquées dans sa documentation."
            ),
        )
        return individu.filled_array(0.0)

    return formula


class maladie_maternite_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisation maladie-maternité d'un artisan ou commerçant (taux progressif)"
    reference = "CSS art. L621-1 ; D621-1 ; D621-2"
    documentation = (
        "2024 : taux nul sous 40 % du PASS, croissant linéairement jusqu'à 4 % à 60 % du PASS puis jusqu'à 6,7 % à "
        "110 % du PASS ; ce taux s'applique au revenu dans la limite de 5 PASS, 6,5 % au-delà."
    )

    formula = _non_connue("maladie_maternite_independant")

    def formula_2024_01_01(individu, period, parameters):
        p = parameters(period).independants.artisans_commercants.maladie_maternite
        _, revenu, plafond = _revenu(individu, period)
        taux = numpy.interp(
            revenu / plafond,
            [p.seuil_exoneration_pass, p.seuil_taux_intermediaire_pass, p.seuil_taux_plein_pass],
            [0, p.taux_intermediaire, p.taux_plein],
        )
        limite = p.plafond_taux_plein_pss * plafond
        return taux * numpy.minimum(revenu, limite) + p.taux_au_dela_plafond * numpy.maximum(revenu - limite, 0)

    formula_2025_01_01 = _non_connue("maladie_maternite_independant")


class indemnites_journalieres_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisation d'indemnités journalières d'un artisan ou commerçant"
    reference = "CSS art. L621-3 ; assiette minimale (décret 2015-1856)"
    documentation = "2024 : 0,50 % du revenu, au moins 40 % du PASS, au plus 5 PASS."

    formula = _non_connue("indemnites_journalieres_independant")

    def formula_2024_01_01(individu, period, parameters):
        p = parameters(period).independants
        concerne, revenu, plafond = _revenu(individu, period)
        assiette = numpy.minimum(
            numpy.maximum(revenu, p.assiette_minimale.indemnites_journalieres * plafond),
            p.artisans_commercants.indemnites_journalieres.plafond_pss * plafond,
        )
        return concerne * p.artisans_commercants.indemnites_journalieres.taux * assiette

    formula_2025_01_01 = _non_connue("indemnites_journalieres_independant")


class vieillesse_base_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisation d'assurance vieillesse de base d'un artisan ou commerçant"
    reference = "CSS art. L633-10 ; D633-3"
    documentation = (
        "2024 : 17,75 % dans la limite du PASS et 0,60 % sur la totalité, sur une assiette d'au moins 11,5 % du PASS."
    )

    formula = _non_connue("vieillesse_base_independant")

    def formula_2024_01_01(individu, period, parameters):
        p = parameters(period).independants
        concerne, revenu, plafond = _revenu(individu, period)
        taux = p.artisans_commercants.vieillesse_base
        assiette = numpy.maximum(revenu, p.assiette_minimale.vieillesse_base * plafond)
        return concerne * (taux.taux_plafonne * numpy.minimum(assiette, plafond) + taux.taux_deplafonne * assiette)

    formula_2025_01_01 = _non_connue("vieillesse_base_independant")


class retraite_complementaire_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisation de retraite complémentaire (RCI) d'un artisan ou commerçant"
    reference = "CSS art. L635-1 ; règlement du régime complémentaire des indépendants"
    documentation = "2024 : 7 % jusqu'au plafond de la RCI (42 946 €), 8 % de ce plafond à 4 PASS."

    formula = _non_connue("retraite_complementaire_independant")

    def formula_2024_01_01(individu, period, parameters):
        p = parameters(period).independants.artisans_commercants.retraite_complementaire
        _, revenu, plafond = _revenu(individu, period)
        tranche_1 = numpy.minimum(revenu, p.plafond_tranche_1)
        tranche_2 = numpy.maximum(numpy.minimum(revenu, p.plafond_tranche_2_pss * plafond) - p.plafond_tranche_1, 0)
        return p.taux_tranche_1 * tranche_1 + p.taux_tranche_2 * tranche_2

    formula_2025_01_01 = _non_connue("retraite_complementaire_independant")


class invalidite_deces_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisation d'invalidité-décès d'un artisan ou commerçant"
    reference = "CSS art. L635-5 ; assiette minimale (décret 2015-1856)"
    documentation = "2016 à 2024 : 1,3 % du revenu dans la limite du PASS, sur une assiette d'au moins 11,5 % du PASS."

    formula = _non_connue("invalidite_deces_independant")

    def formula_2016_01_01(individu, period, parameters):
        p = parameters(period).independants
        concerne, revenu, plafond = _revenu(individu, period)
        taux = p.artisans_commercants.invalidite_deces
        assiette = numpy.minimum(
            numpy.maximum(revenu, p.assiette_minimale.invalidite_deces * plafond), taux.plafond_pss * plafond
        )
        return concerne * taux.taux * assiette

    formula_2025_01_01 = _non_connue("invalidite_deces_independant")


class allocations_familiales_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisation d'allocations familiales d'un artisan ou commerçant (taux réduit jusqu'à 110 % du PASS)"
    reference = "CSS art. L242-11 ; L613-1"
    documentation = (
        "Taux réduit si le revenu n'excède pas 110 % du PASS, taux plein au-delà de 140 %, linéaire entre les deux : "
        "2,15 % à 5,25 % (2015-2017), 0 % à 3,10 % (2018-2024). Le taux s'applique à tout le revenu."
    )

    formula = _non_connue("allocations_familiales_independant")

    def formula_2015_01_01(individu, period, parameters):
        p = parameters(period).independants.artisans_commercants.allocations_familiales
        _, revenu, plafond = _revenu(individu, period)
        taux = numpy.interp(
            revenu / plafond, [p.seuil_taux_reduit_pass, p.seuil_taux_plein_pass], [p.taux_reduit, p.taux_plein]
        )
        return taux * revenu

    formula_2025_01_01 = _non_connue("allocations_familiales_independant")


class cotisations_sociales_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisations sociales obligatoires d'un artisan ou commerçant (hors CSG-CRDS)"
    reference = "CSS art. L131-6 ; L136-3"

    def formula(individu, period):
        return (
            individu("maladie_maternite_independant", period)
            + individu("indemnites_journalieres_independant", period)
            + individu("vieillesse_base_independant", period)
            + individu("retraite_complementaire_independant", period)
            + individu("invalidite_deces_independant", period)
            + individu("allocations_familiales_independant", period)
        )


class assiette_csg_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Assiette de la CSG-CRDS d'un artisan ou commerçant : revenu professionnel plus cotisations obligatoires"
    reference = "CSS art. L136-3"

    def formula(individu, period):
        _, revenu, _ = _revenu(individu, period)
        return revenu + individu("cotisations_sociales_independant", period)


class csg_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "CSG sur les revenus d'activité d'un artisan ou commerçant (déductible et non déductible)"
    reference = "CSS art. L136-3 ; L136-8 I 1°"

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.csg
        return (p.taux_deductible + p.taux_non_deductible) * individu("assiette_csg_independant", period)


class crds_independant(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "CRDS sur les revenus d'activité d'un artisan ou commerçant"
    reference = "Ordonnance 96-50 du 24/01/1996, art. 14 et 19"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.crds.taux * individu("assiette_csg_independant", period)

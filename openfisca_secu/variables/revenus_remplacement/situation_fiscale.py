"""Situation fiscale des titulaires de revenus de remplacement : revenu fiscal de référence, parts, domicile,
minimum vieillesse, et taux de CSG qui en découle (CSS art. L136-8 III et III bis ; D242-9, D242-10)."""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import MONTH, YEAR, Variable, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import a_saisir
from openfisca_secu.entities import individu
from openfisca_secu.enumerations_revenus import TauxCsgRemplacement


class revenu_fiscal_reference(Variable):
    value_type = float
    default_value = -1
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Revenu fiscal de référence du foyer fiscal de la personne, au titre des revenus de l'année (-1 : inconnu)"
    reference = "CGI art. 1417 IV ; CSS art. L136-8 III et D242-9 1°"
    documentation = (
        "Saisi pour l'année des revenus : le taux de CSG de l'année N lit celui de N-2 (et de N-3 depuis 2019). "
        "La valeur par défaut -1 signifie « non renseigné » : une erreur le dit quand il est nécessaire."
    )


class nombre_parts_quotient_familial(Variable):
    value_type = float
    default_value = 0
    entity = individu
    definition_period = YEAR
    unit = "part"
    label = "Nombre de parts de quotient familial du foyer fiscal, au titre des revenus de l'année (0 : inconnu)"
    reference = "CGI art. 194 ; CSS art. L136-8 III"


class domicile_departement_outre_mer(Variable):
    value_type = bool
    entity = individu
    definition_period = YEAR
    label = "Domicile fiscal dans un département d'outre-mer (L751-1) plutôt qu'en métropole"
    reference = "CSS art. L136-8 III ; D242-10 ; L751-1"
    documentation = (
        "Les seuils de revenu fiscal de référence des départements d'outre-mer ne sont pas connus du modèle : le taux "
        "de CSG (taux_csg_remplacement) doit alors être saisi."
    )


class titulaire_minimum_vieillesse(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Titulaire dans le mois d'une allocation du minimum vieillesse (ord. 2004-605 art. 2) ou de l'ASPA (L815-1)"
    reference = "CSS art. D242-9 2° ; L815-1 ; ordonnance 2004-605 du 24/06/2004 art. 2"


# Années de revenus lues par rapport à l'année N des revenus de remplacement (L136-8 III, D242-9 1°)
AVANT_DERNIERE_ANNEE = -2
ANTEPENULTIEME_ANNEE = -3


def _seuil(seuil, majoration, parts, valeur_demi_part):
    """Seuil pour `parts` parts : première part + majoration par demi-part supplémentaire (quart de part : moitié)."""
    return seuil + (parts - 1) / valeur_demi_part * majoration


class taux_csg_remplacement(Variable):
    value_type = Enum
    possible_values = TauxCsgRemplacement
    default_value = TauxCsgRemplacement.non_determine
    entity = individu
    definition_period = YEAR
    label = "Taux de CSG applicable aux revenus de remplacement de l'année, selon le revenu fiscal de référence"
    reference = "CSS art. L136-8 III et III bis ; LFSS 2019 (loi 2018-1203) art. 11 ; loi 2018-1213 art. 3"
    documentation = (
        "Depuis 2015, fonction du revenu fiscal de référence de N-2 et du nombre de parts. Exonéré si le revenu "
        "n'excède pas le seuil d'exonération ; taux réduit s'il n'excède pas le seuil du 2° du III ; depuis 2019, "
        "taux médian s'il n'excède pas le seuil du III bis, et un seuil supérieur n'est franchi que s'il l'est deux "
        "années de suite (revenus de N-2 et de N-3, sauf pour le seuil d'exonération). « N'excède pas » : ≤. "
        "Avant 2015 (seuils non confirmés) et pour un domicile outre-mer, à saisir : sinon « non déterminé »."
    )

    # seuils 2012-2014 non confirmés : à saisir
    formula_2012_01_01 = a_saisir("taux_csg_remplacement")

    def formula_2015_01_01(individu, period, parameters):
        p = parameters(period).revenus_remplacement.csg.seuils_revenu_fiscal_reference
        annee_n_2 = period.offset(AVANT_DERNIERE_ANNEE, "year")
        rfr = individu("revenu_fiscal_reference", annee_n_2)
        parts = individu("nombre_parts_quotient_familial", annee_n_2)
        connu = (rfr >= 0) & (parts > 0) & ~individu("domicile_departement_outre_mer", period)
        seuil_exoneration = _seuil(p.seuil_exoneration, p.majoration_demi_part_exoneration, parts, p.valeur_demi_part)
        seuil_reduit = _seuil(p.seuil_taux_reduit, p.majoration_demi_part_taux_reduit, parts, p.valeur_demi_part)
        return numpy.select(
            [~connu, rfr <= seuil_exoneration, rfr <= seuil_reduit],
            [TauxCsgRemplacement.non_determine, TauxCsgRemplacement.exonere, TauxCsgRemplacement.taux_reduit],
            TauxCsgRemplacement.taux_plein,
        )

    def formula_2019_01_01(individu, period, parameters):
        p = parameters(period).revenus_remplacement.csg.seuils_revenu_fiscal_reference
        demi_part = p.valeur_demi_part
        annee_n_2 = period.offset(AVANT_DERNIERE_ANNEE, "year")
        annee_n_3 = period.offset(ANTEPENULTIEME_ANNEE, "year")
        rfr = individu("revenu_fiscal_reference", annee_n_2)
        parts = individu("nombre_parts_quotient_familial", annee_n_2)
        rfr_n_3 = individu("revenu_fiscal_reference", annee_n_3)
        parts_n_3 = individu("nombre_parts_quotient_familial", annee_n_3)
        hors_dom = ~individu("domicile_departement_outre_mer", period)
        connu = (rfr >= 0) & (parts > 0) & hors_dom
        connu_n_3 = (rfr_n_3 >= 0) & (parts_n_3 > 0)

        def sous(seuil, majoration):
            # revenus de N-2 n'excédant pas le seuil, ou revenus de N-3 n'excédant pas ce même seuil
            n_2 = rfr <= _seuil(seuil, majoration, parts, demi_part)
            n_3 = connu_n_3 & (rfr_n_3 <= _seuil(seuil, majoration, parts_n_3, demi_part))
            return n_2, n_2 | n_3

        exonere = rfr <= _seuil(p.seuil_exoneration, p.majoration_demi_part_exoneration, parts, demi_part)
        reduit_n_2, reduit = sous(p.seuil_taux_reduit, p.majoration_demi_part_taux_reduit)
        _, median = sous(p.seuil_taux_median, p.majoration_demi_part_taux_median)
        # au-dessus du seuil du taux réduit en N-2, le taux dépend aussi de N-3 : il faut le connaître
        indetermine = ~connu | (~reduit_n_2 & ~connu_n_3)
        return numpy.select(
            [indetermine, exonere, reduit, median],
            [
                TauxCsgRemplacement.non_determine,
                TauxCsgRemplacement.exonere,
                TauxCsgRemplacement.taux_reduit,
                TauxCsgRemplacement.taux_median,
            ],
            TauxCsgRemplacement.taux_plein,
        )

"""Employeurs affiliés aux caisses de congés payés : majorations de L243-1-3 (D243-0-2), versement des caisses
(D243-0-3) et ajustement annuel (D243-0-4). Ce ne sont pas des majorations de retard."""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import exiger_positif, loi_non_connue, refuser_si
from openfisca_secu.entities import etablissement
from openfisca_secu.enumerations_revenus import SecteurCaisseCongesPayes


class contributions_soumises_majoration_conges_payes(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contributions de l'employeur affilié à une caisse de congés payés soumises à la majoration de L243-1-3"
    reference = "CSS art. L243-1-3 ; D243-0-2 1°"


class apprentissage_intermittents_spectacle(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = (
        "Taxe d'apprentissage et contribution supplémentaire à l'apprentissage dues pour les intermittents du spectacle"
    )
    reference = "CSS art. D243-0-2 2° ; C. trav. art. L6241-1, L6242-1 et L6331-55"


class majoration_conges_payes(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Majorations de L243-1-3 dues par un employeur affilié à une caisse de congés payés (11,5 % ; 10 %)"
    reference = "CSS art. L243-1-3 ; D243-0-2"

    # L243-1-3 avant 2018
    formula_2012_01_01 = loi_non_connue(
        "majoration_conges_payes",
        "L243-1-3 et ses taux (D243-0-2) ne sont encodés que depuis 2018",
        ("contributions_soumises_majoration_conges_payes", "apprentissage_intermittents_spectacle"),
    )

    def formula_2018_01_01(etablissement, period, parameters):
        p = parameters(period).recouvrement.conges_payes
        generales = exiger_positif(
            etablissement("contributions_soumises_majoration_conges_payes", period),
            "contributions_soumises_majoration_conges_payes",
            period,
        )
        apprentissage = exiger_positif(
            etablissement("apprentissage_intermittents_spectacle", period),
            "apprentissage_intermittents_spectacle",
            period,
        )
        majoration = p.taux_majoration * generales + p.taux_majoration_apprentissage_intermittents * apprentissage
        return etablissement("caisse_conges_payes", period) * majoration


class secteur_caisse_conges_payes(Variable):
    value_type = Enum
    possible_values = SecteurCaisseCongesPayes
    default_value = SecteurCaisseCongesPayes.non_affilie
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Secteur et implantation de la caisse de congés payés à laquelle l'employeur est affilié"
    reference = "CSS art. D243-0-3 ; C. trav. art. L3141-32"


class cotisations_versees_caisse_conges_payes(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations versées par l'employeur à la caisse de congés payés pour couvrir les congés de ses salariés"
    reference = "CSS art. D243-0-3 ; C. trav. art. L3141-32"


class versement_caisse_conges_payes(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Versement de la caisse de congés payés au titre des cotisations de l'employeur (2° de L243-1-3)"
    reference = "CSS art. L243-1-3 2° ; D243-0-3"

    # D243-0-3 avant 2019
    formula_2012_01_01 = loi_non_connue(
        "versement_caisse_conges_payes",
        "les taux de D243-0-3 ne sont encodés que depuis 2019",
        ("cotisations_versees_caisse_conges_payes",),
    )

    def formula_2019_01_01(etablissement, period, parameters):
        p = parameters(period).recouvrement.conges_payes.versement_caisses
        cotisations = exiger_positif(
            etablissement("cotisations_versees_caisse_conges_payes", period),
            "cotisations_versees_caisse_conges_payes",
            period,
        )
        secteur = etablissement("secteur_caisse_conges_payes", period)
        refuser_si(
            (cotisations > 0) & (secteur == SecteurCaisseCongesPayes.non_affilie),
            lambda rang: (
                f"secteur_caisse_conges_payes non renseigné pour l'établissement n° {rang} en {period} alors que des "
                "cotisations sont versées à une caisse de congés payés."
            ),
        )
        taux = numpy.select(
            [
                secteur == SecteurCaisseCongesPayes.batiment_travaux_publics_metropole,
                secteur == SecteurCaisseCongesPayes.batiment_travaux_publics_outre_mer,
                secteur == SecteurCaisseCongesPayes.autres_secteurs,
            ],
            [p.batiment_travaux_publics_metropole, p.batiment_travaux_publics_outre_mer, p.autres_secteurs],
            0,
        )
        return taux * cotisations


class cotisations_indemnites_conges_payes(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations (salariales et patronales) sur les indemnités de congés payés de la période de prise"
    reference = "CSS art. D243-0-4"


class versements_caisse_exercice_acquisition(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Versements de D243-0-3 effectués par la caisse au cours de l'exercice d'acquisition correspondant"
    reference = "CSS art. D243-0-4"


class ajustement_caisse_conges_payes(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "currency-EUR"
    label = (
        "Ajustement versé par la caisse à l'exigibilité suivant la période de prise des congés (négatif : trop versé)"
    )
    reference = "CSS art. D243-0-4"

    # D243-0-4 avant 2018
    formula_2012_01_01 = loi_non_connue(
        "ajustement_caisse_conges_payes",
        "D243-0-4 n'est encodé que depuis 2018",
        ("cotisations_indemnites_conges_payes", "versements_caisse_exercice_acquisition"),
    )

    def formula_2018_01_01(etablissement, period):
        return etablissement("cotisations_indemnites_conges_payes", period) - etablissement(
            "versements_caisse_exercice_acquisition", period
        )

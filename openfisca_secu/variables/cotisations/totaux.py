"""Totaux de la fiche de paie : cotisations salariales et patronales, salaire net, coût total employeur.

Convention de signe : toutes les cotisations sont des montants positifs, retranchés du brut (salarié) ou ajoutés au
brut (employeur). Une ligne plafonnée peut être négative un mois donné lorsque la régularisation progressive du
plafond rembourse le trop-cotisé des mois précédents.
"""

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.entities import individu

COTISATIONS_SALARIALES = (
    "maladie_salarie",
    "maladie_alsace_moselle_salarie",
    "vieillesse_plafonnee_salarie",
    "vieillesse_deplafonnee_salarie",
    "chomage_salarie",
    "agirc_arrco_salarie",
    "contribution_equilibre_general_salarie",
    "contribution_equilibre_technique_salarie",
    "arrco_salarie",
    "agirc_salarie",
    "agff_salarie",
    "apec_salarie",
)

CONTRIBUTIONS_SALARIALES = ("csg_deductible_salarie", "csg_non_deductible_salarie", "crds_salarie")

COTISATIONS_EMPLOYEUR = (
    "maladie_employeur",
    "vieillesse_plafonnee_employeur",
    "vieillesse_deplafonnee_employeur",
    "allocations_familiales_employeur",
    "accident_du_travail_employeur",
    "fnal_employeur",
    "contribution_solidarite_autonomie_employeur",
    "contribution_dialogue_social_employeur",
    "versement_mobilite_employeur",
    "chomage_employeur",
    "ags_employeur",
    "agirc_arrco_employeur",
    "contribution_equilibre_general_employeur",
    "contribution_equilibre_technique_employeur",
    "arrco_employeur",
    "agirc_employeur",
    "agff_employeur",
    "apec_employeur",
    "formation_professionnelle_employeur",
    "taxe_apprentissage_employeur",
    "contribution_supplementaire_apprentissage_employeur",
)

# Dans le coût total mais pas dans les cotisations (hors du champ de la réduction générale).
CONTRIBUTIONS_EMPLOYEUR_HORS_COTISATIONS = (
    "forfait_social_prevoyance_employeur",
    "forfait_social_retraite_supplementaire_employeur",
    "participation_effort_construction_employeur",
)

REDUCTIONS_EMPLOYEUR = (
    "reduction_generale",
    "exoneration_aide_a_domicile",
    "deduction_forfaitaire_heures_supplementaires",
    "exoneration_employeur_apprenti",
    "exoneration_lodeom",
    "exoneration_jei",
)
REDUCTIONS_SALARIALES = ("reduction_salariale_heures_supplementaires", "exoneration_salariale_apprenti")


def _somme(individu, period, noms):
    return sum(individu(nom, period) for nom in noms)


class cotisations_salariales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations sociales à la charge du salarié (hors CSG et CRDS)"
    reference = "CSS art. L241-1 à L241-5 ; ANI AGIRC-ARRCO ; code du travail, art. L5422-9"

    def formula(individu, period):
        return _somme(individu, period, COTISATIONS_SALARIALES)


class csg_crds_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CSG et CRDS sur le salaire"
    reference = "CSS art. L136-8 ; ordonnance 96-50"

    def formula(individu, period):
        return _somme(individu, period, CONTRIBUTIONS_SALARIALES)


class cotisations_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations et contributions à la charge de l'employeur, avant réductions"
    reference = "CSS art. L241-1 à L241-6, L242-5, L834-1 ; code du travail, art. L5422-9, L6131-2"

    def formula(individu, period):
        return _somme(individu, period, COTISATIONS_EMPLOYEUR)


class reductions_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réductions et exonérations de cotisations patronales imputées ce mois"
    reference = "CSS art. L241-13 ; L241-10 ; L241-18 ; code du travail, art. L6243-2 (avant 2019)"

    def formula(individu, period):
        return _somme(individu, period, REDUCTIONS_EMPLOYEUR)


class reductions_salariales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réductions et exonérations de cotisations salariales imputées ce mois"
    reference = "CSS art. L241-17 ; code du travail, art. L6243-2"

    def formula(individu, period):
        return _somme(individu, period, REDUCTIONS_SALARIALES)


class salaire_net(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Salaire net : brut moins cotisations salariales nettes des réductions, CSG et CRDS"
    reference = "CSS art. L242-1 ; L136-8"

    def formula(individu, period):
        return (
            individu("remuneration_brute", period)
            - individu("cotisations_salariales", period)
            + individu("reductions_salariales", period)
            - individu("csg_crds_salarie", period)
        )


class cout_total_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Coût total employeur : brut, cotisations patronales nettes des réductions, retraite et prévoyance"
    reference = "CSS art. L242-1 ; D242-1 ; L241-13 ; L137-15 ; CCH art. L313-1"
    documentation = "Santé et prévoyance de l'employeur, forfait social et PEEC compris."

    def formula(individu, period):
        return (
            individu("remuneration_brute", period)
            + individu("cotisations_employeur", period)
            - individu("reductions_employeur", period)
            + individu("contribution_employeur_retraite_supplementaire", period)
            + individu("contributions_employeur_prevoyance_complementaire", period)
            + sum(individu(nom, period) for nom in CONTRIBUTIONS_EMPLOYEUR_HORS_COTISATIONS)
        )

"""Imputation d'un paiement insuffisant d'un travailleur indépendant sur les cotisations d'une échéance, dans l'ordre
de priorité légal : micro-social (D131-6-5) ou organisme local (III de L133-6-4). Plusieurs échéances : voir
openfisca_secu.imputation_paiements.imputer_sur_des_echeances."""

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.briques_revenus import exiger_positif, refuser_si
from openfisca_secu.entities import individu
from openfisca_secu.imputation_paiements import (
    ORDRE_MICRO_SOCIAL,
    ORDRE_ORGANISME_LOCAL,
    imputer_sur_une_echeance,
)

_COTISATIONS = ORDRE_ORGANISME_LOCAL  # toutes les cotisations des deux ordres


class regime_micro_social(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Travailleur indépendant relevant du régime micro-social (ordre d'imputation de D131-6-5)"
    reference = "CSS art. L133-6-8 ; D131-6-5"


class paiement_cotisations_independant(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant versé par le travailleur indépendant pour l'échéance, à imputer sur les cotisations dues"
    reference = "CSS art. L133-6-8-3 ; L133-6-4 III"


class cotisation_due_maladie_maternite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la cotisation d'assurance maladie-maternité"
    reference = "CSS art. L612-4"


class cotisation_due_indemnites_journalieres(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la cotisation d'indemnités journalières"
    reference = "CSS art. L612-13"


class cotisation_due_invalidite_deces(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la cotisation d'invalidité-décès"
    reference = "CSS art. L635-5 ou L644-2"


class cotisation_due_retraite_complementaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la cotisation de retraite complémentaire"
    reference = "CSS art. L635-1 ou L644-1"


class cotisation_due_allocations_familiales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la cotisation d'allocations familiales"
    reference = "CSS art. L242-11"


class cotisation_due_vieillesse_base(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la cotisation d'assurance vieillesse de base"
    reference = "CSS art. L633-10 ou L642-1"


class cotisation_due_formation_professionnelle(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant dû pour l'échéance au titre de la contribution à la formation professionnelle"
    reference = "C. trav. art. L953-1 (2012)"


class paiement_impute_maladie_maternite(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la cotisation d'assurance maladie-maternité"
    reference = "CSS art. L612-4 ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["maladie_maternite"]


class paiement_impute_indemnites_journalieres(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la cotisation d'indemnités journalières"
    reference = "CSS art. L612-13 ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["indemnites_journalieres"]


class paiement_impute_invalidite_deces(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la cotisation d'invalidité-décès"
    reference = "CSS art. L635-5 ou L644-2 ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["invalidite_deces"]


class paiement_impute_retraite_complementaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la cotisation de retraite complémentaire"
    reference = "CSS art. L635-1 ou L644-1 ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["retraite_complementaire"]


class paiement_impute_allocations_familiales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la cotisation d'allocations familiales"
    reference = "CSS art. L242-11 ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["allocations_familiales"]


class paiement_impute_vieillesse_base(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la cotisation d'assurance vieillesse de base"
    reference = "CSS art. L633-10 ou L642-1 ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["vieillesse_base"]


class paiement_impute_formation_professionnelle(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement imputée sur la contribution à la formation professionnelle"
    reference = "C. trav. art. L953-1 (2012) ; CSS art. D131-6-5 ou L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[0]["formation_professionnelle"]


class paiement_non_impute(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part du paiement excédant les cotisations dues de l'échéance (non imputée)"
    reference = "CSS art. D131-6-5 ; L133-6-4 III"

    def formula(individu, period):
        return _imputation(individu, period)[1]


def _imputation(individu, period):
    paiement = exiger_positif(
        individu("paiement_cotisations_independant", period), "paiement_cotisations_independant", period
    )
    dues = {
        nom: exiger_positif(individu(f"cotisation_due_{nom}", period), f"cotisation_due_{nom}", period)
        for nom in _COTISATIONS
    }
    micro = individu("regime_micro_social", period)
    refuser_si(
        micro & (dues["formation_professionnelle"] > 0),
        lambda rang: (
            f"cotisation_due_formation_professionnelle non nulle pour un micro-entrepreneur (individu n° {rang}, "
            f"{period}) : l'ordre de D131-6-5 ne la comprend pas."
        ),
    )
    micro_imputes, micro_reste = imputer_sur_une_echeance(paiement, dues, ORDRE_MICRO_SOCIAL)
    local_imputes, local_reste = imputer_sur_une_echeance(paiement, dues, ORDRE_ORGANISME_LOCAL)
    imputes = {nom: (micro * micro_imputes.get(nom, 0) + ~micro * local_imputes[nom]) for nom in _COTISATIONS}
    return imputes, micro * micro_reste + ~micro * local_reste

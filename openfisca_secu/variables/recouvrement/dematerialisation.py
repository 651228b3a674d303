"""Déclaration et paiement dématérialisés obligatoires au-delà de 20 000 € de cotisations de l'année civile
précédente, paiement par virement au-delà de 7 millions d'euros (CSS art. D133-10)."""

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.briques_revenus import exiger_positif, loi_non_connue
from openfisca_secu.entities import entreprise


class cotisations_contributions_annuelles(Variable):
    value_type = float
    entity = entreprise
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Cotisations et contributions sociales dues par l'employeur privé au titre de l'année civile"
    reference = "CSS art. D133-10 I"
    documentation = (
        "Prélèvements recouvrés par l'organisme de recouvrement, hors majorations et pénalités (L133-5-5, R243-16, "
        "R243-18 et, depuis le 18/03/2019, R741-22 et R741-23 du code rural)."
    )


def _cotisations_annee_precedente(entreprise, period):
    annee_precedente = period.offset(-1, "year")
    return exiger_positif(
        entreprise("cotisations_contributions_annuelles", annee_precedente),
        "cotisations_contributions_annuelles",
        annee_precedente,
    )


class obligation_dematerialisation(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "Déclarations et paiements dématérialisés obligatoires (cotisations de l'année précédente > 20 000 €)"
    reference = "CSS art. D133-10 I"

    # D133-10 avant sa version de 2019
    formula_2012_01_01 = loi_non_connue(
        "obligation_dematerialisation", "seuils de D133-10 I antérieurs à 2019 non encodés"
    )

    def formula_2019_01_01(entreprise, period, parameters):
        seuil = parameters(period).recouvrement.dematerialisation.seuil
        return _cotisations_annee_precedente(entreprise, period) > seuil


class obligation_paiement_virement(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "Paiement par virement bancaire obligatoire (cotisations de l'année précédente > 7 millions d'euros)"
    reference = "CSS art. D133-10 II"
    documentation = "« Au titre d'une année civile » : le modèle retient, comme au I, l'année civile précédente."

    # D133-10 avant sa version de 2019
    formula_2012_01_01 = loi_non_connue(
        "obligation_paiement_virement", "seuil de D133-10 II antérieur à 2019 non encodé"
    )

    def formula_2019_01_01(entreprise, period, parameters):
        seuil = parameters(period).recouvrement.dematerialisation.seuil_virement
        return _cotisations_annee_precedente(entreprise, period) > seuil

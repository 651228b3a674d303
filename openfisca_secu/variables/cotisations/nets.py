"""Net à payer avant impôt et montant net social du bulletin de paie (C. trav. art. R3243-1 ; arrêté du 25 février
2016 modifié par l'arrêté du 31 janvier 2023)."""

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import individu


class net_a_payer_avant_impot(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Net à payer avant impôt sur le revenu"
    reference = "Code du travail, art. R3243-1 ; arrêté du 25 février 2016, annexe"
    documentation = (
        "Salaire net (cotisations et contributions légales déduites) moins les parts salariales de santé et de "
        "prévoyance."
    )

    def formula(individu, period):
        return (
            individu("salaire_net", period)
            - individu("prevoyance_salarie", period)
            - individu("complementaire_sante_salarie", period)
        )


class montant_net_social(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant net social"
    reference = "Arrêté du 31 janvier 2023 modifiant l'arrêté du 25 février 2016 ; BOSS, Montant net social"
    documentation = (
        "Revenus bruts moins toutes les cotisations et contributions sociales obligatoires à la charge du salarié "
        "(santé et prévoyance collectives comprises). De juillet à décembre 2023, les contributions de l'employeur à "
        "la prévoyance et à la retraite supplémentaire s'y ajoutaient (pas celles aux frais de santé) ; depuis le "
        "1er janvier 2024 (BOSS, mise à jour du 14 novembre 2023) aucune contribution patronale de protection "
        "sociale complémentaire collective n'est ajoutée."
    )

    # mention créée au 01/07/2023 (arrêté du 31/01/2023)
    formula_2012_01_01 = neant

    def formula_2023_07_01(individu, period):
        return (
            individu("net_a_payer_avant_impot", period)
            + individu("prevoyance_employeur", period)
            + individu("contribution_employeur_retraite_supplementaire", period)
        )

    def formula_2024_01_01(individu, period):
        return individu("net_a_payer_avant_impot", period)

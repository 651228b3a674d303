"""CSG et CRDS sur les revenus d'activité salariée (L136-1-1, L136-8 ; ordonnance 96-50)."""

import numpy

from openfisca_secu.base import MONTH, Variable, part_sous_plafonds
from openfisca_secu.entities import individu


class assiette_csg_crds(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette de la CSG et de la CRDS sur les revenus d'activité"
    reference = "CSS art. L136-1-1"
    documentation = (
        "Rémunération brute après abattement de 1,75 % dans la limite de 4 plafonds (régularisée comme les autres "
        "tranches), plus la totalité des contributions patronales de retraite supplémentaire et de prévoyance "
        "(santé comprise), sans abattement. Nulle pour les personnes relevant de L131-9."
    )

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.csg
        remuneration = individu("remuneration_brute", period)
        sous_limite = part_sous_plafonds(individu, period, p.plafond_abattement_pss, assiette="remuneration_brute")
        assiette = (
            (1 - p.abattement) * sous_limite
            + (remuneration - sous_limite)
            + individu("contribution_employeur_retraite_supplementaire", period)
            + individu("contributions_employeur_prevoyance_complementaire", period)
        )
        return numpy.where(individu("relevant_l131_9", period), 0, assiette)


class csg_deductible_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CSG déductible sur les revenus d'activité"
    reference = "CSS art. L136-8 I 1° ; CGI art. 154 quinquies"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.csg.taux_deductible * individu("assiette_csg_crds", period)


class csg_non_deductible_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "CSG non déductible sur les revenus d'activité"
    reference = "CSS art. L136-8 I 1° ; CGI art. 154 quinquies"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.csg.taux_non_deductible * individu("assiette_csg_crds", period)


class crds_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution au remboursement de la dette sociale sur les revenus d'activité"
    reference = "Ordonnance 96-50 du 24/01/1996, art. 14 et 19"

    def formula(individu, period, parameters):
        return parameters(period).cotisations.crds.taux * individu("assiette_csg_crds", period)

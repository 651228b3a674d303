"""Complémentaire santé et prévoyance collectives et obligatoires (CSS art. L911-1, L911-7) : parts de l'employeur et
du salarié, en euros ou en fraction du plafond mensuel de la sécurité sociale (PMSS).

Chaque part vaut le montant en euros plus la fraction du PMSS (un contrat peut combiner les deux : forfait et
pourcentage du plafond). Le PMSS est celui du mois, non proratisé, comme le fixent les contrats.
"""

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_secu.entities import individu


def _part(individu, period, parameters, montant, taux):
    pmss = parameters(period).plafond_securite_sociale.mensuel
    return individu(montant, period) + individu(taux, period) * pmss


class taux_contribution_employeur_prevoyance(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Contribution de l'employeur à la prévoyance complémentaire, en fraction du PMSS"
    reference = "CSS art. L242-1 II 4° b ; L911-1"


class contribution_employeur_complementaire_sante(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Contribution de l'employeur à la complémentaire santé collective obligatoire, en euros"
    reference = "CSS art. L911-7 ; L242-1 II 4° b"


class taux_contribution_employeur_complementaire_sante(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Contribution de l'employeur à la complémentaire santé collective obligatoire, en fraction du PMSS"
    reference = "CSS art. L911-7 ; L242-1 II 4° b"


class cotisation_salarie_prevoyance(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Cotisation du salarié à la prévoyance complémentaire collective obligatoire, en euros"
    reference = "CSS art. L911-1 ; CGI art. 83 1° quater"


class taux_cotisation_salarie_prevoyance(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Cotisation du salarié à la prévoyance complémentaire collective obligatoire, en fraction du PMSS"
    reference = "CSS art. L911-1 ; CGI art. 83 1° quater"


class cotisation_salarie_complementaire_sante(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-EUR"
    label = "Cotisation du salarié à la complémentaire santé collective obligatoire, en euros"
    reference = "CSS art. L911-7 ; CGI art. 83 1° quater"


class taux_cotisation_salarie_complementaire_sante(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Cotisation du salarié à la complémentaire santé collective obligatoire, en fraction du PMSS"
    reference = "CSS art. L911-7 ; CGI art. 83 1° quater"


class prevoyance_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Prévoyance complémentaire, part de l'employeur (euros plus fraction du PMSS)"
    reference = "CSS art. L242-1 II 4° b ; L911-1"

    def formula(individu, period, parameters):
        return _part(
            individu, period, parameters, "contribution_employeur_prevoyance", "taux_contribution_employeur_prevoyance"
        )


class complementaire_sante_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Complémentaire santé, part de l'employeur (euros plus fraction du PMSS)"
    reference = "CSS art. L911-7 ; L242-1 II 4° b"

    def formula(individu, period, parameters):
        return _part(
            individu,
            period,
            parameters,
            "contribution_employeur_complementaire_sante",
            "taux_contribution_employeur_complementaire_sante",
        )


class prevoyance_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Prévoyance complémentaire, part du salarié (euros plus fraction du PMSS)"
    reference = "CSS art. L911-1"

    def formula(individu, period, parameters):
        return _part(
            individu, period, parameters, "cotisation_salarie_prevoyance", "taux_cotisation_salarie_prevoyance"
        )


class complementaire_sante_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Complémentaire santé, part du salarié (euros plus fraction du PMSS)"
    reference = "CSS art. L911-7"

    def formula(individu, period, parameters):
        return _part(
            individu,
            period,
            parameters,
            "cotisation_salarie_complementaire_sante",
            "taux_cotisation_salarie_complementaire_sante",
        )


class contributions_employeur_prevoyance_complementaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contributions de l'employeur aux prestations complémentaires de prévoyance (santé comprise)"
    reference = "CSS art. L242-1 II 4° b ; D242-1 I al. 2"
    documentation = "Les frais de santé sont des prestations complémentaires de prévoyance : une seule limite D242-1."

    def formula(individu, period):
        return individu("prevoyance_employeur", period) + individu("complementaire_sante_employeur", period)

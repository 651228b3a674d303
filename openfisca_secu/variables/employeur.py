"""Données de l'employeur : établissement (lieu de travail) et entreprise (effectif)."""

from openfisca_secu.base import ETERNITY, MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.entities import entreprise, etablissement
from openfisca_secu.enumerations import BaremeLodeom


class effectif_entreprise(Variable):
    value_type = int
    default_value = -1
    entity = entreprise
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "person"
    label = "Effectif salarié de l'entreprise"
    reference = "CSS art. L130-1 et R130-1"
    documentation = (
        "Obligatoire dès qu'un salarié est rémunéré : les seuils FNAL, formation et versement mobilité en dépendent."
    )


class regime_alsace_moselle(Variable):
    value_type = bool
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Établissement situé dans le Haut-Rhin, le Bas-Rhin ou la Moselle"
    reference = "CSS art. L242-13 et D242-18"


class taux_versement_mobilite(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Taux du versement mobilité de l'autorité organisatrice du lieu de travail"
    reference = "Code général des collectivités territoriales, art. L2333-64 et L2333-67"


class employeur_lodeom(Variable):
    value_type = bool
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Employeur éligible aux exonérations outre-mer (LODEOM) de l'article L752-3-2"
    reference = (
        "CSS art. L752-3-2 ; art. L241-2-1 et L241-6-1 (taux réduits maintenus pour ces seuls employeurs en 2026)"
    )
    documentation = "À défaut de saisie, vrai si l'établissement a choisi un barème LODEOM (bareme_lodeom)."

    def formula(etablissement, period):
        return etablissement("bareme_lodeom", period) != BaremeLodeom.aucun


class regularisation_progressive_plafond(Variable):
    value_type = bool
    default_value = True
    entity = etablissement
    definition_period = ETERNITY
    label = "Plafond régularisé progressivement sur l'année (cumul depuis janvier), comme en paie"
    reference = "CSS art. R242-2 et R243-10"
    documentation = "Faux : chaque mois est plafonné isolément (calcul mensuel simple)."

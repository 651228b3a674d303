"""Nombre d'heures rémunérées des salariés dont la rémunération ne dépend pas d'un horaire (L241-15, D241-26)."""

import numpy

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.entities import etablissement, individu
from openfisca_secu.enumerations import TypeRemuneration


class duree_collective_hebdomadaire(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Durée collective hebdomadaire (ou moyenne hebdomadaire) du travail de l'établissement (entrée)"
    reference = "CSS art. D241-26 III ; L242-8"
    documentation = "0 (défaut) : non saisie, la durée légale s'applique (duree_collective_hebdomadaire_applicable)."


class duree_collective_hebdomadaire_applicable(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    unit = "hour"
    label = "Durée collective hebdomadaire de l'établissement, à défaut de saisie la durée légale"
    reference = "CSS art. D241-26 III ; L242-8 ; code du travail, art. L3121-27"
    documentation = (
        "Un établissement sans saisie, même dans une simulation où d'autres établissements en ont une (le "
        "constructeur lui donne alors la valeur par défaut, 0), prend la durée légale."
    )

    def formula(etablissement, period, parameters):
        saisie = etablissement("duree_collective_hebdomadaire", period)
        return numpy.where(saisie > 0, saisie, parameters(period).smic.duree_legale_hebdomadaire)


class duree_moyenne_hebdomadaire_forfait(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Durée moyenne hebdomadaire de travail de la convention de forfait annuel en heures"
    reference = "CSS art. D241-26 I 2"


class heures_remunerees_reconstituees(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "hour"
    label = "Nombre d'heures rémunérées réputé pour un salarié payé indépendamment d'un horaire"
    reference = "CSS art. L241-15 ; D241-26"
    documentation = (
        "Forfait jours : durée légale du mois × forfait / 218. Forfait annuel en heures : 52/12 × durée moyenne "
        "hebdomadaire. Autres : durée collective du mois (52/12 × durée hebdomadaire), réduite selon le rapport entre "
        "la rémunération d'un mois entier et cette durée × SMIC quand elle est inférieure. Payé à l'heure : "
        "quotité × durée collective du mois. Mois incomplet : jours calendaires de contrat × heures du mois / 30."
    )

    def formula(individu, period, parameters):
        semaines_par_mois = parameters(period).cotisations.temps_plein.semaines_par_an / 12
        duree_legale_mois = parameters(period).smic.duree_legale_hebdomadaire * semaines_par_mois
        jours_forfait = parameters(period).reductions.reduction_generale.jours_forfait_reference
        jours_par_mois = parameters(period).reductions.heures_remunerees.jours_par_mois
        duree_collective = individu.etablissement("duree_collective_hebdomadaire_applicable", period)
        duree_collective_mois = duree_collective * semaines_par_mois
        smic = individu("smic_horaire", period)

        jours = individu("jours_contrat_dans_le_mois", period)
        mois_complet = jours == period.days
        fraction = individu("fraction_mois_remunere", period)
        remuneration = individu("assiette_cotisations_sociales", period)
        remuneration_mois_entier = numpy.divide(
            remuneration, fraction, out=numpy.zeros_like(remuneration), where=fraction > 0
        )
        forfait_jours = individu("forfait_jours_annuel", period)
        type_ = individu("type_remuneration", period)
        mois_plein = numpy.select(
            [
                forfait_jours > 0,
                type_ == TypeRemuneration.forfait_annuel_heures,
                type_ == TypeRemuneration.horaire,
            ],
            [
                duree_legale_mois * forfait_jours / jours_forfait,
                semaines_par_mois * individu("duree_moyenne_hebdomadaire_forfait", period),
                individu("quotite_de_travail", period) * duree_collective_mois,
            ],
            numpy.minimum(duree_collective_mois, remuneration_mois_entier / smic),
        )
        return numpy.where(mois_complet, mois_plein, jours * mois_plein / jours_par_mois)

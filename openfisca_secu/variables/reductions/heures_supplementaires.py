"""Heures supplémentaires et complémentaires : réduction de cotisations salariales (L241-17, D241-21, D241-22) et
déduction forfaitaire de cotisations patronales (L241-18, D241-24)."""

import numpy

from openfisca_secu.base import MONTH, Variable, effectif_employeur
from openfisca_secu.briques_revenus import loi_non_connue, neant
from openfisca_secu.entities import entreprise, individu

COTISATIONS_VIEILLESSE_SALARIALES = (
    "vieillesse_plafonnee_salarie",
    "vieillesse_deplafonnee_salarie",
    "agirc_arrco_salarie",
    "contribution_equilibre_general_salarie",
    "contribution_equilibre_technique_salarie",
)


class taux_reduction_salariale_heures_supplementaires(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Taux de la réduction salariale sur les heures supplémentaires et complémentaires"
    reference = "CSS art. D241-21"
    documentation = (
        "Somme des taux des cotisations salariales d'assurance vieillesse légales et conventionnelles obligatoires "
        "effectivement à la charge du salarié (taux effectif du mois : ces cotisations / assiette), au plus 11,31 %."
    )

    # réduction TEPA, abrogée pour les heures faites à partir du 01/09/2012 (loi 2012-958, art. 3)
    formula_2012_01_01 = loi_non_connue(
        "taux_reduction_salariale_heures_supplementaires", "taux de la réduction TEPA non encodé"
    )
    # ni réduction TEPA (abrogée) ni L241-17 (rétabli au 01/01/2019)
    formula_2012_09_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        plafond = parameters(period).reductions.heures_supplementaires.taux_maximal_reduction_salariale
        assiette = individu("assiette_cotisations_sociales", period)
        vieillesse = sum(individu(nom, period) for nom in COTISATIONS_VIEILLESSE_SALARIALES)
        taux = numpy.divide(vieillesse, assiette, out=numpy.zeros_like(assiette), where=assiette > 0)
        return numpy.minimum(taux, plafond)


class reduction_salariale_heures_supplementaires(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réduction de cotisations salariales sur la rémunération des heures supplémentaires et complémentaires"
    reference = "CSS art. L241-17 ; D241-21 et D241-22"
    documentation = (
        "Taux × rémunération des heures, dans la limite des cotisations salariales dues (D241-22), après "
        "l'exonération de l'apprenti."
    )

    # réduction TEPA, abrogée pour les heures faites à partir du 01/09/2012 (loi 2012-958, art. 3)
    formula_2012_01_01 = loi_non_connue(
        "reduction_salariale_heures_supplementaires",
        "réduction de la loi TEPA (L241-17 ancien) non encodée",
        ("remuneration_heures_supplementaires",),
    )
    # ni réduction TEPA (abrogée) ni L241-17 (rétabli au 01/01/2019)
    formula_2012_09_01 = neant

    def formula_2019_01_01(individu, period):
        remuneration = individu("remuneration_heures_supplementaires", period)
        if not remuneration.any():
            return individu.filled_array(0.0)
        reduction = individu("taux_reduction_salariale_heures_supplementaires", period) * remuneration
        # limite : cotisations salariales restant dues, après l'exonération de l'apprenti (L6243-2)
        dues = individu("cotisations_salariales", period) - individu("exoneration_salariale_apprenti", period)
        return numpy.minimum(reduction, dues)


class deduction_forfaitaire_heures_supplementaires(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Déduction forfaitaire de cotisations patronales par heure supplémentaire"
    reference = "CSS art. L241-18 ; D241-24"
    documentation = (
        "1,50 € par heure sous 20 salariés ; 0,50 € au-delà jusqu'en août 2012, puis de 20 à 249 salariés depuis "
        "octobre 2022. Dans la limite des cotisations patronales restant dues après les autres "
        "réductions ; le respect du plafond européen de minimis sur trois exercices reste à la charge de l'employeur."
    )

    def formula(individu, period):
        heures = individu("heures_supplementaires", period)
        if not heures.any():
            return individu.filled_array(0.0)
        effectif_employeur(individu, period)  # erreur claire si l'effectif manque pour un salarié rémunéré
        deduction = individu.entreprise("deduction_forfaitaire_par_heure_supplementaire", period) * heures
        restant = (
            individu("cotisations_employeur", period)
            - individu("reduction_generale", period)
            - individu("exoneration_aide_a_domicile", period)
        )
        return numpy.clip(deduction, 0, numpy.maximum(restant, 0))


class deduction_forfaitaire_par_heure_supplementaire(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Déduction forfaitaire de cotisations patronales par heure supplémentaire, selon l'effectif"
    reference = "CSS art. L241-18 ; D241-24"
    documentation = "Calculée une fois par entreprise, puis lue par chacun de ses salariés."

    def formula(entreprise, period, parameters):
        bareme = parameters(period).reductions.heures_supplementaires.deduction_forfaitaire_par_heure
        return bareme.calc(entreprise("effectif_entreprise", period))

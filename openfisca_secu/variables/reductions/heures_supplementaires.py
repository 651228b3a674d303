"""Heures supplémentaires et complémentaires : réduction de cotisations salariales (L241-17, D241-21, D241-22) et
déduction forfaitaire de cotisations patronales (L241-18, D241-24)."""

import numpy

from openfisca_secu.base import MONTH, Variable, effectif_employeur, montant_du_bareme
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import entreprise, individu

COTISATIONS_VIEILLESSE_SALARIALES = (
    "vieillesse_plafonnee_salarie",
    "vieillesse_deplafonnee_salarie",
    "agirc_arrco_salarie",
    "contribution_equilibre_general_salarie",
    "contribution_equilibre_technique_salarie",
)


def reduction_taux_fois_remuneration(individu, period):
    """Taux × rémunération des heures, dans la limite des cotisations salariales restant dues après l'exonération
    de l'apprenti (L6243-2) : L241-17 dans ses rédactions de 2007 et de 2019."""
    remuneration = individu("remuneration_heures_supplementaires", period)
    if not remuneration.any():
        return individu.filled_array(0.0)
    reduction = individu("taux_reduction_salariale_heures_supplementaires", period) * remuneration
    dues = individu("cotisations_salariales", period) - individu("exoneration_salariale_apprenti", period)
    return numpy.minimum(reduction, dues)


class taux_reduction_salariale_heures_supplementaires(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Taux de la réduction salariale sur les heures supplémentaires et complémentaires"
    reference = "CSS art. D241-21 (décret 2007-1380 ; décret 2019-40)"
    documentation = (
        "Somme des taux des cotisations salariales d'assurance vieillesse légales et conventionnelles obligatoires "
        "effectivement à la charge du salarié (taux effectif du mois : ces cotisations / assiette), au plus 11,31 % "
        "depuis 2019 ; de janvier à août 2012 (loi TEPA), toutes cotisations et contributions salariales "
        "obligatoires, CSG et CRDS comprises, au plus 21,5 %."
    )

    def formula_2012_01_01(individu, period, parameters):
        # TEPA (D241-21, décret 2007-1380) : cotisations et contributions salariales d'origine légale ou
        # conventionnelle rendues obligatoires par la loi, CSG et CRDS comprises, rapportées à la rémunération,
        # au plus 21,5 % ; abrogée pour les heures faites à partir du 01/09/2012 (loi 2012-958, art. 3)
        plafond = parameters(period).reductions.heures_supplementaires.taux_maximal_reduction_salariale
        assiette = individu("assiette_cotisations_sociales", period)
        dues = individu("cotisations_salariales", period) + individu("csg_crds_salarie", period)
        taux = numpy.divide(dues, assiette, out=numpy.zeros_like(assiette), where=assiette > 0)
        return numpy.minimum(taux, plafond)

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
    reference = "CSS art. L241-17 (loi 2007-1223 ; loi 2018-1203 art. 7, loi 2018-1213) ; D241-21 et D241-22"
    documentation = (
        "Taux × rémunération des heures, dans la limite des cotisations salariales dues (D241-22), après "
        "l'exonération de l'apprenti."
    )

    def formula_2012_01_01(individu, period):
        # L241-17 (loi 2007-1223) : taux × rémunération des heures, imputée sur les cotisations salariales dues
        return reduction_taux_fois_remuneration(individu, period)

    # ni réduction TEPA (abrogée) ni L241-17 (rétabli au 01/01/2019)
    formula_2012_09_01 = neant

    def formula_2019_01_01(individu, period):
        return reduction_taux_fois_remuneration(individu, period)


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
        return montant_du_bareme(bareme, entreprise("effectif_entreprise", period))

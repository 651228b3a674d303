"""Cotisation d'allocations familiales (D241-3-1) et son taux réduit (L241-6-1, D241-3-2)."""

import numpy

from openfisca_secu.base import MONTH, Variable, sans_bruit
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import individu


class seuil_taux_reduit_allocations_familiales(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Seuil de rémunération du mois en deçà duquel le taux réduit d'allocations familiales s'applique"
    reference = "CSS art. L241-6-1 ; D241-3-2"

    # taux réduit créé au 01/01/2015 (L241-6-1) : seuil nul, aucun taux réduit
    formula_2012_01_01 = neant

    def formula_2015_01_01(individu, period, parameters):
        # 1,6 SMIC (2015), puis 3,5 SMIC en vigueur à partir du 01/04/2016
        p = parameters(period).cotisations.allocations_familiales.seuil_taux_reduit
        return sans_bruit(p.multiple_smic * individu("smic_mensuel_reference", period))

    def formula_2024_01_01(individu, period, parameters):
        # max(3,5 × SMIC au 31/12/2023 ; 2 × SMIC en vigueur), chacun selon D241-7 II à IV (D241-3-2)
        p = parameters(period).cotisations.allocations_familiales.seuil_taux_reduit
        heures = individu("heures_reference_smic", period)
        return sans_bruit(
            numpy.maximum(
                p.multiple_smic * p.smic_horaire_reference * heures,
                p.multiple_smic_courant * individu("smic_mensuel_reference", period),
            )
        )

    def formula_2025_01_01(individu, period, parameters):
        # 3,3 × SMIC au 01/01/2025 (décret 2025-318) ; 2026 : 3,5 × SMIC au 31/12/2023 (LODEOM)
        p = parameters(period).cotisations.allocations_familiales.seuil_taux_reduit
        return sans_bruit(p.multiple_smic * p.smic_horaire_reference * individu("heures_reference_smic", period))


class allocations_familiales_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale d'allocations familiales"
    reference = "CSS art. D241-3-1 ; L241-6-1"

    def formula_2012_01_01(individu, period, parameters):
        taux = parameters(period).cotisations.allocations_familiales.taux
        return taux * individu("assiette_cotisations_sociales", period)

    def formula_2015_01_01(individu, period, parameters):
        p = parameters(period).cotisations.allocations_familiales
        assiette = individu("assiette_cotisations_sociales", period)
        # taux réduit si la rémunération n'excède pas le seuil (≤), pour les employeurs du champ de L241-13 II
        reduit = individu.etablissement("employeur_champ_allegements_generaux", period) & (
            assiette <= individu("seuil_taux_reduit_allocations_familiales", period)
        )
        return numpy.where(reduit, p.taux_reduit, p.taux) * assiette

    def formula_2026_01_01(individu, period, parameters):
        # taux réduit réservé aux employeurs LODEOM (L241-6-1 modifié par la LFSS 2025, art. 18)
        p = parameters(period).cotisations.allocations_familiales
        assiette = individu("assiette_cotisations_sociales", period)
        reduit = individu.etablissement("employeur_lodeom", period) & (
            assiette <= individu("seuil_taux_reduit_allocations_familiales", period)
        )
        return numpy.where(reduit, p.taux_reduit, p.taux) * assiette

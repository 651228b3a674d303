"""Assurance maladie, maternité, invalidité, décès (D242-3), taux réduit employeur (L241-2-1, D241-1-2) et
régime local d'Alsace-Moselle (L242-13)."""

import numpy

from openfisca_secu.base import MONTH, Variable, sans_bruit
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import individu
from openfisca_secu.validation import EntreeInvalide


class seuil_taux_reduit_maladie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Seuil de rémunération du mois en deçà duquel le taux réduit maladie s'applique"
    reference = "CSS art. L241-2-1 ; D241-1-2"

    # taux réduit créé au 01/01/2019 (L241-2-1) : seuil nul, aucun taux réduit
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        # 2,5 SMIC en vigueur (L241-2-1 dans sa rédaction de la LFSS 2018)
        p = parameters(period).cotisations.maladie.employeur.seuil_taux_reduit
        return sans_bruit(p.multiple_smic * individu("smic_mensuel_reference", period))

    def formula_2024_01_01(individu, period, parameters):
        # max(2,5 × SMIC au 31/12/2023 ; 2 × SMIC en vigueur), chacun calculé selon D241-7 II à IV (D241-1-2)
        p = parameters(period).cotisations.maladie.employeur.seuil_taux_reduit
        heures = individu("heures_reference_smic", period)
        return sans_bruit(
            numpy.maximum(
                p.multiple_smic * p.smic_horaire_reference * heures,
                p.multiple_smic_courant * individu("smic_mensuel_reference", period),
            )
        )

    def formula_2025_01_01(individu, period, parameters):
        # 2,25 × SMIC au 01/01/2025 (décret 2025-318) ; 2026 : 2,5 × SMIC au 31/12/2023 (LODEOM)
        p = parameters(period).cotisations.maladie.employeur.seuil_taux_reduit
        return sans_bruit(p.multiple_smic * p.smic_horaire_reference * individu("heures_reference_smic", period))


class maladie_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale d'assurance maladie, maternité, invalidité, décès"
    reference = "CSS art. D242-3 ; L241-2-1"

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).cotisations.maladie.employeur
        return p.taux * individu("assiette_cotisations_sociales", period)

    def formula_2019_01_01(individu, period, parameters):
        p = parameters(period).cotisations.maladie.employeur
        assiette = individu("assiette_cotisations_sociales", period)
        # taux réduit si la rémunération n'excède pas le seuil (≤), pour les employeurs du champ de L241-13 II
        reduit = individu.etablissement("employeur_champ_allegements_generaux", period) & (
            assiette <= individu("seuil_taux_reduit_maladie", period)
        )
        return numpy.where(reduit, p.taux_reduit, p.taux) * assiette

    def formula_2026_01_01(individu, period, parameters):
        # taux réduit réservé aux employeurs LODEOM (L241-2-1 modifié par la LFSS 2025, art. 18)
        p = parameters(period).cotisations.maladie.employeur
        assiette = individu("assiette_cotisations_sociales", period)
        reduit = individu.etablissement("employeur_lodeom", period) & (
            assiette <= individu("seuil_taux_reduit_maladie", period)
        )
        return numpy.where(reduit, p.taux_reduit, p.taux) * assiette


class maladie_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale d'assurance maladie, maternité, invalidité, décès"
    reference = "CSS art. D242-3"

    def formula(individu, period, parameters):
        # Le taux des personnes relevant de L131-9 n'est donné qu'à partir de mars 2018 : pas de taux inventé avant.
        l131_9 = individu("relevant_l131_9", period)
        if l131_9.any():
            rang = int(numpy.flatnonzero(l131_9)[0])
            raise EntreeInvalide(
                ["individus", rang, "relevant_l131_9", str(period)],
                f"relevant_l131_9 vrai pour l'individu n° {rang} en {period} : le taux salarial maladie des personnes "
                "relevant de L131-9 n'est connu qu'à partir de 2018-03 (CSS art. D242-3, décret 2018-162).",
            )
        return parameters(period).cotisations.maladie.salarie.taux * individu("assiette_cotisations_sociales", period)

    def formula_2018_03_01(individu, period, parameters):
        p = parameters(period).cotisations.maladie.salarie
        taux = numpy.where(individu("relevant_l131_9", period), p.taux_l131_9, p.taux)
        return taux * individu("assiette_cotisations_sociales", period)


class maladie_alsace_moselle_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale au régime local d'assurance maladie d'Alsace-Moselle"
    reference = "CSS art. L242-13 ; D242-18"

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.maladie.alsace_moselle.taux_salarie
        alsace_moselle = individu.etablissement("regime_alsace_moselle", period)
        return alsace_moselle * taux * individu("assiette_cotisations_sociales", period)

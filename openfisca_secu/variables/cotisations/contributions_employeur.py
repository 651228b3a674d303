"""Contributions patronales assises sur les salaires : FNAL, solidarité autonomie, dialogue social, versement
mobilité, formation professionnelle, taxe d'apprentissage et contribution supplémentaire à l'apprentissage."""

import numpy

from openfisca_secu.base import MONTH, Variable, effectif_employeur, montant_du_bareme, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import entreprise, individu


class fnal_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution au Fonds national d'aide au logement"
    reference = "CSS art. L834-1 ; CCH art. L813-4 et L813-5"
    documentation = "0,10 % dans la limite du plafond sous le seuil d'effectif (20, puis 50 en 2020), 0,50 % au-delà."

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.fnal
        petite = effectif_employeur(individu, period) < p.seuil_effectif
        return petite * p.taux_moins_seuil * individu("assiette_sous_1_plafond", period) + (
            ~petite
        ) * p.taux_seuil_et_plus * individu("assiette_cotisations_sociales", period)


class contribution_solidarite_autonomie_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution solidarité autonomie"
    reference = "Code de l'action sociale et des familles, art. L14-10-4 1°"

    def formula(individu, period, parameters):
        taux = parameters(period).cotisations.contribution_solidarite_autonomie.taux
        return taux * individu("assiette_cotisations_sociales", period)


class contribution_dialogue_social_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution patronale au financement des organisations syndicales (dialogue social)"
    reference = "Code du travail, art. L2135-10"

    # contribution due depuis le 01/01/2015 (loi 2014-288, L2135-10)
    formula_2012_01_01 = neant

    def formula_2015_01_01(individu, period, parameters):
        taux = parameters(period).cotisations.contribution_dialogue_social.taux
        return taux * individu("assiette_cotisations_sociales", period)


class versement_mobilite_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Versement mobilité (ex-versement transport)"
    reference = "Code général des collectivités territoriales, art. L2333-64 et L2333-67"
    documentation = (
        "Taux de l'autorité organisatrice du lieu de travail, dû à partir du seuil d'effectif (11 depuis 2016)."
    )

    def formula(individu, period, parameters):
        seuil = parameters(period).cotisations.versement_mobilite.seuil_effectif
        assujetti = effectif_employeur(individu, period) >= seuil
        taux = individu.etablissement("taux_versement_mobilite", period)
        return assujetti * taux * individu("assiette_cotisations_sociales", period)


class contrat_a_duree_determinee(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Salarié titulaire d'un contrat à durée déterminée"
    reference = "Code du travail, art. L1242-1 ; L6331-6"


class formation_professionnelle_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution à la formation professionnelle (et CPF-CDD pour les CDD)"
    reference = "Code du travail, art. L6131-2, L6331-1, L6331-3 et L6331-6"

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.formation_professionnelle
        effectif_employeur(individu, period)  # erreur claire si l'effectif manque pour un salarié rémunéré
        taux = individu.entreprise("taux_formation_professionnelle", period)
        taux = taux + individu("contrat_a_duree_determinee", period) * p.taux_cdd
        return taux * individu("assiette_cotisations_sociales", period)


class taux_formation_professionnelle(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "/1"
    label = "Taux de la contribution à la formation professionnelle selon l'effectif de l'entreprise (hors CPF-CDD)"
    reference = "Code du travail, art. L6131-2 et L6331-1 à L6331-3"
    documentation = "Calculé une fois par entreprise, puis lu par chacun de ses salariés."

    def formula(entreprise, period, parameters):
        bareme = parameters(period).cotisations.formation_professionnelle.taux_par_effectif
        return montant_du_bareme(bareme, entreprise("effectif_entreprise", period))


class taxe_apprentissage_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Taxe d'apprentissage (contribution au développement de l'apprentissage comprise avant 2014)"
    reference = "Code du travail, art. L6241-1 et L6241-1-1 ; CGI art. 1599 ter A"

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.taxe_apprentissage
        alsace_moselle = individu.etablissement("regime_alsace_moselle", period)
        taux = numpy.where(alsace_moselle, p.taux_alsace_moselle, p.taux)
        return taux * individu("assiette_cotisations_sociales", period)


class part_alternants(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Part des alternants (apprentis, contrats de professionnalisation...) dans l'effectif annuel moyen"
    reference = "Code du travail, art. L6242-1 II ; CGI art. 1609 quinvicies II"
    documentation = "0 par défaut : une entreprise d'au moins 250 salariés sans alternant paie le taux le plus élevé."


class contribution_supplementaire_apprentissage_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution supplémentaire à l'apprentissage (entreprises d'au moins 250 salariés)"
    reference = "Code du travail, art. L6242-1 ; CGI art. 1609 quinvicies"

    def formula(individu, period, parameters):
        p = parameters(period).cotisations.taxe_apprentissage.contribution_supplementaire
        effectif_employeur(individu, period)  # erreur claire si l'effectif manque pour un salarié rémunéré
        taux = individu.entreprise("taux_contribution_supplementaire_apprentissage", period)
        alsace_moselle = individu.etablissement("regime_alsace_moselle", period)
        taux = numpy.where(alsace_moselle, taux * p.multiplicateur_alsace_moselle, taux)
        return taux * individu("assiette_cotisations_sociales", period)


class taux_contribution_supplementaire_apprentissage(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "/1"
    label = "Taux de la contribution supplémentaire à l'apprentissage de l'entreprise (hors Alsace-Moselle)"
    reference = "Code du travail, art. L6242-1 ; CGI art. 1609 quinvicies"
    documentation = (
        "Selon la part des alternants, majoré sous la part minimale dans les plus grandes entreprises ; nul sous "
        "le seuil d'effectif. Calculé une fois par entreprise, puis lu par chacun de ses salariés."
    )

    def formula(entreprise, period, parameters):
        p = parameters(period).cotisations.taxe_apprentissage.contribution_supplementaire
        effectif = entreprise("effectif_entreprise", period)
        part = entreprise("part_alternants", period)
        taux = montant_du_bareme(p.taux_par_part_alternants, part)
        majore = (effectif >= p.seuil_effectif_majore) & (part < p.part_alternants_taux_majore)
        return (effectif >= p.seuil_effectif) * numpy.where(majore, p.taux_majore, taux)

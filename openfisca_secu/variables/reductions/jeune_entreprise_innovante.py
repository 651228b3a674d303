"""Jeune entreprise innovante : exonération des cotisations patronales d'assurances sociales et d'allocations
familiales (loi n° 2003-1311 de finances pour 2004, art. 131 ; statut de l'entreprise : CGI art. 44 sexies-0 A).

Depuis 2014 : pour le personnel éligible (chercheurs, techniciens, gestionnaires de projets de recherche et de
développement, juristes de la propriété industrielle, personnel des essais préconcurrentiels, mandataires sociaux qui
y participent), exonération des cotisations dues sur la part de la rémunération n'excédant pas 4,5 fois le SMIC du
mois, dans la limite par établissement et par année civile de cinq fois le plafond annuel de la sécurité sociale.
Non cumulable avec la réduction générale ni avec une autre exonération patronale.

Non modélisé, avec une erreur qui nomme l'entrée : avant 2014 (dégressivité de 2011 à 2013). Le statut (âge de
l'entreprise, dépenses de recherche, indépendance, effectif, chiffre d'affaires) est une entrée.
"""

import numpy

from openfisca_secu.base import ADD, MONTH, Variable, annee_jusqu_au_mois, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import loi_non_connue
from openfisca_secu.entities import entreprise, individu
from openfisca_secu.validation import EntreeInvalide
from openfisca_secu.variables.reductions.aide_a_domicile import COTISATIONS_ASSURANCES_SOCIALES_ET_FAMILLE

COTISATIONS_PLAFONNEES = ("vieillesse_plafonnee_employeur",)


class jeune_entreprise_innovante(Variable):
    value_type = bool
    entity = entreprise
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Entreprise ayant le statut de jeune entreprise innovante (CGI art. 44 sexies-0 A) pour le mois"
    reference = "CGI art. 44 sexies-0 A ; loi n° 2003-1311, art. 131"


class salarie_eligible_jei(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Salarié ou mandataire éligible à l'exonération JEI (personnel de recherche et développement)"
    reference = "Loi n° 2003-1311, art. 131 I"


class jei_eligible(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Salarié ouvrant droit à l'exonération jeune entreprise innovante"
    reference = "Loi n° 2003-1311, art. 131"

    def formula(individu, period):
        eligible = individu.entreprise("jeune_entreprise_innovante", period) & individu("salarie_eligible_jei", period)
        double = eligible & individu("lodeom_eligible", period)
        if double.any():
            rang = int(numpy.flatnonzero(double)[0])
            raise EntreeInvalide(
                ["individus", rang, "salarie_eligible_jei", str(period)],
                f"salarie_eligible_jei vrai pour le salarié n° {rang} en {period}, qui ouvre aussi droit à "
                "l'exonération LODEOM : les deux exonérations ne se cumulent pas (loi n° 2003-1311, art. 131) ; "
                "choisissez-en une.",
            )
        return eligible


class exoneration_jei_avant_plafond_etablissement(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération JEI du salarié avant le plafond annuel de l'établissement"
    reference = "Loi n° 2003-1311, art. 131 I"
    documentation = (
        "Cotisations patronales maladie, vieillesse et allocations familiales dues sur la part de la rémunération "
        "n'excédant pas 4,5 fois le SMIC du mois (SMIC horaire × heures de référence, D241-7 II à IV)."
    )

    # dégressivité et plafonds de 2011 à 2013 non modélisés (comme exoneration_jei)
    formula_2012_01_01 = loi_non_connue(
        "exoneration_jei_avant_plafond_etablissement",
        "l'exonération JEI n'est calculée que depuis 2014",
        ("jei_eligible",),
    )

    def formula_2014_01_01(individu, period, parameters):
        eligible = individu("jei_eligible", period)
        if not eligible.any():
            return individu.filled_array(0.0)
        p = parameters(period).reductions.jeune_entreprise_innovante
        plafond = p.plafond_remuneration_smic * individu("smic_mensuel_reference", period)
        assiette = individu("assiette_cotisations_sociales", period)
        sous_plafond = individu("assiette_sous_1_plafond", period)
        part = numpy.divide(plafond, assiette, out=numpy.ones_like(assiette), where=assiette > 0)
        part_plafonnee = numpy.divide(plafond, sous_plafond, out=numpy.ones_like(assiette), where=sous_plafond > 0)
        plafonnees = sum(individu(nom, period) for nom in COTISATIONS_PLAFONNEES)
        autres = sum(
            individu(nom, period)
            for nom in COTISATIONS_ASSURANCES_SOCIALES_ET_FAMILLE
            if nom not in COTISATIONS_PLAFONNEES
        )
        exoneration = autres * numpy.minimum(part, 1) + plafonnees * numpy.minimum(part_plafonnee, 1)
        return eligible * exoneration


class exoneration_jei(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération jeune entreprise innovante imputée sur les cotisations du mois"
    reference = "Loi n° 2003-1311, art. 131 ; CGI art. 44 sexies-0 A"
    documentation = (
        "Plafond par établissement et par année civile (5 PASS) appliqué au cumul depuis janvier : l'établissement "
        "exonère le mois au plus ce qui reste sous le plafond, réparti entre les salariés au prorata de leur "
        "exonération du mois."
    )

    def formula_2004_01_01(individu, period):
        concerne = individu("jei_eligible", period)
        if concerne.any():
            rang = int(numpy.flatnonzero(concerne)[0])
            raise EntreeInvalide(
                ["entreprises", "*", "jeune_entreprise_innovante", str(period)],
                f"jeune_entreprise_innovante et salarie_eligible_jei renseignés pour le salarié n° {rang} en "
                f"{period} : l'exonération JEI n'est calculée que depuis 2014 (dégressivité et plafonds antérieurs non "
                "modélisés).",
            )
        return individu.filled_array(0.0)

    def formula_2014_01_01(individu, period, parameters):
        du_mois = individu("exoneration_jei_avant_plafond_etablissement", period)
        if not du_mois.any():
            return du_mois
        plafond = parameters(period).reductions.jeune_entreprise_innovante.plafond_annuel_etablissement * individu(
            "plafond_securite_sociale_annuel", period
        )
        cumul = individu("exoneration_jei_avant_plafond_etablissement", annee_jusqu_au_mois(period), options=[ADD])
        # sommes sur l'établissement, lues par chacun de ses salariés
        cumul_etablissement = individu.etablissement.sum(cumul)
        mois_etablissement = individu.etablissement.sum(du_mois)
        accorde = numpy.minimum(cumul_etablissement, plafond) - numpy.minimum(
            cumul_etablissement - mois_etablissement, plafond
        )
        part = numpy.divide(du_mois, mois_etablissement, out=numpy.zeros_like(du_mois), where=mois_etablissement > 0)
        return part * accorde

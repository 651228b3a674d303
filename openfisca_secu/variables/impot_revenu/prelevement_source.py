"""Prélèvement à la source de l'impôt sur le revenu sur le salaire (CGI art. 204 A, 204 F, 204 H), depuis 2019."""

import numpy

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import individu
from openfisca_secu.validation import EntreeInvalide


class taux_prelevement_source(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    default_value = -1
    unit = "/1"
    label = "Taux personnalisé ou individualisé de prélèvement à la source transmis à l'employeur (-1 : aucun)"
    reference = "CGI art. 204 H I et II, 204 M"


class taux_prelevement_source_applique(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Taux de prélèvement à la source appliqué : le taux transmis, sinon celui de la grille du taux neutre"
    reference = "CGI art. 204 H III"
    documentation = (
        "Grille de métropole selon le salaire net imposable du mois. Une année dont la grille n'est pas confirmée "
        "(2020, 2021) ou un salarié domicilié outre-mer (grilles propres) exige un taux transmis."
    )

    # prélèvement à la source depuis le 01/01/2019 (CGI art. 204 A)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        p = parameters(period).impot_revenu.prelevement_source
        transmis = individu("taux_prelevement_source", period)
        sans_taux = transmis < 0
        outre_mer = sans_taux & individu("domicile_departement_outre_mer", period.this_year)
        if outre_mer.any():
            rang = int(numpy.flatnonzero(outre_mer)[0])
            raise EntreeInvalide(
                ["individus", rang, "taux_prelevement_source", str(period)],
                f"taux_prelevement_source manquant pour {period} : le salarié n° {rang} est domicilié outre-mer, "
                "dont les grilles du taux neutre (CGI art. 204 H III 1 b et c) ne sont pas décrites ; donnez son taux.",
            )
        if sans_taux.any() and not p.grille_confirmee:
            rang = int(numpy.flatnonzero(sans_taux)[0])
            raise EntreeInvalide(
                ["individus", rang, "taux_prelevement_source", str(period)],
                f"taux_prelevement_source manquant pour {period} : la grille du taux neutre de {period.start.year} "
                "(CGI art. 204 H III) n'est pas confirmée par les sources du projet ; donnez le taux du salarié "
                f"n° {rang}.",
            )
        grille = p.bareme_taux_neutre.calc(individu("salaire_imposable", period))
        return numpy.where(sans_taux, grille, transmis)


class impot_preleve_a_la_source(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Impôt sur le revenu prélevé à la source"
    reference = "CGI art. 204 A 1° et 204 F"

    # prélèvement à la source depuis le 01/01/2019 (CGI art. 204 A)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period):
        return individu("taux_prelevement_source_applique", period) * individu("salaire_imposable", period)


class net_paye(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Net payé : net à payer avant impôt moins l'impôt prélevé à la source"
    reference = "Code du travail, art. R3243-1 ; CGI art. 204 A"

    def formula(individu, period):
        return individu("net_a_payer_avant_impot", period) - individu("impot_preleve_a_la_source", period)

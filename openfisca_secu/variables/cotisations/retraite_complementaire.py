"""Retraite complémentaire des salariés du privé : AGIRC-ARRCO, CEG et CET depuis 2019 ; ARRCO, AGIRC, AGFF et CET
de 2012 à 2018 ; APEC des cadres. Tranches calculées sur le plafond du salarié (CSS art. L921-4)."""

import numpy

from openfisca_secu.base import MONTH, Variable, part_sous_plafonds
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import individu
from openfisca_secu.enumerations import CategorieSalarie


def _tranches_1_et_2(individu, period, bareme, payeur):
    """Taux de tranche 1 × T1 + taux de tranche 2 × T2 (T2 : de 1 à 8 plafonds)."""
    tranche_1 = individu("assiette_sous_1_plafond", period)
    tranche_2 = individu("assiette_sous_8_plafonds", period) - tranche_1
    return bareme.tranche_1[payeur] * tranche_1 + bareme.tranche_2[payeur] * tranche_2


def _est_cadre(individu, period):
    return individu("categorie_salarie", period) == CategorieSalarie.cadre


class agirc_arrco_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale de retraite complémentaire AGIRC-ARRCO (tranches 1 et 2)"
    reference = "ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    # régime unifié créé au 01/01/2019 (ANI du 17/11/2017)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        bareme = parameters(period).cotisations.retraite_complementaire.agirc_arrco
        return _tranches_1_et_2(individu, period, bareme, "employeur")


class agirc_arrco_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale de retraite complémentaire AGIRC-ARRCO (tranches 1 et 2)"
    reference = "ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    # régime unifié créé au 01/01/2019 (ANI du 17/11/2017)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        bareme = parameters(period).cotisations.retraite_complementaire.agirc_arrco
        return _tranches_1_et_2(individu, period, bareme, "salarie")


class contribution_equilibre_general_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution d'équilibre général (CEG), part patronale"
    reference = "ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    # CEG créée au 01/01/2019 (ANI du 17/11/2017)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        bareme = parameters(period).cotisations.retraite_complementaire.contribution_equilibre_general
        return _tranches_1_et_2(individu, period, bareme, "employeur")


class contribution_equilibre_general_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution d'équilibre général (CEG), part salariale"
    reference = "ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    # CEG créée au 01/01/2019 (ANI du 17/11/2017)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        bareme = parameters(period).cotisations.retraite_complementaire.contribution_equilibre_general
        return _tranches_1_et_2(individu, period, bareme, "salarie")


def _cet_cadres(individu, period, parameters, payeur):
    """2012-2018 : CET des cadres sur les tranches A à C."""
    taux = parameters(period).cotisations.retraite_complementaire.contribution_equilibre_technique[payeur]
    return _est_cadre(individu, period) * taux * individu("assiette_sous_8_plafonds", period)


def _cet_au_dela_du_plafond(individu, period, parameters, payeur):
    """Depuis 2019 : CET sur les tranches 1 et 2 des salariés dont la rémunération du mois dépasse le plafond."""
    taux = parameters(period).cotisations.retraite_complementaire.contribution_equilibre_technique[payeur]
    depasse = individu("assiette_cotisations_sociales", period) > individu("plafond_securite_sociale", period)
    return depasse * taux * individu("assiette_sous_8_plafonds", period)


class contribution_equilibre_technique_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution d'équilibre technique (CET), part patronale"
    reference = "ANI AGIRC-ARRCO du 17/11/2017 ; accord AGIRC du 25/04/1996"

    def formula_2012_01_01(individu, period, parameters):
        return _cet_cadres(individu, period, parameters, "employeur")

    def formula_2019_01_01(individu, period, parameters):
        return _cet_au_dela_du_plafond(individu, period, parameters, "employeur")


class contribution_equilibre_technique_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Contribution d'équilibre technique (CET), part salariale"
    reference = "ANI AGIRC-ARRCO du 17/11/2017 ; accord AGIRC du 25/04/1996"

    def formula_2012_01_01(individu, period, parameters):
        return _cet_cadres(individu, period, parameters, "salarie")

    def formula_2019_01_01(individu, period, parameters):
        return _cet_au_dela_du_plafond(individu, period, parameters, "salarie")


def _apec(individu, period, parameters, payeur):
    p = parameters(period).cotisations.retraite_complementaire.apec
    return _est_cadre(individu, period) * p[payeur] * individu("assiette_sous_4_plafonds", period)


class apec_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale à l'Association pour l'emploi des cadres (cadres, 4 plafonds)"
    reference = "ANI du 12/07/2011 relatif à l'APEC"

    def formula(individu, period, parameters):
        return _apec(individu, period, parameters, "employeur")


class apec_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale à l'Association pour l'emploi des cadres (cadres, 4 plafonds)"
    reference = "ANI du 12/07/2011 relatif à l'APEC"

    def formula(individu, period, parameters):
        return _apec(individu, period, parameters, "salarie")


def _arrco(individu, period, parameters, payeur):
    """ARRCO : tranche 1 pour tous, tranche 2 (1 à 3 plafonds) pour les non-cadres."""
    p = parameters(period).cotisations.retraite_complementaire.arrco
    tranche_1 = individu("assiette_sous_1_plafond", period)
    tranche_2 = (~_est_cadre(individu, period)) * (individu("assiette_sous_3_plafonds", period) - tranche_1)
    return p.tranche_1[payeur] * tranche_1 + p.tranche_2[payeur] * tranche_2


def _agirc(individu, period, parameters, payeur):
    """AGIRC : tranches B et C des cadres (1 à 8 plafonds)."""
    p = parameters(period).cotisations.retraite_complementaire.agirc
    tranches_b_c = individu("assiette_sous_8_plafonds", period) - individu("assiette_sous_1_plafond", period)
    return _est_cadre(individu, period) * p.tranche_b[payeur] * tranches_b_c


def _agff(individu, period, parameters, payeur):
    """AGFF : tranche 1 / A pour tous ; tranche 2 (1 à 3 plafonds) des non-cadres ; tranche B (puis B et C depuis
    2016) des cadres."""
    rc = parameters(period).cotisations.retraite_complementaire
    cadre = _est_cadre(individu, period)
    tranche_1 = individu("assiette_sous_1_plafond", period)
    limite_cadres = part_sous_plafonds(individu, period, rc.agff.plafond_cadres_pss)
    tranche_2 = numpy.where(cadre, limite_cadres, individu("assiette_sous_3_plafonds", period)) - tranche_1
    return rc.agff.tranche_1[payeur] * tranche_1 + rc.agff.tranche_2[payeur] * tranche_2


class arrco_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale ARRCO (jusqu'en 2018)"
    reference = "Accord ARRCO du 08/12/1961"

    # ARRCO fusionnée dans AGIRC-ARRCO au 01/01/2019 (ANI du 17/11/2017)
    formula_2019_01_01 = neant

    def formula_2012_01_01(individu, period, parameters):
        return _arrco(individu, period, parameters, "employeur")


class arrco_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale ARRCO (jusqu'en 2018)"
    reference = "Accord ARRCO du 08/12/1961"

    # ARRCO fusionnée dans AGIRC-ARRCO au 01/01/2019 (ANI du 17/11/2017)
    formula_2019_01_01 = neant

    def formula_2012_01_01(individu, period, parameters):
        return _arrco(individu, period, parameters, "salarie")


class agirc_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale AGIRC des cadres (jusqu'en 2018)"
    reference = "Convention AGIRC du 14/03/1947"

    # AGIRC fusionnée dans AGIRC-ARRCO au 01/01/2019 (ANI du 17/11/2017)
    formula_2019_01_01 = neant

    def formula_2012_01_01(individu, period, parameters):
        return _agirc(individu, period, parameters, "employeur")


class agirc_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale AGIRC des cadres (jusqu'en 2018)"
    reference = "Convention AGIRC du 14/03/1947"

    # AGIRC fusionnée dans AGIRC-ARRCO au 01/01/2019 (ANI du 17/11/2017)
    formula_2019_01_01 = neant

    def formula_2012_01_01(individu, period, parameters):
        return _agirc(individu, period, parameters, "salarie")


class agff_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation patronale AGFF (jusqu'en 2018)"
    reference = "Accord AGFF du 10/02/2001 et avenants"

    # AGFF supprimée au 01/01/2019 (ANI AGIRC-ARRCO du 17/11/2017)
    formula_2019_01_01 = neant

    def formula_2012_01_01(individu, period, parameters):
        return _agff(individu, period, parameters, "employeur")


class agff_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisation salariale AGFF (jusqu'en 2018)"
    reference = "Accord AGFF du 10/02/2001 et avenants"

    # AGFF supprimée au 01/01/2019 (ANI AGIRC-ARRCO du 17/11/2017)
    formula_2019_01_01 = neant

    def formula_2012_01_01(individu, period, parameters):
        return _agff(individu, period, parameters, "salarie")

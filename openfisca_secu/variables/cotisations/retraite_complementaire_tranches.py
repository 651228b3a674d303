"""Retraite complémentaire par tranche, pour les lignes « Complémentaire Tranche 1 » et « Tranche 2 » du bulletin
clarifié (arrêté du 25 février 2016) : toutes les contributions de retraite complémentaire sur la tranche 1 (ARRCO,
AGFF et CET jusqu'en 2018 ; AGIRC-ARRCO, CEG et CET depuis 2019), le reste sur la tranche 2."""

from openfisca_secu.base import MONTH, Variable, sans_bruit, somme_des_lignes
from openfisca_secu.entities import individu
from openfisca_secu.enumerations import CategorieSalarie

COTISATIONS_RETRAITE_COMPLEMENTAIRE = {
    payeur: tuple(
        f"{nom}_{payeur}"
        for nom in (
            "agirc_arrco",
            "contribution_equilibre_general",
            "contribution_equilibre_technique",
            "arrco",
            "agirc",
            "agff",
        )
    )
    for payeur in ("salarie", "employeur")
}


def _tranche_1_2012(individu, period, parameters, payeur):
    rc = parameters(period).cotisations.retraite_complementaire
    cadre = individu("categorie_salarie", period) == CategorieSalarie.cadre
    taux = rc.arrco.tranche_1[payeur] + rc.agff.tranche_1[payeur] + cadre * rc.contribution_equilibre_technique[payeur]
    return taux * individu("assiette_sous_1_plafond", period)


def _tranche_1_2019(individu, period, parameters, payeur):
    rc = parameters(period).cotisations.retraite_complementaire
    depasse = individu("assiette_cotisations_sociales", period) > individu("plafond_securite_sociale", period)
    taux = (
        rc.agirc_arrco.tranche_1[payeur]
        + rc.contribution_equilibre_general.tranche_1[payeur]
        + depasse * rc.contribution_equilibre_technique[payeur]
    )
    return taux * individu("assiette_sous_1_plafond", period)


def _tranche_2(individu, period, payeur):
    total = somme_des_lignes(individu, period, COTISATIONS_RETRAITE_COMPLEMENTAIRE[payeur])
    return sans_bruit(total - individu(f"retraite_complementaire_tranche_1_{payeur}", period))


class retraite_complementaire_tranche_1_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Retraite complémentaire, tranche 1, part salariale (ARRCO, AGFF, CET ; puis AGIRC-ARRCO, CEG, CET)"
    reference = "Accord ARRCO du 08/12/1961 ; accord AGFF ; ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    def formula_2012_01_01(individu, period, parameters):
        return _tranche_1_2012(individu, period, parameters, "salarie")

    def formula_2019_01_01(individu, period, parameters):
        return _tranche_1_2019(individu, period, parameters, "salarie")


class retraite_complementaire_tranche_1_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Retraite complémentaire, tranche 1, part patronale (ARRCO, AGFF, CET ; puis AGIRC-ARRCO, CEG, CET)"
    reference = "Accord ARRCO du 08/12/1961 ; accord AGFF ; ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    def formula_2012_01_01(individu, period, parameters):
        return _tranche_1_2012(individu, period, parameters, "employeur")

    def formula_2019_01_01(individu, period, parameters):
        return _tranche_1_2019(individu, period, parameters, "employeur")


class retraite_complementaire_tranche_2_salarie(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Retraite complémentaire, tranche 2, part salariale (toutes les contributions hors tranche 1)"
    reference = "Accords ARRCO, AGIRC et AGFF ; ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    def formula(individu, period):
        return _tranche_2(individu, period, "salarie")


class retraite_complementaire_tranche_2_employeur(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Retraite complémentaire, tranche 2, part patronale (toutes les contributions hors tranche 1)"
    reference = "Accords ARRCO, AGIRC et AGFF ; ANI AGIRC-ARRCO du 17/11/2017, art. 36 et 38"

    def formula(individu, period):
        return _tranche_2(individu, period, "employeur")

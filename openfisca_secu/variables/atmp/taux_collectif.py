"""Taux brut et taux net collectifs (D242-6-4 al. 1, D242-6-11, D242-6-23 ; Haut-Rhin, Bas-Rhin et Moselle : D242-32,
D242-35).

Le taux net collectif est celui publié pour le code risque de l'établissement (annexe 1 de l'arrêté annuel, annexe 3
en Alsace-Moselle) quand les paramètres le connaissent ; un taux brut collectif donné en entrée le remplace, augmenté
des majorations. Élèves et étudiants : taux brut × (1 + M2), seule la majoration M2 est incorporée (D242-6-23).
Charge partielle : le taux publié ne vaut pas (il couvre toute la réparation) ; le taux brut collectif est requis.
"""

import numpy

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.entities import etablissement
from openfisca_secu.validation import EntreeInvalide
from openfisca_secu.variables.atmp.outils import (
    parametres_du_tarif,
    premier,
    taux_net,
    valeurs_par_code_risque,
    verifier_positif,
)


class taux_brut_collectif_atmp(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux brut collectif de la catégorie de risque de l'établissement (entrée)"
    reference = "CSS art. D242-6-4 al. 1, D242-6-11 al. 2 ; D242-32 al. 1"
    documentation = (
        "Fraction. Donné, il remplace le taux net collectif publié : taux net = (brut + M1) × (1 + M2) + M3 + M4."
    )


class taux_net_collectif_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux net collectif de l'activité de l'établissement"
    reference = "CSS art. D242-6-11, D242-6-23 ; Haut-Rhin, Bas-Rhin et Moselle : D242-35"
    documentation = "NaN si le code risque n'est pas dans les paramètres de l'année et qu'aucun taux brut n'est donné."

    def formula(etablissement, period, parameters):
        publies = parametres_du_tarif(parameters, period).taux_nets_collectifs
        code = etablissement("code_risque_atmp", period)
        alsace_moselle = etablissement("regime_alsace_moselle", period.first_month)
        publie = valeurs_par_code_risque(publies.general, code)
        if alsace_moselle.any():
            publie = numpy.where(alsace_moselle, valeurs_par_code_risque(publies.alsace_moselle, code), publie)
        eleves = etablissement("eleves_etudiants_atmp", period)
        partielle = etablissement("charge_partielle_atmp", period)
        publie = numpy.where(eleves | partielle, numpy.nan, publie)
        brut = etablissement("taux_brut_collectif_atmp", period)
        donne = ~numpy.isnan(brut)
        if not donne.any():
            return publie
        verifier_positif(brut[donne], "taux_brut_collectif_atmp", period)
        m2 = etablissement("majoration_m2_atmp", period)
        depuis_brut = numpy.where(eleves, brut * (1 + m2), taux_net(brut, etablissement, period, parameters))
        return numpy.where(donne, depuis_brut, publie)


def verifier_taux_collectif(etablissement, period, parameters, besoin):
    """Erreur d'entrée qui nomme la donnée manquante quand le taux collectif d'un établissement qui en a besoin est
    NaN : code risque inconnu de l'arrêté de l'année, ou année dont l'arrêté n'est pas dans les paramètres."""
    taux = etablissement("taux_net_collectif_atmp", period)
    manquant = besoin & numpy.isnan(taux)
    if not manquant.any():
        return
    rang = premier(manquant)
    code = etablissement("code_risque_atmp", period)[rang]
    debut = f"Taux net collectif AT/MP inconnu pour {period} (établissement n° {rang}) : "

    def erreur(variable, message):
        return EntreeInvalide(["etablissements", rang, variable, str(period)], debut + message)

    if not numpy.isnan(etablissement("taux_brut_collectif_atmp", period)[rang]):
        raise erreur("taux_brut_collectif_atmp", "une majoration M1 à M4 manque (valeur de l'arrêté non trouvée).")
    if etablissement("eleves_etudiants_atmp", period)[rang] or etablissement("charge_partielle_atmp", period)[rang]:
        raise erreur(
            "taux_brut_collectif_atmp",
            "élèves et étudiants (D242-6-23) ou charge partielle (D242-6-18) : donnez taux_brut_collectif_atmp.",
        )
    if code == "":
        raise erreur(
            "code_risque_atmp", "donnez code_risque_atmp, taux_brut_collectif_atmp ou taux_net_collectif_atmp."
        )
    alsace_moselle = etablissement("regime_alsace_moselle", period.first_month)[rang]
    publies = parametres_du_tarif(parameters, period).taux_nets_collectifs
    connus = len(list(publies.alsace_moselle if alsace_moselle else publies.general))
    lieu = " du Haut-Rhin, du Bas-Rhin et de la Moselle (annexe 3)" if alsace_moselle else ""
    raise erreur(
        "code_risque_atmp",
        f"code_risque_atmp « {code} » absent des {connus} taux nets collectifs publiés{lieu} connus pour l'année "
        f"{period} (code inconnu cette année-là, ou arrêté de l'année absent des paramètres) ; donnez "
        "taux_net_collectif_atmp ou taux_brut_collectif_atmp.",
    )

"""Dates limites des dispositifs simplifiés de déclaration et de paiement (titres emploi) : à compter du 18/03/2019
(D133-13-6, D133-13-9, D133-13-11, D133-13-13, D133-13-14) et, auparavant, prélèvement du CESU (D133-22)."""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import (
    ajouter_jours,
    date_de_fin,
    date_non_renseignee,
    dernier_jour_du_mois,
    jour_du_mois,
    neant,
    premier_jour_du_mois,
    rang_du_jour_dans_le_mois,
    refuser_si,
)
from openfisca_secu.entities import individu
from openfisca_secu.enumerations_revenus import DispositifDeclaratifSimplifie

SANS_OBJET = date(1900, 1, 1)


class dispositif_declaratif_simplifie(Variable):
    value_type = Enum
    possible_values = DispositifDeclaratifSimplifie
    default_value = DispositifDeclaratifSimplifie.aucun
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dispositif simplifié par lequel l'emploi du salarié est déclaré (entreprise, particulier...)"
    reference = "CSS art. L133-5-6 ; L133-8-3"


class date_fin_periode_activite(Variable):
    value_type = date
    default_value = SANS_OBJET
    entity = individu
    definition_period = MONTH
    label = "Dernier jour de la période d'activité déclarée (au plus un mois civil ; défaut : fin du mois)"
    reference = "CSS art. D133-13-2 ; D133-13-6 ; D133-13-9"

    def formula(individu, period):
        return individu.filled_array(date_de_fin(period))


def _dispositif(individu, period):
    dispositif = individu("dispositif_declaratif_simplifie", period)
    fin = individu("date_fin_periode_activite", period)
    entreprise = dispositif == DispositifDeclaratifSimplifie.entreprise
    prise_en_charge = dispositif == DispositifDeclaratifSimplifie.particulier_prise_en_charge_departement
    particulier = (dispositif == DispositifDeclaratifSimplifie.particulier_employeur) | prise_en_charge
    return entreprise, particulier, prise_en_charge, fin


def _date_envoi(individu, period, besoin, nom_variable):
    envoi = individu("date_envoi_declaration", period)
    refuser_si(
        besoin & date_non_renseignee(individu, "date_envoi_declaration", envoi),
        lambda rang: (
            f"date_envoi_declaration manquante pour l'individu n° {rang} en {period} : {nom_variable} en dépend."
        ),
    )
    return envoi


def _refuser_avant_2019(individu, period, besoin, nom_variable):
    refuser_si(
        besoin,
        lambda rang: (
            f"{nom_variable} pour {period} (individu n° {rang}) : seuls les délais en vigueur depuis le 18/03/2019 et "
            "le prélèvement du CESU (D133-22) sont modélisés."
        ),
    )


class date_limite_declaration_simplifiee(Variable):
    value_type = date
    default_value = SANS_OBJET
    entity = individu
    definition_period = MONTH
    label = "Date limite de transmission de la déclaration du dispositif simplifié (1900-01-01 : sans objet)"
    reference = "CSS art. D133-13-6 al. 1 ; D133-13-9 al. 1"
    documentation = (
        "Entreprises et associations : cinquième jour suivant la période d'activité ; particuliers : cinquième jour "
        "du mois suivant la période d'activité (RULES.md Z-13 : les deux textes diffèrent, chacun est suivi)."
    )

    def formula(individu, period):
        entreprise, particulier, _, _ = _dispositif(individu, period)
        _refuser_avant_2019(individu, period, entreprise | particulier, "date_limite_declaration_simplifiee")
        return individu.filled_array(numpy.datetime64(SANS_OBJET))

    def formula_2019_03_18(individu, period, parameters):
        p = parameters(period).recouvrement.dispositifs_simplifies
        entreprise, particulier, _, fin = _dispositif(individu, period)
        limite_entreprise = ajouter_jours(fin, individu.filled_array(p.delai_declaration_entreprise))
        limite_particulier = jour_du_mois(
            premier_jour_du_mois(fin, 1), individu.filled_array(p.jour_declaration_particulier)
        )
        return numpy.select(
            [entreprise, particulier], [limite_entreprise, limite_particulier], numpy.datetime64(SANS_OBJET)
        )


class date_limite_paiement_simplifie(Variable):
    value_type = date
    default_value = SANS_OBJET
    entity = individu
    definition_period = MONTH
    label = "Date de paiement (ou dernier jour du mois de paiement) des cotisations du dispositif simplifié"
    reference = "CSS art. D133-13-6 al. 2 ; D133-13-13 ; D133-13-14 ; D133-22 (jusqu'au 17/03/2019)"
    documentation = (
        "Depuis le 18/03/2019 : paiement au cours du 2e mois suivant celui de la période d'activité (3e mois avec "
        "prise en charge départementale), donc au plus tard le dernier jour de ce mois ; une entreprise qui déclare "
        "après la fin du mois suivant la période paie sans délai (date d'envoi). Avant : CESU reçu au plus tard le "
        "15 d'un mois, prélevé le dernier jour du mois suivant."
    )

    def formula(individu, period, parameters):
        p = parameters(period).recouvrement.dispositifs_simplifies
        entreprise, particulier, prise_en_charge, _ = _dispositif(individu, period)
        _refuser_avant_2019(
            individu,
            period,
            entreprise | prise_en_charge,
            "date_limite_paiement_simplifie (hors CESU sans prise en charge)",
        )
        envoi = _date_envoi(individu, period, particulier, "le prélèvement du CESU")
        tardif = rang_du_jour_dans_le_mois(envoi) > p.cesu_jour_limite_reception
        prelevement = dernier_jour_du_mois(envoi, p.cesu_rang_mois_prelevement + tardif)
        return numpy.where(particulier, prelevement, numpy.datetime64(SANS_OBJET))

    def formula_2019_03_18(individu, period, parameters):
        p = parameters(period).recouvrement.dispositifs_simplifies
        entreprise, particulier, prise_en_charge, fin = _dispositif(individu, period)
        rang_mois = numpy.where(prise_en_charge, p.rang_mois_paiement_prise_en_charge, p.rang_mois_paiement)
        echeance = dernier_jour_du_mois(fin, rang_mois)
        envoi = individu("date_envoi_declaration", period)
        tardive = entreprise & ~date_non_renseignee(individu, "date_envoi_declaration", envoi)
        tardive &= envoi > dernier_jour_du_mois(fin, 1)
        date_paiement = numpy.where(tardive, envoi, echeance)
        return numpy.where(entreprise | particulier, date_paiement, numpy.datetime64(SANS_OBJET))


class intermediation_paiement_refusee(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Intermédiation du paiement de la rémunération refusée : déclaration après le 15 du mois suivant l'activité"
    reference = "CSS art. D133-13-11 (version en vigueur à compter du 18/03/2019)"

    # intermédiation du paiement créée au 18/03/2019 (D133-13-11)
    formula_2012_01_01 = neant

    def formula_2019_03_18(individu, period, parameters):
        p = parameters(period).recouvrement.dispositifs_simplifies
        entreprise, particulier, _, fin = _dispositif(individu, period)
        envoi = _date_envoi(individu, period, entreprise | particulier, "intermediation_paiement_refusee")
        limite = jour_du_mois(premier_jour_du_mois(fin, 1), individu.filled_array(p.jour_limite_intermediation))
        return (entreprise | particulier) & (envoi > limite)

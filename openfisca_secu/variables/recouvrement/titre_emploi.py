"""Titre-emploi d'un particulier employeur non domicilié en France : assiette forfaitaire payée d'avance, huit fois
le SMIC horaire par jour calendaire de séjour, si la rémunération horaire n'excède pas 1,5 SMIC (CSS art. D133-26) ;
sinon assiette de droit commun (L242-1)."""

from datetime import date

import numpy

from openfisca_secu.base import MONTH, Variable, sans_bruit, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import date_non_renseignee, exiger_positif, parametre_aux_dates, refuser_si
from openfisca_secu.entities import individu


class date_envoi_declaration(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = MONTH
    label = "Date d'envoi de la déclaration du titre-emploi (volet social de D133-19 avant le 18/03/2019)"
    reference = "CSS art. D133-13-2 ; D133-19 (jusqu'au 17/03/2019) ; D133-26"
    documentation = "Valeur par défaut 1900-01-01 : non renseignée ; une erreur le signale quand elle est nécessaire."


class option_assiette_forfaitaire_titre_emploi(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Particulier employeur non domicilié en France (II de D133-25) optant pour le paiement forfaitaire anticipé"
    reference = "CSS art. D133-25 II ; D133-26 al. 1"


class sejour_en_france_au_plus_trois_mois(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Séjour du salarié en France n'excédant pas trois mois sur une période de six mois (règlement 810/2009)"
    reference = "CSS art. D133-26 al. 1"


class justificatif_sejour_joint(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Copie de l'autorisation provisoire de travail du salarié, ou du titre de séjour de l'employeur, jointe"
    reference = "CSS art. D133-26 2°"


class remuneration_horaire_brute_titre_emploi(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Rémunération horaire brute du salarié déclaré par titre-emploi"
    reference = "CSS art. D133-26 1°"


class jours_sejour_en_france(Variable):
    value_type = int
    entity = individu
    definition_period = MONTH
    unit = "day"
    label = "Nombre de jours calendaires de la période de séjour en France figurant sur les justificatifs"
    reference = "CSS art. D133-26 al. 4"


class smic_horaire_envoi_declaration(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "SMIC horaire en vigueur au jour de l'envoi de la déclaration du titre-emploi"
    reference = "CSS art. D133-26 al. 4 ; code du travail, art. L3231-2"

    def formula(individu, period):
        envoi = individu("date_envoi_declaration", period)
        demande = individu("option_assiette_forfaitaire_titre_emploi", period)
        refuser_si(
            demande & date_non_renseignee(individu, "date_envoi_declaration", envoi),
            lambda rang: (
                f"date_envoi_declaration manquante pour l'individu n° {rang} en {period} : l'assiette forfaitaire du "
                "titre-emploi se calcule avec le SMIC en vigueur ce jour-là."
            ),
        )
        smic = parametre_aux_dates(individu, "smic.horaire_brut", envoi)
        return numpy.where(demande, smic, 0)


class assiette_forfaitaire_titre_emploi_applicable(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = (
        "Conditions du paiement forfaitaire anticipé réunies (option, séjour, justificatif, rémunération ≤ 1,5 SMIC)"
    )
    reference = "CSS art. D133-26 al. 1 à 3"

    def formula_2012_01_01(individu, period, parameters):
        plafond = parameters(period).recouvrement.titre_emploi.plafond_remuneration_horaire_smic
        remuneration = exiger_positif(
            individu("remuneration_horaire_brute_titre_emploi", period),
            "remuneration_horaire_brute_titre_emploi",
            period,
        )
        return (
            individu("option_assiette_forfaitaire_titre_emploi", period)
            & individu("sejour_en_france_au_plus_trois_mois", period)
            & individu("justificatif_sejour_joint", period)
            & (remuneration <= sans_bruit(plafond * individu("smic_horaire_envoi_declaration", period)))
        )


class assiette_forfaitaire_titre_emploi(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette forfaitaire du titre-emploi : 8 × SMIC horaire à l'envoi × jours calendaires de séjour"
    reference = "CSS art. D133-26 al. 4"

    def formula_2012_01_01(individu, period, parameters):
        heures = parameters(period).recouvrement.titre_emploi.heures_smic_par_jour
        jours = exiger_positif(individu("jours_sejour_en_france", period), "jours_sejour_en_france", period)
        forfait = heures * individu("smic_horaire_envoi_declaration", period) * jours
        return numpy.where(individu("assiette_forfaitaire_titre_emploi_applicable", period), forfait, 0)


class assiette_titre_emploi_employeur_etranger(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Assiette des cotisations d'un titre-emploi de particulier non domicilié : forfait de D133-26, sinon L242-1"
    reference = "CSS art. D133-26 ; L242-1"

    def formula_2012_01_01(individu, period):
        return numpy.where(
            individu("assiette_forfaitaire_titre_emploi_applicable", period),
            individu("assiette_forfaitaire_titre_emploi", period),
            individu("assiette_cotisations_sociales", period),
        )

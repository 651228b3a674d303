"""Taux mixte, limites de variation et taux notifié (D242-6-13, D242-6-15, D242-6-19, D242-6-22 ; Haut-Rhin, Bas-Rhin
et Moselle : D242-36 à D242-38).

Lecture de D242-6-9 retenue : M2 est « calculée en pourcentage du taux brut augmenté de la majoration visée au 1° »,
donc taux net = taux brut + M1 + M2 × (taux brut + M1) + M3 + M4 = (taux brut + M1) × (1 + M2) + M3 + M4.
Taux avant limites = f × taux net individuel + (1 − f) × taux net collectif, f = fraction_taux_individuel_atmp.
Limites : par rapport au taux notifié de N − 1 (P), +25 % / −20 % si P > 4 %, +1 point / −0,8 point sinon ; pour les
taux mixtes et individuels (D242-6-15), et aussi collectifs dans le Haut-Rhin, le Bas-Rhin et la Moselle (D242-37).
Aucun arrondi (non confirmé par les sources) : donner taux_accident_travail pour reproduire un taux notifié arrondi.
"""

import numpy

from openfisca_secu.base import MONTH, YEAR, Variable, set_input_dispatch_by_period
from openfisca_secu.entities import etablissement
from openfisca_secu.enumerations_atmp import ModeTarificationAtmp
from openfisca_secu.variables.atmp.outils import parametres_du_tarif, premier, refus, somme_par_groupe, verifier_positif
from openfisca_secu.variables.atmp.taux_collectif import verifier_taux_collectif
from openfisca_secu.variables.atmp.taux_individuel import verifier_taux_individuel


class taux_net_atmp_avant_plafonnement(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux net de l'établissement avant les limites de variation (collectif, mixte ou individuel)"
    reference = "CSS art. D242-6-13 ; D242-36"
    documentation = "NaN pour un établissement sans données de tarification (tarification_atmp_renseignee faux)."

    def formula(etablissement, period, parameters):
        renseignee = etablissement("tarification_atmp_renseignee", period)
        if not renseignee.any():
            return etablissement.filled_array(numpy.nan)
        fraction = etablissement("fraction_taux_individuel_atmp", period)
        individuel = renseignee & (fraction > 0)
        collectif = renseignee & (fraction < 1)
        part_individuelle = part_collective = etablissement.filled_array(0.0)
        if individuel.any():
            verifier_taux_individuel(etablissement, period, parameters, individuel)
            taux = etablissement("taux_net_individuel_atmp", period)
            part_individuelle = numpy.where(fraction > 0, fraction * taux, 0)
        if collectif.any():
            verifier_taux_collectif(etablissement, period, parameters, collectif)
            taux = etablissement("taux_net_collectif_atmp", period)
            part_collective = numpy.where(fraction < 1, (1 - fraction) * taux, 0)
        return numpy.where(renseignee, part_individuelle + part_collective, numpy.nan)


class taux_notifie_atmp_annee_precedente(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux net notifié de l'année précédente (N − 1), base des limites de variation"
    reference = "CSS art. D242-6-15 ; D242-37"
    documentation = (
        "Par défaut, le taux_accident_travail de décembre N − 1 (entrée, ou tarif N − 1 déjà calculé). OpenFisca "
        "ne remonte pas d'une année à l'autre dans un même calcul (garde contre les boucles) : pour enchaîner des "
        "années, calculer taux_net_atmp_notifie dans l'ordre des années, dans la même simulation."
    )

    def formula(etablissement, period):
        decembre_precedent = period.first_month.offset(-1)
        return etablissement("taux_accident_travail", decembre_precedent)


class taux_reference_plafonnement_atmp(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux de référence des limites de variation (taux notifié de N − 1, ou moyenne du groupe la première année)"
    reference = "CSS art. D242-6-15 dernier alinéa ; D242-37 dernier alinéa ; D242-6-17 al. 1"
    documentation = (
        "Première année d'un taux unique ou d'un regroupement de catégories de risque : moyenne des taux notifiés de "
        "N − 1 des établissements du groupe, pondérée par leurs salaires de la dernière année connue (N − 2). Les "
        "années suivantes, un établissement du groupe sans taux notifié en N − 1 (créé dans l'année) prend le taux "
        "unique précédent du groupe (même moyenne, sur les taux connus)."
    )

    def formula(etablissement, period, parameters):
        precedent = etablissement("taux_notifie_atmp_annee_precedente", period)
        groupes = etablissement("groupe_taux_unique_atmp", period)
        en_groupe = groupes > 0
        if not en_groupe.any():
            return precedent
        calendrier = parametres_du_tarif(parameters, period).calendrier
        masse = etablissement("masse_salariale_atmp", period.offset(-int(calendrier.derniere_annee_connue)))
        connu = ~numpy.isnan(precedent)
        premiere = etablissement("premiere_annee_taux_unique_atmp", period) & en_groupe
        # Première année : un taux manquant d'un établissement qui a des salaires rend la moyenne inconnue (erreur).
        moyenne_premiere = _moyenne(numpy.where(masse > 0, precedent * masse, 0), masse, groupes)
        moyenne_connus = _moyenne(numpy.where(connu, precedent * masse, 0), numpy.where(connu, masse, 0), groupes)
        return numpy.select([premiere, en_groupe & ~connu], [moyenne_premiere, moyenne_connus], precedent)


def _moyenne(produits, poids, groupes):
    somme_poids = somme_par_groupe(poids, groupes)
    return numpy.where(
        somme_poids > 0, somme_par_groupe(produits, groupes) / numpy.where(somme_poids > 0, somme_poids, 1), numpy.nan
    )


class taux_net_atmp_notifie(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Taux net notifié à l'établissement pour l'année de tarification, après les limites de variation"
    reference = "CSS art. D242-6-15, D242-6-19, D242-6-22 ; D242-37, D242-38"
    documentation = "NaN pour un établissement sans données de tarification (tarification_atmp_renseignee faux)."

    def formula(etablissement, period, parameters):
        avant = etablissement("taux_net_atmp_avant_plafonnement", period)
        renseignee = etablissement("tarification_atmp_renseignee", period)
        if not renseignee.any():
            return avant
        limites = parametres_du_tarif(parameters, period).plafonnement
        mode = etablissement("mode_tarification_atmp", period)
        alsace_moselle = etablissement("regime_alsace_moselle", period.first_month)
        # L'année de sa création, un établissement n'a pas de taux notifié antérieur, sauf celui de son groupe.
        annee_de_creation = etablissement("annee_creation_etablissement", period) == period.start.year
        sans_precedent = annee_de_creation & (etablissement("groupe_taux_unique_atmp", period) == 0)
        plafonne = renseignee & (alsace_moselle | (mode != ModeTarificationAtmp.collective)) & ~sans_precedent
        taux = avant
        if plafonne.any():
            precedent = etablissement("taux_reference_plafonnement_atmp", period)
            manquant = plafonne & numpy.isnan(precedent)
            if manquant.any():
                rang = premier(manquant)
                raise refus(
                    rang,
                    f"taux_notifie_atmp_annee_precedente manquant pour {period} (établissement n° {rang}) : les "
                    "limites de variation (D242-6-15, D242-37) comparent au taux notifié de l'année précédente ; "
                    "donnez-le, ou taux_accident_travail de l'année précédente, ou calculez d'abord "
                    "taux_net_atmp_notifie de l'année précédente dans la même simulation.",
                )
            verifier_positif(precedent[plafonne], "taux_notifie_atmp_annee_precedente", period)
            relatif = precedent > limites.seuil
            haut = numpy.where(relatif, precedent * (1 + limites.hausse_relative), precedent + limites.hausse_en_points)
            bas = numpy.where(relatif, precedent * (1 - limites.baisse_relative), precedent - limites.baisse_en_points)
            taux = numpy.where(plafonne, numpy.clip(avant, bas, haut), avant)
        dockers = etablissement("taux_maximum_dockers_atmp", period)
        return numpy.where(numpy.isnan(dockers), taux, numpy.minimum(taux, dockers))


class taux_accident_travail(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Taux notifié de la cotisation accidents du travail et maladies professionnelles"
    reference = "CSS art. L242-5, D242-6-1, D242-6-11 al. 3 et D242-6-22"
    documentation = (
        "Fraction (0.0208 pour 2,08 %). Donné en entrée, il prime ; sinon le taux_net_atmp_notifie du tarif en "
        "vigueur ce mois-là (de janvier à avril 2025, celui de 2024), NaN sans données de tarification. Obligatoire "
        "dès qu'un salarié de l'établissement est rémunéré."
    )

    def formula_2012_01_01(etablissement, period, parameters):
        decalage = parameters(period).atmp.calendrier.decalage_annee_tarification
        return etablissement("taux_net_atmp_notifie", period.this_year.offset(-int(decalage)))

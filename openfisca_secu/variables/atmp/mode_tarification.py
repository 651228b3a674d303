"""Mode de tarification et fraction du taux individuel (D242-6-2, D242-6-13, D242-6-14, D242-6-17 ; Haut-Rhin,
Bas-Rhin et Moselle : D242-30, D242-36, D242-39).

Le BTP est le comité technique national B. Dans le Haut-Rhin, le Bas-Rhin et la Moselle (regime_alsace_moselle de
janvier N), les seuils sont 50 et 150 salariés, 300 pour le BTP.
"""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.entities import etablissement
from openfisca_secu.enumerations_atmp import ComiteTechniqueNational, ModeTarificationAtmp
from openfisca_secu.variables.atmp.outils import parametres_du_tarif, premier, refus


class tarification_atmp_renseignee(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = (
        "L'établissement a des données de tarification AT/MP pour l'année (code risque, CTN, taux collectif, élèves)"
    )
    reference = "CSS art. D242-6-1"
    documentation = "Sinon son taux AT/MP reste une entrée (taux_accident_travail) et aucune erreur de tarification."

    def formula(etablissement, period):
        code = etablissement("code_risque_atmp", period)
        ctn = etablissement("comite_technique_national_atmp", period)
        collectif = etablissement("taux_net_collectif_atmp", period)
        eleves = etablissement("eleves_etudiants_atmp", period)
        return (code != "") | (ctn != ComiteTechniqueNational.non_renseigne) | ~numpy.isnan(collectif) | eleves


class etablissement_nouveau_atmp(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = "Établissement nouvellement créé : année de création ou l'une des deux années civiles suivantes"
    reference = "CSS art. D242-6-17"
    documentation = (
        "N'est pas nouveau l'établissement issu d'un précédent (activité similaire, mêmes moyens de production) qui "
        "a repris au moins la moitié du personnel."
    )

    def formula(etablissement, period, parameters):
        p = parametres_du_tarif(parameters, period).mode_tarification.etablissement_nouveau
        annee = period.start.year
        creation = etablissement("annee_creation_etablissement", period)
        part_reprise = etablissement("part_personnel_repris", period)
        fautive = (creation < 0) | ~((part_reprise >= 0) & (part_reprise <= 1))
        if fautive.any():
            rang = premier(fautive)
            raise refus(
                rang,
                f"annee_creation_etablissement {creation[rang]} ou part_personnel_repris {part_reprise[rang]} "
                f"impossible (établissement n° {rang}) : attendu une année positive et une part entre 0 et 1.",
            )
        posterieure = (creation > annee) & etablissement("tarification_atmp_renseignee", period)
        if posterieure.any():
            rang = premier(posterieure)
            raise refus(
                rang,
                f"annee_creation_etablissement {creation[rang]} postérieure à l'année de tarification {annee} "
                f"(établissement n° {rang}) : un établissement n'est pas tarifé avant sa création.",
            )
        reprise = etablissement("reprise_activite_similaire_memes_moyens", period) & (
            part_reprise >= p.part_minimale_personnel_repris
        )
        return (creation > 0) & (annee - creation <= p.annees_civiles_suivantes) & ~reprise


class mode_tarification_atmp(Variable):
    value_type = Enum
    possible_values = ModeTarificationAtmp
    default_value = ModeTarificationAtmp.collective
    entity = etablissement
    definition_period = YEAR
    label = "Mode de tarification AT/MP de l'établissement pour l'année"
    reference = "CSS art. D242-6-2, D242-6-14, D242-6-17, D242-6-23 ; Haut-Rhin, Bas-Rhin et Moselle : D242-30"
    documentation = (
        "Selon l'effectif de l'entreprise ; collective d'office pour les activités de la liste de l'arrêté, les "
        "travailleurs à domicile, les élèves et étudiants et les établissements nouveaux (sauf taux unique)."
    )

    def formula(etablissement, period, parameters):
        seuils = parametres_du_tarif(parameters, period).mode_tarification
        effectif = etablissement("effectif_entreprise_atmp", period)
        alsace_moselle = etablissement("regime_alsace_moselle", period.first_month)
        btp = etablissement("comite_technique_national_atmp", period) == ComiteTechniqueNational.b
        seuil_mixte = numpy.where(alsace_moselle, seuils.alsace_moselle.seuil_mixte, seuils.general.seuil_mixte)
        seuil_individuel = numpy.select(
            [alsace_moselle & btp, alsace_moselle],
            [seuils.alsace_moselle.seuil_individuel_btp, seuils.alsace_moselle.seuil_individuel],
            seuils.general.seuil_individuel,
        )
        taux_unique = etablissement("groupe_taux_unique_atmp", period) > 0
        d_office = (
            etablissement("activite_taux_collectif_atmp", period)
            | etablissement("travailleurs_a_domicile_atmp", period)
            | etablissement("eleves_etudiants_atmp", period)
            | (etablissement("etablissement_nouveau_atmp", period) & ~taux_unique)
        )
        renseignee = etablissement("tarification_atmp_renseignee", period)
        sans_effectif = renseignee & ~d_office & (effectif < 0)
        if sans_effectif.any():
            rang = premier(sans_effectif)
            raise refus(
                rang,
                f"effectif_entreprise_atmp manquant pour {period} (établissement n° {rang}) : le mode de tarification "
                "AT/MP dépend de l'effectif de l'entreprise (D242-6-2) ; donnez-le sur l'établissement ou "
                "effectif_entreprise sur l'entreprise de ses salariés.",
            )
        mode = ModeTarificationAtmp.encode(
            numpy.select(
                [d_office, effectif >= seuil_individuel, effectif >= seuil_mixte],
                [
                    ModeTarificationAtmp.collective.index,
                    ModeTarificationAtmp.individuelle.index,
                    ModeTarificationAtmp.mixte.index,
                ],
                ModeTarificationAtmp.collective.index,
            )
        )
        unique_collectif = renseignee & taux_unique & (mode == ModeTarificationAtmp.collective)
        if unique_collectif.any():
            rang = premier(unique_collectif)
            raise refus(
                rang,
                f"groupe_taux_unique_atmp {etablissement('groupe_taux_unique_atmp', period)[rang]} impossible pour "
                f"{period} (établissement n° {rang}) : le taux unique est réservé aux entreprises en tarification "
                "mixte ou individuelle (D242-6-1, D242-29), or cet établissement relève du taux collectif.",
            )
        return mode


class fraction_taux_individuel_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Fraction du taux net individuel dans le taux de l'établissement (0 en collective, 1 en individuelle)"
    reference = "CSS art. D242-6-13 ; Haut-Rhin, Bas-Rhin et Moselle : D242-36"
    documentation = (
        "Mixte : 0,9/130 × (E − 20) + 0,1 depuis 2018 ((E − 19)/131 de 2012 à 2017) ; Alsace-Moselle : "
        "(0,075 E − 1,25)/10, BTP (0,075 E + 2,5)/25. Non arrondie (aucun arrondi dans le texte)."
    )

    def formula(etablissement, period, parameters):
        fractions = parametres_du_tarif(parameters, period).fraction_mixte
        effectif = etablissement("effectif_entreprise_atmp", period)
        alsace_moselle = etablissement("regime_alsace_moselle", period.first_month)
        btp = etablissement("comite_technique_national_atmp", period) == ComiteTechniqueNational.b
        g = fractions.general
        general = g.numerateur / g.denominateur * (effectif - g.effectif_origine) + g.fraction_a_l_origine
        am, am_btp = fractions.alsace_moselle.general, fractions.alsace_moselle.btp
        alsace_moselle_general = (am.coefficient * effectif + am.constante) / am.diviseur
        alsace_moselle_btp = (am_btp.coefficient * effectif + am_btp.constante) / am_btp.diviseur
        mixte = numpy.select(
            [alsace_moselle & btp, alsace_moselle], [alsace_moselle_btp, alsace_moselle_general], general
        )
        mode = etablissement("mode_tarification_atmp", period)
        return numpy.select(
            [mode == ModeTarificationAtmp.individuelle, mode == ModeTarificationAtmp.mixte], [1, mixte], 0
        )

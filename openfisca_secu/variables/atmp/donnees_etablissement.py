"""Données de l'établissement pour sa tarification AT/MP de l'année N (entrées).

L'année N est l'année de tarification. Un établissement est tarifé dès qu'il a un code risque, un comité technique
national ou un taux collectif (voir tarification_atmp_renseignee) ; sans ces données, son taux reste une entrée.
"""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import ETERNITY, YEAR, Variable
from openfisca_secu.entities import etablissement
from openfisca_secu.enumerations_atmp import ActiviteBtpAtmp, ComiteTechniqueNational
from openfisca_secu.variables.atmp.outils import parametres_du_tarif, valeurs_par_code_risque


class code_risque_atmp(Variable):
    value_type = str
    entity = etablissement
    definition_period = YEAR
    label = "Code risque de l'établissement dans la nomenclature des risques (par exemple 00.00B)"
    reference = "CSS art. D242-6-1 al. 3 ; arrêté annuel de tarification, annexe 1 (annexe 3 en Alsace-Moselle)"
    documentation = "Donne le taux net collectif publié quand les paramètres le connaissent pour l'année."


class comite_technique_national_atmp(Variable):
    value_type = Enum
    possible_values = ComiteTechniqueNational
    default_value = ComiteTechniqueNational.non_renseigne
    entity = etablissement
    definition_period = YEAR
    label = "Comité technique national dont relève l'établissement (table des coûts moyens)"
    reference = "CSS art. L422-1 et D242-6-8"
    documentation = "Le CTN B est celui du bâtiment et des travaux publics (seuils et catégories propres au BTP)."


class activite_btp_atmp(Variable):
    value_type = Enum
    possible_values = ActiviteBtpAtmp
    default_value = ActiviteBtpAtmp.non_renseignee
    entity = etablissement
    definition_period = YEAR
    label = "Activité de l'établissement du BTP : gros œuvre, second œuvre ou bureaux"
    reference = "CSS art. D242-6-6 dernier alinéa"
    documentation = (
        "Obligatoire pour un établissement du CTN B hors Haut-Rhin, Bas-Rhin et Moselle qui a des incapacités "
        "permanentes d'au moins 10 % ou des décès : elle choisit leur coût moyen."
    )


class effectif_entreprise_atmp(Variable):
    value_type = int
    default_value = -1
    entity = etablissement
    definition_period = YEAR
    unit = "person"
    label = "Effectif global de l'entreprise dont relève l'établissement, pour le mode de tarification de l'année"
    reference = "CSS art. D242-6-2, D242-30 et R130-1"
    documentation = (
        "Par défaut, l'effectif_entreprise de janvier N de l'entreprise des salariés de l'établissement ; à donner "
        "pour un établissement sans salarié listé. −1 : inconnu (erreur si le mode de tarification en dépend)."
    )

    def formula(etablissement, period):
        salaries = etablissement.members
        if salaries.count == 0:
            return etablissement.filled_array(-1)
        effectifs = salaries.entreprise("effectif_entreprise", period.first_month)
        plus_grand = etablissement.max(effectifs)
        return numpy.where(numpy.isfinite(plus_grand), plus_grand, -1).astype(int)


class annee_creation_etablissement(Variable):
    value_type = int
    entity = etablissement
    definition_period = ETERNITY
    unit = "year"
    label = "Année de création de l'établissement (0 : établissement ancien ou année inconnue)"
    reference = "CSS art. D242-6-17"


class reprise_activite_similaire_memes_moyens(Variable):
    value_type = bool
    entity = etablissement
    definition_period = ETERNITY
    label = (
        "Établissement issu d'un précédent où s'exerçait une activité similaire, avec les mêmes moyens de production"
    )
    reference = "CSS art. D242-6-17 al. 3"


class part_personnel_repris(Variable):
    value_type = float
    entity = etablissement
    definition_period = ETERNITY
    unit = "/1"
    label = "Part du personnel du précédent établissement reprise par l'établissement"
    reference = "CSS art. D242-6-17 al. 3 (« au moins la moitié du personnel »)"


class activite_taux_collectif_atmp(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = "Activité de la liste de l'arrêté qui garde un taux collectif quel que soit l'effectif"
    reference = "CSS art. D242-6-14 I ; annexe 1 des arrêtés de tarification 2016 à 2020"
    documentation = (
        "Par défaut, la colonne « taux commun quel que soit l'effectif » de l'annexe 1 pour le code_risque_atmp "
        "(tarifs 2016 à 2020) ; les données n'ont pas cette colonne avant 2016 ni depuis 2021 : à donner."
    )

    def formula(etablissement, period, parameters):
        liste = parametres_du_tarif(parameters, period).mode_tarification.taux_collectif_quel_que_soit_effectif
        return valeurs_par_code_risque(liste, etablissement("code_risque_atmp", period)) == 1


class travailleurs_a_domicile_atmp(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = "Établissement distinct des travailleurs à domicile de l'entreprise (taux collectif)"
    reference = "CSS art. D242-6-14 II"


class eleves_etudiants_atmp(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = "Cotisation due pour des élèves ou étudiants (taux collectif, seule la majoration M2 est incorporée)"
    reference = "CSS art. D242-6-23 ; D412-2 à D412-6"


class charge_partielle_atmp(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = "Établissement autorisé à assumer la charge partielle de la réparation des AT/MP"
    reference = "CSS art. D242-6-18 ; L413-13"


class groupe_taux_unique_atmp(Variable):
    value_type = int
    entity = etablissement
    definition_period = YEAR
    label = (
        "Identifiant du groupe de taux unique : établissements d'une entreprise de même catégorie de risque (0 : aucun)"
    )
    reference = "CSS art. D242-6-1 al. 2, D242-6-4 al. 3 ; Alsace-Moselle, D242-29 al. 2 et D242-32 al. 3"
    documentation = (
        "Les établissements de même identifiant positif ont un taux unique : valeur du risque et salaires sont "
        "sommés sur le groupe. Option de l'entreprise en tarification mixte ou individuelle ; obligatoire pour ses "
        "établissements du Haut-Rhin, du Bas-Rhin et de la Moselle de même catégorie de risque (D242-29)."
    )


class premiere_annee_taux_unique_atmp(Variable):
    value_type = bool
    entity = etablissement
    definition_period = YEAR
    label = "Première année du taux unique ou du regroupement de catégories de risque"
    reference = "CSS art. D242-6-15 dernier alinéa ; D242-37 dernier alinéa"
    documentation = (
        "La variation du taux s'apprécie alors par rapport à la moyenne des taux notifiés l'année précédente aux "
        "établissements du groupe, pondérée par leurs salaires de la dernière année connue."
    )


class taux_maximum_dockers_atmp(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Limite du taux net notifié des dockers maritimes intermittents (régime de la vignette)"
    reference = "CSS art. D242-6-19 ; arrêté du ministre chargé de la sécurité sociale"
    documentation = "Fraction. Sans valeur (NaN), aucune limite."

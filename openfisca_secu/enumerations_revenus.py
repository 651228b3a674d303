"""Énumérations des revenus de remplacement, des travailleurs indépendants et des règles de recouvrement.

Elles vivent hors de `variables/` pour la même raison que celles de `enumerations.py` : une énumération importée
depuis un fichier de variables serait une autre classe.
"""

from openfisca_core.indexed_enums import Enum


class TauxCsgRemplacement(Enum):
    non_determine = "Non déterminé : revenu fiscal de référence ou nombre de parts manquant, ou seuils inconnus"
    exonere = "Exonéré : revenu fiscal de référence n'excédant pas le seuil d'exonération (L136-8 III 1°)"
    taux_reduit = "Taux réduit : revenu fiscal de référence n'excédant pas le seuil du 2° du III de L136-8"
    taux_median = "Taux médian : revenu fiscal de référence n'excédant pas le seuil du III bis de L136-8 (2019+)"
    taux_plein = "Taux plein (taux normal des revenus de remplacement, II de L136-8)"


class ActiviteMicroEntrepreneur(Enum):
    non_renseignee = "Activité non renseignée"
    vente_marchandises = "Vente de marchandises, objets, denrées, hébergement (1er seuil de l'art. 50-0 CGI)"
    prestations_services_bic = "Prestations de services commerciales ou artisanales (2e seuil de l'art. 50-0 CGI)"
    prestations_services_bnc = "Activité libérale relevant de la sécurité sociale des indépendants (art. 102 ter CGI)"
    profession_liberale_cipav = "Profession libérale affiliée à la CIPAV (11° de l'art. R641-1)"


class DispositifDeclaratifSimplifie(Enum):
    aucun = "Aucun dispositif simplifié"
    entreprise = "Entreprise ou association utilisant un titre simplifié (1° et 2° de L133-5-6 : TESE, CEA)"
    particulier_employeur = "Particulier employeur (3° et suivants de L133-5-6 : CESU, Pajemploi)"
    particulier_prise_en_charge_departement = (
        "Particulier employeur dont les cotisations sont prises en charge par le département (L133-8-3 : APA, PCH)"
    )


class SecteurCaisseCongesPayes(Enum):
    non_affilie = "Employeur non affilié à une caisse de congés payés"
    batiment_travaux_publics_metropole = "Bâtiment et travaux publics, caisse située en métropole"
    batiment_travaux_publics_outre_mer = "Bâtiment et travaux publics, caisse située dans un département d'outre-mer"
    autres_secteurs = "Autres secteurs (transports, spectacle, manutention portuaire...)"


class NatureCreancePrivilege(Enum):
    creance_employeur = "Créance due par un employeur (seuil selon l'effectif au 31 décembre)"
    creance_personnelle_independant = "Créance due à titre personnel par un travailleur indépendant"

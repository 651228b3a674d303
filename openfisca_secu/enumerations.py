"""Énumérations partagées par plusieurs fichiers de variables.

Elles vivent hors de `variables/` : OpenFisca charge chaque fichier de variables sous un nom de module propre, et
une énumération importée depuis un tel fichier serait une autre classe, que les comparaisons ignoreraient.
"""

from openfisca_core.indexed_enums import Enum


class CategorieSalarie(Enum):
    non_cadre = "Non-cadre"
    cadre = "Cadre (articles 4 et 4 bis de la convention AGIRC, affilié à l'APEC)"


class TypeRemuneration(Enum):
    horaire = "Rémunération fixée selon un nombre d'heures"
    forfait_annuel_heures = "Convention individuelle de forfait annuel en heures"
    domicile_ou_concierge = "Travailleur à domicile (L721-1 C. trav.) ou concierge, employé d'immeuble (L771-1)"
    autre_non_horaire = "Autre rémunération non déterminée selon un nombre d'heures"


class HeuresEquivalenceTransport(Enum):
    aucune = "Pas de régime d'heures d'équivalence"
    grands_routiers = "Personnel roulant « grands routiers » (D3312-45 1° du code des transports) : a = 45/35"
    autres_roulants = "Autre personnel roulant (D3312-45 2° du code des transports) : a = 40/35"


class ModeRegularisation(Enum):
    annuelle = "Anticipation mensuelle, régularisation au dernier mois de l'année ou du contrat (D241-9 al. 1)"
    progressive = "Régularisation progressive à chaque paie, sur le cumul depuis janvier (D241-9 al. 2)"


class EmployeurAideADomicile(Enum):
    non_concerne = "Employeur non concerné par l'exonération aide à domicile"
    particulier = "Particulier employeur (L241-10 I a : 70 ans et plus)"
    structure_degressive = "Structure de l'alinéa 5 du III de L241-10 (exonération dégressive, D241-5-2)"
    structure_prorata = "Autre structure du III de L241-10 (exonération au prorata des heures, D241-5-3)"


class BaremeLodeom(Enum):
    aucun = "Pas d'exonération LODEOM (L752-3-2)"
    competitivite = "Barème de compétitivité (L752-3-2 II et III A)"
    competitivite_renforcee = "Barème de compétitivité renforcée (L752-3-2 III B)"
    innovation_croissance = "Barème d'innovation et de croissance (L752-3-2 III C)"

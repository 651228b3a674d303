"""Énumérations de la tarification AT/MP (CSS art. D242-6-1 à D242-6-23, D242-29 à D242-38).

Hors de `variables/` pour la même raison que `enumerations.py` : une énumération importée depuis un fichier de
variables serait une autre classe.
"""

from openfisca_core.indexed_enums import Enum


class ModeTarificationAtmp(Enum):
    collective = "Tarification collective : taux net collectif de l'activité (D242-6-2 1°, D242-30 1°)"
    mixte = "Tarification mixte : fraction du taux individuel + fraction du taux collectif (D242-6-13, D242-36)"
    individuelle = "Tarification individuelle : taux propre à l'établissement (D242-6-2 2°, D242-30 2°)"


class ComiteTechniqueNational(Enum):
    """Comité technique national (L422-1) dont relève l'établissement : il fixe la table des coûts moyens."""

    non_renseigne = "Comité technique national non renseigné"
    a = "A : industries de la métallurgie"
    b = "B : industries du bâtiment et des travaux publics"
    c = "C : industries des transports, de l'eau, du gaz, de l'électricité, du livre et de la communication"
    d = "D : services, commerces et industries de l'alimentation"
    e = "E : industries de la chimie, du caoutchouc et de la plasturgie"
    f = "F : bois, ameublement, papier-carton, textile, vêtement, cuirs et peaux, pierres et terres à feu"
    g = "G : commerces non alimentaires"
    h = "H : activités de services I (banques, assurances, administrations...)"
    i = "I : activités de services II (travail temporaire, action sociale, santé, nettoyage...)"


class ActiviteBtpAtmp(Enum):
    """Activité d'un établissement du BTP : elle choisit le coût moyen des incapacités permanentes d'au moins 10 % et
    des décès hors Haut-Rhin, Bas-Rhin et Moselle (D242-6-6 dernier alinéa)."""

    non_renseignee = "Activité BTP non renseignée (établissement hors BTP)"
    gros_oeuvre = "Activités de gros œuvre"
    second_oeuvre = "Activités de second œuvre"
    bureaux = "Activités de bureaux (fonctions support)"

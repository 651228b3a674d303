"""Coûts moyens saisis (entrées) : ils remplacent, pour l'établissement, le coût moyen des paramètres.

À donner quand la table des coûts moyens du CTN n'est pas connue pour l'année de tarification N (paramètre absent :
2012 à 2018, 2021 à 2023, 2025, 2026, et des cellules des CTN G, H et I). La valeur est le coût applicable à
l'établissement : pour le BTP hors Haut-Rhin, Bas-Rhin et Moselle, les catégories d'incapacité permanente 2 à 4 prennent
toutes le coût de l'activité (gros œuvre, second œuvre ou bureaux) de l'établissement.
"""

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.entities import etablissement


class cout_moyen_incapacite_temporaire_1(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité temporaire 1 (sans arrêt de travail ou arrêt de moins de 4 jours)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_temporaire_2(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité temporaire 2 (arrêt de 4 à 15 jours)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_temporaire_3(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité temporaire 3 (arrêt de 16 à 45 jours)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_temporaire_4(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité temporaire 4 (arrêt de 46 à 90 jours)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_temporaire_5(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité temporaire 5 (arrêt de 91 à 150 jours)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_temporaire_6(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité temporaire 6 (arrêt de plus de 150 jours)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_permanente_1(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité permanente 1 (incapacité permanente de moins de 10 %)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_permanente_2(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité permanente 2 (incapacité permanente de 10 % à 19 %)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_permanente_3(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité permanente 3 (incapacité permanente de 20 % à 39 %)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"


class cout_moyen_incapacite_permanente_4(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Coût moyen saisi, catégorie incapacité permanente 4 (incapacité permanente de 40 % et plus ou décès)"
    reference = "CSS art. D242-6-6 et D242-6-8 ; arrêté annuel de tarification, annexe 2"

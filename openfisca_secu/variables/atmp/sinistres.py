"""Sinistres et salaires d'une année de la période de référence (entrées), par établissement.

Les sinistres ne sont pas une entité : on donne, pour chaque établissement et chaque année, le nombre de sinistres de
chaque catégorie (D242-6-6), déjà pondéré par 1 − part de responsabilité du tiers en cas de recours (D242-6-7
dernier alinéa) et sans les sinistres non imputables (compte spécial, agression par un tiers non identifié, D242-6-7).
L'année d'un sinistre est celle de sa déclaration pour l'incapacité temporaire, celle de la première notification du
taux d'incapacité permanente (ou de la reconnaissance du décès) pour l'incapacité permanente (D242-6-6, D242-6-7).
`openfisca_secu.atmp_sinistres.compter_sinistres` produit ces nombres à partir d'une table de sinistres.
"""

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.entities import etablissement


class sinistres_incapacite_temporaire_1(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres déclarés dans l'année, incapacité temporaire 1 (sans arrêt ou moins de 4 jours)"
    reference = "CSS art. D242-6-6 1° et D242-6-7"


class sinistres_incapacite_temporaire_2(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres déclarés dans l'année, incapacité temporaire 2 (arrêt de 4 à 15 jours)"
    reference = "CSS art. D242-6-6 1° et D242-6-7"


class sinistres_incapacite_temporaire_3(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres déclarés dans l'année, incapacité temporaire 3 (arrêt de 16 à 45 jours)"
    reference = "CSS art. D242-6-6 1° et D242-6-7"


class sinistres_incapacite_temporaire_4(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres déclarés dans l'année, incapacité temporaire 4 (arrêt de 46 à 90 jours)"
    reference = "CSS art. D242-6-6 1° et D242-6-7"


class sinistres_incapacite_temporaire_5(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres déclarés dans l'année, incapacité temporaire 5 (arrêt de 91 à 150 jours)"
    reference = "CSS art. D242-6-6 1° et D242-6-7"


class sinistres_incapacite_temporaire_6(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres déclarés dans l'année, incapacité temporaire 6 (arrêt de plus de 150 jours)"
    reference = "CSS art. D242-6-6 1° et D242-6-7"


class sinistres_incapacite_permanente_1(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres à incapacité permanente notifiée dans l'année, catégorie 1 (moins de 10 %)"
    reference = "CSS art. D242-6-6 2° et D242-6-7 ; BTP du Haut-Rhin, du Bas-Rhin et de la Moselle : D242-34"


class sinistres_incapacite_permanente_2(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres à incapacité permanente notifiée dans l'année, catégorie 2 (10 % à 19 %)"
    reference = "CSS art. D242-6-6 2° et D242-6-7 ; BTP du Haut-Rhin, du Bas-Rhin et de la Moselle : D242-34"


class sinistres_incapacite_permanente_3(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres à incapacité permanente notifiée dans l'année, catégorie 3 (20 % à 39 %)"
    reference = "CSS art. D242-6-6 2° et D242-6-7 ; BTP du Haut-Rhin, du Bas-Rhin et de la Moselle : D242-34"


class sinistres_incapacite_permanente_4(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "sinistre"
    label = "Sinistres à incapacité permanente notifiée dans l'année, catégorie 4 (40 % et plus ou décès)"
    reference = "CSS art. D242-6-6 2° et D242-6-7 ; BTP du Haut-Rhin, du Bas-Rhin et de la Moselle : D242-34"


class masse_salariale_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Masse totale des salaires payés au personnel de l'établissement dans l'année"
    reference = "CSS art. D242-6-4 ; D242-32"
    documentation = (
        "Zéro pour une année où l'établissement n'existait pas (établissement créé depuis, D242-6-17 al. 2)."
    )


class valeur_du_risque_ancienne_methode_atmp(Variable):
    value_type = float
    default_value = float("nan")
    entity = etablissement
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Valeur du risque de l'année selon l'ancienne méthode (dépenses réelles), pour les années avant 2010"
    reference = "Décret n° 2010-753 du 5 juillet 2010, art. 3 I ; CSS art. D242-6-3 dans sa rédaction antérieure"
    documentation = (
        "Obligatoire pour les tarifications individuelles ou mixtes 2012 (années 2008, 2009) et 2013 (2009)."
    )

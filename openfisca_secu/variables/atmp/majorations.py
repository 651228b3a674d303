"""Les quatre majorations du taux brut (D242-6-9), valeurs de l'arrêté annuel (D242-6-10).

Chaque majoration vaut le paramètre du tarif de l'année ; les années où il manque (2012, 2014, 2015 : valeurs non
trouvées), elle vaut NaN et doit être donnée en entrée (la même pour tous les établissements : c'est une valeur
nationale). Une entrée remplace le paramètre, par exemple pour chiffrer une réforme.
"""

from openfisca_secu.base import YEAR, Variable
from openfisca_secu.entities import etablissement
from openfisca_secu.variables.atmp.outils import parametres_du_tarif, valeur_ou_nan


def _majoration(etablissement, period, parameters, cle):
    majorations = parametres_du_tarif(parameters, period).majorations
    return etablissement.filled_array(valeur_ou_nan(majorations, cle))


class majoration_m1_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Majoration M1 (accidents de trajet), en fraction des salaires"
    reference = "CSS art. D242-6-9 1°"

    def formula(etablissement, period, parameters):
        return _majoration(etablissement, period, parameters, "m1")


class majoration_m2_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Majoration M2, en fraction du taux brut augmenté de la majoration M1"
    reference = "CSS art. D242-6-9 2°"

    def formula(etablissement, period, parameters):
        return _majoration(etablissement, period, parameters, "m2")


class majoration_m3_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Majoration M3 (L437-1, FIVA, FCAATA, compte spécial, terrorisme), en fraction des salaires"
    reference = "CSS art. D242-6-9 3°"

    def formula(etablissement, period, parameters):
        return _majoration(etablissement, period, parameters, "m3")


class majoration_m4_atmp(Variable):
    value_type = float
    entity = etablissement
    definition_period = YEAR
    unit = "/1"
    label = "Majoration M4 (pénibilité : L351-1-4, compte professionnel de prévention), en fraction des salaires"
    reference = "CSS art. D242-6-9 4°"

    def formula(etablissement, period, parameters):
        return _majoration(etablissement, period, parameters, "m4")

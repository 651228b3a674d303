"""Contrôle des entrées : une valeur impossible est refusée avec le nom de la variable et la valeur fautive.

Rien n'est écrêté en silence. Le contrôle s'applique à toute saisie (YAML, API Web, `simulation.set_input`) :

- chaque valeur d'une situation JSON (API Web, tests YAML) est contrôlée à la lecture (`check_set_value`) : le
  constructeur de simulation d'OpenFisca en fait une `SituationParsingError` qui donne le chemin de la valeur
  (`individus/alice/salaire_de_base/2024-05`), et l'API Web répond 400 avec ce message ;
- un tableau donné en Python (`simulation.set_input`) est contrôlé en entier ; l'erreur, `EntreeInvalide`, est à la
  fois une `ValueError` et une `SituationParsingError` (l'API Web la transforme elle aussi en réponse 400).
"""

import math

import numpy
from openfisca_core.errors import SituationParsingError

# variable -> (minimum, maximum) inclus ; None = pas de borne.
BORNES = {
    "salaire_de_base": (0, None),
    "primes_salaire": (0, None),
    "remuneration_heures_supplementaires": (0, None),
    "heures_supplementaires": (0, None),
    "contribution_employeur_retraite_supplementaire": (0, None),
    "contribution_employeur_prevoyance": (0, None),
    "taux_contribution_employeur_prevoyance": (0, 1),
    "contribution_employeur_complementaire_sante": (0, None),
    "taux_contribution_employeur_complementaire_sante": (0, 1),
    "cotisation_salarie_prevoyance": (0, None),
    "taux_cotisation_salarie_prevoyance": (0, 1),
    "cotisation_salarie_complementaire_sante": (0, None),
    "taux_cotisation_salarie_complementaire_sante": (0, 1),
    "remuneration_heures_supplementaires_exoneree_impot": (0, None),
    "taux_prelevement_source": (0, 1),
    "quotite_de_travail": (0, 1),
    "forfait_annuel_heures": (0, None),
    "forfait_jours_annuel": (0, 366),
    "fraction_mois_remunere": (0, 1),
    "jours_absence_non_remuneree": (0, 31),
    "remuneration_autres_employeurs": (0, None),
    "effectif_entreprise": (0, None),
    "taux_accident_travail": (0, 1),
    "taux_versement_mobilite": (0, 1),
    "part_alternants": (0, 1),
    # Les entrées de la tarification AT/MP, des revenus de remplacement, des indépendants et de la procédure sont
    # contrôlées par leurs formules, avec l'année et l'entité en cause.
}


class EntreeInvalide(SituationParsingError, ValueError):  # noqa: N818 - noms français du projet
    """Entrée impossible : une `ValueError` pour le code Python, une erreur de situation (400) pour l'API Web.

    `chemin` est le chemin de la valeur dans une situation JSON (pluriel de l'entité, identifiant, variable,
    période) ; `str(erreur)` est le message seul.
    """

    def __init__(self, chemin, message):
        SituationParsingError.__init__(self, chemin, message, code=400)
        self.message = message

    def __str__(self):
        return self.message


def _attendu(minimum, maximum):
    return f"entre {minimum} et {maximum}" if maximum is not None else f"au moins {minimum}"


def _fautives(valeurs, minimum, maximum):
    """Masque des valeurs impossibles : NaN, infinies, hors des bornes."""
    fautives = ~numpy.isfinite(valeurs) if valeurs.dtype.kind == "f" else numpy.zeros(valeurs.shape, bool)
    if minimum is not None:
        fautives |= valeurs < minimum
    if maximum is not None:
        fautives |= valeurs > maximum
    return fautives


def _controle(nom, minimum, maximum, suite, defaut):
    def set_input(holder, period, array):
        valeurs = numpy.asarray(array)
        if valeurs.dtype.kind in "iuf":
            # La valeur par défaut (NaN ou -1 : « non renseigné ») est celle que le constructeur de simulation donne
            # aux entités sans saisie ; elle n'est pas fautive ici (une formule dira si elle manque).
            fautives = _fautives(valeurs, minimum, maximum) & ~_est_le_defaut(valeurs, defaut)
            if fautives.any():
                rang = int(numpy.flatnonzero(numpy.atleast_1d(fautives))[0])
                valeur = numpy.atleast_1d(valeurs)[rang]
                population = holder.population
                ids = getattr(population, "ids", None)
                identifiant = ids[rang] if ids is not None and len(ids) > rang else rang
                raise EntreeInvalide(
                    [population.entity.plural, identifiant, nom, str(period)],
                    f"{nom} : valeur {valeur} impossible pour {period} (entité n° {rang}) ; "
                    f"attendu un nombre {_attendu(minimum, maximum)}.",
                )
        if suite is not None:
            return suite(holder, period, array)
        return holder._set(period, array)

    return set_input


def _est_le_defaut(valeurs, defaut):
    if isinstance(defaut, float) and math.isnan(defaut):
        return numpy.isnan(valeurs) if valeurs.dtype.kind == "f" else numpy.zeros(valeurs.shape, bool)
    return valeurs == defaut


def _controle_valeur(nom, minimum, maximum, suite):
    """Contrôle d'une valeur de situation JSON, avant sa mise en tableau (chemin donné par le constructeur)."""

    def check_set_value(value):
        valeur = suite(value)
        if isinstance(valeur, numpy.integer | numpy.floating | int | float) and not isinstance(valeur, bool):
            nombre = float(valeur)
            if (
                not math.isfinite(nombre)
                or (minimum is not None and nombre < minimum)
                or (maximum is not None and nombre > maximum)
            ):
                raise ValueError(
                    f"{nom} : valeur {valeur} impossible ; attendu un nombre {_attendu(minimum, maximum)}."
                )
        return valeur

    return check_set_value


def valider_les_entrees(systeme):
    for nom, (minimum, maximum) in BORNES.items():
        variable = systeme.variables[nom]
        variable.set_input = _controle(nom, minimum, maximum, variable.set_input, variable.default_value)
        variable.check_set_value = _controle_valeur(nom, minimum, maximum, variable.check_set_value)

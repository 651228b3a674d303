"""Contrôle des entrées : une valeur impossible est refusée avec le nom de la variable et la valeur fautive.

Rien n'est écrêté en silence. Le contrôle s'applique à toute saisie (YAML, API Web, `simulation.set_input`).
"""

import numpy

# variable -> (minimum, maximum) inclus ; None = pas de borne.
BORNES = {
    "salaire_de_base": (0, None),
    "primes_salaire": (0, None),
    "remuneration_heures_supplementaires": (0, None),
    "heures_supplementaires": (0, None),
    "contribution_employeur_retraite_supplementaire": (0, None),
    "contribution_employeur_prevoyance": (0, None),
    "quotite_de_travail": (0, 1),
    "forfait_annuel_heures": (0, None),
    "forfait_jours_annuel": (0, 366),
    "fraction_mois_remunere": (0, 1),
    "effectif_entreprise": (0, None),
    "taux_accident_travail": (0, 1),
    "taux_versement_mobilite": (0, 1),
    "part_alternants": (0, 1),
}


def _controle(nom, minimum, maximum, suite):
    def set_input(holder, period, array):
        valeurs = numpy.asarray(array)
        if valeurs.dtype.kind in "iuf":
            fautives = numpy.isnan(valeurs) if valeurs.dtype.kind == "f" else numpy.zeros(valeurs.shape, bool)
            if minimum is not None:
                fautives |= valeurs < minimum
            if maximum is not None:
                fautives |= valeurs > maximum
            if fautives.any():
                rang = int(numpy.flatnonzero(numpy.atleast_1d(fautives))[0])
                valeur = numpy.atleast_1d(valeurs)[rang]
                attendu = f"entre {minimum} et {maximum}" if maximum is not None else f"au moins {minimum}"
                raise ValueError(
                    f"{nom} : valeur {valeur} impossible pour {period} (entité n° {rang}) ; "
                    f"attendu un nombre {attendu}."
                )
        if suite is not None:
            return suite(holder, period, array)
        return holder._set(period, array)

    return set_input


def valider_les_entrees(systeme):
    for nom, (minimum, maximum) in BORNES.items():
        variable = systeme.variables[nom]
        variable.set_input = _controle(nom, minimum, maximum, variable.set_input)

"""Contrôle des entrées : le contrat d'entrée commun à toutes les portes (API Web, page, CLI, Python).

Une valeur impossible est refusée avec le nom de la variable et la valeur fautive ; rien n'est écrêté en silence.

- `lire_valeur(variable, valeur)` : une valeur de situation JSON (booléen JSON seulement, énumération par son nom ou
  par un index dans l'intervalle, nombre JSON ou chaîne décimale `-12.5`, jamais une liste là où un scalaire est
  attendu) ; c'est le `check_set_value` de toutes les variables du paquet (`openfisca_secu.base.Variable`) ;
- `lire_booleens(cellules, colonne)` : une colonne de fichier, cellule par cellule (true/false, vrai/faux, oui/non,
  1/0, toute casse) ;
- `valider_situation(situation)` : la forme d'une situation JSON (chaque individu dans exactement un établissement et
  une entreprise, quotité nulle avec un salaire...) ;
- `verifier_periode(periode, droit_constant)` : la plage de la législation, janvier 2012 à décembre 2026.

Rien n'est écrêté en silence. Le contrôle s'applique à toute saisie (YAML, API Web, `simulation.set_input`) :

- chaque valeur d'une situation JSON (API Web, tests YAML) est contrôlée à la lecture (`check_set_value`) : le
  constructeur de simulation d'OpenFisca en fait une `SituationParsingError` qui donne le chemin de la valeur
  (`individus/alice/salaire_de_base/2024-05`), et l'API Web répond 400 avec ce message ;
- un tableau donné en Python (`simulation.set_input`) est contrôlé en entier ; l'erreur, `EntreeInvalide`, est à la
  fois une `ValueError` et une `SituationParsingError` (l'API Web la transforme elle aussi en réponse 400).
"""

import datetime
import json
import math
import re

import numpy
from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.indexed_enums import Enum

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
    "duree_collective_hebdomadaire": (1, 168),
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

    def __init__(self, chemin, message, code=400):
        SituationParsingError.__init__(self, chemin, message, code=code)
        self.chemin = list(chemin)
        self.message = message

    def __str__(self):
        return self.message


class ValeurIllisible(ValueError):  # noqa: N818 - noms français du projet
    """Valeur de situation refusée par `check_set_value` : openfisca-core attend une `ValueError` et y ajoute le
    chemin de la valeur (`SituationParsingError`, 400 dans l'API Web)."""


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
                raise ValeurIllisible(
                    f"{nom} : valeur {valeur} impossible ; attendu un nombre {_attendu(minimum, maximum)}."
                )
        return valeur

    return check_set_value


def valider_les_entrees(systeme):
    for nom, (minimum, maximum) in BORNES.items():
        variable = systeme.variables[nom]
        variable.set_input = _controle(nom, minimum, maximum, variable.set_input, variable.default_value)
        variable.check_set_value = _controle_valeur(nom, minimum, maximum, variable.check_set_value)


# --- Plage de la législation -----------------------------------------------------------------------------------

PREMIER_MOIS = "2012-01"
DERNIER_MOIS = "2026-12"
PLAGE = f"{PREMIER_MOIS} à {DERNIER_MOIS}"
_DEBUT = periods.period(PREMIER_MOIS).start
_FIN = DERNIER_JOUR = periods.period(DERNIER_MOIS).stop


class HorsPlage(EntreeInvalide):
    """Calcul demandé pour une période dont le paquet ne connaît pas la loi."""


def verifier_periode(periode, droit_constant=False, chemin=None):
    """Refuse un calcul pour une période hors de janvier 2012 à décembre 2026 (droit constant : après 2026, la loi
    de décembre 2026 est appliquée, et seule la borne basse reste). Rend la période lue."""
    lue = periods.period(periode) if not isinstance(periode, periods.Period) else periode
    trop_tot = lue.start < _DEBUT
    trop_tard = lue.stop > _FIN and not droit_constant
    if trop_tot or trop_tard:
        raise HorsPlage(
            chemin or ["periode"],
            f"{_prefixe(chemin)}période {lue} hors de la législation connue du paquet ({PLAGE}){_suite(trop_tard)}.",
        )
    return lue


def verifier_instant(instant):
    """Refuse la lecture des paramètres de la loi à une date hors de la plage connue (voir `ParametresDeLaLoi`)."""
    if not _DEBUT <= instant <= _FIN:
        raise HorsPlage(
            ["periode"], f"date {instant} hors de la législation connue du paquet ({PLAGE}){_suite(instant > _FIN)}."
        )


def _suite(trop_tard):
    if not trop_tard:
        return ""
    return (
        " ; pour projeter une année future à la loi de décembre 2026, demandez le droit constant "
        "(réforme droit_constant en Python, paramètre droit_constant=true de l'API, option --droit-constant du CLI)"
    )


def _prefixe(chemin):
    return f"{'.'.join(map(str, chemin))} : " if chemin else ""


# --- Valeurs d'une situation JSON -------------------------------------------------------------------------------

# Règles communes des textes (JSON et fichiers) : lues avec fullmatch.
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NOMBRE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
TEXTES_BOOLEENS = {
    "true": True,
    "vrai": True,
    "oui": True,
    "1": True,
    "false": False,
    "faux": False,
    "non": False,
    "0": False,
}


def type_attendu(variable, booleen="un booléen JSON true ou false"):
    """Ce qu'attend une variable, en français (`booleen` : la forme des booléens à la porte qui lit la valeur)."""
    if variable.value_type is bool:
        return booleen
    if variable.value_type is float:
        return "un nombre"
    if variable.value_type is int:
        return "un nombre entier"
    if variable.value_type == Enum:
        return "un des noms " + ", ".join(membre.name for membre in variable.possible_values)
    if variable.value_type is datetime.date:
        return "une date AAAA-MM-JJ"
    return "un texte"


def lire_nombre(texte):
    """Règle unique des chaînes numériques : un nombre décimal avec un point (`3000`, `-12.5`, `1e3`), rien d'autre
    (ni expression, ni virgule, ni espace) ; None si le texte n'en est pas un."""
    texte = texte.strip()
    return float(texte) if NOMBRE.fullmatch(texte) else None


def lire_valeur(variable, valeur):
    """Valeur JSON d'une variable, contrôlée selon le contrat d'entrée ; ValueError en français sinon (le constructeur
    de simulation y ajoute le chemin de la valeur)."""
    nom = variable.name
    attendu = type_attendu(variable)
    if isinstance(valeur, list | tuple | dict | set):
        raise ValeurIllisible(f"{nom} : attendu une seule valeur ({attendu}) par période, reçu {_court(valeur)}.")
    if variable.value_type is bool:
        if isinstance(valeur, bool | numpy.bool_):
            return bool(valeur)
        raise ValeurIllisible(f"{nom} : attendu {attendu}, reçu {_court(valeur)}.")
    if variable.value_type == Enum:
        return _lire_enumeration(variable, valeur, attendu)
    if variable.value_type in (float, int):
        return _lire_nombre_de(variable, valeur, attendu)
    if variable.value_type is datetime.date:
        if not isinstance(valeur, datetime.date | numpy.datetime64) and not (
            isinstance(valeur, str) and DATE.fullmatch(valeur)
        ):
            raise ValeurIllisible(f"{nom} : attendu {attendu}, reçu {_court(valeur)}.")
        try:
            return numpy.array([valeur], dtype=variable.dtype)[0]
        except (TypeError, ValueError, OverflowError):
            raise ValeurIllisible(f"{nom} : attendu {attendu}, reçu {_court(valeur)}.") from None
    if variable.value_type is str and not isinstance(valeur, str):
        raise ValeurIllisible(f"{nom} : attendu {attendu}, reçu {_court(valeur)}.")
    return numpy.array([valeur], dtype=variable.dtype)[0]


def _court(valeur):
    """La valeur telle que l'utilisateur l'a écrite en JSON (true, "non", [1, 2]), abrégée."""
    try:
        texte = json.dumps(valeur, ensure_ascii=False, default=str)
    except ValueError:
        texte = repr(valeur)
    return texte if len(texte) <= 60 else texte[:57] + "..."


def _lire_enumeration(variable, valeur, attendu):
    membres = variable.possible_values
    if isinstance(valeur, Enum):
        return valeur.index
    if isinstance(valeur, str) and valeur in membres.__members__:
        return membres[valeur].index
    if isinstance(valeur, int | numpy.integer) and not isinstance(valeur, bool) and 0 <= valeur < len(membres):
        return int(valeur)
    raise ValeurIllisible(
        f"{variable.name} : {_court(valeur)} inconnu ; attendu {attendu} (ou leur index de 0 à {len(membres) - 1})."
    )


def _lire_nombre_de(variable, valeur, attendu):
    nom = variable.name
    nombre = valeur
    if isinstance(valeur, str):
        nombre = lire_nombre(valeur)
    elif isinstance(valeur, bool | numpy.bool_) or not isinstance(valeur, int | float | numpy.integer | numpy.floating):
        nombre = None
    if nombre is None:
        raise ValeurIllisible(f"{nom} : attendu {attendu}, reçu {_court(valeur)}.")
    if not math.isfinite(nombre):
        raise ValeurIllisible(f"{nom} : valeur {valeur} impossible ; attendu {attendu} fini.")
    if variable.value_type is int:
        if nombre != int(nombre):
            raise ValeurIllisible(f"{nom} : attendu {attendu}, reçu {_court(valeur)}.")
        nombre = int(nombre)
    try:
        return numpy.array([nombre], dtype=variable.dtype)[0]
    except OverflowError:
        raise ValeurIllisible(f"{nom} : valeur {valeur} trop grande.") from None


# --- Colonnes de fichiers -----------------------------------------------------------------------------------------


def lire_booleens(cellules, colonne, premiere_ligne=2):
    """Colonne booléenne d'un fichier, cellule par cellule : true/false, vrai/faux, oui/non, 1/0 (toute casse,
    espaces ignorés) ou booléens natifs (Parquet). Autre chose : EntreeInvalide nommant la colonne et la ligne
    (`premiere_ligne` : numéro de la première cellule, 2 dans un tableur dont la ligne 1 est l'en-tête)."""
    valeurs = numpy.asarray(cellules, dtype=object) if not isinstance(cellules, numpy.ndarray) else cellules
    if valeurs.dtype == bool:
        return valeurs
    resultat = numpy.empty(len(valeurs), dtype=bool)
    for rang, cellule in enumerate(valeurs.tolist()):
        lu = lire_booleen(cellule)
        if lu is None:
            ligne = premiere_ligne + rang
            raise EntreeInvalide(
                [colonne, ligne],
                f"colonne « {colonne} », ligne {ligne} : {_court(cellule)} n'est pas un booléen ; "
                "attendu true/false, vrai/faux, oui/non ou 1/0.",
            )
        resultat[rang] = lu
    return resultat


def lire_booleen(cellule):
    """Une cellule booléenne (voir `lire_booleens`) : True, False, ou None si elle n'en est pas une."""
    if isinstance(cellule, bool | numpy.bool_):
        return bool(cellule)
    if isinstance(cellule, int | numpy.integer) and cellule in (0, 1):
        return bool(cellule)
    if isinstance(cellule, float | numpy.floating) and cellule in (0.0, 1.0):
        return bool(cellule)
    if isinstance(cellule, str):
        return TEXTES_BOOLEENS.get(cellule.strip().lower())
    return None


# --- Forme d'une situation JSON --------------------------------------------------------------------------------

GROUPES = ("etablissements", "entreprises")


def valider_situation(situation, systeme=None):
    """Contrôle une situation JSON avant sa construction ; EntreeInvalide nommant le chemin et l'identifiant sinon.

    - si la situation déclare des établissements (des entreprises), chaque individu est salarié d'exactement un
      d'entre eux (sinon OpenFisca lui donnerait le taux AT/MP ou l'effectif d'un autre groupe) ; sans aucun groupe
      déclaré, chaque individu est seul dans le sien ;
    - les membres d'un groupe sont des individus déclarés ; le seul rôle est `salaries` (avec `systeme`, une autre
      clé qui n'est pas une variable est un rôle inconnu) ;
    - `quotite_de_travail` nulle un mois où un salaire de base est versé est refusée (durée du travail nulle).
    """
    if not isinstance(situation, dict):
        raise EntreeInvalide(["situation"], f"situation : attendu un objet JSON, reçu {_court(situation)}.")
    individus = situation.get("individus")
    if not isinstance(individus, dict) or not individus:
        raise EntreeInvalide(
            ["individus"], "individus : attendu un objet {identifiant: {variable: {période: valeur}}} non vide."
        )
    for pluriel in GROUPES:
        groupes = situation.get(pluriel, {})
        if not isinstance(groupes, dict):
            raise EntreeInvalide([pluriel], f"{pluriel} : attendu un objet {{identifiant: {{salaries: [...]}}}}.")
        appartenance = {}
        for identifiant, groupe in groupes.items():
            if not isinstance(groupe, dict):
                raise EntreeInvalide([pluriel, identifiant], f"{pluriel}.{identifiant} : attendu un objet.")
            for cle in groupe:
                if cle != "salaries" and systeme is not None and cle not in systeme.variables:
                    raise EntreeInvalide(
                        [pluriel, identifiant, cle],
                        f"{pluriel}.{identifiant}.{cle} : rôle inconnu (et pas une variable) ; le seul rôle est "
                        "salaries, la liste des identifiants des individus du groupe.",
                    )
            membres = groupe.get("salaries", [])
            if isinstance(membres, str):
                membres = [membres]
            if not isinstance(membres, list):
                raise EntreeInvalide(
                    [pluriel, identifiant, "salaries"],
                    f"{pluriel}.{identifiant}.salaries : attendu une liste d'identifiants d'individus.",
                )
            for rang, membre in enumerate(membres):
                chemin = [pluriel, identifiant, "salaries", rang]
                if not isinstance(membre, str) or membre not in individus:
                    raise EntreeInvalide(
                        chemin,
                        f"{_prefixe(chemin)}{_court(membre)} n'est pas l'identifiant d'un individu de « individus ».",
                    )
                if membre in appartenance:
                    raise EntreeInvalide(
                        chemin,
                        f"{_prefixe(chemin)}l'individu {membre} est déjà salarié de {pluriel}.{appartenance[membre]} ; "
                        f"chaque individu appartient à exactement un groupe de « {pluriel} ».",
                    )
                appartenance[membre] = identifiant
        sans_groupe = [ident for ident in individus if ident not in appartenance]
        if sans_groupe and pluriel in situation:
            chemin = ["individus", sans_groupe[0]]
            raise EntreeInvalide(
                chemin,
                f"individus.{sans_groupe[0]} : l'individu n'est salarié d'aucun groupe de « {pluriel} » ; "
                f"listez-le dans les salaries d'un groupe de « {pluriel} ».",
            )
    for identifiant, variables in individus.items():
        if isinstance(variables, dict):
            _controler_quotite(identifiant, variables)
    if "axes" in situation:
        valider_axes(situation["axes"], len(individus), systeme)


# Au plus 100 000 individus après expansion des axes (une simulation de 100 000 salariés : quelques secondes).
INDIVIDUS_MAXIMAUX_AXES = 100_000


def valider_axes(axes, nombre_individus, systeme=None):
    """Axes d'OpenFisca (`[[{name, count, min, max, period, index}, ...], ...]`) : forme, variables numériques et taille
    totale (produit des `count` × individus de la situation) d'au plus INDIVIDUS_MAXIMAUX_AXES, refusée (413) avant
    tout calcul."""
    if not isinstance(axes, list) or not axes:
        raise EntreeInvalide(["axes"], "axes : attendu une liste non vide de listes d'axes parallèles.")
    cellules = 1
    for rang, paralleles in enumerate(axes):
        if not isinstance(paralleles, list) or not paralleles:
            raise EntreeInvalide(["axes", rang], f"axes.{rang} : attendu une liste non vide d'axes parallèles.")
        for position, axe in enumerate(paralleles):
            chemin = ["axes", rang, position]
            _valider_axe(axe, chemin, systeme)
        cellules *= paralleles[0]["count"]
        if cellules * nombre_individus > INDIVIDUS_MAXIMAUX_AXES:
            raise EntreeInvalide(
                ["axes"],
                f"axes : {cellules * nombre_individus} individus à simuler (produit des count × {nombre_individus} "
                f"individus) ; au plus {INDIVIDUS_MAXIMAUX_AXES} par requête.",
                code=413,
            )


def _valider_axe(axe, chemin, systeme):
    texte = ".".join(map(str, chemin))
    if not isinstance(axe, dict):
        raise EntreeInvalide(chemin, f"{texte} : attendu un objet {{name, count, min, max, period}}.")
    inconnues = set(axe) - {"name", "count", "min", "max", "period", "index"}
    if inconnues:
        raise EntreeInvalide(
            chemin, f"{texte}.{sorted(inconnues)[0]} : champ inconnu ; attendu name, count, min, max, period, index."
        )
    for champ in ("name", "count", "min", "max"):
        if champ not in axe:
            raise EntreeInvalide([*chemin, champ], f"{texte}.{champ} : champ obligatoire manquant.")
    count = axe["count"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise EntreeInvalide([*chemin, "count"], f"{texte}.count : attendu un entier au moins 1, reçu {_court(count)}.")
    for champ in ("min", "max"):
        borne = axe[champ]
        if not isinstance(borne, int | float) or isinstance(borne, bool) or not math.isfinite(borne):
            raise EntreeInvalide([*chemin, champ], f"{texte}.{champ} : attendu un nombre, reçu {_court(borne)}.")
    index = axe.get("index", 0)
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise EntreeInvalide([*chemin, "index"], f"{texte}.index : attendu un entier au moins 0, reçu {_court(index)}.")
    if "period" in axe and not isinstance(axe["period"], str | int):
        raise EntreeInvalide(
            [*chemin, "period"], f"{texte}.period : attendu une période, reçu {_court(axe['period'])}."
        )
    nom = axe["name"]
    if systeme is not None:
        if not isinstance(nom, str) or nom not in systeme.variables:
            raise EntreeInvalide([*chemin, "name"], f"{texte}.name : variable {_court(nom)} inconnue.")
        if systeme.variables[nom].value_type not in (float, int):
            raise EntreeInvalide(
                [*chemin, "name"], f"{texte}.name : {nom} n'est pas numérique ; un axe parcourt des nombres."
            )


# --- Identifiants de l'utilisateur dans les erreurs des formules -------------------------------------------------

_DESIGNATIONS = {
    "individu": "individus",
    "salarié": "individus",
    "apprenti": "individus",
    "personne": "individus",
    "établissement": "etablissements",
    "entreprise": "entreprises",
}
_RANG = re.compile(r"\b(" + "|".join(_DESIGNATIONS) + r")( du salarié)? n° (\d+)")


def identifiant(population, rang):
    """Identifiant donné par l'utilisateur à l'entité `rang` (son rang s'il n'y en a pas)."""
    ids = getattr(population, "ids", None)
    return str(ids[rang]) if ids is not None and 0 <= rang < len(ids) else str(rang)


def nommer_les_entites(message, simulation):
    """Remplace « individu n° 0 », « établissement n° 1 »... d'un message de formule par l'identifiant que
    l'utilisateur a donné (« individu alice »)."""

    def remplacer(trouve):
        designation, du_salarie, rang = trouve.group(1), trouve.group(2), int(trouve.group(3))
        pluriel = "individus" if du_salarie else _DESIGNATIONS[designation]
        population = _population(simulation, pluriel)
        if population is None:
            return trouve.group(0)
        return f"{designation}{du_salarie or ''} « {identifiant(population, rang)} »"

    return _RANG.sub(remplacer, message)


def _population(simulation, pluriel):
    return next((p for p in simulation.populations.values() if p.entity.plural == pluriel), None)


def chemin_de_l_utilisateur(chemin, simulation):
    """Chemin d'une erreur de formule ([pluriel, rang, ...]) avec l'identifiant de l'utilisateur à la place du rang."""
    if len(chemin) >= 2 and isinstance(chemin[1], int | numpy.integer):
        population = _population(simulation, chemin[0])
        if population is not None:
            return [chemin[0], identifiant(population, int(chemin[1])), *chemin[2:]]
    return list(chemin)


def _controler_quotite(identifiant, variables):
    quotites = variables.get("quotite_de_travail")
    salaires = variables.get("salaire_de_base")
    if not isinstance(quotites, dict) or not isinstance(salaires, dict):
        return
    for periode, quotite in quotites.items():
        salaire = salaires.get(periode)
        if quotite == 0 and isinstance(salaire, int | float) and not isinstance(salaire, bool) and salaire > 0:
            chemin = ["individus", identifiant, "quotite_de_travail", periode]
            raise EntreeInvalide(
                chemin,
                f"{_prefixe(chemin)}quotité de travail nulle alors qu'un salaire de base de {salaire} est versé ; "
                "attendu une quotité entre 0 (exclu) et 1.",
            )

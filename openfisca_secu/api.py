"""L'API Web d'openfisca-secu : l'API OpenFisca standard, plus l'inversion de la paie et le simulateur de fiche de paie.

    python -m openfisca_secu.api [--port 5000] [--workers 2] [--reforms openfisca_secu.reforms.x.Reforme ...]

(c'est ce que lancent `make serve` et `make page`). `creer_application()` construit l'application Flask :

- toutes les routes de l'API OpenFisca (`/calculate`, `/trace`, `/variables`, `/variable/<nom>`, `/parameters`,
  `/parameter/<chemin>`, `/entities`, `/spec`), avec un exemple de situation dans `/spec` ;
- `POST /inversion` : le salaire de base pour un salaire net ou un coût total employeur voulu
  (`openfisca_secu.inversion`), décrit dans `/spec` ;
- `GET /simulateur` : la page du simulateur (fichiers statiques de `openfisca_secu/page/`), qui affiche le bulletin de
  `POST /fiche_de_paie`.

Une entrée impossible reçoit une réponse 4xx dont le message nomme le champ, et le serveur continue de servir :
en plus de ce que fait l'API standard (variable inconnue 404, période mal formée, type ou valeur d'énumération
inconnue 400, valeur hors bornes 400 grâce à `openfisca_secu.validation`), l'application répond 400 à une période
qui ne correspond pas à la variable demandée, à une date hors de la législation (avant 2012), à une entrée que refuse
une formule (effectif ou taux AT/MP manquant...), 413 à un corps de plus de `TAILLE_MAXIMALE_REQUETE` octets et
415 à un corps qui n'est pas du JSON.
"""

from __future__ import annotations

import argparse
import gc
import linecache
import math
import os
import re
import sys
from functools import lru_cache, wraps
from pathlib import Path

import numpy
from flask import jsonify, request, send_from_directory
from openfisca_core import periods
from openfisca_core.errors import ParameterNotFoundError, PeriodMismatchError, SituationParsingError
from openfisca_core.indexed_enums import Enum
from openfisca_core.scripts import build_tax_benefit_system
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.simulations import helpers
from openfisca_web_api.app import create_app
from werkzeug.exceptions import HTTPException

from openfisca_secu import bulletin_de_paie, inversion
from openfisca_secu.validation import (
    DERNIER_MOIS,
    INDIVIDUS_MAXIMAUX_AXES,
    PLAGE,
    PREMIER_MOIS,
    EntreeInvalide,
    chemin_de_l_utilisateur,
    nommer_les_entites,
    valider_situation,
    verifier_periode,
)

PAGE = Path(__file__).parent / "page"
_PAQUET = Path(__file__).parent.resolve()

# 10 000 salariés avec leur établissement et leur entreprise tiennent dans environ 4 Mo de JSON.
TAILLE_MAXIMALE_REQUETE = 16 * 1024 * 1024
PERSONNES_MAXIMALES_INVERSION = 200_000
# Une situation a 4 niveaux ({individus: {alice: {variable: {période: valeur}}}}), les axes 4, /fiche_de_paie 5.
PROFONDEUR_MAXIMALE_JSON = 20

SITUATION_EXEMPLE = {
    "individus": {
        "alice": {
            "salaire_de_base": {"2024-05": 3000},
            "categorie_salarie": {"2024-05": "cadre"},
            "salaire_net": {"2024-05": None},
            "cout_total_employeur": {"2024-05": None},
        }
    },
    "etablissements": {"siege": {"salaries": ["alice"], "taux_accident_travail": {"2024-05": 0.0112}}},
    "entreprises": {"acme": {"salaries": ["alice"], "effectif_entreprise": {"2024-05": 35}}},
}

INVERSION_EXEMPLE = {
    "cible": "salaire_net",
    "periode": "2024-05",
    "montants": [2000, 3500],
    "entrees": {
        "effectif_entreprise": [10, 300],
        "taux_accident_travail": 0.0112,
        "categorie_salarie": ["non_cadre", "cadre"],
    },
}

_SPEC_INVERSION = {
    "post": {
        "summary": "Salaire de base brut pour un salaire net ou un coût total employeur voulu",
        "description": (
            "Plus petit salaire de base, au centime, dont le salaire net (ou le coût total employeur) arrondi au "
            "centime atteint la cible ; les autres entrées restent fixes. Chaque entrée est un scalaire, une liste "
            "d'une valeur par cible (pour `periode`) ou un objet {période: liste}. Un salarié par cible, seul dans son "
            "établissement et son entreprise. `exact` faux : la cible tombe dans un saut ; `ecart` dit de combien "
            "le montant atteint la dépasse. Voir openfisca_secu/inversion.py."
        ),
        "tags": ["Calculations"],
        "operationId": "inversion",
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InversionEntree"}}},
        },
        "responses": {
            "200": {
                "description": "Le salaire de base trouvé pour chaque cible",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InversionSortie"}}},
            },
            "400": {"description": "Requête invalide ; le message nomme le champ fautif"},
            "413": {"description": "Corps de requête trop grand"},
            "415": {"description": "Corps de requête qui n'est pas du JSON"},
        },
    }
}

_SCHEMAS_INVERSION = {
    "InversionEntree": {
        "type": "object",
        "required": ["cible", "periode", "montants"],
        "properties": {
            "cible": {"type": "string", "enum": list(inversion.CIBLES)},
            "periode": {"type": "string", "example": "2024-05"},
            "montants": {
                "oneOf": [{"type": "number"}, {"type": "array", "items": {"type": "number"}}],
            },
            "entrees": {"type": "object", "additionalProperties": {}},
        },
        "example": INVERSION_EXEMPLE,
    },
    "InversionSortie": {
        "type": "object",
        "properties": {
            "cible": {"type": "string"},
            "periode": {"type": "string"},
            "montant_cible": {"type": "array", "items": {"type": "number"}},
            "salaire_de_base": {"type": "array", "items": {"type": "number"}},
            "remuneration_brute": {"type": "array", "items": {"type": "number"}},
            "atteint": {"type": "array", "items": {"type": "number"}},
            "ecart": {"type": "array", "items": {"type": "number"}},
            "exact": {"type": "array", "items": {"type": "boolean"}},
            "simulations": {"type": "integer"},
        },
    },
}


class RequeteInvalide(Exception):  # noqa: N818 - noms français du projet
    """Erreur de la requête, renvoyée telle quelle au client avec son code HTTP."""

    def __init__(self, message, code=400):
        super().__init__(message)
        self.message = message
        self.code = code


def _erreur(message, code=400):
    reponse = jsonify({"error": message})
    reponse.status_code = code
    return reponse


def _refus_d_une_formule(erreur):
    """Vrai si `erreur` est levée par une instruction `raise` du paquet : une formule qui refuse une entrée.

    Une ValueError levée par numpy dans une formule (un bogue) a pour dernière ligne l'appel numpy, pas un `raise`.
    """
    trace = erreur.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    fichier = Path(trace.tb_frame.f_code.co_filename).resolve()
    if _PAQUET not in fichier.parents:
        return False
    return linecache.getline(str(fichier), trace.tb_lineno).strip().startswith("raise")


def _erreur_de_calcul(erreur, simulation=None):
    """Réponse 4xx si l'erreur vient de la situation demandée, None si c'est une erreur du serveur.

    Avec la simulation, les rangs des entités (« individu n° 0 ») deviennent les identifiants de l'utilisateur."""
    if isinstance(erreur, EntreeInvalide):
        chemin = chemin_de_l_utilisateur(erreur.chemin, simulation) if simulation is not None else erreur.chemin
        message = nommer_les_entites(erreur.message, simulation) if simulation is not None else erreur.message
        return _reponse_de_situation(chemin, message, erreur.code or 400)
    if isinstance(erreur, SituationParsingError):
        chemin, message = _feuille(erreur.error)
        return _reponse_de_situation(chemin, en_francais(message), erreur.code or 400)
    if isinstance(erreur, PeriodMismatchError):
        return _erreur(erreur.message, 400)
    if isinstance(erreur, ParameterNotFoundError):
        return _erreur(f"Période hors du champ de la législation décrite ({PLAGE}) : {erreur}", 400)
    if isinstance(erreur, ValueError):
        message = str(erreur)
        # openfisca-core : variable demandée pour une période qui ne correspond pas à sa définition
        if message.startswith("Unable to compute variable") or _refus_d_une_formule(erreur):
            return _erreur(nommer_les_entites(message, simulation) if simulation is not None else message, 400)
    return None


# Messages d'openfisca-core (constructeur de simulation), dits en français avec ce qui était attendu.
_TRADUCTIONS = [
    (
        r"You tried to calculate or to set a value for variable '(?P<v>\w+)', but it was not found.*",
        "variable « {v} » inconnue d'openfisca-secu (la liste : GET /variables).",
    ),
    (
        r"Expected a period .*got: '(?P<p>.*?)'.*",
        "période « {p} » mal formée ; attendu AAAA, AAAA-MM, AAAA-MM-JJ ou ETERNITY.",
    ),
    (r"Unable to parse string \[(?P<p>.*?)\].*", "période « {p} » mal formée ; attendu AAAA, AAAA-MM, AAAA-MM-JJ."),
    (
        r"Some entities in the situation are not defined.*not found: (?P<e>[^.]*)\. The defined entities are: "
        r"(?P<d>[^.]*)\..*",
        "entité {e} inconnue ; les entités sont {d}.",
    ),
    (
        r"You tried to compute the variable '(?P<v>\w+)' for the entity '(?P<e>\w+)'; however the variable "
        r"'\w+' is defined for '(?P<f>\w+)'.*",
        "{v} est une variable des {f}, pas des {e} : donnez-la dans {f}.",
    ),
    (
        r"Can't deal with type: expected object\..*",
        'attendu un objet {{période: valeur}}, par exemple {{"2024-05": 3000}} ou {{"ETERNITY": "2024-05-10"}}.',
    ),
    (
        r"Unable to set a value for variable (?P<v>\w+) for (?P<p>\S+)\. \w+ is only defined for (?P<u>\w+)\..*",
        "{v} se donne pour {u} : « {p} » ne convient pas.",
    ),
]


_UNITES_ANGLAISES = {"months": "le mois", "years": "l'année", "days": "le jour"}


def en_francais(message):
    """Un message d'openfisca-core dit en français (les messages du paquet sont rendus tels quels)."""
    for motif, traduction in _TRADUCTIONS:
        trouve = re.fullmatch(motif, str(message), flags=re.S)
        if trouve:
            groupes = {cle: _UNITES_ANGLAISES.get(valeur, valeur) for cle, valeur in trouve.groupdict().items()}
            return traduction.format(**groupes)
    return message


def _feuille(arbre):
    """(chemin, message) de la feuille d'une erreur de situation d'OpenFisca ({individus: {alice: {...: msg}}})."""
    chemin = []
    while isinstance(arbre, dict) and len(arbre) == 1:
        cle, arbre = next(iter(arbre.items()))
        chemin.append(cle)
    while isinstance(arbre, list) and len(arbre) == 1:
        arbre, chemin = arbre[0], [*chemin, 0]
    return chemin, arbre if isinstance(arbre, str) else str(arbre)


def _reponse_de_situation(chemin, message, code):
    """Erreur au format d'OpenFisca (le message à l'endroit fautif de la situation), message préfixé par le chemin
    avec les identifiants de l'utilisateur (`entreprises.acme.effectif_entreprise.2024-05 : ...`)."""
    texte = ".".join(map(str, chemin))
    if texte and not str(message).startswith(texte):
        message = f"{texte} : {message}"
    corps = message
    for cle in reversed([str(c) for c in chemin] or ["error"]):
        corps = {cle: corps}
    reponse = jsonify(corps)
    reponse.status_code = code
    return reponse


class _Identifiants(list):
    """Identifiants d'une entité dont `index` et `in` sont en temps constant.

    Le constructeur de simulation d'OpenFisca cherche le rang de chaque personne et de chaque groupe dans la liste des
    identifiants, valeur par valeur : en liste simple, une situation de 10 000 salariés demande des centaines de
    millions de comparaisons (20 s au lieu de 2 s).
    """

    def __init__(self, identifiants):
        super().__init__(identifiants)
        self._rangs = {}
        for rang, identifiant in enumerate(self):
            self._rangs.setdefault(identifiant, rang)

    def index(self, valeur, *bornes):
        if not bornes and isinstance(valeur, str) and valeur in self._rangs:
            return self._rangs[valeur]
        return super().index(valeur, *bornes)

    def __contains__(self, valeur):
        if isinstance(valeur, str):
            return valeur in self._rangs
        return super().__contains__(valeur)

    def __add__(self, autres):
        return _Identifiants([*self, *autres])


class ConstructeurDeSimulation(SimulationBuilder):
    """Constructeur d'OpenFisca dont les recherches d'identifiants sont en temps constant (mêmes résultats).

    `add_group_entity` est celui d'openfisca-core 46 (simulation_builder.py), dont la liste des identifiants du groupe
    est une `_Identifiants` ; tests/api/test_constructeur.py vérifie que les simulations sont les mêmes.
    """

    def add_group_entity(self, persons_plural, persons_ids, entity, instances_json):
        helpers.check_type(instances_json, dict, [entity.plural])
        entity_ids = _Identifiants(map(str, instances_json.keys()))
        self.entity_ids[entity.plural] = entity_ids
        self.entity_counts[entity.plural] = len(entity_ids)
        persons_count = len(persons_ids)
        persons_to_allocate = set(persons_ids)
        self.memberships[entity.plural] = numpy.empty(persons_count, dtype=numpy.int32)
        self.roles[entity.plural] = numpy.empty(persons_count, dtype=object)
        role_by_plural = {role.plural or role.key: role for role in entity.roles}

        for instance_id, instance_object in instances_json.items():
            helpers.check_type(instance_object, dict, [entity.plural, instance_id])
            variables_json = instance_object.copy()
            roles_json = {
                role.plural or role.key: helpers.transform_to_strict_syntax(
                    variables_json.pop(role.plural or role.key, [])
                )
                for role in entity.roles
            }
            for role_id, role_definition in roles_json.items():
                helpers.check_type(role_definition, list, [entity.plural, instance_id, role_id])
                for index, person_id in enumerate(role_definition):
                    self.check_persons_to_allocate(
                        persons_plural,
                        entity.plural,
                        persons_ids,
                        person_id,
                        instance_id,
                        role_id,
                        persons_to_allocate,
                        index,
                    )
                    persons_to_allocate.discard(person_id)
            entity_index = entity_ids.index(instance_id)
            for role_plural, persons_with_role in roles_json.items():
                role = role_by_plural[role_plural]
                if role.max is not None and len(persons_with_role) > role.max:
                    raise SituationParsingError(
                        [entity.plural, instance_id, role_plural],
                        f"There can be at most {role.max} {role_plural} in a {entity.key}. "
                        f"{len(persons_with_role)} were declared in '{instance_id}'.",
                    )
                for index_within_role, person_id in enumerate(persons_with_role):
                    person_index = persons_ids.index(person_id)
                    self.memberships[entity.plural][person_index] = entity_index
                    self.roles[entity.plural][person_index] = (
                        role.subroles[index_within_role] if role.subroles else role
                    )
            self.init_variable_values(entity, variables_json, instance_id)

        if persons_to_allocate:
            entity_ids = entity_ids + list(persons_to_allocate)
            for person_id in persons_to_allocate:
                person_index = persons_ids.index(person_id)
                self.memberships[entity.plural][person_index] = entity_ids.index(person_id)
                self.roles[entity.plural][person_index] = entity.flattened_roles[0]
            self.entity_ids[entity.plural] = entity_ids
            self.entity_counts[entity.plural] = len(entity_ids)

        self.roles[entity.plural] = self.roles[entity.plural].tolist()
        self.memberships[entity.plural] = self.memberships[entity.plural].tolist()

    def get_ids(self, entity_name):
        identifiants = super().get_ids(entity_name)
        if isinstance(identifiants, _Identifiants):
            return identifiants
        indexes = _Identifiants(identifiants)
        if self.entity_ids.get(entity_name) is identifiants:
            self.entity_ids[entity_name] = indexes
        elif self.axes_entity_ids.get(entity_name) is identifiants:
            self.axes_entity_ids[entity_name] = indexes
        return indexes


def _valeur_json(variable, resultat, rang):
    """Comme l'API OpenFisca : nom du membre d'une énumération, nombre réel, texte ou valeur Python ; une date en
    AAAA-MM-JJ ; null pour une valeur non renseignée (valeur par défaut sentinelle : NaN d'une entrée, entier négatif,
    date 1900 ou 2999), jamais la sentinelle elle-même."""
    if variable.value_type == Enum:
        return resultat.decode()[rang].name
    valeur = resultat[rang]
    if variable.value_type is float:
        if not math.isfinite(valeur):
            return None
        return float(str(valeur))  # comme OpenFisca : pas de décimales parasites d'un float32
    if variable.value_type is str:
        return str(valeur)
    valeur = valeur.item() if hasattr(valeur, "item") else valeur
    if _sentinelle(variable, valeur):
        return None
    return valeur.isoformat() if hasattr(valeur, "isoformat") else valeur


def _sentinelle(variable, valeur):
    defaut = variable.default_value
    if variable.value_type is int:
        return defaut < 0 and valeur == defaut
    if hasattr(defaut, "year") and hasattr(valeur, "year"):
        return valeur == defaut and not 1900 < defaut.year < 2999
    return False


def _demandes(donnees):
    """(pluriel, identifiant, variable, période) de chaque valeur null de la situation, dans l'ordre du JSON."""
    for pluriel, instances in donnees.items():
        if not isinstance(instances, dict):
            continue
        for identifiant, variables in instances.items():
            if not isinstance(variables, dict):
                continue
            for nom, valeurs in variables.items():
                if isinstance(valeurs, dict):
                    for periode, valeur in valeurs.items():
                        if valeur is None:
                            yield pluriel, identifiant, nom, periode


def construire(systeme, donnees):
    """Simulation d'une situation JSON, contrôlée d'abord par `validation.valider_situation` (appartenance aux
    groupes, rôles, axes et leur taille) ; une situation mal formée que le constructeur d'OpenFisca laisse passer
    jusqu'à une erreur Python (rôle donné comme texte, longueurs incohérentes...) devient une erreur de situation.

    `simulation.ids_d_origine` : les identifiants de chaque entité avant l'expansion des axes."""
    valider_situation(donnees, systeme)
    constructeur = ConstructeurDeSimulation()
    try:
        simulation = constructeur.build_from_entities(systeme, donnees)
    except SituationParsingError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as erreur:
        raise SituationParsingError(["situation"], f"Situation invalide : {erreur}") from erreur
    simulation.ids_d_origine = {pluriel: list(ids) for pluriel, ids in constructeur.entity_ids.items()}
    return simulation


def _droit_constant(systeme):
    return getattr(systeme.parameters, "droit_constant", False)


@lru_cache(maxsize=4096)
def _periode(texte):
    """La période d'un texte de la situation ("2024-05"), lue une fois : une fiche demande des dizaines de variables
    pour la même période, et lire le texte (pendulum) coûte autant que certaines formules."""
    return periods.period(texte)


def _verifier_les_periodes(demandes, systeme):
    """Chaque calcul demandé est pour une période de l'unité de la variable (un mois pour une variable mensuelle)
    et tombe dans la plage de la loi (ou après, en droit constant) ; chemin de l'utilisateur."""
    for pluriel, identifiant, nom, periode in demandes:
        lue = _periode(periode)
        chemin = [pluriel, identifiant, nom, periode]
        if lue.unit != periods.DateUnit.ETERNITY:
            verifier_periode(lue, _droit_constant(systeme), chemin)
        unite = systeme.get_variable(nom).definition_period
        if unite != periods.DateUnit.ETERNITY and (lue.unit != unite or lue.size != 1):
            exemple = {periods.DateUnit.MONTH: "2024-05", periods.DateUnit.YEAR: "2024"}.get(unite, unite)
            raise EntreeInvalide(
                chemin,
                f"{nom} se calcule par période d'un {_UNITES.get(unite, unite)} ({exemple}), pas pour {periode}.",
            )


_UNITES = {periods.DateUnit.MONTH: "mois", periods.DateUnit.YEAR: "an", periods.DateUnit.DAY: "jour"}


def calculer(systeme, donnees):
    """Même contrat que `openfisca_web_api.handlers.calculate` (la situation, chaque null remplacé par sa valeur),
    en temps linéaire : pas de dpath, rangs des identifiants lus dans un dictionnaire. Avec des axes, chaque valeur
    demandée est la liste de ses valeurs le long des axes. Une valeur indéterminée (NaN calculé) est une erreur."""
    simulation = construire(systeme, donnees)
    demandes = list(_demandes(donnees))
    _verifier_les_periodes(demandes, systeme)
    rangs = {}
    try:
        for pluriel, identifiant, nom, periode in demandes:
            ids = simulation.ids_d_origine[pluriel]
            if pluriel not in rangs:
                rangs[pluriel] = {ident: rang for rang, ident in enumerate(ids)}
            variable = systeme.get_variable(nom)
            resultat = simulation.calculate(nom, _periode(periode))
            rang = rangs[pluriel][identifiant]
            positions = range(rang, len(resultat), len(ids))
            if variable.value_type is float and variable.formulas:
                _refuser_l_indetermine(resultat, positions, [pluriel, identifiant, nom, periode])
            valeurs = [_valeur_json(variable, resultat, position) for position in positions]
            donnees[pluriel][identifiant][nom][periode] = valeurs if "axes" in donnees else valeurs[0]
    except Exception as erreur:
        erreur.simulation = simulation
        raise
    return donnees


def _refuser_l_indetermine(resultat, positions, chemin):
    valeurs = numpy.asarray(resultat)[list(positions)]
    if not numpy.isfinite(valeurs).all():
        raise EntreeInvalide(
            chemin,
            f"{chemin[2]} : valeur indéterminée pour {chemin[3]} (une entrée dont elle dépend manque ; pour la "
            "tarification AT/MP, demandez taux_net_atmp_notifie : son erreur nomme la donnée manquante).",
        )


def tracer(systeme, donnees):
    """Même contrat que `openfisca_web_api.handlers.trace`, avec le constructeur en temps linéaire."""
    simulation = construire(systeme, donnees)
    demandes_lues = list(_demandes(donnees))
    _verifier_les_periodes(demandes_lues, systeme)
    simulation.trace = True
    demandes = []
    try:
        for pluriel, identifiant, nom, periode in demandes_lues:
            demandes.append(f"{nom}<{periode!s}>")
            resultat = simulation.calculate(nom, periode)
            if systeme.get_variable(nom).value_type is float and systeme.get_variable(nom).formulas:
                rang = simulation.ids_d_origine[pluriel].index(identifiant)
                positions = range(rang, len(resultat), len(simulation.ids_d_origine[pluriel]))
                _refuser_l_indetermine(resultat, positions, [pluriel, identifiant, nom, periode])
    except Exception as erreur:
        erreur.simulation = simulation
        raise
    return {
        "trace": simulation.tracer.get_serialized_flat_trace(),
        "entitiesDescription": simulation.describe_entities(),
        "requestedCalculations": demandes,
    }


def profondeur_json(octets):
    """Profondeur d'imbrication des objets et listes d'un texte JSON, mesurée sans le lire : un JSON de 1 000 niveaux
    ferait dépasser la pile de récursion du lecteur. Un premier passage compte aussi les crochets des chaînes (un
    majorant, rapide) ; s'il dépasse la limite, les chaînes sont effacées et la profondeur recomptée."""
    majorant = _profondeur(octets)
    if majorant <= PROFONDEUR_MAXIMALE_JSON:
        return majorant
    return _profondeur(re.sub(rb'"(?:[^"\\]|\\.)*"', b"", octets))


def _profondeur(octets):
    caracteres = numpy.frombuffer(octets, dtype=numpy.uint8)
    ouvrants = (caracteres == ord("{")) | (caracteres == ord("["))
    fermants = (caracteres == ord("}")) | (caracteres == ord("]"))
    return int(numpy.cumsum(ouvrants.astype(numpy.int64) - fermants).max(initial=0))


def _garde_json():
    """Avant toute vue : un corps JSON trop imbriqué est refusé (400) avant d'être lu."""
    if request.method == "POST" and request.is_json:
        profondeur = profondeur_json(request.get_data(cache=True))
        if profondeur > PROFONDEUR_MAXIMALE_JSON:
            return _erreur(
                f"JSON trop imbriqué : {profondeur} niveaux d'objets ou de listes, au plus {PROFONDEUR_MAXIMALE_JSON}.",
                400,
            )
    return None


PARAMETRE_DROIT_CONSTANT = {
    "name": "droit_constant",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": ["true", "false"], "default": "false"},
    "description": (
        f"La loi connue du paquet va de {PLAGE} : un calcul hors de cette plage est refusé (400). Avec "
        "droit_constant=true, une période postérieure à 2026-12 est calculée avec la loi de décembre 2026 (réforme "
        "openfisca_secu.reforms.droit_constant) ; avant 2012-01, toujours refusé."
    ),
}

CONTRAT_D_ENTREE = (
    "\n\nContrat d'entrée (openfisca_secu/validation.py) : booléens JSON true/false seulement ; énumérations par "
    'leur nom (ou un index dans l\'intervalle) ; nombres JSON ou chaînes décimales à point ("-12.5"), jamais NaN, '
    "l'infini ni une liste ; chaque individu dans exactement un établissement et une entreprise quand la situation en "
    "déclare ; seul rôle : salaries. Une valeur non renseignée demandée revient null, jamais une sentinelle. "
    f"JSON d'au plus {PROFONDEUR_MAXIMALE_JSON} niveaux d'imbrication (400 au-delà). Axes : chaque valeur demandée "
    f"revient en liste le long des axes ; au plus {INDIVIDUS_MAXIMAUX_AXES} individus après expansion (produit des "
    "count × individus), refusé par 413 avant tout calcul. Les erreurs nomment le chemin avec vos identifiants "
    "(entreprises.acme.effectif_entreprise.2024-05)."
)


def sans_non_finis(valeur):
    """La réponse sans NaN ni infini, qui ne sont pas du JSON : null à leur place (valeurs intermédiaires d'une trace,
    non renseignées)."""
    if isinstance(valeur, float):
        return valeur if math.isfinite(valeur) else None
    if isinstance(valeur, dict):
        return {cle: sans_non_finis(v) for cle, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [sans_non_finis(v) for v in valeur]
    return valeur


def _lire_droit_constant():
    """Paramètre de requête `droit_constant` : true ou false (défaut false)."""
    valeur = request.args.get("droit_constant", "false")
    if valeur not in ("true", "false"):
        raise EntreeInvalide(["droit_constant"], f"droit_constant : attendu true ou false, reçu {valeur!r}.")
    return valeur == "true"


def _vue_de_calcul(systeme, traitement):
    """Vue /calculate, /trace ou /fiche_de_paie : corps JSON exigé ; erreurs de la situation en 4xx avec le chemin et
    les identifiants de l'utilisateur, comme l'API OpenFisca, plus celles qu'elle laisse en 500 (période, législation,
    refus d'une formule). `?droit_constant=true` : calcul avec la réforme droit_constant (après 2026, la loi de
    décembre 2026)."""
    systemes = {False: systeme}

    def vue():
        if not request.is_json:
            return _erreur("Le corps de la requête doit être du JSON (Content-Type: application/json).", 415)
        donnees = request.get_json(silent=True)
        if donnees is None:
            return _erreur("JSON invalide : le corps de la requête ne se lit pas comme du JSON.", 400)
        try:
            droit_constant = _lire_droit_constant()
            if droit_constant not in systemes:
                from openfisca_secu.reforms.droit_constant import droit_constant as reforme

                systemes[droit_constant] = reforme(systeme)
            return jsonify(sans_non_finis(traitement(systemes[droit_constant], donnees)))
        except Exception as erreur:
            reponse = _erreur_de_calcul(erreur, getattr(erreur, "simulation", None))
            if reponse is None:
                raise
            return reponse

    return vue


def _lire_inversion(corps):
    if not isinstance(corps, dict):
        raise RequeteInvalide("Le corps doit être un objet JSON {cible, periode, montants, entrees}.")
    inconnus = set(corps) - {"cible", "periode", "montants", "entrees"}
    if inconnus:
        raise RequeteInvalide(f"{sorted(inconnus)[0]} : champ inconnu ; attendu cible, periode, montants, entrees.")
    for champ in ("cible", "periode", "montants"):
        if champ not in corps:
            raise RequeteInvalide(f"{champ} : champ obligatoire manquant.")
    if not isinstance(corps["cible"], str) or not isinstance(corps["periode"], str):
        champ = "cible" if not isinstance(corps["cible"], str) else "periode"
        raise RequeteInvalide(f"{champ} : attendu une chaîne de caractères, reçu {corps[champ]!r}.")
    montants = corps["montants"]
    liste = montants if isinstance(montants, list) else [montants]
    if not liste or not all(isinstance(m, int | float) and not isinstance(m, bool) for m in liste):
        raise RequeteInvalide(f"montants : attendu un nombre ou une liste non vide de nombres, reçu {montants!r}.")
    if len(liste) > PERSONNES_MAXIMALES_INVERSION:
        raise RequeteInvalide(f"montants : au plus {PERSONNES_MAXIMALES_INVERSION} cibles par requête.", 413)
    entrees = corps.get("entrees") or {}
    if not isinstance(entrees, dict):
        raise RequeteInvalide(f"entrees : attendu un objet {{variable: valeur}}, reçu {entrees!r}.")
    for nom, valeur in entrees.items():
        valeurs = valeur.values() if isinstance(valeur, dict) else [valeur]
        for v in valeurs:
            elements = v if isinstance(v, list) else [v]
            if not all(isinstance(e, int | float | str | bool) for e in elements):
                raise RequeteInvalide(f"{nom} : attendu un scalaire ou une liste de scalaires, reçu {v!r}.")
    return corps["cible"], corps["periode"], liste, entrees


def creer_application(systeme=None, reformes=()):
    """Application Flask de l'API Web (système du paquet, éventuellement réformé : chemins `module.Classe`)."""
    if systeme is None:
        systeme = build_tax_benefit_system("openfisca_secu", None, list(reformes) or None)
    systeme.open_api_config = {
        "variable_example": "salaire_net",
        "parameter_example": "plafond_securite_sociale.mensuel",
        "simulation_example": SITUATION_EXEMPLE,
    }
    app = create_app(
        systeme,
        welcome_message=(
            "API Web d'openfisca-secu : cotisations et contributions sociales de 2012 à 2026. Spécification : /spec ; "
            "inversion net → brut : POST /inversion ; simulateur de fiche de paie : /simulateur."
        ),
    )
    proteger(app, systeme)

    spec_standard = app.view_functions["get_spec"]

    @wraps(spec_standard)
    def get_spec():
        spec = spec_standard().get_json()
        spec["paths"]["/inversion"] = _SPEC_INVERSION
        spec["components"]["schemas"].update(_SCHEMAS_INVERSION)
        spec["paths"]["/fiche_de_paie"] = bulletin_de_paie.SPEC
        spec["components"]["schemas"].update(bulletin_de_paie.SCHEMAS)
        return jsonify(spec)

    app.view_functions["get_spec"] = get_spec

    @app.route("/inversion", methods=["POST"])
    def inverser():
        if not request.is_json:
            return _erreur("Le corps de la requête doit être du JSON (Content-Type: application/json).", 415)
        corps = request.get_json(silent=True)
        if corps is None:
            return _erreur("Corps JSON invalide.", 400)
        try:
            cible, periode, montants, entrees = _lire_inversion(corps)
            resultat = inversion.inverser(systeme, periode, cible, montants, entrees)
        except (RequeteInvalide, EntreeInvalide) as erreur:
            return _erreur(erreur.message, erreur.code or 400)
        except Exception as erreur:
            reponse = _erreur_de_calcul(erreur)
            if reponse is None:
                raise
            return reponse
        donnees = resultat.en_dictionnaire()
        if not all(math.isfinite(x) for x in donnees["atteint"]):
            return _erreur("montants : résultat non fini (montant trop grand).", 400)
        return jsonify(donnees)

    app.add_url_rule(
        "/fiche_de_paie", "fiche_de_paie", _vue_de_calcul(systeme, bulletin_de_paie.depuis_requete), methods=["POST"]
    )

    @app.route("/simulateur")
    def simulateur():
        return send_from_directory(PAGE, "index.html")

    @app.route("/simulateur/<path:fichier>")
    def fichier_du_simulateur(fichier):
        return send_from_directory(PAGE, fichier)

    return app


def proteger(app, systeme):
    """Le contrat d'entrée du paquet sur une application de l'API OpenFisca (celle de `make serve` comme celle de
    `openfisca serve`) : taille et profondeur du JSON, /calculate et /trace du paquet (chemins et identifiants dans
    les erreurs, axes plafonnés, plage de la loi, droit constant, refus des formules en 400), erreurs HTTP en JSON."""
    app.config["MAX_CONTENT_LENGTH"] = TAILLE_MAXIMALE_REQUETE
    app.before_request(_garde_json)
    app.view_functions["calculate"] = _vue_de_calcul(systeme, calculer)
    app.view_functions["trace"] = _vue_de_calcul(systeme, tracer)
    spec_standard = app.view_functions["get_spec"]

    @wraps(spec_standard)
    def get_spec():
        spec = spec_standard().get_json()
        for chemin in ("/calculate", "/trace"):
            operation = spec["paths"][chemin]["post"]
            operation.setdefault("parameters", []).append(PARAMETRE_DROIT_CONSTANT)
            operation["description"] = (operation.get("description") or "") + CONTRAT_D_ENTREE
            operation["responses"].setdefault("413", {"description": "Axes ou corps trop grands"})
        return jsonify(spec)

    app.view_functions["get_spec"] = get_spec

    @app.errorhandler(HTTPException)
    def erreur_http(erreur):
        if erreur.code == 413:
            return _erreur(f"Corps de requête trop grand : au plus {TAILLE_MAXIMALE_REQUETE} octets.", 413)
        return _erreur(f"{erreur.name} : {erreur.description}", erreur.code or 500)

    return app


def proteger_openfisca_serve():
    """Sous `openfisca serve --country-package openfisca_secu`, applique `proteger` à l'application standard.

    La commande construit le système (ce qui appelle cette fonction) puis l'application avec la fonction `create_app`
    de son module `openfisca_web_api.scripts.serve` : on l'enveloppe, dans ce seul processus. Sans effet ailleurs."""
    serve = sys.modules.get("openfisca_web_api.scripts.serve")
    if serve is None or getattr(serve.create_app, "protege", False):
        return
    origine = serve.create_app

    @wraps(origine)
    def create_app(tax_benefit_system, *arguments, **options):
        return proteger(origine(tax_benefit_system, *arguments, **options), tax_benefit_system)

    create_app.protege = True
    serve.create_app = create_app


def geler_les_objets_permanents(systeme=None):
    """Avant la copie des processus de service (fork) : les paramètres de chaque mois de la loi connue sont construits
    (180 arbres, 0,3 s et 10 Mio, au lieu de 2 ms à la première fiche de chaque mois dans chaque processus), puis les
    objets déjà créés (système, paramètres, application) sont gelés (`gc.freeze`). Le ramasse-miettes ne les parcourt
    plus à chaque collecte complète (80 000 objets : jusqu'à 50 ms par collecte, la queue p99 d'une fiche) et les
    processus partagent leurs pages mémoire."""
    from openfisca_secu import CountryTaxBenefitSystem

    if isinstance(systeme, CountryTaxBenefitSystem):  # il garde un arbre par instant (une réforme : 128 en tout)
        mois, dernier = periods.period(PREMIER_MOIS), periods.period(DERNIER_MOIS)
        while mois.start <= dernier.start:
            systeme.get_parameters_at_instant(mois.start)
            mois = mois.offset(1)
    gc.collect()
    gc.freeze()


def main(arguments=None):
    from gunicorn.app.base import BaseApplication

    lecteur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    lecteur.add_argument("--bind", default="127.0.0.1", help="adresse d'écoute (127.0.0.1 par défaut)")
    lecteur.add_argument("--port", type=int, default=5000)
    lecteur.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processus de service")
    lecteur.add_argument("--timeout", type=int, default=120, help="secondes avant d'abandonner une requête")
    lecteur.add_argument("--reforms", nargs="*", default=[], help="réformes à appliquer (chemin module.Classe)")
    options = lecteur.parse_args(arguments)
    systeme = build_tax_benefit_system("openfisca_secu", None, options.reforms or None)
    application = creer_application(systeme)
    geler_les_objets_permanents(systeme)

    class Serveur(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{options.bind}:{options.port}")
            self.cfg.set("workers", options.workers)
            self.cfg.set("timeout", options.timeout)
            self.cfg.set("accesslog", None)

        def load(self):
            return application

    print(
        f"API : http://{options.bind}:{options.port}/spec ; simulateur : http://{options.bind}:{options.port}/simulateur"
    )
    Serveur().run()


if __name__ == "__main__":
    main()

"""Population synthétique de salariés, calée sur des statistiques publiées (openfisca_secu/donnees).

La distribution des salaires en équivalent temps plein suit les déciles publiés par l'Insee pour 2022 (D1, médiane,
D9), interpolés log-linéairement, avec une queue de Pareto au-delà de D9 dont l'exposant est choisi pour retrouver
le salaire moyen publié. Les salaires d'une autre année sont ramenés par le rapport des plafonds de la sécurité
sociale, qui suit l'évolution moyenne des salaires (D242-17). Temps partiel, tailles d'entreprise et part de
l'Alsace-Moselle suivent leurs sources ; les hypothèses sans source sont signalées dans le fichier de données.
"""

from functools import lru_cache
from importlib import resources

import numpy
import yaml
from openfisca_core import projectors
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.populations import GroupPopulation, Population
from openfisca_core.simulations import Simulation

from openfisca_secu.colonnes import (
    ErreurDePopulation,
    controler_population,
    convertir_colonne,
    position_dans_un_tableau,
)


@lru_cache
def donnees_de_reference() -> dict:
    texte = resources.files("openfisca_secu").joinpath("donnees/population_reference.yaml").read_text("utf-8")
    return yaml.safe_load(texte)


def _exposant_pareto(deciles: dict[float, float], moyenne: float, plancher: float) -> tuple[float, numpy.ndarray]:
    """Exposant α de la queue de Pareto au-delà de D9 qui donne la moyenne publiée, et la grille des quantiles."""
    points_p = numpy.array([0.0, *sorted(deciles)])
    points_q = numpy.log([plancher, *(deciles[p] for p in sorted(deciles))])
    grille = numpy.linspace(0, points_p[-1], 20_001)
    corps = numpy.trapezoid(numpy.exp(numpy.interp(grille, points_p, points_q)), grille)
    d9, queue = numpy.exp(points_q[-1]), 1 - points_p[-1]
    # moyenne = corps + queue × D9 × α / (α − 1)  ⇒  α = r / (r − 1) avec r = (moyenne − corps) / (queue × D9)
    rapport = (moyenne - corps) / (queue * d9)
    return rapport / (rapport - 1), points_p, points_q


def quantiles_salaire_net_2022(rangs: numpy.ndarray) -> numpy.ndarray:
    """Salaire net EQTP 2022 aux rangs donnés (entre 0 et 1), selon les déciles et la moyenne publiés."""
    reference = donnees_de_reference()["salaire_net_eqtp_2022"]
    deciles = {float(p): float(v) for p, v in reference["deciles"].items()}
    alpha, points_p, points_q = _exposant_pareto(deciles, reference["moyenne"], reference["smic_net_debut_annee"])
    corps = numpy.exp(numpy.interp(rangs, points_p, points_q))
    dernier = points_p[-1]
    queue = numpy.exp(points_q[-1]) * ((1 - dernier) / numpy.maximum(1 - rangs, 1e-12)) ** (1 / alpha)
    return numpy.where(rangs <= dernier, corps, queue)


def population_synthetique(taille: int, periode: str, systeme, graine: int = 2024) -> dict[str, numpy.ndarray]:
    """Entrées d'une paie mensuelle pour `taille` salariés, chacun dans son établissement et son entreprise."""
    donnees = donnees_de_reference()
    parametres = systeme.get_parameters_at_instant(periode)
    aleas = numpy.random.default_rng(graine)

    rangs = aleas.random(taille)
    evolution = (
        parametres.plafond_securite_sociale.mensuel
        / systeme.get_parameters_at_instant(str(donnees["annee_reference"])).plafond_securite_sociale.mensuel
    )
    brut_temps_plein = quantiles_salaire_net_2022(rangs) * donnees["rapport_brut_net_2022"]["valeur"] * evolution
    smic_temps_plein = parametres.smic.horaire_brut * parametres.smic.heures_annuelles / 12
    brut_temps_plein = numpy.maximum(brut_temps_plein, smic_temps_plein)

    partiel = donnees["temps_partiel"]
    quotites = numpy.array(list(partiel["quotites"]), dtype=float)
    parts = numpy.array(list(partiel["quotites"].values()), dtype=float)
    quotite = numpy.where(
        aleas.random(taille) < partiel["part"], aleas.choice(quotites, taille, p=parts / parts.sum()), 1.0
    )

    categories = list(donnees["taille_des_entreprises"]["categories"].values())
    parts_entreprises = numpy.array([c[2] for c in categories], dtype=float)
    classe = aleas.choice(len(categories), taille, p=parts_entreprises / parts_entreprises.sum())
    bornes = numpy.array([c[:2] for c in categories], dtype=float)[classe]
    effectif = numpy.floor(numpy.exp(aleas.uniform(numpy.log(bornes[:, 0]), numpy.log(bornes[:, 1] + 1)))).astype(int)

    cadre = aleas.random(taille) < numpy.clip((rangs - 0.6) / 0.35, 0, 1)
    taux_moyens = donnees["accident_du_travail"]["taux_net_moyen_national"]
    annee = int(periode[:4])
    taux_moyen = taux_moyens[max(a for a in taux_moyens if a <= annee)]
    taux_at = numpy.clip(taux_moyen * numpy.exp(aleas.normal(-0.18, 0.6, taille)), 0.005, 0.10)
    mobilite = donnees["versement_mobilite"]
    return {
        "salaire_de_base": numpy.round(brut_temps_plein * quotite, 2),
        "quotite_de_travail": quotite,
        "categorie_salarie": numpy.where(cadre, "cadre", "non_cadre"),
        "effectif_entreprise": effectif,
        "taux_accident_travail": numpy.round(taux_at, 4),
        "regime_alsace_moselle": aleas.random(taille) < donnees["alsace_moselle"]["part"],
        "taux_versement_mobilite": numpy.where(aleas.random(taille) < mobilite["part"], mobilite["taux"], 0.0),
    }


def entrees_de_population(systeme, entrees: dict) -> dict[str, numpy.ndarray]:
    """Entrées d'une population contrôlées selon le contrat de `openfisca_secu.colonnes` (booléens, énumérations par
    leur nom, nombres finis dans leurs bornes) ; ErreurDePopulation nommant la colonne et l'index sinon."""
    if not isinstance(entrees, dict) or not entrees:
        raise ErreurDePopulation("entrees : attendu un dictionnaire non vide {variable: tableau, un salarié par index}")
    tailles = {}
    converties = {}
    for nom, valeurs in entrees.items():
        variable = systeme.variables.get(nom) if isinstance(nom, str) else None
        if variable is None:
            raise ErreurDePopulation(f"colonne « {nom} » : ce n'est pas une variable d'openfisca-secu", str(nom))
        if numpy.ndim(valeurs) == 0:
            raise ErreurDePopulation(
                f"colonne « {nom} » : attendu un tableau (une valeur par salarié), reçu la valeur seule {valeurs!r}",
                nom,
            )
        if variable.value_type is Enum:  # des noms exacts : encodés sans autre contrôle
            converties[nom] = noms_exacts_encodes(variable.possible_values, valeurs)
        if converties.get(nom) is None:
            converties[nom] = convertir_colonne(variable, valeurs, nom, position_dans_un_tableau)
        tailles[nom] = len(converties[nom])
    premiere, taille = next(iter(tailles.items()))
    for nom, autre in tailles.items():
        if autre != taille:
            raise ErreurDePopulation(
                f"colonne « {nom} » : {autre} valeurs, mais {taille} pour « {premiere} » (une valeur par salarié)", nom
            )
    if taille == 0:
        raise ErreurDePopulation("entrees : aucun salarié (tableaux vides)")
    controler_population(converties, position_dans_un_tableau)
    return converties


def simulation_vide(systeme, taille: int) -> Simulation:
    """Simulation de `taille` salariés, chacun seul dans son établissement et son entreprise.

    Même résultat que `SimulationBuilder().build_default_simulation`, qui construit ses identifiants par
    `numpy.array(range(n))` (un quart de seconde à un million) : ici `numpy.arange`, en temps constant ou presque.
    """
    individus = Population(systeme.person_entity)
    populations = {individus.entity.key: individus}
    populations.update({entite.key: PopulationUnParGroupe(entite, individus) for entite in systeme.group_entities})
    rangs = numpy.arange(taille)  # identifiants et groupe de chacun : un seul tableau, lu seulement
    seul = numpy.zeros(taille, dtype=numpy.int32)  # position dans son groupe : seul
    for population in populations.values():
        population.count = taille
        population.ids = rangs
        if population is not individus:
            population.members_entity_id = rangs
            population.members_position = seul
    return Simulation(systeme, populations)


class PopulationUnParGroupe(GroupPopulation):
    """Établissements ou entreprises d'un seul salarié, numérotés comme leurs salariés : projeter une valeur du groupe
    sur ses membres, ou sommer celles des membres, rend la même valeur (sans indexer un tableau par salarié)."""

    def project(self, array, role=None):
        if role is not None:
            return super().project(array, role)
        self.check_array_compatible_with_entity(array)
        return array

    @projectors.projectable
    def sum(self, array, role=None):
        if role is not None:
            return super().sum(array, role)
        self.members.check_array_compatible_with_entity(array)
        return numpy.asarray(array, dtype=numpy.float64)  # le type que rend numpy.bincount


def simulation_de_population(systeme, periode: str, entrees: dict):
    """Simulation où chaque salarié est seul dans son établissement et son entreprise (exactement un de chaque) ;
    les entrées d'établissement et d'entreprise sont données par salarié."""
    return simulation_des_entrees_controlees(systeme, periode, entrees_de_population(systeme, entrees))


def simulation_des_entrees_controlees(systeme, periode: str, entrees: dict):
    """`simulation_de_population` pour des entrées déjà contrôlées par `entrees_de_population`."""
    taille = len(next(iter(entrees.values())))
    simulation = simulation_vide(systeme, taille)
    for nom, valeurs in entrees.items():
        variable = systeme.variables[nom]
        if variable.value_type.__name__ == "Enum":
            valeurs = encoder(variable.possible_values, valeurs)
        simulation.set_input(nom, periode, valeurs)
    return simulation


def encoder(enumeration, valeurs):
    """Tableau de noms (ou d'indices) converti en EnumArray : une comparaison par modalité, plutôt que le tri de
    toutes les chaînes que fait `Enum.encode` ; un nom inconnu est laissé à `Enum.encode`, qui le refuse."""
    valeurs = numpy.asarray(valeurs)
    if valeurs.dtype.kind == "O":  # chaînes venues de pandas
        valeurs = valeurs.astype(str)
    encodees = noms_exacts_encodes(enumeration, valeurs)
    return enumeration.encode(valeurs) if encodees is None else encodees


def noms_exacts_encodes(enumeration, valeurs):
    """EnumArray si chaque valeur est exactement le nom d'une modalité (une comparaison par modalité) ; None sinon."""
    if not isinstance(valeurs, numpy.ndarray) or valeurs.dtype.kind != "U" or valeurs.ndim != 1:
        return None
    indices = numpy.zeros(valeurs.shape, dtype=numpy.int16)
    reconnues = numpy.zeros(valeurs.shape, dtype=bool)
    for rang, modalite in enumerate(enumeration):
        egales = valeurs == modalite.name
        indices[egales] = rang
        reconnues |= egales
    return EnumArray(indices, enumeration) if reconnues.all() else None

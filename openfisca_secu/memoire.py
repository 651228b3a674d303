"""Économie de mémoire pour les grandes populations : une année de paie calculée mois par mois.

OpenFisca garde en cache chaque tableau calculé : une centaine par mois, plus d'un millier pour une année, alors
qu'un mois ne relit du précédent que quelques cumuls. Avec `economiser_la_memoire`, les variables lues une seule
fois par mois sont calculées sans être gardées (`cache_blacklist` et `opt_out_cache`, mécanismes d'openfisca-core),
et `calculer_mois_par_mois` libère les tableaux d'un mois dès le suivant calculé, sauf les cumuls reportés.
Les résultats sont identiques au centime près (aux bits près) à ceux d'une simulation ordinaire (un test le vérifie).

    economiser_la_memoire(simulation, noms)
    for mois, resultats in calculer_mois_par_mois(simulation, "2024", noms):
        ...

`calculer_par_parts` fait de même pour une population en mémoire (`openfisca_secu.population`), coupée en parts
calculées en même temps par des fils d'exécution : numpy relâche le verrou global de Python pendant ses calculs.
"""

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import EnumArray

from openfisca_secu.validation import EntreeInvalide

# Ce qu'un mois lit du mois précédent (cumuls depuis janvier, T et b pour repérer un changement de période) :
# calculé chaque mois et gardé jusqu'au suivant.
VARIABLES_REPORTEES = (
    "assiette_cotisations_sociales_cumulee",
    "remuneration_brute_cumulee",
    "plafond_securite_sociale_cumule",
    "cotisations_champ_reduction_generale_cumulees",
    "cotisations_employeur_cumulees",
    "reduction_generale_t",
    "reduction_generale_facteur_b",
    "smic_reduction_generale_cumule",
    "remuneration_reduction_generale_cumulee",
    "reduction_generale_periodes_closes",
    "reduction_generale_cumulee",
    "reduction_generale_imputee_cumulee",
)

# Parmi elles, calculée seulement quand une formule la lit, puis gardée un mois : le montant dû sur le cumul n'est lu
# qu'au mois de la régularisation annuelle, ou chaque mois en régularisation progressive (D241-9).
REPORTEES_SI_CALCULEES = ("reduction_generale_cumulee",)

# Variables lues par une seule formule chaque mois (relevé sur des années tracées, voir tests/test_memoire.py) :
# les garder n'évite aucun calcul.
VARIABLES_SANS_CACHE = frozenset(
    {
        "agff_employeur",
        "agff_salarie",
        "agirc_arrco_salarie",
        "agirc_employeur",
        "agirc_salarie",
        "ags_employeur",
        "apec_employeur",
        "apec_salarie",
        "arrco_employeur",
        "arrco_salarie",
        "chomage_salarie",
        "coefficient_plafond_employeurs_multiples",
        "coefficient_plafond_temps_partiel",
        "complementaire_sante_employeur",
        "contribution_dialogue_social_employeur",
        "contribution_equilibre_general_salarie",
        "contribution_equilibre_technique_employeur",
        "contribution_equilibre_technique_salarie",
        "contribution_supplementaire_apprentissage_employeur",
        "cotisations_salariales",
        "cout_total_employeur",
        "crds_salarie",
        "csg_crds_salarie",
        "csg_deductible_salarie",
        "csg_non_deductible_salarie",
        "deduction_forfaitaire_heures_supplementaires",
        "duree_collective_hebdomadaire",
        "duree_collective_hebdomadaire_applicable",
        "exoneration_aide_a_domicile",
        "exoneration_employeur_apprenti",
        "exoneration_jei",
        "exoneration_jei_avant_plafond_etablissement",
        "exoneration_lodeom",
        "exoneration_salariale_apprenti",
        "forfait_social_prevoyance_employeur",
        "forfait_social_retraite_supplementaire_employeur",
        "formation_professionnelle_employeur",
        "fraction_mois_remunere",
        "maladie_alsace_moselle_salarie",
        "maladie_salarie",
        "participation_effort_construction_employeur",
        "plafond_exoneration_salariale_apprenti",
        "prevoyance_employeur",
        "reduction_generale_coefficient_mensuel",
        "reduction_generale_exclue",
        "reduction_generale_facteur_a",
        "reduction_salariale_heures_supplementaires",
        "reductions_employeur",
        "reductions_salariales",
        "remuneration_apprenti_exclue_csg_crds",
        "salaire_net",
        "seuil_taux_reduit_allocations_familiales",
        "seuil_taux_reduit_maladie",
        "smic_horaire",
        "smic_mensuel_legal",
        "taux_contribution_supplementaire_apprentissage",
        "taux_formation_professionnelle",
        "taux_reduction_salariale_heures_supplementaires",
        "taxe_apprentissage_employeur",
        "versement_mobilite_employeur",
        "vieillesse_deplafonnee_salarie",
        "vieillesse_plafonnee_salarie",
    }
)


def economiser_la_memoire(simulation, demandees: Iterable[str] = ()) -> None:
    """Les variables lues une seule fois par mois ne sont plus gardées, sauf celles que l'appelant demande."""
    systeme = simulation.tax_benefit_system
    systeme.cache_blacklist = (VARIABLES_SANS_CACHE & set(systeme.variables)) - set(demandees)
    simulation.opt_out_cache = True


def calculer_mois_par_mois(simulation, periode: str, noms: Iterable[str]) -> Iterator[tuple[str, dict]]:
    """Pour chaque mois de `periode`, dans l'ordre : (mois, {nom: tableau}) ; puis les tableaux du mois sont
    libérés, sauf les entrées (tout ce qui est connu avant le premier calcul) et les cumuls reportés au mois
    suivant (libérés un mois plus tard)."""
    noms = tuple(noms)
    variables = simulation.tax_benefit_system.variables
    mensuelles = [nom for nom, variable in variables.items() if variable.definition_period == periods.MONTH]
    entrees = {nom: set(simulation.get_holder(nom).get_known_periods()) for nom in mensuelles}
    precedent = None
    tous_les_mois = periods.period(periode).get_subperiods(periods.MONTH)
    for mois in tous_les_mois:
        resultats = {nom: simulation.calculate(nom, mois) for nom in noms}
        for nom in VARIABLES_REPORTEES if mois != tous_les_mois[-1] else ():  # lues par le mois suivant
            if nom not in REPORTEES_SI_CALCULEES:
                simulation.calculate(nom, mois)
        yield str(mois), resultats
        for nom in mensuelles:
            liberable = precedent if nom in VARIABLES_REPORTEES else mois
            if liberable is not None and liberable not in entrees[nom]:
                simulation.get_holder(nom).delete_arrays(liberable)
        precedent = mois


def calculer_par_parts(
    systeme,
    periode: str,
    entrees: dict,
    noms: Iterable[str],
    mensuelles: dict | None = None,
    parts: int | None = None,
) -> Iterator[tuple[str, dict]]:
    """`calculer_mois_par_mois` d'une population où chaque salarié est seul dans son établissement et son entreprise
    (`openfisca_secu.population.simulation_de_population`), coupée en `parts` parts de salariés consécutifs (une par
    cœur par défaut) calculées en même temps, une simulation économe par part et par fil d'exécution.

    `entrees` : {variable: tableau} pour toute la période ; `mensuelles` : {variable: {mois: tableau}} (salaires de
    chaque mois...). Donne (mois, {nom: tableau de toute la population}) dans l'ordre des mois : les mêmes valeurs,
    aux bits près, qu'une seule simulation, puisqu'aucune quantité d'établissement ou d'entreprise n'est partagée
    entre deux parts (un test le vérifie). Les entrées sont contrôlées sur toute la population ; une erreur d'une
    formule nomme le salarié par son index dans toute la population.
    """
    from openfisca_secu.population import entrees_de_population, simulation_des_entrees_controlees

    noms = tuple(noms)
    entrees = entrees_de_population(systeme, entrees)
    taille = len(next(iter(entrees.values())))
    mensuelles = {
        nom: {mois: entrees_de_population(systeme, {nom: valeurs})[nom] for mois, valeurs in par_mois.items()}
        for nom, par_mois in (mensuelles or {}).items()
    }
    for nom, par_mois in mensuelles.items():
        for mois, valeurs in par_mois.items():
            if len(valeurs) != taille:
                raise EntreeInvalide(
                    [nom, mois], f"{nom} en {mois} : {len(valeurs)} valeurs pour {taille} salariés (une par salarié)"
                )
    nombre = max(1, min(parts or os.cpu_count() or 1, taille))
    bornes = [int(borne) for borne in numpy.linspace(0, taille, nombre + 1)]

    def part(debut, fin):
        simulation = simulation_des_entrees_controlees(
            systeme, periode, {nom: valeurs[debut:fin] for nom, valeurs in entrees.items()}
        )
        for nom, par_mois in mensuelles.items():
            for mois, valeurs in par_mois.items():
                simulation.set_input(nom, mois, valeurs[debut:fin])
        economiser_la_memoire(simulation, noms)
        return debut, calculer_mois_par_mois(simulation, periode, noms)

    def avancer(debut_et_mois):
        debut, mois = debut_et_mois
        try:
            return next(mois, None)
        except EntreeInvalide as erreur:
            raise _dans_toute_la_population(erreur, debut) from erreur

    with ThreadPoolExecutor(nombre) as fils:
        calculs = list(fils.map(part, bornes[:-1], bornes[1:]))
        while (etapes := list(fils.map(avancer, calculs)))[0] is not None:
            yield etapes[0][0], {nom: _assembler([resultats[nom] for _, resultats in etapes]) for nom in noms}


def _assembler(morceaux):
    tableau = numpy.concatenate(morceaux)
    return EnumArray(tableau, morceaux[0].possible_values) if isinstance(morceaux[0], EnumArray) else tableau


def _dans_toute_la_population(erreur: EntreeInvalide, debut: int) -> EntreeInvalide:
    """L'erreur d'une formule sur une part, avec le rang du salarié dans toute la population."""
    chemin = list(erreur.chemin)
    if len(chemin) > 1 and isinstance(chemin[1], int):
        rang = chemin[1]
        chemin[1] = debut + rang
        precision = (
            f"l'individu n° {rang} de la part qui commence à l'index {debut} est le salarié d'index {debut + rang}"
        )
    else:
        precision = f"dans la part de la population qui commence à l'index {debut}"
    return EntreeInvalide(chemin, f"{erreur.message} ({precision})")

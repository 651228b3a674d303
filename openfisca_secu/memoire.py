"""Économie de mémoire pour les grandes populations : une année de paie calculée mois par mois.

OpenFisca garde en cache chaque tableau calculé : une centaine par mois, plus d'un millier pour une année, alors
qu'un mois ne relit du précédent que quelques cumuls. Avec `economiser_la_memoire`, les variables lues une seule
fois par mois sont calculées sans être gardées (`cache_blacklist` et `opt_out_cache`, mécanismes d'openfisca-core),
et `calculer_mois_par_mois` libère les tableaux d'un mois dès le suivant calculé, sauf les cumuls reportés.
Les résultats sont identiques au centime près (aux bits près) à ceux d'une simulation ordinaire (un test le vérifie).

    economiser_la_memoire(simulation, noms)
    for mois, resultats in calculer_mois_par_mois(simulation, "2024", noms, entrees=noms_des_entrees):
        ...
"""

from collections.abc import Iterable, Iterator

from openfisca_core import periods

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

# Variables lues par une seule formule chaque mois (relevé sur des années tracées, voir tests/test_memoire.py) :
# les garder n'évite aucun calcul.
VARIABLES_SANS_CACHE = frozenset(
    {
        "agff_employeur",
        "agirc_employeur",
        "ags_employeur",
        "apec_employeur",
        "arrco_employeur",
        "coefficient_plafond_employeurs_multiples",
        "coefficient_plafond_temps_partiel",
        "complementaire_sante_employeur",
        "contribution_dialogue_social_employeur",
        "contribution_equilibre_technique_employeur",
        "contribution_supplementaire_apprentissage_employeur",
        "cout_total_employeur",
        "crds_salarie",
        "csg_crds_salarie",
        "csg_deductible_salarie",
        "csg_non_deductible_salarie",
        "deduction_forfaitaire_heures_supplementaires",
        "duree_collective_hebdomadaire",
        "exoneration_employeur_apprenti",
        "forfait_social_prevoyance_employeur",
        "forfait_social_retraite_supplementaire_employeur",
        "formation_professionnelle_employeur",
        "fraction_mois_remunere",
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
        "smic_mensuel_legal",
        "taux_reduction_salariale_heures_supplementaires",
        "taxe_apprentissage_employeur",
        "versement_mobilite_employeur",
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
    for mois in periods.period(periode).get_subperiods(periods.MONTH):
        resultats = {nom: simulation.calculate(nom, mois) for nom in noms}
        for nom in VARIABLES_REPORTEES:
            simulation.calculate(nom, mois)
        yield str(mois), resultats
        for nom in mensuelles:
            liberable = precedent if nom in VARIABLES_REPORTEES else mois
            if liberable is not None and liberable not in entrees[nom]:
                simulation.get_holder(nom).delete_arrays(liberable)
        precedent = mois

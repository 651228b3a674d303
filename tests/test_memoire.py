"""Le réglage d'économie de mémoire (openfisca_secu.memoire) ne change aucun résultat : mêmes montants, aux bits près,
que la simulation ordinaire qui garde tout, sur une population qui passe par chaque chemin de régularisation."""

import collections

import numpy
import pytest

from openfisca_secu.base import montant_du_bareme
from openfisca_secu.memoire import (
    VARIABLES_SANS_CACHE,
    calculer_mois_par_mois,
    calculer_par_parts,
    economiser_la_memoire,
)
from openfisca_secu.microsimulation.calcul import LIGNES_DU_RAPPORT, RESULTATS_PAR_PERSONNE
from openfisca_secu.population import population_synthetique, simulation_de_population
from openfisca_secu.validation import EntreeInvalide

DEMANDEES = (*dict.fromkeys((*RESULTATS_PAR_PERSONNE, "reduction_generale_coefficient", "assiette_csg_crds")),)


def _population(systeme, annee: int, taille: int = 240):
    """Les deux modes de régularisation de la réduction générale, plafond régularisé ou non, entrées et sorties en
    cours d'année, mois sans paie, salaires de 0,3 à 12 SMIC, temps partiels, deux tailles d'entreprise."""
    aleas = numpy.random.default_rng(annee)
    entrees = population_synthetique(taille, f"{annee}-01", systeme, graine=annee)
    salaire = entrees.pop("salaire_de_base")
    rang = numpy.arange(taille)
    entrees["mode_regularisation_reduction_generale"] = numpy.where(rang % 2 == 0, "annuelle", "progressive")
    entrees["regularisation_progressive_plafond"] = rang % 3 != 0
    entrees["effectif_entreprise"] = numpy.where(rang % 5 == 0, 8, 120)
    debut = numpy.datetime64(f"{annee}-01-01") + aleas.integers(-400, 200, taille)
    fin = debut + aleas.integers(30, 500, taille)
    entrees["date_debut_contrat"] = debut
    entrees["date_fin_contrat"] = numpy.where(rang % 4 == 0, fin, numpy.datetime64("2999-12-31"))
    smic = systeme.parameters(f"{annee}-01").smic.horaire_brut * 1820 / 12
    multiples = numpy.exp(aleas.uniform(numpy.log(0.3), numpy.log(12), taille))
    mensuels = {
        f"{annee}-{mois:02d}": numpy.round(
            numpy.maximum(salaire, multiples * smic) * aleas.uniform(0.7, 1.4, taille) * (aleas.random(taille) > 0.1),
            2,
        )
        for mois in range(1, 13)
    }
    return entrees, mensuels


def _simulation(systeme, annee, entrees, mensuels):
    simulation = simulation_de_population(systeme, str(annee), entrees)
    for mois, salaires in mensuels.items():
        simulation.set_input("salaire_de_base", mois, salaires)
    return simulation


@pytest.mark.parametrize("annee", [2016, 2019, 2025, 2026])
def test_memes_resultats_avec_et_sans_economie_de_memoire(systeme, annee):
    entrees, mensuels = _population(systeme, annee)
    ordinaire = _simulation(systeme, annee, entrees, mensuels)
    attendus = {
        mois: {nom: ordinaire.calculate(nom, mois).copy() for nom in (*DEMANDEES, *LIGNES_DU_RAPPORT)}
        for mois in mensuels
    }
    econome = _simulation(systeme, annee, entrees, mensuels)
    economiser_la_memoire(econome, DEMANDEES)
    try:
        vus = 0
        for mois, resultats in calculer_mois_par_mois(econome, str(annee), (*DEMANDEES, *LIGNES_DU_RAPPORT)):
            for nom, valeurs in resultats.items():
                numpy.testing.assert_array_equal(valeurs, attendus[mois][nom], err_msg=f"{nom} {mois}")
            numpy.testing.assert_array_equal(econome.calculate("salaire_de_base", mois), mensuels[mois])
            vus += 1
        assert vus == 12
        # les tableaux des mois passés sont libérés : seuls restent les entrées et les cumuls du dernier mois
        assert econome.get_holder("maladie_employeur").get_known_periods() == []
        assert [str(p) for p in econome.get_holder("reduction_generale_cumulee").get_known_periods()] == [f"{annee}-12"]
    finally:
        systeme.cache_blacklist = None
    # la population passe bien par les régularisations : fin de contrat en cours d'année, mois sans paie
    regularisation = [ordinaire.calculate("mois_de_regularisation", mois) for mois in list(mensuels)[:-1]]
    assert numpy.any(regularisation)
    assert (numpy.array(list(mensuels.values())) == 0).any()


def test_variables_sans_cache_lues_une_fois_par_mois(systeme):
    """Une variable hors cache lue deux fois le même mois serait recalculée : la liste est relevée sur une année
    tracée (les deux modes)."""
    entrees, mensuels = _population(systeme, 2024, taille=40)
    simulation = _simulation(systeme, 2024, entrees, mensuels)
    simulation.trace = True
    for mois in mensuels:
        for nom in ("salaire_net", "cout_total_employeur", "reduction_generale"):
            simulation.calculate(nom, mois)
    lectures = collections.Counter()

    def parcourir(noeud):
        for enfant in noeud.children:
            lectures[enfant.name, str(enfant.period)] += 1
            parcourir(enfant)

    for arbre in simulation.tracer.trees:
        parcourir(arbre)
    relues = sorted({nom for (nom, _), nombre in lectures.items() if nombre > 1 and nom in VARIABLES_SANS_CACHE})
    assert relues == []
    assert {nom for nom, _ in lectures} & VARIABLES_SANS_CACHE


@pytest.mark.parametrize("annee", [2019, 2026])
def test_calcul_par_parts_identique_a_une_seule_simulation(systeme, annee):
    """Trois parts calculées en même temps donnent, aux bits près, les tableaux d'une seule simulation ordinaire."""
    entrees, mensuels = _population(systeme, annee)
    ordinaire = _simulation(systeme, annee, entrees, mensuels)
    noms = (*DEMANDEES, *LIGNES_DU_RAPPORT)
    vus = []
    try:
        for mois, resultats in calculer_par_parts(
            systeme, str(annee), entrees, noms, {"salaire_de_base": mensuels}, parts=3
        ):
            for nom in noms:
                numpy.testing.assert_array_equal(
                    resultats[nom], ordinaire.calculate(nom, mois), err_msg=f"{nom} {mois}"
                )
            vus.append(mois)
    finally:
        systeme.cache_blacklist = None
    assert vus == list(mensuels)


def test_calcul_par_parts_erreur_au_rang_de_toute_la_population(systeme):
    entrees, mensuels = _population(systeme, 2024, taille=100)
    entrees["date_debut_contrat"] = numpy.full(100, numpy.datetime64("2020-01-01"))
    fin = numpy.full(100, numpy.datetime64("2999-12-31"))
    fin[73] = numpy.datetime64("2019-01-01")  # fin avant le début : la formule des jours de contrat refuse
    entrees["date_fin_contrat"] = fin
    try:
        with pytest.raises(EntreeInvalide) as erreur:
            list(calculer_par_parts(systeme, "2024", entrees, ("salaire_net",), {"salaire_de_base": mensuels}, parts=3))
    finally:
        systeme.cache_blacklist = None
    # 100 salariés en 3 parts : index 0 à 32, 33 à 65, 66 à 99 ; le salarié 73 est l'individu n° 7 de la troisième
    assert erreur.value.chemin == ["individus", 73, "date_fin_contrat", "ETERNITY"]
    assert "salarié d'index 73" in erreur.value.message
    assert "individu n° 7 de la part qui commence à l'index 66" in erreur.value.message


def test_calcul_par_parts_refuse_un_mois_de_mauvaise_taille(systeme):
    entrees, mensuels = _population(systeme, 2024, taille=10)
    mensuels["2024-03"] = mensuels["2024-03"][:9]
    with pytest.raises(EntreeInvalide, match="salaire_de_base en 2024-03 : 9 valeurs pour 10 salariés"):
        list(calculer_par_parts(systeme, "2024", entrees, ("salaire_net",), {"salaire_de_base": mensuels}))


@pytest.mark.parametrize(
    ("chemin", "bases"),
    [
        ("cotisations.formation_professionnelle.taux_par_effectif", [0, 1, 10, 11, 12, 19, 20, 21, 5000]),
        (
            "cotisations.taxe_apprentissage.contribution_supplementaire.taux_par_part_alternants",
            [0.0, 0.0099, 0.01, 0.0101, 0.03, 0.05, 0.2, numpy.nan],
        ),
    ],
)
def test_montant_du_bareme_comme_openfisca_core(systeme, chemin, bases):
    """Les deux côtés de chaque seuil : même montant que `SingleAmountTaxScale.calc`."""
    bareme = systeme.parameters("2024-05")
    for nom in chemin.split("."):
        bareme = getattr(bareme, nom)
    bases = numpy.array(bases)
    numpy.testing.assert_array_equal(montant_du_bareme(bareme, bases), bareme.calc(bases))

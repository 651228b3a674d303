"""Invariants de la paie, vérifiés sur des situations tirées au hasard (hypothesis), de 2012 à 2026.

Chaque exemple est un lot de salariés simulé en une fois (vectorisé). Les situations sont d'un seul mois, sans
mois précédents : la régularisation progressive du plafond (active par défaut) ne peut alors rien rembourser, et
« toute cotisation est positive » doit tenir ligne par ligne (avec des mois précédents, une ligne plafonnée peut
être négative un mois donné, voir le README). Graine fixe (derandomize) : la même série à chaque exécution.
"""

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openfisca_secu.variables.cotisations.totaux import (
    CONTRIBUTIONS_SALARIALES,
    COTISATIONS_EMPLOYEUR,
    COTISATIONS_SALARIALES,
    REDUCTIONS_EMPLOYEUR,
    REDUCTIONS_SALARIALES,
)
from tests.outils import simulation_population

REGLAGES = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
TOLERANCE = 1e-6  # € : bruit binaire des sommes


def centimes(minimum, maximum):
    return st.integers(minimum * 100, maximum * 100).map(lambda c: c / 100)


def peut_etre_nul(strategie):
    return st.one_of(st.just(0.0), strategie)


SALARIE = st.fixed_dictionaries(
    {
        "salaire_de_base": centimes(0, 40_000),
        "primes_salaire": peut_etre_nul(centimes(0, 5_000)),
        "remuneration_heures_supplementaires": peut_etre_nul(centimes(0, 1_500)),
        "heures_supplementaires": peut_etre_nul(st.integers(0, 60).map(float)),
        "quotite_de_travail": st.sampled_from([1.0, 1.0, 0.8, 0.5, 0.25]),
        "categorie_salarie": st.sampled_from(["non_cadre", "cadre"]),
        "contrat_a_duree_determinee": st.booleans(),
        "contribution_employeur_prevoyance": peut_etre_nul(centimes(0, 400)),
        "contribution_employeur_retraite_supplementaire": peut_etre_nul(centimes(0, 600)),
        "effectif_entreprise": st.integers(0, 5_000),
        "taux_accident_travail": st.integers(0, 1_500).map(lambda t: t / 10_000),
        "regime_alsace_moselle": st.booleans(),
        "taux_versement_mobilite": st.sampled_from([0.0, 0.01, 0.0295]),
    }
)
MOIS = st.tuples(st.integers(2012, 2026), st.integers(1, 12)).map(lambda am: f"{am[0]}-{am[1]:02d}")
LOTS = st.lists(SALARIE, min_size=1, max_size=25)


def simuler(systeme, periode, lot, **remplacements):
    colonnes = {cle: numpy.array([salarie[cle] for salarie in lot]) for cle in lot[0]}
    colonnes.update(remplacements)
    return simulation_population(systeme, periode, **colonnes)


@REGLAGES
@given(periode=MOIS, lot=LOTS)
def test_net_au_plus_egal_au_brut(systeme, periode, lot):
    simulation = simuler(systeme, periode, lot)
    net = simulation.calculate("salaire_net", periode)
    brut = simulation.calculate("remuneration_brute", periode)
    # (le net peut être un peu négatif : CSG et CRDS sur les contributions patronales de prévoyance et de retraite
    # supplémentaire, retenues sur un salaire presque nul)
    assert (net <= brut + TOLERANCE).all()


@REGLAGES
@given(periode=MOIS, lot=LOTS)
def test_toute_cotisation_et_reduction_positive(systeme, periode, lot):
    simulation = simuler(systeme, periode, lot)
    lignes = (
        *COTISATIONS_SALARIALES,
        *CONTRIBUTIONS_SALARIALES,
        *COTISATIONS_EMPLOYEUR,
        *REDUCTIONS_EMPLOYEUR,
        *REDUCTIONS_SALARIALES,
    )
    for nom in lignes:
        valeurs = simulation.calculate(nom, periode)
        assert (valeurs >= -TOLERANCE).all(), (nom, valeurs.min())


@REGLAGES
@given(periode=MOIS, lot=LOTS, hausses=st.lists(centimes(0, 3_000), min_size=25, max_size=25))
def test_cout_employeur_croissant_avec_le_brut(systeme, periode, lot, hausses):
    base = numpy.array([salarie["salaire_de_base"] for salarie in lot])
    hausse = numpy.array(hausses[: len(lot)]) + 0.01
    avant = simuler(systeme, periode, lot).calculate("cout_total_employeur", periode)
    apres = simuler(systeme, periode, lot, salaire_de_base=base + hausse).calculate("cout_total_employeur", periode)
    assert (apres >= avant - TOLERANCE).all(), (base[apres < avant - TOLERANCE], (apres - avant).min())


@REGLAGES
@given(periode=MOIS, lot=LOTS)
def test_reductions_dans_leurs_plafonds(systeme, periode, lot):
    simulation = simuler(systeme, periode, lot)

    def valeur(nom):
        return simulation.calculate(nom, periode)

    generale = valeur("reduction_generale")
    facteur_b = valeur("reduction_generale_facteur_b")
    employeur = valeur("cotisations_employeur")
    # D241-11 : la réduction due (cumul depuis janvier, ici un seul mois) et le montant imputé du mois sont chacun au
    # plus b × cotisations du champ et au plus les cotisations patronales dues
    champ = facteur_b * valeur("cotisations_champ_reduction_generale")
    for montant in (valeur("reduction_generale_cumulee"), generale):
        assert (montant >= -TOLERANCE).all()
        assert (montant <= champ + TOLERANCE).all()
        assert (montant <= employeur + TOLERANCE).all()
    # D241-7, D241-10 : coefficient entre 0 et T × b
    coefficient = valeur("reduction_generale_coefficient")
    assert (coefficient >= 0).all()
    assert (coefficient <= valeur("reduction_generale_t") * facteur_b + 1e-12).all()
    # D241-22 : réduction salariale heures supplémentaires au plus les cotisations salariales
    salariale = valeur("reduction_salariale_heures_supplementaires")
    assert (salariale <= valeur("cotisations_salariales") + TOLERANCE).all()
    # D241-24 : déduction forfaitaire au plus les cotisations patronales restant dues
    restant = employeur - generale - valeur("exoneration_aide_a_domicile")
    assert (valeur("deduction_forfaitaire_heures_supplementaires") <= numpy.maximum(restant, 0) + TOLERANCE).all()
    # les réductions n'excèdent jamais les cotisations : le coût total est au moins le brut
    assert (valeur("reductions_employeur") <= employeur + TOLERANCE).all()
    assert (valeur("cout_total_employeur") >= valeur("remuneration_brute") - TOLERANCE).all()


def test_reduction_du_mois_plafonnee_par_le_champ(systeme):
    """Cas trouvé par test_reductions_dans_leurs_plafonds : taux AT/MP sous la part AT/MP comprise dans T (2015), le
    montant anticipé T × rémunération dépassait les cotisations du champ."""
    simulation = simulation_population(
        systeme, "2015-05", salaire_de_base=[1000.0], effectif_entreprise=[10], taux_accident_travail=[0.0]
    )
    generale = simulation.calculate("reduction_generale", "2015-05")
    champ = simulation.calculate("cotisations_champ_reduction_generale", "2015-05")
    assert (generale <= champ + TOLERANCE).all(), (generale, champ)


ANNEE_DE_SALAIRES = st.fixed_dictionaries(
    {
        "salaires": st.lists(peut_etre_nul(centimes(800, 9_000)), min_size=12, max_size=12),
        "mode": st.sampled_from(["annuelle", "progressive"]),
        "effectif": st.sampled_from([5, 30, 300]),
        "taux_at": st.integers(30, 400).map(lambda t: t / 10_000),
        "fin_de_contrat": st.one_of(st.none(), st.integers(1, 12)),
    }
)


@REGLAGES
@given(annee=st.integers(2012, 2026), salaries=st.lists(ANNEE_DE_SALAIRES, min_size=1, max_size=12))
def test_somme_des_mois_de_reduction_generale_egale_le_montant_annuel(systeme, annee, salaries):
    """Régularisation annuelle ou progressive, contrat qui finit en cours d'année : les montants imputés chaque mois
    font, sur l'année, la réduction générale due pour l'année (D241-9)."""
    taille = len(salaries)
    simulation = simulation_population(
        systeme,
        str(annee),
        effectif_entreprise=[s["effectif"] for s in salaries],
        taux_accident_travail=[s["taux_at"] for s in salaries],
    )
    simulation.set_input(
        "mode_regularisation_reduction_generale", str(annee), numpy.array([s["mode"] for s in salaries])
    )
    fins = [
        numpy.datetime64(f"{annee}-{s['fin_de_contrat']:02d}-15")
        if s["fin_de_contrat"]
        else numpy.datetime64("2999-12-31")
        for s in salaries
    ]
    simulation.set_input("date_fin_contrat", str(annee), numpy.array(fins, dtype="datetime64[D]"))
    for mois in range(1, 13):
        salaires = numpy.array(
            [
                s["salaires"][mois - 1] if not s["fin_de_contrat"] or mois <= s["fin_de_contrat"] else 0.0
                for s in salaries
            ]
        )
        simulation.set_input("salaire_de_base", f"{annee}-{mois:02d}", salaires)
    somme = simulation.calculate_add("reduction_generale", str(annee))
    annuelle = simulation.calculate("reduction_generale_annuelle", str(annee))
    assert somme.shape == (taille,)
    assert numpy.allclose(somme, annuelle, atol=0.005), somme - annuelle


ETABLISSEMENT_ATMP = st.fixed_dictionaries(
    {
        "effectif": st.integers(1, 3_000),
        "avant": st.integers(0, 2_000).map(lambda t: t / 10_000),
        "precedent": st.integers(1, 1_500).map(lambda t: t / 10_000),
        "alsace_moselle": st.booleans(),
    }
)


@REGLAGES
@given(annee=st.integers(2012, 2026), etablissements=st.lists(ETABLISSEMENT_ATMP, min_size=1, max_size=20))
def test_taux_atmp_dans_les_limites_de_variation(systeme, annee, etablissements):
    """Taux notifié d'un établissement tarifé individuellement ou en mixte (et en collectif en Alsace-Moselle) :
    au plus +1 point / −0,8 point du taux de l'année précédente s'il est d'au plus 4 %, +25 % / −20 % au-delà
    (D242-6-15, D242-37). Le taux avant limites est donné : la propriété porte sur les limites seules."""
    if "taux_net_atmp_notifie" not in systeme.variables:
        pytest.skip("tarification AT/MP (issue 4) absente du système")
    from openfisca_core.simulation_builder import SimulationBuilder

    periode = str(annee)
    taille = len(etablissements)
    simulation = SimulationBuilder().build_default_simulation(systeme, taille)
    simulation.set_input("comite_technique_national_atmp", periode, numpy.array(["a"] * taille))
    simulation.set_input("effectif_entreprise_atmp", periode, numpy.array([e["effectif"] for e in etablissements]))
    avant = numpy.array([e["avant"] for e in etablissements])
    precedent = numpy.array([e["precedent"] for e in etablissements])
    simulation.set_input("taux_net_atmp_avant_plafonnement", periode, avant)
    simulation.set_input("taux_notifie_atmp_annee_precedente", periode, precedent)
    alsace = numpy.array([e["alsace_moselle"] for e in etablissements])
    simulation.set_input("regime_alsace_moselle", f"{annee}-01", alsace)
    notifie = simulation.calculate("taux_net_atmp_notifie", periode)
    mode = simulation.calculate("mode_tarification_atmp", periode).decode_to_str()
    limites = systeme.parameters(f"{annee}-12-31").atmp.plafonnement
    relatif = precedent > limites.seuil
    haut = numpy.where(relatif, precedent * (1 + limites.hausse_relative), precedent + limites.hausse_en_points)
    bas = numpy.where(relatif, precedent * (1 - limites.baisse_relative), precedent - limites.baisse_en_points)
    plafonne = (mode != "collective") | alsace
    assert (notifie[plafonne] <= haut[plafonne] + 1e-12).all()
    assert (notifie[plafonne] >= bas[plafonne] - 1e-12).all()
    assert (notifie >= 0).all()
    # sans limite à atteindre, le taux avant limites est notifié tel quel
    dedans = plafonne & (avant >= bas) & (avant <= haut)
    assert numpy.allclose(notifie[dedans], avant[dedans])

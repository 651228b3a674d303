"""Montants justes au centime sur une année à 9 plafonds, et calcul vectoriel identique au calcul individuel."""

import numpy
from openfisca_core import periods
from openfisca_core.populations import ADD

from tests.outils import simulation_population


def test_annee_a_neuf_plafonds_au_centime(systeme):
    pmss = 3864.0
    salaire = 9 * pmss + 0.37
    simulation = simulation_population(systeme, "2024", effectif_entreprise=[250], taux_accident_travail=[0.0213])
    for mois in range(1, 13):
        simulation.set_input("salaire_de_base", f"2024-{mois:02d}", [salaire])
    annee = periods.period("2024")
    # 12 × 3 864 × 8,55 % = 3 964,464 ; 12 × 34 776,37 × 2,02 % = 8 429,79208...
    assert abs(simulation.calculate_add("vieillesse_plafonnee_employeur", annee)[0] - 3964.464) < 1e-6
    deplafonnee = simulation.calculate_add("vieillesse_deplafonnee_employeur", annee)[0]
    assert abs(deplafonnee - 12 * salaire * 0.0202) < 1e-6
    cout = simulation.calculate_add("cout_total_employeur", annee)[0]
    somme_des_mois = sum(simulation.calculate("cout_total_employeur", f"2024-{m:02d}")[0] for m in range(1, 13))
    assert abs(cout - somme_des_mois) < 1e-6
    assert simulation.calculate("cout_total_employeur", "2024-12").dtype == numpy.float64
    assert simulation.persons("salaire_de_base", annee, options=[ADD]).dtype == numpy.float64


def test_population_et_individus_donnent_les_memes_montants(systeme):
    salaires = numpy.array([0.0, 1766.92, 3864.0, 3864.01, 15456.0, 40000.0])
    effectifs = numpy.array([5, 19, 20, 49, 50, 300])
    commun = {"taux_accident_travail": [0.012] * len(salaires)}
    ensemble = simulation_population(
        systeme, "2024-05", salaire_de_base=salaires, effectif_entreprise=effectifs, **commun
    )
    total = ensemble.calculate("cout_total_employeur", "2024-05")
    for rang, (salaire, effectif) in enumerate(zip(salaires, effectifs, strict=True)):
        seul = simulation_population(
            systeme, "2024-05", salaire_de_base=[salaire], effectif_entreprise=[effectif], taux_accident_travail=[0.012]
        )
        assert seul.calculate("cout_total_employeur", "2024-05")[0] == total[rang]

"""Sur une année, les deux modes de régularisation de la réduction générale donnent le même total, égal à la
réduction annuelle (D241-9), pour une population aux salaires irréguliers."""

import numpy
import pytest
from openfisca_core import periods

from openfisca_secu.population import simulation_de_population


@pytest.mark.parametrize("annee", [2016, 2019, 2024, 2026])
def test_deux_modes_meme_total_annuel(systeme, annee):
    aleas = numpy.random.default_rng(annee)
    taille = 400
    smic_mensuel = systeme.parameters(f"{annee}-01").smic.horaire_brut * 1820 / 12
    effectifs = aleas.choice([5, 30, 80], taille)
    totaux = {}
    for mode in ("annuelle", "progressive"):
        simulation = simulation_de_population(
            systeme,
            str(annee),
            {
                "effectif_entreprise": effectifs,
                "taux_accident_travail": numpy.full(taille, 0.015),
                "mode_regularisation_reduction_generale": numpy.full(taille, mode),
            },
        )
        tirage = numpy.random.default_rng(7)  # mêmes salaires pour les deux modes
        for mois in range(1, 13):
            salaires = smic_mensuel * tirage.uniform(0.3, 2.2, taille) * (tirage.random(taille) > 0.1)
            simulation.set_input("salaire_de_base", f"{annee}-{mois:02d}", numpy.round(salaires, 2))
        somme = simulation.calculate_add("reduction_generale", periods.period(str(annee)))
        annuelle = simulation.calculate("reduction_generale_annuelle", str(annee))
        numpy.testing.assert_allclose(somme, annuelle, atol=1e-6)
        totaux[mode] = somme
    numpy.testing.assert_allclose(totaux["annuelle"], totaux["progressive"], atol=1e-6)
    assert (totaux["annuelle"] > 0).sum() > taille / 4

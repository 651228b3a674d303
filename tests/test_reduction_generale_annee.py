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


# Taux minimum AT/MP M1 × (1 + M2) + M3 + M4 de chaque année, arrondi au centième de point : la part AT/MP comprise
# dans T (shared/spec/ATMP_VALUES.md §1b, calculé des majorations confirmées ; 2021-2025 aussi dans mon-entreprise).
TAUX_MINIMUM_AT = {
    "2016-06": 0.0093,
    "2018-06": 0.0084,
    "2019-11": 0.0078,
    "2020-06": 0.0069,
    "2022-06": 0.0059,
    "2024-05": 0.0046,
    "2025-06": 0.0050,
    "2026-03": 0.0049,
}


@pytest.mark.parametrize("periode", sorted(TAUX_MINIMUM_AT))
@pytest.mark.parametrize("effectif", [10, 250])
def test_au_smic_la_reduction_egale_les_cotisations_du_champ(systeme, periode, effectif):
    """Au SMIC, le coefficient vaut T ; pour un établissement au taux AT/MP minimum, T est exactement la somme des
    taux du champ que paie l'employeur. Vérifie à chaque date la composition de T : taux réduits maladie et AF
    (plein en 2026), vieillesse, FNAL selon l'effectif, CSA, part AT/MP, chômage (depuis octobre 2019) et retraite
    complémentaire (depuis 2019) (D241-7 I, D241-11)."""
    p = systeme.parameters(periode)
    smic_horaire = p.smic.horaire_brut
    if periode.startswith("2026"):
        smic_horaire = p.reductions.reduction_generale.rgdu.smic_horaire_reference
    smic_mensuel = round(smic_horaire * 1820 / 12, 2)
    simulation = simulation_de_population(
        systeme,
        periode,
        {
            "salaire_de_base": numpy.array([smic_mensuel]),
            "effectif_entreprise": numpy.array([effectif]),
            "taux_accident_travail": numpy.array([TAUX_MINIMUM_AT[periode]]),
        },
    )
    reduction = simulation.calculate("reduction_generale_anticipee", periode)[0]
    champ = simulation.calculate("cotisations_champ_reduction_generale", periode)[0]
    assert reduction == pytest.approx(champ, abs=0.01)

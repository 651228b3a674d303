"""Classement vectoriel des sinistres AT/MP (D242-6-6, D242-6-7) et erreurs de la tarification AT/MP."""

import numpy
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.atmp_sinistres import (
    INCAPACITE_PERMANENTE,
    INCAPACITE_TEMPORAIRE,
    compter_sinistres,
    donner_sinistres,
)


def _categories(comptes, annee, noms):
    """Catégorie (1…n) de chaque établissement qui a exactement un sinistre de poids 1 dans `noms`."""
    table = numpy.stack([comptes[annee][nom] for nom in noms], axis=1)
    assert (table.sum(axis=1) == 1).all()
    return table.argmax(axis=1) + 1


def test_bornes_des_categories_d_incapacite_temporaire():
    jours = numpy.array([0, 3, 4, 15, 16, 45, 46, 90, 91, 150, 151, 400])
    comptes = compter_sinistres(
        nombre_etablissements=len(jours),
        etablissement=numpy.arange(len(jours)),
        annee=numpy.full(len(jours), 2021),
        jours_arret=jours,
        annee_tarification=2024,
    )
    # sans arrêt ou < 4 j ; 4 à 15 ; 16 à 45 ; 46 à 90 ; 91 à 150 ; > 150
    assert _categories(comptes, 2021, INCAPACITE_TEMPORAIRE).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]
    assert all(comptes[2021][nom].sum() == 0 for nom in INCAPACITE_PERMANENTE)


def test_bornes_des_categories_d_incapacite_permanente_et_deces():
    taux = numpy.array([0.05, 0.0999, 0.10, 0.19, 0.20, 0.39, 0.40, 1.0, numpy.nan])
    deces = numpy.array([False] * 8 + [True])
    comptes = compter_sinistres(
        nombre_etablissements=len(taux),
        etablissement=numpy.arange(len(taux)),
        annee=numpy.full(len(taux), 2020),
        jours_arret=numpy.full(len(taux), 200),
        taux_incapacite_permanente=taux,
        annee_incapacite_permanente=numpy.full(len(taux), 2021),
        deces=deces,
        annee_tarification=2024,
    )
    # < 10 % ; 10 à 19 % ; 20 à 39 % ; ≥ 40 % ou décès — l'année de la notification du taux, pas de la déclaration
    assert _categories(comptes, 2021, INCAPACITE_PERMANENTE).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 4]
    assert all(comptes[2021][nom].sum() == 0 for nom in INCAPACITE_TEMPORAIRE)
    # l'incapacité temporaire (200 jours) reste comptée l'année de la déclaration
    assert comptes[2020]["sinistres_incapacite_temporaire_6"].tolist() == [1] * len(taux)


def test_recours_contre_tiers_et_sinistres_non_imputables():
    comptes = compter_sinistres(
        nombre_etablissements=2,
        etablissement=[0, 0, 0, 1],
        annee=[2022, 2022, 2022, 2022],
        jours_arret=[10, 10, 10, 10],
        taux_incapacite_permanente=[0.25, numpy.nan, 0, 0],
        part_responsabilite_tiers=[0.4, 0, 0, 0],
        imputable=[True, True, False, True],
        annee_tarification=2024,
    )
    # établissement 0 : 0,6 (tiers à 40 %) + 1 + 0 (non imputable) en catégorie 2 ; 0,6 en IP 3 (25 %)
    assert comptes[2022]["sinistres_incapacite_temporaire_2"].tolist() == pytest.approx([1.6, 1])
    assert comptes[2022]["sinistres_incapacite_permanente_3"].tolist() == pytest.approx([0.6, 0])
    assert comptes[2022]["sinistres_incapacite_permanente_1"].tolist() == [0, 0]


@pytest.mark.parametrize(
    ("argument", "valeur", "message"),
    [
        ("jours_arret", [3.5], "jours_arret : valeur 3.5"),
        ("jours_arret", [-1], "jours_arret : valeur -1"),
        ("etablissement", [2], "etablissement : valeur 2"),
        ("taux_incapacite_permanente", [1.2], "taux_incapacite_permanente : valeur 1.2"),
        ("part_responsabilite_tiers", [-0.1], "part_responsabilite_tiers : valeur -0.1"),
    ],
)
def test_sinistre_impossible_refuse(argument, valeur, message):
    table = {"etablissement": [0], "annee": [2021], "jours_arret": [3]}
    table[argument] = valeur
    with pytest.raises(ValueError, match=message):
        compter_sinistres(nombre_etablissements=2, annee_tarification=2024, **table)


def test_cent_mille_sinistres_comme_un_par_un():
    aleas = numpy.random.default_rng(4)
    taille, etablissements = 100_000, 5_000
    table = {
        "etablissement": aleas.integers(0, etablissements, taille),
        "annee": aleas.integers(2020, 2023, taille),
        "jours_arret": aleas.integers(0, 300, taille),
        "taux_incapacite_permanente": numpy.where(aleas.random(taille) < 0.1, aleas.random(taille), numpy.nan),
        "part_responsabilite_tiers": numpy.where(aleas.random(taille) < 0.05, 0.5, 0.0),
    }
    comptes = compter_sinistres(nombre_etablissements=etablissements, annee_tarification=2024, **table)
    total = sum(comptes[a][nom].sum() for a in comptes for nom in INCAPACITE_TEMPORAIRE)
    assert total == pytest.approx(taille - 0.5 * (table["part_responsabilite_tiers"] > 0).sum())
    rang = 17
    du_rang = table["etablissement"] == rang
    longs = du_rang & (table["annee"] == 2021) & (table["jours_arret"] > 150)
    attendu = (1 - table["part_responsabilite_tiers"][longs]).sum()
    assert comptes[2021]["sinistres_incapacite_temporaire_6"][rang] == pytest.approx(attendu)


def test_table_de_sinistres_jusqu_au_taux_brut(systeme):
    # 2 établissements du CTN A, tarif 2024 ; sinistres 2020 à 2022, coûts moyens 2024 du CTN A.
    comptes = compter_sinistres(
        nombre_etablissements=2,
        etablissement=[0, 0, 1],
        annee=[2020, 2022, 2021],
        jours_arret=[3, 20, 100],
        taux_incapacite_permanente=[numpy.nan, numpy.nan, 0.12],
        annee_incapacite_permanente=[2020, 2022, 2022],
        annee_tarification=2024,
    )
    simulation = SimulationBuilder().build_default_simulation(systeme, 2)
    donner_sinistres(simulation, comptes)
    ctn = systeme.variables["comite_technique_national_atmp"].possible_values.encode(numpy.array(["a", "a"]))
    simulation.set_input("comite_technique_national_atmp", "2024", ctn)
    for annee in ("2020", "2021", "2022"):
        simulation.set_input("masse_salariale_atmp", annee, numpy.array([1e6, 2e6]))
    # 0 : 287 (IT1) + 1 758 (IT3) = 2 045 ; 1 : 8 924 (IT5) + 65 734 (IP2) = 74 658
    assert simulation.calculate("valeur_du_risque_atmp", "2024").tolist() == pytest.approx([2045, 74658])
    brut = simulation.calculate("taux_brut_individuel_atmp", "2024")
    assert brut.tolist() == pytest.approx([2045 / 3e6, 74658 / 6e6])


# --- Erreurs de la tarification : chaque donnée manquante ou impossible est nommée ------------------------------------


def _etablissements(systeme, entrees):
    """Simulation d'établissements (un par valeur), chacun avec un individu sans rémunération."""
    taille = len(next(iter(next(iter(entrees.values())).values())))
    simulation = SimulationBuilder().build_default_simulation(systeme, taille)
    for nom, par_periode in entrees.items():
        variable = systeme.variables[nom]
        for periode, valeurs in par_periode.items():
            tableau = numpy.asarray(valeurs)
            if variable.value_type.__name__ == "Enum":
                tableau = variable.possible_values.encode(tableau)
            simulation.set_input(nom, periode, tableau)
    return simulation


INDIVIDUEL_2024 = {
    "comite_technique_national_atmp": {"2024": ["a"]},
    "effectif_entreprise_atmp": {"2024": [200]},
    "masse_salariale_atmp": {"2022": [1e6]},
    "taux_notifie_atmp_annee_precedente": {"2024": [0.02]},
}


@pytest.mark.parametrize(
    ("entrees", "periode", "message"),
    [
        ({"code_risque_atmp": {"2024": ["00.00B"]}}, "2024", "effectif_entreprise_atmp manquant pour 2024"),
        (
            {"code_risque_atmp": {"2024": ["99.99Z"]}, "effectif_entreprise_atmp": {"2024": [5]}},
            "2024",
            r"code_risque_atmp « 99.99Z » absent des \d+ taux nets collectifs publiés connus pour l'année 2024",
        ),
        (
            {"code_risque_atmp": {"2021": ["45.2BD"]}, "effectif_entreprise_atmp": {"2021": [5]}},
            "2021",
            "code_risque_atmp « 45.2BD » absent",
        ),
        (
            {"code_risque_atmp": {"2023": ["55.3AC"]}, "effectif_entreprise_atmp": {"2023": [5]}},
            "2023",
            "code_risque_atmp « 55.3AC » absent des 2 taux nets collectifs publiés connus pour l'année 2023",
        ),
        (
            {
                "code_risque_atmp": {"2024": ["00.00B"]},
                "effectif_entreprise_atmp": {"2024": [5]},
                "regime_alsace_moselle": {"2024": [True]},
            },
            "2024",
            "taux nets collectifs publiés du Haut-Rhin, du Bas-Rhin et de la Moselle",
        ),
        ({"eleves_etudiants_atmp": {"2024": [True]}}, "2024", "donnez taux_brut_collectif_atmp"),
        (
            {
                **INDIVIDUEL_2024,
                "comite_technique_national_atmp": {"2024": ["h"]},
                "sinistres_incapacite_temporaire_3": {"2022": [1]},
            },
            "2024",
            r"coût moyen incapacite_temporaire_3 du CTN H inconnu pour la tarification 2024 \(paramètre absent\) ; "
            "donnez cout_moyen_incapacite_temporaire_3",
        ),
        (
            {
                **INDIVIDUEL_2024,
                "sinistres_incapacite_temporaire_1": {"2022": [1]},
                "comite_technique_national_atmp": {},
                "code_risque_atmp": {"2024": ["00.00B"]},
            },
            "2024",
            "comite_technique_national_atmp manquant",
        ),
        (
            {
                **INDIVIDUEL_2024,
                "comite_technique_national_atmp": {"2024": ["b"]},
                "sinistres_incapacite_permanente_3": {"2022": [1]},
            },
            "2024",
            "activite_btp_atmp manquante",
        ),
        (
            {**INDIVIDUEL_2024, "activite_btp_atmp": {"2024": ["gros_oeuvre"]}},
            "2024",
            "activite_btp_atmp gros_oeuvre impossible",
        ),
        (
            {
                **INDIVIDUEL_2024,
                "comite_technique_national_atmp": {"2014": ["a"]},
                "effectif_entreprise_atmp": {"2014": [200]},
                "masse_salariale_atmp": {"2012": [1e6]},
                "taux_notifie_atmp_annee_precedente": {"2014": [0.02]},
            },
            "2014",
            "majoration_m1_atmp manquante",
        ),
        ({**INDIVIDUEL_2024, "masse_salariale_atmp": {}}, "2024", "masse_salariale_atmp nulle de 2020 à 2022"),
        (
            {**INDIVIDUEL_2024, "masse_salariale_atmp": {"2021": [-1.0]}},
            "2024",
            "masse_salariale_atmp : valeur -1.0 impossible pour 2021",
        ),
        (
            {**INDIVIDUEL_2024, "sinistres_incapacite_temporaire_2": {"2020": [-1.0]}},
            "2024",
            "sinistres_incapacite_temporaire_2 : valeur -1.0 impossible pour 2020",
        ),
        (
            {**INDIVIDUEL_2024, "taux_notifie_atmp_annee_precedente": {}},
            "2024",
            "taux_notifie_atmp_annee_precedente manquant pour 2024",
        ),
        (
            {**INDIVIDUEL_2024, "effectif_entreprise_atmp": {"2024": [10]}, "groupe_taux_unique_atmp": {"2024": [3]}},
            "2024",
            "groupe_taux_unique_atmp 3 impossible",
        ),
        (
            {**INDIVIDUEL_2024, "annee_creation_etablissement": {"2024": [2025]}},
            "2024",
            "annee_creation_etablissement 2025 postérieure à l'année de tarification 2024",
        ),
        (
            {
                **INDIVIDUEL_2024,
                "comite_technique_national_atmp": {"2012": ["a"]},
                "effectif_entreprise_atmp": {"2012": [200]},
                "masse_salariale_atmp": {"2010": [1e6]},
                "taux_notifie_atmp_annee_precedente": {"2012": [0.02]},
                "majoration_m1_atmp": {"2012": [0.003]},
                "majoration_m2_atmp": {"2012": [0.5]},
                "majoration_m3_atmp": {"2012": [0.006]},
                "majoration_m4_atmp": {"2012": [0.0]},
            },
            "2012",
            "valeur_du_risque_ancienne_methode_atmp manquante pour 2008",
        ),
    ],
)
def test_donnee_de_tarification_manquante_ou_impossible(systeme, entrees, periode, message):
    simulation = _etablissements(systeme, {nom: valeurs for nom, valeurs in entrees.items() if valeurs})
    with pytest.raises(ValueError, match=message):
        simulation.calculate("taux_net_atmp_notifie", periode)


def test_sans_donnees_de_tarification_le_taux_reste_une_entree(systeme):
    simulation = _etablissements(
        systeme, {"code_risque_atmp": {"2024": ["00.00B", ""]}, "effectif_entreprise_atmp": {"2024": [5, -1]}}
    )
    taux = simulation.calculate("taux_accident_travail", "2024-05")
    assert taux[0] == 0.0064
    assert numpy.isnan(taux[1])
    simulation.set_input("salaire_de_base", "2024-05", numpy.array([0.0, 2000.0]))
    simulation.set_input("effectif_entreprise", "2024-05", numpy.array([5, 5]))
    with pytest.raises(ValueError, match="taux_accident_travail manquant"):
        simulation.calculate("accident_du_travail_employeur", "2024-05")


def test_erreur_dans_un_groupe_de_taux_unique_nomme_l_etablissement_fautif(systeme):
    simulation = _etablissements(
        systeme,
        {
            "comite_technique_national_atmp": {"2024": ["a", "h"]},
            "effectif_entreprise_atmp": {"2024": [200, 200]},
            "groupe_taux_unique_atmp": {"2024": [1, 1]},
            "masse_salariale_atmp": {"2022": [1e6, 1e6]},
            "sinistres_incapacite_temporaire_4": {"2022": [0, 1]},
            "taux_notifie_atmp_annee_precedente": {"2024": [0.02, 0.02]},
        },
    )
    with pytest.raises(ValueError, match=r"établissement n° 1\) : coût moyen incapacite_temporaire_4 du CTN H"):
        simulation.calculate("taux_net_atmp_notifie", "2024")


def test_annees_enchainees_dans_l_ordre(systeme):
    entrees = {
        "comite_technique_national_atmp": {"2023": ["a"], "2024": ["a"]},
        "effectif_entreprise_atmp": {"2023": [200], "2024": [200]},
        "taux_brut_individuel_atmp": {"2023": [0.05], "2024": [0.05]},
        "taux_notifie_atmp_annee_precedente": {"2023": [0.02]},
    }
    simulation = _etablissements(systeme, entrees)
    assert simulation.calculate("taux_net_atmp_notifie", "2023") == pytest.approx([0.03])  # 2 % + 1 point
    assert simulation.calculate("taux_net_atmp_notifie", "2024") == pytest.approx([0.04])  # 3 % + 1 point
    # 2024 seul : le taux de 2023 n'est pas remonté dans le même calcul, l'erreur dit quoi faire.
    with pytest.raises(ValueError, match="calculez d'abord taux_net_atmp_notifie de l'année précédente"):
        _etablissements(systeme, entrees).calculate("taux_net_atmp_notifie", "2024")

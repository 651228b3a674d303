"""Microsimulation : résultats par personne, rapport, reprise, paquets, erreurs de colonnes, Dask local."""

import json
import re

import numpy
import pandas
import pytest
from PIL import Image

from openfisca_secu.bulletin_de_paie import format_fr
from openfisca_secu.microsimulation import simuler
from openfisca_secu.microsimulation.graphiques import GRAPHIQUES, coincidence
from openfisca_secu.microsimulation.lecture import ErreurDePopulation
from openfisca_secu.microsimulation.rapport import entier_fr, millions, nombre_fr, periode_en_lettres
from openfisca_secu.population import population_synthetique


@pytest.fixture(scope="module")
def population(tmp_path_factory, systeme):
    entrees = population_synthetique(1_500, "2024-05", systeme, graine=11)
    table = pandas.DataFrame({"salarie_id": numpy.arange(1_500) * 7, **entrees})
    chemin = tmp_path_factory.mktemp("population") / "population.parquet"
    table.to_parquet(chemin, index=False)
    return chemin, table


def _resultats(dossier):
    return pandas.read_parquet(dossier / "resultats").sort_values("ligne").reset_index(drop=True)


def test_paquets_identiques_a_un_seul_paquet(population, tmp_path, systeme):
    chemin, table = population
    reglages = {
        "periode": "2024-05",
        "reforme": "reduction_generale_recentree",
        "graphiques": False,
        "progression": False,
    }
    un = simuler(chemin, sortie=tmp_path / "un", taille_des_paquets=10_000, **reglages)
    plusieurs = simuler(chemin, sortie=tmp_path / "plusieurs", taille_des_paquets=400, **reglages)
    resultats_un, resultats_plusieurs = _resultats(tmp_path / "un"), _resultats(tmp_path / "plusieurs")
    assert len(resultats_un) == len(table) == len(resultats_plusieurs)
    pandas.testing.assert_frame_equal(resultats_un, resultats_plusieurs)
    assert list(resultats_un["salarie_id"]) == list(table["salarie_id"])
    for nom, (avant, apres) in un.agregats["lignes"].items():
        assert plusieurs.agregats["lignes"][nom] == pytest.approx([avant, apres], rel=1e-12, abs=1e-6)
    # les résultats par personne sont ceux d'une simulation directe
    from openfisca_secu.population import simulation_de_population

    entrees = {c: table[c].to_numpy() for c in table.columns if c != "salarie_id"}
    directe = simulation_de_population(systeme, "2024-05", entrees)
    numpy.testing.assert_allclose(
        resultats_un["cout_total_employeur"], directe.calculate("cout_total_employeur", "2024-05")
    )
    assert (resultats_un["ecart_cout_total_employeur"] >= -1e-9).all()  # recentrer la réduction ne fait pas gagner
    assert un.agregats["salaries_selon_cout_employeur"]["en_hausse"] > 0


def test_rapport_et_graphiques(population, tmp_path, systeme):
    chemin, _ = population
    resultat = simuler(chemin, "2024-05", tmp_path, reforme="suppression_taux_reduits", progression=False)
    rapport = (tmp_path / "rapport.md").read_text()
    assert "Par tranche de salaire" in rapport and "Par taille d'entreprise" in rapport
    assert "# Microsimulation de la paie, mai 2024" in rapport
    # libellés des variables, pas leurs noms
    assert f"| {systeme.variables['maladie_employeur'].label} |" in rapport
    assert "maladie_employeur" not in rapport and "cout_total_employeur" not in rapport
    # nombres au format français : virgule décimale, jamais de point décimal ni de « -0,00 »
    assert not re.search(r"\d\.\d", rapport), re.findall(r".*\d\.\d.*", rapport)
    assert not re.search(r"[-−]0,00\b", rapport)
    donnees = json.loads((tmp_path / "rapport.json").read_text())
    avant, apres = donnees["lignes"]["maladie_employeur"]
    assert apres > avant  # les taux réduits supprimés coûtent aux employeurs
    libelle = systeme.variables["maladie_employeur"].label
    ligne = f"| {libelle} | {format_fr(avant / 1e6)} | {format_fr(apres / 1e6)} |"
    assert ligne in rapport
    assert sum(donnees["par_tranche_smic"]["effectif"]) == 1_500
    # ce qui est compté : des salariés, selon le coût de leur employeur puis selon leur net
    resultats = _resultats(tmp_path)
    hausse = int((resultats["ecart_cout_total_employeur"] > 0.005).sum())
    assert 0 < hausse == resultat.agregats["salaries_selon_cout_employeur"]["en_hausse"]
    compte = (
        f"Salariés dont le coût employeur baisse / augmente (employeur gagnant / perdant) : 0 / {entier_fr(hausse)}"
    )
    assert compte in rapport
    assert "Employeurs gagnants" not in rapport
    assert resultat.agregats["salaries_selon_salaire_net"] == {"en_hausse": 0, "en_baisse": 0}

    # graphiques : titre qui dit le cas tracé, légende qui dit où les courbes coïncident (titre et légende relus dans
    # les métadonnées du PNG)
    textes = {}
    for nom in GRAPHIQUES:
        image = Image.open(tmp_path / nom)
        assert image.format == "PNG"
        textes[nom] = image.text
    for nom in ("taux_cotisation_employeur.png", "net_sur_brut.png"):
        assert (
            "Salarié non-cadre à temps plein, entreprise de 30 salariés, taux AT/MP 2 %, mai 2024"
            in (textes[nom]["Title"])
        )
    # la suppression des taux réduits ne touche pas le net : les deux courbes net / brut sont confondues, et le dit
    assert "confondue avec la législation sur toute la grille" in textes["net_sur_brut.png"]["Description"]
    # côté employeur, elles se rejoignent au-dessus des seuils des taux réduits (3,5 SMIC pour les allocations
    # familiales, au centième de SMIC de la grille près)
    assert re.search(
        r"confondue avec la législation de 3,\d+ à 6 SMIC", textes["taux_cotisation_employeur.png"]["Description"]
    )
    assert "Suppression des taux réduits" in textes["ecart_par_tranche.png"]["Title"]


def test_aucun_graphique_perime(population, tmp_path):
    chemin, _ = population
    reglages = {"progression": False, "taille_des_paquets": 10_000}
    simuler(chemin, "2024-05", tmp_path, reforme="suppression_taux_reduits", **reglages)
    assert all((tmp_path / nom).exists() for nom in GRAPHIQUES)
    # sans réforme : pas d'écart à tracer, l'ancien graphique d'écart disparaît ; les courbes sont redessinées
    resultat = simuler(chemin, "2024-05", tmp_path, **reglages)
    assert not (tmp_path / "ecart_par_tranche.png").exists()
    assert "Réforme" not in Image.open(tmp_path / "net_sur_brut.png").text["Description"]
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(
        p.name for p in resultat.fichiers if p.suffix == ".png"
    )
    # sans graphiques : aucun PNG ne reste
    simuler(chemin, "2024-05", tmp_path, graphiques=False, **reglages)
    assert not list(tmp_path.glob("*.png"))


@pytest.mark.parametrize(
    ("a", "b", "attendu"),
    [
        ([1, 2, 3, 4], [1, 2, 3, 4], "partout"),
        ([1, 2, 3, 4], [0, 0, 0, 0], None),
        ([1, 2, 3, 4], [1, 2, 0, 0], "de 1 à 1,5 SMIC"),
        ([1, 2, 3, 4], [1, 0, 3, 4], "à 1 SMIC et de 2 à 2,5 SMIC"),
    ],
)
def test_coincidence_des_courbes(a, b, attendu):
    x = numpy.array([1, 1.5, 2, 2.5])
    assert coincidence(x, numpy.array(a, dtype=float), numpy.array(b, dtype=float)) == attendu


def test_formats_du_rapport():
    assert periode_en_lettres("2024-05") == "mai 2024" and periode_en_lettres("2024") == "année 2024"
    assert millions(1_990_000) == "1,99" and millions(-4_321_000) == "−4,32"
    assert nombre_fr(1.2) == "1,2" and nombre_fr(2000) == "2\u202f000"


def test_reprise_apres_interruption(population, tmp_path):
    chemin, _ = population
    reglages = {"periode": "2024-05", "graphiques": False, "progression": False, "taille_des_paquets": 500}
    simuler(chemin, sortie=tmp_path, **reglages)
    premier = _resultats(tmp_path)
    # interruption simulée : le dernier paquet n'est pas fini, et l'avant-dernier a des résultats marqués
    (tmp_path / "agregats" / "part-00002.json").unlink()
    (tmp_path / "resultats" / "part-00001.parquet").write_bytes(b"ne pas relire")
    simuler(chemin, sortie=tmp_path, **reglages)
    assert (
        tmp_path / "resultats" / "part-00001.parquet"
    ).read_bytes() == b"ne pas relire"  # paquet fini : repris tel quel
    (tmp_path / "resultats" / "part-00001.parquet").unlink()
    (tmp_path / "agregats" / "part-00001.json").unlink()
    simuler(chemin, sortie=tmp_path, **reglages)
    pandas.testing.assert_frame_equal(_resultats(tmp_path), premier)


def test_annee_et_mois(population, tmp_path):
    chemin, table = population
    resultat = simuler(chemin, "2024", tmp_path, mensuel=True, graphiques=False, progression=False)
    mensuels = pandas.read_parquet(tmp_path / "mensuels")
    assert len(mensuels) == 12 * len(table)
    annuels = _resultats(tmp_path)
    somme = mensuels.groupby("ligne")["reduction_generale"].sum().sort_index().to_numpy()
    numpy.testing.assert_allclose(annuels["reduction_generale"], somme, atol=1e-6)
    assert resultat.agregats["lignes"]["remuneration_brute"][0] == pytest.approx(12 * table["salaire_de_base"].sum())


@pytest.mark.parametrize(
    ("modifier", "message"),
    [
        (lambda t: t.drop(columns="salaire_de_base"), "colonne obligatoire « salaire_de_base » manquante"),
        (lambda t: t.assign(salaire_de_bsae=1.0), "colonne « salaire_de_bsae » : ce n'est pas une variable d'entrée"),
        (
            lambda t: t.assign(categorie_salarie="ouvrier"),
            "colonne « categorie_salarie », ligne 2 : valeur « ouvrier » inconnue",
        ),
        (
            lambda t: t.assign(effectif_entreprise=["beaucoup"] * len(t)),
            "colonne « effectif_entreprise », ligne 2 : valeur « beaucoup » illisible",
        ),
        (
            lambda t: t.assign(quotite_de_travail=numpy.where(t.index == 3, numpy.nan, 1.0)),
            "colonne « quotite_de_travail », ligne 5 : valeur manquante",  # index 3 sous l'en-tête (ligne 1)
        ),
        (lambda t: t.assign(salaire_de_base=-t["salaire_de_base"]), "colonne « salaire_de_base », ligne 2 : valeur -"),
    ],
)
def test_colonne_mal_formee(population, tmp_path, modifier, message):
    _, table = population
    chemin = tmp_path / "population.csv"
    modifier(table.head(20).copy()).to_csv(chemin, index=False)
    with pytest.raises(ValueError, match=message):
        simuler(chemin, "2024-05", tmp_path / "sortie", graphiques=False, progression=False)


def test_groupes_joints_par_identifiant(tmp_path):
    salaries = pandas.DataFrame(
        {
            "salarie_id": [1, 2, 3],
            "etablissement_id": ["a", "b", "a"],
            "entreprise_id": [10, 10, 20],
            "salaire_de_base": [2000.0, 3000.0, 4000.0],
        }
    )
    etablissements = pandas.DataFrame({"etablissement_id": ["a", "b"], "taux_accident_travail": [0.01, 0.03]})
    entreprises = pandas.DataFrame({"entreprise_id": [10, 20], "effectif_entreprise": [5, 300]})
    for nom, table in (("salaries", salaries), ("etablissements", etablissements), ("entreprises", entreprises)):
        table.to_csv(tmp_path / f"{nom}.csv", index=False)
    simuler(
        tmp_path / "salaries.csv",
        "2024-05",
        tmp_path / "sortie",
        etablissements=tmp_path / "etablissements.csv",
        entreprises=tmp_path / "entreprises.csv",
        graphiques=False,
        progression=False,
    )
    resultats = _resultats(tmp_path / "sortie")
    assert list(resultats["etablissement_id"]) == ["a", "b", "a"]
    salaries.loc[0, "etablissement_id"] = "z"
    salaries.to_csv(tmp_path / "salaries.csv", index=False)
    with pytest.raises(ErreurDePopulation, match="colonne « etablissement_id », ligne 2 : valeur z inconnue"):
        simuler(
            tmp_path / "salaries.csv",
            "2024-05",
            tmp_path / "sortie2",
            etablissements=tmp_path / "etablissements.csv",
            progression=False,
        )


def test_cluster_dask_local_identique(population, tmp_path):
    chemin, _ = population
    reglages = {"periode": "2024-05", "reforme": "maladie_taux_marginal", "graphiques": False, "progression": False}
    simuler(chemin, sortie=tmp_path / "local", taille_des_paquets=500, **reglages)
    distribue = simuler(chemin, sortie=tmp_path / "dask", taille_des_paquets=500, travailleurs=2, **reglages)
    pandas.testing.assert_frame_equal(_resultats(tmp_path / "local"), _resultats(tmp_path / "dask"))
    assert distribue.agregats["effectif"] == 1_500


def test_annee_deux_travailleurs_identique_a_un_processus(population, tmp_path):
    """Une année, réforme comprise : deux travailleurs Dask donnent les résultats par personne, les résultats de
    chaque mois, les agrégats et le rapport d'un seul processus, au bit près (paquets additionnés dans leur ordre)."""
    chemin, _ = population
    reglages = {
        "periode": "2024",
        "reforme": "reduction_generale_recentree",
        "mensuel": True,
        "taille_des_paquets": 400,
        "graphiques": False,
        "progression": False,
    }
    seul = simuler(chemin, sortie=tmp_path / "seul", **reglages)
    deux = simuler(chemin, sortie=tmp_path / "deux", travailleurs=2, **reglages)
    pandas.testing.assert_frame_equal(_resultats(tmp_path / "seul"), _resultats(tmp_path / "deux"), check_exact=True)
    mensuels = [pandas.read_parquet(tmp_path / dossier / "mensuels") for dossier in ("seul", "deux")]
    assert len(mensuels[0]) == 12 * 1_500
    pandas.testing.assert_frame_equal(*mensuels, check_exact=True)
    assert deux.agregats == seul.agregats
    assert deux.agregats["salaries_selon_cout_employeur"]["en_hausse"] > 0  # la réforme change quelque chose
    assert (tmp_path / "deux" / "rapport.md").read_text() == (tmp_path / "seul" / "rapport.md").read_text()
    assert (tmp_path / "deux" / "rapport.json").read_text() == (tmp_path / "seul" / "rapport.json").read_text()

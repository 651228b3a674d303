"""Entrées fautives aux portes fichier (CLI `openfisca-secu simulate`) et Python (`simulation_de_population`) : code de
sortie 2 (CLI) ou ErreurDePopulation (Python), et un message qui nomme la colonne et la ligne (ou l'index)."""

import datetime

import numpy
import pandas
import pyarrow
import pyarrow.parquet
import pytest

from openfisca_secu.colonnes import ErreurDePopulation
from openfisca_secu.enumerations import TypeRemuneration
from openfisca_secu.microsimulation.cli import main
from openfisca_secu.population import simulation_de_population

EN_TETE = (
    "salarie_id,salaire_de_base,quotite_de_travail,regime_alsace_moselle,categorie_salarie,effectif_entreprise,"
    "taux_accident_travail"
)
BONNE = "1,2500.5,1,non,cadre,30,0.0112"
EN_TETE_FR = EN_TETE.replace(",", ";")
BONNE_FR = "1;2500,5;1;non;cadre;30;0,0112"


def _lancer(tmp_path, capsys, chemin, *options):
    code = main(["simulate", str(chemin), "--period", "2024-05", "--output", str(tmp_path / "sortie"), *options])
    return code, capsys.readouterr().err


def _csv(tmp_path, texte, nom="population.csv"):
    chemin = tmp_path / nom
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def _ligne(**cellules):
    valeurs = dict(zip(EN_TETE.split(","), BONNE.split(","), strict=True)) | cellules
    return ",".join(str(v) for v in valeurs.values())


# (contenu du CSV, fragments attendus dans le message)
CAS_CSV = {
    "booleen inconnu": (
        f"{EN_TETE}\n{BONNE}\n{_ligne(regime_alsace_moselle='peut-être')}\n",
        ["colonne « regime_alsace_moselle », ligne 3", "« peut-être »", "oui/non"],
    ),
    "booleen anglais hors liste": (
        f"{EN_TETE}\n{_ligne(regime_alsace_moselle='yes')}\n",
        ["colonne « regime_alsace_moselle », ligne 2", "« yes »"],
    ),
    "booleen 2": (
        f"{EN_TETE}\n{BONNE}\n{BONNE}\n{_ligne(regime_alsace_moselle='2')}\n",
        ["colonne « regime_alsace_moselle », ligne 4", "« 2 »"],
    ),
    "booleen 1.0": (
        f"{EN_TETE}\n{_ligne(regime_alsace_moselle='1.0')}\n",
        ["colonne « regime_alsace_moselle », ligne 2", "« 1.0 »"],
    ),
    "booleen vide": (
        f"{EN_TETE}\n{_ligne(regime_alsace_moselle='')}\n",
        ["colonne « regime_alsace_moselle », ligne 2", "valeur manquante"],
    ),
    "enumeration inconnue": (
        f"{EN_TETE}\n{_ligne(categorie_salarie='ouvrier')}\n",
        ["colonne « categorie_salarie », ligne 2", "« ouvrier » inconnue", "non_cadre, cadre"],
    ),
    "enumeration par index": (
        f"{EN_TETE}\n{_ligne(categorie_salarie='1')}\n",
        ["colonne « categorie_salarie », ligne 2", "« 1 » inconnue"],
    ),
    "enumeration en majuscules": (
        f"{EN_TETE}\n{_ligne(categorie_salarie='CADRE')}\n",
        ["colonne « categorie_salarie », ligne 2", "« CADRE » inconnue"],
    ),
    "nombre illisible": (
        f"{EN_TETE}\n{_ligne(salaire_de_base='deux mille')}\n",
        ["colonne « salaire_de_base », ligne 2", "« deux mille » illisible", "un nombre"],
    ),
    "nombre vide": (
        f"{EN_TETE}\n{BONNE}\n{_ligne(salaire_de_base='')}\n",
        ["colonne « salaire_de_base », ligne 3", "valeur manquante"],
    ),
    "nombre nan": (
        f"{EN_TETE}\n{_ligne(salaire_de_base='nan')}\n",
        ["colonne « salaire_de_base », ligne 2", "« nan »"],
    ),
    "nombre inf": (
        f"{EN_TETE}\n{_ligne(salaire_de_base='inf')}\n",
        ["colonne « salaire_de_base », ligne 2", "« inf »"],
    ),
    "nombre qui deborde": (
        f"{EN_TETE}\n{_ligne(salaire_de_base='1e400')}\n",
        ["colonne « salaire_de_base », ligne 2", "fini"],
    ),
    "virgule decimale dans un CSV a virgules": (
        f"{EN_TETE}\n{_ligne(salaire_de_base=chr(34) + '2500,5' + chr(34))}\n",
        ["colonne « salaire_de_base », ligne 2", "« 2500,5 » illisible"],
    ),
    "salaire negatif": (
        f"{EN_TETE}\n{_ligne(salaire_de_base='-10')}\n",
        ["colonne « salaire_de_base », ligne 2", "valeur -10.0 impossible", "au moins 0"],
    ),
    "quotite au-dela de 1": (
        f"{EN_TETE}\n{_ligne(quotite_de_travail='1.5')}\n",
        ["colonne « quotite_de_travail », ligne 2", "entre 0 et 1"],
    ),
    "quotite nulle avec un salaire": (
        f"{EN_TETE}\n{BONNE}\n{_ligne(quotite_de_travail='0')}\n",
        ["colonne « quotite_de_travail », ligne 3", "quotité nulle", "2500.5"],
    ),
    "effectif non entier": (
        f"{EN_TETE}\n{_ligne(effectif_entreprise='12.5')}\n",
        ["colonne « effectif_entreprise », ligne 2", "12.5 non entière"],
    ),
    "effectif trop grand": (
        f"{EN_TETE}\n{_ligne(effectif_entreprise='1e12')}\n",
        ["colonne « effectif_entreprise », ligne 2", "trop grande"],
    ),
    "effectif negatif": (
        f"{EN_TETE}\n{_ligne(effectif_entreprise='-3')}\n",
        ["colonne « effectif_entreprise », ligne 2", "impossible"],
    ),
    "effectif en texte": (
        f"{EN_TETE}\n{_ligne(effectif_entreprise='beaucoup')}\n",
        ["colonne « effectif_entreprise », ligne 2", "« beaucoup » illisible", "nombre entier"],
    ),
    "taux AT/MP au-dela de 1": (
        f"{EN_TETE}\n{_ligne(taux_accident_travail='2')}\n",
        ["colonne « taux_accident_travail », ligne 2", "entre 0 et 1"],
    ),
    "date au format français": (
        f"{EN_TETE},date_debut_contrat\n{BONNE},01/05/2024\n",
        ["colonne « date_debut_contrat », ligne 2", "« 01/05/2024 »", "AAAA-MM-JJ"],
    ),
    "date impossible": (
        f"{EN_TETE},date_debut_contrat\n{BONNE},2024-02-30\n",
        ["colonne « date_debut_contrat », ligne 2", "2024-02-30"],
    ),
    "fichier vide": ("", ["population.csv", "fichier vide"]),
    "fichier de lignes blanches": ("\n\n", ["population.csv", "fichier vide"]),
    "en-tete seul": (f"{EN_TETE}\n", ["population.csv", "aucun salarié", "en-tête seul"]),
    "colonnes en double": (
        f"{EN_TETE},salaire_de_base\n{BONNE},3000\n",
        ["population.csv, ligne 1", "colonne « salaire_de_base » en double", "n° 2 et 8"],
    ),
    "colonne sans nom": (f"{EN_TETE},\n{BONNE},3\n", ["population.csv, ligne 1", "colonne n° 8 n'a pas de nom"]),
    "colonne obligatoire manquante": (
        "salarie_id,quotite_de_travail\n1,1\n",
        ["colonne obligatoire « salaire_de_base »"],
    ),
    "colonne inconnue": (
        f"{EN_TETE},salaire_de_bsae\n{BONNE},3\n",
        ["colonne « salaire_de_bsae »", "pas une variable d'entrée"],
    ),
    "variable calculee en colonne": (
        f"{EN_TETE},salaire_net\n{BONNE},3\n",
        ["colonne « salaire_net »", "pas une variable d'entrée"],
    ),
    "cellule en trop": (f"{EN_TETE}\n{BONNE}\n{BONNE},9\n", ["population.csv, ligne 3", "8 cellules pour 7 colonnes"]),
    "cellule en moins": (
        f"{EN_TETE}\n{BONNE}\n1,2500.5,1,non,cadre,30\n",
        ["colonne « taux_accident_travail », ligne 3", "valeur manquante"],
    ),
    "ligne vide au milieu": (f"{EN_TETE}\n{BONNE}\n\n{BONNE}\n", ["population.csv, ligne 3", "vide"]),
    # CSV Excel français : séparateur « ; » et virgule décimale
    "point decimal dans un CSV a points-virgules": (
        f"{EN_TETE_FR}\n{BONNE_FR}\n1;2500.5;1;non;cadre;30;0,0112\n",
        ["colonne « salaire_de_base », ligne 3", "le séparateur décimal est la virgule"],
    ),
    "separateur de milliers": (
        f"{EN_TETE_FR}\n1;2 500,5;1;non;cadre;30;0,0112\n",
        ["colonne « salaire_de_base », ligne 2", "« 2 500,5 » illisible"],
    ),
    "booleen faux dans un CSV a points-virgules": (
        f"{EN_TETE_FR}\n{BONNE_FR}\n1;2500,5;1;peut-être;cadre;30;0,0112\n",
        ["colonne « regime_alsace_moselle », ligne 3", "« peut-être »"],
    ),
    "quotite a virgule hors bornes": (
        f"{EN_TETE_FR}\n1;2500,5;1,5;non;cadre;30;0,0112\n",
        ["colonne « quotite_de_travail », ligne 2", "entre 0 et 1"],
    ),
}


@pytest.mark.parametrize("cas", list(CAS_CSV))
def test_csv_fautif(tmp_path, capsys, cas):
    texte, fragments = CAS_CSV[cas]
    code, erreur = _lancer(tmp_path, capsys, _csv(tmp_path, texte), "--no-plots")
    assert code == 2
    assert erreur.startswith("openfisca-secu : ") or "\nopenfisca-secu : " in erreur
    for fragment in fragments:
        assert fragment in erreur, (fragment, erreur)
    assert "Traceback" not in erreur


def test_erreur_dans_un_paquet_suivant_garde_la_numerotation(tmp_path, capsys):
    lignes = [BONNE] * 6 + [_ligne(regime_alsace_moselle="nan")]
    chemin = _csv(tmp_path, "\n".join([EN_TETE, *lignes]) + "\n")
    code, erreur = _lancer(tmp_path, capsys, chemin, "--no-plots", "--chunk-size", "2")
    assert code == 2
    assert "colonne « regime_alsace_moselle », ligne 8" in erreur  # 6 bonnes lignes sous l'en-tête (lignes 2 à 7)


@pytest.mark.parametrize("format_", ["csv", "parquet"])
def test_texte_refuse_nomme_sa_premiere_cellule(tmp_path, capsys, format_):
    """Chaque texte distinct d'une colonne est lu une fois : l'erreur nomme quand même la première cellule refusée,
    après des textes valides répétés, et pas une cellule plus loin qui répète le même texte ou un autre texte refusé."""
    categories = ["cadre", "non_cadre", "cadre", "non_cadre", "CADRE", "cadre", "ouvrier", "CADRE"]
    lignes = [_ligne(salarie_id=rang, categorie_salarie=categorie) for rang, categorie in enumerate(categories)]
    chemin = _csv(tmp_path, "\n".join([EN_TETE, *lignes]) + "\n")
    if format_ == "parquet":
        table = pandas.read_csv(chemin, dtype=str)
        chemin = tmp_path / "population.parquet"
        table.to_parquet(chemin, index=False)
    code, erreur = _lancer(tmp_path, capsys, chemin, "--no-plots")
    assert code == 2
    assert "colonne « categorie_salarie », ligne 6 : valeur « CADRE » inconnue" in erreur  # 5e salarié, sous l'en-tête


def test_barre_de_progression_sur_sa_ligne(tmp_path, capsys):
    chemin = _csv(tmp_path, f"{EN_TETE}\n{BONNE}\n{BONNE}\n{_ligne(salaire_de_base='x')}\n")
    code = main(["simulate", str(chemin), "--period", "2024-05", "--output", str(tmp_path / "s"), "--chunk-size", "2"])
    erreur = capsys.readouterr().err
    assert code == 2
    assert "microsimulation" in erreur  # la barre a été affichée
    derniere = erreur.rstrip("\n").split("\n")[-1]
    assert derniere.startswith("openfisca-secu : population.csv, colonne « salaire_de_base », ligne 4")


def test_fichiers_introuvable_inconnu_illisibles(tmp_path, capsys):
    code, erreur = _lancer(tmp_path, capsys, tmp_path / "absent.csv")
    assert code == 2 and "absent.csv : fichier introuvable" in erreur
    code, erreur = _lancer(tmp_path, capsys, _csv(tmp_path, BONNE, "population.txt"))
    assert code == 2 and "format inconnu « .txt »" in erreur
    latin = tmp_path / "latin.csv"
    latin.write_bytes(f"{EN_TETE}\n{BONNE}\n".replace("1,", "é,", 1).encode("latin-1"))
    code, erreur = _lancer(tmp_path, capsys, latin)
    assert code == 2 and "latin.csv : encodage illisible" in erreur
    faux = tmp_path / "faux.parquet"
    faux.write_text("pas du parquet")
    code, erreur = _lancer(tmp_path, capsys, faux)
    assert code == 2 and "faux.parquet : fichier Parquet illisible" in erreur
    dossier = tmp_path / "dossier.csv"
    dossier.mkdir()
    code, erreur = _lancer(tmp_path, capsys, dossier)
    assert code == 2 and "dossier.csv" in erreur


# --- Parquet : types incompatibles ----------------------------------------------------------------------------------


def _parquet(tmp_path, colonnes: dict, nom="population.parquet"):
    base = {"salaire_de_base": [2500.0, 3000.0], "effectif_entreprise": [30, 30], "taux_accident_travail": [0.01] * 2}
    table = pyarrow.table(base | colonnes)
    chemin = tmp_path / nom
    pyarrow.parquet.write_table(table, chemin)
    return chemin


CAS_PARQUET = {
    "booleens pour un salaire": (
        {"salaire_de_base": [True, False]},
        ["colonne « salaire_de_base », ligne 2", "un booléen", "attendu un nombre"],
    ),
    "horodatage pour un salaire": (
        {"salaire_de_base": pyarrow.array([datetime.datetime(2024, 1, 1)] * 2)},
        ["colonne « salaire_de_base », ligne 2", "une date"],
    ),
    "reels pour une enumeration": (
        {"categorie_salarie": [0.0, 1.0]},
        ["colonne « categorie_salarie », ligne 2", "un nombre", "non_cadre, cadre"],
    ),
    "entiers pour une enumeration": (
        {"categorie_salarie": [0, 5]},
        ["colonne « categorie_salarie », ligne 2", "un nombre"],
    ),
    "entier 2 pour un booleen": (
        {"regime_alsace_moselle": [1, 2]},
        ["colonne « regime_alsace_moselle », ligne 3", "valeur 2"],
    ),
    "texte illisible pour un booleen": (
        {"regime_alsace_moselle": ["oui", "peut-être"]},
        ["colonne « regime_alsace_moselle », ligne 3", "« peut-être »"],
    ),
    "booleen manquant": (
        {"regime_alsace_moselle": pyarrow.array([True, None])},
        ["colonne « regime_alsace_moselle », ligne 3", "valeur manquante"],
    ),
    "reel manquant": (
        {"quotite_de_travail": pyarrow.array([None, 1.0])},
        ["colonne « quotite_de_travail », ligne 2", "valeur manquante"],
    ),
    "entier manquant": (
        {"effectif_entreprise": pyarrow.array([30, None])},
        ["colonne « effectif_entreprise », ligne 3", "valeur manquante"],
    ),
    "reel non entier pour un effectif": (
        {"effectif_entreprise": [30.0, 30.5]},
        ["colonne « effectif_entreprise », ligne 3", "non entière"],
    ),
    "date avec une heure": (
        {"date_debut_contrat": pyarrow.array([datetime.datetime(2024, 1, 1, 12)] * 2)},
        ["colonne « date_debut_contrat », ligne 2", "avec une heure"],
    ),
    "liste dans une cellule": (
        {"quotite_de_travail": [[1.0], [0.5]]},
        ["colonne « quotite_de_travail », ligne 2", "illisible"],
    ),
}


@pytest.mark.parametrize("cas", list(CAS_PARQUET))
def test_parquet_fautif(tmp_path, capsys, cas):
    colonnes, fragments = CAS_PARQUET[cas]
    code, erreur = _lancer(tmp_path, capsys, _parquet(tmp_path, colonnes), "--no-plots")
    assert code == 2
    for fragment in fragments:
        assert fragment in erreur, (fragment, erreur)


def test_parquet_vide_et_colonnes_en_double(tmp_path, capsys):
    vide = tmp_path / "vide.parquet"
    pyarrow.parquet.write_table(pyarrow.table({"salaire_de_base": pyarrow.array([], pyarrow.float64())}), vide)
    code, erreur = _lancer(tmp_path, capsys, vide)
    assert code == 2 and "vide.parquet : aucun salarié" in erreur
    double = tmp_path / "double.parquet"
    table = pyarrow.Table.from_arrays([pyarrow.array([1.0]), pyarrow.array([2.0])], ["salaire_de_base"] * 2)
    pyarrow.parquet.write_table(table, double)
    code, erreur = _lancer(tmp_path, capsys, double)
    assert code == 2 and "colonne « salaire_de_base » en double" in erreur


# --- Tables d'établissements et d'entreprises -------------------------------------------------------------------------


def _groupes(tmp_path, population, etablissements):
    return (
        _csv(tmp_path, population),
        "--etablissements",
        str(_csv(tmp_path, etablissements, "etablissements.csv")),
        "--no-plots",
    )


CAS_GROUPES = {
    "etablissement inconnu": (
        "etablissement_id,salaire_de_base\na,2000\nz,3000\n",
        "etablissement_id,taux_accident_travail\na,0.01\n",
        ["population.csv, colonne « etablissement_id », ligne 3", "valeur z inconnue"],
    ),
    "etablissement en double": (
        "etablissement_id,salaire_de_base\na,2000\n",
        "etablissement_id,taux_accident_travail\na,0.01\nb,0.02\na,0.03\n",
        ["etablissements.csv, ligne 4", "a en double"],
    ),
    "identifiant de groupe manquant dans sa table": (
        "etablissement_id,salaire_de_base\na,2000\n",
        "taux_accident_travail\n0.01\n",
        ["etablissements.csv", "colonne « etablissement_id » manquante"],
    ),
    "identifiant de groupe manquant dans la population": (
        "salaire_de_base\n2000\n",
        "etablissement_id,taux_accident_travail\na,0.01\n",
        ["colonne « etablissement_id » manquante"],
    ),
    "valeur fautive dans la table des groupes": (
        "etablissement_id,salaire_de_base\na,2000\n",
        "etablissement_id,taux_accident_travail\na,0.01\nb,1.5\n",
        ["etablissements.csv, colonne « taux_accident_travail », ligne 3", "entre 0 et 1"],
    ),
    "booleen fautif dans la table des groupes": (
        "etablissement_id,salaire_de_base\na,2000\n",
        "etablissement_id,regime_alsace_moselle\na,peut-être\n",
        ["etablissements.csv, colonne « regime_alsace_moselle », ligne 2"],
    ),
    "colonne a la fois au salarie et au groupe": (
        "etablissement_id,salaire_de_base,taux_accident_travail\na,2000,0.01\n",
        "etablissement_id,taux_accident_travail\na,0.01\n",
        ["colonne « taux_accident_travail » donnée à la fois"],
    ),
    "table des groupes vide": (
        "etablissement_id,salaire_de_base\na,2000\n",
        "",
        ["etablissements.csv : fichier vide"],
    ),
}


@pytest.mark.parametrize("cas", list(CAS_GROUPES))
def test_groupes_fautifs(tmp_path, capsys, cas):
    population, etablissements, fragments = CAS_GROUPES[cas]
    code, erreur = _lancer(tmp_path, capsys, *_groupes(tmp_path, population, etablissements))
    assert code == 2
    for fragment in fragments:
        assert fragment in erreur, (fragment, erreur)


# --- Constructeur Python -------------------------------------------------------------------------------------------

BONNES_ENTREES = {
    "salaire_de_base": numpy.array([2500.0, 3000.0, 1800.0]),
    "regime_alsace_moselle": numpy.array([False, True, False]),
    "categorie_salarie": numpy.array(["cadre", "non_cadre", "cadre"]),
    "effectif_entreprise": numpy.array([30, 30, 300]),
    "taux_accident_travail": numpy.array([0.01, 0.01, 0.02]),
}

CAS_PYTHON = {
    "booleen inconnu": ({"regime_alsace_moselle": ["non", "oui", "peut-être"]}, "« regime_alsace_moselle », index 2"),
    "booleen 2": ({"regime_alsace_moselle": [0, 2, 1]}, "« regime_alsace_moselle », index 1 : valeur 2"),
    "booleen None": (
        {"regime_alsace_moselle": [True, None, False]},
        "« regime_alsace_moselle », index 1 : valeur manq",
    ),
    "booleen NaN": (
        {"regime_alsace_moselle": [1.0, 0.0, numpy.nan]},
        "« regime_alsace_moselle », index 2 : valeur man",
    ),
    "booleen reel": ({"regime_alsace_moselle": [1.0, 0.5, 0.0]}, "« regime_alsace_moselle », index 1 : valeur 0.5"),
    "enumeration index hors bornes": ({"categorie_salarie": [0, 5, 1]}, "« categorie_salarie », index 0 : un nombre"),
    "enumeration inconnue": ({"categorie_salarie": ["cadre", "ouvrier", "cadre"]}, "« categorie_salarie », index 1"),
    "valeur d'une autre enumeration": (
        {"categorie_salarie": ["cadre", "cadre", TypeRemuneration.horaire]},
        "« categorie_salarie », index 2 : valeur « TypeRemuneration.horaire » d'une autre énumération",
    ),
    "salaire en texte": (
        {"salaire_de_base": ["2500", "3000", "deux"]},
        "« salaire_de_base », index 2 : valeur « deux »",
    ),
    "salaire a virgule": (
        {"salaire_de_base": ["2500,5", "3000", "1"]},
        "« salaire_de_base », index 0 : valeur « 2500,5",
    ),
    "salaire booleen": ({"salaire_de_base": [True, False, True]}, "« salaire_de_base », index 0 : un booléen"),
    "salaire NaN": ({"salaire_de_base": [2500.0, numpy.nan, 1.0]}, "« salaire_de_base », index 1 : valeur manquante"),
    "salaire infini": ({"salaire_de_base": [numpy.inf, 1.0, 1.0]}, "« salaire_de_base », index 0 : valeur inf"),
    "salaire negatif": ({"salaire_de_base": [1.0, 1.0, -5.0]}, "« salaire_de_base », index 2 : valeur -5.0 impossible"),
    "liste melangee": ({"salaire_de_base": [2500, "x", 1.0]}, "« salaire_de_base », index 1 : valeur « x »"),
    "dictionnaire dans une cellule": ({"salaire_de_base": [1.0, {"a": 1}, 1.0]}, "« salaire_de_base », index 1"),
    "quotite nulle avec un salaire": (
        {"quotite_de_travail": [1.0, 0.0, 1.0]},
        "« quotite_de_travail », index 1 : quotité nulle",
    ),
    "quotite au-dela de 1": ({"quotite_de_travail": [1.0, 1.0, 2.0]}, "« quotite_de_travail », index 2 : valeur 2.0"),
    "effectif non entier": ({"effectif_entreprise": [30, 12.5, 1]}, "« effectif_entreprise », index 1 : valeur 12.5"),
    "taux AT/MP hors bornes": ({"taux_accident_travail": [0.01, 0.01, 1.2]}, "« taux_accident_travail », index 2"),
    "date illisible": (
        {"date_debut_contrat": ["2024-01-01", "01/05/2024", "2024-01-01"]},
        "« date_debut_contrat », index 1",
    ),
    "longueurs differentes": ({"quotite_de_travail": [1.0, 1.0]}, "« quotite_de_travail » : 2 valeurs, mais 3"),
    "tableau a deux dimensions": (
        {"quotite_de_travail": numpy.ones((3, 2))},
        "« quotite_de_travail » : attendu un tableau à une",
    ),
    "valeur seule": ({"quotite_de_travail": 1.0}, "« quotite_de_travail » : attendu un tableau"),
    "variable inconnue": (
        {"salaire_de_bsae": [1.0, 1.0, 1.0]},
        "colonne « salaire_de_bsae » : ce n'est pas une variable",
    ),
}


@pytest.mark.parametrize("cas", list(CAS_PYTHON))
def test_constructeur_python_fautif(systeme, cas):
    modification, fragment = CAS_PYTHON[cas]
    with pytest.raises(ErreurDePopulation) as erreur:
        simulation_de_population(systeme, "2024-05", BONNES_ENTREES | modification)
    assert fragment in str(erreur.value), str(erreur.value)
    assert isinstance(erreur.value, ValueError)  # et une erreur de situation (400) pour l'API


@pytest.mark.parametrize("entrees", [{}, [], {"salaire_de_base": []}])
def test_constructeur_python_sans_salarie(systeme, entrees):
    with pytest.raises(ErreurDePopulation, match="entrees : "):
        simulation_de_population(systeme, "2024-05", entrees)


def test_constructeur_python_chaque_salarie_dans_un_groupe_de_chaque(systeme):
    """Chaque salarié est dans exactement un établissement et une entreprise, les siens : ses entrées de groupe ne
    passent pas à un autre (effectif 30, 30 et 300 donnés par salarié)."""
    simulation = simulation_de_population(systeme, "2024-05", BONNES_ENTREES)
    for entite, nom in (("etablissement", "taux_accident_travail"), ("entreprise", "effectif_entreprise")):
        population = simulation.populations[entite]
        assert population.count == 3
        assert list(population.members_entity_id) == [0, 1, 2]
        assert list(simulation.calculate(nom, "2024-05")) == list(BONNES_ENTREES[nom])


def test_constructeur_python_lit_oui_non_comme_les_booleens(systeme):
    """Mêmes booléens en mots, en 0/1 ou en booléens numpy : mêmes cotisations (Alsace-Moselle : 1,3 % du brut)."""
    resultats = []
    for booleens in (
        ["non", "OUI", "Non"],
        [0, 1, 0],
        numpy.array([False, True, False]),
        pandas.Series(["faux", "vrai", "false"]),
    ):
        simulation = simulation_de_population(systeme, "2024-05", BONNES_ENTREES | {"regime_alsace_moselle": booleens})
        resultats.append(simulation.calculate("maladie_alsace_moselle_salarie", "2024-05"))
    for autre in resultats[1:]:
        numpy.testing.assert_array_equal(resultats[0], autre)
    assert resultats[0][0] == 0 and resultats[0][2] == 0
    # 3 000 × 1,30 % = 39 (CSS art. L242-13 ; taux du régime local depuis le 1er avril 2022)
    assert resultats[0][1] == pytest.approx(39)

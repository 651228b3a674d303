"""Propriété (hypothesis, bornée) : une population valide donne les mêmes résultats par toutes les portes, que ses
booléens soient des booléens JSON (situation de l'API Web), des `oui`/`non` dans un CSV Excel français (« ; » et
virgule décimale) ou des booléens Parquet."""

import numpy
import pandas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.microsimulation import simuler

PERIODE = "2024-05"
BOOLEENS = ("regime_alsace_moselle", "regularisation_progressive_plafond")
ECRITURES = {True: ("oui", "Oui", "OUI", "vrai", "true", "1"), False: ("non", "Non", "NON", "faux", "FALSE", "0")}

salarie = st.fixed_dictionaries(
    {
        "salaire_de_base": st.integers(0, 2_000_000).map(lambda centimes: centimes / 100),
        "quotite_de_travail": st.integers(1, 100).map(lambda centiemes: centiemes / 100),
        "categorie_salarie": st.sampled_from(["cadre", "non_cadre"]),
        "effectif_entreprise": st.integers(1, 5_000),
        "taux_accident_travail": st.integers(50, 1_000).map(lambda dix_millionemes: dix_millionemes / 10_000),
        "regime_alsace_moselle": st.booleans(),
        "regularisation_progressive_plafond": st.booleans(),
        "ecriture": st.integers(0, len(ECRITURES[True]) - 1),
    }
)


def _par_json(systeme, salaries):
    """Même construction que l'API Web : une situation JSON, chaque salarié dans son établissement et son entreprise."""
    individus, etablissements, entreprises = {}, {}, {}
    for rang, valeurs in enumerate(salaries):
        nom = f"s{rang}"
        individus[nom] = {
            cle: {PERIODE: valeurs[cle]} for cle in ("salaire_de_base", "quotite_de_travail", "categorie_salarie")
        }
        etablissements[f"e{rang}"] = {
            "salaries": [nom],
            "taux_accident_travail": {PERIODE: valeurs["taux_accident_travail"]},
            "regime_alsace_moselle": {PERIODE: valeurs["regime_alsace_moselle"]},
            "regularisation_progressive_plafond": {"ETERNITY": valeurs["regularisation_progressive_plafond"]},
        }
        entreprises[f"n{rang}"] = {"salaries": [nom], "effectif_entreprise": {PERIODE: valeurs["effectif_entreprise"]}}
    situation = {"individus": individus, "etablissements": etablissements, "entreprises": entreprises}
    simulation = SimulationBuilder().build_from_entities(systeme, situation)
    return {nom: simulation.calculate(nom, PERIODE) for nom in ("salaire_net", "cout_total_employeur")}


def _par_fichier(chemin, dossier):
    simuler(chemin, PERIODE, dossier, graphiques=False, progression=False)
    resultats = pandas.read_parquet(dossier / "resultats").sort_values("ligne")
    return {nom: resultats[nom].to_numpy() for nom in ("salaire_net", "cout_total_employeur")}


def _csv_excel_francais(salaries, chemin):
    colonnes = [cle for cle in salaries[0] if cle != "ecriture"]
    lignes = [";".join(["salarie_id", *colonnes])]
    for rang, valeurs in enumerate(salaries):
        cellules = [str(rang)]
        for cle in colonnes:
            valeur = valeurs[cle]
            if cle in BOOLEENS:
                cellules.append(ECRITURES[valeur][valeurs["ecriture"]])
            elif isinstance(valeur, float):
                cellules.append(repr(valeur).replace(".", ","))
            else:
                cellules.append(str(valeur))
        lignes.append(";".join(cellules))
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8-sig")  # Excel écrit un BOM


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(salarie, min_size=1, max_size=6))
def test_memes_resultats_par_json_csv_et_parquet(systeme, tmp_path_factory, salaries):
    dossier = tmp_path_factory.mktemp("portes")
    json_ = _par_json(systeme, salaries)

    _csv_excel_francais(salaries, dossier / "population.csv")
    csv_ = _par_fichier(dossier / "population.csv", dossier / "csv")

    table = pandas.DataFrame(salaries).drop(columns="ecriture")
    assert all(table[nom].dtype == bool for nom in BOOLEENS)
    table.to_parquet(dossier / "population.parquet", index=False)
    parquet = _par_fichier(dossier / "population.parquet", dossier / "parquet")

    for nom, attendu in json_.items():
        numpy.testing.assert_array_equal(csv_[nom], attendu)
        numpy.testing.assert_array_equal(parquet[nom], attendu)

"""Le contrat d'entrée de openfisca_secu.validation, fonction par fonction (porte Python et base des autres)."""

import numpy
import pytest

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.validation import EntreeInvalide, lire_booleens, lire_nombre, lire_valeur, valider_situation

SYSTEME = CountryTaxBenefitSystem()
V = SYSTEME.variables


@pytest.mark.parametrize(
    ("variable", "valeur", "fragment"),
    [
        ("renonciation_proratisation_plafond_temps_partiel", "false", 'reçu "false"'),
        ("renonciation_proratisation_plafond_temps_partiel", "non", 'reçu "non"'),
        ("renonciation_proratisation_plafond_temps_partiel", "0", 'reçu "0"'),
        ("renonciation_proratisation_plafond_temps_partiel", 0, "reçu 0"),
        ("categorie_salarie", 5, "de 0 à 1"),
        ("categorie_salarie", -1, "-1"),
        ("categorie_salarie", True, "true"),
        ("categorie_salarie", "astronaute", "astronaute"),
        ("salaire_de_base", [1, 2], "[1, 2]"),
        ("salaire_de_base", {"a": 1}, "une seule valeur"),
        ("salaire_de_base", "3000+5", "3000+5"),
        ("salaire_de_base", "3 000", "3 000"),
        ("salaire_de_base", "3000,5", "3000,5"),
        ("salaire_de_base", True, "true"),
        ("salaire_de_base", float("nan"), "impossible"),
        ("salaire_de_base", float("inf"), "impossible"),
        ("effectif_entreprise", 3.5, "entier"),
        ("date_debut_contrat", "hier", "date"),
    ],
)
def test_valeur_refusee_nomme_la_variable(variable, valeur, fragment):
    with pytest.raises(ValueError, match=variable) as erreur:
        lire_valeur(V[variable], valeur)
    assert fragment in str(erreur.value)


@pytest.mark.parametrize(
    ("variable", "valeur", "attendu"),
    [
        ("renonciation_proratisation_plafond_temps_partiel", True, True),
        ("renonciation_proratisation_plafond_temps_partiel", False, False),
        ("categorie_salarie", "cadre", 1),
        ("categorie_salarie", 1, 1),
        ("salaire_de_base", "3000.5", 3000.5),
        ("salaire_de_base", 3000, 3000.0),
        ("effectif_entreprise", 35, 35),
        ("effectif_entreprise", "35", 35),
    ],
)
def test_valeur_acceptee(variable, valeur, attendu):
    assert lire_valeur(V[variable], valeur) == attendu


def test_regle_des_chaines_numeriques():
    assert lire_nombre(" -12.5 ") == -12.5
    assert lire_nombre("1e3") == 1000
    for texte in ("", "12,5", "1 000", "2*3", "nan", "inf", "0x10"):
        assert lire_nombre(texte) is None, texte


def test_booleens_de_fichier():
    lus = lire_booleens(["oui", "NON", " Vrai ", "faux", "TRUE", "false", "1", "0", 1, 0, True], "alsace_moselle")
    assert lus.tolist() == [True, False, True, False, True, False, True, False, True, False, True]
    assert lire_booleens(numpy.array([True, False]), "x").tolist() == [True, False]
    with pytest.raises(EntreeInvalide, match=r"colonne « alsace_moselle », ligne 4 : \"peut-être\""):
        lire_booleens(["oui", "non", "peut-être"], "alsace_moselle")
    with pytest.raises(EntreeInvalide, match="ligne 11"):
        lire_booleens(["oui", ""], "alsace_moselle", premiere_ligne=10)


def _situation():
    return {
        "individus": {"alice": {"salaire_de_base": {"2024-05": 3000}}, "bob": {}},
        "etablissements": {"siege": {"salaries": ["alice", "bob"]}},
        "entreprises": {"acme": {"salaries": ["alice"]}, "beta": {"salaries": ["bob"]}},
    }


def test_situation_valide():
    valider_situation(_situation(), SYSTEME)
    valider_situation({"individus": {"alice": {}, "bob": {}}}, SYSTEME)  # aucun groupe : chacun seul dans le sien


@pytest.mark.parametrize(
    ("modifier", "fragment"),
    [
        (
            lambda s: s["entreprises"].pop("beta"),
            "individus.bob : l'individu n'est salarié d'aucun groupe de « entreprises »",
        ),
        (lambda s: s["entreprises"]["acme"]["salaries"].append("bob"), "entreprises.beta.salaries.0 : l'individu bob"),
        (lambda s: s["etablissements"]["siege"]["salaries"].append("carole"), "etablissements.siege.salaries.2"),
        (lambda s: s["entreprises"]["acme"].update(salarie=["alice"]), "entreprises.acme.salarie : rôle inconnu"),
        (lambda s: s["entreprises"]["acme"].update(salaries=5), "entreprises.acme.salaries : attendu une liste"),
        (lambda s: s.update(individus={}), "individus : attendu"),
        (
            lambda s: s["individus"]["alice"].update(quotite_de_travail={"2024-05": 0}),
            "individus.alice.quotite_de_travail.2024-05 : quotité de travail nulle",
        ),
    ],
)
def test_situation_refusee_nomme_le_chemin(modifier, fragment):
    situation = _situation()
    modifier(situation)
    with pytest.raises(EntreeInvalide) as erreur:
        valider_situation(situation, SYSTEME)
    assert fragment in str(erreur.value)


def test_profondeur_json_ignore_les_crochets_des_chaines():
    from openfisca_secu.api import PROFONDEUR_MAXIMALE_JSON, profondeur_json

    assert profondeur_json(b'{"a": "' + b"[" * 50 + b'"}') == 1
    assert profondeur_json(b'{"a\\"' + b"{" * 50 + b'": [1]}') == 2
    assert profondeur_json(b"[" * 30 + b"]" * 30) == 30
    assert (
        profondeur_json(b"[" * PROFONDEUR_MAXIMALE_JSON + b"]" * PROFONDEUR_MAXIMALE_JSON) == PROFONDEUR_MAXIMALE_JSON
    )

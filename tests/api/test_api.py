"""L'API Web servie pour de vrai (HTTP sur 127.0.0.1) : routes standard, inversion, réformes."""

import numpy
import pytest
import requests
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.variables.cotisations.totaux import (
    CONTRIBUTIONS_SALARIALES,
    COTISATIONS_EMPLOYEUR,
    COTISATIONS_SALARIALES,
    REDUCTIONS_EMPLOYEUR,
    REDUCTIONS_SALARIALES,
)
from tests.api.conftest import PERIODE, situation
from tests.api.reforme_essai import TAUX_CSG_DEDUCTIBLE

LIGNES = (
    *COTISATIONS_SALARIALES,
    *CONTRIBUTIONS_SALARIALES,
    *REDUCTIONS_SALARIALES,
    *COTISATIONS_EMPLOYEUR,
    *REDUCTIONS_EMPLOYEUR,
)
TOTAUX = (
    "remuneration_brute",
    "cotisations_salariales",
    "csg_crds_salarie",
    "reductions_salariales",
    "salaire_net",
    "cotisations_employeur",
    "reductions_employeur",
    "cout_total_employeur",
)


def calcul_direct(systeme, corps):
    """Les mêmes variables calculées en Python, sans l'API."""
    simulation = SimulationBuilder().build_from_entities(systeme, corps)
    alice = corps["individus"]["alice"]
    return {
        nom: float(simulation.calculate(nom, PERIODE)[0]) for nom, valeurs in alice.items() if None in valeurs.values()
    }


def test_calculate_fiche_de_paie_complete(serveur, systeme):
    corps = situation(3000.0, demandes=(*LIGNES, *TOTAUX), categorie_salarie={PERIODE: "cadre"})
    reponse = requests.post(f"{serveur}/calculate", json=corps, timeout=30)
    assert reponse.status_code == 200, reponse.text
    assert reponse.headers["Country-Package"] == "openfisca-secu"
    alice = reponse.json()["individus"]["alice"]
    attendu = calcul_direct(
        systeme, situation(3000.0, demandes=(*LIGNES, *TOTAUX), categorie_salarie={PERIODE: "cadre"})
    )
    for nom, valeur in attendu.items():
        assert alice[nom][PERIODE] == pytest.approx(valeur, abs=1e-9), nom
    ligne = {nom: alice[nom][PERIODE] for nom in (*LIGNES, *TOTAUX)}
    salarie = sum(ligne[n] for n in (*COTISATIONS_SALARIALES, *CONTRIBUTIONS_SALARIALES))
    assert ligne["salaire_net"] == pytest.approx(3000 - salarie + ligne["reductions_salariales"], abs=1e-6)
    employeur = sum(ligne[n] for n in COTISATIONS_EMPLOYEUR) - sum(ligne[n] for n in REDUCTIONS_EMPLOYEUR)
    assert ligne["cout_total_employeur"] == pytest.approx(3000 + employeur, abs=1e-6)
    assert ligne["apec_salarie"] > 0  # cadre


def test_calculate_pour_une_annee_par_mois(serveur):
    """Un salaire donné pour l'année est réparti sur les mois ; la paie se calcule mois par mois."""
    corps = situation(36000.0, periode="2024", demandes=())
    corps["individus"]["alice"]["salaire_net"] = {"2024-05": None}
    corps["etablissements"]["siege"]["taux_accident_travail"] = {"2024": 0.0112}
    corps["entreprises"]["acme"]["effectif_entreprise"] = {"2024": 35}
    reponse = requests.post(f"{serveur}/calculate", json=corps, timeout=30)
    assert reponse.status_code == 200, reponse.text
    assert reponse.json()["individus"]["alice"]["salaire_net"]["2024-05"] == pytest.approx(2374.79, abs=0.01)


# Tarification AT/MP d'un établissement seul (aucun salarié), d'après le premier cas de tests/atmp/taux_individuel.yaml
# (CTN A, tarif 2024, sinistres et salaires de 2020 à 2022) : les variables à null sont calculées.
DEMANDES_ATMP = {
    "mode_tarification_atmp": "2024",
    "taux_net_individuel_atmp": "2024",
    "taux_net_atmp_notifie": "2024",
    "taux_accident_travail": "2024-05",
}


def situation_atmp(demandes=True):
    usine = {
        "salaries": ["personne"],  # chaque individu dans exactement un établissement (contrat d'entrée)
        "comite_technique_national_atmp": {"2024": "a"},
        "effectif_entreprise_atmp": {"2024": 200},
        "masse_salariale_atmp": {"2020": 4_000_000, "2021": 4_200_000, "2022": 4_300_000},
        "sinistres_incapacite_temporaire_1": {"2021": 4},
        "sinistres_incapacite_temporaire_2": {"2020": 2},
        "sinistres_incapacite_temporaire_3": {"2020": 1},
        "sinistres_incapacite_temporaire_6": {"2021": 1},
        "sinistres_incapacite_permanente_2": {"2022": 1},
        "taux_notifie_atmp_annee_precedente": {"2024": 0.017},
    }
    if demandes:
        usine.update({nom: {periode: None} for nom, periode in DEMANDES_ATMP.items()})
    return {
        "individus": {"personne": {}},
        "etablissements": {"usine": usine},
        "entreprises": {"groupe": {"salaries": ["personne"]}},
    }


def test_calculate_tarification_atmp(serveur, systeme):
    """Une tarification AT/MP sur les seules données d'un établissement (issue 4, construite en parallèle)."""
    if "taux_net_individuel_atmp" not in systeme.variables:
        pytest.skip("taux_net_individuel_atmp n'est pas encore dans le système (tarification AT/MP, issue 4)")
    reponse = requests.post(f"{serveur}/calculate", json=situation_atmp(), timeout=30)
    assert reponse.status_code == 200, reponse.text
    usine = reponse.json()["etablissements"]["usine"]
    simulation = SimulationBuilder().build_from_entities(systeme, situation_atmp(demandes=False))
    for nom, periode in DEMANDES_ATMP.items():
        attendu = simulation.calculate(nom, periode)
        if systeme.variables[nom].value_type.__name__ == "Enum":
            assert usine[nom][periode] == attendu.decode()[0].name, nom
        else:
            assert usine[nom][periode] == pytest.approx(float(attendu[0]), rel=1e-12), nom
    assert usine["mode_tarification_atmp"]["2024"] == "individuelle"  # effectif de 200
    assert 0 < usine["taux_net_individuel_atmp"]["2024"] < 1
    # le taux notifié est celui de la cotisation des salariés de l'établissement en mai 2024
    assert usine["taux_accident_travail"]["2024-05"] == pytest.approx(usine["taux_net_atmp_notifie"]["2024"])


def test_trace_donne_les_parametres_de_chaque_ligne(serveur):
    corps = situation(3000.0, demandes=("maladie_employeur", "salaire_net"))
    reponse = requests.post(f"{serveur}/trace", json=corps, timeout=30)
    assert reponse.status_code == 200, reponse.text
    donnees = reponse.json()
    assert donnees["requestedCalculations"] == [f"maladie_employeur<{PERIODE}>", f"salaire_net<{PERIODE}>"]
    noeud = donnees["trace"][f"maladie_employeur<{PERIODE}>"]
    assert noeud["value"] == [pytest.approx(3000 * 0.07)]  # taux réduit : 3 000 € < 2,5 SMIC
    assert noeud["parameters"]["cotisations.maladie.employeur.taux_reduit<2024-05-01>"] == 0.07
    assert f"seuil_taux_reduit_maladie<{PERIODE}>" in noeud["dependencies"]


def test_variables_et_variable(serveur):
    variables = requests.get(f"{serveur}/variables", timeout=30).json()
    assert {"salaire_net", "cout_total_employeur", "reduction_generale"} <= set(variables)
    salaire_net = requests.get(f"{serveur}/variable/salaire_net", timeout=30).json()
    assert salaire_net["definitionPeriod"] == "MONTH"
    assert salaire_net["entity"] == "individu"
    assert salaire_net["references"]  # la référence légale de la variable
    assert salaire_net["description"]
    assert requests.get(f"{serveur}/variable/pas_une_variable", timeout=30).status_code == 404


def test_parameters_et_parameter(serveur):
    parametres = requests.get(f"{serveur}/parameters", timeout=30).json()
    assert "plafond_securite_sociale.mensuel" in parametres
    pss = requests.get(f"{serveur}/parameter/plafond_securite_sociale.mensuel", timeout=30).json()
    assert pss["values"]["2024-01-01"] == 3864
    assert pss["metadata"]["reference"]
    assert requests.get(f"{serveur}/parameter/pas.un.parametre", timeout=30).status_code == 404


def test_spec(serveur):
    spec = requests.get(f"{serveur}/spec", timeout=30).json()
    assert spec["openapi"].startswith("3.")
    assert {"/calculate", "/trace", "/variables", "/parameters", "/spec", "/inversion"} <= set(spec["paths"])
    exemple = spec["components"]["schemas"]["SituationOutput"]["example"]
    assert exemple["individus"]["alice"]["salaire_net"]["2024-05"] > 0


def test_inversion(serveur, systeme):
    corps = {
        "cible": "salaire_net",
        "periode": PERIODE,
        "montants": [2000, 3500.55],
        "entrees": {
            "effectif_entreprise": [10, 300],
            "taux_accident_travail": 0.0112,
            "categorie_salarie": ["non_cadre", "cadre"],
            "regime_alsace_moselle": [False, True],
            "quotite_de_travail": [1, 0.8],
        },
    }
    reponse = requests.post(f"{serveur}/inversion", json=corps, timeout=30)
    assert reponse.status_code == 200, reponse.text
    resultat = reponse.json()
    assert resultat["exact"] == [True, True]
    # le brut trouvé redonne le net, par /calculate
    for rang, montant in enumerate(corps["montants"]):
        verification = situation(resultat["salaire_de_base"][rang], demandes=("salaire_net",))
        alice = verification["individus"]["alice"]
        alice["categorie_salarie"] = {PERIODE: corps["entrees"]["categorie_salarie"][rang]}
        alice["quotite_de_travail"] = {PERIODE: corps["entrees"]["quotite_de_travail"][rang]}
        verification["etablissements"]["siege"]["regime_alsace_moselle"] = {
            PERIODE: corps["entrees"]["regime_alsace_moselle"][rang]
        }
        verification["entreprises"]["acme"]["effectif_entreprise"] = {
            PERIODE: corps["entrees"]["effectif_entreprise"][rang]
        }
        net = requests.post(f"{serveur}/calculate", json=verification, timeout=30).json()
        assert round(net["individus"]["alice"]["salaire_net"][PERIODE], 2) == montant


def test_inversion_cout_total(serveur):
    corps = {
        "cible": "cout_total_employeur",
        "periode": "2016-03",
        "montants": 4000,
        "entrees": {"effectif_entreprise": 5, "taux_accident_travail": 0.02},
    }
    reponse = requests.post(f"{serveur}/inversion", json=corps, timeout=30)
    assert reponse.status_code == 200, reponse.text
    resultat = reponse.json()
    assert resultat["atteint"][0] >= 4000
    assert resultat["ecart"][0] < 0.02 or not resultat["exact"][0]


@pytest.mark.parametrize(
    ("corps", "champ"),
    [
        ({"cible": "salaire_brut", "periode": PERIODE, "montants": 1}, "cible"),
        ({"cible": "salaire_net", "periode": "2024", "montants": 1}, "periode"),
        ({"cible": "salaire_net", "periode": "2024-13", "montants": 1}, "periode"),
        ({"cible": "salaire_net", "periode": PERIODE, "montants": -5}, "montants"),
        ({"cible": "salaire_net", "periode": PERIODE, "montants": "mille"}, "montants"),
        (
            {"cible": "salaire_net", "periode": PERIODE, "montants": [1, 2], "entrees": {"quotite_de_travail": [1]}},
            "quotite_de_travail",
        ),
        (
            {"cible": "salaire_net", "periode": PERIODE, "montants": 1, "entrees": {"categorie_salarie": "pilote"}},
            "categorie_salarie",
        ),
        (
            {"cible": "salaire_net", "periode": PERIODE, "montants": 1, "entrees": {"quotite_de_travail": 2}},
            "quotite_de_travail",
        ),
        (
            {"cible": "salaire_net", "periode": PERIODE, "montants": 1, "entrees": {"salaire_de_base": 5}},
            "salaire_de_base",
        ),
        (
            {"cible": "salaire_net", "periode": PERIODE, "montants": 1, "entrees": {"pas_une_variable": 5}},
            "pas_une_variable",
        ),
        ({"cible": "salaire_net", "periode": "2005-05", "montants": 1000}, "2005"),
        ({"periode": PERIODE, "montants": 1}, "cible"),
    ],
)
def test_inversion_refuse_une_entree_impossible(serveur, corps, champ):
    reponse = requests.post(f"{serveur}/inversion", json=corps, timeout=30)
    assert 400 <= reponse.status_code < 500, reponse.text
    assert champ in reponse.json()["error"]


def test_reforme_par_openfisca_serve(serveur_reforme, serveur_openfisca):
    """`openfisca serve --reforms` : la réforme d'essai relève la CSG déductible ; le net baisse d'autant."""
    corps = situation(3000.0, demandes=("salaire_net", "csg_deductible_salarie", "assiette_csg_crds"))
    reforme = requests.post(f"{serveur_reforme}/calculate", json=corps, timeout=30).json()["individus"]["alice"]
    reference = requests.post(f"{serveur_openfisca}/calculate", json=corps, timeout=30).json()["individus"]["alice"]
    assiette = reference["assiette_csg_crds"][PERIODE]
    assert reforme["csg_deductible_salarie"][PERIODE] == pytest.approx(TAUX_CSG_DEDUCTIBLE * assiette)
    ecart = reforme["csg_deductible_salarie"][PERIODE] - reference["csg_deductible_salarie"][PERIODE]
    assert ecart > 0
    assert reference["salaire_net"][PERIODE] - reforme["salaire_net"][PERIODE] == pytest.approx(ecart)
    parametre = requests.get(f"{serveur_reforme}/parameter/cotisations.csg.taux_deductible", timeout=30).json()
    assert parametre["values"]["2024-01-01"] == TAUX_CSG_DEDUCTIBLE


def test_reformes_du_depot_servies(systeme):
    """Chaque réforme de reforms/ se charge dans l'application (comme `make serve REFORMES=...`) et calcule."""
    import importlib
    import pkgutil

    from openfisca_core.reforms import Reform

    from openfisca_secu import reforms
    from openfisca_secu.api import creer_application

    chemins = []
    for module in pkgutil.iter_modules(reforms.__path__):
        contenu = importlib.import_module(f"openfisca_secu.reforms.{module.name}")
        for nom, objet in vars(contenu).items():
            if isinstance(objet, type) and issubclass(objet, Reform) and objet.__module__ == contenu.__name__:
                chemins.append(f"openfisca_secu.reforms.{module.name}.{nom}")
    if not chemins:
        pytest.skip("aucune réforme dans reforms/ pour l'instant (issue 6)")
    for chemin in chemins:
        client = creer_application(reformes=[chemin]).test_client()
        reponse = client.post("/calculate", json=situation(2500.0))
        assert reponse.status_code == 200, (chemin, reponse.get_data(as_text=True))
        assert reponse.get_json()["individus"]["alice"]["cout_total_employeur"][PERIODE] > 2500


def test_population_de_10_000_personnes(serveur):
    """Une requête de 10 000 salariés, chacun dans son établissement et son entreprise."""
    taille = 10_000
    salaires = numpy.round(numpy.linspace(1800, 9000, taille), 2)
    corps = {
        "individus": {
            f"s{i}": {"salaire_de_base": {PERIODE: float(s)}, "salaire_net": {PERIODE: None}}
            for i, s in enumerate(salaires)
        },
        "etablissements": {
            f"e{i}": {"salaries": [f"s{i}"], "taux_accident_travail": {PERIODE: 0.0112}} for i in range(taille)
        },
        "entreprises": {f"a{i}": {"salaries": [f"s{i}"], "effectif_entreprise": {PERIODE: 20}} for i in range(taille)},
    }
    reponse = requests.post(f"{serveur}/calculate", json=corps, timeout=120)
    assert reponse.status_code == 200, reponse.text[:500]
    individus = reponse.json()["individus"]
    nets = [individus[f"s{i}"]["salaire_net"][PERIODE] for i in range(taille)]
    assert all(0 < n < s for n, s in zip(nets, salaires, strict=True))

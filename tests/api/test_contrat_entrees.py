"""Contrat d'entrée de l'API Web (et de la page, qui passe par elle) : chaque entrée fautive reçoit une réponse 4xx
dont le message nomme le champ tel que l'utilisateur l'a écrit, jamais une 5xx ni une valeur fausse en silence.

Les cas de /calculate tournent contre les deux serveurs : l'application du paquet (`make serve`) et la commande
standard `openfisca serve --country-package openfisca_secu` (le paquet y installe le même contrat). Les cas de la page
reproduisent les requêtes que construit openfisca_secu/page/simulateur.js (POST /trace et POST /inversion).
"""

import json

import pytest
import requests

from openfisca_secu.validation import INDIVIDUS_MAXIMAUX_AXES
from tests.api.conftest import PERIODE, situation

BOOLEEN_INDIVIDU = "renonciation_proratisation_plafond_temps_partiel"
BOOLEEN_ETABLISSEMENT = "regime_alsace_moselle"


def _alice(**valeurs):
    corps = situation(3000.0)
    corps["individus"]["alice"].update(valeurs)
    return corps


def _siege(**valeurs):
    corps = situation(3000.0)
    corps["etablissements"]["siege"].update(valeurs)
    return corps


def _acme(**valeurs):
    corps = situation(3000.0)
    corps["entreprises"]["acme"].update(valeurs)
    return corps


def _modifie(modification):
    corps = situation(3000.0)
    modification(corps)
    return corps


def _axes(*paralleles, individus=None):
    corps = situation(3000.0, demandes=("salaire_net",))
    if individus:
        corps["individus"].update(individus)
        for pluriel in ("etablissements", "entreprises"):
            groupe = next(iter(corps[pluriel].values()))
            groupe["salaries"] += list(individus)
    corps["axes"] = [list(axes) for axes in paralleles]
    return corps


def _axe(**champs):
    return {"name": "salaire_de_base", "count": 3, "min": 1000, "max": 5000, "period": PERIODE, **champs}


# (nom, corps, code attendu, fragments que le message doit contenir)
CAS = []


def cas(nom, corps, code, *fragments):
    CAS.append((nom, corps, code, list(fragments)))


# --- booléens : JSON true/false seulement -----------------------------------------------------------------------
for valeur in ("false", "non", "0", "true", "oui", "vrai", "", 0, 1, [True], {"a": True}):
    cas(f"booléen individu {valeur!r}", _alice(**{BOOLEEN_INDIVIDU: {PERIODE: valeur}}), 400, BOOLEEN_INDIVIDU)
for valeur in ("false", "non", "0", 0, 1.0, [False]):
    cas(
        f"booléen établissement {valeur!r}",
        _siege(**{BOOLEEN_ETABLISSEMENT: {PERIODE: valeur}}),
        400,
        f"etablissements.siege.{BOOLEEN_ETABLISSEMENT}.{PERIODE}",
    )

# --- énumérations : nom, ou index dans l'intervalle -------------------------------------------------------------
for valeur in (5, 2, -1, 1.5, True, "CADRE", "astronaute", ["cadre"], "1"):
    cas(
        f"énumération {valeur!r}",
        _alice(categorie_salarie={PERIODE: valeur}),
        400,
        f"individus.alice.categorie_salarie.{PERIODE}",
        "non_cadre",
    )

# --- nombres : nombre JSON ou chaîne décimale à point -----------------------------------------------------------
for valeur in ("trois mille", "3000,5", "3 000", "3000+5", "2*1500", "0x10", "", True, False, [1, 2], {"x": 1}):
    cas(
        f"salaire {valeur!r}",
        _alice(salaire_de_base={PERIODE: valeur}),
        400,
        f"individus.alice.salaire_de_base.{PERIODE}",
    )
for valeur in (-5, -0.01):
    cas(f"salaire négatif {valeur}", _alice(salaire_de_base={PERIODE: valeur}), 400, "salaire_de_base", str(valeur))
for valeur in (3.5, "35.5", -3, "beaucoup", [35], True):
    cas(
        f"effectif {valeur!r}",
        _acme(effectif_entreprise={PERIODE: valeur}),
        400,
        f"entreprises.acme.effectif_entreprise.{PERIODE}",
    )
for valeur in (2.08, -0.1, "2,08 %", [0.01, 0.02]):
    cas(
        f"taux AT/MP {valeur!r}",
        _siege(taux_accident_travail={PERIODE: valeur}),
        400,
        f"etablissements.siege.taux_accident_travail.{PERIODE}",
    )
for valeur in (1.5, -0.5, "plein"):
    cas(f"quotité {valeur!r}", _alice(quotite_de_travail={PERIODE: valeur}), 400, "quotite_de_travail")
cas(
    "quotité nulle avec un salaire",
    _alice(quotite_de_travail={PERIODE: 0}),
    400,
    f"individus.alice.quotite_de_travail.{PERIODE}",
    "quotité de travail nulle",
)
for valeur in ("hier", "2024-02-30", 20240510, ["2024-05-10"]):
    cas(f"date {valeur!r}", _alice(date_debut_contrat={"ETERNITY": valeur}), 400, "individus.alice.date_debut_contrat")

# --- forme de la situation ---------------------------------------------------------------------------------------
cas(
    "individu dans aucun établissement",
    _modifie(lambda c: (c["individus"].update(bob={}), c["entreprises"]["acme"]["salaries"].append("bob"))),
    400,
    "individus.bob",
    "etablissements",
)
cas(
    "individu dans aucune entreprise",
    _modifie(lambda c: (c["individus"].update(bob={}), c["etablissements"]["siege"]["salaries"].append("bob"))),
    400,
    "individus.bob",
    "entreprises",
)
cas(
    "individu dans deux entreprises",
    _modifie(lambda c: c["entreprises"].update(beta={"salaries": ["alice"]})),
    400,
    "entreprises.beta.salaries.0",
    "alice",
)
cas(
    "individu deux fois dans le même établissement",
    _modifie(lambda c: c["etablissements"]["siege"]["salaries"].append("alice")),
    400,
    "etablissements.siege.salaries.1",
    "alice",
)
cas(
    "salarié non déclaré",
    _modifie(lambda c: c["etablissements"]["siege"]["salaries"].append("carole")),
    400,
    "etablissements.siege.salaries.1",
    "carole",
)
cas("rôle inconnu", _acme(salarie=["alice"]), 400, "entreprises.acme.salarie", "rôle inconnu")
cas("rôle inconnu (employes)", _siege(employes=["alice"]), 400, "etablissements.siege.employes", "rôle inconnu")
cas("salaries qui n'est pas une liste", _acme(salaries={"alice": True}), 400, "entreprises.acme.salaries")
cas("individus vide", _modifie(lambda c: c.update(individus={})), 400, "individus")
cas("individus qui n'est pas un objet", _modifie(lambda c: c.update(individus=["alice"])), 400, "individus")
cas(
    "groupe qui n'est pas un objet",
    _modifie(lambda c: c["entreprises"].update(acme=["alice"])),
    400,
    "entreprises.acme",
)
cas("entité inconnue", _modifie(lambda c: c.update(menages={})), 400, "menages", "entité menages inconnue")
cas(
    "variable d'une autre entité",
    _alice(effectif_entreprise={PERIODE: 35}),
    400,
    "individus.alice.effectif_entreprise",
    "variable des entreprises",
)
cas("valeur sans période", _alice(salaire_de_base=3000), 400, "individus.alice.salaire_de_base", "attendu un objet")
cas("période mal formée", _alice(salaire_de_base={"2024-13": 3000}), 400, "salaire_de_base", "« 2024-13 » mal formée")
cas("variable inconnue", _alice(salaire_mystere={PERIODE: 1}), 404, "individus.alice.salaire_mystere", "inconnue")
cas(
    "valeur pour ETERNITY d'une variable mensuelle",
    _alice(salaire_de_base={"ETERNITY": 3000}),
    400,
    "individus.alice.salaire_de_base.ETERNITY",
    "le mois",
)
cas("liste comme valeur demandée", _alice(salaire_net={PERIODE: [None]}), 400, "salaire_net")

# --- plage de la loi ---------------------------------------------------------------------------------------------
for periode in ("2011-12", "2005-05", "2027-01", "2030-06"):
    cas(
        f"calcul en {periode}",
        situation(3000.0, periode=periode),
        400,
        f"individus.alice.salaire_net.{periode}",
        "2012-01 à 2026-12",
    )
cas(
    "calcul pour l'année 2027",
    situation(3000.0, demandes=(), salaire_net={"2027": None}),
    400,
    "individus.alice.salaire_net.2027",
    "droit_constant",
)

# --- axes : plafond de taille, forme -----------------------------------------------------------------------------
cas("axes trop grands", _axes([_axe(count=10_000_000)]), 413, "axes", str(INDIVIDUS_MAXIMAUX_AXES))
cas(
    "axes perpendiculaires trop grands",
    _axes([_axe(count=1000)], [_axe(name="primes_salaire", count=1000)]),
    413,
    "axes",
)
cas("axes × individus trop grands", _axes([_axe(count=60_000)], individus={"bob": {}}), 413, "120000")
cas("axe count nul", _axes([_axe(count=0)]), 400, "axes.0.0.count")
cas("axe count texte", _axes([_axe(count="3")]), 400, "axes.0.0.count")
cas("axe count booléen", _axes([_axe(count=True)]), 400, "axes.0.0.count")
cas("axe sans min", _axes([{k: v for k, v in _axe().items() if k != "min"}]), 400, "axes.0.0.min")
cas("axe max texte", _axes([_axe(max="5000")]), 400, "axes.0.0.max")
cas("axe variable inconnue", _axes([_axe(name="salaire_mystere")]), 400, "axes.0.0.name", "salaire_mystere")
cas("axe variable booléenne", _axes([_axe(name=BOOLEEN_INDIVIDU)]), 400, "axes.0.0.name", BOOLEEN_INDIVIDU)
cas("axe champ inconnu", _axes([_axe(pas=10)]), 400, "axes.0.0.pas")
cas("axe index négatif", _axes([_axe(index=-1)]), 400, "axes.0.0.index")
cas("axes pas une liste", _modifie(lambda c: c.update(axes={"count": 3})), 400, "axes")
cas("axes vide", _modifie(lambda c: c.update(axes=[[]])), 400, "axes.0")

# --- refus des formules : l'erreur du paquet, avec les identifiants ----------------------------------------------
cas(
    "effectif manquant",
    _modifie(lambda c: c["entreprises"]["acme"].pop("effectif_entreprise")),
    400,
    f"entreprises.acme.effectif_entreprise.{PERIODE}",
    "« alice »",
)
cas(
    "taux AT/MP manquant",
    _modifie(lambda c: c["etablissements"]["siege"].pop("taux_accident_travail")),
    400,
    f"etablissements.siege.taux_accident_travail.{PERIODE}",
)
cas(
    "L131-9 avant 2018-03",
    situation(3000.0, periode="2017-05", demandes=("maladie_salarie",), relevant_l131_9={"2017-05": True}),
    400,
    "individus.alice.relevant_l131_9.2017-05",
    "« alice »",
)
cas(
    "taux net collectif AT/MP indéterminé",
    _siege(taux_net_collectif_atmp={"2024": None}),
    400,
    "etablissements.siege.taux_net_collectif_atmp.2024",
)
cas(
    "tarification AT/MP sans effectif",
    _siege(taux_net_atmp_notifie={"2024": None}, tarification_atmp_renseignee={"2024": True}),
    400,
    "etablissements.siege",
    "effectif_entreprise_atmp",
    "« siege »",
)
cas(
    "contrat qui finit avant de commencer",
    _alice(date_debut_contrat={"ETERNITY": "2024-05-10"}, date_fin_contrat={"ETERNITY": "2024-05-01"}),
    400,
    "date_fin_contrat",
)
cas(
    "période d'une année pour une variable mensuelle",
    situation(3000.0, demandes=(), salaire_net={"2024": None}),
    400,
    "individus.alice.salaire_net.2024",
    "par période d'un mois",
)

# --- NaN et infini en entrée -------------------------------------------------------------------------------------
TEXTES = [
    ("salaire NaN", json.dumps(situation(float("nan"))), 400, ["salaire_de_base"]),
    ("salaire Infinity", json.dumps(situation(float("inf"))), 400, ["salaire_de_base"]),
    ("salaire -Infinity", json.dumps(situation(float("-inf"))), 400, ["salaire_de_base"]),
    ("JSON imbriqué 1 000 niveaux (listes)", "[" * 1000 + "]" * 1000, 400, ["imbriqué"]),
    ("JSON imbriqué 1 000 niveaux (objets)", '{"a":' * 1000 + "1" + "}" * 1000, 400, ["imbriqué"]),
    (
        "JSON imbriqué dans une valeur",
        json.dumps(situation(3000.0)).replace('"2024-05": 3000.0', '"2024-05": ' + "[" * 999 + "]" * 999),
        400,
        ["imbriqué"],
    ),
    ("JSON invalide", '{"individus": ', 400, ["JSON"]),
    ("corps nul", "null", 400, ["JSON"]),
]


def _poster(url, texte, route="/calculate", parametres=None):
    return requests.post(
        f"{url}{route}",
        data=texte.encode(),
        params=parametres,
        headers={"Content-Type": "application/json"},
        timeout=60,
    )


def _verifier(reponse, nom, code, fragments):
    assert reponse.status_code == code, f"{nom} : {reponse.status_code} {reponse.text[:400]}"
    texte = json.dumps(reponse.json(), ensure_ascii=False)  # toujours du JSON, jamais NaN
    for fragment in fragments:
        assert fragment in texte, f"{nom} : {fragment!r} absent de {texte[:400]}"


TOUS = [(nom, json.dumps(corps), code, fragments) for nom, corps, code, fragments in CAS] + TEXTES
IDS = [cas[0] for cas in TOUS]


@pytest.mark.parametrize(("nom", "texte", "code", "fragments"), TOUS, ids=IDS)
def test_application_du_paquet(serveur, nom, texte, code, fragments):
    _verifier(_poster(serveur, texte), nom, code, fragments)


@pytest.mark.parametrize(("nom", "texte", "code", "fragments"), TOUS, ids=IDS)
def test_openfisca_serve(serveur_openfisca, nom, texte, code, fragments):
    _verifier(_poster(serveur_openfisca, texte), nom, code, fragments)


@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_trace_meme_contrat(serveur, route):
    for nom, corps, code, fragments in CAS[:5]:
        _verifier(_poster(serveur, json.dumps(corps), route), nom, code, fragments)


# --- droit constant ----------------------------------------------------------------------------------------------
def test_droit_constant_explicite(serveur):
    corps = situation(3000.0, periode="2030-06", demandes=("salaire_net",))
    reponse = _poster(serveur, json.dumps(corps), parametres={"droit_constant": "true"})
    assert reponse.status_code == 200, reponse.text
    decembre = _poster(serveur, json.dumps(situation(3000.0, periode="2026-12", demandes=("salaire_net",))))
    assert (
        reponse.json()["individus"]["alice"]["salaire_net"]["2030-06"]
        == decembre.json()["individus"]["alice"]["salaire_net"]["2026-12"]
    )
    for valeur in ("oui", "1", "True"):
        refus = _poster(serveur, json.dumps(corps), parametres={"droit_constant": valeur})
        _verifier(refus, f"droit_constant={valeur}", 400, ["droit_constant"])
    # avant 2012, le droit constant ne change rien
    _verifier(
        _poster(serveur, json.dumps(situation(3000.0, periode="2011-05")), parametres={"droit_constant": "true"}),
        "2011 en droit constant",
        400,
        ["2012-01 à 2026-12"],
    )


def test_spec_documente_le_contrat(serveur):
    spec = requests.get(f"{serveur}/spec", timeout=30).json()
    parametres = {p["name"]: p for p in spec["paths"]["/calculate"]["post"].get("parameters", [])}
    assert "droit_constant" in parametres
    assert "2026-12" in parametres["droit_constant"]["description"]
    assert str(INDIVIDUS_MAXIMAUX_AXES) in spec["paths"]["/calculate"]["post"]["description"]


# --- pas de sentinelle dans les réponses -------------------------------------------------------------------------
def test_pas_de_sentinelle(serveur):
    corps = situation(3000.0, demandes=())
    corps["entreprises"]["acme"]["effectif_entreprise"] = {PERIODE: None}
    corps["individus"]["alice"].update(date_fin_contrat={"ETERNITY": None}, date_debut_contrat={"ETERNITY": None})
    reponse = _poster(serveur, json.dumps(corps))
    assert reponse.status_code == 200, reponse.text
    assert reponse.json()["entreprises"]["acme"]["effectif_entreprise"][PERIODE] is None  # pas -1
    alice = reponse.json()["individus"]["alice"]
    assert alice["date_fin_contrat"]["ETERNITY"] is None  # pas « Tue, 31 Dec 2999 »
    assert alice["date_debut_contrat"]["ETERNITY"] is None  # pas 1900-01-01


# --- axes qui fonctionnent ---------------------------------------------------------------------------------------
def test_axes_balayage_de_salaire(serveur, serveur_openfisca):
    corps = _axes([_axe(count=5, min=2000, max=6000)])
    for url in (serveur, serveur_openfisca):
        reponse = _poster(url, json.dumps(corps))
        assert reponse.status_code == 200, reponse.text
        nets = reponse.json()["individus"]["alice"]["salaire_net"][PERIODE]
        assert len(nets) == 5
        assert nets == sorted(nets)
        # chaque point égale le calcul sans axe au même salaire
        seul = _poster(url, json.dumps(situation(4000.0, demandes=("salaire_net",))))
        assert nets[2] == seul.json()["individus"]["alice"]["salaire_net"][PERIODE]


# --- la page : les requêtes que construit simulateur.js ----------------------------------------------------------
def _entrees_de_la_page(
    quotite=1, categorie="non_cadre", taux_at=0.0112, alsace_moselle=False, effectif=20, vm=0.0, sante=0, taux_pas=None
):
    """Copie de `entrees(saisie)` de simulateur.js : (individu, établissement, entreprise)."""
    individu = {
        "quotite_de_travail": quotite,
        "categorie_salarie": categorie,
        "contribution_employeur_complementaire_sante": sante,
        "cotisation_salarie_complementaire_sante": 0,
        "contribution_employeur_prevoyance": 0,
        "cotisation_salarie_prevoyance": 0,
    }
    if taux_pas is not None:
        individu["taux_prelevement_source"] = taux_pas
    etablissement = {
        "taux_accident_travail": taux_at,
        "regime_alsace_moselle": alsace_moselle,
        "taux_versement_mobilite": vm,
    }
    return individu, etablissement, {"effectif_entreprise": effectif}


def fiche_de_la_page(mois="2024-05", salaire=2500, **saisie):
    """Copie du corps POST /fiche_de_paie de simulateur.js : {situation: situation(saisie, salaire), periode}."""
    individu, etablissement, entreprise = _entrees_de_la_page(**saisie)
    par_mois = lambda valeurs: {nom: {mois: v} for nom, v in valeurs.items()}  # noqa: E731
    return {
        "situation": {
            "individus": {"salarie": {"salaire_de_base": {mois: salaire}, **par_mois(individu)}},
            "etablissements": {"etablissement": {"salaries": ["salarie"], **par_mois(etablissement)}},
            "entreprises": {"entreprise": {"salaries": ["salarie"], **par_mois(entreprise)}},
        },
        "periode": mois,
    }


def inversion_de_la_page(mois="2024-05", montant=2000, cible="salaire_net", **saisie):
    """Copie du corps POST /inversion de simulateur.js (toutes les entrées à plat)."""
    individu, etablissement, entreprise = _entrees_de_la_page(**saisie)
    return {
        "cible": cible,
        "periode": mois,
        "montants": [montant],
        "entrees": {**individu, **etablissement, **entreprise},
    }


CAS_PAGE = [
    ("/fiche_de_paie", fiche_de_la_page(quotite=0), 400, ["individus.salarie.quotite_de_travail.2024-05"]),
    ("/fiche_de_paie", fiche_de_la_page(quotite=1.5), 400, ["quotite_de_travail"]),
    ("/fiche_de_paie", fiche_de_la_page(categorie="astronaute"), 400, ["categorie_salarie", "astronaute"]),
    ("/fiche_de_paie", fiche_de_la_page(categorie=7), 400, ["categorie_salarie"]),
    ("/fiche_de_paie", fiche_de_la_page(taux_at="abc"), 400, ["etablissements.etablissement.taux_accident_travail"]),
    ("/fiche_de_paie", fiche_de_la_page(taux_at=None), 400, ["taux_accident_travail"]),
    ("/fiche_de_paie", fiche_de_la_page(alsace_moselle="false"), 400, ["regime_alsace_moselle"]),
    ("/fiche_de_paie", fiche_de_la_page(alsace_moselle="on"), 400, ["regime_alsace_moselle"]),
    ("/fiche_de_paie", fiche_de_la_page(effectif=-1), 400, ["entreprises.entreprise.effectif_entreprise"]),
    ("/fiche_de_paie", fiche_de_la_page(effectif=12.5), 400, ["effectif_entreprise"]),
    ("/fiche_de_paie", fiche_de_la_page(vm=1.5), 400, ["taux_versement_mobilite"]),
    ("/fiche_de_paie", fiche_de_la_page(sante=-10), 400, ["contribution_employeur_complementaire_sante"]),
    ("/fiche_de_paie", fiche_de_la_page(taux_pas="7 %"), 400, ["taux_prelevement_source"]),
    ("/fiche_de_paie", fiche_de_la_page(salaire="2 500"), 400, ["salaire_de_base"]),
    ("/fiche_de_paie", fiche_de_la_page(salaire=-1), 400, ["salaire_de_base"]),
    ("/fiche_de_paie", fiche_de_la_page(mois="2027-05"), 400, ["2027-05", "2012-01 à 2026-12"]),
    ("/fiche_de_paie", fiche_de_la_page(mois="2011-05"), 400, ["2011-05", "2012-01 à 2026-12"]),
    ("/fiche_de_paie", fiche_de_la_page(mois="2024-13"), 400, ["2024-13"]),
    ("/inversion", inversion_de_la_page(mois="2027-05"), 400, ["2012-01 à 2026-12"]),
    ("/inversion", inversion_de_la_page(mois="2011-05"), 400, ["2012-01 à 2026-12"]),
    ("/inversion", inversion_de_la_page(alsace_moselle="false"), 400, ["regime_alsace_moselle"]),
    ("/inversion", inversion_de_la_page(categorie="astronaute"), 400, ["categorie_salarie"]),
    ("/inversion", inversion_de_la_page(effectif=3.5), 400, ["effectif_entreprise"]),
    ("/inversion", inversion_de_la_page(quotite=2), 400, ["quotite_de_travail"]),
    ("/inversion", inversion_de_la_page(taux_at=[0.01, 0.02]), 400, ["taux_accident_travail"]),
    ("/inversion", inversion_de_la_page(montant=-5), 400, ["montants"]),
    ("/inversion", inversion_de_la_page(cible="salaire_brut"), 400, ["cible"]),
    ("/inversion", inversion_de_la_page(effectif="20 salariés"), 400, ["effectif_entreprise"]),
    ("/inversion", inversion_de_la_page(taux_at="1,12 %"), 400, ["taux_accident_travail"]),
    ("/inversion", inversion_de_la_page(vm="0,02"), 400, ["taux_versement_mobilite"]),
]


@pytest.mark.parametrize(
    ("route", "corps", "code", "fragments"),
    CAS_PAGE,
    ids=[f"{route} {i}" for i, (route, *_reste) in enumerate(CAS_PAGE)],
)
def test_requetes_de_la_page(serveur, route, corps, code, fragments):
    _verifier(_poster(serveur, json.dumps(corps), route), route, code, fragments)


def test_meme_regle_des_chaines_numeriques(serveur):
    """Une chaîne décimale à point vaut son nombre dans /inversion comme dans /calculate et /fiche_de_paie."""
    chiffres = _poster(serveur, json.dumps(inversion_de_la_page(effectif=20, taux_at=0.0112)), "/inversion").json()
    textes = _poster(serveur, json.dumps(inversion_de_la_page(effectif="20", taux_at="0.0112")), "/inversion").json()
    assert textes["salaire_de_base"] == chiffres["salaire_de_base"]
    fiche = _poster(serveur, json.dumps(fiche_de_la_page(salaire="2500.5")), "/fiche_de_paie")
    assert fiche.status_code == 200, fiche.text


def test_requetes_valides_de_la_page(serveur):
    """Témoin : les mêmes requêtes, valides, répondent 200."""
    assert _poster(serveur, json.dumps(fiche_de_la_page()), "/fiche_de_paie").status_code == 200
    assert _poster(serveur, json.dumps(inversion_de_la_page()), "/inversion").status_code == 200


def test_jamais_nan_ni_infini_dans_une_reponse(serveur, serveur_openfisca):
    """Une valeur intermédiaire indéterminée (entrée AT/MP non donnée) revient null dans une trace ; une valeur
    demandée indéterminée est une erreur 400 qui nomme le chemin, dans /calculate comme dans /trace."""

    def lire(reponse):
        return json.loads(reponse.text, parse_constant=lambda c: pytest.fail(f"{c} dans {reponse.text[:200]}"))

    for url in (serveur, serveur_openfisca):
        corps = _siege(taux_brut_collectif_atmp={"2024": None})
        trace = _poster(url, json.dumps(corps), "/trace")
        assert trace.status_code == 200, trace.text
        assert lire(trace)["trace"]["taux_brut_collectif_atmp<2024>"]["value"] == [None]
        for route in ("/calculate", "/trace"):
            reponse = _poster(url, json.dumps(_siege(taux_net_collectif_atmp={"2024": None})), route)
            assert reponse.status_code == 400, reponse.text
            assert "etablissements.siege.taux_net_collectif_atmp.2024" in json.dumps(lire(reponse), ensure_ascii=False)

"""La page du simulateur dans un vrai Chromium sans écran : saisie, fiche de paie, références, paramètres, erreurs.

Les montants attendus sont calculés en Python, sans l'API. La vérification par capture d'écran lit les cellules
clés (brut, net, coût total, quelques lignes) sur les captures PNG avec tesseract : ce que voit l'utilisateur,
pas seulement le DOM.
"""

import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu import inversion
from openfisca_secu.variables.cotisations.totaux import (
    CONTRIBUTIONS_SALARIALES,
    COTISATIONS_EMPLOYEUR,
    COTISATIONS_SALARIALES,
    REDUCTIONS_EMPLOYEUR,
    REDUCTIONS_SALARIALES,
)

SALARIE = (*COTISATIONS_SALARIALES, *CONTRIBUTIONS_SALARIALES)
EMPLOYEUR = COTISATIONS_EMPLOYEUR


def euros(montant):
    """Comme Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR"}) dans Chromium : valeur binaire exacte
    arrondie au centime, la moitié loin de zéro ; espace fine insécable des milliers, insécable avant €."""
    centimes = Decimal(montant).quantize(Decimal("0.01"), ROUND_HALF_UP)
    texte = f"{abs(centimes):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{'-' if centimes < 0 else ''}{texte}\u00a0€"


def affiche(montant, signe=1):
    """Montant signé tel que la page l'affiche (une réduction nulle s'affiche 0, pas -0)."""
    return signe * montant if montant else 0.0


def attendu(systeme, saisie, salaire_de_base):
    """Paie calculée directement en Python pour la saisie du formulaire."""
    p = saisie["mois"]
    noms = (*SALARIE, *REDUCTIONS_SALARIALES, *EMPLOYEUR, *REDUCTIONS_EMPLOYEUR)
    noms += ("remuneration_brute", "salaire_net", "cout_total_employeur", "cotisations_salariales")
    corps = {
        "individus": {
            "salarie": {
                "salaire_de_base": {p: salaire_de_base},
                "quotite_de_travail": {p: saisie["quotite"] / 100},
                "categorie_salarie": {p: saisie["categorie"]},
            }
        },
        "etablissements": {
            "etablissement": {
                "salaries": ["salarie"],
                "taux_accident_travail": {p: saisie["taux_at"] / 100},
                "regime_alsace_moselle": {p: saisie["alsace_moselle"]},
            }
        },
        "entreprises": {"entreprise": {"salaries": ["salarie"], "effectif_entreprise": {p: saisie["effectif"]}}},
    }
    simulation = SimulationBuilder().build_from_entities(systeme, corps)
    return {nom: float(simulation.calculate(nom, p)[0]) for nom in noms}


def remplir(page, url, saisie):
    page.goto(f"{url}/simulateur")
    page.check(f"input[name=mode][value={saisie['mode']}]")
    page.fill("#montant", str(saisie["montant"]))
    page.fill("#mois", saisie["mois"])
    page.fill("#effectif", str(saisie["effectif"]))
    page.fill("#taux_at", str(saisie["taux_at"]))
    page.fill("#quotite", str(saisie["quotite"]))
    page.select_option("#categorie", saisie["categorie"])
    page.set_checked("#alsace_moselle", saisie["alsace_moselle"])
    page.click("#calculer")
    page.wait_for_selector("body[data-etat]", timeout=30_000)


def lire_par_ocr(tesseract, image):
    """Texte d'une capture d'une seule ligne, lu par tesseract, réduit aux chiffres, virgule et signe moins."""
    resultat = subprocess.run(
        [tesseract, str(image), "stdout", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789,-€ "],
        capture_output=True,
        text=True,
        check=True,
    )
    return re.sub(r"[^0-9,\-]", "", resultat.stdout)


def chiffres(texte):
    return re.sub(r"[^0-9,\-]", "", texte)


SAISIE_BRUT = {
    "mode": "brut",
    "montant": 3000,
    "mois": "2024-05",
    "effectif": 35,
    "taux_at": 1.12,
    "quotite": 100,
    "categorie": "cadre",
    "alsace_moselle": False,
}


def test_fiche_depuis_le_brut(page, serveur, systeme, tesseract, tmp_path):
    remplir(page, serveur, SAISIE_BRUT)
    assert page.get_attribute("body", "data-etat") == "calcule", page.inner_text("#erreur")
    valeurs = attendu(systeme, SAISIE_BRUT, 3000)

    # chaque ligne de la fiche : montant du bon côté, référence légale
    for noms, cote, signe in (
        (SALARIE, "salarie", 1),
        (EMPLOYEUR, "employeur", 1),
        (REDUCTIONS_EMPLOYEUR, "employeur", -1),
    ):
        for nom in noms:
            ligne = page.locator(f"#corps tr[data-variable={nom}]")
            assert ligne.count() == 1, nom
            cellule = ligne.locator(f"td.{cote}")
            assert cellule.get_attribute("data-montant") == f"{affiche(valeurs[nom], signe):.2f}", nom
            assert cellule.inner_text() == euros(affiche(valeurs[nom], signe)), nom
            reference = " ; ".join(systeme.variables[nom].reference)
            assert ligne.locator("td.reference").inner_text() == reference, nom
            # une ligne nulle est masquée tant qu'on ne demande pas les lignes nulles
            assert ligne.is_visible() == (abs(valeurs[nom]) >= 0.005), nom
    for nom, cote in (("salaire_net", "salarie"), ("cout_total_employeur", "employeur")):
        cellule = page.locator(f"#corps tr[data-variable={nom}] td.{cote}")
        assert cellule.inner_text() == euros(valeurs[nom])
    assert page.inner_text("#synthese_net .valeur") == euros(valeurs["salaire_net"])
    assert page.inner_text("#synthese_cout .valeur") == euros(valeurs["cout_total_employeur"])

    # les paramètres utilisés, avec leur valeur à la date de la paie
    maladie = page.locator("#corps tr[data-variable=maladie_employeur] td.parametres")
    maladie.locator("summary").click()
    texte = maladie.inner_text()
    assert "cotisations.maladie.employeur.taux_reduit = 0.07 (au 2024-05-01)" in texte
    assert "cotisations.maladie.employeur.seuil_taux_reduit.multiple_smic" in texte
    apec = page.locator("#corps tr[data-variable=apec_salarie] td.parametres")
    apec.locator("summary").click()
    assert "plafond_securite_sociale.mensuel = 3864 (au 2024-05-01)" in apec.inner_text()

    # les lignes nulles s'affichent à la demande
    page.check("#lignes_nulles")
    assert page.locator("#corps tr[data-variable=agff_salarie]").is_visible()

    # capture d'écran : ce qui est affiché se lit comme attendu
    page.screenshot(path=tmp_path / "fiche.png", full_page=True)
    cellules = {
        "#synthese_brut .valeur": valeurs["remuneration_brute"],
        "#synthese_net .valeur": valeurs["salaire_net"],
        "#synthese_cout .valeur": valeurs["cout_total_employeur"],
        "#corps tr[data-variable=salaire_net] td.salarie": valeurs["salaire_net"],
        "#corps tr[data-variable=cout_total_employeur] td.employeur": valeurs["cout_total_employeur"],
        "#corps tr[data-variable=maladie_employeur] td.employeur": valeurs["maladie_employeur"],
        "#corps tr[data-variable=reduction_generale] td.employeur": -valeurs["reduction_generale"],
    }
    for rang, (selecteur, montant) in enumerate(cellules.items()):
        image = tmp_path / f"cellule_{rang}.png"
        page.locator(selecteur).screenshot(path=image)
        assert lire_par_ocr(tesseract, image) == chiffres(euros(montant)), selecteur


@pytest.mark.parametrize(
    "saisie",
    [
        {
            "mode": "salaire_net",
            "montant": 1234.56,
            "mois": "2019-03",
            "effectif": 8,
            "taux_at": 2.5,
            "quotite": 50,
            "categorie": "non_cadre",
            "alsace_moselle": True,
        },
        {
            "mode": "cout_total_employeur",
            "montant": 5000,
            "mois": "2026-02",
            "effectif": 300,
            "taux_at": 0.9,
            "quotite": 80,
            "categorie": "cadre",
            "alsace_moselle": False,
        },
    ],
    ids=["net, temps partiel, Alsace-Moselle, 2019", "coût total, 2026"],
)
def test_fiche_depuis_le_net_ou_le_cout_total(page, serveur, systeme, tesseract, tmp_path, saisie):
    remplir(page, serveur, saisie)
    assert page.get_attribute("body", "data-etat") == "calcule", page.inner_text("#erreur")
    entrees = {
        "quotite_de_travail": saisie["quotite"] / 100,
        "categorie_salarie": saisie["categorie"],
        "effectif_entreprise": saisie["effectif"],
        "taux_accident_travail": saisie["taux_at"] / 100,
        "regime_alsace_moselle": saisie["alsace_moselle"],
    }
    resultat = inversion.inverser(systeme, saisie["mois"], saisie["mode"], [saisie["montant"]], entrees)
    brut = float(resultat.salaire_de_base[0])
    valeurs = attendu(systeme, saisie, brut)
    assert page.inner_text("#synthese_brut .valeur") == euros(brut)
    assert page.inner_text("#synthese_net .valeur") == euros(valeurs["salaire_net"])
    assert page.inner_text("#synthese_cout .valeur") == euros(valeurs["cout_total_employeur"])
    cible = valeurs["salaire_net"] if saisie["mode"] == "salaire_net" else valeurs["cout_total_employeur"]
    assert round(cible, 2) == round(float(resultat.atteint[0]), 2)
    explication = page.inner_text("#synthese_inversion")
    assert euros(brut) in explication
    assert ("atteinte au centime" in explication) == bool(resultat.exact[0])
    if saisie["alsace_moselle"]:
        assert page.locator("#corps tr[data-variable=maladie_alsace_moselle_salarie]").is_visible()
    selecteur = "#synthese_net .valeur" if saisie["mode"] == "salaire_net" else "#synthese_cout .valeur"
    page.locator(selecteur).screenshot(path=tmp_path / "cible.png")
    assert lire_par_ocr(tesseract, tmp_path / "cible.png") == chiffres(euros(cible))


@pytest.mark.parametrize(
    ("mode", "montant", "champ"),
    [("brut", -5, "salaire_de_base"), ("salaire_net", -5, "montants"), ("brut", "", "Montant")],
)
def test_erreur_affichee(page, serveur, mode, montant, champ):
    saisie = {**SAISIE_BRUT, "mode": mode, "montant": montant}
    remplir(page, serveur, saisie)
    assert page.get_attribute("body", "data-etat") == "erreur"
    assert champ in page.inner_text("#erreur")
    assert not page.locator("#resultat").is_visible()
    # la page et le serveur continuent de fonctionner
    page.fill("#montant", "2500")
    page.check("input[name=mode][value=brut]")
    page.click("#calculer")
    page.wait_for_selector("body[data-etat=calcule]", timeout=30_000)


def test_mois_hors_legislation(page, serveur):
    remplir(page, serveur, {**SAISIE_BRUT, "mois": "2008-05"})
    assert page.get_attribute("body", "data-etat") == "erreur"
    assert "2008" in page.inner_text("#erreur")

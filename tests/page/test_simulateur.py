"""La page du simulateur dans un vrai Chromium sans écran : saisie, bulletin clarifié et détaillé, impression, erreurs.

Le bulletin attendu est calculé en Python (`openfisca_secu.bulletin_de_paie.fiche_de_paie`, sans l'API) pour la
même situation. La page doit l'afficher cellule par cellule ; puis ce que voit l'utilisateur est relu par tesseract,
sur la capture d'écran du bulletin et sur le PDF imprimé par Chromium (rendu en PNG par pdftoppm) : les montants des
rangées, des totaux et des nets s'y lisent, et le formulaire n'est pas imprimé.
"""

import re
import subprocess
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

import pytest

from openfisca_secu import inversion
from openfisca_secu.bulletin_de_paie import fiche_de_paie


def euros(montant):
    """Comme Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR"}) dans Chromium : valeur binaire exacte
    arrondie au centime, la moitié loin de zéro ; espace fine insécable des milliers, insécable avant €."""
    return f"{nombre(montant)}\u00a0€"


def nombre(montant):
    """Comme Intl.NumberFormat("fr-FR", {minimumFractionDigits: 2, maximumFractionDigits: 2}) : « 2 374,79 »."""
    centimes = Decimal(montant).quantize(Decimal("0.01"), ROUND_HALF_UP)
    texte = f"{abs(centimes):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{'-' if centimes < 0 else ''}{texte}"


def pourcent(taux):
    """Comme la page : taux en %, au plus 4 décimales utiles, insécable avant % ; vide sans taux."""
    if taux is None:
        return ""
    texte = f"{Decimal(repr(taux)) * 100:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{texte}\u00a0%"


def situation(saisie, salaire_de_base):
    """La situation que la page envoie à /fiche_de_paie pour cette saisie (écrite ici à la main, pas lue du JS)."""
    p = saisie["mois"]
    individu = {
        "salaire_de_base": salaire_de_base,
        "quotite_de_travail": saisie["quotite"] / 100,
        "categorie_salarie": saisie["categorie"],
        "contribution_employeur_complementaire_sante": saisie["sante_employeur"],
        "cotisation_salarie_complementaire_sante": saisie["sante_salarie"],
        "contribution_employeur_prevoyance": saisie["prevoyance_employeur"],
        "cotisation_salarie_prevoyance": saisie["prevoyance_salarie"],
    }
    if saisie["taux_pas"] != "":
        individu["taux_prelevement_source"] = saisie["taux_pas"] / 100
    if saisie["apprenti"]:
        individu["contrat_apprentissage"] = True
    if saisie["lodeom"] == "innovation_croissance":
        individu["salarie_lodeom_projets_innovants"] = True
    if saisie["jei"]:
        individu["salarie_eligible_jei"] = True
    salarie = {nom: {p: valeur} for nom, valeur in individu.items()}
    if saisie["apprenti"]:
        salarie["date_debut_contrat"] = {"ETERNITY": saisie["debut_contrat"]}
    etablissement = {
        "taux_accident_travail": saisie["taux_at"] / 100,
        "regime_alsace_moselle": saisie["alsace_moselle"],
        "taux_versement_mobilite": saisie["taux_vm"] / 100,
    }
    if saisie["lodeom"]:
        etablissement["bareme_lodeom"] = saisie["lodeom"]
        if saisie["lodeom_t"] != "":
            etablissement["lodeom_valeur_t"] = saisie["lodeom_t"] / 100
    entreprise = {"effectif_entreprise": saisie["effectif"]}
    if saisie["jei"]:
        entreprise["jeune_entreprise_innovante"] = True
    return {
        "individus": {"salarie": salarie},
        "etablissements": {
            "etablissement": {"salaries": ["salarie"], **{nom: {p: v} for nom, v in etablissement.items()}}
        },
        "entreprises": {"entreprise": {"salaries": ["salarie"], **{nom: {p: v} for nom, v in entreprise.items()}}},
    }


def remplir(page, url, saisie):
    page.goto(f"{url}/simulateur")
    page.wait_for_selector("body[data-pret]")
    page.check(f"input[name=mode][value={saisie['mode']}]")
    page.fill("#montant", str(saisie["montant"]))
    page.fill("#mois", saisie["mois"])
    page.fill("#effectif", str(saisie["effectif"]))
    page.fill("#taux_at", str(saisie["taux_at"]))
    page.fill("#quotite", str(saisie["quotite"]))
    page.select_option("#categorie", saisie["categorie"])
    page.select_option("#contrat", "apprentissage" if saisie["apprenti"] else "droit_commun")
    if saisie["apprenti"]:
        page.fill("#debut_contrat", saisie["debut_contrat"])
    page.set_checked("#alsace_moselle", saisie["alsace_moselle"])
    dispositif = f"bareme_lodeom={saisie['lodeom']}" if saisie["lodeom"] else None
    dispositif = "jeune_entreprise_innovante=true" if saisie["jei"] else dispositif
    if dispositif:
        page.select_option(
            "#dispositif", page.get_attribute(f'#dispositif option[data-valeur="{dispositif}"]', "value")
        )
    if saisie["lodeom_t"] != "":
        page.fill("#lodeom_t", str(saisie["lodeom_t"]))
    for champ in ("sante_employeur", "sante_salarie", "prevoyance_employeur", "prevoyance_salarie", "taux_vm"):
        page.fill(f"#{champ}", str(saisie[champ]))
    page.fill("#taux_pas", str(saisie["taux_pas"]))
    page.click("#calculer")
    page.wait_for_selector("body[data-etat]", timeout=60_000)


SAISIE = {
    "mode": "brut",
    "montant": 3456.78,
    "mois": "2024-05",
    "effectif": 35,
    "taux_at": 1.12,
    "quotite": 100,
    "categorie": "cadre",
    "apprenti": False,
    "debut_contrat": "",
    "alsace_moselle": False,
    "lodeom": None,
    "lodeom_t": "",
    "jei": False,
    "sante_employeur": 45.5,
    "sante_salarie": 30.25,
    "prevoyance_employeur": 20,
    "prevoyance_salarie": 12.4,
    "taux_vm": 1.75,
    "taux_pas": 7.5,
}


def rangees(fiche):
    """(clé data-rangee de la page, rangée) pour chaque rangée imprimée, dans l'ordre du bulletin."""
    for i, rubrique in enumerate(fiche["rubriques"]):
        for j, rangee in enumerate(rubrique["rangees"]):
            yield f"{i}-{j}", rangee
    for j, rangee in enumerate(fiche["exonerations"]["rangees"]):
        yield f"exonerations-0-{j}", rangee


def montants_imprimes(fiche):
    """Les montants que le bulletin clarifié imprime : rémunération, rangées, totaux, nets, impôt, coût total."""
    montants = [ligne["montant"] for ligne in fiche["remuneration"]] + [fiche["salaire_brut"]]
    for _, rangee in rangees(fiche):
        montants += [m for m in (rangee["montant_salarie"], rangee["montant_employeur"]) if m]
    t = fiche["totaux"]
    if fiche["total_avant_exonerations"]:
        montants += [t["cotisations_salarie"], t["cotisations_employeur"]]
    else:
        montants += [t["salarie"], t["employeur"]]
    montants += [fiche["net_a_payer_avant_impot"], fiche["net_imposable"], fiche["net_paye"]]
    montants += [fiche["cout_total_employeur"]]
    if "impot_preleve_a_la_source" in fiche:
        montants.append(fiche["impot_preleve_a_la_source"]["montant"])
    if "montant_net_social" in fiche:
        montants.append(fiche["montant_net_social"])
    return montants


def lire_montants(tesseract, image):
    """Les montants « 1 234,56 » lus par tesseract sur une image (espaces des milliers retirés), avec leur nombre."""
    texte = subprocess.run(
        [tesseract, str(image), "stdout", "--psm", "6"], capture_output=True, text=True, check=True
    ).stdout
    texte = re.sub(r"(?<=\d)[ \u202f\u00a0](?=\d{3},\d{2})", "", texte)
    return texte, Counter(re.findall(r"-?\d+,\d{2}", texte))


def verifier_lecture(texte, lus, fiche):
    """Chaque montant imprimé du bulletin se lit sur l'image (au moins autant de fois qu'il est imprimé)."""
    attendus = Counter(nombre(m).replace("\u202f", "") for m in montants_imprimes(fiche))
    manquants = {m: n for m, n in attendus.items() if lus[m] < n}
    assert not manquants, f"montants absents de l'image : {manquants}\n{texte}"


def verifier_bulletin(page, fiche):
    """Chaque cellule du bulletin affiché est celle du bulletin calculé en Python."""
    for cle, rangee in rangees(fiche):
        tr = page.locator(f'#corps tr.rangee[data-rangee="{cle}"]')
        assert tr.count() == 1, cle
        for cote in ("salarie", "employeur"):
            montant = rangee[f"montant_{cote}"]
            cellule = tr.locator(f"td.{cote}")
            assert cellule.inner_text() == (nombre(montant) if montant else ""), (cle, cote)
            assert cellule.get_attribute("data-montant") == f"{montant:.2f}", (cle, cote)
            assert tr.locator(f"td.taux-{cote}").inner_text() == pourcent(rangee[f"taux_{cote}"]), (cle, cote)
        assert tr.locator("td.base").inner_text() == ("" if rangee["base"] is None else nombre(rangee["base"]))
    t = fiche["totaux"]
    avant = fiche["total_avant_exonerations"]
    totaux = {
        "salaire_brut": ("salarie", fiche["salaire_brut"]),
        "net_a_payer_avant_impot": ("salarie", fiche["net_a_payer_avant_impot"]),
        "net_imposable": ("salarie", fiche["net_imposable"]),
        "net_paye": ("salarie", fiche["net_paye"]),
        "cout_total_employeur": ("employeur", fiche["cout_total_employeur"]),
    }
    salarie, employeur = (
        (t["cotisations_salarie"], t["cotisations_employeur"]) if avant else (t["salarie"], t["employeur"])
    )
    assert page.inner_text("#total_cotisations td.salarie") == nombre(salarie)
    assert page.inner_text("#total_cotisations td.employeur") == nombre(employeur)
    if "montant_net_social" in fiche:
        totaux["montant_net_social"] = ("salarie", fiche["montant_net_social"])
    else:
        assert page.locator("#montant_net_social").count() == 0
    if "impot_preleve_a_la_source" in fiche:
        impot = fiche["impot_preleve_a_la_source"]
        totaux["impot_preleve_a_la_source"] = ("salarie", impot["montant"])
        assert page.inner_text("#impot_preleve_a_la_source td.taux-salarie") == pourcent(impot["taux"])
        assert page.inner_text("#impot_preleve_a_la_source td.base") == nombre(impot["base"])
    for identifiant, (cote, montant) in totaux.items():
        assert page.inner_text(f"#{identifiant} td.{cote}") == nombre(montant), identifiant
    assert page.inner_text("#synthese_net_paye .valeur") == euros(fiche["net_paye"])
    assert page.inner_text("#synthese_cout .valeur") == euros(fiche["cout_total_employeur"])


def test_bulletin_clarifie_detaille_et_capture(page, serveur, systeme, tesseract, tmp_path):
    remplir(page, serveur, SAISIE)
    assert page.get_attribute("body", "data-etat") == "calcule", page.inner_text("#erreur")
    fiche = fiche_de_paie(situation(SAISIE, SAISIE["montant"]), SAISIE["mois"], systeme=systeme)
    # la situation saisie est bien celle du bulletin : santé, prévoyance, versement mobilité, taux transmis
    lignes = {ligne["variable"]: ligne for _, r in rangees(fiche) for ligne in r["lignes"]}
    assert lignes["complementaire_sante_salarie"]["montant"] == 30.25
    assert lignes["prevoyance_employeur"]["montant"] == 20
    assert lignes["versement_mobilite_employeur"]["taux"] == 0.0175
    assert fiche["impot_preleve_a_la_source"]["taux"] == 0.075
    verifier_bulletin(page, fiche)
    assert page.inner_text("#titre_bulletin") == "Bulletin de paie de mai 2024"
    assert fiche["modele"]["reference"] in page.inner_text("#modele")

    # vue clarifiée par défaut : les lignes légales détaillées sont masquées, puis affichées à la demande
    details = page.locator("#corps tr.detail")
    assert details.count() == sum(1 for ligne in lignes.values() if ligne["montant"] != 0)
    assert not details.first.is_visible()
    page.check("#detail")
    for nom, ligne in lignes.items():
        if ligne["montant"] == 0:
            continue
        tr = page.locator(f"#corps tr.detail[data-variable={nom}]")
        assert tr.is_visible(), nom
        assert ligne["reference"] in tr.inner_text(), nom
        assert tr.locator(f"td.{ligne['cote']}").inner_text() == nombre(ligne["montant"]), nom
    page.uncheck("#detail")

    # capture d'écran du bulletin : les montants imprimés s'y lisent
    page.locator("#resultat").screenshot(path=tmp_path / "bulletin.png")
    verifier_lecture(*lire_montants(tesseract, tmp_path / "bulletin.png"), fiche)


def test_bulletin_imprime_en_pdf(page, serveur, systeme, tesseract, pdftoppm, tmp_path):
    """Impression en PDF (feuille de style d'impression) : une page A4, sans formulaire, les mêmes montants."""
    remplir(page, serveur, SAISIE)
    assert page.get_attribute("body", "data-etat") == "calcule", page.inner_text("#erreur")
    fiche = fiche_de_paie(situation(SAISIE, SAISIE["montant"]), SAISIE["mois"], systeme=systeme)
    page.emulate_media(media="print")
    assert not page.locator("#formulaire").is_visible()
    page.pdf(path=tmp_path / "bulletin.pdf", format="A4", print_background=True)
    subprocess.run([pdftoppm, "-r", "300", "-png", str(tmp_path / "bulletin.pdf"), str(tmp_path / "pdf")], check=True)
    (image,) = sorted(tmp_path.glob("pdf*.png"))  # le bulletin clarifié tient sur une page
    texte, lus = lire_montants(tesseract, image)
    verifier_lecture(texte, lus, fiche)
    assert "Bulletin de paie de mai 2024" in texte
    assert "Calculer" not in texte


@pytest.mark.parametrize(
    "saisie",
    [
        {
            **SAISIE,
            "mode": "salaire_net",
            "montant": 1234.56,
            "mois": "2019-03",
            "effectif": 8,
            "taux_at": 2.5,
            "quotite": 50,
            "categorie": "non_cadre",
            "alsace_moselle": True,
            "taux_pas": "",
        },
        {
            **SAISIE,
            "mode": "cout_total_employeur",
            "montant": 5000,
            "mois": "2026-02",
            "effectif": 300,
            "taux_at": 0.9,
            "quotite": 80,
        },
        {
            **SAISIE,
            "mode": "salaire_net",
            "montant": 1100,
            "effectif": 10,
            "categorie": "non_cadre",
            "apprenti": True,
            "debut_contrat": "2023-09-01",
            "taux_pas": 0,
        },
        {**SAISIE, "mois": "2016-06", "taux_pas": ""},
        {**SAISIE, "montant": 2500, "effectif": 8, "lodeom": "competitivite"},
        {**SAISIE, "montant": 3500, "effectif": 40, "lodeom": "innovation_croissance", "mois": "2023-03"},
        {
            **SAISIE,
            "mode": "salaire_net",
            "montant": 1900,
            "effectif": 8,
            "lodeom": "competitivite",
            "mois": "2026-03",
            "lodeom_t": 32.02,
        },
        {**SAISIE, "montant": 2200, "effectif": 20, "jei": True, "categorie": "non_cadre"},
    ],
    ids=[
        "net, temps partiel, Alsace-Moselle, taux neutre, 2019",
        "coût total, 2026",
        "apprenti, 2024",
        "2016",
        "LODEOM compétitivité, 2024",
        "LODEOM innovation et croissance, 2023",
        "LODEOM compétitivité, net, T saisi, 2026",
        "JEI, 2024",
    ],
)
def test_bulletin_depuis_le_net_ou_le_cout_total(page, serveur, systeme, tesseract, tmp_path, saisie):
    remplir(page, serveur, saisie)
    assert page.get_attribute("body", "data-etat") == "calcule", page.inner_text("#erreur")
    brut = saisie["montant"]
    if saisie["mode"] != "brut":
        entrees = {
            nom: valeurs[saisie["mois"]]
            for entite in situation(saisie, 0).values()
            for valeurs_entite in entite.values()
            for nom, valeurs in valeurs_entite.items()
            if nom not in ("salaries", "salaire_de_base", "date_debut_contrat")
        }
        if saisie["apprenti"]:
            entrees["date_debut_contrat"] = {"ETERNITY": saisie["debut_contrat"]}
        resultat = inversion.inverser(systeme, saisie["mois"], saisie["mode"], [saisie["montant"]], entrees)
        brut = float(resultat.salaire_de_base[0])
        explication = page.inner_text("#synthese_inversion")
        assert euros(brut) in explication
        assert ("atteinte au centime" in explication) == bool(resultat.exact[0])
    fiche = fiche_de_paie(situation(saisie, brut), saisie["mois"], systeme=systeme)
    verifier_bulletin(page, fiche)
    exonerations = {ligne["variable"] for r in fiche["exonerations"]["rangees"] for ligne in r["lignes"]}
    assert ("exoneration_salariale_apprenti" in exonerations) == saisie["apprenti"]
    assert ("exoneration_lodeom" in exonerations) == bool(saisie["lodeom"])
    assert ("exoneration_jei" in exonerations) == saisie["jei"]
    if saisie["jei"]:  # non cumulable avec la réduction générale
        assert "reduction_generale" not in exonerations
    if saisie["lodeom"]:
        assert systeme.variables["bareme_lodeom"].possible_values[saisie["lodeom"]].value in page.inner_text("#legende")
    assert ("impot_preleve_a_la_source" in fiche) == (saisie["mois"] >= "2019")
    page.locator("#fiche").screenshot(path=tmp_path / "bulletin.png")
    verifier_lecture(*lire_montants(tesseract, tmp_path / "bulletin.png"), fiche)


def test_dispositifs_proposes_selon_le_modele(page, serveur, systeme):
    page.goto(f"{serveur}/simulateur")
    page.wait_for_selector("body[data-pret]")
    options = page.locator("#dispositif option").evaluate_all("(os) => os.map((o) => o.dataset.valeur || '')")
    baremes = [v.name for v in systeme.variables["bareme_lodeom"].possible_values if v.name != "aucun"]
    attendues = ["", *(f"bareme_lodeom={bareme}" for bareme in baremes), "jeune_entreprise_innovante=true"]
    assert options == attendues and len(attendues) == 5
    assert page.locator("#dispositif").is_visible()
    # la valeur T (LODEOM depuis 2026) n'est demandée que pour un barème LODEOM
    assert not page.locator("#lodeom_t").is_visible()
    page.select_option("#dispositif", page.get_attribute('#dispositif option[data-valeur^="bareme_lodeom="]', "value"))
    assert page.locator("#lodeom_t").is_visible()
    page.select_option("#dispositif", page.get_attribute('#dispositif option[data-valeur^="jeune_"]', "value"))
    assert not page.locator("#lodeom_t").is_visible()
    # la date de conclusion n'est demandée que pour un contrat d'apprentissage
    assert not page.locator("#debut_contrat").is_visible()
    page.select_option("#contrat", "apprentissage")
    assert page.locator("#debut_contrat").is_visible()


@pytest.mark.parametrize(
    ("mode", "montant", "champ"),
    [("brut", -5, "salaire_de_base"), ("salaire_net", -5, "montants"), ("brut", "", "Montant")],
)
def test_erreur_affichee(page, serveur, mode, montant, champ):
    saisie = {**SAISIE, "mode": mode, "montant": montant}
    remplir(page, serveur, saisie)
    assert page.get_attribute("body", "data-etat") == "erreur"
    assert champ in page.inner_text("#erreur")
    assert not page.locator("#resultat").is_visible()
    # la page et le serveur continuent de fonctionner
    page.fill("#montant", "2500")
    page.check("input[name=mode][value=brut]")
    page.click("#calculer")
    page.wait_for_selector("body[data-etat=calcule]", timeout=60_000)


def test_mois_hors_legislation(page, serveur):
    remplir(page, serveur, {**SAISIE, "mois": "2008-05"})
    assert page.get_attribute("body", "data-etat") == "erreur"
    assert "2008" in page.inner_text("#erreur")


def test_lodeom_2026_sans_valeur_t_refuse_avec_son_message(page, serveur):
    # T de 2026 non chiffré par D752-7 III : sans la saisie, le modèle refuse et la page affiche son message
    remplir(page, serveur, {**SAISIE, "mois": "2026-02", "lodeom": "competitivite", "effectif": 8})
    assert page.get_attribute("body", "data-etat") == "erreur"
    assert "lodeom_valeur_t" in page.inner_text("#erreur")

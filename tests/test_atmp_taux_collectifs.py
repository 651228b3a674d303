"""Taux nets collectifs AT/MP par code risque : tout le jeu de données fait l'aller-retour jusqu'aux paramètres et à la
formule, calendrier 2025 compris ; un code inconnu ou une année sans données est une erreur d'entrée qui les nomme."""

import importlib.util
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide

OUTIL = Path(__file__).parent.parent / "tools" / "atmp_taux_collectifs.py"
_spec = importlib.util.spec_from_file_location("atmp_taux_collectifs", OUTIL)
outil = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(outil)


def donnees_brutes(annee):
    """Lecture indépendante de l'outil : code risque → (taux en %, drapeau « Oui »), lignes d'en-tête sautées."""
    lignes = {}
    for ligne in json.loads((outil.DONNEES / f"taux-{annee}.json").read_text(encoding="utf-8")):
        code = ligne["Code risque"].replace(" ", "")
        if code == "CODERISQUE":
            continue
        taux = Decimal(ligne["Taux net"].replace("%", "").replace(",", ".").strip())
        drapeau = next((v for k, v in ligne.items() if k.startswith("Taux commun")), "")
        lignes[code] = (taux, drapeau.strip() == "Oui")
    return lignes


def publies(systeme, jour):
    noeud = systeme.parameters(jour.isoformat()).atmp.taux_nets_collectifs.general
    return {cle.replace("_", "."): noeud[cle] for cle in noeud}


def attendus(annee):
    """Taux (fraction) de l'arrêté de l'année, sans les lignes écartées, avec les compléments confirmés."""
    taux = {
        code: float(t / 100) for code, (t, _) in donnees_brutes(annee).items() if (annee, code) not in outil.ECARTEES
    }
    return taux | {c: float(Decimal(v[0]) / 100) for (a, c), v in outil.COMPLEMENTS.items() if a == annee}


@pytest.mark.parametrize("annee", sorted(outil.ARRETES))
def test_chaque_code_de_l_arrete_egale_le_parametre_pendant_tout_le_tarif(systeme, annee):
    debut = outil.ARRETES[annee].en_vigueur
    fin = date(annee, 12, 31)
    attendu = attendus(annee)
    assert len(attendu) > len(outil.ECARTEES)
    for jour in (debut, fin):
        assert publies(systeme, jour) == attendu, jour
    ecartees = [code for (a, code) in outil.ECARTEES if a == annee]
    assert not set(ecartees) & set(publies(systeme, fin))


def test_calendrier_2025_taux_2024_jusqu_au_30_avril(systeme):
    taux_2024, taux_2025 = attendus(2024), attendus(2025)
    assert taux_2024 != taux_2025
    for jour in (date(2025, 1, 1), date(2025, 4, 30)):
        assert publies(systeme, jour) == taux_2024
    assert publies(systeme, date(2025, 4, 30) + timedelta(days=1)) == taux_2025


def test_2023_sans_donnees_sauf_les_complements_confirmes(systeme):
    assert publies(systeme, date(2023, 6, 1)) == {
        c: float(Decimal(v[0]) / 100) for (a, c), v in outil.COMPLEMENTS.items() if a == 2023
    }


@pytest.mark.parametrize("annee", sorted(outil.ANNEES_DU_DRAPEAU))
def test_drapeau_taux_commun_quel_que_soit_l_effectif(systeme, annee):
    noeud = systeme.parameters(f"{annee}-12-31").atmp.mode_tarification.taux_collectif_quel_que_soit_effectif
    oui = {code for code, (_, drapeau) in donnees_brutes(annee).items() if drapeau}
    assert {cle.replace("_", ".") for cle in noeud if noeud[cle]} == oui
    assert len(oui) > 1


def test_les_parametres_sont_ceux_que_l_outil_genere():
    donnees = outil.lire_tout()
    assert outil.SORTIE_TAUX.read_text(encoding="utf-8") == outil.ecrire(outil.parametres_taux(donnees))
    assert outil.SORTIE_DRAPEAU.read_text(encoding="utf-8") == outil.ecrire(outil.parametres_drapeau(donnees))


def test_la_lecture_refuse_un_taux_hors_bornes_et_un_code_mal_forme(tmp_path):
    lignes = json.loads((outil.DONNEES / "taux-2024.json").read_text(encoding="utf-8"))
    for champ, valeur, message in (("Taux net", "100,5%", "hors de"), ("Code risque", "27-1ZF", "mal formé")):
        fautives = [dict(ligne) for ligne in lignes]
        fautives[0][champ] = valeur
        (tmp_path / "taux-2024.json").write_text(json.dumps(fautives), encoding="utf-8")
        with pytest.raises(outil.DonneesInvalides, match=message):
            outil.lire_annee(2024, tmp_path)


@pytest.mark.parametrize("annee", sorted(outil.ARRETES))
def test_la_formule_donne_le_taux_de_chaque_code_en_un_calcul(systeme, annee):
    attendu = attendus(annee)
    codes = numpy.array([*sorted(attendu), "99.9ZZ"])
    simulation = SimulationBuilder().build_default_simulation(systeme, len(codes))
    simulation.set_input("code_risque_atmp", str(annee), codes)
    taux = simulation.calculate("taux_net_collectif_atmp", str(annee))
    assert taux[:-1].tolist() == [attendu[code] for code in codes[:-1]]
    assert numpy.isnan(taux[-1])


def _collectif(systeme, code, annee, mois):
    simulation = SimulationBuilder().build_from_entities(
        systeme,
        {
            "individus": {"salarie": {"salaire_de_base": {mois: 2000}}},
            "etablissements": {"etablissement": {"salaries": ["salarie"], "code_risque_atmp": {annee: code}}},
            "entreprises": {"entreprise": {"salaries": ["salarie"], "effectif_entreprise": {annee: 5}}},
        },
    )
    return simulation


@pytest.mark.parametrize(
    ("code", "annee", "mois"),
    [("99.9ZZ", "2024", "2024-05"), ("55.3AC", "2023", "2023-06"), ("45.2BD", "2018", "2018-03")],
)
def test_code_inconnu_ou_annee_sans_donnees_erreur_d_entree_nommant_code_et_annee(systeme, code, annee, mois):
    simulation = _collectif(systeme, code, annee, mois)
    with pytest.raises(EntreeInvalide, match=rf"code_risque_atmp « {re.escape(code)} » .* l'année {annee}"):
        simulation.calculate("accident_du_travail_employeur", mois)


def test_ligne_ecartee_de_l_extraction_erreur_d_entree(systeme):
    simulation = _collectif(systeme, "80.2CA", "2018", "2018-03")
    with pytest.raises(EntreeInvalide, match=r"« 80\.2CA » .* 2018"):
        simulation.calculate("taux_accident_travail", "2018-03")

"""Revenus de remplacement, indépendants, recouvrement : une entrée incohérente ou manquante lève une erreur claire
qui nomme la variable (et la valeur ou l'année)."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.imputation_paiements import (
    ORDRE_MICRO_SOCIAL,
    ORDRE_ORGANISME_LOCAL,
    imputer_sur_des_echeances,
)


def simulation(systeme, individu=None, entreprise=None, etablissement=None):
    """Simulation d'une personne (entrées {variable: {période: valeur}}), avec son entreprise et son établissement."""
    situation = {"individus": {"personne": individu or {}}}
    if entreprise is not None:
        situation["entreprises"] = {"entreprise": {"salaries": ["personne"], **entreprise}}
    if etablissement is not None:
        situation["etablissements"] = {"etablissement": {"salaries": ["personne"], **etablissement}}
    return SimulationBuilder().build_from_entities(systeme, situation)


def calculer(systeme, variable, periode, **entrees):
    return simulation(systeme, **entrees).calculate(variable, periode)


# --- Revenus de remplacement ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entree", "variable"),
    [
        ("pension_retraite_autres_regimes", "pension_retraite_nette"),
        ("pension_retraite_regime_general", "maladie_pension_retraite"),
        ("allocation_chomage_brute", "allocation_chomage_nette"),
        ("allocation_preretraite_brute", "maladie_allocation_preretraite"),
        ("remuneration_activite_allocataire", "maladie_allocation_preretraite"),
    ],
)
def test_revenu_de_remplacement_negatif(systeme, entree, variable):
    individu = {entree: {"2024-05": -1.0}, "taux_csg_remplacement": {"2024": "taux_plein"}}
    with pytest.raises(ValueError, match=rf"{entree} : valeur -1.0 impossible pour 2024-05"):
        calculer(systeme, variable, "2024-05", individu=individu)


def test_pension_sans_revenu_fiscal_de_reference(systeme):
    individu = {"pension_retraite_autres_regimes": {"2024-05": 1000}}
    with pytest.raises(ValueError, match=r"taux_csg_remplacement non déterminé pour 2024.*revenu_fiscal_reference"):
        calculer(systeme, "csg_pension_retraite", "2024-05", individu=individu)


def test_pension_sans_nombre_de_parts(systeme):
    individu = {"pension_retraite_autres_regimes": {"2024-05": 1000}, "revenu_fiscal_reference": {"2022": 10000}}
    with pytest.raises(ValueError, match=r"nombre_parts_quotient_familial de 2022"):
        calculer(systeme, "maladie_pension_retraite", "2024-05", individu=individu)


def test_lissage_sans_revenu_de_n_moins_3(systeme):
    individu = {
        "pension_retraite_autres_regimes": {"2024-05": 1000},
        "revenu_fiscal_reference": {"2022": 30000},
        "nombre_parts_quotient_familial": {"2022": 1},
    }
    with pytest.raises(ValueError, match=r"de 2021 si le revenu dépasse le seuil du taux réduit"):
        calculer(systeme, "csg_pension_retraite", "2024-05", individu=individu)


def test_pension_avant_2015_sans_taux_saisi(systeme):
    individu = {"pension_retraite_autres_regimes": {"2014-05": 1000}, "revenu_fiscal_reference": {"2012": 10000}}
    with pytest.raises(ValueError, match=r"taux_csg_remplacement non déterminé pour 2014.*avant 2015"):
        calculer(systeme, "csg_pension_retraite", "2014-05", individu=individu)


def test_pension_outre_mer_sans_taux_saisi(systeme):
    individu = {
        "pension_retraite_autres_regimes": {"2024-05": 1000},
        "revenu_fiscal_reference": {"2022": 10000},
        "nombre_parts_quotient_familial": {"2022": 1},
        "domicile_departement_outre_mer": {"2024": True},
    }
    with pytest.raises(ValueError, match=r"outre-mer"):
        calculer(systeme, "csg_pension_retraite", "2024-05", individu=individu)


def test_taux_median_saisi_avant_2019(systeme):
    individu = {"pension_retraite_autres_regimes": {"2016-05": 1000}, "taux_csg_remplacement": {"2016": "taux_median"}}
    with pytest.raises(ValueError, match=r"taux médian n'existe qu'à partir de 2019"):
        calculer(systeme, "csg_pension_retraite", "2016-05", individu=individu)


def test_pension_l131_9_avant_mars_2018(systeme):
    individu = {"pension_retraite_regime_general": {"2018-02": 1000}, "relevant_l131_9": {"2018-02": True}}
    with pytest.raises(ValueError, match=r"relevant_l131_9.*2018-03"):
        calculer(systeme, "maladie_pension_retraite", "2018-02", individu=individu)


def test_preretraite_avant_mars_2018(systeme):
    individu = {"allocation_preretraite_brute": {"2018-02": 3000}}
    with pytest.raises(ValueError, match=r"allocation_preretraite_brute non nulle en 2018-02"):
        calculer(systeme, "maladie_allocation_preretraite", "2018-02", individu=individu)


def test_preretraite_sans_date_d_effet(systeme):
    individu = {"allocation_preretraite_brute": {"2024-05": 2000}}
    with pytest.raises(ValueError, match=r"date_effet_preretraite non renseignée .* 2024-05 .* 11 octobre 2007"):
        calculer(systeme, "csg_allocation_preretraite", "2024-05", individu=individu)


def test_preretraite_anterieure_a_2007_au_taux_median(systeme):
    individu = {
        "allocation_preretraite_brute": {"2019-06": 2000},
        "date_effet_preretraite": {"ETERNITY": "2006-05-01"},
        "taux_csg_remplacement": {"2019": "taux_median"},
    }
    with pytest.raises(ValueError, match=r"taux_csg_remplacement taux_median en 2019 .* préretraite"):
        calculer(systeme, "csg_allocation_preretraite", "2019-06", individu=individu)


def test_preretraite_anterieure_a_2007_sans_taux_de_csg(systeme):
    individu = {"allocation_preretraite_brute": {"2018-06": 2000}, "date_effet_preretraite": {"ETERNITY": "2006-05-01"}}
    with pytest.raises(ValueError, match=r"taux_csg_remplacement non déterminé pour 2018"):
        calculer(systeme, "allocation_preretraite_nette", "2018-06", individu=individu)


def test_allocation_payee_avant_le_premier_smic_connu(systeme):
    individu = {"allocation_chomage_brute": {"2012-01": 1000}, "date_paiement_allocation": {"2012-01": "2011-01-05"}}
    with pytest.raises(ValueError, match=r"date_paiement_allocation 2011-01-05 pour 2012-01 .* pas de SMIC"):
        calculer(systeme, "seuil_exoneration_journalier_allocation", "2012-01", individu=individu)


def test_chomage_l131_9_avant_mars_2018(systeme):
    individu = {"allocation_chomage_brute": {"2017-05": 3000}, "relevant_l131_9": {"2017-05": True}}
    with pytest.raises(ValueError, match=r"relevant_l131_9.*allocations de chômage"):
        calculer(systeme, "maladie_allocation_chomage", "2017-05", individu=individu)


def test_chomage_et_preretraite_le_meme_mois(systeme):
    individu = {"allocation_chomage_brute": {"2024-05": 1000}, "allocation_preretraite_brute": {"2024-05": 1000}}
    with pytest.raises(ValueError, match=r"allocation_chomage_brute et allocation_preretraite_brute"):
        calculer(systeme, "maladie_allocation_preretraite", "2024-05", individu=individu)


@pytest.mark.parametrize("jours", [0, 32])
def test_jours_indemnises_impossibles(systeme, jours):
    individu = {"allocation_preretraite_brute": {"2024-05": 1000}, "nombre_jours_indemnises": {"2024-05": jours}}
    with pytest.raises(ValueError, match=rf"nombre_jours_indemnises : valeur {jours} impossible pour 2024-05"):
        calculer(systeme, "maladie_allocation_preretraite", "2024-05", individu=individu)


# --- Micro-social --------------------------------------------------------------------------------------------------


def test_chiffre_affaires_negatif(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2024-05": -500.0},
        "activite_micro_entrepreneur": {"2024-05": "vente_marchandises"},
    }
    with pytest.raises(ValueError, match=r"chiffre_affaires_micro_entrepreneur : valeur -500.0 impossible"):
        calculer(systeme, "cotisations_micro_sociales", "2024-05", individu=individu)


def test_activite_inconnue(systeme):
    individu = {"chiffre_affaires_micro_entrepreneur": {"2024-05": 1000}}
    with pytest.raises(ValueError, match=r"activite_micro_entrepreneur non renseignée"):
        calculer(systeme, "cotisations_micro_sociales", "2024-05", individu=individu)


def test_activite_hors_enumeration(systeme):
    individu = {"activite_micro_entrepreneur": {"2024-05": "coiffure"}}
    with pytest.raises(Exception, match=r"coiffure"):
        simulation(systeme, individu=individu)


def test_chiffre_affaires_avant_affiliation(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2024-01": 1000},
        "activite_micro_entrepreneur": {"2024-01": "vente_marchandises"},
        "date_affiliation_independant": {"ETERNITY": "2024-02-10"},
        "beneficiaire_acre": {"ETERNITY": True},
    }
    with pytest.raises(ValueError, match=r"mois antérieur à date_affiliation_independant 2024-02-10"):
        calculer(systeme, "taux_micro_social", "2024-01", individu=individu)


def test_acre_sans_date_affiliation(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2024-05": 1000},
        "activite_micro_entrepreneur": {"2024-05": "vente_marchandises"},
        "beneficiaire_acre": {"ETERNITY": True},
    }
    with pytest.raises(ValueError, match=r"date_affiliation_independant manquante"):
        calculer(systeme, "cotisations_micro_sociales", "2024-05", individu=individu)


def test_taux_micro_social_2013_a_2017_non_confirmes(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2015-05": 1000},
        "activite_micro_entrepreneur": {"2015-05": "vente_marchandises"},
    }
    with pytest.raises(ValueError, match=r"taux_global_micro_social à saisir pour 2015-05"):
        calculer(systeme, "cotisations_micro_sociales", "2015-05", individu=individu)


def test_taux_global_saisi_pour_2015(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2015-05": 1000},
        "activite_micro_entrepreneur": {"2015-05": "vente_marchandises"},
        "taux_global_micro_social": {"2015-05": 0.133},
    }
    assert calculer(systeme, "cotisations_micro_sociales", "2015-05", individu=individu)[0] == pytest.approx(133)


def test_fractions_acre_affiliation_2016_non_confirmees(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2016-08": 1000},
        "activite_micro_entrepreneur": {"2016-08": "vente_marchandises"},
        "taux_global_micro_social": {"2016-08": 0.134},
        "date_affiliation_independant": {"ETERNITY": "2016-05-02"},
        "beneficiaire_acre": {"ETERNITY": True},
    }
    with pytest.raises(ValueError, match=r"fractions ACRE inconnues pour une affiliation au 2016-05-02"):
        calculer(systeme, "taux_micro_social", "2016-08", individu=individu)


def test_acre_cipav_affiliation_juillet_2026(systeme):
    individu = {
        "chiffre_affaires_micro_entrepreneur": {"2026-08": 1000},
        "activite_micro_entrepreneur": {"2026-08": "profession_liberale_cipav"},
        "date_affiliation_independant": {"ETERNITY": "2026-07-15"},
        "beneficiaire_acre": {"ETERNITY": True},
    }
    with pytest.raises(ValueError, match=r"règle inconnue pour les affiliations depuis le 01/07/2026"):
        calculer(systeme, "taux_micro_social", "2026-08", individu=individu)


# --- Début d'activité et artisans-commerçants ----------------------------------------------------------------------


def test_debut_activite_sans_date(systeme):
    with pytest.raises(ValueError, match=r"date_affiliation_independant manquante"):
        calculer(systeme, "assiette_forfaitaire_debut_activite", "2024")


def test_debut_activite_annee_anterieure(systeme):
    individu = {"date_affiliation_independant": {"ETERNITY": "2024-07-01"}}
    with pytest.raises(ValueError, match=r"année antérieure à date_affiliation_independant"):
        calculer(systeme, "assiette_forfaitaire_debut_activite", "2023", individu=individu)


def test_debut_activite_2013_a_2019_non_confirme(systeme):
    individu = {"date_affiliation_independant": {"ETERNITY": "2016-03-01"}}
    with pytest.raises(ValueError, match=r"2013 à 2019 ne sont pas confirmés"):
        calculer(systeme, "assiette_forfaitaire_debut_activite", "2016", individu=individu)


def test_plancher_maladie_2012_a_saisir(systeme):
    individu = {"date_affiliation_independant": {"ETERNITY": "2012-03-01"}}
    with pytest.raises(ValueError, match=r"taux_assiette_minimale_maladie_independant à saisir pour 2012"):
        calculer(systeme, "assiette_forfaitaire_debut_activite_maladie", "2012", individu=individu)


def test_revenu_professionnel_negatif(systeme):
    individu = {"artisan_ou_commercant": {"2024": True}, "revenu_professionnel_independant": {"2024": -2000.0}}
    with pytest.raises(ValueError, match=r"revenu_professionnel_independant : valeur -2000.0 impossible pour 2024"):
        calculer(systeme, "cotisations_sociales_independant", "2024", individu=individu)


@pytest.mark.parametrize("annee", ["2023", "2025"])
def test_cotisations_artisan_hors_annees_connues(systeme, annee):
    individu = {"artisan_ou_commercant": {annee: True}, "revenu_professionnel_independant": {annee: 30000}}
    with pytest.raises(ValueError, match=rf"maladie_maternite_independant : taux non connus pour {annee}"):
        calculer(systeme, "maladie_maternite_independant", annee, individu=individu)


# --- Imputation des paiements --------------------------------------------------------------------------------------


def test_paiement_negatif(systeme):
    individu = {"paiement_cotisations_independant": {"2024-05": -1.0}}
    with pytest.raises(ValueError, match=r"paiement_cotisations_independant : valeur -1.0"):
        calculer(systeme, "paiement_impute_maladie_maternite", "2024-05", individu=individu)


def test_formation_professionnelle_hors_ordre_micro_social(systeme):
    individu = {
        "regime_micro_social": {"2024-05": True},
        "paiement_cotisations_independant": {"2024-05": 100},
        "cotisation_due_formation_professionnelle": {"2024-05": 10},
    }
    with pytest.raises(
        ValueError, match=r"cotisation_due_formation_professionnelle non nulle pour un micro-entrepreneur"
    ):
        calculer(systeme, "paiement_impute_maladie_maternite", "2024-05", individu=individu)


def test_imputation_derniere_echeance_puis_plus_ancienne():
    anciennes = {"maladie_maternite": 100.0, "vieillesse_base": 100.0}
    intermediaire = {"maladie_maternite": 100.0, "vieillesse_base": 100.0}
    derniere = {"maladie_maternite": 50.0, "indemnites_journalieres": 20.0, "vieillesse_base": 30.0}
    imputations, reste = imputer_sur_des_echeances(250.0, [anciennes, intermediaire, derniere], ORDRE_MICRO_SOCIAL)
    # dernière échéance d'abord (100), puis la plus ancienne (maladie 100, vieillesse 50), rien pour l'intermédiaire
    assert imputations[2] == {
        "maladie_maternite": 50,
        "indemnites_journalieres": 20,
        "invalidite_deces": 0,
        "retraite_complementaire": 0,
        "allocations_familiales": 0,
        "vieillesse_base": 30,
    }
    assert imputations[0]["maladie_maternite"] == 100
    assert imputations[0]["vieillesse_base"] == 50
    assert imputations[1]["maladie_maternite"] == 0
    assert reste == 0


def test_ordre_organisme_local_vieillesse_avant_invalidite():
    (imputation,), reste = imputer_sur_des_echeances(
        60.0, [{"vieillesse_base": 50.0, "invalidite_deces": 50.0}], ORDRE_ORGANISME_LOCAL
    )
    assert (imputation["vieillesse_base"], imputation["invalidite_deces"], reste) == (50, 10, 0)


# --- Recouvrement --------------------------------------------------------------------------------------------------


def test_creance_negative(systeme):
    with pytest.raises(ValueError, match=r"creance_cotisations : valeur -5.0 impossible"):
        calculer(
            systeme,
            "recouvrement_cotisations_abandonne",
            "2024-05",
            individu={"creance_cotisations": {"2024-05": -5.0}},
        )


def test_trop_percu_sans_date_de_paiement(systeme):
    individu = {"trop_percu_cotisations": {"2024-05": 10}}
    with pytest.raises(ValueError, match=r"date_paiement_trop_percu manquante"):
        calculer(systeme, "trop_percu_cotisations_acquis", "2024-05", individu=individu)


def test_titre_emploi_sans_date_envoi(systeme):
    individu = {
        "option_assiette_forfaitaire_titre_emploi": {"2024-05": True},
        "jours_sejour_en_france": {"2024-05": 10},
    }
    with pytest.raises(ValueError, match=r"date_envoi_declaration manquante"):
        calculer(systeme, "assiette_forfaitaire_titre_emploi", "2024-05", individu=individu)


def test_titre_emploi_jours_negatifs(systeme):
    individu = {"jours_sejour_en_france": {"2024-05": -3}}
    with pytest.raises(ValueError, match=r"jours_sejour_en_france : valeur -3 impossible"):
        calculer(systeme, "assiette_forfaitaire_titre_emploi", "2024-05", individu=individu)


def test_privilege_sans_effectif(systeme):
    entreprise = {"creance_privilegiee": {"2024-05": 20000}}
    with pytest.raises(ValueError, match=r"effectif_entreprise manquant pour décembre 2023"):
        calculer(systeme, "inscription_privilege_obligatoire", "2024-05", entreprise=entreprise)


def test_cotisations_annuelles_negatives(systeme):
    entreprise = {"cotisations_contributions_annuelles": {"2023": -1.0}}
    with pytest.raises(ValueError, match=r"cotisations_contributions_annuelles : valeur -1.0 impossible pour 2023"):
        calculer(systeme, "obligation_dematerialisation", "2024", entreprise=entreprise)


def test_caisse_conges_payes_sans_secteur(systeme):
    etablissement = {"cotisations_versees_caisse_conges_payes": {"2024-05": 1000}}
    with pytest.raises(ValueError, match=r"secteur_caisse_conges_payes non renseigné"):
        calculer(systeme, "versement_caisse_conges_payes", "2024-05", etablissement=etablissement)


def test_cesu_avant_2019_sans_date_envoi(systeme):
    individu = {"dispositif_declaratif_simplifie": {"2018-05": "particulier_employeur"}}
    with pytest.raises(ValueError, match=r"date_envoi_declaration manquante"):
        calculer(systeme, "date_limite_paiement_simplifie", "2018-05", individu=individu)


def test_entreprise_avant_2019_non_modelisee(systeme):
    individu = {"dispositif_declaratif_simplifie": {"2018-05": "entreprise"}}
    with pytest.raises(ValueError, match=r"depuis le 18/03/2019"):
        calculer(systeme, "date_limite_declaration_simplifiee", "2018-05", individu=individu)


def test_effectif_penibilite_sans_effectif(systeme):
    with pytest.raises(ValueError, match=r"effectif_entreprise manquant pour un mois de 2011"):
        calculer(systeme, "effectif_penibilite", "2012", entreprise={})


def test_accord_penibilite_apres_2012(systeme):
    entreprise = {"accord_penibilite_competences": {"2016": True}}
    with pytest.raises(ValueError, match=r"ne sont connues que pour 2012"):
        calculer(systeme, "accord_penibilite_themes_suffisants", "2016", entreprise=entreprise)

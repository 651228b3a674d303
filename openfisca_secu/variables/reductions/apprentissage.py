"""Contrat d'apprentissage : exonérations salariales et patronales, CSG-CRDS et salaire minimum.

- Avant 2019 (code du travail, L6243-2 et L6243-3 anciens) : l'État prend en charge toutes les cotisations salariales ;
  l'employeur de moins de onze salariés (au 31 décembre précédant la conclusion du contrat, apprentis non compris) ou
  inscrit au répertoire des métiers est exonéré de toutes ses cotisations sauf AT/MP ; les autres le sont des
  cotisations d'assurances sociales et d'allocations familiales. La réduction générale ne se cumule pas (L241-13).
- Depuis 2019 (LFSS 2018 art. 8, LFSS 2019 art. 8) : plus d'exonération patronale propre, la réduction générale
  s'applique ; les cotisations salariales sont exonérées pour la part de la rémunération n'excédant pas un plafond
  (D6243-5 : 79 % du SMIC, 50 % pour les contrats conclus depuis le 01/03/2025).
- CSG-CRDS : rémunération exclue en totalité, sauf pour les contrats conclus depuis le 01/03/2025 (part au-delà de
  50 % du SMIC assujettie, LFSS 2025).

Limites : avant 2019, les cotisations restant dues étaient calculées sur une assiette forfaitaire (pourcentage du
SMIC) ; ici elles le sont sur la rémunération réelle. L'exonération salariale est proportionnelle (cotisations ×
plafond / assiette) : exacte tant que l'assiette n'excède pas le plafond de la sécurité sociale.
"""

from datetime import date

import numpy

from openfisca_secu.base import ETERNITY, MONTH, Variable, selon_date_du_contrat, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import loi_non_connue
from openfisca_secu.entities import entreprise, individu
from openfisca_secu.validation import EntreeInvalide
from openfisca_secu.variables.cotisations.totaux import COTISATIONS_EMPLOYEUR, COTISATIONS_SALARIALES
from openfisca_secu.variables.reductions.aide_a_domicile import COTISATIONS_ASSURANCES_SOCIALES_ET_FAMILLE

# Avant 2019, restent dues par l'employeur de moins de onze salariés : AT/MP (L6243-2 ancien) et les taxes qui ne
# sont pas des cotisations sociales (formation professionnelle, taxe d'apprentissage et sa contribution supplémentaire).
NON_EXONEREES_MOINS_DE_ONZE = (
    "accident_du_travail_employeur",
    "formation_professionnelle_employeur",
    "taxe_apprentissage_employeur",
    "contribution_supplementaire_apprentissage_employeur",
)
# Depuis 2019, l'exonération salariale ne couvre pas la cotisation APEC (BOSS, apprentis).
COTISATIONS_SALARIALES_EXONEREES = tuple(nom for nom in COTISATIONS_SALARIALES if nom != "apec_salarie")
# D6222-26 : taux des trois années d'exécution ; une prolongation garde celui de la dernière (D6222-28).
ANNEES_D_EXECUTION = (1, 2, 3)


class contrat_apprentissage(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Salarié en contrat d'apprentissage (date de conclusion : date_debut_contrat)"
    reference = "Code du travail, art. L6221-1 et L6243-2"


class date_naissance(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = ETERNITY
    label = "Date de naissance (salaire minimum de l'apprenti selon l'âge)"
    reference = "Code du travail, art. D6222-26 et D6222-34"


class employeur_repertoire_des_metiers(Variable):
    value_type = bool
    entity = entreprise
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Employeur inscrit au répertoire des métiers (ou au registre des entreprises d'Alsace-Moselle)"
    reference = "Code du travail, art. L6243-2 (rédaction antérieure à 2019)"


class effectif_avant_conclusion_contrat_apprentissage(Variable):
    value_type = int
    default_value = -1
    entity = individu
    definition_period = ETERNITY
    unit = "person"
    label = "Effectif de l'employeur au 31 décembre précédant la conclusion du contrat d'apprentissage (hors apprentis)"
    reference = "Code du travail, art. L6243-2 (rédaction antérieure à 2019)"
    documentation = "Requis avant 2019 pour un apprenti d'un employeur non inscrit au répertoire des métiers."


class smic_mensuel_legal(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "SMIC mensuel en vigueur pour la durée légale (SMIC horaire × 1 820 / 12)"
    reference = "Code du travail, art. L3231-2 et L3121-27 ; D6243-5 ; D6222-26"

    def formula(individu, period, parameters):
        return individu("smic_horaire", period) * parameters(period).smic.heures_annuelles / 12


# --- Cotisations salariales et CSG-CRDS


def _part_du_smic_selon_le_contrat(individu, period, nom, apprenti):
    """Part du SMIC fixée par le paramètre `nom` à la date de conclusion du contrat, et le montant correspondant pour
    le mois, proratisé à l'entrée ou à la sortie en cours de mois (jours de contrat / jours du mois)."""
    p = individu.simulation.tax_benefit_system.parameters.reductions.apprentissage
    dates = individu("date_debut_contrat", period)
    part = selon_date_du_contrat(individu, period, p.children[nom], dates, concernes=apprenti)
    prorata = individu("jours_contrat_dans_le_mois", period) / period.days
    return part, part * individu("smic_mensuel_legal", period) * prorata


class plafond_exoneration_salariale_apprenti(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Plafond mensuel de l'exonération des cotisations salariales de l'apprenti"
    reference = "Code du travail, art. L6243-2 et D6243-5 ; instruction DSS/5B/2019/141"
    documentation = (
        "Part du SMIC selon la date de conclusion du contrat, proratisée à l'entrée ou à la sortie en cours de mois "
        "(jours de contrat / jours du mois), ni pour absence ni pour temps partiel."
    )

    # pas de plafond avant 2019 (L6243-2)
    formula_2012_01_01 = loi_non_connue(
        "plafond_exoneration_salariale_apprenti",
        "avant 2019, l'exonération salariale de l'apprenti était totale, sans plafond",
        ("contrat_apprentissage",),
    )

    def formula_2019_01_01(individu, period):
        apprenti = individu("contrat_apprentissage", period)
        if not apprenti.any():
            return individu.filled_array(0.0)
        _, montant = _part_du_smic_selon_le_contrat(individu, period, "plafond_exoneration_salariale", apprenti)
        return apprenti * montant


class exoneration_salariale_apprenti(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération des cotisations salariales de l'apprenti"
    reference = "Code du travail, art. L6243-2 et L6243-3 ; D6243-5"

    def formula_2012_01_01(individu, period):
        # avant 2019 : toutes les cotisations salariales légales et conventionnelles (prises en charge par l'État)
        apprenti = individu("contrat_apprentissage", period)
        if not apprenti.any():
            return individu.filled_array(0.0)
        return apprenti * sum(individu(nom, period) for nom in COTISATIONS_SALARIALES)

    def formula_2019_01_01(individu, period):
        # cotisations dues sur la part de la rémunération n'excédant pas le plafond
        apprenti = individu("contrat_apprentissage", period)
        if not apprenti.any():
            return individu.filled_array(0.0)
        assiette = individu("assiette_cotisations_sociales", period)
        plafond = individu("plafond_exoneration_salariale_apprenti", period)
        part = numpy.divide(plafond, assiette, out=numpy.ones_like(assiette), where=assiette > 0)
        cotisations = sum(individu(nom, period) for nom in COTISATIONS_SALARIALES_EXONEREES)
        return apprenti * cotisations * numpy.minimum(part, 1)


class remuneration_apprenti_exclue_csg_crds(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de la rémunération brute de l'apprenti exclue de l'assiette de la CSG et de la CRDS"
    reference = "CSS art. L136-1-1 III ; loi 2025-199 (LFSS 2025), art. 22 et 23"
    documentation = (
        "Totalité de la rémunération, sauf pour les contrats conclus depuis le 01/03/2025 : part n'excédant pas 50 % "
        "du SMIC mensuel. Quand toute la rémunération est exclue, les contributions patronales de prévoyance et de "
        "retraite supplémentaire le sont aussi (URSSAF)."
    )

    def formula(individu, period):
        apprenti = individu("contrat_apprentissage", period)
        brute = individu("remuneration_brute", period)
        if not apprenti.any():
            return numpy.zeros_like(brute)
        part, plafond = _part_du_smic_selon_le_contrat(individu, period, "plafond_exoneration_csg_crds", apprenti)
        return apprenti * numpy.where(numpy.isnan(part), brute, numpy.minimum(brute, plafond))


# --- Cotisations patronales avant 2019


class apprenti_exonere_cotisations_patronales(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Apprenti ouvrant droit aux exonérations patronales propres à l'apprentissage (jusqu'en 2018)"
    reference = "Code du travail, art. L6243-2 et L6243-3 (rédaction antérieure à 2019) ; loi 2017-1836, art. 8"
    documentation = (
        "Non cumulable avec la réduction générale (L241-13). Depuis 2019 : faux, la réduction générale s'applique."
    )

    def formula_2012_01_01(individu, period):
        return individu("contrat_apprentissage", period)

    def formula_2019_01_01(individu, period):
        return individu.filled_array(False)


class exoneration_employeur_apprenti(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération des cotisations patronales propre au contrat d'apprentissage (jusqu'en 2018)"
    reference = "Code du travail, art. L6243-2 et L6243-3 (rédaction antérieure à 2019) ; loi 2017-1836, art. 8"
    documentation = (
        "Employeur de moins de onze salariés ou inscrit au répertoire des métiers : toutes les cotisations patronales "
        "sauf AT/MP (et hors taxes formation et apprentissage) ; autres employeurs : assurances sociales et "
        "allocations familiales."
    )

    def formula_2012_01_01(individu, period, parameters):
        apprenti = individu("apprenti_exonere_cotisations_patronales", period)
        if not apprenti.any():
            return individu.filled_array(0.0)
        seuil = parameters(period).reductions.apprentissage.seuil_effectif_exoneration_totale
        artisan = individu.entreprise("employeur_repertoire_des_metiers", period)
        effectif = individu("effectif_avant_conclusion_contrat_apprentissage", period)
        manquant = apprenti & ~artisan & (effectif < 0)
        if manquant.any():
            rang = int(numpy.flatnonzero(manquant)[0])
            raise EntreeInvalide(
                ["individus", rang, "effectif_avant_conclusion_contrat_apprentissage", "ETERNITY"],
                f"effectif_avant_conclusion_contrat_apprentissage manquant pour l'apprenti n° {rang} en {period} : "
                "avant 2019, l'exonération patronale dépend de l'effectif au 31 décembre précédant la conclusion du "
                "contrat (moins de onze salariés), sauf pour un employeur inscrit au répertoire des métiers.",
            )
        totale = artisan | (effectif < seuil)
        toutes = sum(individu(nom, period) for nom in COTISATIONS_EMPLOYEUR if nom not in NON_EXONEREES_MOINS_DE_ONZE)
        assurances_sociales = sum(individu(nom, period) for nom in COTISATIONS_ASSURANCES_SOCIALES_ET_FAMILLE)
        return apprenti * numpy.where(totale, toutes, assurances_sociales)

    def formula_2019_01_01(individu, period):
        return individu.filled_array(0.0)


# --- Salaire minimum (D6222-26)


def _decomposer(dates):
    annee = dates.astype("datetime64[Y]").astype(int)
    mois = dates.astype("datetime64[M]").astype(int) % 12
    jour = (dates - dates.astype("datetime64[M]")).astype(int)
    return annee, mois, jour


def annees_revolues(debut, fin):
    """Nombre d'années entières écoulées de `debut` à `fin` (dates numpy, jour compris)."""
    a0, m0, j0 = _decomposer(debut.astype("datetime64[D]"))
    a1, m1, j1 = _decomposer(fin.astype("datetime64[D]"))
    avant_anniversaire = (m1 < m0) | ((m1 == m0) & (j1 < j0))
    return a1 - a0 - avant_anniversaire


class taux_salaire_minimum_apprenti(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Salaire minimum de l'apprenti en part du SMIC (âge, année d'exécution, date de conclusion du contrat)"
    reference = "Code du travail, art. D6222-26, D6222-28 et D6222-34"
    documentation = (
        "Âge atteint au dernier jour du mois précédent (la tranche change le premier jour du mois suivant "
        "l'anniversaire, D6222-34). Année d'exécution comptée depuis date_debut_contrat ; au-delà de la troisième, "
        "taux de la dernière année (prolongation, D6222-28). Le mois où commence une nouvelle année d'exécution, "
        "moyenne des deux taux au prorata des jours calendaires."
    )

    def formula(individu, period, parameters):
        apprenti = individu("contrat_apprentissage", period)
        naissance = individu("date_naissance", period).astype("datetime64[D]")
        debut = individu("date_debut_contrat", period).astype("datetime64[D]")
        for nom, valeur in (("date_naissance", naissance), ("date_debut_contrat", debut)):
            manquante = apprenti & (valeur == numpy.datetime64("1900-01-01"))
            if manquante.any():
                rang = int(numpy.flatnonzero(manquante)[0])
                raise EntreeInvalide(
                    ["individus", rang, nom, "ETERNITY"],
                    f"{nom} manquante pour l'apprenti n° {rang} : le salaire minimum de l'apprenti dépend de l'âge et "
                    "de l'année d'exécution du contrat (code du travail, art. D6222-26).",
                )
        p = individu.simulation.tax_benefit_system.parameters.reductions.apprentissage.taux_salaire_minimum
        ages = parameters(period).reductions.apprentissage.taux_salaire_minimum.ages
        premier_jour = numpy.datetime64(period.start.date, "D")
        dernier_jour = numpy.datetime64(period.stop.date, "D")
        age = annees_revolues(naissance, numpy.full_like(naissance, premier_jour - 1))
        noeuds = (p.moins_de_18_ans, p.de_18_a_20_ans, p.de_21_a_25_ans, p.a_partir_de_26_ans)
        seuils = (ages.de_18_a_20_ans, ages.de_21_a_25_ans, ages.a_partir_de_26_ans)
        tranche = sum((age >= seuil).astype(int) for seuil in seuils)  # rang dans `noeuds`
        taux_du_contrat = {
            (rang, annee): selon_date_du_contrat(individu, period, noeud.children[f"annee_{annee}"], debut)
            for rang, noeud in enumerate(noeuds)
            for annee in ANNEES_D_EXECUTION
        }

        def taux(jour):
            annee = numpy.clip(annees_revolues(debut, numpy.full_like(debut, jour)) + 1, 1, ANNEES_D_EXECUTION[-1])
            resultat = numpy.zeros(len(debut))
            for (rang, rang_annee), valeurs in taux_du_contrat.items():
                resultat = numpy.where((tranche == rang) & (annee == rang_annee), valeurs, resultat)
            return resultat

        au_debut, a_la_fin = taux(premier_jour), taux(dernier_jour)
        # jour anniversaire de la conclusion dans le mois : part du mois au nouveau taux
        jour_anniversaire = numpy.minimum(_decomposer(debut)[2] + 1, period.days)
        part_fin = numpy.where(au_debut != a_la_fin, (period.days - jour_anniversaire + 1) / period.days, 0)
        return apprenti * (au_debut * (1 - part_fin) + a_la_fin * part_fin)


class salaire_minimum_apprenti(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Salaire minimum mensuel de l'apprenti à temps plein (part du SMIC mensuel légal)"
    reference = "Code du travail, art. L6222-27 et D6222-26"
    documentation = "Sans le salaire minimum conventionnel, qui le remplace à partir de 21 ans s'il est plus élevé."

    def formula(individu, period):
        return individu("taux_salaire_minimum_apprenti", period) * individu("smic_mensuel_legal", period)

"""Réduction générale des cotisations patronales (L241-13 ; D241-7 à D241-11).

Un individu est un contrat : pour des CDD successifs chez le même employeur ou des missions d'intérim, donnez un
individu par contrat ou par mission (D241-7 III) ; le coefficient est alors calculé pour chacun.
"""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import (
    ADD,
    ETERNITY,
    MONTH,
    YEAR,
    Variable,
    arrondi_au_plus_proche,
    cumul_depuis_janvier,
    cumul_mois_par_mois,
    effectif_employeur,
    sans_bruit,
    set_input_dispatch_by_period,
    somme_des_lignes,
)
from openfisca_secu.briques_revenus import neant
from openfisca_secu.entities import etablissement, individu
from openfisca_secu.enumerations import EmployeurAideADomicile, HeuresEquivalenceTransport, ModeRegularisation

# --- Situation du salarié et choix de l'employeur


class heures_equivalence_transport(Variable):
    value_type = Enum
    possible_values = HeuresEquivalenceTransport
    default_value = HeuresEquivalenceTransport.aucune
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Régime d'heures d'équivalence du transport routier (facteur a)"
    reference = "CSS art. L241-13 IV 1° ; D241-10 II"


class interimaire_indemnite_conges_payes(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Intérimaire auquel l'employeur verse l'indemnité compensatrice de congés payés (facteur b = 1,1)"
    reference = "CSS art. L241-13 IV 2° ; D241-10 III ; code du travail, art. L1251-19"


class caisse_conges_payes(Variable):
    value_type = bool
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Employeur affilié à une caisse de congés payés (facteur b = 100/90)"
    reference = "CSS art. L241-13 IV 3° ; D241-10 IV"


class mode_regularisation_reduction_generale(Variable):
    value_type = Enum
    possible_values = ModeRegularisation
    default_value = ModeRegularisation.annuelle
    entity = etablissement
    definition_period = ETERNITY
    label = "Régularisation de la réduction générale : annuelle (défaut) ou progressive"
    reference = "CSS art. D241-9"


class employeur_champ_allegements_generaux(Variable):
    value_type = bool
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Employeur dans le champ de la réduction générale et des taux réduits maladie et AF (L241-13 II)"
    reference = "CSS art. L241-13 II ; L241-2-1 ; L241-6-1"
    documentation = "Faux pour un particulier employeur ; à défaut de saisie, vrai pour tout autre employeur."

    def formula(etablissement, period):
        return etablissement("employeur_aide_a_domicile", period) != EmployeurAideADomicile.particulier


class reduction_generale_exclue(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Salarié ouvrant droit à une exonération non cumulable avec la réduction générale"
    reference = (
        "CSS art. L241-13 ; L241-10 ; L752-3-2 ; loi n° 2003-1311, art. 131 ; code du travail, art. L6243-2 et "
        "L6243-3 (avant 2019)"
    )
    documentation = (
        "Aide à domicile (L241-10) ; apprenti exonéré de cotisations patronales jusqu'en 2018 ; salarié ouvrant droit "
        "à l'exonération LODEOM (L752-3-2) ou jeune entreprise innovante (loi n° 2003-1311, art. 131)."
    )

    def formula(individu, period):
        aide_a_domicile = individu.etablissement("employeur_aide_a_domicile", period)
        return (
            (aide_a_domicile != EmployeurAideADomicile.non_concerne)
            | individu("apprenti_exonere_cotisations_patronales", period)
            | individu("lodeom_eligible", period)
            | individu("jei_eligible", period)
        )


# --- Paramètres du coefficient pour le salarié


class reduction_generale_facteur_a(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Facteur a de la réduction générale (heures d'équivalence)"
    reference = "CSS art. D241-10 II et IV"

    def formula(individu, period, parameters):
        p = parameters(period).reductions.reduction_generale.facteur_a
        duree_legale = parameters(period).smic.duree_legale_hebdomadaire
        regime = individu("heures_equivalence_transport", period)
        return numpy.select(
            [
                regime == HeuresEquivalenceTransport.grands_routiers,
                regime == HeuresEquivalenceTransport.autres_roulants,
            ],
            [p.heures_equivalence_grands_routiers / duree_legale, p.heures_equivalence_autres_roulants / duree_legale],
            1,
        )


class reduction_generale_facteur_b(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Facteur b de la réduction générale (intérim, caisses de congés payés)"
    reference = "CSS art. D241-10 III et IV"

    def formula(individu, period, parameters):
        p = parameters(period).reductions.reduction_generale.facteur_b
        caisse = individu.etablissement("caisse_conges_payes", period)
        interim = individu("interimaire_indemnite_conges_payes", period)
        return numpy.select([caisse, interim], [p.caisses_conges_payes, p.interimaires], 1)


class reduction_generale_t(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Valeur maximale T du coefficient de la réduction générale applicable à l'employeur"
    reference = "CSS art. D241-7 I ; CCH art. L813-5"
    documentation = (
        "Selon le taux FNAL (effectif sous le seuil FNAL : T le plus élevé). De 2021 à 2025, T est diminué de l'écart "
        "entre la part AT/MP comprise dans T et le taux AT/MP de l'établissement s'il est plus bas (D241-7 I al. 4). "
        "Depuis 2026 : Tmin + Tdelta, valeur maximale du coefficient dégressif unique."
    )

    def formula_2012_01_01(individu, period, parameters):
        return _t_selon_fnal(individu, period, parameters)

    def formula_2021_01_01(individu, period, parameters):
        part_at = parameters(period).reductions.reduction_generale.part_accident_travail
        taux_at = numpy.nan_to_num(individu.etablissement("taux_accident_travail", period), nan=part_at)
        return _t_selon_fnal(individu, period, parameters) - numpy.maximum(part_at - taux_at, 0)

    def formula_2026_01_01(individu, period, parameters):
        rgdu = parameters(period).reductions.reduction_generale.rgdu
        petite = _sous_seuil_fnal(individu, period, parameters)
        return rgdu.tmin + numpy.where(petite, rgdu.tdelta.moins_seuil_fnal, rgdu.tdelta.seuil_fnal_et_plus)


def _sous_seuil_fnal(individu, period, parameters):
    return effectif_employeur(individu, period) < parameters(period).cotisations.fnal.seuil_effectif


def _t_selon_fnal(individu, period, parameters):
    t = parameters(period).reductions.reduction_generale.t
    return numpy.where(_sous_seuil_fnal(individu, period, parameters), t.moins_seuil_fnal, t.seuil_fnal_et_plus)


class smic_reduction_generale(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "SMIC du mois pour la réduction générale (corrigé selon D241-7 II à IV, multiplié par le facteur a)"
    reference = "CSS art. D241-7 II à IV ; D241-8 ; D241-10 I"

    def formula_2012_01_01(individu, period):
        return sans_bruit(individu("smic_mensuel_reference", period) * individu("reduction_generale_facteur_a", period))

    def formula_2026_01_01(individu, period, parameters):
        # 2026 : SMIC horaire de référence figé à 12,02 € (la revalorisation du 1er juin est ignorée)
        smic_horaire = parameters(period).reductions.reduction_generale.rgdu.smic_horaire_reference
        heures = individu("heures_reference_smic", period)
        return sans_bruit(smic_horaire * heures * individu("reduction_generale_facteur_a", period))


class smic_annuel_reduction_generale(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "SMIC calculé pour un an de la réduction générale (somme des mois, D241-7 II dernier alinéa)"
    reference = "CSS art. D241-7 II"

    def formula(individu, period):
        return individu("smic_reduction_generale", period, options=[ADD])


# --- Coefficient et montants


def _coefficient_d241_7(p, t, b, smic, remuneration):
    """(T / 0,6) × (1,6 × a × SMIC / R − 1) × b, arrondi à 4 décimales, compris entre 0 et T × b (D241-7, D241-10).

    Le facteur a est déjà dans le SMIC (smic_reduction_generale)."""
    rapport = numpy.divide(smic, remuneration, out=numpy.zeros_like(remuneration), where=remuneration > 0)
    brut = t / p.diviseur * (p.multiple_smic * rapport - 1) * b
    return numpy.clip(arrondi_au_plus_proche(brut, p.decimales_coefficient), 0, t * b)


def _coefficient_rgdu(p, maximum, b, smic, remuneration):
    """2026 : Tmin + Tdelta × [(1/2) × (3 × SMIC / R − 1)]^P, nul dès que R ≥ 3 SMIC, au plus Tmin + Tdelta."""
    rapport = numpy.divide(smic, remuneration, out=numpy.zeros_like(remuneration), where=remuneration > 0)
    ecart = numpy.maximum((p.multiple_smic * rapport - 1) / p.rgdu.diviseur, 0)
    brut = (p.rgdu.tmin + (maximum - p.rgdu.tmin) * ecart**p.rgdu.puissance) * b
    coefficient = numpy.minimum(arrondi_au_plus_proche(brut, p.decimales_coefficient), maximum * b)
    return numpy.where((remuneration > 0) & (remuneration < p.multiple_smic * smic), coefficient, 0)


def _coefficient_du_mois(individu, period, parameters, formule):
    p = parameters(period).reductions.reduction_generale
    t = individu("reduction_generale_t", period)
    b = individu("reduction_generale_facteur_b", period)
    smic = individu("smic_reduction_generale", period)
    return formule(p, t, b, smic, individu("assiette_cotisations_sociales", period))


def _rupture(individu, mois):
    """T ou b différent de celui du mois précédent : une nouvelle période de calcul commence (décret 2025-318)."""
    precedent = mois.offset(-1, "month")
    return (individu("reduction_generale_t", mois) != individu("reduction_generale_t", precedent)) | (
        individu("reduction_generale_facteur_b", mois) != individu("reduction_generale_facteur_b", precedent)
    )


def _cumul_de_la_periode(individu, period, nom, nom_du_cumul):
    """Cumul de `nom` depuis janvier, remis à zéro quand T ou b change."""

    def etape(mois, precedent):
        valeur = individu(nom, mois)
        if precedent is None:
            return 0 + valeur
        rupture = _rupture(individu, mois)
        if rupture.any():
            precedent = numpy.where(rupture, 0, precedent)
        return precedent + valeur

    return cumul_mois_par_mois(individu, period, nom_du_cumul, etape)


class smic_reduction_generale_cumule(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "SMIC de la réduction générale cumulé depuis janvier ou depuis le dernier changement de T ou b"
    reference = "CSS art. D241-7 II dernier alinéa ; décret n° 2025-318"

    def formula(individu, period):
        return _cumul_de_la_periode(individu, period, "smic_reduction_generale", "smic_reduction_generale_cumule")


class remuneration_reduction_generale_cumulee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Rémunération cumulée depuis janvier ou depuis le dernier changement de T ou b (réduction générale)"
    reference = "CSS art. D241-7 II dernier alinéa ; décret n° 2025-318"

    def formula(individu, period):
        return _cumul_de_la_periode(
            individu, period, "assiette_cotisations_sociales", "remuneration_reduction_generale_cumulee"
        )


class reduction_generale_periodes_closes(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réduction générale due sur les périodes de l'année closes par un changement de T ou b"
    reference = "CSS art. D241-7 II dernier alinéa ; décret n° 2025-318"

    def formula_2012_01_01(individu, period, parameters):
        return _periodes_closes(individu, period, parameters, _coefficient_d241_7)

    def formula_2026_01_01(individu, period, parameters):
        return _periodes_closes(individu, period, parameters, _coefficient_rgdu)


PERIODES_CLOSES = "reduction_generale_periodes_closes"


def _periodes_closes(individu, period, parameters, formule):
    return periodes_closes(individu, period, parameters, formule, PERIODES_CLOSES)


def periodes_closes(individu, period, parameters, formule, nom_du_cumul=None, nom_t="reduction_generale_t"):
    """Montant dû sur les périodes de l'année closes par un changement de T ou b, pour un coefficient `formule`.

    `nom_du_cumul` : variable qui garde ce montant mois par mois ; sans elle, recalculé depuis janvier.
    `nom_t` : variable de la valeur T de la formule (LODEOM : lodeom_t)."""

    def etape(mois, closes):
        if closes is None:
            return individu.filled_array(0.0)
        rupture = _rupture(individu, mois)
        if not rupture.any():
            return closes
        precedent = mois.offset(-1, "month")
        remuneration = individu("remuneration_reduction_generale_cumulee", precedent)
        coefficient = formule(
            parameters(mois).reductions.reduction_generale,
            individu(nom_t, precedent),
            individu("reduction_generale_facteur_b", precedent),
            individu("smic_reduction_generale_cumule", precedent),
            remuneration,
        )
        return closes + numpy.where(rupture, coefficient * remuneration, 0)

    return cumul_mois_par_mois(individu, period, nom_du_cumul, etape)


def cumul_par_periodes(
    individu, period, parameters, formule, nom_des_periodes_closes=None, nom_t="reduction_generale_t"
):
    """Réduction due de janvier au mois `period` et coefficient de la dernière période.

    L'année est découpée en périodes où T et b restent constants (par exemple T change le 1er mai 2025) : la
    réduction de chaque période est calculée sur ses propres SMIC et rémunération cumulés, puis additionnée
    (D241-7 II dernier alinéa ; décret 2025-318). Les cumuls sont ceux du mois précédent plus le mois.
    `nom_des_periodes_closes` et `nom_t` : voir `periodes_closes` (la réduction générale garde ses périodes closes,
    LODEOM les recalcule).
    """
    p = parameters(period).reductions.reduction_generale
    remuneration = individu("remuneration_reduction_generale_cumulee", period)
    coefficient = formule(
        p,
        individu(nom_t, period),
        individu("reduction_generale_facteur_b", period),
        individu("smic_reduction_generale_cumule", period),
        remuneration,
    )
    if nom_des_periodes_closes:
        closes = individu(nom_des_periodes_closes, period)
    else:
        closes = periodes_closes(individu, period, parameters, formule, nom_t=nom_t)
    return closes + coefficient * remuneration, coefficient


class reduction_generale_coefficient_mensuel(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Coefficient de la réduction générale calculé sur le seul mois (anticipation, D241-8)"
    reference = "CSS art. D241-7 et D241-8"

    def formula_2012_01_01(individu, period, parameters):
        return _coefficient_du_mois(individu, period, parameters, _coefficient_d241_7)

    def formula_2026_01_01(individu, period, parameters):
        return _coefficient_du_mois(individu, period, parameters, _coefficient_rgdu)


class reduction_generale_coefficient_cumule(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Coefficient de la réduction générale calculé sur le cumul depuis janvier (D241-9)"
    reference = "CSS art. D241-7 et D241-9"
    documentation = "Si T a changé en cours d'année, coefficient de la période commencée au changement."

    def formula_2012_01_01(individu, period, parameters):
        return cumul_par_periodes(individu, period, parameters, _coefficient_d241_7, PERIODES_CLOSES)[1]

    def formula_2026_01_01(individu, period, parameters):
        return cumul_par_periodes(individu, period, parameters, _coefficient_rgdu, PERIODES_CLOSES)[1]


class reduction_generale_anticipee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réduction générale appliquée par anticipation au mois (coefficient du mois × rémunération du mois)"
    reference = "CSS art. D241-8 ; D241-11"
    documentation = "Limitée, comme le montant annuel (D241-11), aux cotisations du champ et patronales du mois."

    def formula(individu, period):
        montant = individu("reduction_generale_coefficient_mensuel", period) * individu(
            "assiette_cotisations_sociales", period
        )
        return plafonner(individu, period, montant, period)


class cotisations_champ_reduction_generale(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations et contributions patronales entrant dans le champ de la réduction générale"
    reference = "CSS art. L241-13 I ; D241-11"

    def formula_2012_01_01(individu, period):
        return somme_des_lignes(individu, period, CHAMP_2012)

    def formula_2019_01_01(individu, period):
        return somme_des_lignes(individu, period, CHAMP_2019)

    def formula_2019_10_01(individu, period):
        return somme_des_lignes(individu, period, CHAMP_2019_10)

    def formula_2021_01_01(individu, period, parameters):
        # la cotisation AT/MP n'entre dans le champ que pour la part comprise dans T (L241-13 I, D241-7 I)
        part_at = parameters(period).reductions.reduction_generale.part_accident_travail
        accident = numpy.minimum(
            individu("accident_du_travail_employeur", period),
            part_at * individu("assiette_cotisations_sociales", period),
        )
        autres = somme_des_lignes(
            individu, period, [nom for nom in CHAMP_2019_10 if nom != "accident_du_travail_employeur"]
        )
        return autres + accident

    def formula_2026_01_01(individu, period):
        # part AT/MP comprise dans T non confirmée pour 2026 : la cotisation est comptée entière
        return somme_des_lignes(individu, period, CHAMP_2019_10)


CHAMP_2012 = (
    "maladie_employeur",
    "vieillesse_plafonnee_employeur",
    "vieillesse_deplafonnee_employeur",
    "allocations_familiales_employeur",
    "fnal_employeur",
    "contribution_solidarite_autonomie_employeur",
    "accident_du_travail_employeur",
)
# 2019 : extension aux cotisations de retraite complémentaire, puis le 1er octobre aux contributions d'assurance
# chômage (L241-13 I ; LFSS 2019 art. 8)
CHAMP_2019 = (*CHAMP_2012, "agirc_arrco_employeur", "contribution_equilibre_general_employeur")
CHAMP_2019_10 = (*CHAMP_2019, "chomage_employeur")


class reduction_generale_cumulee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réduction générale due pour la période de janvier au mois, après plafonnement (D241-9, D241-11)"
    reference = "CSS art. D241-7, D241-9 et D241-11"
    documentation = (
        "Coefficient du cumul × rémunération cumulée (par période de T constant), limité au cumul des cotisations "
        "du champ multiplié par le facteur b, et au cumul des cotisations patronales dues pour le salarié."
    )

    def formula_2012_01_01(individu, period, parameters):
        montant = cumul_par_periodes(individu, period, parameters, _coefficient_d241_7, PERIODES_CLOSES)[0]
        return plafonner(individu, period, montant)

    def formula_2026_01_01(individu, period, parameters):
        montant = cumul_par_periodes(individu, period, parameters, _coefficient_rgdu, PERIODES_CLOSES)[0]
        return plafonner(individu, period, montant)


class cotisations_champ_reduction_generale_cumulees(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations patronales du champ de la réduction générale cumulées depuis janvier"
    reference = "CSS art. D241-11"

    def formula(individu, period):
        return cumul_depuis_janvier(
            individu, period, "cotisations_champ_reduction_generale", "cotisations_champ_reduction_generale_cumulees"
        )


class cotisations_employeur_cumulees(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Cotisations patronales dues pour le salarié cumulées depuis janvier"
    reference = "CSS art. D241-11"

    def formula(individu, period):
        return cumul_depuis_janvier(individu, period, "cotisations_employeur", "cotisations_employeur_cumulees")


def plafonner(individu, period, montant, cumul=None, facteur_b=True):
    """D241-11 : au plus b × cotisations du champ, et au plus les cotisations patronales dues, sur le cumul depuis
    janvier (`cumul` None : cumuls gardés mois par mois) ou sur la période `cumul` (le seul mois pour le montant
    anticipé). Sans facteur b (LODEOM) : b = 1."""
    if cumul is None:
        champ = individu("cotisations_champ_reduction_generale_cumulees", period)
        patronales = individu("cotisations_employeur_cumulees", period)
    else:
        champ = individu("cotisations_champ_reduction_generale", cumul, options=[ADD])
        patronales = individu("cotisations_employeur", cumul, options=[ADD])
    b = individu("reduction_generale_facteur_b", period) if facteur_b else 1
    return numpy.minimum(montant, numpy.minimum(b * champ, patronales))


class mois_de_regularisation(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Dernier mois de l'année ou du contrat : mois de la régularisation annuelle"
    reference = "CSS art. D241-9 al. 1"

    def formula(individu, period):
        fin = individu("date_fin_contrat", period).astype("datetime64[D]")
        fin_dans_le_mois = (fin >= numpy.datetime64(period.start.date)) & (fin <= numpy.datetime64(period.stop.date))
        return fin_dans_le_mois | (period.start.month == 12)


class reduction_generale(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Réduction générale imputée sur les cotisations du mois, régularisation comprise"
    reference = "CSS art. L241-13 ; D241-7 à D241-11"
    documentation = (
        "Régularisation annuelle : montant anticipé du mois, et au dernier mois de l'année ou du contrat, réduction "
        "due sur la période moins les montants imputés les mois précédents. Régularisation progressive : réduction "
        "due sur le cumul à fin de mois moins celle due à fin du mois précédent. Les deux modes donnent le même total "
        "annuel."
    )

    def formula(individu, period):
        montant = montant_avec_regularisation(
            individu,
            period,
            "reduction_generale_anticipee",
            "reduction_generale_cumulee",
            "reduction_generale_imputee_cumulee",
        )
        # hors champ (particulier employeur, L241-13 II) ; non cumulable avec une autre exonération (L241-13)
        dans_le_champ = individu.etablissement("employeur_champ_allegements_generaux", period)
        return numpy.where(dans_le_champ & ~individu("reduction_generale_exclue", period), montant, 0)


def montant_avec_regularisation(individu, period, anticipee_nom, cumulee_nom, imputee_nom=None):
    """Montant imputé sur le mois d'un allègement calculé sur l'année (D241-9, repris pour LODEOM par D752-7).

    Régularisation annuelle : montant anticipé du mois (`anticipee_nom`), et au dernier mois de l'année ou du
    contrat, montant dû sur la période (`cumulee_nom`) moins les montants imputés les mois précédents (gardés mois
    par mois dans `imputee_nom`, sinon recalculés depuis janvier). Régularisation progressive : montant dû sur le
    cumul à fin de mois moins celui dû à fin du mois précédent.
    """
    anticipee = individu(anticipee_nom, period)
    progressive = (
        individu.etablissement("mode_regularisation_reduction_generale", period) == ModeRegularisation.progressive
    )
    regularisation = individu("mois_de_regularisation", period)
    if not (progressive | regularisation).any():  # seul le montant anticipé du mois est dû
        return anticipee
    cumulee = individu(cumulee_nom, period)
    if period.start.month == 1:
        precedente = appliquee_avant = 0
    else:
        mois_precedent = period.offset(-1, "month")
        precedente = individu(cumulee_nom, mois_precedent)
        if imputee_nom:
            appliquee_avant = individu(imputee_nom, mois_precedent)
        else:
            appliquee_avant = imputee_jusqu_au_mois(individu, mois_precedent, anticipee_nom, cumulee_nom)
    anticipee = numpy.where(regularisation, cumulee - appliquee_avant, anticipee)
    return numpy.where(progressive, cumulee - precedente, anticipee)


def imputee_jusqu_au_mois(individu, period, anticipee_nom, cumulee_nom, nom_du_cumul=None):
    """Régularisation annuelle : montants imputés de janvier au mois. Après une régularisation (fin de contrat), le
    total imputé est le montant dû à cette date ; ensuite s'ajoutent les montants anticipés."""

    def etape(mois, imputee):
        anticipee = individu(anticipee_nom, mois)
        total = anticipee if imputee is None else imputee + anticipee
        regularisation = individu("mois_de_regularisation", mois)
        if regularisation.any():
            return numpy.where(regularisation, individu(cumulee_nom, mois), total)
        return total

    return cumul_mois_par_mois(individu, period, nom_du_cumul, etape)


class reduction_generale_imputee_cumulee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Régularisation annuelle : réduction générale imputée de janvier au mois"
    reference = "CSS art. D241-8 et D241-9"
    documentation = (
        "Après une régularisation (fin de contrat), le total imputé est la réduction due à cette date ; ensuite "
        "s'ajoutent les montants anticipés. Cumul du mois précédent plus le mois."
    )

    def formula(individu, period):
        return imputee_jusqu_au_mois(
            individu,
            period,
            "reduction_generale_anticipee",
            "reduction_generale_cumulee",
            "reduction_generale_imputee_cumulee",
        )


class reduction_generale_coefficient(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Coefficient de la réduction générale appliqué ce mois (mensuel, ou sur le cumul en cas de régularisation)"
    reference = "CSS art. D241-7 à D241-9"

    def formula(individu, period):
        sur_le_cumul = individu("mois_de_regularisation", period) | (
            individu.etablissement("mode_regularisation_reduction_generale", period) == ModeRegularisation.progressive
        )
        return numpy.where(
            sur_le_cumul,
            individu("reduction_generale_coefficient_cumule", period),
            individu("reduction_generale_coefficient_mensuel", period),
        )


class reduction_generale_annuelle(Variable):
    value_type = float
    entity = individu
    definition_period = YEAR
    unit = "currency-EUR"
    label = "Réduction générale due pour l'année (coefficient annuel × rémunération annuelle, plafonnée)"
    reference = "CSS art. D241-7 et D241-11"

    def formula(individu, period):
        decembre = period.first_month.offset(11, "month")
        return individu("reduction_generale_cumulee", decembre)


class reduction_generale_retraite_complementaire(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de la réduction générale imputée sur les cotisations AGIRC-ARRCO"
    reference = "CSS art. D241-7 V ; L241-13 VIII"
    documentation = "Réduction × (taux AGIRC-ARRCO et CEG employeur de tranche 1 compris dans T) / T."

    # réduction étendue à l'AGIRC-ARRCO au 01/01/2019 (L241-13 VIII)
    formula_2012_01_01 = neant

    def formula_2019_01_01(individu, period, parameters):
        rc = parameters(period).cotisations.retraite_complementaire
        part = rc.agirc_arrco.tranche_1.employeur + rc.contribution_equilibre_general.tranche_1.employeur
        return individu("reduction_generale", period) * part / individu("reduction_generale_t", period)


class reduction_generale_urssaf(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Part de la réduction générale imputée sur les cotisations recouvrées par l'URSSAF"
    reference = "CSS art. D241-7 V"

    def formula(individu, period):
        return individu("reduction_generale", period) - individu("reduction_generale_retraite_complementaire", period)

"""Exonération LODEOM en Guadeloupe, Guyane, Martinique et à La Réunion (CSS art. L752-3-2 ; D752-7).

Depuis 2019 (LFSS 2019, art. 8), l'exonération porte sur les cotisations et contributions du champ de la réduction
générale (L241-13 I) ; elle se calcule, comme elle, sur la rémunération annuelle et le SMIC calculé pour un an, par
anticipation chaque mois puis régularisée (annuelle ou progressive) : ce module reprend le cumul par périodes, le
plafonnement et la régularisation de la réduction générale. Coefficient selon le barème de l'établissement :

- R < seuil d'exonération totale : T ;
- innovation et croissance, entre ce seuil et le début de la dégressivité : montant = T × seuil × SMIC annuel ;
- du début de la dégressivité à la sortie : seuil × T / (sortie − début) × (sortie × SMIC / R − 1), arrondi à
  4 décimales ; nul à partir de la sortie.

T (`lodeom_t`) : de 2019 à 2025, la valeur maximale du coefficient de la réduction générale (L241-13 III,
D241-7 I) ; depuis 2026, la somme des taux des cotisations et contributions exonérées à la charge de l'employeur
(D752-7 III, décret 2025-887), que le texte ne chiffre pas : une entrée de l'établissement (`lodeom_valeur_t`).
Seuils de 2026 inchangés (L752-3-2 dans la rédaction de la loi 2025-1403, art. 40). Non cumulable avec la réduction
générale (L752-3-2). Non modélisé : les barèmes mensuels d'avant 2019 (formules des décrets 2009-1743, 2014-645 et
2016-566), Saint-Barthélemy et Saint-Martin (L752-3-3), Mayotte (L752-3-2 étendu au 01/07/2026 par la loi 2025-1403,
art. 23), la condition de chiffre d'affaires (moins de 50 M€, à l'appréciation de l'utilisateur qui choisit le
barème).
"""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import (
    MONTH,
    Variable,
    arrondi_au_plus_proche,
    effectif_employeur,
    set_input_dispatch_by_period,
)
from openfisca_secu.entities import etablissement, individu
from openfisca_secu.enumerations import BaremeLodeom
from openfisca_secu.validation import EntreeInvalide
from openfisca_secu.variables.reductions.reduction_generale import (
    cumul_par_periodes,
    montant_avec_regularisation,
    plafonner,
)

BAREMES = (
    BaremeLodeom.competitivite,
    BaremeLodeom.competitivite_renforcee,
    BaremeLodeom.innovation_croissance,
)


class bareme_lodeom(Variable):
    value_type = Enum
    possible_values = BaremeLodeom
    default_value = BaremeLodeom.aucun
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Barème de l'exonération LODEOM dont relève l'établissement (Guadeloupe, Guyane, Martinique, Réunion)"
    reference = "CSS art. L752-3-2 II et III ; D752-7"
    documentation = (
        "Choisi par l'employeur selon son secteur (L752-3-2 II et III) ; le modèle vérifie les conditions d'effectif. "
        "Compétitivité renforcée et innovation : chiffre d'affaires annuel inférieur à 50 M€, non vérifié ici."
    )


class employeur_lodeom_sans_condition_effectif(Variable):
    value_type = bool
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Employeur relevant du barème de compétitivité quel que soit son effectif (transports, secteurs éligibles)"
    reference = "CSS art. L752-3-2 II 2° à 4°"


class salarie_lodeom_projets_innovants(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Salarié principalement employé à la réalisation de projets innovants (barème innovation et croissance)"
    reference = "CSS art. L752-3-2 III C"
    documentation = (
        "Faux par défaut : les fonctions support (administratives, financières, logistiques, RH) n'y ouvrent pas droit."
    )


def _avant_2019(individu, period):
    """Formule de 2012 à 2018 : barèmes mensuels d'avant 2019 non modélisés, refusés pour un établissement concerné."""
    _refuser(individu, period, "les barèmes mensuels d'avant 2019 ne sont pas modélisés")
    return individu.filled_array(0)


class lodeom_valeur_t(Variable):
    value_type = float
    entity = etablissement
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Valeur T de l'exonération LODEOM depuis 2026 : somme des taux exonérés à la charge de l'employeur"
    reference = "CSS art. D752-7 III (décret n° 2025-887) ; L752-3-2 I"
    documentation = (
        "Depuis 2026, T est « la somme des cotisations et contributions mentionnées au I de l'article L. 752-3-2, à la "
        "charge de l'employeur » : le texte n'en donne pas la valeur et la part AT/MP à y retenir n'est pas confirmée "
        "par les sources du modèle. À saisir (fraction : 0,32 pour 32 %) dès qu'un barème LODEOM est choisi en 2026."
    )


class lodeom_t(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "/1"
    label = "Valeur maximale T du coefficient de l'exonération LODEOM"
    reference = "CSS art. D752-7 III"

    formula_2012_01_01 = _avant_2019

    def formula_2019_01_01(individu, period):
        # de 2019 à 2025 : T de la réduction générale (D241-7 I)
        return individu("reduction_generale_t", period)

    def formula_2026_01_01(individu, period):
        t = individu.etablissement("lodeom_valeur_t", period)
        manquant = individu("lodeom_eligible", period) & ~((t > 0) & (t < 1))
        if manquant.any():
            rang = int(numpy.flatnonzero(manquant)[0])
            raise EntreeInvalide(
                ["etablissements", "*", "lodeom_valeur_t", str(period)],
                f"lodeom_valeur_t absent ou hors de ]0 ; 1[ pour le salarié n° {rang} en {period} : depuis 2026, T est "
                "la somme des taux des cotisations et contributions exonérées à la charge de l'employeur (CSS art. "
                "D752-7 III, décret n° 2025-887), que le modèle ne chiffre pas ; saisissez-la (par exemple 0.32 pour "
                "32 %).",
            )
        return t


class lodeom_eligible(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Salarié ouvrant droit à l'exonération LODEOM (barème de l'établissement et conditions d'effectif remplies)"
    reference = "CSS art. L752-3-2 II et III ; R130-1"

    formula_2012_01_01 = _avant_2019

    def formula_2019_01_01(individu, period, parameters):
        p = parameters(period).reductions.lodeom
        bareme = individu.etablissement("bareme_lodeom", period)
        if not (bareme != BaremeLodeom.aucun).any():
            return individu.filled_array(False)
        effectif = effectif_employeur(individu, period)
        sans_condition = individu.etablissement("employeur_lodeom_sans_condition_effectif", period)
        competitivite = (effectif < p.effectif_competitivite) | sans_condition
        renforce = effectif < p.effectif_renforce
        innovant = individu("salarie_lodeom_projets_innovants", period)
        return (
            ((bareme == BaremeLodeom.competitivite) & competitivite)
            | ((bareme == BaremeLodeom.competitivite_renforcee) & renforce)
            | ((bareme == BaremeLodeom.innovation_croissance) & renforce & innovant)
        )


def _seuils(individu, period, parameters):
    """Seuils (exonération totale, début de la dégressivité, sortie) du barème de chaque salarié, en SMIC."""
    p = parameters(period).reductions.lodeom
    bareme = individu.etablissement("bareme_lodeom", period)
    conditions = [bareme == nom for nom in BAREMES]
    noeuds = [p[nom.name] for nom in BAREMES]
    return tuple(
        numpy.select(conditions, [noeud[seuil] for noeud in noeuds], 0)
        for seuil in ("seuil_exoneration_totale", "seuil_degressivite", "seuil_sortie")
    )


def _formule(totale, degressivite, sortie):
    """Coefficient D752-7 II pour des seuils donnés (signature des coefficients de la réduction générale ; le facteur
    b de la réduction générale ne s'applique pas)."""

    def coefficient(p, t, b, smic, remuneration):
        rapport = numpy.divide(smic, remuneration, out=numpy.zeros_like(remuneration), where=remuneration > 0)
        ecart = numpy.where(sortie > degressivite, sortie - degressivite, 1)
        degressif = arrondi_au_plus_proche(totale * t / ecart * (sortie * rapport - 1), p.decimales_coefficient)
        return numpy.select(
            [remuneration < totale * smic, remuneration < degressivite * smic, remuneration < sortie * smic],
            [t, totale * t * rapport, numpy.clip(degressif, 0, t)],
            0,
        )

    return coefficient


def _pour_les_eligibles(individu, period, montant):
    """`montant()` pour les salariés éligibles à la LODEOM, 0 pour les autres ; sans calcul si personne ne l'est."""
    eligible = individu("lodeom_eligible", period)
    if not eligible.any():
        return individu.filled_array(0.0)
    return eligible * montant()


class exoneration_lodeom_anticipee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération LODEOM appliquée par anticipation au mois (coefficient du mois × rémunération du mois)"
    reference = "CSS art. D752-7 ; D241-8 et D241-11"

    formula_2012_01_01 = _avant_2019

    def formula_2019_01_01(individu, period, parameters):
        def montant():
            rgp = parameters(period).reductions.reduction_generale
            formule = _formule(*_seuils(individu, period, parameters))
            remuneration = individu("assiette_cotisations_sociales", period)
            t = individu("lodeom_t", period)
            coefficient = formule(rgp, t, 1, individu("smic_reduction_generale", period), remuneration)
            return plafonner(individu, period, coefficient * remuneration, period, facteur_b=False)

        return _pour_les_eligibles(individu, period, montant)


class exoneration_lodeom_cumulee(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération LODEOM due pour la période de janvier au mois, après plafonnement"
    reference = "CSS art. D752-7 ; D241-9 et D241-11"

    formula_2012_01_01 = _avant_2019

    def formula_2019_01_01(individu, period, parameters):
        def montant():
            formule = _formule(*_seuils(individu, period, parameters))
            du = cumul_par_periodes(individu, period, parameters, formule, nom_t="lodeom_t")[0]
            return plafonner(individu, period, du, facteur_b=False)

        return _pour_les_eligibles(individu, period, montant)


class exoneration_lodeom(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Exonération LODEOM imputée sur les cotisations du mois, régularisation comprise"
    reference = "CSS art. L752-3-2 ; D752-7"
    documentation = "Même régularisation que la réduction générale (mode_regularisation_reduction_generale)."

    formula_2012_01_01 = _avant_2019

    def formula_2019_01_01(individu, period):
        if not individu("lodeom_eligible", period).any():
            return individu.filled_array(0.0)
        return montant_avec_regularisation(
            individu, period, "exoneration_lodeom_anticipee", "exoneration_lodeom_cumulee"
        )


def _refuser(individu, period, raison):
    concerne = individu.etablissement("bareme_lodeom", period) != BaremeLodeom.aucun
    if concerne.any():
        rang = int(numpy.flatnonzero(concerne)[0])
        raise EntreeInvalide(
            ["etablissements", "*", "bareme_lodeom", str(period)],
            f"bareme_lodeom renseigné pour le salarié n° {rang} en {period} : exonération LODEOM non calculée, "
            f"{raison} (CSS art. L752-3-2).",
        )

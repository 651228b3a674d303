"""Salaire net imposable du mois (CGI art. 79, 81 quater, 83) : la base du prélèvement à la source."""

import numpy

from openfisca_secu.base import MONTH, Variable, set_input_divide_by_period
from openfisca_secu.entities import individu
from openfisca_secu.validation import EntreeInvalide


class remuneration_heures_supplementaires_exoneree_impot(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    set_input = set_input_divide_by_period
    default_value = -1
    unit = "currency-EUR"
    label = "Rémunération nette des heures supplémentaires exonérée d'impôt sur le revenu (-1 : non renseignée)"
    reference = "CGI art. 81 quater"
    documentation = (
        "Montant net imposable exonéré du mois, dans la limite annuelle de l'article (5 000 €, 7 500 € depuis 2022), "
        "calculée par la paie sur l'année. À donner quand des heures supplémentaires sont payées un mois où "
        "l'exonération s'applique (janvier-juillet 2012, depuis 2019)."
    )


class salaire_imposable(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Salaire net imposable"
    reference = "CGI art. 79, 81 quater et 83 1°, 1° quater et 2° ; CGI art. 154 quinquies"
    documentation = (
        "Brut, plus les contributions de l'employeur à la prévoyance, aux frais de santé et à la retraite "
        "supplémentaire, moins les cotisations salariales (nettes de la réduction des heures supplémentaires), la "
        "CSG déductible, les cotisations de prévoyance et de santé dans la limite de 83 1° quater (5 % du plafond "
        "+ 2 % du brut, au plus 16 % du plafond : la part patronale santé n'y entre plus depuis 2013, elle est "
        "imposable) et la retraite supplémentaire dans la limite de 83 2° (8 % du brut retenu jusqu'à 8 plafonds), "
        "moins les heures supplémentaires exonérées. Limites appliquées au mois avec le plafond mensuel."
    )

    def formula(individu, period, parameters):
        p = parameters(period).impot_revenu
        pmss = parameters(period).plafond_securite_sociale.mensuel
        brut = individu("remuneration_brute", period)
        prevoyance_employeur = individu("prevoyance_employeur", period)
        sante_employeur = individu("complementaire_sante_employeur", period)
        retraite_employeur = individu("contribution_employeur_retraite_supplementaire", period)
        # CGI 83 1° quater : cotisations de prévoyance et de santé déductibles dans une limite.
        deductibles = (
            individu("prevoyance_salarie", period)
            + individu("complementaire_sante_salarie", period)
            + prevoyance_employeur
            + (1 - p.complementaire_sante_employeur_imposable) * sante_employeur
        )
        d = p.prevoyance_deductible
        limite = numpy.minimum(d.part_plafond * pmss + d.part_remuneration * brut, d.limite_pss * pmss)
        # CGI 83 2° : contributions de retraite supplémentaire dans la limite de 8 % du brut retenu jusqu'à 8 plafonds.
        r = p.retraite_supplementaire_deductible
        retraite_imposable = numpy.maximum(
            retraite_employeur - r.part_remuneration * numpy.minimum(brut, r.plafond_remuneration_pss * pmss), 0
        )
        return (
            brut
            + prevoyance_employeur
            + sante_employeur
            + retraite_imposable
            - numpy.minimum(deductibles, limite)
            - individu("cotisations_salariales", period)
            + individu("reductions_salariales", period)
            - individu("csg_deductible_salarie", period)
            - _heures_supplementaires_exonerees(individu, period, p.exoneration_heures_supplementaires)
        )


def _heures_supplementaires_exonerees(individu, period, exoneration):
    """Montant exonéré donné en entrée (CGI 81 quater) ; erreur s'il manque alors que des heures sont payées."""
    if not exoneration:
        return 0
    exonere = individu("remuneration_heures_supplementaires_exoneree_impot", period)
    heures = individu("remuneration_heures_supplementaires", period)
    manquant = (exonere < 0) & (heures > 0)
    trop = exonere > heures
    for fautif, message in (
        (
            manquant,
            "remuneration_heures_supplementaires_exoneree_impot manquant pour {period} : le salarié n° {rang} a des "
            "heures supplémentaires exonérées d'impôt (CGI art. 81 quater) ; donnez le montant net exonéré du mois, "
            "calculé dans la limite annuelle.",
        ),
        (
            trop,
            "remuneration_heures_supplementaires_exoneree_impot : le montant exonéré du salarié n° {rang} pour "
            "{period} dépasse la rémunération de ses heures supplémentaires.",
        ),
    ):
        if fautif.any():
            rang = int(numpy.flatnonzero(fautif)[0])
            raise EntreeInvalide(
                ["individus", rang, "remuneration_heures_supplementaires_exoneree_impot", str(period)],
                message.format(period=period, rang=rang),
            )
    return numpy.maximum(exonere, 0)

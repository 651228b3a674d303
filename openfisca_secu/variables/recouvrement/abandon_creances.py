"""Montants en deçà desquels les organismes abandonnent le recouvrement, acquièrent les trop-perçus, abandonnent les
indus ou diffèrent les rappels de prestations (CSS art. D133-1, L133-3) ; solde débiteur des indépendants sans mise
en demeure (RSI, 2012)."""

from datetime import date

from openfisca_secu.base import MONTH, Variable
from openfisca_secu.briques_revenus import (
    ajouter_mois,
    arrondi_superieur,
    date_de_fin,
    date_non_renseignee,
    exiger_positif,
    refuser_si,
)
from openfisca_secu.entities import individu


class seuil_abandon_creances_cotisations(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant en deçà duquel le recouvrement des cotisations est abandonné : 1,27 % du PMSS, à l'euro supérieur"
    reference = "CSS art. D133-1 al. 1 et 2 ; L133-3"

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).recouvrement.abandon_creances
        pmss = parameters(period).plafond_securite_sociale.mensuel
        return individu.filled_array(arrondi_superieur(p.fraction_pmss_cotisations * pmss, 0))


class seuil_abandon_indus_prestations(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant en deçà duquel un indu est abandonné ou un rappel différé : 0,68 % du PMSS, à l'euro supérieur"
    reference = "CSS art. D133-1 al. 4 et 5 ; L133-3"

    def formula_2012_01_01(individu, period, parameters):
        p = parameters(period).recouvrement.abandon_creances
        pmss = parameters(period).plafond_securite_sociale.mensuel
        return individu.filled_array(arrondi_superieur(p.fraction_pmss_prestations * pmss, 0))


class creance_cotisations(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Créance de cotisations d'un organisme de recouvrement sur le cotisant"
    reference = "CSS art. L133-3 ; D133-1 al. 1"


class recouvrement_cotisations_abandonne(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Recouvrement de la créance de cotisations abandonné (créance en deçà du seuil : <)"
    reference = "CSS art. D133-1 al. 1"

    def formula_2012_01_01(individu, period):
        creance = exiger_positif(individu("creance_cotisations", period), "creance_cotisations", period)
        return (creance > 0) & (creance < individu("seuil_abandon_creances_cotisations", period))


class trop_percu_cotisations(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Trop-perçu de cotisations, majorations ou pénalités de retard détenu par le cotisant sur l'organisme"
    reference = "CSS art. L133-3 ; D133-1 al. 2"


class date_paiement_trop_percu(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = MONTH
    label = "Date à laquelle les cotisations, majorations ou pénalités trop versées ont été acquittées"
    reference = "CSS art. D133-1 al. 2"


class date_acquisition_trop_percu(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = individu
    definition_period = MONTH
    label = "Date à partir de laquelle un petit trop-perçu peut être définitivement acquis (paiement + 12 mois)"
    reference = "CSS art. D133-1 al. 2"

    def formula_2012_01_01(individu, period, parameters):
        delai = parameters(period).recouvrement.abandon_creances.delai_acquisition_trop_percu
        paiement = individu("date_paiement_trop_percu", period)
        refuser_si(
            (individu("trop_percu_cotisations", period) > 0)
            & date_non_renseignee(individu, "date_paiement_trop_percu", paiement),
            lambda rang: f"date_paiement_trop_percu manquante pour l'individu n° {rang} en {period}.",
        )
        return ajouter_mois(paiement, individu.filled_array(delai))


class trop_percu_cotisations_acquis(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = (
        "Trop-perçu de cotisations définitivement acquis à l'organisme dans le mois (en deçà du seuil, délai expiré)"
    )
    reference = "CSS art. D133-1 al. 2"

    def formula_2012_01_01(individu, period):
        trop_percu = exiger_positif(individu("trop_percu_cotisations", period), "trop_percu_cotisations", period)
        sous_seuil = (trop_percu > 0) & (trop_percu < individu("seuil_abandon_creances_cotisations", period))
        return sous_seuil & (individu("date_acquisition_trop_percu", period) <= date_de_fin(period))


class indu_prestations(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Indu de prestations de sécurité sociale versé à l'assuré"
    reference = "CSS art. L133-3 ; D133-1 al. 4"


class recouvrement_indu_abandonne(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Recouvrement de l'indu de prestations abandonné (indu en deçà du seuil : <)"
    reference = "CSS art. D133-1 al. 4"

    def formula_2012_01_01(individu, period):
        indu = exiger_positif(individu("indu_prestations", period), "indu_prestations", period)
        return (indu > 0) & (indu < individu("seuil_abandon_indus_prestations", period))


class rappel_prestations(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Rappel de prestations dû à l'assuré (insuffisance ou non-versement)"
    reference = "CSS art. L133-3 ; D133-1 al. 5"


class paiement_rappel_differe(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Paiement du rappel de prestations différé, au plus tard à la fin de l'exercice (rappel en deçà du seuil)"
    reference = "CSS art. D133-1 al. 5"

    def formula_2012_01_01(individu, period):
        rappel = exiger_positif(individu("rappel_prestations", period), "rappel_prestations", period)
        return (rappel > 0) & (rappel < individu("seuil_abandon_indus_prestations", period))


class solde_debiteur_independant(Variable):
    value_type = float
    entity = individu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Solde débiteur du compte cotisant d'un artisan, industriel ou commerçant auprès de son organisme"
    reference = "CSS art. D133-x (RSI, texte à jour au 04/02/2012)"


class mise_en_demeure_facultative_independant(Variable):
    value_type = bool
    entity = individu
    definition_period = MONTH
    label = "Solde débiteur n'excédant pas le seuil de D133-1 al. 1 : pas de mise en demeure obligatoire (≤)"
    reference = "CSS art. D133-x (RSI, texte à jour au 04/02/2012) ; D133-1 al. 1"
    documentation = (
        "Ce texte dit « inférieur ou égal » quand D133-1 dit « en deçà » (RULES.md Z-12) : chacun est suivi."
    )

    def formula_2012_01_01(individu, period):
        solde = exiger_positif(individu("solde_debiteur_independant", period), "solde_debiteur_independant", period)
        return (solde > 0) & (solde <= individu("seuil_abandon_creances_cotisations", period))

"""Montant des créances au-delà duquel le privilège des organismes doit être inscrit (CSS art. D243-x, L243-5) :
10 000 € (dettes personnelles des indépendants), 15 000 € (employeurs de moins de 50 salariés), 20 000 € (autres)."""

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.base import MONTH, Variable, set_input_dispatch_by_period
from openfisca_secu.briques_revenus import exiger_positif, loi_non_connue, refuser_si
from openfisca_secu.entities import entreprise
from openfisca_secu.enumerations_revenus import NatureCreancePrivilege


class nature_creance_privilege(Variable):
    value_type = Enum
    possible_values = NatureCreancePrivilege
    default_value = NatureCreancePrivilege.creance_employeur
    entity = entreprise
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nature de la créance de l'organisme de recouvrement (employeur ou dette personnelle d'un indépendant)"
    reference = "CSS art. D243-x a) à c) ; L243-5"


class creance_privilegiee(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant des créances privilégiées de l'organisme sur le débiteur"
    reference = "CSS art. L243-5"


class seuil_inscription_privilege(Variable):
    value_type = float
    entity = entreprise
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Montant au-delà duquel le privilège doit être inscrit, selon le débiteur et l'effectif au 31 décembre"
    reference = "CSS art. D243-x ; L243-5"
    documentation = (
        "Effectif calculé au 31 décembre de chaque année : le modèle prend l'effectif de décembre de l'année "
        "précédente (effectif_entreprise), obligatoire pour une créance d'employeur."
    )

    # L243-5 et ses seuils avant 2024
    formula_2012_01_01 = loi_non_connue(
        "seuil_inscription_privilege", "seuils d'inscription du privilège antérieurs à 2024 non encodés"
    )

    def formula_2024_01_01(entreprise, period, parameters):
        p = parameters(period).recouvrement.privilege
        independant = (
            entreprise("nature_creance_privilege", period) == NatureCreancePrivilege.creance_personnelle_independant
        )
        # last_month d'une année : le mois qui la précède, décembre de l'année précédente
        effectif = entreprise("effectif_entreprise", period.this_year.last_month)
        refuser_si(
            ~independant & (effectif < 0),
            lambda rang: (
                f"effectif_entreprise manquant pour décembre {period.start.year - 1} (entreprise n° {rang}) : le "
                "seuil d'inscription du privilège en dépend (effectif au 31 décembre)."
            ),
        )
        seuil_employeur = numpy.where(
            effectif < p.effectif_employeurs, p.seuil_employeurs_petits, p.seuil_autres_creances
        )
        return numpy.where(independant, p.seuil_travailleurs_independants, seuil_employeur)


class inscription_privilege_obligatoire(Variable):
    value_type = bool
    entity = entreprise
    definition_period = MONTH
    label = "Créances dépassant le seuil d'inscription du privilège (>)"
    reference = "CSS art. L243-5 al. 1 ; D243-x"

    # L243-5 et ses seuils avant 2024
    formula_2012_01_01 = loi_non_connue(
        "inscription_privilege_obligatoire",
        "seuils d'inscription du privilège antérieurs à 2024 non encodés",
        ("creance_privilegiee",),
    )

    def formula_2024_01_01(entreprise, period):
        creance = exiger_positif(entreprise("creance_privilegiee", period), "creance_privilegiee", period)
        return creance > entreprise("seuil_inscription_privilege", period)

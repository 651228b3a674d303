"""Réforme paramétrique : suppression des taux réduits de cotisation maladie (L241-2-1) et d'allocations
familiales (L241-6-1) ; tous les employeurs paient 13 % et 5,25 %. Le paramètre T de la réduction générale n'est
pas modifié (il comprend les taux réduits) : la réforme augmente donc aussi le coût du travail au SMIC."""

from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

TAUX_PLEIN_MALADIE = 0.13  # CSS art. D242-3
TAUX_PLEIN_ALLOCATIONS_FAMILIALES = 0.0525  # CSS art. D241-3-1


def supprimer_les_taux_reduits(parametres):
    cotisations = parametres.cotisations
    cotisations.maladie.employeur.taux_reduit.update(start=instant("2019-01-01"), value=TAUX_PLEIN_MALADIE)
    cotisations.allocations_familiales.taux_reduit.update(
        start=instant("2015-01-01"), value=TAUX_PLEIN_ALLOCATIONS_FAMILIALES
    )
    return parametres


class suppression_taux_reduits(Reform):
    name = "Suppression des taux réduits de cotisation maladie et d'allocations familiales"

    def apply(self):
        self.modify_parameters(modifier_function=supprimer_les_taux_reduits)

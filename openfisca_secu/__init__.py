"""openfisca-secu : les cotisations et contributions sociales du code de la sécurité sociale."""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_secu.entities import entities
from openfisca_secu.validation import valider_les_entrees

_ICI = Path(__file__).parent
# Installé : openfisca_secu/parameters ; dépôt source : ../parameters.
PARAMETRES = next(p for p in (_ICI / "parameters", _ICI.parent / "parameters") if (p / "index.yaml").exists())


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Législation des cotisations sociales de 2012 à 2026, datée paramètre par paramètre."""

    def __init__(self):
        super().__init__(entities)
        self.add_variables_from_directory(str(_ICI / "variables"))
        self.load_parameters(str(PARAMETRES))
        valider_les_entrees(self)

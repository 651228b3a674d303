"""Réforme paramétrique : la réduction générale recentrée, point de sortie abaissé à 1,5 SMIC (2,5 SMIC pour la
réduction dégressive unique de 2026), coefficient toujours égal à T au SMIC."""

from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

POINT_DE_SORTIE = 1.5  # SMIC, jusqu'en 2025
POINT_DE_SORTIE_2026 = 2.5  # SMIC, réduction générale dégressive unique


def recentrer(parametres):
    rg = parametres.reductions.reduction_generale
    rg.multiple_smic.update(start=instant("2012-01-01"), stop=instant("2025-12-31"), value=POINT_DE_SORTIE)
    rg.multiple_smic.update(start=instant("2026-01-01"), value=POINT_DE_SORTIE_2026)
    # (T / diviseur) × (point de sortie × SMIC / R − 1) vaut T au SMIC : diviseur = point de sortie − 1
    rg.diviseur.update(start=instant("2012-01-01"), stop=instant("2025-12-31"), value=POINT_DE_SORTIE - 1)
    # 2026 : (1/2) × (3 × SMIC / R − 1) vaut 1 au SMIC ; avec 2,5 SMIC le diviseur devient 1,5
    rg.rgdu.diviseur.update(start=instant("2026-01-01"), value=POINT_DE_SORTIE_2026 - 1)
    return parametres


class reduction_generale_recentree(Reform):
    name = "Réduction générale recentrée : point de sortie à 1,5 SMIC (2,5 SMIC en 2026)"

    def apply(self):
        self.modify_parameters(modifier_function=recentrer)

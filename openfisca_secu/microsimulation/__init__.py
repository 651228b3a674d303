"""Microsimulation d'une population de salariés : législation et réforme, par paquets, sur un poste ou un cluster.

from openfisca_secu.microsimulation import simuler
resultat = simuler("population.parquet", periode="2024", reforme="reduction_generale_recentree", sortie="out")
print(resultat.rapport_markdown)
"""

from openfisca_secu.microsimulation.execution import Resultat, simuler

__all__ = ["Resultat", "simuler"]

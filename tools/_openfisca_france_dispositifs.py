#!/usr/bin/env python3
"""openfisca-france side of tools/cross_check_dispositifs.py (run with the oracle venv, never the project one).

Reads on stdin ``{"cases": [{"id", "period", "individu": {var: value}, "famille_like": ...}], "variables": [...]}``:
each case is one person with openfisca-france inputs given for the month (or ETERNITY for dates); writes
``{id: {variable: value or "erreur : ..."}}`` on stdout.
"""

import json
import sys

from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_france import FranceTaxBenefitSystem

ETERNELLES = {"date_naissance"}


def main() -> None:
    demande = json.load(sys.stdin)
    systeme = FranceTaxBenefitSystem()
    resultats = {}
    for cas in demande["cases"]:
        periode = cas["period"]
        individu = {
            nom: ({"ETERNITY": valeur} if nom in ETERNELLES else {periode: valeur})
            for nom, valeur in cas["individu"].items()
        }
        situation = {
            "individus": {"a": individu},
            "familles": {"f": {"parents": ["a"]}},
            "foyers_fiscaux": {"ff": {"declarants": ["a"]}},
            "menages": {"m": {"personne_de_reference": ["a"]}},
        }
        simulation = SimulationBuilder().build_from_entities(systeme, situation)
        resultats[cas["id"]] = {}
        for variable in cas["variables"]:
            try:
                resultats[cas["id"]][variable] = float(simulation.calculate(variable, periode)[0])
            except Exception as erreur:  # rapport, pas test : toute erreur est rapportée
                resultats[cas["id"]][variable] = f"erreur : {str(erreur)[:120]}"
    json.dump(resultats, sys.stdout)


if __name__ == "__main__":
    main()

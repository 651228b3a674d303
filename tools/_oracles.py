"""Lancement des deux oracles des grilles de recoupement (outil de développement) : modele-social (Node.js, règles
publi.codes) et openfisca-france (venv séparé). Partagé par cross_check_dispositifs.py et cross_check_lodeom_jei.py."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
from pathlib import Path

OUTILS = Path(__file__).resolve().parent


def options(description: str, csv: str) -> argparse.Namespace:
    """Options communes des grilles : emplacement des deux oracles, fichier CSV produit et tolérance en euros."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--modele-social", default="/tmp/i14_ms/node_modules", help="dossier node_modules")
    parser.add_argument("--oracle-python", default="/work/oracle-venv/bin/python")
    parser.add_argument("--csv", default=csv)
    parser.add_argument("--tolerance", type=float, default=0.01)
    return parser.parse_args()


def modele_social(demandes: list[dict], dossier: str) -> dict:
    """Évalue chaque demande {id, situation, rules} avec modele-social (`dossier` : son node_modules)."""
    sortie = subprocess.run(
        ["node", str(OUTILS / "_modele_social.js")],
        input=json.dumps({"cases": demandes}),
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": dossier},
        check=True,
    )
    return json.loads(sortie.stdout)


def openfisca_france(demandes: list[dict], python: str) -> dict:
    """Évalue chaque demande {id, period, individu, variables} avec openfisca-france ; {} s'il est indisponible."""
    if not Path(python).exists():
        print(f"openfisca-france indisponible : pas d'interpréteur {python} (--oracle-python)")
        return {}
    sortie = subprocess.run(
        [python, str(OUTILS / "_openfisca_france_dispositifs.py")],
        input=json.dumps({"cases": demandes}),
        capture_output=True,
        text=True,
        check=False,
    )
    if sortie.returncode:
        print(f"openfisca-france indisponible : {sortie.stderr[-300:]}")
        return {}
    return json.loads(sortie.stdout)


def nombre(valeur) -> float | None:
    return valeur if isinstance(valeur, (int, float)) else None

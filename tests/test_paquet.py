"""Le paquet installé embarque l'arbre des paramètres et les réformes."""

import subprocess
import sys
import zipfile
from pathlib import Path

RACINE = Path(__file__).parent.parent


def test_la_roue_contient_parametres_et_reformes(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(RACINE),
        ],
        check=True,
    )
    (roue,) = tmp_path.glob("openfisca_secu-*.whl")
    noms = zipfile.ZipFile(roue).namelist()
    attendus = {str(p.relative_to(RACINE / "parameters")) for p in (RACINE / "parameters").rglob("*.yaml")}
    embarques = {
        n.removeprefix("openfisca_secu/parameters/") for n in noms if n.startswith("openfisca_secu/parameters/")
    }
    assert attendus <= embarques
    assert "openfisca_secu/reforms/__init__.py" in noms
    # tout le code, variables comprises (chargées par chemin, elles doivent être dans la roue)
    code = {
        str(p.relative_to(RACINE)) for p in (RACINE / "openfisca_secu").rglob("*.py") if "__pycache__" not in p.parts
    }
    assert code <= set(noms), sorted(code - set(noms))[:5]
    assert "openfisca_secu/donnees/population_reference.yaml" in noms

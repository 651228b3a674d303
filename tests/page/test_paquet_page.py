"""La roue embarque la page du simulateur : `make serve` sert /simulateur depuis un paquet installé n'importe où."""

import subprocess
import sys
import zipfile
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]


def test_la_roue_contient_la_page(tmp_path):
    commande = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)]
    subprocess.run([*commande, str(RACINE)], check=True)
    (roue,) = tmp_path.glob("openfisca_secu-*.whl")
    noms = set(zipfile.ZipFile(roue).namelist())
    page = {str(p.relative_to(RACINE)) for p in (RACINE / "openfisca_secu" / "page").iterdir() if p.is_file()}
    assert {"openfisca_secu/page/index.html", "openfisca_secu/page/simulateur.js"} <= page
    assert page <= noms, sorted(page - noms)

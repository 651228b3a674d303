"""Installation d'openfisca-secu.

Les dossiers `parameters/` et `reforms/` sont à la racine du dépôt (arbre des paramètres lisible par les juristes)
et sont installés comme `openfisca_secu/parameters` et `openfisca_secu.reforms`.
"""

from pathlib import Path

from setuptools import find_packages, setup

racine = Path(__file__).parent
fichiers_parametres = [str(p.relative_to(racine / "parameters")) for p in (racine / "parameters").rglob("*.yaml")]

setup(
    name="openfisca-secu",
    version="0.1.0",
    description="Cotisations et contributions sociales du code de la sécurité sociale pour OpenFisca",
    long_description=(racine / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.11",
    packages=[
        *find_packages(include=["openfisca_secu", "openfisca_secu.*"]),
        "openfisca_secu.parameters",
        "openfisca_secu.reforms",
    ],
    package_dir={
        "openfisca_secu.parameters": "parameters",
        "openfisca_secu.reforms": "reforms",
    },
    package_data={
        "openfisca_secu.parameters": fichiers_parametres,
        # page du simulateur (HTML, JS, CSS statiques) servie par openfisca_secu.api
        "openfisca_secu": ["donnees/*.yaml", "page/*.html", "page/*.js", "page/*.css"],
    },
    include_package_data=False,
    install_requires=[
        "openfisca-core[web-api] >=46.0.1, <47",
        "numpy >=1.24",
        "pyyaml >=6",
    ],
    extras_require={
        # microsimulation d'une population : lecture CSV / Parquet, barre de progression
        "population": ["pandas >=2.2", "pyarrow >=15", "tqdm >=4.66"],
        "plots": ["matplotlib >=3.8"],
        "dask": ["dask[distributed] >=2024.1"],
        "dev": [
            "pytest >=8",
            "ruff >=0.6",
            "setuptools >=70",
            "pandas >=2.2",
            "pyarrow >=15",
            "tqdm >=4.66",
            "matplotlib >=3.8",
            "dask[distributed] >=2024.1",
            # API Web, inversion, simulateur : tests de propriétés, fuzzing de /spec, navigateur, requêtes HTTP
            "hypothesis >=6.100",
            "schemathesis >=4.0, <5",
            "playwright >=1.40",
            "requests >=2.31",
        ],
    },
    entry_points={"console_scripts": ["openfisca-secu = openfisca_secu.microsimulation.cli:main"]},
)

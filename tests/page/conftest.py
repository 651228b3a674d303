"""Navigateur pour les tests de la page : Chromium de Debian piloté par Playwright (jamais `playwright install`).

`make navigateur` (lancé par `make test`) installe chromium, tesseract-ocr et poppler-utils (pdftoppm, pour relire le
PDF imprimé) avec apt-get ; sans eux, les tests de la page sont sautés avec la raison (et échouent si
EXIGER_NAVIGATEUR=1, ce que fait la CI).
"""

import os
import shutil

import pytest

from tests.api.conftest import serveur  # noqa: F401 - le même serveur réel, sur un port libre

OPTIONS_CHROMIUM = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
]


def _programme(programme, paquet, chemin=None):
    """Chemin du programme ; absent, le test est sauté (ou échoue si EXIGER_NAVIGATEUR=1) en nommant son paquet."""
    chemin = chemin or shutil.which(programme)
    if chemin is None:
        message = f"{programme} absent : `make navigateur` installe le paquet Debian {paquet}"
        if os.environ.get("EXIGER_NAVIGATEUR") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return chemin


@pytest.fixture(scope="session")
def chromium():
    chemin = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return _programme("chromium", "chromium", chemin)


@pytest.fixture(scope="session")
def tesseract():
    return _programme("tesseract", "tesseract-ocr")


@pytest.fixture(scope="session")
def pdftoppm():
    return _programme("pdftoppm", "poppler-utils")


@pytest.fixture(scope="session")
def navigateur(chromium, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=OPTIONS_CHROMIUM)
        yield instance
        instance.close()


@pytest.fixture
def page(navigateur):
    contexte = navigateur.new_context(viewport={"width": 1400, "height": 1000}, device_scale_factor=2, locale="fr-FR")
    onglet = contexte.new_page()
    erreurs = []
    onglet.on("pageerror", lambda erreur: erreurs.append(str(erreur)))
    yield onglet
    contexte.close()
    assert not erreurs, f"erreurs JavaScript : {erreurs}"

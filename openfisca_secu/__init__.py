"""openfisca-secu : les cotisations et contributions sociales du code de la sécurité sociale."""

import importlib
import inspect
import pkgutil
import re
import sys
from functools import lru_cache
from pathlib import Path

from openfisca_core import periods
from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from openfisca_secu.entities import entities
from openfisca_secu.validation import DERNIER_JOUR, valider_les_entrees, verifier_instant

_ICI = Path(__file__).parent
# Installé : openfisca_secu/parameters ; dépôt source : ../parameters.
PARAMETRES = next(p for p in (_ICI / "parameters", _ICI.parent / "parameters") if (p / "index.yaml").exists())


@lru_cache
def classes_de_variables() -> tuple[type[Variable], ...]:
    """Les variables du paquet, importées une fois comme modules Python ordinaires (bytecode en cache).

    OpenFisca charge d'ordinaire chaque fichier de variables sous un nom de module propre à chaque système, en
    recompilant et en analysant sa source : c'est l'essentiel du temps de construction. Ici les modules sont importés
    une fois ; la position de chaque classe dans sa source (pour l'API Web) est relevée sans compilation.
    """
    classes = []
    paquet = importlib.import_module("openfisca_secu.variables")
    for module_info in pkgutil.walk_packages(paquet.__path__, f"{paquet.__name__}."):
        module = importlib.import_module(module_info.name)
        emplacements = None
        for objet in vars(module).values():
            if inspect.isclass(objet) and issubclass(objet, Variable) and objet.__module__ == module.__name__:
                if emplacements is None:
                    emplacements = _emplacements_des_classes(module.__file__)
                objet.introspection_data = emplacements[objet.__name__]
                classes.append(objet)
    return tuple(classes)


def _emplacements_des_classes(fichier: str) -> dict[str, tuple[str, str, int]]:
    """Pour chaque classe du fichier : (chemin relatif, source de la classe, numéro de sa première ligne − 1)."""
    lignes = Path(fichier).read_text(encoding="utf-8").splitlines(keepends=True)
    relatif = "/" + str(Path(fichier).relative_to(_ICI.parent))
    debuts = [(i, m.group(1)) for i, ligne in enumerate(lignes) if (m := _CLASSE.match(ligne))]
    sommets = [i for i, ligne in enumerate(lignes) if ligne[:1].strip() and not ligne.startswith((")", "#"))]
    emplacements = {}
    for debut, nom in debuts:
        fin = next((i for i in sommets if i > debut), len(lignes))
        while fin > debut + 1 and not lignes[fin - 1].strip():
            fin -= 1
        emplacements[nom] = (relatif, "".join(lignes[debut:fin]), debut)
    return emplacements


_CLASSE = re.compile(r"class (\w+)\b")


class ParametresDeLaLoi(ParameterNode):
    """Racine des paramètres : la loi n'est lue qu'entre janvier 2012 et décembre 2026 (HorsPlage sinon, dans toutes
    les portes, formules comprises). En droit constant (réforme `droit_constant`, qui met `droit_constant` à vrai sur
    sa copie des paramètres ; les réformes appliquées ensuite le gardent), une date postérieure lit la loi du
    31 décembre 2026."""

    droit_constant = False

    def get_at_instant(self, instant):
        instant = periods.instant(instant)
        if self.droit_constant:
            instant = min(instant, DERNIER_JOUR)
        verifier_instant(instant)
        return super().get_at_instant(instant)


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Législation des cotisations sociales de 2012 à 2026, datée paramètre par paramètre."""

    def __init__(self):
        super().__init__(entities)
        self._metadonnees = None
        for classe in classes_de_variables():
            self.add_variable(classe)
        self.parameters = ParametresDeLaLoi("", directory_path=str(PARAMETRES))
        valider_les_entrees(self)
        if "openfisca_web_api.scripts.serve" in sys.modules:  # lancé par `openfisca serve` : même contrat d'entrée
            from openfisca_secu.api import proteger_openfisca_serve

            proteger_openfisca_serve()

    # openfisca-core garde 128 arbres de paramètres pour tous les systèmes à la fois, sous une clé par écriture de
    # l'instant (texte, Instant, Period) : la loi couvre 180 mois, et l'API Web les parcourt tous.
    ARBRES_DE_PARAMETRES_GARDES = 1024

    def get_parameters_at_instant(self, instant):
        """Paramètres de la loi à un instant, gardés par instant (un arbre par mois ou par jour demandé)."""
        if isinstance(instant, periods.Period):
            instant = instant.start
        elif not isinstance(instant, periods.Instant):
            instant = periods.instant(instant)
        parametres, arbres = self.__dict__.get("_arbres_par_instant", (None, None))
        if parametres is not self.parameters:  # paramètres remplacés (ou système copié puis modifié)
            arbres = {}
            self._arbres_par_instant = (self.parameters, arbres)
        arbre = arbres.get(instant)
        if arbre is None:
            arbre = None if self.parameters is None else self.parameters.get_at_instant(instant)
            if len(arbres) >= self.ARBRES_DE_PARAMETRES_GARDES:
                del arbres[next(iter(arbres))]  # le plus ancien
            arbres[instant] = arbre
        return arbre

    def get_package_metadata(self) -> dict[str, str]:
        if self._metadonnees is None:
            self._metadonnees = super().get_package_metadata()
        return self._metadonnees


def fiche_de_paie(situation: dict, periode: str, individu: str | None = None, systeme=None) -> dict:
    """Bulletin de paie structuré d'un mois (voir `openfisca_secu.bulletin_de_paie`)."""
    from openfisca_secu.bulletin_de_paie import fiche_de_paie as bulletin

    return bulletin(situation, periode, individu, systeme)

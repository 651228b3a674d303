"""Chaque paramètre et chaque variable porte un libellé, une référence juridique et une unité."""

from pathlib import Path

import numpy
import pytest
import yaml
from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

RACINE_PARAMETRES = Path(__file__).parent.parent / "parameters"


def feuilles(noeud):
    for enfant in noeud.children.values():
        if isinstance(enfant, ParameterNode):
            yield from feuilles(enfant)
        else:
            yield enfant


def test_chaque_feuille_de_parametre_a_libelle_reference_et_unite(systeme):
    manquants = []
    for feuille in feuilles(systeme.parameters):
        meta = feuille.metadata
        if not meta.get("label"):
            manquants.append(f"{feuille.name}: label")
        if not meta.get("reference"):
            manquants.append(f"{feuille.name}: reference")
        if isinstance(feuille, ParameterScale):
            if not meta.get("threshold_unit") or not (meta.get("amount_unit") or meta.get("rate_unit")):
                manquants.append(f"{feuille.name}: unités du barème")
        elif isinstance(feuille, Parameter) and not meta.get("unit"):
            manquants.append(f"{feuille.name}: unit")
    assert not manquants, manquants


def test_chaque_dossier_de_parametres_a_un_index():
    sans_index = [str(d) for d in RACINE_PARAMETRES.rglob("*") if d.is_dir() and not (d / "index.yaml").exists()]
    assert not sans_index, sans_index
    for index in RACINE_PARAMETRES.rglob("index.yaml"):
        assert yaml.safe_load(index.read_text())["description"], index


def test_chaque_variable_a_libelle_et_reference(systeme):
    manquants = [nom for nom, v in systeme.variables.items() if not v.label or not v.reference]
    assert not manquants, manquants


def test_les_montants_ont_une_unite_et_sont_en_float64(systeme):
    for nom, variable in systeme.variables.items():
        if variable.value_type is float:
            assert variable.dtype == numpy.float64, nom
            assert variable.unit, nom


@pytest.mark.parametrize("periode", ["2012-01", "2019-06", "2024-05", "2026-12"])
def test_l_arbre_des_parametres_se_lit_a_chaque_date(systeme, periode):
    assert systeme.parameters(periode).plafond_securite_sociale.mensuel > 0

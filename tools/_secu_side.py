#!/usr/bin/env python3
"""openfisca-secu side of tools/cross_check_openfisca_france.py (run with the project venv, not the oracle one).

Reads on stdin ``{"cases": [...], "variables": [...]}`` where each case is
``{"id", "period" (YYYY-MM), "salaire_de_base", "effectif_entreprise", "categorie" ("cadre"|"non_cadre"),
"taux_accident_travail"}`` and writes on stdout
``{"results": {case_id: {variable: value}}, "missing": [...], "errors": {variable: {month: message}},
"info": {...}}``.

Each case is one individu, alone in its own etablissement and entreprise. An input is set on whichever entity owns
the variable, for the period its ``definition_period`` calls for; inputs the package does not define yet are skipped.
Requested variables absent from the tax-benefit system are listed in ``missing``. openfisca_secu is imported from the
checkout this file is in (its parent folder goes first on ``sys.path``).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

# Always the checkout this file belongs to, installed or not.
REPO_ROOT = Path(__file__).resolve().parent.parent

CATEGORIES = {"cadre": "cadre", "non_cadre": "non_cadre"}


def input_period(definition_period: str, month: str) -> str:
    if definition_period == "year":
        return month[:4]
    if definition_period == "eternity":
        return "eternity"
    return month


def case_inputs(case: dict[str, Any]) -> dict[str, Any]:
    return {
        "salaire_de_base": case["salaire_de_base"],
        "effectif_entreprise": case["effectif_entreprise"],
        "taux_accident_travail": case["taux_accident_travail"],
        "categorie_salarie": CATEGORIES[case["categorie"]],
    }


def group_role_keys(tbs: Any) -> dict[str, tuple[str, str]]:
    """entity key -> (plural, role plural) for every group entity; prefers a role named 'salaries'."""
    groups: dict[str, tuple[str, str]] = {}
    for entity in tbs.entities:
        if entity.is_person:
            continue
        role_plurals = [role.plural or role.key for role in entity.roles]
        role = "salaries" if "salaries" in role_plurals else role_plurals[0]
        groups[entity.key] = (entity.plural, role)
    return groups


def build_period_situation(tbs: Any, month: str, cases: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    person = next(entity for entity in tbs.entities if entity.is_person)
    groups = group_role_keys(tbs)
    situation: dict[str, dict[str, Any]] = {person.plural: {}}
    for plural, _ in groups.values():
        situation[plural] = {}
    for case in cases:
        person_id = case["id"]
        situation[person.plural][person_id] = {}
        for key, (plural, role) in groups.items():
            situation[plural][f"{key}:{person_id}"] = {role: [person_id]}
        for name, value in case_inputs(case).items():
            variable = tbs.variables.get(name)
            if variable is None:
                continue
            period = input_period(str(variable.definition_period), month)
            owner = variable.entity
            if owner.is_person:
                target = situation[person.plural][person_id]
            else:
                target = situation[owner.plural][f"{owner.key}:{person_id}"]
            target[name] = {period: value}
    return situation


def compute(payload: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(REPO_ROOT))
    from openfisca_core.simulation_builder import SimulationBuilder

    import openfisca_secu

    tbs = openfisca_secu.CountryTaxBenefitSystem()
    requested: list[str] = payload["variables"]
    missing = [name for name in requested if name not in tbs.variables]
    present = [name for name in requested if name in tbs.variables]
    results: dict[str, dict[str, float]] = {case["id"]: {} for case in payload["cases"]}
    errors: dict[str, dict[str, str]] = defaultdict(dict)  # variable -> month -> message
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in payload["cases"]:
        by_month[case["period"]].append(case)
    person = next(entity for entity in tbs.entities if entity.is_person)
    for month, cases in by_month.items():
        situation = build_period_situation(tbs, month, cases)
        simulation = SimulationBuilder().build_from_entities(tbs, situation)
        person_ids = list(situation[person.plural])
        for name in present:
            variable = tbs.variables[name]
            try:
                if str(variable.definition_period) == "year":
                    array = simulation.calculate_divide(name, month)
                else:
                    array = simulation.calculate(name, month)
                if not variable.entity.is_person:
                    array = simulation.populations[variable.entity.key].project(array)
                values = [float(value) for value in array]
            except Exception as error:  # report, do not stop; a fresh simulation for the next variable
                errors[name][month] = f"{type(error).__name__}: {str(error).splitlines()[0][:300]}"
                simulation = SimulationBuilder().build_from_entities(tbs, situation)
                continue
            for person_id, value in zip(person_ids, values, strict=True):
                results[person_id][name] = value
    info = {"openfisca_secu": str(Path(openfisca_secu.__file__).parent)}
    return {"results": results, "missing": missing, "errors": errors, "info": info}


def main() -> int:
    payload = json.load(sys.stdin)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            answer = compute(payload)
    except Exception as error:  # the caller prints it and goes on with the openfisca-france side
        answer = {"failure": f"{type(error).__name__}: {error}"}
    json.dump(answer, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

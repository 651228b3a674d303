#!/usr/bin/env python3
"""Grilles de comparaison des dispositifs du ticket 14 (apprentis) avec modele-social et openfisca-france.

Un rapport, pas un test : le script calcule chaque cas avec openfisca-secu (dans ce processus, venv du projet),
avec modele-social (node, dossier où `npm install modele-social` a été fait, hors du dépôt) et avec openfisca-france
(venv « oracle » hors du dépôt), puis imprime les écarts et écrit toutes les lignes dans un CSV. Il sort toujours 0.

    .venv/bin/python tools/cross_check_dispositifs.py --modele-social /tmp/i14_ms/node_modules \
        --oracle-python /work/oracle-venv/bin/python --csv /tmp/dispositifs.csv

Les écarts sont expliqués dans tools/README.md.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

import _oracles  # noqa: E402  (tools/, dossier du script)
from openfisca_core.simulation_builder import SimulationBuilder  # noqa: E402

from openfisca_secu import CountryTaxBenefitSystem  # noqa: E402

MS_SALARIE = [
    f"salarié . cotisations . {ligne} . salarié"
    for ligne in ("vieillesse", "retraite complémentaire", "CEG", "CET", "maladie")
]
MS_CSG = "salarié . cotisations . CSG-CRDS"
MS_MUTUELLE = "salarié . cotisations . prévoyances . employeur"
MS_MINIMUM = "salarié . contrat . apprentissage . rémunération minimale"
MS_AGES = {16: "moins de 18", 19: "de 18 à 20", 23: "de 21 à 25", 27: "plus de 25"}


def francais(date_iso: str) -> str:
    annee, mois, jour = date_iso.split("-")
    return f"{jour}/{mois}/{annee}"


def cas_apprentis() -> list[dict]:
    """Grille : exonération salariale et CSG en 2026 (deux dates de conclusion autour du 01/03/2025), salaire minimum
    par âge et année d'exécution en 2026 et en 2024."""
    smic_2026 = round(12.02 * 1820 / 12, 2)
    cas = []
    for debut in ("2025-02-28", "2025-03-01"):
        for part in (0.4, 0.5, 0.6, 0.79, 0.9, 1.0, 1.2):
            brut = round(part * smic_2026, 2)
            cas.append(
                {
                    "id": f"exo {debut} {part:.2f} SMIC",
                    "famille": "exoneration",
                    "period": "2026-02",
                    "brut": brut,
                    "debut": debut,
                    "naissance": "2005-06-15",
                }
            )
    for periode, annee_paie in (("2026-02", 2026), ("2024-06", 2024)):
        for age in MS_AGES:
            for annee_contrat in (1, 2, 3):
                debut = f"{annee_paie - annee_contrat}-09-01"
                cas.append(
                    {
                        "id": f"minimum {periode} {age} ans année {annee_contrat}",
                        "famille": "minimum",
                        "period": periode,
                        "brut": 1000,
                        "debut": debut,
                        "naissance": f"{annee_paie - age - 1}-12-01",  # âge atteint avant le mois de paie
                        "age": age,
                    }
                )
    return cas


def modele_social(cas: list[dict], dossier: str) -> dict:
    demandes = []
    for c in cas:
        situation = {
            "salarié . contrat": "'apprentissage'",
            "salarié . contrat . salaire brut": f"{c['brut']} €/mois",
            "entreprise . salariés . effectif": "5",
            "date": francais(f"{c['period']}-01"),
            "salarié . contrat . date d'embauche": francais(c["debut"]),
        }
        if "age" in c:
            situation["salarié . contrat . apprentissage . âge"] = f"'{MS_AGES[c['age']]}'"
        demandes.append(
            {"id": c["id"], "situation": situation, "rules": [*MS_SALARIE, MS_CSG, MS_MUTUELLE, MS_MINIMUM]}
        )
    return _oracles.modele_social(demandes, dossier)


def openfisca_france(cas: list[dict], python: str) -> dict:
    demandes = [
        {
            "id": c["id"],
            "period": c["period"],
            "individu": {
                "salaire_de_base": c["brut"],
                "date_naissance": c["naissance"],
                "apprentissage_contrat_debut": c["debut"],
                "effectif_entreprise": 5,
            },
            "variables": ["apprenti", "exoneration_cotisations_salariales_apprenti", "remuneration_apprenti"],
        }
        for c in cas
    ]
    return _oracles.openfisca_france(demandes, python)


def secu(cas: list[dict], mutuelle: dict) -> dict:
    systeme = CountryTaxBenefitSystem()
    resultats = {}
    for c in cas:
        periode, annee = c["period"], c["period"][:4]
        individu = {
            "salaire_de_base": {periode: c["brut"]},
            "contribution_employeur_prevoyance": {periode: mutuelle.get(c["id"], 0)},
            "contrat_apprentissage": {periode: True},
            "date_debut_contrat": {"ETERNITY": c["debut"]},
            "date_naissance": {"ETERNITY": c["naissance"]},
        }
        situation = {
            "individus": {"a": individu},
            "entreprises": {"e": {"salaries": ["a"], "effectif_entreprise": {annee: 5}}},
            "etablissements": {"s": {"salaries": ["a"], "taux_accident_travail": {annee: 0.01}}},
        }
        simulation = SimulationBuilder().build_from_entities(systeme, situation)
        valeur = {
            nom: float(simulation.calculate(nom, periode)[0])
            for nom in (
                "cotisations_salariales",
                "exoneration_salariale_apprenti",
                "csg_crds_salarie",
                "salaire_minimum_apprenti",
            )
        }
        valeur["cotisations_salariales_dues"] = (
            valeur["cotisations_salariales"] - valeur["exoneration_salariale_apprenti"]
        )
        resultats[c["id"]] = valeur
    return resultats


nombre = _oracles.nombre


def main() -> None:
    args = _oracles.options(__doc__.splitlines()[0], "/tmp/cross_check_dispositifs.csv")

    cas = cas_apprentis()
    ms = modele_social(cas, args.modele_social)
    of = openfisca_france(cas, args.oracle_python)
    mutuelle = {c["id"]: nombre(ms[c["id"]][MS_MUTUELLE]) or 0 for c in cas if c["famille"] == "exoneration"}
    sc = secu(cas, mutuelle)

    lignes = []
    for c in cas:
        s, m, o = sc[c["id"]], ms.get(c["id"], {}), of.get(c["id"], {})
        if c["famille"] == "exoneration":
            comparaisons = [
                (
                    "cotisations salariales dues",
                    s["cotisations_salariales_dues"],
                    sum(nombre(m[r]) or 0 for r in MS_SALARIE),
                    None,
                ),
                (
                    "exonération salariale",
                    s["exoneration_salariale_apprenti"],
                    None,
                    nombre(o.get("exoneration_cotisations_salariales_apprenti")),
                ),
                ("CSG-CRDS", s["csg_crds_salarie"], nombre(m.get(MS_CSG)), None),
            ]
        else:
            comparaisons = [
                (
                    "salaire minimum",
                    s["salaire_minimum_apprenti"],
                    nombre(m.get(MS_MINIMUM)),
                    nombre(o.get("remuneration_apprenti")),
                )
            ]
        for libelle, valeur_secu, valeur_ms, valeur_of in comparaisons:
            ecart_ms = None if valeur_ms is None else valeur_secu - valeur_ms
            ecart_of = None if valeur_of is None else valeur_secu - abs(valeur_of)
            lignes.append([c["id"], libelle, valeur_secu, valeur_ms, valeur_of, ecart_ms, ecart_of])

    with open(args.csv, "w", newline="") as fichier:
        ecrivain = csv.writer(fichier)
        ecrivain.writerow(["cas", "ligne", "secu", "modele_social", "openfisca_france", "ecart_ms", "ecart_of"])
        ecrivain.writerows(lignes)
    print(f"{'cas':<38} {'ligne':<28} {'secu':>10} {'m-social':>10} {'of-france':>10}")
    for cas_id, libelle, valeur_secu, valeur_ms, valeur_of, ecart_ms, ecart_of in lignes:
        differe = any(e is not None and abs(e) > args.tolerance for e in (ecart_ms, ecart_of))
        marque = " *" if differe else ""
        affiche = [
            f"{v:10.2f}" if isinstance(v, float | int) else f"{'—':>10}" for v in (valeur_secu, valeur_ms, valeur_of)
        ]
        print(f"{cas_id:<38} {libelle:<28} {' '.join(affiche)}{marque}")
    print(f"\n{len(lignes)} lignes ; « * » : écart de plus de {args.tolerance} € ; CSV : {args.csv}")


if __name__ == "__main__":
    main()

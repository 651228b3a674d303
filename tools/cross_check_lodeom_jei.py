#!/usr/bin/env python3
"""Grilles de comparaison LODEOM et JEI (issue 14) avec modele-social et openfisca-france.

Un rapport, pas un test (sort toujours 0) : chaque cas est calculé par openfisca-secu (ce processus, venv du
projet), par modele-social (node, `tools/_modele_social.js`, NODE_PATH vers un dossier hors du dépôt où
`npm install modele-social` a été fait) et, pour la JEI, par openfisca-france (venv « oracle » hors du dépôt,
`tools/_openfisca_france_dispositifs.py`) ; openfisca-france n'a pas de LODEOM. Les écarts sont expliqués dans
tools/README.md.

    .venv/bin/python tools/cross_check_lodeom_jei.py --modele-social /tmp/i14_ms/node_modules \\
        --oracle-python /tmp/i14_oracle/bin/python --csv /tmp/lodeom_jei.csv
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
from openfisca_secu.validation import EntreeInvalide  # noqa: E402

MS_LODEOM = "salarié . cotisations . exonérations . lodeom . montant"
MS_JEI = "salarié . cotisations . exonérations . JEI . montant"
MS_RG = "salarié . cotisations . exonérations . RGDU"
MS_T = "salarié . cotisations . exonérations . T"
BAREMES = {
    "competitivite": "compétitivité",
    "competitivite_renforcee": "compétitivité renforcée",
    "innovation_croissance": "innovation et croissance",
}
# SMIC horaire du mois de chaque période de la grille (parameters/smic/horaire_brut.yaml)
SMIC_HORAIRE = {
    "2018-03": 9.88,
    "2019-03": 10.03,
    "2020-03": 10.15,
    "2024-03": 11.65,
    "2025-03": 11.88,
    "2026-03": 12.02,
}
MULTIPLES_LODEOM = (1.0, 1.29, 1.31, 1.5, 1.69, 1.71, 1.99, 2.01, 2.19, 2.21, 2.49, 2.51, 2.69, 2.71, 3.0, 3.49, 3.51)
MULTIPLES_JEI = (1.0, 2.0, 3.0, 4.49, 4.51, 6.0)


def smic_mensuel(periode: str) -> float:
    return SMIC_HORAIRE[periode] * 1820 / 12


def cas_lodeom() -> list[dict]:
    # modele-social ne date pas ses barèmes LODEOM ni sa réduction générale : pas de cas avant 2024 ; en 2026, aussi
    # 60 salariés (FNAL à 0,50 %, autre T) pour les deux barèmes ouverts sous 250 salariés
    grille = [(periode, 5, bareme) for periode in ("2024-03", "2025-03", "2026-03") for bareme in BAREMES]
    grille += [("2026-03", 60, bareme) for bareme in ("competitivite_renforcee", "innovation_croissance")]
    return [
        {
            "id": f"lodeom {periode} {bareme} {effectif} sal. {multiple:.2f} SMIC",
            "dispositif": "lodeom",
            "period": periode,
            "effectif": effectif,
            "brut": round(multiple * smic_mensuel(periode), 2),
            "bareme": bareme,
        }
        for periode, effectif, bareme in grille
        for multiple in MULTIPLES_LODEOM
    ]


def cas_jei() -> list[dict]:
    return [
        {
            "id": f"jei {periode} {multiple:.2f} SMIC",
            "dispositif": "jei",
            "period": periode,
            "brut": round(multiple * smic_mensuel(periode), 2),
        }
        for periode in ("2018-03", "2024-03", "2025-03", "2026-03")
        for multiple in MULTIPLES_JEI
    ]


def francais(periode: str) -> str:
    annee, mois = periode.split("-")
    return f"01/{mois}/{annee}"


def modele_social(cas: list[dict], dossier: str) -> dict:
    demandes = []
    for c in cas:
        situation = {
            "date": francais(c["period"]),
            "salarié . contrat . salaire brut": f"{c['brut']} €/mois",
            "entreprise . salariés . effectif": str(c.get("effectif", 5)),
            "entreprise . chiffre d'affaires": "1000000 €/an",
        }
        if c["dispositif"] == "lodeom":
            situation["salarié . cotisations . exonérations . zones lodeom"] = "'zone un'"
            situation["salarié . cotisations . exonérations . lodeom . zone un . barèmes"] = f"'{BAREMES[c['bareme']]}'"
            regles = [MS_LODEOM, MS_RG, MS_T]
        else:
            situation["salarié . cotisations . exonérations . JEI"] = "oui"
            regles = [MS_JEI, MS_RG]
        demandes.append({"id": c["id"], "situation": situation, "rules": regles})
    return _oracles.modele_social(demandes, dossier)


def openfisca_france(cas: list[dict], python: str) -> dict:
    demandes = [
        {
            "id": c["id"],
            "period": c["period"],
            "individu": {
                "salaire_de_base": c["brut"],
                "effectif_entreprise": 5,
                "jeune_entreprise_innovante": True,
                "jei_date_demande": f"{int(c['period'][:4]) - 1}-01-01",
            },
            "variables": ["exoneration_cotisations_employeur_jei", "allegement_general"],
        }
        for c in cas
        if c["dispositif"] == "jei"
    ]
    return _oracles.openfisca_france(demandes, python)


def secu(cas: list[dict], ms: dict) -> dict:
    """Depuis 2026, T de la LODEOM est une entrée (D752-7 III ne le chiffre pas) : celui de modele-social."""
    systeme = CountryTaxBenefitSystem()
    resultats = {}
    for c in cas:
        periode, annee = c["period"], c["period"][:4]
        individu = {"salaire_de_base": {periode: c["brut"]}}
        etablissement = {"salaries": ["a"], "taux_accident_travail": {annee: 0.01}}
        entreprise = {"salaries": ["a"], "effectif_entreprise": {annee: c.get("effectif", 5)}}
        if c["dispositif"] == "lodeom":
            etablissement["bareme_lodeom"] = {periode: c["bareme"]}
            t_ms = nombre(ms.get(c["id"], {}).get(MS_T))
            if annee >= "2026" and t_ms:
                etablissement["lodeom_valeur_t"] = {periode: t_ms}
            individu["salarie_lodeom_projets_innovants"] = {periode: True}
            variable = "exoneration_lodeom"
        else:
            entreprise["jeune_entreprise_innovante"] = {periode: True}
            individu["salarie_eligible_jei"] = {periode: True}
            variable = "exoneration_jei"
        situation = {
            "individus": {"a": individu},
            "entreprises": {"e": entreprise},
            "etablissements": {"s": etablissement},
        }
        simulation = SimulationBuilder().build_from_entities(systeme, situation)
        try:
            resultats[c["id"]] = {
                "exoneration": float(simulation.calculate(variable, periode)[0]),
                "reduction_generale": float(simulation.calculate("reduction_generale", periode)[0]),
            }
        except EntreeInvalide as erreur:
            resultats[c["id"]] = {"erreur": str(erreur)[:80]}
    return resultats


nombre = _oracles.nombre


def main() -> None:
    args = _oracles.options(__doc__.splitlines()[0], "/tmp/cross_check_lodeom_jei.csv")

    cas = cas_lodeom() + cas_jei()
    ms = modele_social(cas, args.modele_social)
    of = openfisca_france(cas, args.oracle_python)
    sc = secu(cas, ms)

    lignes = []
    for c in cas:
        s, m, o = sc[c["id"]], ms.get(c["id"], {}), of.get(c["id"], {})
        regle = MS_LODEOM if c["dispositif"] == "lodeom" else MS_JEI
        valeur_of = nombre(o.get("exoneration_cotisations_employeur_jei"))
        comparaisons = [
            ("exonération", s.get("exoneration"), nombre(m.get(regle)), None if valeur_of is None else abs(valeur_of)),
            ("réduction générale", s.get("reduction_generale"), nombre(m.get(MS_RG)), None),
        ]
        for libelle, valeur_secu, valeur_ms, valeur_of in comparaisons:
            ecarts = [None if v is None or valeur_secu is None else valeur_secu - v for v in (valeur_ms, valeur_of)]
            lignes.append([c["id"], libelle, valeur_secu, valeur_ms, valeur_of, *ecarts, s.get("erreur", "")])

    with open(args.csv, "w", newline="") as fichier:
        ecrivain = csv.writer(fichier)
        ecrivain.writerow(
            ["cas", "ligne", "secu", "modele_social", "openfisca_france", "ecart_ms", "ecart_of", "erreur"]
        )
        ecrivain.writerows(lignes)
    differentes = 0
    print(f"{'cas':<54} {'ligne':<20} {'secu':>10} {'m-social':>10} {'of-france':>10}")
    for cas_id, libelle, valeur_secu, valeur_ms, valeur_of, ecart_ms, ecart_of, erreur in lignes:
        differe = bool(erreur) or any(e is not None and abs(e) > args.tolerance for e in (ecart_ms, ecart_of))
        differentes += differe
        if differe:
            affiche = [
                f"{v:10.2f}" if isinstance(v, float | int) else f"{'—':>10}"
                for v in (valeur_secu, valeur_ms, valeur_of)
            ]
            print(f"{cas_id:<54} {libelle:<20} {' '.join(affiche)} {erreur[:40]}")
    print(f"\n{len(lignes)} lignes, {differentes} écarts (> {args.tolerance} €) ou erreurs ; CSV : {args.csv}")


if __name__ == "__main__":
    main()

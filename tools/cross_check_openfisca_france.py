#!/usr/bin/env python3
"""Dev-only report: compare openfisca-secu with openfisca-france on a grid of monthly payslips.

The two packages need different openfisca-core versions, so they never share a process:

* this script runs with the oracle venv (``/work/oracle-venv/bin/python``, where ``pip install openfisca-france``
  was done) and computes the openfisca-france side in-process;
* the openfisca-secu side runs in ``tools/_secu_side.py`` under the project venv (``/work/main/.venv/bin/python``),
  fed with the same cases as JSON on stdin, answering JSON on stdout.

It prints, for each period and wage, the lines where ``|secu - openfisca-france| > tolerance`` and a summary per
variable, and writes every compared line to a CSV. It always exits 0: it is a report, not a test.

Usage::

    /work/oracle-venv/bin/python tools/cross_check_openfisca_france.py [--periods 2024-05 2026-03] [--csv PATH]
    /work/oracle-venv/bin/python tools/cross_check_openfisca_france.py --of-only   # openfisca-france side only
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A term is (coefficient, openfisca-france variable). The openfisca-france value of a secu line is
# abs(sum(coefficient * value)): openfisca-france stores contributions as negative amounts, secu as positive ones.
Terms = tuple[tuple[float, str], ...]


def _one(name: str) -> Terms:
    return ((1.0, name),)


# Lines of openfisca-france's employer total that have no counterpart in the secu line list: complementary
# prévoyance/santé (1.5 % cadres prévoyance is an ANI obligation, not a social-security contribution), PEEC
# ("1 % logement"), versement transport (0 here: no commune given), taxe sur les salaires (0 here: not liable),
# forfait social and pénibilité (0 here: no input). All negative amounts in openfisca-france.
OF_EMPLOYER_EXTRAS: tuple[str, ...] = (
    "prevoyance_obligatoire_cadre",
    "prevoyance_complementaire_employeur",
    "complementaire_sante_employeur",
    "participation_effort_construction",
    "versement_transport",
    "taxe_salaires",
    "forfait_social",
    "penibilite",
)

# secu variable -> openfisca-france terms (openfisca-france 176.1.8, openfisca-core 44).
OF_MAPPING: dict[str, Terms] = {
    "plafond_securite_sociale": _one("plafond_securite_sociale"),
    # Assurance vieillesse (CNAV).
    "vieillesse_plafonnee_employeur": _one("vieillesse_plafonnee_employeur"),
    "vieillesse_plafonnee_salarie": _one("vieillesse_plafonnee_salarie"),
    "vieillesse_deplafonnee_employeur": _one("vieillesse_deplafonnee_employeur"),
    "vieillesse_deplafonnee_salarie": _one("vieillesse_deplafonnee_salarie"),
    # Maladie: openfisca-france's `mmid_employeur` is always the full rate (13 % from 2018); the 2019-2025 reduced
    # rate (7 % under 2.5 SMIC, then the 2024/2025 variants of the threshold) is a separate 6-point
    # `allegement_cotisation_maladie` (positive), and `mmid_employeur_net_allegement` = the sum of both. That net line
    # is what openfisca-france puts in `cotisations_employeur`, so it is the counterpart of secu's maladie_employeur.
    # `allegement_cotisation_maladie` ends 2025-12-31 in openfisca-france (2026: full rate, RGDU takes over).
    "maladie_employeur": _one("mmid_employeur_net_allegement"),
    # 0.75 % until 2017, 0 from 2018 outside Alsace-Moselle.
    "maladie_salarie": _one("mmid_salarie"),
    # Same split as maladie: `famille` is always 5.25 %, `allegement_cotisation_allocations_familiales` the 1.8-point
    # reduction (2015-2025); `famille_net_allegement` = both.
    "allocations_familiales_employeur": _one("famille_net_allegement"),
    # `fnal` = `fnal_cotisation` (0.10 % capped, until 2014) + `fnal_contribution` (headcount-dependent).
    "fnal_employeur": _one("fnal"),
    "contribution_solidarite_autonomie_employeur": _one("contribution_solidarite_autonomie"),
    "accident_du_travail_employeur": _one("accident_du_travail"),
    # Assurance chômage. openfisca-france's `chomage_employeur`/`chomage_salarie` also add the `asf` scale (null in
    # 2012-2026). `chomage_salarie` ends 2018-09-30 (then 0).
    "chomage_employeur": _one("chomage_employeur"),
    "chomage_salarie": _one("chomage_salarie"),
    "ags_employeur": _one("ags"),
    # Retraite complémentaire from 2019 (T1 + T2 in one line in both models).
    "agirc_arrco_employeur": _one("agirc_arrco_employeur"),
    "agirc_arrco_salarie": _one("agirc_arrco_salarie"),
    "contribution_equilibre_general_employeur": _one("contribution_equilibre_general_employeur"),
    "contribution_equilibre_general_salarie": _one("contribution_equilibre_general_salarie"),
    # Contribution d'équilibre technique (2019+) and, before it, the cotisation exceptionnelle temporaire (cadres,
    # 0-8 PSS): secu keeps both in one line, openfisca-france has two variables that never overlap in time. From
    # 2019 openfisca-france applies it to the whole wage up to 8 PSS, only when the wage exceeds 1 PSS.
    "contribution_equilibre_technique_employeur": (
        (1.0, "contribution_equilibre_technique_employeur"),
        (1.0, "cotisation_exceptionnelle_temporaire_employeur"),
    ),
    "contribution_equilibre_technique_salarie": (
        (1.0, "contribution_equilibre_technique_salarie"),
        (1.0, "cotisation_exceptionnelle_temporaire_salarie"),
    ),
    # Retraite complémentaire before 2019. openfisca-france's ARRCO line is T1 (+T2 for non-cadres); AGIRC is the
    # cadres' TB/TC line; the GMP top-up is a separate variable.
    "arrco_employeur": _one("arrco_employeur"),
    "arrco_salarie": _one("arrco_salarie"),
    "agirc_employeur": _one("agirc_employeur"),
    "agirc_salarie": _one("agirc_salarie"),
    "agirc_gmp_employeur": _one("agirc_gmp_employeur"),
    "agirc_gmp_salarie": _one("agirc_gmp_salarie"),
    "agff_employeur": _one("agff_employeur"),
    "agff_salarie": _one("agff_salarie"),
    # openfisca-france's APEC employer formula has no cadre filter itself; the scale only exists for cadres.
    "apec_employeur": _one("apec_employeur"),
    "apec_salarie": _one("apec_salarie"),
    # CSG/CRDS (openfisca-france's "imposable" CSG is the non-deductible part). Before 2018 openfisca-france adds the
    # employer's mandatory cadre prévoyance (`prevoyance_obligatoire_cadre`, at least 1.5 % up to 1 PSS, always on for
    # cadres) to the CSG/CRDS base (`assiette_csg_non_abattue`); the secu side is given no prévoyance input.
    "csg_deductible_salarie": _one("csg_deductible_salaire"),
    "csg_non_deductible_salarie": _one("csg_imposable_salaire"),
    "crds_salarie": _one("crds_salaire"),
    # Taxes et participations sur les salaires.
    "contribution_dialogue_social_employeur": _one("financement_organisations_syndicales"),
    # openfisca-france's `taxe_apprentissage` is the 0.5 % (until 2013) / 0.68 % (2014+) line only, and is forced to 0
    # for every month of 2019 ("année blanche"); the 0.18 % CDA (until 2013) is the separate
    # `contribution_developpement_apprentissage`. secu has one line for both, hence the sum. The contribution
    # supplémentaire à l'apprentissage (>= 250 employees; openfisca-france's `ratio_alternants` input is 0 by default,
    # i.e. the highest rate) is a separate line in both.
    "taxe_apprentissage_employeur": (
        (1.0, "taxe_apprentissage"),
        (1.0, "contribution_developpement_apprentissage"),
    ),
    "contribution_supplementaire_apprentissage_employeur": _one("contribution_supplementaire_apprentissage"),
    # Two openfisca-france variables that never overlap in time: `formation_professionnelle` (PEFPC, until 2018;
    # brackets < 10 / 10-19 / >= 20 until 2015, < 11 / >= 11 from 2016) and `contribution_formation_professionnelle`
    # (CUFPA part, 2019+, < 11 / >= 11).
    "formation_professionnelle_employeur": (
        (1.0, "formation_professionnelle"),
        (1.0, "contribution_formation_professionnelle"),
    ),
    # Totals. openfisca-france's `salaire_net` is the INSEE net (after CSG/CRDS); `cotisations_salariales` excludes
    # CSG/CRDS. `cotisations_employeur` is after the maladie/AF reduced rates but before `allegement_general`; the
    # terms of OF_EMPLOYER_EXTRAS are taken out (see above). `salaire_super_brut` = gross wage + `cotisations_employeur`
    # − exonérations − allègement général, which matches secu's cout_total_employeur (net of reductions); the same
    # extras are taken out.
    "salaire_net": _one("salaire_net"),
    "cotisations_salariales": _one("cotisations_salariales"),
    "cotisations_employeur": ((1.0, "cotisations_employeur"), *((-1.0, name) for name in OF_EMPLOYER_EXTRAS)),
    "cout_total_employeur": (
        (1.0, "salaire_super_brut"),
        *((1.0, name) for name in OF_EMPLOYER_EXTRAS),
    ),
    # Réduction générale (Fillon, then RGDU in 2026): positive in openfisca-france; computed month by month
    # (mode "anticipe", no December regularisation in the default grid).
    "reduction_generale": _one("allegement_general"),
}

# Extra openfisca-france lines, computed and written to --json only (useful to explain a gap).
OF_CONTEXT: tuple[str, ...] = (
    "assiette_cotisations_sociales",
    "smic_proratise",
    "mmid_employeur",
    "allegement_cotisation_maladie",
    "famille",
    "allegement_cotisation_allocations_familiales",
    "fnal_cotisation",
    "fnal_contribution",
    "taux_allegement_general",
    "contribution_unique_formation_professionnelle_alternance",
    "conge_individuel_formation_cdd",
    *OF_EMPLOYER_EXTRAS,
)

DEFAULT_PERIODS: tuple[str, ...] = ("2012-01", "2015-06", "2019-03", "2024-05", "2025-06", "2026-03")
SMIC_MULTIPLES: tuple[float, ...] = (0.5, 1, 1.2, 1.6, 2, 2.5, 3, 3.5, 4, 6, 9)
PMSS_MULTIPLES: tuple[float, ...] = (1, 4, 8, 9)
HEADCOUNTS: tuple[int, ...] = (10, 250)
CATEGORIES: tuple[str, ...] = ("non_cadre", "cadre")
TAUX_ACCIDENT_TRAVAIL = 0.01
HEURES_MENSUELLES = 151.67

TOOLS_DIR = Path(__file__).resolve().parent
DEFAULT_SECU_PYTHON = TOOLS_DIR.parent / ".venv" / "bin" / "python"
DEFAULT_SECU_SCRIPT = TOOLS_DIR / "_secu_side.py"


@dataclass(frozen=True)
class Case:
    """One full-time employee, one month, outside Alsace-Moselle."""

    id: str
    period: str
    label: str
    salaire_de_base: float
    effectif_entreprise: int
    categorie: str  # "cadre" or "non_cadre"
    taux_accident_travail: float = TAUX_ACCIDENT_TRAVAIL

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "period": self.period,
            "salaire_de_base": self.salaire_de_base,
            "effectif_entreprise": self.effectif_entreprise,
            "categorie": self.categorie,
            "taux_accident_travail": self.taux_accident_travail,
        }


@dataclass
class Row:
    case: Case
    variable: str
    secu: float
    openfisca_france: float

    @property
    def difference(self) -> float:
        return self.secu - self.openfisca_france


@dataclass
class SecuAnswer:
    results: dict[str, dict[str, float]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    errors: dict[str, dict[str, str]] = field(default_factory=dict)  # variable -> month -> message
    info: dict[str, str] = field(default_factory=dict)
    failure: str | None = None


def _format_multiple(multiple: float) -> str:
    return f"{multiple:g}"


def build_cases(periods: list[str], tbs: Any) -> list[Case]:
    """Grid of cases; SMIC and PMSS are read from openfisca-france's parameters at each period."""
    cases: list[Case] = []
    for period in periods:
        parameters = tbs.get_parameters_at_instant(f"{period}-01")
        smic_horaire = float(parameters.marche_travail.salaire_minimum.smic.smic_b_horaire)
        pmss = float(parameters.prelevements_sociaux.pss.plafond_securite_sociale_mensuel)
        wages = [
            (f"{_format_multiple(m)} SMIC", round(smic_horaire * HEURES_MENSUELLES * m, 2)) for m in SMIC_MULTIPLES
        ]
        wages += [(f"{_format_multiple(m)} PMSS", round(pmss * m, 2)) for m in PMSS_MULTIPLES]
        for label, wage in wages:
            for effectif in HEADCOUNTS:
                for categorie in CATEGORIES:
                    case_id = f"{period}|{label.replace(' ', '_')}|{effectif}|{categorie}"
                    cases.append(Case(case_id, period, label, wage, effectif, categorie))
    return cases


def openfisca_france_variables() -> list[str]:
    names = {name for terms in OF_MAPPING.values() for _, name in terms}
    return sorted(names | set(OF_CONTEXT))


def run_openfisca_france(cases: list[Case], tbs: Any) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Compute every needed openfisca-france variable for every case; one simulation per period."""
    from openfisca_core.simulation_builder import SimulationBuilder

    values: dict[str, dict[str, float]] = {case.id: {} for case in cases}
    errors: dict[str, str] = {}
    names = openfisca_france_variables()
    for name in names:
        if name not in tbs.variables:
            errors[name] = "not an openfisca-france variable"
    by_period: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_period[case.period].append(case)
    for period, period_cases in by_period.items():
        individus: dict[str, dict[str, Any]] = {}
        familles: dict[str, dict[str, Any]] = {}
        foyers: dict[str, dict[str, Any]] = {}
        menages: dict[str, dict[str, Any]] = {}
        for index, case in enumerate(period_cases):
            person = f"p{index}"
            individus[person] = {
                "salaire_de_base": {period: case.salaire_de_base},
                "effectif_entreprise": {period: case.effectif_entreprise},
                "categorie_salarie": {period: "prive_cadre" if case.categorie == "cadre" else "prive_non_cadre"},
                "contrat_de_travail": {period: "temps_plein"},
                "contrat_de_travail_type": {period: "cdi"},
                "heures_remunerees_volume": {period: HEURES_MENSUELLES},
                "taux_accident_travail": {period: case.taux_accident_travail},
                "salarie_regime_alsace_moselle": {period: False},
                # Monthly computation of the allègements (the default "progressif" mode needs January to the month).
                "allegement_general_mode_recouvrement": {period: "anticipe"},
                "allegement_cotisation_maladie_mode_recouvrement": {period: "anticipe"},
                "allegement_cotisation_allocations_familiales_mode_recouvrement": {period: "anticipe"},
            }
            familles[f"f{index}"] = {"parents": [person]}
            foyers[f"ff{index}"] = {"declarants": [person]}
            menages[f"m{index}"] = {"personne_de_reference": [person]}
        simulation = SimulationBuilder().build_from_entities(
            tbs,
            {"individus": individus, "familles": familles, "foyers_fiscaux": foyers, "menages": menages},
        )
        for name in names:
            if name in errors:
                continue
            try:
                array = simulation.calculate(name, period)
            except Exception as error:  # report, do not stop
                errors[name] = f"{period}: {type(error).__name__}: {error}"
                continue
            for case, value in zip(period_cases, array, strict=True):
                values[case.id][name] = float(value)
    return values, errors


def openfisca_france_line(of_values: dict[str, float], terms: Terms) -> float | None:
    total = 0.0
    for coefficient, name in terms:
        if name not in of_values:
            return None
        total += coefficient * of_values[name]
    return abs(total)


def run_secu(cases: list[Case], variables: list[str], python: Path, script: Path) -> SecuAnswer:
    payload = json.dumps({"cases": [case.to_json() for case in cases], "variables": variables})
    if not python.exists():
        return SecuAnswer(failure=f"{python} not found")
    try:
        completed = subprocess.run(
            [str(python), str(script)],
            input=payload,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return SecuAnswer(failure=f"{type(error).__name__}: {error}")
    if completed.returncode != 0:
        return SecuAnswer(failure=f"exit {completed.returncode}\n{completed.stderr[-4000:]}")
    try:
        answer = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        return SecuAnswer(failure=f"bad JSON from secu side: {error}\n{completed.stdout[:2000]}")
    return SecuAnswer(
        results=answer.get("results", {}),
        missing=answer.get("missing", []),
        errors=answer.get("errors", {}),
        info=answer.get("info", {}),
        failure=answer.get("failure"),
    )


def compare(
    cases: list[Case], of_values: dict[str, dict[str, float]], secu: SecuAnswer
) -> tuple[list[Row], dict[str, int]]:
    rows: list[Row] = []
    not_compared: dict[str, int] = defaultdict(int)
    for case in cases:
        secu_values = secu.results.get(case.id, {})
        for variable, terms in OF_MAPPING.items():
            of_value = openfisca_france_line(of_values[case.id], terms)
            secu_value = secu_values.get(variable)
            if of_value is None or secu_value is None:
                not_compared[variable] += 1
                continue
            rows.append(Row(case, variable, float(secu_value), of_value))
    return rows, not_compared


def _money(value: float) -> str:
    return f"{value:12.2f}"


def print_differences(rows: list[Row], tolerance: float) -> None:
    by_group: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if abs(row.difference) > tolerance:
            by_group[(row.case.period, row.case.label)].append(row)
    print(f"\n## Lines where |secu - openfisca-france| > {tolerance:g} EUR")
    if not by_group:
        print("none")
    for (period, label), group in by_group.items():
        wage = group[0].case.salaire_de_base
        print(f"\n### {period}  {label}  (salaire_de_base {wage:.2f})")
        print(f"{'effectif':>8} {'categorie':<9} {'variable':<52} {'secu':>12} {'openfisca-fr':>12} {'secu - OF':>12}")
        for row in group:
            print(
                f"{row.case.effectif_entreprise:>8} {row.case.categorie:<9} {row.variable:<52} "
                f"{_money(row.secu)} {_money(row.openfisca_france)} {_money(row.difference)}"
            )


def print_summary(rows: list[Row], tolerance: float, not_compared: dict[str, int], secu: SecuAnswer) -> None:
    compared: dict[str, int] = defaultdict(int)
    differing: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        compared[row.variable] += 1
        if abs(row.difference) > tolerance:
            differing[row.variable].append(row)
    print("\n## Summary per variable")
    print(f"{'variable':<52} {'compared':>8} {'differ':>6} {'max |diff|':>11}  example")
    for variable in OF_MAPPING:
        if variable not in compared:
            continue
        bad = differing.get(variable, [])
        worst = max(bad, key=lambda row: abs(row.difference)) if bad else None
        example = (
            f"{worst.case.id}: secu {worst.secu:.2f} vs OF {worst.openfisca_france:.2f}" if worst is not None else ""
        )
        max_diff = f"{abs(worst.difference):11.2f}" if worst is not None else f"{0:11.2f}"
        print(f"{variable:<52} {compared[variable]:>8} {len(bad):>6} {max_diff}  {example}")
    if secu.missing:
        print("\nmissing in secu: " + ", ".join(secu.missing))
    for variable, by_month in sorted(secu.errors.items()):
        for message, months in _group_months(by_month).items():
            print(f"secu error on {variable} ({', '.join(months)}): {message}")
    quiet = set(secu.missing) | set(secu.errors)
    for variable, count in sorted(not_compared.items()):
        if variable not in quiet:
            print(f"not compared on {count} case(s): {variable}")


def _group_months(by_month: dict[str, str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for month, message in sorted(by_month.items()):
        grouped[message].append(month)
    return grouped


def write_csv(path: Path, rows: list[Row], tolerance: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "period",
                "wage_label",
                "salaire_de_base",
                "effectif_entreprise",
                "categorie",
                "variable",
                "openfisca_france_terms",
                "secu",
                "openfisca_france",
                "difference",
                "differs",
            ]
        )
        for row in rows:
            terms = " ".join(f"{'+' if c > 0 else '-'}{name}" for c, name in OF_MAPPING[row.variable])
            writer.writerow(
                [
                    row.case.period,
                    row.case.label,
                    f"{row.case.salaire_de_base:.2f}",
                    row.case.effectif_entreprise,
                    row.case.categorie,
                    row.variable,
                    terms,
                    f"{row.secu:.2f}",
                    f"{row.openfisca_france:.2f}",
                    f"{row.difference:.2f}",
                    int(abs(row.difference) > tolerance),
                ]
            )


def print_openfisca_france_only(cases: list[Case], of_values: dict[str, dict[str, float]]) -> None:
    """One table per period, headcount and category: secu line names in rows, wages in columns."""
    groups: dict[tuple[str, int, str], list[Case]] = defaultdict(list)
    for case in cases:
        groups[(case.period, case.effectif_entreprise, case.categorie)].append(case)
    for (period, effectif, categorie), group in groups.items():
        print(f"\n### openfisca-france {period}  effectif {effectif}  {categorie}")
        print(f"{'':<52}" + "".join(f"{case.label:>11}" for case in group))
        print(f"{'salaire_de_base':<52}" + "".join(f"{case.salaire_de_base:11.2f}" for case in group))
        for variable, terms in OF_MAPPING.items():
            cells = []
            for case in group:
                value = openfisca_france_line(of_values[case.id], terms)
                cells.append(f"{'n/a':>11}" if value is None else f"{value:11.2f}")
            print(f"{variable:<52}" + "".join(cells))


def parse_periods(raw: list[str]) -> list[str]:
    return [item.strip() for chunk in raw for item in chunk.split(",") if item.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--periods", nargs="+", default=list(DEFAULT_PERIODS), help="months YYYY-MM")
    parser.add_argument("--csv", type=Path, default=Path("/tmp/cross_check.csv"), help="CSV of all compared lines")
    parser.add_argument("--json", type=Path, help="also dump the raw values of both sides to this JSON file")
    parser.add_argument("--tolerance", type=float, default=0.01, help="EUR; default 0.01")
    parser.add_argument("--secu-python", type=Path, default=DEFAULT_SECU_PYTHON)
    parser.add_argument("--secu-script", type=Path, default=DEFAULT_SECU_SCRIPT)
    parser.add_argument("--of-only", action="store_true", help="print openfisca-france values only, no comparison")
    parser.add_argument("--summary-only", action="store_true", help="print the summary, not every differing line")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_args(argv)
    try:
        from openfisca_france import CountryTaxBenefitSystem
    except ImportError as error:
        print(f"openfisca-france not importable ({error}); run with /work/oracle-venv/bin/python", file=sys.stderr)
        return 0
    tbs = CountryTaxBenefitSystem()
    cases = build_cases(parse_periods(arguments.periods), tbs)
    of_values, of_errors = run_openfisca_france(cases, tbs)
    for name, message in sorted(of_errors.items()):
        print(f"openfisca-france error on {name}: {message}", file=sys.stderr)
    if arguments.of_only:
        print_openfisca_france_only(cases, of_values)
        return 0
    secu = run_secu(cases, list(OF_MAPPING), arguments.secu_python, arguments.secu_script)
    if arguments.json is not None:
        dump = {
            "cases": [case.to_json() for case in cases],
            "openfisca_france": of_values,
            "secu": secu.results,
            "secu_missing": secu.missing,
            "secu_errors": secu.errors,
        }
        arguments.json.write_text(json.dumps(dump, indent=1), encoding="utf-8")
    if secu.failure is not None:
        print(f"secu side failed: {secu.failure}")
        print("openfisca-france side only:")
        print_openfisca_france_only(cases, of_values)
        return 0
    for key, value in secu.info.items():
        print(f"{key}: {value}")
    rows, not_compared = compare(cases, of_values, secu)
    if not arguments.summary_only:
        print_differences(rows, arguments.tolerance)
    print_summary(rows, arguments.tolerance, not_compared, secu)
    write_csv(arguments.csv, rows, arguments.tolerance)
    print(f"\n{len(rows)} lines compared, CSV: {arguments.csv}")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception:  # a report, not a test: say what broke, exit 0 anyway
        traceback.print_exc()
    sys.exit(0)

"""Démonstration : la paie d'un mois pour une population synthétique, ligne par ligne.

python -m openfisca_secu.demo [--periode 2024-05] [--taille 20000]
"""

import argparse
import time

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.population import population_synthetique, simulation_de_population
from openfisca_secu.variables.cotisations.totaux import (
    CONTRIBUTIONS_SALARIALES,
    COTISATIONS_EMPLOYEUR,
    COTISATIONS_SALARIALES,
    REDUCTIONS_EMPLOYEUR,
    REDUCTIONS_SALARIALES,
)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--periode", default="2024-05", help="mois AAAA-MM (2012-01 à 2026-12)")
    arguments.add_argument("--taille", type=int, default=20_000, help="nombre de salariés")
    options = arguments.parse_args()

    debut = time.perf_counter()
    systeme = CountryTaxBenefitSystem()
    construit = time.perf_counter()
    smic_mensuel = systeme.parameters(options.periode).smic.horaire_brut * 1820 / 12
    entrees = population_synthetique(options.taille, smic_mensuel)
    simulation = simulation_de_population(systeme, options.periode, entrees)

    def total(nom):
        return float(simulation.calculate(nom, options.periode).sum())

    brut = total("remuneration_brute")
    lignes = [("Salarié", nom, total(nom)) for nom in (*COTISATIONS_SALARIALES, *CONTRIBUTIONS_SALARIALES)]
    lignes += [("Employeur", nom, total(nom)) for nom in COTISATIONS_EMPLOYEUR]
    lignes += [("Réduction", nom, -total(nom)) for nom in (*REDUCTIONS_EMPLOYEUR, *REDUCTIONS_SALARIALES)]
    totaux = [
        (nom, total(nom))
        for nom in (
            "remuneration_brute",
            "cotisations_salariales",
            "csg_crds_salarie",
            "salaire_net",
            "cotisations_employeur",
            "reductions_employeur",
            "cout_total_employeur",
        )
    ]
    fin = time.perf_counter()

    print(f"Paie de {options.periode} — {options.taille:,} salariés synthétiques".replace(",", " "))
    print(f"{'part':10} {'ligne':45} {'total (k€)':>14} {'par salarié (€)':>16} {'% du brut':>10}")
    for part, nom, montant in lignes:
        if montant:
            moyenne = montant / options.taille
            print(f"{part:10} {nom:45} {montant / 1000:14,.1f} {moyenne:16,.2f} {100 * montant / brut:10.2f}")
    print("-" * 98)
    for nom, montant in totaux:
        moyenne = montant / options.taille
        print(f"{'Total':10} {nom:45} {montant / 1000:14,.1f} {moyenne:16,.2f} {100 * montant / brut:10.2f}")
    print(f"\nSystème construit en {construit - debut:.2f} s ; paie calculée en {fin - construit:.2f} s.")


if __name__ == "__main__":
    main()

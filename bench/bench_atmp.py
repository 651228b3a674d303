"""Banc d'essai : tarification AT/MP de 100 000 établissements (tarif 2024), sans salarié listé.

    python bench/bench_atmp.py [--etablissements 100000] [--sinistres 400000] [--annee 2024]

Population synthétique, illustrative et non statistique : CTN A à G (tables 2024 complètes), 4 % d'établissements en
Alsace-Moselle, effectifs de 3 à 3 000, quelques groupes de taux unique ; une table de sinistres classée par
`compter_sinistres`. Mesures en temps réel (perf_counter) ; pas de seuil : c'est un rapport.
"""

import argparse
import time

import numpy
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.atmp_sinistres import compter_sinistres, donner_sinistres

# Hors Alsace-Moselle, tous les codes risque de l'annexe 1 de l'année ; en Alsace-Moselle, 26.6AA (annexe 3).
EFFECTIFS = numpy.array([3, 8, 15, 19, 20, 35, 80, 149, 150, 300, 3000])


def entrees(taille: int, annee: int, aleas, codes: list[str]) -> dict[str, dict[str, numpy.ndarray]]:
    alsace_moselle = aleas.random(taille) < 0.04
    ctn = aleas.choice(list("abcdefg"), taille)
    activite = numpy.where(
        ctn == "b", aleas.choice(["gros_oeuvre", "second_oeuvre", "bureaux"], taille), "non_renseignee"
    )
    effectif = aleas.choice(EFFECTIFS, taille)
    groupe = numpy.where((effectif >= 50) & (aleas.random(taille) < 0.05), aleas.integers(1, taille // 20, taille), 0)
    masse = numpy.round(effectif * aleas.uniform(25_000, 45_000, taille), 2)
    donnees = {
        "comite_technique_national_atmp": {str(annee): ctn},
        "activite_btp_atmp": {str(annee): activite},
        "code_risque_atmp": {str(annee): numpy.where(alsace_moselle, "26.6AA", aleas.choice(codes, taille))},
        "regime_alsace_moselle": {f"{annee}-01": alsace_moselle},
        "effectif_entreprise_atmp": {str(annee): effectif},
        "groupe_taux_unique_atmp": {str(annee): groupe},
        "taux_notifie_atmp_annee_precedente": {str(annee): numpy.round(aleas.uniform(0.005, 0.06, taille), 4)},
    }
    donnees["masse_salariale_atmp"] = {str(annee - recul): masse for recul in (2, 3, 4)}
    return donnees


def table_de_sinistres(taille: int, nombre: int, annee: int, aleas) -> dict[str, numpy.ndarray]:
    avec_ip = aleas.random(nombre) < 0.08
    return {
        "etablissement": aleas.integers(0, taille, nombre),
        "annee": aleas.integers(annee - 4, annee - 1, nombre),
        "jours_arret": numpy.minimum(aleas.geometric(1 / 40, nombre) - 1, 1000),
        "taux_incapacite_permanente": numpy.where(avec_ip, numpy.round(aleas.beta(1.2, 8, nombre), 2), numpy.nan),
        "deces": aleas.random(nombre) < 0.001,
        "part_responsabilite_tiers": numpy.where(aleas.random(nombre) < 0.02, 0.5, 0.0),
        "imputable": aleas.random(nombre) > 0.01,
    }


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--etablissements", type=int, default=100_000)
    arguments.add_argument("--sinistres", type=int, default=400_000)
    arguments.add_argument("--annee", type=int, default=2024)
    options = arguments.parse_args()
    taille, annee = options.etablissements, options.annee
    aleas = numpy.random.default_rng(2024)

    systeme = CountryTaxBenefitSystem()
    table = table_de_sinistres(taille, options.sinistres, annee, aleas)
    debut = time.perf_counter()
    comptes = compter_sinistres(nombre_etablissements=taille, annee_tarification=annee, **table)
    print(f"Classement de {options.sinistres:,} sinistres : {time.perf_counter() - debut:6.3f} s")

    debut = time.perf_counter()
    simulation = SimulationBuilder().build_default_simulation(systeme, taille)
    publies = systeme.parameters(f"{annee}-12-31").atmp.taux_nets_collectifs.general
    codes = [cle.replace("_", ".") for cle in publies]
    for nom, par_periode in entrees(taille, annee, aleas, codes).items():
        variable = systeme.variables[nom]
        for periode, valeurs in par_periode.items():
            if variable.value_type.__name__ == "Enum":
                valeurs = variable.possible_values.encode(valeurs)
            simulation.set_input(nom, periode, valeurs)
    donner_sinistres(simulation, comptes)
    print(f"Construction de la simulation et saisie : {time.perf_counter() - debut:6.3f} s")

    debut = time.perf_counter()
    taux = simulation.calculate("taux_net_atmp_notifie", str(annee))
    duree = time.perf_counter() - debut
    print(f"Tarification de {taille:,} établissements (taux notifié {annee}) : {duree:6.3f} s")
    debut = time.perf_counter()
    simulation.calculate("taux_accident_travail", f"{annee}-06")
    print(f"Taux AT/MP du mois {annee}-06 (déjà tarifé) : {time.perf_counter() - debut:6.3f} s")
    simulation.delete_arrays("taux_net_collectif_atmp", str(annee))
    debut = time.perf_counter()
    simulation.calculate("taux_net_collectif_atmp", str(annee))
    print(f"Taux collectifs de {taille:,} établissements ({len(codes)} codes) : {time.perf_counter() - debut:6.3f} s")

    modes = simulation.calculate("mode_tarification_atmp", str(annee)).decode_to_str()
    repartition = ", ".join(
        f"{mode} {numpy.mean(modes == mode):.0%}" for mode in ("collective", "mixte", "individuelle")
    )
    masse = simulation.calculate("masse_salariale_atmp", str(annee - 2))
    print(f"Modes : {repartition} ; taux notifié moyen pondéré : {numpy.average(taux, weights=masse):.4%}")


if __name__ == "__main__":
    main()

"""Calcul d'un paquet de salariés : législation et réforme, résultats par personne et agrégats additifs."""

import gc
from functools import lru_cache
from importlib import import_module

import numpy
from openfisca_core import periods

from openfisca_secu import CountryTaxBenefitSystem
from openfisca_secu.memoire import calculer_mois_par_mois, economiser_la_memoire
from openfisca_secu.population import simulation_de_population
from openfisca_secu.reforms.droit_constant import droit_constant as droit_constant_
from openfisca_secu.validation import EntreeInvalide
from openfisca_secu.variables.cotisations.totaux import (
    CONTRIBUTIONS_SALARIALES,
    COTISATIONS_EMPLOYEUR,
    COTISATIONS_SALARIALES,
    REDUCTIONS_EMPLOYEUR,
    REDUCTIONS_SALARIALES,
)

# Résultats écrits pour chaque personne (législation, puis réforme et écart).
RESULTATS_PAR_PERSONNE = (
    "remuneration_brute",
    "cotisations_salariales",
    "csg_crds_salarie",
    "salaire_net",
    "cotisations_employeur",
    "reduction_generale",
    "reductions_employeur",
    "cout_total_employeur",
)
# Lignes totalisées dans le rapport.
LIGNES_DU_RAPPORT = (
    *COTISATIONS_SALARIALES,
    *CONTRIBUTIONS_SALARIALES,
    *REDUCTIONS_SALARIALES,
    *COTISATIONS_EMPLOYEUR,
    *REDUCTIONS_EMPLOYEUR,
    "remuneration_brute",
    "cotisations_salariales",
    "csg_crds_salarie",
    "reductions_salariales",
    "salaire_net",
    "cotisations_employeur",
    "reductions_employeur",
    "cout_total_employeur",
)
TRANCHES_SMIC = (0, 1, 1.2, 1.4, 1.6, 2, 2.5, 3, 3.5, 4, 6, numpy.inf)
TRANCHES_EFFECTIF = (0, 11, 20, 50, 250, 2000, numpy.inf)
SEUIL_GAGNANT = 0.005  # écart d'au moins un demi-centime pour compter un gagnant ou un perdant


@lru_cache
def systeme_de_reference(droit_constant: bool = False) -> CountryTaxBenefitSystem:
    """La législation ; en droit constant (explicite), la loi de décembre 2026 pour les périodes postérieures."""
    systeme = CountryTaxBenefitSystem()
    return droit_constant_(systeme) if droit_constant else systeme


@lru_cache
def systeme_reforme(nom: str, droit_constant: bool = False):
    """Réforme par son nom de module dans openfisca_secu.reforms, ou par chemin complet module.Classe."""
    module, _, classe = nom.rpartition(".") if "." in nom else (f"openfisca_secu.reforms.{nom}", "", nom)
    try:
        reforme = getattr(import_module(module), classe)
    except (ImportError, AttributeError) as erreur:
        raise EntreeInvalide(["--reform"], f"réforme « {nom} » introuvable ({erreur})") from None
    return reforme(systeme_de_reference(droit_constant))


@lru_cache
def preparer_le_processus(reforme: str | None, droit_constant: bool) -> None:
    """Systèmes construits une fois par processus, puis gelés (`gc.freeze`) : le ramasse-miettes, appelé après
    chaque paquet pour libérer sa simulation, ne parcourt plus leurs quelque 90 000 objets (16 à 25 ms par
    collecte). Les objets gelés restent libérés par leur compteur de références."""
    systeme_de_reference(droit_constant)
    if reforme:
        systeme_reforme(reforme, droit_constant)
    gc.collect()  # rien d'inaccessible n'est gelé
    gc.freeze()


@lru_cache
def smic_mensuel_moyen(systeme, periode: str) -> float:
    """SMIC mensuel à temps plein moyen de la période (bornes des tranches de salaire du rapport)."""
    mois = mois_de(periode)
    return numpy.mean([systeme.get_parameters_at_instant(m).smic.horaire_brut for m in mois]) * (
        systeme.get_parameters_at_instant(mois[0]).smic.heures_annuelles / 12
    )


def mois_de(periode: str) -> list[str]:
    periode_ = periods.period(periode)
    return [str(mois) for mois in periode_.get_subperiods(periods.MONTH)]


def _simuler(systeme, periode: str, entrees: dict[str, numpy.ndarray], mensuel: bool):
    mois = mois_de(periode)
    simulation = simulation_de_population(systeme, mois[0], entrees)
    for autre_mois in mois[1:]:
        for nom in entrees:
            variable = systeme.variables[nom]
            if variable.definition_period == periods.ETERNITY:
                continue
            simulation.set_input(nom, autre_mois, simulation.get_array(nom, mois[0]))
    # un mois à la fois, tableaux libérés entre les mois (openfisca_secu.memoire) : mêmes sommes, dans le même ordre
    demandees = (*dict.fromkeys((*LIGNES_DU_RAPPORT, *RESULTATS_PAR_PERSONNE)),)
    economiser_la_memoire(simulation, demandees)
    # par personne, les résultats écrits ; pour les autres lignes du rapport, la seule somme sur le paquet
    totaux = {}
    par_mois = {} if mensuel else None
    for un_mois, resultats in calculer_mois_par_mois(simulation, periode, demandees):
        for nom in demandees:
            valeur = resultats[nom] if nom in RESULTATS_PAR_PERSONNE else resultats[nom].sum()
            if nom not in totaux:
                totaux[nom] = numpy.array(valeur, dtype=float)  # copie : les mois suivants s'y ajoutent en place
            else:
                totaux[nom] += valeur
        if mensuel:
            par_mois[un_mois] = {nom: resultats[nom] for nom in RESULTATS_PAR_PERSONNE}
    return totaux, par_mois, smic_mensuel_moyen(systeme, periode)


def calculer_paquet(
    entrees: dict[str, numpy.ndarray],
    identifiants,
    periode: str,
    reforme: str | None,
    mensuel: bool,
    droit_constant: bool = False,
):
    """Résultats par personne (DataFrame), résultats par mois (DataFrame ou None) et agrégats du paquet."""
    import pandas

    preparer_le_processus(reforme, droit_constant)
    legislation, par_mois, smic = _simuler(systeme_de_reference(droit_constant), periode, entrees, mensuel)
    reformee, par_mois_reforme = (None, None)
    if reforme:
        reformee, par_mois_reforme, _ = _simuler(systeme_reforme(reforme, droit_constant), periode, entrees, mensuel)

    gc.collect()  # une simulation tient des cycles de références : sans ramasse-miettes, elle survit au paquet

    resultats = identifiants.copy()
    for nom in RESULTATS_PAR_PERSONNE:
        resultats[nom] = legislation[nom]
        if reformee is not None:
            resultats[f"{nom}_reforme"] = reformee[nom]
    if reformee is not None:
        resultats["ecart_cout_total_employeur"] = reformee["cout_total_employeur"] - legislation["cout_total_employeur"]
        resultats["ecart_salaire_net"] = reformee["salaire_net"] - legislation["salaire_net"]

    mensuels = None
    if par_mois is not None:
        blocs = []
        for mois, valeurs in par_mois.items():
            bloc = identifiants.copy()
            bloc["mois"] = mois
            for nom, tableau in valeurs.items():
                bloc[nom] = tableau
                if par_mois_reforme is not None:
                    bloc[f"{nom}_reforme"] = par_mois_reforme[mois][nom]
            blocs.append(bloc)
        mensuels = pandas.concat(blocs, ignore_index=True)

    nombre_de_mois = len(mois_de(periode))
    quotite = entrees.get("quotite_de_travail", numpy.ones(len(identifiants)))
    brut_mensuel_temps_plein = numpy.divide(
        legislation["remuneration_brute"] / nombre_de_mois, quotite, out=numpy.zeros(len(quotite)), where=quotite > 0
    )
    tranche_smic = numpy.digitize(brut_mensuel_temps_plein / smic, TRANCHES_SMIC[1:-1])
    effectif = entrees.get("effectif_entreprise", numpy.full(len(identifiants), -1))
    tranche_effectif = numpy.digitize(effectif, TRANCHES_EFFECTIF[1:-1])
    return resultats, mensuels, agreger(legislation, reformee, tranche_smic, tranche_effectif)


def agreger(legislation: dict, reformee: dict | None, tranche_smic, tranche_effectif) -> dict:
    """Sommes additives d'un paquet (elles s'additionnent d'un paquet à l'autre)."""
    reformee = reformee or legislation
    agregats = {
        "effectif": len(tranche_smic),
        "lignes": {nom: [float(legislation[nom].sum()), float(reformee[nom].sum())] for nom in LIGNES_DU_RAPPORT},
    }
    ecart_cout = reformee["cout_total_employeur"] - legislation["cout_total_employeur"]
    ecart_net = reformee["salaire_net"] - legislation["salaire_net"]
    # des salariés comptés (un par ligne), selon que la réforme baisse ou augmente le coût de leur employeur, puis
    # leur salaire net
    agregats["salaries_selon_cout_employeur"] = {
        "en_baisse": int((ecart_cout < -SEUIL_GAGNANT).sum()),
        "en_hausse": int((ecart_cout > SEUIL_GAGNANT).sum()),
    }
    agregats["salaries_selon_salaire_net"] = {
        "en_hausse": int((ecart_net > SEUIL_GAGNANT).sum()),
        "en_baisse": int((ecart_net < -SEUIL_GAGNANT).sum()),
    }
    for cle, tranche, nombre in (
        ("par_tranche_smic", tranche_smic, len(TRANCHES_SMIC) - 1),
        ("par_taille_entreprise", tranche_effectif, len(TRANCHES_EFFECTIF) - 1),
    ):

        def somme(valeurs, tranche=tranche, nombre=nombre):
            return numpy.bincount(tranche, weights=valeurs, minlength=nombre).tolist()

        agregats[cle] = {
            "effectif": numpy.bincount(tranche, minlength=nombre).tolist(),
            "remuneration_brute": somme(legislation["remuneration_brute"]),
            "cout_total_employeur": somme(legislation["cout_total_employeur"]),
            "cout_total_employeur_reforme": somme(reformee["cout_total_employeur"]),
            "salaire_net": somme(legislation["salaire_net"]),
            "salaire_net_reforme": somme(reformee["salaire_net"]),
            "reductions_employeur": somme(legislation["reductions_employeur"]),
            "reductions_employeur_reforme": somme(reformee["reductions_employeur"]),
        }
    return agregats


def additionner(total: dict | None, paquet: dict) -> dict:
    """Somme de deux agrégats de même forme (nombres et listes additionnés terme à terme)."""
    if total is None:
        return paquet

    def ajouter(a, b):
        if isinstance(a, dict):
            return {cle: ajouter(a[cle], b[cle]) for cle in a}
        if isinstance(a, list):
            return [ajouter(x, y) for x, y in zip(a, b, strict=True)]
        return a + b

    return ajouter(total, paquet)

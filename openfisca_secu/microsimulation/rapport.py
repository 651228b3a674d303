"""Rapport d'une microsimulation : totaux par ligne, par tranche de salaire et par taille d'entreprise, coût de la
réforme, gagnants et perdants ; graphiques PNG."""

import json
from itertools import pairwise
from pathlib import Path

import numpy
from openfisca_core import periods

from openfisca_secu.microsimulation.calcul import TRANCHES_EFFECTIF, TRANCHES_SMIC
from openfisca_secu.validation import DERNIER_MOIS, PLAGE


def _libelle_tranches(bornes, unite: str) -> list[str]:
    libelles = []
    for bas, haut in pairwise(bornes):
        libelles.append(f"{bas:g} {unite} et plus" if numpy.isinf(haut) else f"[{bas:g} ; {haut:g}[ {unite}")
    return libelles


def _euros(montant: float) -> str:
    return f"{montant / 1e6:,.2f}".replace(",", " ")


def loi_appliquee(periode: str, droit_constant: bool) -> str:
    """La loi appliquée, dite dans le rapport : celle de la période, ou le droit constant de décembre 2026."""
    debut, fin = str(periods.period(periode).start), str(periods.period(periode).stop)
    if droit_constant and fin > str(periods.period(DERNIER_MOIS).stop):
        return (
            f"Loi appliquée : droit constant (option --droit-constant) — la loi en vigueur en décembre 2026 pour les "
            f"mois après {DERNIER_MOIS}, la loi de chaque mois avant ; période {debut} à {fin}."
        )
    return (
        f"Loi appliquée : la législation en vigueur chaque mois de la période ({debut} à {fin}), plage connue {PLAGE}."
    )


def ecrire(dossier: Path, agregats: dict, periode: str, reforme: str | None, graphiques: bool, droit_constant=False):
    from openfisca_secu.microsimulation.execution import Resultat

    lignes = [f"# Microsimulation {periode}" + (f" — réforme {reforme}" if reforme else ""), ""]
    lignes.append(f"{agregats['effectif']:,} salariés ; montants en millions d'euros sur la période.".replace(",", " "))
    lignes += ["", loi_appliquee(periode, droit_constant)]
    lignes += ["", "## Totaux par ligne", "", "| ligne | législation | réforme | écart |", "|---|---:|---:|---:|"]
    for nom, (avant, apres) in agregats["lignes"].items():
        if avant or apres:
            lignes.append(f"| {nom} | {_euros(avant)} | {_euros(apres)} | {_euros(apres - avant)} |")
    cout = agregats["lignes"]["cout_total_employeur"]
    net = agregats["lignes"]["salaire_net"]
    brut = agregats["lignes"]["remuneration_brute"][0]
    # coût de la réforme pour les finances sociales : moindres prélèvements (coût employeur et net du salarié)
    cout_reforme = (net[1] - net[0]) - (cout[1] - cout[0])
    lignes += [
        "",
        "## Coût de la réforme",
        "",
        f"- Écart de coût total employeur : {_euros(cout[1] - cout[0])} M€",
        f"- Écart de salaire net : {_euros(net[1] - net[0])} M€",
        f"- Coût pour les finances sociales (négatif : recettes en plus) : {_euros(cout_reforme)} M€"
        f" ({100 * cout_reforme / brut:.3f} % de la masse salariale brute)"
        if brut
        else "",
        "- Employeurs gagnants / perdants : {gagnants} / {perdants}".format(**agregats["employeurs"]),
        "- Salariés gagnants / perdants : {gagnants} / {perdants}".format(**agregats["salaries"]),
    ]
    for cle, titre, bornes, unite in (
        ("par_tranche_smic", "Par tranche de salaire (brut mensuel temps plein, en SMIC)", TRANCHES_SMIC, "SMIC"),
        ("par_taille_entreprise", "Par taille d'entreprise (effectif)", TRANCHES_EFFECTIF, "salariés"),
    ):
        table = agregats[cle]
        lignes += [
            "",
            f"## {titre}",
            "",
            "| tranche | salariés | brut | coût employeur | réductions | écart de coût | écart de net "
            "| écart par salarié (€) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for rang, libelle in enumerate(_libelle_tranches(bornes, unite)):
            nombre = table["effectif"][rang]
            if not nombre:
                continue
            ecart = table["cout_total_employeur_reforme"][rang] - table["cout_total_employeur"][rang]
            ecart_net = table["salaire_net_reforme"][rang] - table["salaire_net"][rang]
            lignes.append(
                f"| {libelle} | {nombre} | {_euros(table['remuneration_brute'][rang])} | "
                f"{_euros(table['cout_total_employeur'][rang])} | {_euros(table['reductions_employeur'][rang])} | "
                f"{_euros(ecart)} | {_euros(ecart_net)} | {ecart / nombre:,.2f} |".replace(",", " ")
            )
    texte = "\n".join(lignes) + "\n"
    (dossier / "rapport.md").write_text(texte, encoding="utf-8")
    (dossier / "rapport.json").write_text(json.dumps({"periode": periode, "reforme": reforme, **agregats}, indent=1))
    fichiers = [dossier / "rapport.md", dossier / "rapport.json"]
    if graphiques:
        from openfisca_secu.microsimulation import graphiques as dessin

        fichiers += dessin.dessiner(dossier, agregats, periode, reforme, droit_constant)
    return Resultat(dossier=dossier, agregats=agregats, rapport_markdown=texte, fichiers=fichiers)

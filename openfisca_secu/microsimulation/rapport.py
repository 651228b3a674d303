"""Rapport d'une microsimulation, lu par des gens : totaux par ligne (libellés des variables), par tranche de salaire
et par taille d'entreprise, coût de la réforme, salariés dont le coût employeur ou le net baisse ou augmente ;
nombres au format français (« 1,99 M€ ») ; graphiques PNG."""

import json
from itertools import pairwise
from pathlib import Path

import numpy
from openfisca_core import periods

from openfisca_secu.bulletin_de_paie import format_fr
from openfisca_secu.microsimulation.calcul import TRANCHES_EFFECTIF, TRANCHES_SMIC, systeme_de_reference
from openfisca_secu.validation import DERNIER_MOIS, PLAGE

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def periode_en_lettres(periode: str) -> str:
    """« mai 2024 » pour 2024-05, « année 2024 » pour 2024."""
    periode = str(periode)
    if len(periode) == 4:
        return f"année {periode}"
    return f"{MOIS[int(periode[5:7]) - 1]} {periode[:4]}"


def nombre_fr(nombre: float) -> str:
    """« 1,2 », « 1 500 » : nombre court au format français (borne de tranche)."""
    return f"{nombre:,g}".replace(",", "\u202f").replace(".", ",")


def entier_fr(nombre: int) -> str:
    """« 100 000 » : entier avec espace fine insécable des milliers."""
    return f"{nombre:,d}".replace(",", "\u202f")


def millions(montant: float) -> str:
    """Montant en millions d'euros au format français, sans unité (« 1,99 »)."""
    return format_fr(montant / 1e6)


def nom_de_reforme(reforme: str | None) -> str | None:
    """Le nom de la réforme (attribut `name` de la classe), sinon son identifiant."""
    if not reforme:
        return None
    from openfisca_secu.microsimulation.calcul import systeme_reforme

    return getattr(systeme_reforme(reforme), "name", None) or reforme


def _libelle_tranches(bornes, unite: str) -> list[str]:
    libelles = []
    for bas, haut in pairwise(bornes):
        if numpy.isinf(haut):
            libelles.append(f"{nombre_fr(bas)} {unite} et plus")
        else:
            libelles.append(f"de {nombre_fr(bas)} à moins de {nombre_fr(haut)} {unite}")
    return libelles


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
    from openfisca_secu.microsimulation import graphiques as dessin
    from openfisca_secu.microsimulation.execution import Resultat

    variables = systeme_de_reference().variables
    nom = nom_de_reforme(reforme)
    lignes = [f"# Microsimulation de la paie, {periode_en_lettres(periode)}", ""]
    if nom:
        lignes += [f"Réforme : {nom} (`{reforme}`).", ""]
    lignes.append(f"{entier_fr(agregats['effectif'])} salariés ; montants en millions d'euros (M€) sur la période.")
    lignes += ["", loi_appliquee(periode, droit_constant)]
    lignes += [
        "",
        "## Totaux par ligne de paie (M€)",
        "",
        "| Ligne de paie | Législation | Réforme | Écart |",
        "|---|---:|---:|---:|",
    ]
    for variable, (avant, apres) in agregats["lignes"].items():
        if avant or apres:
            libelle = variables[variable].label if variable in variables else variable
            lignes.append(f"| {libelle} | {millions(avant)} | {millions(apres)} | {millions(apres - avant)} |")
    cout = agregats["lignes"]["cout_total_employeur"]
    net = agregats["lignes"]["salaire_net"]
    brut = agregats["lignes"]["remuneration_brute"][0]
    # coût de la réforme pour les finances sociales : moindres prélèvements (coût employeur et net du salarié)
    cout_reforme = (net[1] - net[0]) - (cout[1] - cout[0])
    selon_cout = agregats["salaries_selon_cout_employeur"]
    selon_net = agregats["salaries_selon_salaire_net"]
    lignes += [
        "",
        "## Coût de la réforme",
        "",
        f"- Écart de coût total employeur : {millions(cout[1] - cout[0])} M€",
        f"- Écart de salaire net : {millions(net[1] - net[0])} M€",
        f"- Coût pour les finances sociales (négatif : recettes en plus) : {millions(cout_reforme)} M€"
        + (f" ({format_fr(100 * cout_reforme / brut, 3)} % de la masse salariale brute)" if brut else ""),
        f"- Salariés dont le coût employeur baisse / augmente (employeur gagnant / perdant) : "
        f"{entier_fr(selon_cout['en_baisse'])} / {entier_fr(selon_cout['en_hausse'])}",
        f"- Salariés dont le salaire net augmente / baisse (salarié gagnant / perdant) : "
        f"{entier_fr(selon_net['en_hausse'])} / {entier_fr(selon_net['en_baisse'])}",
    ]
    for cle, titre, bornes, unite in (
        (
            "par_tranche_smic",
            "Par tranche de salaire (brut mensuel ramené à un temps plein, en SMIC)",
            TRANCHES_SMIC,
            "SMIC",
        ),
        ("par_taille_entreprise", "Par taille d'entreprise (effectif salarié)", TRANCHES_EFFECTIF, "salariés"),
    ):
        table = agregats[cle]
        lignes += [
            "",
            f"## {titre}",
            "",
            "| Tranche | Salariés | Brut (M€) | Coût employeur (M€) | Réductions (M€) | Écart de coût (M€) "
            "| Écart de net (M€) | Écart de coût par salarié (€) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for rang, libelle in enumerate(_libelle_tranches(bornes, unite)):
            effectif = table["effectif"][rang]
            if not effectif:
                continue
            ecart = table["cout_total_employeur_reforme"][rang] - table["cout_total_employeur"][rang]
            ecart_net = table["salaire_net_reforme"][rang] - table["salaire_net"][rang]
            lignes.append(
                f"| {libelle} | {entier_fr(effectif)} | {millions(table['remuneration_brute'][rang])} | "
                f"{millions(table['cout_total_employeur'][rang])} | {millions(table['reductions_employeur'][rang])} | "
                f"{millions(ecart)} | {millions(ecart_net)} | {format_fr(ecart / effectif)} |"
            )
    texte = "\n".join(lignes) + "\n"
    (dossier / "rapport.md").write_text(texte, encoding="utf-8")
    (dossier / "rapport.json").write_text(
        json.dumps(
            {"periode": periode, "reforme": reforme, "loi": loi_appliquee(periode, droit_constant), **agregats},
            indent=1,
        )
    )
    fichiers = [dossier / "rapport.md", dossier / "rapport.json"]
    # aucun graphique d'une exécution précédente ne reste (autre réforme, ou --no-plots cette fois)
    for ancien in dessin.GRAPHIQUES:
        (dossier / ancien).unlink(missing_ok=True)
    if graphiques:
        fichiers += dessin.dessiner(dossier, agregats, periode, reforme, nom, droit_constant)
    return Resultat(dossier=dossier, agregats=agregats, rapport_markdown=texte, fichiers=fichiers)

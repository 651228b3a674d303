"""Graphiques PNG : taux de cotisation employeur et rapport net / brut selon le salaire en SMIC (législation et
réforme) pour un cas type nommé dans le titre, écart de coût employeur par tranche de salaire (avec une réforme).

Quand les deux courbes coïncident (partout ou sur une partie de la grille), la légende le dit et la réforme est
tracée en tirets par-dessus la législation : aucune courbe n'en cache une autre sans qu'on le sache."""

from pathlib import Path

import numpy

from openfisca_secu.microsimulation.calcul import TRANCHES_SMIC, mois_de, systeme_de_reference, systeme_reforme
from openfisca_secu.population import simulation_de_population

MULTIPLES_DU_SMIC = numpy.round(numpy.arange(0.8, 6.0001, 0.01), 2)
# Cas type des courbes (dit dans leur titre).
EFFECTIF, TAUX_AT = 30, 0.02
CAS_TYPE = "salarié non-cadre à temps plein, entreprise de 30 salariés, taux AT/MP 2 %"
# Courbes confondues : moins d'un millionième d'écart (en fraction du brut).
TOLERANCE = 1e-6
GRAPHIQUES = ("taux_cotisation_employeur.png", "net_sur_brut.png", "ecart_par_tranche.png")


def courbes(systeme, mois: str) -> dict[str, numpy.ndarray]:
    """Le cas type sur une grille de salaires de 0,8 à 6 SMIC."""
    parametres = systeme.get_parameters_at_instant(mois)
    smic = parametres.smic.horaire_brut * parametres.smic.heures_annuelles / 12
    taille = len(MULTIPLES_DU_SMIC)
    simulation = simulation_de_population(
        systeme,
        mois,
        {
            "salaire_de_base": numpy.round(MULTIPLES_DU_SMIC * smic, 2),
            "effectif_entreprise": numpy.full(taille, EFFECTIF),
            "taux_accident_travail": numpy.full(taille, TAUX_AT),
            "regularisation_progressive_plafond": numpy.zeros(taille, dtype=bool),
        },
    )
    brut = simulation.calculate("remuneration_brute", mois)
    return {
        "taux_employeur": (simulation.calculate("cout_total_employeur", mois) - brut) / brut,
        "net_sur_brut": simulation.calculate("salaire_net", mois) / brut,
    }


def _smic(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def coincidence(x: numpy.ndarray, a: numpy.ndarray, b: numpy.ndarray) -> str | None:
    """Où les courbes a et b coïncident, en mots (« partout », « de 1,6 à 6 SMIC »...) ; None si nulle part."""
    egales = numpy.abs(a - b) <= TOLERANCE
    if egales.all():
        return "partout"
    if not egales.any():
        return None
    bords = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], egales.astype(int), [0]))))
    morceaux = [(x[debut], x[fin - 1]) for debut, fin in zip(bords[::2], bords[1::2], strict=True)]
    textes = [f"à {_smic(d)} SMIC" if d == f else f"de {_smic(d)} à {_smic(f)} SMIC" for d, f in morceaux]
    if len(textes) > 3:
        return f"sur {round(100 * egales.mean())} % de la grille"
    return textes[0] if len(textes) == 1 else f"{', '.join(textes[:-1])} et {textes[-1]}"


def _axes_en_francais(*axes) -> None:
    """Graduations à virgule décimale (« 1,5 »)."""
    from matplotlib.ticker import FuncFormatter

    for axis in axes:
        axis.set_major_formatter(FuncFormatter(lambda valeur, _: f"{valeur:g}".replace(".", ",").replace("-", "−")))


def _metadonnees(axe) -> dict[str, str]:
    """Titre et légende écrits aussi dans le PNG (texte lisible sans l'image, vérifié par les tests)."""
    legende = axe.get_legend()
    textes = [texte.get_text() for texte in legende.get_texts()] if legende else []
    return {"Title": axe.get_title().replace("\n", " — "), "Description": " | ".join(textes).replace("\n", " ")}


def dessiner(
    dossier: Path, agregats: dict, periode: str, reforme: str | None, nom: str | None = None, droit_constant=False
) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    from openfisca_secu.microsimulation.rapport import periode_en_lettres

    mois = mois_de(periode)[0]
    nom = nom or reforme
    legislation = courbes(systeme_de_reference(droit_constant), mois)
    reformee = courbes(systeme_reforme(reforme, droit_constant), mois) if reforme else None
    fichiers = []
    for cle, titre, etiquette, fichier in (
        (
            "taux_employeur",
            "Cotisations patronales nettes des réductions, en % du brut",
            "cotisations patronales nettes / brut (%)",
            "taux_cotisation_employeur.png",
        ),
        ("net_sur_brut", "Salaire net, en % du brut", "salaire net / brut (%)", "net_sur_brut.png"),
    ):
        figure, axe = pyplot.subplots(figsize=(9, 5.2), dpi=110)
        axe.plot(MULTIPLES_DU_SMIC, 100 * legislation[cle], label="Législation", color="#1f4e79", linewidth=3.2)
        if reformee is not None:
            ou = coincidence(MULTIPLES_DU_SMIC, legislation[cle], reformee[cle])
            libelle = f"Réforme : {nom}"
            if ou == "partout":
                libelle += "\n(confondue avec la législation sur toute la grille)"
            elif ou:
                libelle += f"\n(confondue avec la législation {ou})"
            axe.plot(
                MULTIPLES_DU_SMIC, 100 * reformee[cle], label=libelle, color="#c55a11", linewidth=1.6, linestyle="--"
            )
        axe.set_xlabel("Salaire brut mensuel (multiples du SMIC, temps plein)")
        axe.set_ylabel(etiquette)
        axe.set_title(f"{titre}\n{CAS_TYPE[0].upper()}{CAS_TYPE[1:]}, {periode_en_lettres(mois)}", fontsize=10)
        axe.grid(alpha=0.3)
        _axes_en_francais(axe.xaxis, axe.yaxis)
        axe.legend(fontsize=8, loc="best", framealpha=0.95)
        figure.tight_layout()
        figure.savefig(dossier / fichier, metadata=_metadonnees(axe))
        pyplot.close(figure)
        fichiers.append(dossier / fichier)
    if reformee is None:
        return fichiers  # sans réforme, pas d'écart à tracer

    table = agregats["par_tranche_smic"]
    effectif = numpy.array(table["effectif"], dtype=float)
    ecart = numpy.array(table["cout_total_employeur_reforme"]) - numpy.array(table["cout_total_employeur"])
    par_salarie = numpy.divide(ecart, effectif, out=numpy.zeros_like(ecart), where=effectif > 0)
    libelles = [_smic(b) for b in TRANCHES_SMIC[:-1]]
    figure, axe = pyplot.subplots(figsize=(9, 5.2), dpi=110)
    axe.bar(libelles, par_salarie, color=numpy.where(par_salarie > 0, "#c00000", "#2e7d32"))
    axe.axhline(0, color="black", linewidth=0.8)
    _axes_en_francais(axe.yaxis)
    axe.set_xlabel("Tranche de salaire brut ramené à un temps plein (borne basse, en SMIC)")
    axe.set_ylabel("Écart de coût employeur par salarié (€ sur la période)")
    axe.set_title(
        f"Écart de coût employeur par salarié de la population simulée, {periode_en_lettres(periode)}\n"
        f"Réforme : {nom} (rouge : hausse, vert : baisse)",
        fontsize=10,
    )
    figure.tight_layout()
    figure.savefig(dossier / "ecart_par_tranche.png", metadata=_metadonnees(axe))
    pyplot.close(figure)
    return [*fichiers, dossier / "ecart_par_tranche.png"]

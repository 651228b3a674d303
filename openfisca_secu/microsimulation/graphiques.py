"""Graphiques PNG : taux de cotisation employeur et rapport net / brut selon le salaire en SMIC (législation et
réforme), écart de coût par tranche de salaire."""

from pathlib import Path

import numpy

from openfisca_secu.microsimulation.calcul import TRANCHES_SMIC, mois_de, systeme_de_reference, systeme_reforme
from openfisca_secu.population import simulation_de_population

MULTIPLES_DU_SMIC = numpy.round(numpy.arange(0.8, 6.0001, 0.01), 2)


def courbes(systeme, mois: str) -> dict[str, numpy.ndarray]:
    """Salarié non-cadre à temps plein d'une entreprise de 30 salariés, taux AT/MP 2 %, sur une grille de salaires."""
    parametres = systeme.get_parameters_at_instant(mois)
    smic = parametres.smic.horaire_brut * parametres.smic.heures_annuelles / 12
    taille = len(MULTIPLES_DU_SMIC)
    simulation = simulation_de_population(
        systeme,
        mois,
        {
            "salaire_de_base": numpy.round(MULTIPLES_DU_SMIC * smic, 2),
            "effectif_entreprise": numpy.full(taille, 30),
            "taux_accident_travail": numpy.full(taille, 0.02),
            "regularisation_progressive_plafond": numpy.zeros(taille, dtype=bool),
        },
    )
    brut = simulation.calculate("remuneration_brute", mois)
    return {
        "taux_employeur": (simulation.calculate("cout_total_employeur", mois) - brut) / brut,
        "net_sur_brut": simulation.calculate("salaire_net", mois) / brut,
    }


def dessiner(dossier: Path, agregats: dict, periode: str, reforme: str | None, droit_constant=False) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    mois = mois_de(periode)[0]
    legislation = courbes(systeme_de_reference(droit_constant), mois)
    reformee = courbes(systeme_reforme(reforme, droit_constant), mois) if reforme else None
    fichiers = []
    for cle, titre, nom in (
        ("taux_employeur", "Cotisations patronales nettes des réductions / brut", "taux_cotisation_employeur.png"),
        ("net_sur_brut", "Salaire net / brut", "net_sur_brut.png"),
    ):
        figure, axe = pyplot.subplots(figsize=(8, 4.5), dpi=110)
        axe.plot(MULTIPLES_DU_SMIC, 100 * legislation[cle], label="législation", color="#1f4e79")
        if reformee is not None:
            axe.plot(MULTIPLES_DU_SMIC, 100 * reformee[cle], label=f"réforme {reforme}", color="#c55a11")
        axe.set_xlabel("salaire brut mensuel (multiples du SMIC, temps plein)")
        axe.set_ylabel("%")
        axe.set_title(f"{titre} — {mois}")
        axe.grid(alpha=0.3)
        axe.legend()
        figure.tight_layout()
        figure.savefig(dossier / nom)
        pyplot.close(figure)
        fichiers.append(dossier / nom)

    table = agregats["par_tranche_smic"]
    effectif = numpy.array(table["effectif"], dtype=float)
    ecart = numpy.array(table["cout_total_employeur_reforme"]) - numpy.array(table["cout_total_employeur"])
    par_salarie = numpy.divide(ecart, effectif, out=numpy.zeros_like(ecart), where=effectif > 0)
    libelles = [f"{b:g}" for b in TRANCHES_SMIC[:-1]]
    figure, axe = pyplot.subplots(figsize=(8, 4.5), dpi=110)
    axe.bar(libelles, par_salarie, color=numpy.where(par_salarie > 0, "#c00000", "#2e7d32"))
    axe.axhline(0, color="black", linewidth=0.8)
    axe.set_xlabel("tranche de salaire brut temps plein (borne basse, en SMIC)")
    axe.set_ylabel("écart de coût employeur par salarié (€)")
    axe.set_title(f"Écart de coût par tranche — {reforme or 'aucune réforme'} — {periode}")
    figure.tight_layout()
    figure.savefig(dossier / "ecart_par_tranche.png")
    pyplot.close(figure)
    return [*fichiers, dossier / "ecart_par_tranche.png"]

"""Bulletin de paie structuré : les lignes de la paie d'un mois, présentées selon le modèle en vigueur à la date.

- Du 1er janvier 2018 (2017 pour les employeurs d'au moins 300 salariés) : bulletin clarifié de l'arrêté du
  25 février 2016 (décret 2016-190, C. trav. art. R3243-2) : rubriques Santé, Accidents du travail, Retraite, Famille,
  Assurance chômage, Autres contributions dues par l'employeur, Cotisations statutaires ou conventionnelles, CSG, puis
  exonérations et totaux. Depuis 2019, lignes du prélèvement à la source ; depuis juillet 2023, montant net social
  (arrêté du 31 janvier 2023) ; depuis 2025, le nouveau modèle de cet arrêté (libellés, total avant exonérations).
- Avant : une ligne par cotisation (C. trav. art. R3243-1 dans sa rédaction antérieure), parts salariale et
  patronale d'une même cotisation sur la même ligne.

Chaque rangée porte sa base, ses taux et ses montants salarié et employeur, et les lignes légales qu'elle regroupe
(variable, libellé, article, base, taux, montant) : le même bulletin se lit clarifié ou détaillé.

**Arrondi.** Chaque ligne légale est arrondie au centime le plus proche (la moitié s'éloignant de zéro) ; une rangée
est la somme de ses lignes arrondies, un total la somme des rangées imprimées, le net à payer le brut imprimé moins le
total salarial imprimé : les totaux sont ceux qu'on refait à la main sur le bulletin. Les variables non arrondies
restent celles de la microsimulation.

Une exonération ou réduction nouvelle apparaît sous « Exonérations » dès qu'elle est ajoutée à
`totaux.REDUCTIONS_EMPLOYEUR` ou `totaux.REDUCTIONS_SALARIALES`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy

from openfisca_secu.base import arrondi_au_plus_proche
from openfisca_secu.validation import EntreeInvalide
from openfisca_secu.variables.cotisations import totaux
from openfisca_secu.variables.cotisations.retraite_complementaire_tranches import COTISATIONS_RETRAITE_COMPLEMENTAIRE

SALARIE, EMPLOYEUR = "salarie", "employeur"

# Base de chaque ligne légale (variable d'assiette) ; une ligne absente n'a pas de base unique (taux non affiché).
ASSIETTE = "assiette_cotisations_sociales"
BASES = {
    **dict.fromkeys(
        (
            "maladie_salarie",
            "maladie_employeur",
            "maladie_alsace_moselle_salarie",
            "accident_du_travail_employeur",
            "allocations_familiales_employeur",
            "contribution_solidarite_autonomie_employeur",
            "contribution_dialogue_social_employeur",
            "versement_mobilite_employeur",
            "formation_professionnelle_employeur",
            "taxe_apprentissage_employeur",
            "contribution_supplementaire_apprentissage_employeur",
            "participation_effort_construction_employeur",
        ),
        ASSIETTE,
    ),
    "vieillesse_plafonnee_salarie": "assiette_vieillesse_plafonnee",
    "vieillesse_plafonnee_employeur": "assiette_vieillesse_plafonnee",
    "vieillesse_deplafonnee_salarie": "assiette_vieillesse_deplafonnee",
    "vieillesse_deplafonnee_employeur": "assiette_vieillesse_deplafonnee",
    "retraite_complementaire_tranche_1_salarie": "assiette_sous_1_plafond",
    "retraite_complementaire_tranche_1_employeur": "assiette_sous_1_plafond",
    "retraite_complementaire_tranche_2_salarie": "assiette_tranche_2",
    "retraite_complementaire_tranche_2_employeur": "assiette_tranche_2",
    **dict.fromkeys(
        ("chomage_salarie", "chomage_employeur", "ags_employeur", "apec_salarie", "apec_employeur"),
        "assiette_sous_4_plafonds",
    ),
    **dict.fromkeys(("csg_deductible_salarie", "csg_non_deductible_salarie", "crds_salarie"), "assiette_csg_crds"),
}


@dataclass(frozen=True)
class Rangee:
    """Une ligne du bulletin clarifié : les lignes légales (variable, côté) qu'elle regroupe."""

    libelle: str
    lignes: tuple[tuple[str, str], ...]


def _deux(nom):
    return ((f"{nom}_salarie", SALARIE), (f"{nom}_employeur", EMPLOYEUR))


# Rangées du bulletin clarifié, par clé ; les libellés sont ceux de l'arrêté du 25 février 2016 (un modèle peut les
# remplacer).
RANGEES = {
    "maladie": Rangee(
        "Sécurité sociale - Maladie Maternité Invalidité Décès",
        (*_deux("maladie"), ("maladie_alsace_moselle_salarie", SALARIE)),
    ),
    "prevoyance": Rangee(
        "Complémentaire Incapacité Invalidité Décès",
        (("prevoyance_salarie", SALARIE), ("prevoyance_employeur", EMPLOYEUR)),
    ),
    "complementaire_sante": Rangee(
        "Complémentaire santé",
        (("complementaire_sante_salarie", SALARIE), ("complementaire_sante_employeur", EMPLOYEUR)),
    ),
    "atmp": Rangee("Accidents du travail - maladies professionnelles", (("accident_du_travail_employeur", EMPLOYEUR),)),
    "vieillesse_plafonnee": Rangee("Sécurité sociale plafonnée", _deux("vieillesse_plafonnee")),
    "vieillesse_deplafonnee": Rangee("Sécurité sociale déplafonnée", _deux("vieillesse_deplafonnee")),
    "tranche_1": Rangee("Complémentaire Tranche 1", _deux("retraite_complementaire_tranche_1")),
    "tranche_2": Rangee("Complémentaire Tranche 2", _deux("retraite_complementaire_tranche_2")),
    "retraite_supplementaire": Rangee(
        "Supplémentaire", (("contribution_employeur_retraite_supplementaire", EMPLOYEUR),)
    ),
    "famille": Rangee("Famille", (("allocations_familiales_employeur", EMPLOYEUR),)),
    "chomage": Rangee("Assurance chômage", (*_deux("chomage"), ("ags_employeur", EMPLOYEUR))),
    "apec": Rangee("APEC", _deux("apec")),
    "autres_contributions": Rangee(
        "Autres contributions dues par l'employeur",
        tuple(
            (nom, EMPLOYEUR)
            for nom in (
                "fnal_employeur",
                "contribution_solidarite_autonomie_employeur",
                "contribution_dialogue_social_employeur",
                "versement_mobilite_employeur",
                "formation_professionnelle_employeur",
                "taxe_apprentissage_employeur",
                "contribution_supplementaire_apprentissage_employeur",
                *totaux.CONTRIBUTIONS_EMPLOYEUR_HORS_COTISATIONS,
            )
        ),
    ),
    "csg_non_imposable": Rangee("CSG non imposable à l'impôt sur le revenu", (("csg_deductible_salarie", SALARIE),)),
    "csg_crds_imposable": Rangee(
        "CSG/CRDS imposable à l'impôt sur le revenu",
        (("csg_non_deductible_salarie", SALARIE), ("crds_salarie", SALARIE)),
    ),
}

RUBRIQUES_2016 = (
    ("Santé", ("maladie", "prevoyance", "complementaire_sante")),
    ("Accidents du travail - maladies professionnelles", ("atmp",)),
    (
        "Retraite",
        ("vieillesse_plafonnee", "vieillesse_deplafonnee", "tranche_1", "tranche_2", "retraite_supplementaire"),
    ),
    ("Famille - Sécurité sociale", ("famille",)),
    ("Assurance chômage", ("chomage", "apec")),
    ("Autres contributions dues par l'employeur", ("autres_contributions",)),
    ("Cotisations statutaires ou prévues par la convention collective", ()),
    ("CSG non imposable à l'impôt sur le revenu", ("csg_non_imposable",)),
    ("CSG/CRDS imposable à l'impôt sur le revenu", ("csg_crds_imposable",)),
)

RUBRIQUES_2025 = (
    ("Santé", ("maladie", "complementaire_sante", "prevoyance")),
    ("Accidents du travail & maladies professionnelles", ("atmp",)),
    (
        "Retraite",
        ("vieillesse_plafonnee", "vieillesse_deplafonnee", "tranche_1", "tranche_2", "retraite_supplementaire"),
    ),
    ("Famille", ("famille",)),
    ("Assurance chômage", ("chomage", "apec")),
    ("Autres charges dues par l'employeur", ("autres_contributions",)),
    ("Cotisations statutaires ou prévues par la convention collective", ()),
    ("CSG déductible de l'impôt sur le revenu", ("csg_non_imposable",)),
    ("CSG/CRDS non déductible de l'impôt sur le revenu", ("csg_crds_imposable",)),
)

LIBELLES_2025 = {
    "maladie": "Sécurité sociale - Maladie Maternité Invalidité Décès",
    "complementaire_sante": "Complémentaire garanties frais de santé obligatoire",
    "vieillesse_plafonnee": "Sécurité sociale vieillesse plafonnée",
    "vieillesse_deplafonnee": "Sécurité sociale vieillesse déplafonnée",
    "tranche_1": "Retraite complémentaire, CEG et CET T1",
    "tranche_2": "Retraite complémentaire, CEG et CET T2",
    "apec": "Apec",
    "autres_contributions": "Autres charges dues par l'employeur",
    "csg_non_imposable": "CSG déductible de l'impôt sur le revenu",
    "csg_crds_imposable": "CSG/CRDS non déductible de l'impôt sur le revenu",
}


@dataclass(frozen=True)
class Modele:
    """Modèle de bulletin en vigueur à partir de `debut` (AAAA-MM)."""

    cle: str
    debut: str
    libelle: str
    reference: str
    rubriques: tuple | None  # None : une ligne par cotisation (avant le bulletin clarifié)
    libelles: dict = field(default_factory=dict)
    titre_exonerations: str = "Exonérations et allègements de cotisations"
    total_avant_exonerations: bool = False
    prelevement_source: bool = False
    montant_net_social: bool = False


MODELES = (
    Modele(
        "avant_2018",
        "2012-01",
        "Bulletin de paie : une ligne par cotisation",
        "Code du travail, art. R3243-1 (rédaction antérieure au décret 2016-190)",
        None,
    ),
    Modele(
        "arrete_2016",
        "2018-01",
        "Bulletin de paie clarifié",
        "Arrêté du 25 février 2016 (décret 2016-190) : 1er janvier 2018, 2017 pour 300 salariés et plus",
        RUBRIQUES_2016,
    ),
    Modele(
        "arrete_2016_prelevement_source",
        "2019-01",
        "Bulletin de paie clarifié, prélèvement à la source",
        "Arrêté du 25 février 2016 modifié ; CGI art. 204 A (net à payer avant impôt, impôt prélevé, net payé)",
        RUBRIQUES_2016,
        prelevement_source=True,
    ),
    Modele(
        "arrete_2016_montant_net_social",
        "2023-07",
        "Bulletin de paie clarifié, montant net social",
        "Arrêté du 25 février 2016 modifié par l'arrêté du 31 janvier 2023 (montant net social, 1er juillet 2023)",
        RUBRIQUES_2016,
        prelevement_source=True,
        montant_net_social=True,
    ),
    Modele(
        "arrete_2023",
        "2025-01",
        "Bulletin de paie, modèle de l'arrêté du 31 janvier 2023",
        "Arrêté du 25 février 2016 modifié par l'arrêté du 31 janvier 2023 (modèle obligatoire au 1er janvier 2025)",
        RUBRIQUES_2025,
        libelles=LIBELLES_2025,
        total_avant_exonerations=True,
        prelevement_source=True,
        montant_net_social=True,
    ),
)

# Le bulletin clarifié s'imposait dès 2017 aux employeurs d'au moins 300 salariés (décret 2016-190, art. 3).
DEBUT_CLARIFIE_GRANDS_EMPLOYEURS = "2017-01"
EFFECTIF_GRANDS_EMPLOYEURS = 300

REMUNERATION = ("salaire_de_base", "primes_salaire", "remuneration_heures_supplementaires")


def modele_du_mois(periode: str, effectif: float = 0) -> Modele:
    """Le modèle en vigueur pour le mois `periode` (AAAA-MM) d'un employeur de cet effectif."""
    modele = MODELES[0]
    for candidat in MODELES:
        if periode >= candidat.debut:
            modele = candidat
    if (
        modele.rubriques is None
        and periode >= DEBUT_CLARIFIE_GRANDS_EMPLOYEURS
        and effectif >= EFFECTIF_GRANDS_EMPLOYEURS
    ):
        modele = MODELES[1]
    return modele


def centimes(montant: float) -> float:
    """Arrondi au centime le plus proche, la moitié s'éloignant de zéro, sans bruit binaire (2374.79, pas
    2374.7924999999996)."""
    arrondi = numpy.sign(montant) * arrondi_au_plus_proche(abs(montant), 2)
    return float(f"{arrondi:.2f}") + 0.0  # + 0.0 : pas de « -0.0 »


def _taux(montant: float, base: float | None) -> float | None:
    """Taux affiché : montant / base (le taux de la ligne quand elle a un seul taux), en fraction à 6 décimales."""
    if base is None or base == 0:
        return None
    return float(f"{montant / base:.6f}") + 0.0


def _reduction_rangees():
    """Une rangée par réduction ou exonération, dans l'ordre des listes de `totaux` (montants négatifs)."""
    return [Rangee("", ((nom, EMPLOYEUR),)) for nom in totaux.REDUCTIONS_EMPLOYEUR] + [
        Rangee("", ((nom, SALARIE),)) for nom in totaux.REDUCTIONS_SALARIALES
    ]


def _rangees_par_cotisation():
    """Avant le bulletin clarifié : une rangée par cotisation, parts salariale et patronale réunies (racine du nom)."""
    noms = [nom for cle in RANGEES for nom, _ in RANGEES[cle].lignes if not nom.startswith("retraite_complementaire")]
    position = noms.index("vieillesse_deplafonnee_employeur") + 1
    for payeur in (SALARIE, EMPLOYEUR):
        noms[position:position] = COTISATIONS_RETRAITE_COMPLEMENTAIRE[payeur]
        position += len(COTISATIONS_RETRAITE_COMPLEMENTAIRE[payeur])
    rangees, index = [], {}
    for nom in noms:
        racine = nom.removesuffix("_salarie").removesuffix("_employeur")
        cote = SALARIE if nom.endswith("_salarie") else EMPLOYEUR
        if racine not in index:
            index[racine] = len(rangees)
            rangees.append(Rangee("", ()))
        rangee = rangees[index[racine]]
        rangees[index[racine]] = Rangee("", (*rangee.lignes, (nom, cote)))
    return rangees


def variables_du_bulletin() -> set[str]:
    """Toutes les variables lues pour un bulletin, quel que soit le modèle."""
    noms = {nom for rangee in RANGEES.values() for nom, _ in rangee.lignes}
    noms |= {nom for rangee in _reduction_rangees() for nom, _ in rangee.lignes}
    noms |= {nom for payeur in COTISATIONS_RETRAITE_COMPLEMENTAIRE.values() for nom in payeur}
    noms |= set(BASES.values()) | set(REMUNERATION)
    noms |= {
        "remuneration_brute",
        "salaire_imposable",
        "montant_net_social",
        "net_a_payer_avant_impot",
        "impot_preleve_a_la_source",
        "taux_prelevement_source_applique",
        "cout_total_employeur",
        "assiette_sous_8_plafonds",
        "assiette_sous_1_plafond",
    }
    return noms


def _valeurs(simulation, periode: str) -> dict[str, numpy.ndarray]:
    """Chaque variable du bulletin calculée une fois pour toute la population (vectorisé)."""
    valeurs = {}
    for nom in sorted(variables_du_bulletin()):
        if nom not in simulation.tax_benefit_system.variables:
            continue
        valeurs[nom] = numpy.asarray(simulation.calculate(nom, periode), dtype=float)
    valeurs["assiette_tranche_2"] = valeurs["assiette_sous_8_plafonds"] - valeurs["assiette_sous_1_plafond"]
    return valeurs


def _texte_reference(reference) -> str:
    if reference is None:
        return ""
    return reference if isinstance(reference, str) else " ; ".join(reference)


_PARTS = (
    ("Cotisation salariale", "Cotisation"),
    ("Cotisation patronale", "Cotisation"),
    ("Contribution salariale", "Contribution"),
    ("Contribution patronale", "Contribution"),
    (", part du salarié", ""),
    (", part de l'employeur", ""),
    (", part salariale", ""),
    (", part patronale", ""),
    (" salariale ", " "),
)


def _libelle_de_cotisation(libelle: str) -> str:
    """Libellé d'une cotisation sans la mention du payeur, pour la ligne qui réunit les deux parts."""
    for avant, apres in _PARTS:
        libelle = libelle.replace(avant, apres)
    return libelle


def _ligne(systeme, valeurs, rang, nom, cote, signe):
    variable = systeme.variables[nom]
    brut = signe * float(valeurs[nom][rang]) if nom in valeurs else 0.0
    base_nom = BASES.get(nom)
    base = float(valeurs[base_nom][rang]) if base_nom else None
    return {
        "variable": nom,
        "libelle": variable.label,
        "reference": _texte_reference(variable.reference),
        "cote": cote,
        "base": centimes(base) if base is not None else None,
        "taux": _taux(brut, base),
        "montant": centimes(brut),
    }


def _rangee(systeme, valeurs, rang, rangee, libelle, signe=1):
    lignes = [_ligne(systeme, valeurs, rang, nom, cote, signe) for nom, cote in rangee.lignes]
    montants = {
        cote: centimes(sum(ligne["montant"] for ligne in lignes if ligne["cote"] == cote))
        for cote in (SALARIE, EMPLOYEUR)
    }
    bases = {ligne["base"] for ligne in lignes}
    base = bases.pop() if len(bases) == 1 else None
    return {
        "libelle": libelle or (lignes[0]["libelle"] if lignes else ""),
        "base": base,
        "taux_salarie": _taux_rangee(lignes, SALARIE, base),
        "montant_salarie": montants[SALARIE],
        "taux_employeur": _taux_rangee(lignes, EMPLOYEUR, base),
        "montant_employeur": montants[EMPLOYEUR],
        "lignes": lignes,
    }


def _taux_rangee(lignes, cote, base):
    """Somme des taux des lignes du côté, quand toutes ont la base de la rangée."""
    du_cote = [ligne for ligne in lignes if ligne["cote"] == cote and ligne["montant"] != 0]
    if base is None or not du_cote or any(ligne["base"] != base or ligne["taux"] is None for ligne in du_cote):
        return None
    return float(f"{sum(ligne['taux'] for ligne in du_cote):.6f}") + 0.0


def _non_nulle(rangee) -> bool:
    return any(ligne["montant"] != 0 for ligne in rangee["lignes"])


def _somme(rangees, cle):
    return centimes(sum(rangee[cle] for rangee in rangees))


def _bulletin(systeme, valeurs, rang, periode, modele, identifiant):
    remuneration = [
        {"variable": nom, "libelle": systeme.variables[nom].label, "montant": centimes(float(valeurs[nom][rang]))}
        for nom in REMUNERATION
        if float(valeurs[nom][rang]) != 0
    ]
    brut = centimes(sum(ligne["montant"] for ligne in remuneration))
    rubriques = []
    if modele.rubriques is None:
        rangees = []
        for r in _rangees_par_cotisation():
            rangee = _rangee(systeme, valeurs, rang, r, "")
            if len(r.lignes) > 1:
                rangee["libelle"] = _libelle_de_cotisation(rangee["libelle"])
            rangees.append(rangee)
        rubriques.append({"titre": "Cotisations et contributions sociales", "rangees": rangees})
    else:
        for titre, cles in modele.rubriques:
            rangees = []
            for cle in cles:
                libelle = modele.libelles.get(cle, RANGEES[cle].libelle)
                rangees.append(_rangee(systeme, valeurs, rang, RANGEES[cle], libelle))
            rubriques.append({"titre": titre, "rangees": rangees})
    for rubrique in rubriques:
        rubrique["rangees"] = [r for r in rubrique["rangees"] if _non_nulle(r)]
    exonerations = [_rangee(systeme, valeurs, rang, r, "", signe=-1) for r in _reduction_rangees()]
    exonerations = [r for r in exonerations if _non_nulle(r)]
    cotisations = [r for rubrique in rubriques for r in rubrique["rangees"]]
    total_salarie = _somme(cotisations + exonerations, "montant_salarie")
    total_employeur = _somme(cotisations + exonerations, "montant_employeur")
    net_avant_impot = centimes(brut - total_salarie)
    net_imposable = centimes(float(valeurs["salaire_imposable"][rang]))
    fiche = {
        "individu": identifiant,
        "periode": periode,
        "modele": {"cle": modele.cle, "libelle": modele.libelle, "reference": modele.reference},
        "remuneration": remuneration,
        "salaire_brut": brut,
        "rubriques": [r for r in rubriques if r["rangees"]],
        "exonerations": {"titre": modele.titre_exonerations, "rangees": exonerations},
        "total_avant_exonerations": modele.total_avant_exonerations,
        "totaux": {
            "cotisations_salarie": _somme(cotisations, "montant_salarie"),
            "cotisations_employeur": _somme(cotisations, "montant_employeur"),
            "exonerations_salarie": _somme(exonerations, "montant_salarie"),
            "exonerations_employeur": _somme(exonerations, "montant_employeur"),
            "salarie": total_salarie,
            "employeur": total_employeur,
        },
        "net_a_payer_avant_impot": net_avant_impot,
        "net_imposable": net_imposable,
        "cout_total_employeur": centimes(brut + total_employeur),
    }
    if modele.prelevement_source:
        taux = float(f"{float(valeurs['taux_prelevement_source_applique'][rang]):.6f}") + 0.0
        impot = centimes(taux * net_imposable)
        fiche["impot_preleve_a_la_source"] = {"base": net_imposable, "taux": taux, "montant": impot}
        fiche["net_paye"] = centimes(net_avant_impot - impot)
    else:
        fiche["net_paye"] = net_avant_impot
    if modele.montant_net_social:
        # Net à payer imprimé plus ce que le montant net social y ajoute (contributions patronales en 2023).
        ajout = float(valeurs["montant_net_social"][rang]) - float(valeurs["net_a_payer_avant_impot"][rang])
        fiche["montant_net_social"] = centimes(net_avant_impot + centimes(ajout))
    return fiche


def bulletins_de_simulation(simulation, periode: str, identifiants=None) -> list[dict]:
    """Les bulletins du mois `periode` des individus d'une simulation (tous, ou ceux de `identifiants`)."""
    periode = str(periode)
    if len(periode) != 7 or periode[4] != "-":
        raise EntreeInvalide(["periode"], f"periode : attendu un mois AAAA-MM, reçu {periode!r}.")
    systeme = simulation.tax_benefit_system
    population = simulation.persons
    ids = list(population.ids)
    if identifiants is None:
        rangs = range(len(ids))
    else:
        inconnus = [i for i in identifiants if i not in ids]
        if inconnus:
            raise EntreeInvalide(["individu"], f"individu : {inconnus[0]!r} n'est pas dans la situation.")
        rangs = [ids.index(i) for i in identifiants]
    valeurs = _valeurs(simulation, periode)
    effectifs = numpy.asarray(simulation.calculate("effectif_entreprise", periode), dtype=float)
    effectif_par_individu = effectifs[simulation.populations["entreprise"].members_entity_id]
    return [
        _bulletin(systeme, valeurs, rang, periode, modele_du_mois(periode, effectif_par_individu[rang]), ids[rang])
        for rang in rangs
    ]


def fiche_de_paie(situation: dict, periode: str, individu: str | None = None, systeme=None) -> dict:
    """Bulletin de paie du mois `periode` (AAAA-MM) pour une situation au format de l'API Web (sans valeurs null).

    `individu` : l'identifiant du salarié (facultatif quand la situation n'en a qu'un).
    """
    from openfisca_secu import CountryTaxBenefitSystem
    from openfisca_secu.api import construire

    systeme = systeme or CountryTaxBenefitSystem()
    simulation = construire(systeme, situation)
    ids = list(simulation.persons.ids)
    if individu is None:
        if len(ids) != 1:
            raise EntreeInvalide(["individu"], f"individu : à préciser, la situation en a {len(ids)}.")
        individu = ids[0]
    return bulletins_de_simulation(simulation, periode, [individu])[0]


def depuis_requete(systeme, corps) -> dict:
    """Corps de `POST /fiche_de_paie` : {"situation": {...}, "periode": "AAAA-MM", "individu": "..."} (individu
    facultatif avec un seul salarié) ; `individus` : liste d'identifiants pour plusieurs bulletins."""
    if not isinstance(corps, dict):
        raise EntreeInvalide(["corps"], "Le corps doit être un objet JSON {situation, periode, individu}.")
    inconnus = set(corps) - {"situation", "periode", "individu"}
    if inconnus:
        champ = sorted(inconnus)[0]
        raise EntreeInvalide([champ], f"{champ} : champ inconnu ; attendu situation, periode, individu.")
    for champ in ("situation", "periode"):
        if champ not in corps:
            raise EntreeInvalide([champ], f"{champ} : champ obligatoire manquant.")
    if not isinstance(corps["situation"], dict):
        raise EntreeInvalide(["situation"], "situation : attendu un objet (individus, etablissements, entreprises).")
    if not isinstance(corps["periode"], str):
        raise EntreeInvalide(["periode"], f"periode : attendu une chaîne AAAA-MM, reçu {corps['periode']!r}.")
    individu = corps.get("individu")
    if individu is not None and not isinstance(individu, str):
        raise EntreeInvalide(["individu"], f"individu : attendu un identifiant (texte), reçu {individu!r}.")
    return fiche_de_paie(corps["situation"], corps["periode"], individu, systeme)


_MONTANT = {"type": "number", "description": "euros, arrondi au centime"}
_TAUX = {
    "type": "number",
    "nullable": True,
    "description": "fraction (0.069 = 6,9 %), null si la base n'est pas unique",
}
_LIGNE = {
    "type": "object",
    "properties": {
        "variable": {"type": "string"},
        "libelle": {"type": "string"},
        "reference": {"type": "string"},
        "cote": {"type": "string", "enum": [SALARIE, EMPLOYEUR]},
        "base": {"type": "number", "nullable": True},
        "taux": _TAUX,
        "montant": _MONTANT,
    },
}
_RANGEE = {
    "type": "object",
    "properties": {
        "libelle": {"type": "string"},
        "base": {"type": "number", "nullable": True},
        "taux_salarie": _TAUX,
        "montant_salarie": _MONTANT,
        "taux_employeur": _TAUX,
        "montant_employeur": _MONTANT,
        "lignes": {"type": "array", "items": _LIGNE},
    },
}
SCHEMAS = {
    "FicheDePaieEntree": {
        "type": "object",
        "required": ["situation", "periode"],
        "properties": {
            "situation": {"type": "object", "description": "situation au format de /calculate, sans valeur null"},
            "periode": {"type": "string", "example": "2024-05"},
            "individu": {"type": "string", "description": "identifiant du salarié (facultatif s'il est seul)"},
        },
    },
    "FicheDePaie": {
        "type": "object",
        "properties": {
            "individu": {"type": "string"},
            "periode": {"type": "string"},
            "modele": {"type": "object"},
            "remuneration": {"type": "array", "items": {"type": "object"}},
            "salaire_brut": _MONTANT,
            "rubriques": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"titre": {"type": "string"}, "rangees": {"type": "array", "items": _RANGEE}},
                },
            },
            "exonerations": {"type": "object"},
            "totaux": {"type": "object", "additionalProperties": _MONTANT},
            "net_a_payer_avant_impot": _MONTANT,
            "net_imposable": _MONTANT,
            "impot_preleve_a_la_source": {"type": "object"},
            "net_paye": _MONTANT,
            "montant_net_social": _MONTANT,
            "cout_total_employeur": _MONTANT,
        },
    },
}
SPEC = {
    "post": {
        "summary": "Bulletin de paie d'un mois, au modèle en vigueur à la date",
        "description": (
            "Rubriques de l'arrêté du 25 février 2016 modifié (une ligne par cotisation avant 2018), chaque rangée "
            "avec sa base, ses taux, ses montants salarié et employeur et les lignes légales qu'elle regroupe (vue "
            "détaillée). Montants arrondis au centime ligne par ligne ; totaux et nets = sommes des lignes imprimées. "
            "Voir openfisca_secu/bulletin_de_paie.py."
        ),
        "tags": ["Calculations"],
        "operationId": "fiche_de_paie",
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FicheDePaieEntree"}}},
        },
        "responses": {
            "200": {
                "description": "Le bulletin",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FicheDePaie"}}},
            },
            "400": {"description": "Requête invalide ; le message nomme le champ fautif"},
            "415": {"description": "Corps de requête qui n'est pas du JSON"},
        },
    }
}


def format_fr(nombre: float | None, decimales: int = 2) -> str:
    """Nombre au format français : espace fine insécable des milliers, virgule décimale (« 2 374,79 »)."""
    if nombre is None:
        return ""
    texte = f"{abs(nombre):,.{decimales}f}".replace(",", "\u202f").replace(".", ",")
    nul = not any(chiffre in "123456789" for chiffre in texte)  # « 0,00 », jamais « −0,00 »
    return ("−" if nombre < 0 and not nul else "") + texte


def format_taux(taux: float | None) -> str:
    """Taux en pourcentage, au plus 4 décimales utiles (« 6,9 % », « 0,0016 % »)."""
    if taux is None:
        return ""
    texte = f"{taux * 100:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{texte} %"


def tableau(fiche: dict, vue: str = "clarifiee") -> str:
    """Le bulletin en tableau Markdown, clarifié (une ligne par rangée) ou détaillé (une ligne par ligne légale)."""
    if vue not in ("clarifiee", "detaillee"):
        raise EntreeInvalide(["vue"], f"vue : attendu clarifiee ou detaillee, reçu {vue!r}.")
    lignes = [
        "| | Base | Taux salarial | Part salarié | Taux patronal | Part employeur |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for ligne in fiche["remuneration"]:
        lignes.append(f"| {ligne['libelle']} | | | {format_fr(ligne['montant'])} | | |")
    lignes.append(f"| **Salaire brut** | | | **{format_fr(fiche['salaire_brut'])}** | | |")

    def rangees(titre, liste):
        if vue == "clarifiee" and len(liste) == 1 and titre != fiche["exonerations"]["titre"]:
            lignes.append(_ligne_de_tableau(f"**{titre}**", liste[0]))
            return
        lignes.append(f"| **{titre}** | | | | | |")
        for rangee in liste:
            if vue == "clarifiee":
                lignes.append(_ligne_de_tableau(rangee["libelle"], rangee))
            else:
                for ligne in rangee["lignes"]:
                    if ligne["montant"] != 0:
                        lignes.append(_ligne_de_tableau(f"{ligne['libelle']} ({ligne['reference']})", ligne))

    totaux_ = fiche["totaux"]
    total = ("Total des cotisations et contributions", totaux_["salarie"], totaux_["employeur"])
    for rubrique in fiche["rubriques"]:
        rangees(rubrique["titre"], rubrique["rangees"])
    if fiche["total_avant_exonerations"]:
        total = (
            "Total des cotisations et contributions obligatoires",
            totaux_["cotisations_salarie"],
            totaux_["cotisations_employeur"],
        )
        lignes.append(f"| **{total[0]}** | | | {format_fr(total[1])} | | {format_fr(total[2])} |")
    if fiche["exonerations"]["rangees"]:
        rangees(fiche["exonerations"]["titre"], fiche["exonerations"]["rangees"])
    if not fiche["total_avant_exonerations"]:
        lignes.append(f"| **{total[0]}** | | | {format_fr(total[1])} | | {format_fr(total[2])} |")
    lignes.append(
        f"| **Net à payer avant impôt sur le revenu** | | | **{format_fr(fiche['net_a_payer_avant_impot'])}** | | |"
    )
    lignes.append(f"| Net imposable | | | {format_fr(fiche['net_imposable'])} | | |")
    if "impot_preleve_a_la_source" in fiche:
        impot = fiche["impot_preleve_a_la_source"]
        lignes.append(
            f"| Impôt sur le revenu prélevé à la source | {format_fr(impot['base'])} | {format_taux(impot['taux'])} "
            f"| {format_fr(impot['montant'])} | | |"
        )
    lignes.append(f"| **Net payé** | | | **{format_fr(fiche['net_paye'])}** | | |")
    if "montant_net_social" in fiche:
        lignes.append(f"| Montant net social | | | {format_fr(fiche['montant_net_social'])} | | |")
    lignes.append(f"| Coût total employeur | | | | | {format_fr(fiche['cout_total_employeur'])} |")
    return "\n".join(lignes)


def _ligne_de_tableau(libelle, element):
    if "montant" in element:  # ligne légale : un seul côté
        salarie = element["cote"] == SALARIE
        taux = format_taux(element["taux"])
        montant = format_fr(element["montant"])
        cellules = [taux, montant, "", ""] if salarie else ["", "", taux, montant]
    else:
        cellules = [
            format_taux(element["taux_salarie"]),
            format_fr(element["montant_salarie"]) if element["montant_salarie"] else "",
            format_taux(element["taux_employeur"]),
            format_fr(element["montant_employeur"]) if element["montant_employeur"] else "",
        ]
    return f"| {libelle} | {format_fr(element['base'])} | " + " | ".join(cellules) + " |"

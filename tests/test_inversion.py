"""Inversion de la paie (openfisca_secu.inversion) : allers-retours brut → net → brut et brut → coût → brut sur une
grille de 2012 à 2026 à chaque bord de seuil, règle du plus petit brut, sauts, vectorisation, erreurs.

Aucune mesure de temps ici (voir bench/bench_api.py) : on compte les simulations, pas les secondes.
"""

import numpy
import pytest

from openfisca_secu.inversion import DECROCHAGES, brut_depuis_cout_total, brut_depuis_net, centimes, inverser
from tests.outils import simulation_population

ANNEES = range(2012, 2027)
# Situations de la grille : catégorie, effectif (seuils FNAL, formation, versement mobilité, AT/MP), temps partiel,
# Alsace-Moselle, primes fixes (l'inconnue est le salaire de base), taux de versement mobilité.
SITUATIONS = [
    {"categorie_salarie": "non_cadre", "effectif_entreprise": 10, "taux_accident_travail": 0.0112},
    {
        "categorie_salarie": "cadre",
        "effectif_entreprise": 300,
        "taux_accident_travail": 0.025,
        "quotite_de_travail": 0.8,
        "regime_alsace_moselle": True,
        "taux_versement_mobilite": 0.02,
    },
    {
        "categorie_salarie": "non_cadre",
        "effectif_entreprise": 30,
        "taux_accident_travail": 0.006,
        "quotite_de_travail": 0.5,
        "primes_salaire": 150.0,
    },
    {"categorie_salarie": "cadre", "effectif_entreprise": 5, "taux_accident_travail": 0.015},
]
CLES = sorted({cle for situation in SITUATIONS for cle in situation})
DEFAUTS = {
    "quotite_de_travail": 1.0,
    "regime_alsace_moselle": False,
    "primes_salaire": 0.0,
    "taux_versement_mobilite": 0.0,
}


def entrees_de(rangs_situation):
    """Entrées par personne (tableaux) pour une liste de numéros de situation."""
    return {cle: numpy.array([SITUATIONS[r].get(cle, DEFAUTS.get(cle)) for r in rangs_situation]) for cle in CLES}


def paie(systeme, periode, bases, entrees, *noms):
    simulation = simulation_population(systeme, periode, salaire_de_base=bases, **entrees)
    return {nom: simulation.calculate(nom, periode).astype(numpy.float64) for nom in noms}


def bords_de_seuils(systeme, periode):
    """Salaires de base (€) aux bords de chaque seuil, pour chaque situation : seuil − 1 c, seuil, seuil + 1 c.

    Seuils lus dans la simulation : SMIC du mois et ses multiples (réduction générale, taux réduits), seuils des
    taux réduits maladie et allocations familiales, plafond du salarié et ses multiples (tranches, CET, CSG).
    """
    rangs = numpy.arange(len(SITUATIONS))
    entrees = entrees_de(rangs)
    noms = ["smic_mensuel_reference", "plafond_securite_sociale", "smic_reduction_generale"]
    noms += [n for n in ("seuil_taux_reduit_maladie", "seuil_taux_reduit_allocations_familiales")]
    reference = paie(systeme, periode, numpy.full(len(rangs), 2000.0), entrees, *noms)
    bases, situation = [], []
    for r in rangs:
        smic, pss = reference["smic_mensuel_reference"][r], reference["plafond_securite_sociale"][r]
        seuils = [smic * k for k in (1, 1.2, 1.6, 2.5, 3, 3.5)] + [pss * k for k in (1, 3, 4, 8)]
        seuils += [reference["smic_reduction_generale"][r] * k for k in (1.6, 3)]
        seuils += [reference[n][r] for n in noms[3:] if reference[n][r] > 0]
        seuils += list(numpy.linspace(0, 10 * pss, 21)[1:])  # grille régulière en plus
        primes = entrees["primes_salaire"][r]
        for seuil in seuils:
            for decalage in (-0.01, 0.0, 0.01):
                base = round(round(seuil - primes, 2) + decalage, 2)
                if base >= 0:
                    bases.append(base)
                    situation.append(r)
    return numpy.array(bases), numpy.array(situation)


@pytest.mark.parametrize("annee", ANNEES)
@pytest.mark.parametrize("cible", ["salaire_net", "cout_total_employeur"])
def test_aller_retour_aux_bords_des_seuils(systeme, annee, cible):
    periode = f"{annee}-05"
    bases, situation = bords_de_seuils(systeme, periode)
    entrees = entrees_de(situation)
    noms = (cible, "assiette_cotisations_sociales", "plafond_securite_sociale")
    depart = paie(systeme, periode, bases, entrees, *noms)
    avant = paie(systeme, periode, numpy.maximum(bases - 0.01, 0), entrees, cible)[cible]
    cibles_c = centimes(depart[cible])  # le net (ou le coût) tel qu'il s'affiche, au centime

    resultat = inverser(systeme, periode, cible, cibles_c / 100, entrees)
    trouve_c = centimes(resultat.salaire_de_base)
    base_c = centimes(bases)

    # la règle, au point trouvé : atteint la cible, et le centime de brut d'avant ne l'atteint pas
    obtenu = paie(systeme, periode, resultat.salaire_de_base, entrees, cible)[cible]
    juste_avant = paie(systeme, periode, numpy.maximum(resultat.salaire_de_base - 0.01, 0), entrees, cible)[cible]
    assert (centimes(obtenu) >= cibles_c).all()
    assert ((trouve_c == 0) | (centimes(juste_avant) < cibles_c)).all()
    assert numpy.array_equal(resultat.atteint, centimes(obtenu) / 100)
    assert resultat.exact.all()  # une cible prise sur une vraie paie est toujours atteignable
    assert (trouve_c <= base_c).all()

    # aller-retour exact, sauf deux cas prévus par la règle : le centime de brut précédent donne le même montant
    # au centime (pente < 1), ou, pour le net, le brut est juste au-dessus du plafond (CET) et un brut sous le
    # plafond donne déjà ce net
    meme_centime = centimes(avant) >= cibles_c
    if cible == "salaire_net":
        premier_au_dela_c = centimes(depart["plafond_securite_sociale"] - entrees["primes_salaire"]) + 1
        ombre_cet = (trouve_c < premier_au_dela_c) & (premier_au_dela_c <= base_c)
    else:
        ombre_cet = numpy.zeros(len(bases), bool)
    explique = meme_centime | ombre_cet
    differents = trouve_c != base_c
    assert (explique[differents]).all(), bases[differents & ~explique][:5]
    # la grande majorité revient exactement au brut de départ
    assert (trouve_c == base_c).mean() > 0.6


def test_un_brut_par_centime_sur_un_balayage_fin(systeme):
    """Tous les bruts au centime autour du plafond (2024) : l'inverse du net affiché est le plus petit brut qui
    l'affiche, y compris dans l'ombre du décrochage de la CET."""
    periode = "2024-05"
    pss = systeme.parameters(periode).plafond_securite_sociale.mensuel
    bases = numpy.round(numpy.arange(pss - 12, pss + 12, 0.01), 2)
    entrees = {"effectif_entreprise": numpy.full(len(bases), 10), "taux_accident_travail": numpy.full(len(bases), 0.01)}
    nets_c = centimes(paie(systeme, periode, bases, entrees, "salaire_net")["salaire_net"])
    resultat = brut_depuis_net(systeme, periode, nets_c / 100, **entrees)
    # brute force sur le balayage : plus petit brut du balayage (ou en deçà) dont le net affiché atteint la cible
    plus_petit = numpy.array([bases[numpy.argmax(nets_c >= cible)] for cible in nets_c])
    interieur = plus_petit > bases[0]  # au bord du balayage, le plus petit brut peut être en deçà
    assert numpy.array_equal(resultat.salaire_de_base[interieur], plus_petit[interieur])
    assert (resultat.salaire_de_base[~interieur] <= bases[0]).all()
    # la CET fait baisser le net juste au-dessus du plafond : ces nets-là sont atteints sous le plafond
    assert (resultat.salaire_de_base <= pss).sum() > (bases <= pss).sum()


@pytest.mark.parametrize("annee", ANNEES)
def test_net_croissant_sauf_au_decrochage_et_cout_croissant(systeme, annee):
    """Ce que l'inversion suppose (DECROCHAGES) : de 0 à 6 plafonds, par pas de 1 € et au centime près de chaque
    seuil, le net ne baisse qu'au passage de l'assiette au-dessus du plafond, et le coût total ne baisse jamais."""
    periode = f"{annee}-05"
    assert DECROCHAGES["cout_total_employeur"] == ()
    rangs = numpy.arange(len(SITUATIONS))
    pss = systeme.parameters(periode).plafond_securite_sociale.mensuel
    grille = numpy.round(numpy.arange(0, 6 * pss, 1.0), 2)
    bords, situation_bords = bords_de_seuils(systeme, periode)
    fenetres = [numpy.round(b + numpy.arange(-300, 301) / 100, 2) for b in bords[1::3]]
    for r in rangs:
        fines = numpy.concatenate([f for f, s in zip(fenetres, situation_bords[1::3], strict=True) if s == r])
        bases = numpy.unique(numpy.concatenate([grille, fines[fines >= 0]]))
        entrees = entrees_de(numpy.full(len(bases), r))
        noms = ("salaire_net", "cout_total_employeur", "assiette_cotisations_sociales", "plafond_securite_sociale")
        valeurs = paie(systeme, periode, bases, entrees, *noms)
        cet = valeurs["assiette_cotisations_sociales"] > valeurs["plafond_securite_sociale"]
        franchit = numpy.diff(cet.astype(int)) > 0
        baisse_net = numpy.diff(valeurs["salaire_net"]) < -1e-9
        assert not (baisse_net & ~franchit).any(), bases[1:][baisse_net & ~franchit][:5]
        baisse_cout = numpy.diff(valeurs["cout_total_employeur"]) < -1e-9
        assert not baisse_cout.any(), bases[1:][baisse_cout][:5]


def test_cible_dans_un_saut_du_cout(systeme):
    """Coût total à la sortie du taux réduit maladie (2024) : le coût saute de 6 % × 2,5 SMIC ; une cible dans le
    saut donne le premier brut au-delà, `exact` faux et l'écart."""
    periode = "2024-05"
    entrees = {"effectif_entreprise": 10, "taux_accident_travail": 0.0112}
    seuil = paie(
        systeme, periode, numpy.array([2000.0]), {k: [v] for k, v in entrees.items()}, "seuil_taux_reduit_maladie"
    )
    seuil = round(float(seuil["seuil_taux_reduit_maladie"][0]), 2)
    bornes = paie(
        systeme,
        periode,
        numpy.array([seuil, seuil + 0.01]),
        {k: [v, v] for k, v in entrees.items()},
        "cout_total_employeur",
    )
    bas, haut = bornes["cout_total_employeur"]
    assert haut - bas > 200  # le saut
    resultat = brut_depuis_cout_total(systeme, periode, [(bas + haut) / 2, round(bas, 2)], **entrees)
    assert resultat.salaire_de_base.tolist() == [seuil + 0.01, seuil]
    assert resultat.exact.tolist() == [False, True]
    assert resultat.ecart[0] == pytest.approx(round(haut, 2) - round((bas + haut) / 2, 2), abs=0.011)


def test_cible_sous_le_minimum(systeme):
    """Une cible sous le net obtenu avec un salaire de base nul (primes fixes) : résultat 0, non exact."""
    resultat = brut_depuis_net(systeme, "2024-05", [10.0, 0.0], primes_salaire=500.0)
    assert resultat.salaire_de_base.tolist() == [0.0, 0.0]
    assert not resultat.exact.any()
    assert (resultat.atteint > 300).all()
    assert resultat.remuneration_brute.tolist() == [500.0, 500.0]


def test_mois_precedents_donnes_regularisation_du_plafond(systeme):
    """Les salaires des mois précédents sont des entrées : la régularisation progressive du plafond joue en mai."""
    precedents = {f"2024-{m:02d}": numpy.array([1000.0, 6000.0]) for m in range(1, 5)}
    entrees = {"salaire_de_base": precedents, "effectif_entreprise": 10, "taux_accident_travail": 0.0112}
    resultat = brut_depuis_net(systeme, "2024-05", [4500.0, 4500.0], **entrees)
    assert resultat.exact.all()
    simulation = simulation_population(
        systeme,
        "2024-05",
        salaire_de_base=resultat.salaire_de_base,
        effectif_entreprise=[10, 10],
        taux_accident_travail=[0.0112, 0.0112],
    )
    for mois, valeurs in precedents.items():
        simulation.set_input("salaire_de_base", mois, valeurs)
    nets = centimes(simulation.calculate("salaire_net", "2024-05"))
    assert nets.tolist() == [450000, 450000]
    # le cumul des mois précédents change le brut nécessaire (tranches régularisées)
    assert resultat.salaire_de_base[0] != resultat.salaire_de_base[1]


def test_decembre_regularisation_annuelle_de_la_reduction_generale(systeme):
    """Coût total de décembre avec onze mois de salaire donnés : la réduction générale est régularisée sur l'année
    (l'effectif et le taux AT/MP sont donnés pour l'année : chaque mois payé en a besoin)."""
    precedents = {f"2023-{m:02d}": numpy.array([1800.0, 2600.0]) for m in range(1, 12)}
    annee = {"effectif_entreprise": {"2023": numpy.array([10, 10])}, "taux_accident_travail": {"2023": [0.0112] * 2}}
    resultat = brut_depuis_cout_total(systeme, "2023-12", [2300.0, 2300.0], salaire_de_base=precedents, **annee)
    simulation = simulation_population(systeme, "2023-12", salaire_de_base=resultat.salaire_de_base)
    for mois, valeurs in precedents.items():
        simulation.set_input("salaire_de_base", mois, valeurs)
    simulation.set_input("effectif_entreprise", "2023", numpy.array([10, 10]))
    simulation.set_input("taux_accident_travail", "2023", numpy.array([0.0112, 0.0112]))
    cout = centimes(simulation.calculate("cout_total_employeur", "2023-12"))
    assert (cout >= 230000).all()
    assert ((cout - 230000) <= numpy.where(resultat.exact, 0, 10)).all()
    # la régularisation de décembre dépend des onze mois précédents : pas le même brut pour la même cible
    assert resultat.salaire_de_base[0] != resultat.salaire_de_base[1]
    assert (simulation.calculate("reduction_generale", "2023-12") != 0).any()


def test_vectorisee_nombre_de_simulations_independant_de_la_taille(systeme):
    """Le nombre de simulations ne croît pas avec la population (aucune boucle Python sur les personnes)."""
    aleas = numpy.random.default_rng(5)
    comptes = {}
    for taille in (3, 3000):
        nets = numpy.round(aleas.uniform(0, 15000, taille), 2)
        resultat = brut_depuis_net(
            systeme,
            "2022-05",
            nets,
            effectif_entreprise=aleas.choice([5, 30, 300], taille),
            taux_accident_travail=0.02,
            categorie_salarie=aleas.choice(["cadre", "non_cadre"], taille),
        )
        assert resultat.exact.all()
        comptes[taille] = resultat.simulations
    assert comptes[3000] <= comptes[3] + 8
    assert comptes[3000] <= 20


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"cible": "salaire_brut"}, "cible"),
        ({"periode": "2024"}, "periode"),
        ({"periode": "2024-13"}, "periode"),
        ({"montants": [-1.0]}, "montants"),
        ({"montants": [float("nan")]}, "montants"),
        ({"montants": [1e12]}, "montants"),
        ({"entrees": {"quotite_de_travail": [1.0, 0.5]}}, "quotite_de_travail"),
        ({"entrees": {"categorie_salarie": "pilote"}}, "categorie_salarie"),
        ({"entrees": {"salaire_de_base": 1000}}, "salaire_de_base"),
        ({"entrees": {"inconnue": 1}}, "inconnue"),
        ({"entrees": {"quotite_de_travail": 3}}, "quotite_de_travail"),
        ({"entrees": {"salaire_de_base": {"2024-13": [1]}}}, "salaire_de_base"),
        ({"entrees": {"regime_alsace_moselle": "false"}}, "regime_alsace_moselle"),
        ({"entrees": {"effectif_entreprise": 10.5}}, "effectif_entreprise"),
        ({"entrees": {"taux_accident_travail": "2 %"}}, "taux_accident_travail"),
    ],
)
def test_entree_impossible(systeme, arguments, message):
    parametres = {"cible": "salaire_net", "periode": "2024-05", "montants": [1500.0], "entrees": {}} | arguments
    with pytest.raises(ValueError, match=message):
        inverser(systeme, parametres["periode"], parametres["cible"], parametres["montants"], parametres["entrees"])

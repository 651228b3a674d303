"""Le constructeur rapide de l'API (openfisca_secu.api.ConstructeurDeSimulation) donne les mêmes simulations et les
mêmes erreurs que celui d'openfisca-core, en temps linéaire."""

import copy

import numpy
import pytest
from openfisca_core.errors import SituationParsingError
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.api import ConstructeurDeSimulation, calculer

PERIODE = "2024-05"


def situation_melangee(graine=7, personnes=40):
    """Plusieurs salariés par groupe, groupes dans le désordre, personnes non rattachées à un groupe."""
    aleas = numpy.random.default_rng(graine)
    individus = {
        f"p{i}": {"salaire_de_base": {PERIODE: float(aleas.integers(0, 9000))}, "salaire_net": {PERIODE: None}}
        for i in range(personnes)
    }
    ids = list(individus)
    aleas.shuffle(ids)
    etablissements, entreprises = {}, {}
    for g, debut in enumerate(range(0, personnes - 5, 7)):
        membres = ids[debut : debut + 7]
        etablissements[f"e{g}"] = {"salaries": membres, "taux_accident_travail": {PERIODE: 0.01 + g / 1000}}
        entreprises[f"a{g}"] = {"salaries": membres[:4], "effectif_entreprise": {PERIODE: 5 + 10 * g}}
    return {
        "individus": individus,
        "etablissements": dict(reversed(etablissements.items())),
        "entreprises": entreprises,
    }


def test_memes_simulations(systeme):
    corps = situation_melangee()
    rapide = ConstructeurDeSimulation().build_from_entities(systeme, copy.deepcopy(corps))
    reference = SimulationBuilder().build_from_entities(systeme, copy.deepcopy(corps))
    for pluriel in ("individus", "etablissements", "entreprises"):
        a, b = rapide.get_population(pluriel), reference.get_population(pluriel)
        assert list(a.ids) == list(b.ids)
        assert a.count == b.count
        if pluriel != "individus":
            assert numpy.array_equal(a.members_entity_id, b.members_entity_id)
            assert [r.key for r in a.members_role] == [r.key for r in b.members_role]
    for nom in ("salaire_net", "taux_accident_travail", "effectif_entreprise"):
        assert numpy.array_equal(rapide.calculate(nom, PERIODE), reference.calculate(nom, PERIODE), equal_nan=True)


def test_meme_resultat_que_l_api_openfisca(systeme):
    from openfisca_web_api import handlers

    corps = situation_melangee(graine=3)
    for personne in corps["individus"].values():
        personne["categorie_salarie"] = {PERIODE: "cadre"}
        personne["cout_total_employeur"] = {PERIODE: None}
    for entreprise in corps["entreprises"].values():
        entreprise["effectif_entreprise"] = {PERIODE: 30}
    # l'API exige que chaque individu soit dans un établissement et une entreprise (contrat d'entrée) : chaque
    # personne non rattachée reçoit ici son propre groupe, comme le ferait openfisca-core
    for identifiant in corps["individus"]:
        for pluriel, variables in (
            ("etablissements", {"taux_accident_travail": {PERIODE: 0.01}}),
            ("entreprises", {"effectif_entreprise": {PERIODE: 30}}),
        ):
            if not any(identifiant in groupe["salaries"] for groupe in corps[pluriel].values()):
                corps[pluriel][f"seul_{identifiant}"] = {"salaries": [identifiant], **variables}
    attendu = handlers.calculate(systeme, copy.deepcopy(corps))
    assert calculer(systeme, copy.deepcopy(corps)) == attendu


@pytest.mark.parametrize(
    "modification",
    [
        lambda c: c["etablissements"]["e0"]["salaries"].append("inconnu"),
        lambda c: c["etablissements"]["e1"]["salaries"].append(c["etablissements"]["e0"]["salaries"][0]),
        lambda c: c["etablissements"]["e0"].update(salaries="p1"),
        lambda c: c["entreprises"]["a0"].update(effectif_entreprise={PERIODE: "beaucoup"}),
    ],
    ids=["personne non déclarée", "personne deux fois", "rôle qui n'est pas une liste", "valeur invalide"],
)
def test_memes_erreurs(systeme, modification):
    corps = situation_melangee()
    modification(corps)
    erreurs = []
    for constructeur in (ConstructeurDeSimulation, SimulationBuilder):
        with pytest.raises((SituationParsingError, ValueError)) as erreur:
            constructeur().build_from_entities(systeme, copy.deepcopy(corps))
        erreurs.append((type(erreur.value), getattr(erreur.value, "error", str(erreur.value))))
    assert erreurs[0] == erreurs[1]

"""Pénalité pour défaut d'accord ou de plan d'action relatif à la pénibilité (L138-28 à L138-31), règles chiffrées du
texte de 2012 : effectif moyen (D138-25), proportion minimale de salariés exposés (D138-26), thèmes de l'accord
(D138-27). Rangé avec les règles de procédure faute de domaine propre (RULES.md H-10, H-11)."""

from datetime import date

import numpy

from openfisca_secu.base import ETERNITY, MONTH, YEAR, Variable
from openfisca_secu.briques_revenus import date_de_fin, refuser_si
from openfisca_secu.entities import entreprise


class date_creation_entreprise(Variable):
    value_type = date
    default_value = date(1900, 1, 1)
    entity = entreprise
    definition_period = ETERNITY
    label = "Date de création de l'entreprise (défaut : créée depuis longtemps)"
    reference = "CSS art. D138-25 al. 3"


def _rang_mois(dates):
    return numpy.asarray(dates).astype("datetime64[M]").astype(int)


class effectif_penibilite(Variable):
    value_type = float
    entity = entreprise
    definition_period = YEAR
    unit = "person"
    label = "Effectif de l'entreprise au titre de l'année pour la pénalité pénibilité (moyenne mensuelle)"
    reference = "CSS art. D138-25 ; L138-28"
    documentation = (
        "Moyenne des effectifs mensuels (effectif_entreprise : salariés sous contrat le dernier jour du mois, absents "
        "compris) de l'année civile précédente, appréciée au 31 décembre ; pour l'année suivant la création, moyenne "
        "des seuls mois d'existence ; l'année de la création, effectif du mois de création."
    )

    def formula_2012_01_01(entreprise, period):
        creation = entreprise("date_creation_entreprise", period)
        refuser_si(
            creation > date_de_fin(period),
            lambda rang: f"effectif_penibilite demandé pour {period}, avant la création de l'entreprise n° {rang}.",
        )
        rang_creation = _rang_mois(creation)

        def effectif(mois):
            valeur = entreprise("effectif_entreprise", mois)
            return valeur, _rang_mois(numpy.datetime64(str(mois.start), "M"))

        a_la_creation = entreprise.filled_array(0.0)
        for mois in period.get_subperiods(MONTH):
            valeur, rang = effectif(mois)
            a_la_creation = numpy.where(rang == rang_creation, valeur, a_la_creation)
        total = entreprise.filled_array(0.0)
        nombre = entreprise.filled_array(0)
        manquant = entreprise.filled_array(False)
        for mois in period.offset(-1, "year").get_subperiods(MONTH):
            valeur, rang = effectif(mois)
            existe = rang >= rang_creation
            manquant |= existe & (valeur < 0)
            total = total + existe * valeur
            nombre = nombre + existe
        cree_dans_l_annee = rang_creation >= _rang_mois(numpy.datetime64(str(period.start), "M"))
        manquant = numpy.where(cree_dans_l_annee, a_la_creation < 0, manquant)
        refuser_si(
            manquant,
            lambda rang: (
                f"effectif_entreprise manquant pour un mois de {period.start.year - 1} (ou le mois de création) "
                f"de l'entreprise n° {rang} : effectif_penibilite de {period} en dépend."
            ),
        )
        return numpy.where(cree_dans_l_annee, a_la_creation, total / numpy.maximum(nombre, 1))


class salaries_exposes_penibilite(Variable):
    value_type = float
    entity = entreprise
    definition_period = YEAR
    unit = "person"
    label = "Nombre de salariés exposés aux facteurs de pénibilité (L138-29)"
    reference = "CSS art. L138-29 ; D138-26"


class proportion_salaries_exposes_atteinte(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "Salariés exposés au moins égaux à la proportion minimale (50 %) de l'effectif de D138-25"
    reference = "CSS art. L138-29 ; D138-26"

    def formula_2012_01_01(entreprise, period, parameters):
        proportion = parameters(period).recouvrement.penibilite.proportion_minimale_salaries_exposes
        exposes = entreprise("salaries_exposes_penibilite", period)
        return (exposes > 0) & (exposes >= proportion * entreprise("effectif_penibilite", period))

    def formula_2013_01_01(entreprise, period):
        refuser_si(
            entreprise("salaries_exposes_penibilite", period) > 0,
            lambda rang: (
                f"proportion_salaries_exposes_atteinte pour {period} (entreprise n° {rang}) : la proportion minimale "
                "de D138-26 n'est connue que pour 2012."
            ),
        )
        return entreprise.filled_array(False)


class accord_penibilite_reduction_polyexpositions(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite de la réduction des polyexpositions (D4121-5 C. trav.)"
    reference = "CSS art. D138-27 1° a)"


class accord_penibilite_amenagement_poste(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite de l'adaptation et de l'aménagement du poste de travail"
    reference = "CSS art. D138-27 1° b)"


class accord_penibilite_conditions_travail(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite de l'amélioration des conditions de travail"
    reference = "CSS art. D138-27 2° a)"


class accord_penibilite_competences(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite du développement des compétences et des qualifications"
    reference = "CSS art. D138-27 2° b)"


class accord_penibilite_fins_de_carriere(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite de l'aménagement des fins de carrière"
    reference = "CSS art. D138-27 2° c)"


class accord_penibilite_maintien_en_activite(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite du maintien en activité des salariés exposés"
    reference = "CSS art. D138-27 2° d)"


_THEMES_PREVENTION = ("accord_penibilite_reduction_polyexpositions", "accord_penibilite_amenagement_poste")
_THEMES_COMPLEMENTAIRES = (
    "accord_penibilite_conditions_travail",
    "accord_penibilite_competences",
    "accord_penibilite_fins_de_carriere",
    "accord_penibilite_maintien_en_activite",
)


class accord_penibilite_themes_suffisants(Variable):
    value_type = bool
    entity = entreprise
    definition_period = YEAR
    label = "L'accord ou le plan traite d'au moins un thème du 1° et d'au moins deux thèmes du 2° de D138-27"
    reference = "CSS art. D138-27"

    def formula_2012_01_01(entreprise, period, parameters):
        p = parameters(period).recouvrement.penibilite
        prevention = sum(entreprise(nom, period).astype(int) for nom in _THEMES_PREVENTION)
        complementaires = sum(entreprise(nom, period).astype(int) for nom in _THEMES_COMPLEMENTAIRES)
        return (prevention >= p.themes_prevention_minimum) & (complementaires >= p.themes_complementaires_minimum)

    def formula_2013_01_01(entreprise, period):
        themes = sum(entreprise(nom, period).astype(int) for nom in _THEMES_PREVENTION + _THEMES_COMPLEMENTAIRES)
        refuser_si(
            themes > 0,
            lambda rang: (
                f"accord_penibilite_themes_suffisants pour {period} (entreprise n° {rang}) : les règles de D138-27 "
                "ne sont connues que pour 2012."
            ),
        )
        return entreprise.filled_array(False)

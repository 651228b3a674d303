"""Entités : la personne et ses deux groupes employeurs.

Un salarié appartient à un établissement (lieu de travail : taux AT/MP, Alsace-Moselle, versement mobilité) et à
une entreprise (effectif). Un établissement peut n'avoir aucun salarié listé, ce qui permet de calculer une
tarification AT/MP à partir des seules données de l'établissement.
"""

from openfisca_core.entities import build_entity

individu = build_entity(
    key="individu",
    plural="individus",
    label="Salarié, assuré ou cotisant",
    doc="Personne physique : salarié, retraité, allocataire ou travailleur indépendant.",
    is_person=True,
)

_role_salarie = {
    "key": "salarie",
    "plural": "salaries",
    "label": "Salarié",
    "doc": "Personne employée dans le groupe.",
}

etablissement = build_entity(
    key="etablissement",
    plural="etablissements",
    label="Établissement",
    doc="Lieu de travail (SIRET) : porte le taux AT/MP, le régime local d'Alsace-Moselle et le versement mobilité.",
    roles=[_role_salarie],
)

entreprise = build_entity(
    key="entreprise",
    plural="entreprises",
    label="Entreprise",
    doc="Entreprise (SIREN) : porte l'effectif qui détermine les seuils (FNAL, formation, tarification AT/MP).",
    roles=[_role_salarie],
)

entities = [individu, etablissement, entreprise]

"""Génère les taux nets collectifs AT/MP par code risque (annexe 1 des arrêtés annuels) à partir des données extraites.

    .venv/bin/python tools/atmp_taux_collectifs.py            # écrit les paramètres
    .venv/bin/python tools/atmp_taux_collectifs.py --verifier # vérifie seulement que les paramètres sont à jour

Données : `tools/donnees/atmp_taux_collectifs/taux-AAAA.json` (extraction des arrêtés par l'équipe mon-entreprise,
dépôt betagouv/taux-collectifs-cotisation-atmp, licence ouverte ; voir le README du dossier). La lecture est validée :
chaque code a la forme « 27.1ZF » (ou 00.00A / 00.00B), aucun code en double, chaque taux est un pourcentage dans
[0, 100], le drapeau « taux commun quel que soit l'effectif » n'existe et ne vaut « Oui » ou rien que de 2016 à 2020,
les codes des bureaux / fonctions support (00.00A pour le BTP, 00.00B hors BTP) sont présents chaque année, et les
taux déjà confirmés par `../shared/spec/atmp_values.yaml` sont égaux. Les quelques lignes fautives de l'extraction
sont écartées nommément (ECARTEES) : leur taux n'est pas encodé et reste une entrée.

Sorties :
- `parameters/atmp/taux_nets_collectifs/general.yaml` : une feuille par code risque (« 27.1ZF » → `27_1ZF`), une valeur
  par arrêté à sa date d'entrée en vigueur (1er janvier, 1er mai 2025 : les taux 2024 restent en vigueur jusqu'au
  30 avril 2025, décret n° 2025-318), `null` l'année où le code n'est pas publié ou n'est pas dans les données (2023) ;
- `parameters/atmp/mode_tarification/taux_collectif_quel_que_soit_effectif.yaml` : le drapeau de 2016 à 2020 (D242-6-14
  I), `null` ensuite (les données ne le donnent plus ; l'entrée activite_taux_collectif_atmp reste à donner).
"""

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

RACINE = Path(__file__).resolve().parent.parent
DONNEES = RACINE / "tools" / "donnees" / "atmp_taux_collectifs"
# ../shared/spec/atmp_values.yaml du dépôt principal (ou d'un worktree placé plus bas).
SPEC = next(
    (d / "shared" / "spec" / "atmp_values.yaml" for d in RACINE.parents if (d / "shared" / "spec").is_dir()), None
)
SORTIE_TAUX = RACINE / "parameters" / "atmp" / "taux_nets_collectifs" / "general.yaml"
SORTIE_DRAPEAU = RACINE / "parameters" / "atmp" / "mode_tarification" / "taux_collectif_quel_que_soit_effectif.yaml"

LEGIFRANCE = "https://www.legifrance.gouv.fr/jorf/id/"


@dataclass(frozen=True)
class Arrete:
    titre: str
    texte: str  # identifiant JORFTEXT
    en_vigueur: date


# Année de tarification → arrêté (README des données ; identifiants Légifrance du dépôt source).
ARRETES = {
    2016: Arrete("Arrêté du 21 décembre 2015", "JORFTEXT000031665215", date(2016, 1, 1)),
    2017: Arrete("Arrêté du 27 décembre 2016", "JORFTEXT000033735824", date(2017, 1, 1)),
    2018: Arrete("Arrêté du 30 décembre 2017", "JORFTEXT000036341681", date(2018, 1, 1)),
    2019: Arrete("Arrêté du 26 décembre 2018", "JORFTEXT000037865039", date(2019, 1, 1)),
    2020: Arrete("Arrêté du 27 décembre 2019", "JORFTEXT000039684705", date(2020, 1, 1)),
    2021: Arrete("Arrêté du 16 décembre 2020", "JORFTEXT000042731279", date(2021, 1, 1)),
    2022: Arrete("Arrêté du 24 décembre 2021", "JORFTEXT000044616004", date(2022, 1, 1)),
    2024: Arrete("Arrêté du 27 décembre 2023", "JORFTEXT000048708740", date(2024, 1, 1)),
    # Publié après le 31 décembre : taux 2024 jusqu'au 30 avril 2025 (D242-6-11 al. 3, décret n° 2025-318).
    2025: Arrete("Arrêté du 29 avril 2025", "JORFTEXT000051533180", date(2025, 5, 1)),
    2026: Arrete("Arrêté du 30 décembre 2025", "JORFTEXT000053228984", date(2026, 1, 1)),
}
# Années de tarification absentes des données : aucun taux (sauf COMPLEMENTS), une erreur le demande.
ANNEES_SANS_DONNEES = {2023: date(2023, 1, 1)}
ANNEES_DU_DRAPEAU = range(2016, 2021)

# Lignes de l'extraction écartées (taux non encodé, à saisir) : (année, code) → raison.
ECARTEES = {
    (2016, "26.6JB"): "« 103,8 » : hors de [0, 100 %] ; non confirmé par une autre source",
    (2018, "80.2AA"): "« 23 » : les autres années 0,002 % environ (virgule perdue à l'extraction)",
    (2018, "80.2CA"): "« 201 » : hors de [0, 100 %] (virgule perdue à l'extraction)",
    (2022, "80.2AA"): "« 0,0198 » : valeurs de 80.2AA et 80.2CA apparemment interverties (2021 et 2024), non confirmé",
    (2022, "80.2CA"): "« 0,0017 » : valeurs de 80.2AA et 80.2CA apparemment interverties (2021 et 2024), non confirmé",
}

# Taux hors des données, confirmés par ../shared/spec/ATMP_VALUES.md (section 3) : (année, code) → (%, titre, lien).
COMPLEMENTS = {
    (2014, "85.3AB"): (
        "3.1",
        "Arrêté de tarification AT/MP pour l'année 2014, annexe 1 (taux cité)",
        "http://coorace.org/node/11712",
    ),
    (2015, "85.3AB"): ("3.2", "Arrêté du 24 décembre 2014, annexe 1 (taux cité)", "http://coorace.org/node/11712"),
    (2023, "00.00A"): (
        "0.71",
        "Arrêté du 26 décembre 2022, annexe 1 (repris par mon-entreprise, bâtiment.publicodes)",
        "https://github.com/betagouv/mon-entreprise",
    ),
    (2023, "00.00B"): (
        "0.8",
        "Arrêté du 26 décembre 2022, annexe 1 (repris par mon-entreprise, cotisations.publicodes)",
        "https://github.com/betagouv/mon-entreprise",
    ),
}

CODE = re.compile(r"\d\d\.\d[A-Z]{2}|00\.00[AB]")
ENTETE = "CODE RISQUE"  # lignes d'en-tête répétées dans l'extraction 2021
TAUX = re.compile(r"\d+(,\d+)?")
DRAPEAU = "Taux commun quel que soit effectif ?"
SUPPORT = {"00.00A": "BTP", "00.00B": "hors BTP"}


class DonneesInvalides(Exception):  # noqa: N818 - noms français du projet
    pass


@dataclass(frozen=True)
class Ligne:
    code: str
    nature: str
    taux: Decimal | None  # en %, None si la ligne est écartée
    commun: bool | None  # drapeau 2016-2020, None ensuite


def _texte(valeur) -> str:
    return " ".join(str(valeur).replace("\xa0", " ").split())


def lire_annee(annee: int, dossier: Path = DONNEES) -> dict[str, Ligne]:
    """Les lignes validées d'une année, par code risque."""
    brutes = json.loads((dossier / f"taux-{annee}.json").read_text(encoding="utf-8"))
    lignes: dict[str, Ligne] = {}
    for rang, brute in enumerate(brutes):
        champs = {_texte(cle): valeur for cle, valeur in brute.items()}
        code = _texte(champs.get("Code risque", "")).replace(" ", "").upper()
        lieu = f"taux-{annee}.json, ligne {rang}"
        if code == ENTETE.replace(" ", ""):
            continue
        if not CODE.fullmatch(code):
            raise DonneesInvalides(f"{lieu} : code risque {champs.get('Code risque')!r} mal formé")
        if code in lignes:
            raise DonneesInvalides(f"{lieu} : code risque {code} en double")
        brut = _texte(champs.get("Taux net", "")).replace("%", "").replace(" ", "")
        if not TAUX.fullmatch(brut):
            raise DonneesInvalides(f"{lieu} : taux {champs.get('Taux net')!r} du code {code} illisible")
        taux = Decimal(brut.replace(",", "."))
        if (annee, code) in ECARTEES:
            taux = None
        elif not Decimal(0) <= taux <= Decimal(100):
            raise DonneesInvalides(f"{lieu} : taux {taux} % du code {code} hors de [0, 100]")
        commun = None
        if annee in ANNEES_DU_DRAPEAU:
            if DRAPEAU not in champs or _texte(champs[DRAPEAU]) not in ("", "Oui"):
                raise DonneesInvalides(f"{lieu} : drapeau « {DRAPEAU} » absent ou illisible pour {code}")
            commun = _texte(champs[DRAPEAU]) == "Oui"
        elif DRAPEAU in champs:
            raise DonneesInvalides(f"{lieu} : drapeau « {DRAPEAU} » inattendu après 2020")
        lignes[code] = Ligne(code, _texte(champs.get("Nature du risque", "")), taux, commun)
    ecartees_absentes = [c for (a, c) in ECARTEES if a == annee and c not in lignes]
    if ecartees_absentes:
        raise DonneesInvalides(f"taux-{annee}.json : lignes écartées introuvables {ecartees_absentes}")
    for code, public in SUPPORT.items():
        nature = lignes[code].nature.lower() if code in lignes else ""
        if "bureaux" not in nature and "fonctions support" not in nature:
            raise DonneesInvalides(f"taux-{annee}.json : {code} (bureaux ou fonctions support, {public}) absent")
    return lignes


def lire_tout(dossier: Path = DONNEES) -> dict[int, dict[str, Ligne]]:
    return {annee: lire_annee(annee, dossier) for annee in ARRETES}


def confronter_a_la_spec(donnees: dict[int, dict[str, Ligne]], spec: Path) -> tuple[int, list[str]]:
    """Nombre de taux confirmés par ATMP_VALUES comparés aux données, et les désaccords."""
    confirmes = yaml.safe_load(spec.read_text(encoding="utf-8"))["taux_collectifs"]
    compares, desaccords = 0, []
    for annee, codes in confirmes.items():
        for code, cellule in codes.items():
            valeur = cellule.get("value")
            ligne = donnees.get(int(annee), {}).get(code)
            if isinstance(valeur, (int, float)) and ligne is not None and ligne.taux is not None:
                compares += 1
                if Decimal(str(valeur)) != ligne.taux:
                    desaccords.append(f"{annee} {code} : données {ligne.taux} %, ATMP_VALUES {valeur} %")
    return compares, desaccords


def _fraction(pourcentage: Decimal) -> float:
    return float(pourcentage / 100)


def _reference(arrete: Arrete, annee: int) -> str:
    """Référence d'une valeur : une chaîne par date (le lien Légifrance complet est dans les références du nœud)."""
    return f"{arrete.titre} relatif à la tarification des risques AT/MP pour {annee}, annexe 1 ({arrete.texte})"


def _references_du_noeud() -> dict[str, list[dict[str, str]]]:
    return {
        arrete.en_vigueur.isoformat(): [{"title": _reference(arrete, annee), "href": LEGIFRANCE + arrete.texte}]
        for annee, arrete in ARRETES.items()
    }


def _dates() -> list[tuple[date, int]]:
    dates = [(arrete.en_vigueur, annee) for annee, arrete in ARRETES.items()]
    dates += [(debut, annee) for annee, debut in ANNEES_SANS_DONNEES.items()]
    dates += [(date(annee, 1, 1), annee) for annee, _ in COMPLEMENTS if annee not in ARRETES | ANNEES_SANS_DONNEES]
    return sorted(set(dates))


def parametres_taux(donnees: dict[int, dict[str, Ligne]]) -> dict:
    codes = sorted({code for lignes in donnees.values() for code in lignes} | {c for (_, c) in COMPLEMENTS})
    noeud = {
        "description": (
            "Taux nets collectifs par code risque, hors Haut-Rhin, Bas-Rhin et Moselle (annexe 1 des arrêtés ; clé = "
            "code risque avec _ à la place du point). Généré par tools/atmp_taux_collectifs.py, ne pas modifier."
        ),
        "metadata": {
            "label": "Taux nets collectifs par code risque, hors Haut-Rhin, Bas-Rhin et Moselle",
            "reference": _references_du_noeud(),
        },
    }
    for code in codes:
        valeurs, references, nature, precedent = {}, {}, "", None
        for debut, annee in _dates():
            ligne = donnees.get(annee, {}).get(code)
            complement = COMPLEMENTS.get((annee, code))
            if ligne is not None and ligne.taux is not None:
                valeur, reference = _fraction(ligne.taux), _reference(ARRETES[annee], annee)
            elif complement is not None:
                valeur = _fraction(Decimal(complement[0]))
                reference = f"{complement[1]} : {complement[2]}"
            else:
                valeur = None
                absent = (
                    "ligne de l'extraction écartée : " + ECARTEES[(annee, code)]
                    if (annee, code) in ECARTEES
                    else "code absent de l'arrêté"
                    if annee in ARRETES
                    else "arrêté absent des données"
                )
                reference = f"Tarif {annee} : {absent} ; taux à saisir"
            if ligne is not None:
                nature = ligne.nature
            if valeur is None and precedent is None:
                continue  # rien à clore
            valeurs[debut.isoformat()] = valeur
            references[debut.isoformat()] = reference
            precedent = valeur
        noeud[code.replace(".", "_")] = {
            "description": f"Taux net collectif du code risque {code} : {nature}",
            "values": valeurs,
            "metadata": {"label": f"AT/MP, taux net collectif {code}", "unit": "/1", "reference": references},
        }
    return noeud


def parametres_drapeau(donnees: dict[int, dict[str, Ligne]]) -> dict:
    codes = sorted({code for annee in ANNEES_DU_DRAPEAU for code, ligne in donnees[annee].items() if ligne.commun})
    fin = ARRETES[max(ANNEES_DU_DRAPEAU) + 1].en_vigueur
    noeud = {
        "description": (
            "Activités de la liste de l'arrêté qui gardent un taux collectif quel que soit l'effectif (D242-6-14 I ; "
            "colonne « taux commun quel que soit l'effectif » de l'annexe 1, 2016-2020). Généré par "
            "tools/atmp_taux_collectifs.py, ne pas modifier."
        ),
        "metadata": {
            "label": "Codes risque à taux collectif quel que soit l'effectif (D242-6-14 I)",
            "reference": _references_du_noeud(),
        },
    }
    for code in codes:
        valeurs, references = {}, {}
        for annee in ANNEES_DU_DRAPEAU:
            ligne = donnees[annee].get(code)
            debut = ARRETES[annee].en_vigueur.isoformat()
            valeurs[debut] = bool(ligne and ligne.commun)
            references[debut] = _reference(ARRETES[annee], annee)
        valeurs[fin.isoformat()] = None
        references[fin.isoformat()] = "Colonne absente des données depuis 2021 : entrée activite_taux_collectif_atmp"
        noeud[code.replace(".", "_")] = {
            "description": f"Le code risque {code} garde un taux collectif quel que soit l'effectif",
            "values": valeurs,
            "metadata": {
                "label": f"AT/MP, taux collectif quel que soit l'effectif, {code}",
                "unit": "bool",
                "reference": references,
            },
        }
    return noeud


def ecrire(noeud: dict) -> str:
    return yaml.safe_dump(noeud, allow_unicode=True, sort_keys=False, width=120)


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--verifier", action="store_true", help="échoue si les paramètres ne sont pas à jour")
    options = arguments.parse_args()
    try:
        donnees = lire_tout()
    except DonneesInvalides as erreur:
        print(f"données invalides : {erreur}", file=sys.stderr)
        return 1
    if SPEC is None:
        print("../shared/spec/atmp_values.yaml introuvable : confrontation impossible", file=sys.stderr)
        return 1
    compares, desaccords = confronter_a_la_spec(donnees, SPEC)
    print(f"{compares} taux confrontés à ATMP_VALUES ({SPEC})")
    if desaccords:
        print("désaccords avec ATMP_VALUES :\n" + "\n".join(desaccords), file=sys.stderr)
        return 1
    sorties = {SORTIE_TAUX: ecrire(parametres_taux(donnees)), SORTIE_DRAPEAU: ecrire(parametres_drapeau(donnees))}
    for chemin, texte in sorties.items():
        if options.verifier:
            if not chemin.exists() or chemin.read_text(encoding="utf-8") != texte:
                print(f"{chemin} n'est pas à jour : relancez tools/atmp_taux_collectifs.py", file=sys.stderr)
                return 1
        else:
            chemin.write_text(texte, encoding="utf-8")
    nombre = sum(1 for lignes in donnees.values() for ligne in lignes.values() if ligne.taux is not None)
    print(f"{nombre} taux de {len(donnees)} arrêtés, {len(ECARTEES)} lignes écartées, {len(COMPLEMENTS)} compléments")
    return 0


if __name__ == "__main__":
    sys.exit(main())

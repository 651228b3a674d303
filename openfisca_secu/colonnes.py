"""Contrat d'entrée des colonnes d'une population : fichiers CSV ou Parquet (`openfisca-secu simulate`) et tableaux
Python (`openfisca_secu.population.simulation_de_population`).

Chaque colonne porte le nom d'une variable ; chaque cellule est lue selon le type de la variable, sans rien deviner :

- booléen : booléen natif, nombre 0 ou 1, ou texte true/false, vrai/faux, oui/non, 1/0 (toute casse) ;
- nombre : nombre natif fini, ou texte décimal (`2500.5`, `1e3` ; `2500,5` dans un CSV séparé par « ; ») ; une
  variable entière n'accepte qu'une valeur entière ;
- énumération : le nom d'une de ses valeurs (ou, en Python, la valeur elle-même) ;
- date : date native sans heure ou texte AAAA-MM-JJ.

Une cellule vide, illisible, d'un type incompatible ou hors des bornes de `validation.BORNES` est refusée :
`ErreurDePopulation` nomme la colonne et la position (ligne du fichier, en-tête = ligne 1 ; ou index du tableau).
"""

import datetime
from collections.abc import Callable

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_secu.validation import BORNES, DATE, EntreeInvalide, lire_booleen, lire_nombre, type_attendu

BOOLEENS_ATTENDUS = "true/false, vrai/faux, oui/non ou 1/0"
_ENTIER = numpy.iinfo(numpy.int32)  # stockage des variables entières d'OpenFisca


class ErreurDePopulation(EntreeInvalide):
    """Fichier ou colonne de population refusés ; le message nomme le fichier, la colonne et la ligne (ou l'index)."""

    def __init__(self, message: str, colonne: str | None = None, position: str | None = None):
        chemin = [str(element) for element in (colonne, position) if element is not None] or ["population"]
        super().__init__(chemin, message)
        self.colonne, self.position = colonne, position

    def dans(self, fichier: str) -> "ErreurDePopulation":
        """La même erreur, préfixée du nom du fichier."""
        return ErreurDePopulation(f"{fichier}, {self.message}", self.colonne, self.position)


def position_dans_un_fichier(premiere_ligne: int) -> Callable[[int], str]:
    """Position d'une cellule comme dans un tableur : `premiere_ligne` est le numéro de la première cellule."""
    return lambda rang: f"ligne {premiere_ligne + rang}"


def position_dans_un_tableau(rang: int) -> str:
    return f"index {rang}"


def _genre(valeur) -> str:
    """Genre d'une valeur Python (tableaux de type objet : Parquet avec des vides, listes mélangées)."""
    if valeur is None or (isinstance(valeur, float | numpy.floating) and numpy.isnan(valeur)):
        return "vide"
    if isinstance(valeur, bool | numpy.bool_):
        return "b"
    if isinstance(valeur, int | numpy.integer):
        return "i"
    if isinstance(valeur, float | numpy.floating):
        return "f"
    if isinstance(valeur, str):
        return "U"
    if isinstance(valeur, datetime.date | numpy.datetime64):
        return "M"
    if isinstance(valeur, Enum):
        return "E"
    return "autre"


_NOMS_DES_GENRES = {
    "b": "un booléen",
    "i": "un nombre",
    "u": "un nombre",
    "f": "un nombre",
    "U": "un texte",
    "M": "une date",
    "E": "une valeur d'énumération",
    "autre": "une valeur",
}


def attendu(variable) -> str:
    return type_attendu(variable, booleen=f"un booléen ({BOOLEENS_ATTENDUS})")


def convertir_colonne(variable, valeurs, colonne: str, position: Callable[[int], str], decimale: str = "."):
    """Tableau d'entrée d'une variable (noms pour une énumération), ou ErreurDePopulation à la première cellule fautive.

    `decimale` : séparateur décimal des nombres écrits en texte (« , » dans un CSV séparé par « ; »).
    """

    def refuser(rang, raison):
        lieu = position(rang)
        raise ErreurDePopulation(f"colonne « {colonne} », {lieu} : {raison}", colonne, lieu)

    if hasattr(valeurs, "to_numpy"):  # pandas
        valeurs = valeurs.to_numpy()
    if not isinstance(valeurs, numpy.ndarray) or valeurs.dtype.kind == "O":
        valeurs = numpy.array(list(valeurs) if not isinstance(valeurs, numpy.ndarray) else valeurs, dtype=object)
    if valeurs.ndim != 1:
        raise ErreurDePopulation(
            f"colonne « {colonne} » : attendu un tableau à une dimension (une valeur par salarié), "
            f"reçu la forme {valeurs.shape}",
            colonne,
        )
    if valeurs.dtype.kind != "O":
        return _convertir_type(variable, valeurs, decimale, refuser, numpy.arange(len(valeurs)))
    genres = numpy.array([_genre(valeur) for valeur in valeurs.tolist()], dtype=object)
    resultat = None
    for genre in dict.fromkeys(genres.tolist()):
        rangs = numpy.flatnonzero(genres == genre)
        if genre == "vide":
            refuser(int(rangs[0]), f"valeur manquante ; attendu {attendu(variable)}")
        if genre == "autre":
            refuser(int(rangs[0]), f"valeur « {valeurs[rangs[0]]} » illisible ; attendu {attendu(variable)}")
        partie = valeurs[rangs]
        if genre == "E":
            partie = numpy.array(
                [_nom_de_membre(variable, membre, refuser, rang) for membre, rang in zip(partie, rangs, strict=True)]
            )
        elif genre == "M":
            partie = numpy.array([numpy.datetime64(valeur) for valeur in partie])
        else:
            partie = numpy.array(partie.tolist(), dtype={"b": bool, "i": numpy.int64, "f": float, "U": str}[genre])
        converti = _convertir_type(variable, partie, decimale, refuser, rangs)
        if resultat is None:
            resultat = numpy.empty(len(valeurs), dtype=converti.dtype if converti.dtype.kind != "U" else object)
        resultat[rangs] = converti
    if resultat is not None and resultat.dtype == object:
        resultat = resultat.astype(str)
    return resultat if resultat is not None else _convertir_type(variable, valeurs.astype(float), ".", refuser, [])


def _nom_de_membre(variable, membre, refuser, rang):
    if variable.value_type != Enum or membre.name not in variable.possible_values.__members__:
        refuser(int(rang), f"valeur « {membre} » d'une autre énumération ; attendu {attendu(variable)}")
    return membre.name


def _convertir_type(variable, valeurs, decimale, refuser, rangs):
    """Conversion d'un tableau d'un seul type numpy ; `rangs` : rang de chaque valeur dans la colonne d'origine."""
    genre = valeurs.dtype.kind
    if genre == "S":
        valeurs, genre = valeurs.astype(str), "U"

    def premier(masque, raison):
        if numpy.any(masque):
            rang = int(numpy.flatnonzero(masque)[0])
            refuser(int(rangs[rang]), raison(valeurs[rang]))

    def incompatible(_valeur):
        return f"{_NOMS_DES_GENRES.get(genre, 'une valeur')} ({valeurs.dtype}) ; attendu {attendu(variable)}"

    if genre == "U":
        valeurs = numpy.char.strip(valeurs)
        premier(valeurs == "", lambda _: f"valeur manquante ; attendu {attendu(variable)}")
    if genre == "f":
        premier(numpy.isnan(valeurs), lambda _: f"valeur manquante ; attendu {attendu(variable)}")
    type_ = variable.value_type

    if type_ is bool:
        if genre == "b":
            return valeurs
        if genre in "iuf":
            premier(~numpy.isin(valeurs, (0, 1)), lambda v: f"valeur {v} ; attendu {attendu(variable)}")
            return valeurs.astype(bool)
        if genre == "U":  # la règle des cellules de l'API et des fichiers : validation.lire_booleen
            textes, rang_du_texte = numpy.unique(valeurs, return_inverse=True)  # chaque texte distinct lu une fois
            lus = [lire_booleen(texte) for texte in textes.tolist()]
            premier(
                numpy.array([lu is None for lu in lus], dtype=bool)[rang_du_texte],
                lambda v: f"valeur « {v} » illisible ; attendu {attendu(variable)}",
            )
            return numpy.array(lus, dtype=bool)[rang_du_texte]
        premier(numpy.ones(len(valeurs), bool), incompatible)

    if type_ in (float, int):
        if genre == "U":
            valeurs = _nombres_ecrits(valeurs, decimale, premier, attendu(variable))
            genre = "f"
        if genre not in "iuf":
            premier(numpy.ones(len(valeurs), bool), incompatible)
        if genre == "f":
            premier(~numpy.isfinite(valeurs), lambda v: f"valeur {v} ; attendu {attendu(variable)} fini")
        if type_ is int:
            premier(valeurs != numpy.round(valeurs), lambda v: f"valeur {v} non entière ; attendu un nombre entier")
            premier(
                (valeurs < _ENTIER.min) | (valeurs > _ENTIER.max),
                lambda v: f"valeur {v} trop grande pour un nombre entier",
            )
        valeurs = valeurs.astype(variable.dtype, copy=False)  # déjà du bon type : le tableau lui-même
        minimum, maximum = BORNES.get(variable.name, (None, None))
        if minimum is not None:
            premier(valeurs < minimum, lambda v: f"valeur {v} impossible ; attendu {_bornes(minimum, maximum)}")
        if maximum is not None:
            premier(valeurs > maximum, lambda v: f"valeur {v} impossible ; attendu {_bornes(minimum, maximum)}")
        return valeurs

    if type_ == Enum:
        if genre != "U":
            premier(numpy.ones(len(valeurs), bool), incompatible)
        noms = list(variable.possible_values.__members__)
        premier(~numpy.isin(valeurs, noms), lambda v: f"valeur « {v} » inconnue ; attendu {attendu(variable)}")
        return valeurs

    if type_ is datetime.date:
        if genre == "U":
            premier(
                numpy.array([DATE.fullmatch(texte) is None for texte in valeurs.tolist()], dtype=bool),
                lambda v: f"valeur « {v} » illisible ; attendu {attendu(variable)}",
            )
            try:
                return valeurs.astype("datetime64[D]")
            except ValueError:
                lisibles = [_date_valide(texte) for texte in valeurs.tolist()]
                premier(~numpy.array(lisibles), lambda v: f"date « {v} » impossible ; attendu {attendu(variable)}")
        if genre == "M":
            jours = valeurs.astype("datetime64[D]")
            premier(numpy.isnat(jours), lambda _: f"valeur manquante ; attendu {attendu(variable)}")
            premier(jours != valeurs, lambda v: f"date {v} avec une heure ; attendu {attendu(variable)}")
            return jours
        premier(numpy.ones(len(valeurs), bool), incompatible)

    if genre != "U":
        premier(numpy.ones(len(valeurs), bool), incompatible)
    return valeurs


def _date_valide(texte: str) -> bool:
    try:
        numpy.datetime64(texte, "D")
    except ValueError:
        return False
    return True


def _bornes(minimum, maximum) -> str:
    return f"un nombre entre {minimum} et {maximum}" if maximum is not None else f"un nombre d'au moins {minimum}"


def _nombres_ecrits(textes, decimale, premier, attendu_):
    """Nombres écrits en texte : un seul séparateur décimal (celui du fichier), ni espace ni séparateur de milliers."""
    if decimale == ",":
        premier(
            numpy.char.find(textes, ".") >= 0,
            lambda v: f"valeur « {v} » : dans un CSV séparé par « ; », le séparateur décimal est la virgule",
        )
        textes = numpy.char.replace(textes, ",", ".")
    # la règle des chaînes numériques de l'API, appliquée une fois à chaque texte distinct
    distincts, rang_du_texte = numpy.unique(textes, return_inverse=True)
    nombres = [lire_nombre(texte) for texte in distincts.tolist()]
    premier(
        numpy.array([nombre is None for nombre in nombres], dtype=bool)[rang_du_texte],
        lambda v: f"valeur « {v} » illisible ; attendu {attendu_}",
    )
    return numpy.array([numpy.nan if nombre is None else nombre for nombre in nombres], dtype=float)[rang_du_texte]


def controler_population(entrees: dict, position: Callable[[int], str]) -> None:
    """Contrôles entre colonnes : une quotité de travail nulle avec un salaire de base versé est refusée."""
    if "quotite_de_travail" in entrees and "salaire_de_base" in entrees:
        fautifs = (entrees["quotite_de_travail"] == 0) & (entrees["salaire_de_base"] > 0)
        if fautifs.any():
            rang = int(numpy.flatnonzero(fautifs)[0])
            lieu = position(rang)
            raise ErreurDePopulation(
                f"colonne « quotite_de_travail », {lieu} : quotité nulle alors qu'un salaire de base de "
                f"{entrees['salaire_de_base'][rang]} est versé ; attendu une quotité entre 0 (exclu) et 1",
                "quotite_de_travail",
                lieu,
            )

"""Inversion de la paie : le salaire de base brut qui donne un salaire net ou un coût total employeur voulu.

    from openfisca_secu import CountryTaxBenefitSystem
    from openfisca_secu.inversion import brut_depuis_net, brut_depuis_cout_total

    systeme = CountryTaxBenefitSystem()
    resultat = brut_depuis_net(systeme, "2024-05", [2000, 3500], effectif_entreprise=[10, 300],
                               taux_accident_travail=0.0112, categorie_salarie=["non_cadre", "cadre"])
    resultat.salaire_de_base      # array([2561.38, 4528.47]) par exemple

**Règle.** Les montants se comparent au centime : la cible est arrondie au centime, et le résultat est le plus petit
salaire de base, au centime, dont le salaire net (ou le coût total) arrondi au centime est supérieur ou égal à la
cible. Toutes les autres entrées (primes, heures supplémentaires, quotité, effectif, taux AT/MP...) restent fixes.

- Quand la cible est atteignable, le résultat la donne exactement (`exact` vrai, `ecart` nul) ; si deux bruts au
  centime donnent le même net au centime (pente du net < 1), c'est le plus petit des deux.
- Quand elle ne l'est pas, le résultat est le premier brut qui la dépasse et `ecart` dit de combien : coût total qui
  saute d'un coup (fin du taux réduit maladie ou allocations familiales, CET au-delà du plafond, fin de la réduction
  générale dégressive à 3 SMIC), pente du coût supérieure à 1 (certains centimes ne sont atteints par aucun brut),
  ou cible sous le montant obtenu avec un salaire de base nul (résultat 0).
- Le net n'est pas partout croissant : depuis 2019, la CET salariale s'applique à toute la rémunération (tranches 1
  et 2) dès que l'assiette dépasse le plafond, et le net baisse d'environ 5 € quand le brut franchit le plafond. Pour
  une cible comprise entre le net juste au-dessus du plafond et le net au plafond, deux bruts conviennent : la règle
  retient le plus petit (sous le plafond). `DECROCHAGES` liste ces points ; `tests/test_inversion.py` vérifie qu'il
  n'y en a pas d'autre (balayage du net et du coût de 2012 à 2026).

**Algorithme** (vectorisé, aucune boucle Python sur les personnes) : chaque itération est une seule simulation où
chaque personne encore non résolue est dupliquée K fois, une copie par brut candidat. On encadre d'abord la solution
(grille géométrique de candidats), puis on resserre l'encadrement : les deux candidats autour de l'estimation par la
sécante (la paie est affine par morceaux, ils encadrent la solution en une fois sur un morceau affine) et K − 2
points régulièrement espacés (l'intervalle est divisé par K − 1 au moins, ce qui borne le nombre d'itérations).
Pour le net, on cherche d'abord le brut où l'assiette franchit le plafond, puis on résout sous ce point si le net y
atteint déjà la cible, au-dessus sinon : sur chacun de ces intervalles le net est croissant.

**Situation** : un salarié par ligne, seul dans son établissement et son entreprise (les variables d'établissement
et d'entreprise sont données par salarié), comme `openfisca_secu.population.simulation_de_population`. Une entrée
est un scalaire (commun à tous), un tableau d'une valeur par personne pour le mois `periode`, ou un dictionnaire
{période: tableau} pour d'autres périodes (les salaires des mois précédents, pour la régularisation du plafond ou de
la réduction générale). Le salaire de base du mois `periode` est l'inconnue : il ne doit pas être donné.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_secu.validation import EntreeInvalide, lire_nombre

INCONNUE = "salaire_de_base"
CIBLES = ("salaire_net", "cout_total_employeur")

# Points où la cible peut baisser quand le brut monte : variable (assiette − seuil) dont le passage au-dessus de 0
# fait baisser la cible d'un coup. Depuis 2019, la CET salariale s'applique à toutes les tranches dès que l'assiette
# du mois dépasse le plafond (ANI AGIRC-ARRCO du 17/11/2017) ; elle est continue avant.
DECROCHAGES = {
    "salaire_net": (("assiette_cotisations_sociales", "plafond_securite_sociale"),),
    "cout_total_employeur": (),
}

# Personnes × candidats par simulation visé : K = PERSONNES_PAR_SIMULATION / personnes à résoudre, entre K_MIN et K_MAX.
PERSONNES_PAR_SIMULATION = 50_000
K_MIN = 4
K_MAX = 32
ITERATIONS_MAXIMALES = 60
# Centimes de brut au-delà desquels on renonce : 10 millions d'euros par mois.
BRUT_MAXIMAL_CENTIMES = 1_000_000_000


@dataclass
class Inversion:
    """Résultat d'une inversion, une valeur par personne (tableaux numpy)."""

    cible: str
    periode: str
    montant_cible: numpy.ndarray  # cible arrondie au centime (€)
    salaire_de_base: numpy.ndarray  # € au centime : l'inconnue résolue
    remuneration_brute: numpy.ndarray  # € : salaire de base + primes + heures supplémentaires
    atteint: numpy.ndarray  # € : net (ou coût total) obtenu avec ce salaire de base, arrondi au centime
    ecart: numpy.ndarray  # € : atteint − cible, ≥ 0 (0 si exact)
    exact: numpy.ndarray  # bool : la cible est atteinte au centime
    simulations: int  # nombre de simulations vectorisées utilisées

    def en_dictionnaire(self) -> dict:
        """Forme JSON (listes) pour l'API Web."""
        return {
            "cible": self.cible,
            "periode": self.periode,
            "montant_cible": self.montant_cible.tolist(),
            INCONNUE: self.salaire_de_base.tolist(),
            "remuneration_brute": self.remuneration_brute.tolist(),
            "atteint": self.atteint.tolist(),
            "ecart": self.ecart.tolist(),
            "exact": self.exact.tolist(),
            "simulations": self.simulations,
        }


def brut_depuis_net(systeme, periode, nets, **entrees) -> Inversion:
    """Plus petit salaire de base dont le salaire net arrondi au centime atteint `nets` (voir la règle du module)."""
    return inverser(systeme, periode, "salaire_net", nets, entrees)


def brut_depuis_cout_total(systeme, periode, couts, **entrees) -> Inversion:
    """Plus petit salaire de base dont le coût total employeur arrondi au centime atteint `couts`."""
    return inverser(systeme, periode, "cout_total_employeur", couts, entrees)


def centimes(montants) -> numpy.ndarray:
    """Montants en € → centimes entiers, arrondis au plus proche (la moitié vers le haut, bruit binaire effacé)."""
    return numpy.floor(numpy.round(numpy.asarray(montants, dtype=numpy.float64) * 100, 6) + 0.5).astype(numpy.int64)


def inverser(systeme, periode, cible, montants, entrees=None) -> Inversion:
    """Salaire de base de `periode` (un mois) pour que `cible` (salaire_net ou cout_total_employeur) vaille `montants`.

    Lève ValueError, en nommant le champ et la valeur, pour une cible inconnue, une période qui n'est pas un mois, un
    montant négatif ou non fini, une entrée inconnue ou de longueur incohérente.
    """
    if cible not in CIBLES:
        raise EntreeInvalide(["cible"], f"cible : {cible!r} inconnue ; attendu l'une de {', '.join(CIBLES)}.")
    periode = _mois(periode)
    montants = numpy.atleast_1d(_nombres("montants", montants))
    fautifs = ~numpy.isfinite(montants) | (montants < 0)
    if fautifs.any():
        rang = int(numpy.flatnonzero(fautifs)[0])
        raise EntreeInvalide(
            ["montants"], f"montants : valeur {montants[rang]} impossible (personne n° {rang}) ; attendu un nombre ≥ 0."
        )
    if (montants * 100 > BRUT_MAXIMAL_CENTIMES).any():
        rang = int(numpy.flatnonzero(montants * 100 > BRUT_MAXIMAL_CENTIMES)[0])
        raise EntreeInvalide(
            ["montants"],
            f"montants : valeur {montants[rang]} hors du domaine traité (au plus {BRUT_MAXIMAL_CENTIMES // 100} €).",
        )
    evaluer = _Evaluateur(systeme, periode, list(_preparer(systeme, periode, entrees or {}, len(montants))))
    cibles = centimes(montants)

    # 1. La valeur au salaire de base nul : si elle atteint déjà la cible, la réponse est 0.
    zero = numpy.zeros((len(cibles), 1), dtype=numpy.int64)
    f_zero = evaluer(numpy.arange(len(cibles)), zero, cible)[:, 0]
    bas = numpy.zeros(len(cibles), dtype=numpy.int64)
    f_bas = f_zero
    haut = numpy.full(len(cibles), -1, dtype=numpy.int64)  # -1 : pas encore d'encadrement
    f_haut = numpy.full(len(cibles), numpy.nan)

    # 2. Décrochage (net, CET) : D = plus petit brut où l'assiette dépasse strictement le seuil. Le net est croissant
    # sur [0, D − 1 c] et sur [D, ∞[, et baisse entre les deux. Si le net en D − 1 c atteint la cible, la solution
    # est dans [0, D − 1 c] ; sinon rien avant D ne l'atteint et on cherche au-delà de D − 1 c.
    for assiette, seuil in DECROCHAGES[cible]:
        ecart_zero = (evaluer.valeurs(assiette) - evaluer.valeurs(seuil))[:, 0]
        premier_au_dela = _plus_petit(
            evaluer,
            _Critere(lambda e, a=assiette, s=seuil: e.valeurs(a) - e.valeurs(s), numpy.zeros(len(cibles)), strict=True),
            bas=numpy.zeros(len(cibles), dtype=numpy.int64),
            f_bas=ecart_zero,
            haut=numpy.where(ecart_zero > 0, 0, -1),
            f_haut=numpy.where(ecart_zero > 0, ecart_zero, numpy.nan),
            pas=numpy.full(len(cibles), 100_000.0),
        )
        dernier_en_deca = numpy.maximum(premier_au_dela - 1, 0)
        f_decrochage = evaluer(numpy.arange(len(cibles)), dernier_en_deca[:, None], cible)[:, 0]
        atteint_avant = (centimes(f_decrochage) >= cibles) & (premier_au_dela > 0)
        haut = numpy.where(atteint_avant & (haut < 0), dernier_en_deca, haut)
        f_haut = numpy.where(atteint_avant & numpy.isnan(f_haut), f_decrochage, f_haut)
        plus_haut = ~atteint_avant & (premier_au_dela > 0) & (haut < 0)
        bas = numpy.where(plus_haut & (dernier_en_deca > bas), dernier_en_deca, bas)
        f_bas = numpy.where(plus_haut & (dernier_en_deca > 0), f_decrochage, f_bas)

    # 3. Recherche du plus petit brut sur l'intervalle croissant retenu, pour les cibles que 0 n'atteint pas.
    deja = centimes(f_zero) >= cibles
    bas = numpy.where(deja, 0, bas)
    haut = numpy.where(deja, 0, haut)
    resultat = numpy.zeros(len(cibles), dtype=numpy.int64)
    a_resoudre = ~deja
    if a_resoudre.any():
        idx = numpy.flatnonzero(a_resoudre)
        sous = _Critere(lambda e: e.valeurs(cible), cibles[idx] / 100, strict=False, centimes=cibles[idx])
        resultat[idx] = _plus_petit(
            evaluer.sous_ensemble(idx),
            sous,
            bas=bas[idx],
            f_bas=f_bas[idx],
            haut=haut[idx],
            f_haut=f_haut[idx],
            pas=numpy.maximum(cibles[idx] - centimes(f_bas[idx]), 100).astype(numpy.float64),
        )

    # 4. La paie du résultat.
    finale = evaluer(numpy.arange(len(cibles)), resultat[:, None], cible, "remuneration_brute")
    atteint = centimes(finale[cible][:, 0])
    return Inversion(
        cible=cible,
        periode=str(periode),
        montant_cible=cibles / 100,
        salaire_de_base=resultat / 100,
        remuneration_brute=finale["remuneration_brute"][:, 0],
        atteint=atteint / 100,
        ecart=(atteint - cibles) / 100,
        exact=atteint == cibles,
        simulations=evaluer.simulations,
    )


class _Critere:
    """Ce qu'on cherche à atteindre : `valeur(evaluateur)` ≥ cible (ou > si strict), comparé au centime si demandé."""

    def __init__(self, valeur, cibles, strict, centimes=None):
        self.valeur = valeur
        self.cibles = numpy.asarray(cibles, dtype=numpy.float64)
        self.strict = strict
        self.centimes = centimes

    def atteint(self, valeurs, idx):
        if self.centimes is not None:
            return centimes(valeurs) >= self.centimes[idx][:, None]
        cibles = self.cibles[idx][:, None]
        return valeurs > cibles if self.strict else valeurs >= cibles


def _plus_petit(evaluer, critere, bas, f_bas, haut, f_haut, pas):
    """Plus petit brut b (centimes) de ]bas, haut] qui atteint le critère, la valeur étant croissante sur l'intervalle.

    `bas` n'atteint pas le critère ; `haut` vaut -1 là où aucun brut atteignant le critère n'est encore connu : on
    l'encadre alors par une grille géométrique au-dessus de `bas` (de pas/4 à 8 pas, puis 8 fois plus loin).
    """
    bas, haut = bas.copy(), haut.copy()
    f_bas, f_haut = f_bas.astype(numpy.float64), f_haut.astype(numpy.float64)
    pas = pas.copy()
    for _ in range(ITERATIONS_MAXIMALES):
        sans_haut = haut < 0
        actifs = sans_haut | (haut - bas > 1)
        if not actifs.any():
            return haut
        idx = numpy.flatnonzero(actifs)
        k = int(numpy.clip(PERSONNES_PAR_SIMULATION // len(idx), K_MIN, K_MAX))
        b, h, fb, fh = bas[idx], haut[idx], f_bas[idx], f_haut[idx]
        # encadrement : grille géométrique au-dessus de bas
        grille = b[:, None] + numpy.ceil(pas[idx][:, None] * numpy.geomspace(0.25, 8, k)[None, :]).astype(numpy.int64)
        # resserrement : sécante (deux points autour de l'estimation) et points régulièrement espacés
        cibles = critere.cibles[idx]
        pente = (fh - fb) / numpy.maximum(h - b, 1)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            estime = b + (cibles - fb) / pente
        estime = numpy.where(numpy.isfinite(estime), estime, (b + h) / 2)
        secante = numpy.clip(numpy.ceil(estime), b + 1, numpy.maximum(h - 1, b + 1)).astype(numpy.int64)
        reguliers = b[:, None] + numpy.round((h - b)[:, None] * numpy.arange(1, k - 1)[None, :] / (k - 1))
        resserre = numpy.column_stack([secante - 1, secante, reguliers.astype(numpy.int64)])
        candidats = numpy.where(sans_haut[idx][:, None], grille, resserre)
        candidats = numpy.clip(candidats, b[:, None] + 1, numpy.where(h < 0, BRUT_MAXIMAL_CENTIMES, h)[:, None])
        valeurs = critere.valeur(evaluer.appel(idx, candidats))
        ok = critere.atteint(valeurs, idx)
        # nouveau haut : le plus petit candidat qui atteint ; nouveau bas : le plus grand en deçà qui n'atteint pas
        cand_haut = numpy.where(ok, candidats, numpy.iinfo(numpy.int64).max)
        j = numpy.argmin(cand_haut, axis=1)
        trouve = ok.any(axis=1)
        nouveau_haut = numpy.where(trouve, cand_haut[numpy.arange(len(idx)), j], h)
        nouveau_f_haut = numpy.where(trouve, valeurs[numpy.arange(len(idx)), j], fh)
        limite = numpy.where(nouveau_haut < 0, numpy.iinfo(numpy.int64).max, nouveau_haut)
        cand_bas = numpy.where(~ok & (candidats < limite[:, None]) & (candidats > b[:, None]), candidats, -1)
        i = numpy.argmax(cand_bas, axis=1)
        monte = cand_bas[numpy.arange(len(idx)), i] > b
        haut[idx], f_haut[idx] = nouveau_haut, nouveau_f_haut
        bas[idx] = numpy.where(monte, cand_bas[numpy.arange(len(idx)), i], b)
        f_bas[idx] = numpy.where(monte, valeurs[numpy.arange(len(idx)), i], fb)
        # pas d'encadrement : on repart du dernier candidat, 8 fois plus loin
        encore = ~trouve & sans_haut[idx]
        if (encore & (candidats.max(axis=1) >= BRUT_MAXIMAL_CENTIMES)).any():
            raise EntreeInvalide(
                ["montants"],
                f"montants : cible non atteinte sous {BRUT_MAXIMAL_CENTIMES // 100} € de salaire de base mensuel.",
            )
        pas[idx] = numpy.where(encore, pas[idx] * 8, pas[idx])
    raise RuntimeError("inversion : pas de convergence (ne devrait pas arriver, l'intervalle est divisé à chaque tour)")


class _Evaluateur:
    """Calcule la paie de candidats : une simulation par appel, chaque personne dupliquée une fois par candidat."""

    def __init__(self, systeme, periode, entrees, compteur=None):
        self.systeme = systeme
        self.periode = periode
        self.entrees = entrees  # [(nom, période, tableau d'une valeur par personne)]
        self.compteur = compteur if compteur is not None else {"simulations": 0}
        self._simulation = None
        self._valeurs = {}

    @property
    def simulations(self):
        return self.compteur["simulations"]

    def sous_ensemble(self, idx):
        """Évaluateur des seules personnes `idx` (même compteur de simulations)."""
        entrees = [(nom, periode, valeurs[idx]) for nom, periode, valeurs in self.entrees]
        return _Evaluateur(self.systeme, self.periode, entrees, self.compteur)

    def appel(self, idx, candidats):
        """Simule les candidats (centimes, forme personnes × K) ; `valeurs` lit ensuite cette simulation."""
        m, k = candidats.shape
        simulation = SimulationBuilder().build_default_simulation(self.systeme, m * k)
        for nom, periode, valeurs in self.entrees:
            simulation.set_input(nom, periode, numpy.tile(valeurs[idx], k))
        # copie k de la personne i au rang k × m + i
        simulation.set_input(INCONNUE, self.periode, candidats.T.reshape(-1) / 100)
        self._simulation, self._forme = simulation, (k, m)
        self._valeurs = {}
        self.compteur["simulations"] += 1
        return self

    def valeurs(self, nom):
        """Valeurs de `nom` pour la dernière simulation, forme personnes × K."""
        if nom not in self._valeurs:
            k, m = self._forme
            valeurs = self._simulation.calculate(nom, self.periode).astype(numpy.float64)
            self._valeurs[nom] = valeurs.reshape(k, m).T
        return self._valeurs[nom]

    def __call__(self, idx, candidats, *noms):
        self.appel(idx, candidats)
        if len(noms) == 1:
            return self.valeurs(noms[0])
        return {nom: self.valeurs(nom) for nom in noms}


def _mois(periode):
    try:
        valeur = periods.period(str(periode))
    except ValueError as erreur:
        raise EntreeInvalide(
            ["periode"], f"periode : {periode!r} n'est pas une période valide (attendu un mois AAAA-MM)."
        ) from erreur
    if valeur.unit != periods.DateUnit.MONTH or valeur.size != 1:
        raise EntreeInvalide(
            ["periode"], f"periode : {periode!r} n'est pas un mois ; attendu un mois AAAA-MM (la paie est mensuelle)."
        )
    return valeur


def _nombres(nom, valeurs):
    try:
        return numpy.asarray(valeurs, dtype=numpy.float64)
    except (TypeError, ValueError) as erreur:
        raise EntreeInvalide([nom], f"{nom} : {valeurs!r} n'est pas un nombre ou une liste de nombres.") from erreur


def _preparer(systeme, periode, entrees, taille):
    """(nom, période, tableau de `taille` valeurs) pour chaque entrée, énumérations encodées, longueurs vérifiées."""
    for nom, valeur in entrees.items():
        if nom not in systeme.variables:
            raise EntreeInvalide([nom], f"{nom} : variable inconnue du système socio-fiscal.")
        variable = systeme.variables[nom]
        par_periode = valeur if isinstance(valeur, dict) else {str(periode): valeur}
        for cle, tableau in par_periode.items():
            try:
                p = periods.period(str(cle))
            except ValueError as erreur:
                raise EntreeInvalide([nom], f"{nom} : période {cle!r} invalide.") from erreur
            if nom == INCONNUE and p.contains(periode):
                raise EntreeInvalide(
                    [INCONNUE], f"{INCONNUE} : c'est l'inconnue pour {periode} ; ne la donnez que pour d'autres mois."
                )
            yield nom, p, _tableau(variable, nom, tableau, taille)


def _tableau(variable, nom, valeur, taille):
    """Tableau de `taille` valeurs du type de la variable ; une valeur d'un autre type est refusée, jamais convertie
    en silence (numpy lirait "false" comme vrai, 10.5 personnes comme 10)."""
    tableau = numpy.asarray(valeur)
    if tableau.ndim == 0:
        tableau = numpy.full(taille, tableau.item())
    if tableau.ndim != 1 or len(tableau) != taille:
        forme = len(tableau) if tableau.ndim == 1 else tableau.shape
        raise EntreeInvalide(
            [nom], f"{nom} : {forme} valeurs pour {taille} cibles ; attendu une valeur ou une par cible."
        )
    sorte = tableau.dtype.kind
    if sorte == "U" and variable.value_type in (int, float):
        # même règle que /calculate pour les chaînes numériques (validation.lire_nombre) : "3000.5" oui, "3 000" non
        lus = [lire_nombre(texte) for texte in tableau.tolist()]
        if None not in lus:
            tableau, sorte = numpy.asarray(lus, dtype=numpy.float64), "f"
    attendu = None
    if variable.value_type is Enum:
        possibles = [item.name for item in variable.possible_values]
        if sorte not in "U" or not numpy.isin(tableau, possibles).all():
            inconnues = sorted({str(v) for v in tableau.tolist()} - set(possibles))
            raise EntreeInvalide(
                [nom], f"{nom} : valeur {inconnues[:3]} inconnue ; attendu l'une de {', '.join(possibles)}."
            )
        return numpy.asarray(variable.possible_values.encode(tableau), dtype=numpy.int16)
    if variable.value_type is bool:
        if sorte != "b":
            attendu = "des booléens (true, false)"
    elif variable.value_type is int:
        if sorte not in "iuf" or (
            sorte == "f" and not numpy.all(numpy.isfinite(tableau) & (tableau == numpy.round(tableau)))
        ):
            attendu = "des nombres entiers"
    elif variable.value_type is float:
        if sorte not in "iuf":
            attendu = "des nombres"
    else:
        try:
            return tableau.astype(variable.dtype)
        except (TypeError, ValueError):
            attendu = f"des valeurs de type {variable.json_type}"
    if attendu is not None:
        raise EntreeInvalide([nom], f"{nom} : {valeur!r} refusé ; attendu {attendu}.")
    return tableau.astype(variable.dtype)

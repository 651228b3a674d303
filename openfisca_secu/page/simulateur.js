// Simulateur de fiche de paie : formulaire → (POST /inversion si net ou coût total) → POST /fiche_de_paie → bulletin.
// Aucune étape de construction : servi tel quel par l'API (openfisca_secu.api, route /simulateur).
"use strict";

const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const NOMBRE = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const POURCENT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });
const MOIS = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const COLONNES = 6;
const formulaire = document.getElementById("formulaire");
const zoneErreur = document.getElementById("erreur");
const attente = document.getElementById("attente");
const resultat = document.getElementById("resultat");

// Dispositifs d'exonération de l'employeur proposés quand le modèle a leur variable (GET /variables) : une variable
// de l'établissement ou de l'entreprise, booléenne (une option) ou à valeurs énumérées (une option par valeur autre
// que celle par défaut, lues dans GET /variable/<nom>), et les entrées du salarié que chaque valeur demande.
const DISPOSITIFS = [
  {
    variable: "bareme_lodeom",
    entite: "etablissement",
    prefixe: "LODEOM (Guadeloupe, Guyane, Martinique, La Réunion)",
    salarie: { innovation_croissance: { salarie_lodeom_projets_innovants: true } },
  },
  {
    variable: "jeune_entreprise_innovante",
    entite: "entreprise",
    prefixe: "Jeune entreprise innovante",
    libelles: { true: "salarié affecté à la recherche et au développement (CGI art. 44 sexies-0 A)" },
    salarie: { true: { salarie_eligible_jei: true } },
  },
];
let choixDispositifs = []; // [{variable, entite, valeur, libelle, salarie}], dans l'ordre des options

function euros(montant) {
  return EUROS.format(montant);
}

// Montant d'un bulletin au format français, sans symbole (« 2 374,79 ») ; « -0,00 » n'existe pas.
function nombre(montant) {
  return NOMBRE.format(montant === 0 ? 0 : montant);
}

// Taux (fraction) en pourcentage, au plus 4 décimales utiles (« 6,9 % »).
function pourcent(taux) {
  return taux === null || taux === undefined ? "" : `${POURCENT.format(100 * taux)}\u00a0%`;
}

async function appeler(chemin, corps) {
  const options = corps === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(corps),
  };
  const reponse = await fetch(chemin, options);
  let donnees = null;
  try {
    donnees = await reponse.json();
  } catch (e) {
    donnees = { error: `réponse illisible (${reponse.status})` };
  }
  if (!reponse.ok) {
    throw new Error(messagesDErreur(donnees).join("\n") || `erreur ${reponse.status}`);
  }
  return donnees;
}

// Les erreurs de l'API sont soit {"error": "..."}, soit la situation avec le message à l'endroit fautif.
function messagesDErreur(donnees, chemin = []) {
  if (typeof donnees === "string") {
    return [chemin.length ? `${chemin.join(" / ")} : ${donnees}` : donnees];
  }
  if (donnees === null || typeof donnees !== "object") {
    return [];
  }
  if (typeof donnees.error === "string") {
    return [donnees.error];
  }
  return Object.entries(donnees).flatMap(([cle, valeur]) => messagesDErreur(valeur, [...chemin, cle]));
}

function lireFormulaire() {
  const valeur = (id) => document.getElementById(id).value;
  const lireNombre = (id, libelle) => {
    const texte = valeur(id).trim();
    const x = Number(texte);
    if (texte === "" || !Number.isFinite(x)) {
      throw new Error(`${libelle} : « ${texte} » n'est pas un nombre.`);
    }
    return x;
  };
  const mois = valeur("mois");
  if (!/^\d{4}-\d{2}$/.test(mois)) {
    throw new Error(`Mois : « ${mois} » n'est pas un mois AAAA-MM.`);
  }
  const apprenti = valeur("contrat") === "apprentissage";
  const debutContrat = valeur("debut_contrat");
  if (apprenti && !/^\d{4}-\d{2}-\d{2}$/.test(debutContrat)) {
    throw new Error(`Début du contrat d'apprentissage : « ${debutContrat} » n'est pas une date.`);
  }
  const tauxPas = valeur("taux_pas").trim();
  const lodeomT = valeur("lodeom_t").trim();
  return {
    mode: formulaire.querySelector("input[name=mode]:checked").value,
    montant: lireNombre("montant", "Montant"),
    mois,
    effectif: lireNombre("effectif", "Effectif de l'entreprise"),
    tauxAT: lireNombre("taux_at", "Taux AT/MP") / 100,
    quotite: lireNombre("quotite", "Temps de travail") / 100,
    categorie: valeur("categorie"),
    alsaceMoselle: document.getElementById("alsace_moselle").checked,
    apprenti,
    debutContrat,
    dispositif: choixDispositifs[Number(valeur("dispositif")) - 1] || null,
    lodeomT: lodeomT === "" ? null : lireNombre("lodeom_t", "LODEOM, valeur T") / 100,
    santeEmployeur: lireNombre("sante_employeur", "Complémentaire santé, part employeur"),
    santeSalarie: lireNombre("sante_salarie", "Complémentaire santé, part salarié"),
    prevoyanceEmployeur: lireNombre("prevoyance_employeur", "Prévoyance, part employeur"),
    prevoyanceSalarie: lireNombre("prevoyance_salarie", "Prévoyance, part salarié"),
    tauxVM: lireNombre("taux_vm", "Taux du versement mobilité") / 100,
    tauxPAS: tauxPas === "" ? null : lireNombre("taux_pas", "Taux de prélèvement à la source") / 100,
  };
}

// Entrées de chaque entité (hors salaire de base), pour /inversion comme pour /fiche_de_paie.
function entrees(saisie) {
  const individu = {
    quotite_de_travail: saisie.quotite,
    categorie_salarie: saisie.categorie,
    contribution_employeur_complementaire_sante: saisie.santeEmployeur,
    cotisation_salarie_complementaire_sante: saisie.santeSalarie,
    contribution_employeur_prevoyance: saisie.prevoyanceEmployeur,
    cotisation_salarie_prevoyance: saisie.prevoyanceSalarie,
  };
  if (saisie.tauxPAS !== null) {
    individu.taux_prelevement_source = saisie.tauxPAS;
  }
  if (saisie.apprenti) {
    individu.contrat_apprentissage = true;
  }
  const etablissement = {
    taux_accident_travail: saisie.tauxAT,
    regime_alsace_moselle: saisie.alsaceMoselle,
    taux_versement_mobilite: saisie.tauxVM,
  };
  const entreprise = { effectif_entreprise: saisie.effectif };
  if (saisie.dispositif) {
    const d = saisie.dispositif;
    (d.entite === "etablissement" ? etablissement : entreprise)[d.variable] = d.valeur === "true" ? true : d.valeur;
    Object.assign(individu, d.salarie);
    if (d.variable === "bareme_lodeom" && saisie.lodeomT !== null) {
      etablissement.lodeom_valeur_t = saisie.lodeomT; // T de 2026, que le texte ne chiffre pas
    }
  }
  return { individu, etablissement, entreprise };
}

function situation(saisie, salaireDeBase) {
  const p = saisie.mois;
  const parMois = (valeurs) => Object.fromEntries(Object.entries(valeurs).map(([nom, v]) => [nom, { [p]: v }]));
  const e = entrees(saisie);
  const salarie = { salaire_de_base: { [p]: salaireDeBase }, ...parMois(e.individu) };
  if (saisie.apprenti) {
    salarie.date_debut_contrat = { ETERNITY: saisie.debutContrat };
  }
  return {
    individus: { salarie },
    etablissements: { etablissement: { salaries: ["salarie"], ...parMois(e.etablissement) } },
    entreprises: { entreprise: { salaries: ["salarie"], ...parMois(e.entreprise) } },
  };
}

function cellule(ligne, texte, classe, montant) {
  const td = document.createElement("td");
  if (classe) {
    td.className = classe;
  }
  td.textContent = texte;
  if (montant !== undefined && montant !== null) {
    td.dataset.montant = montant.toFixed(2);
  }
  ligne.appendChild(td);
  return td;
}

function entete(corps, texte, classe) {
  const tr = document.createElement("tr");
  tr.className = classe;
  const th = document.createElement("th");
  th.colSpan = COLONNES;
  th.scope = "colgroup";
  th.textContent = texte;
  tr.appendChild(th);
  corps.appendChild(tr);
  return tr;
}

function titreDeLigne(tr, libelle, precision) {
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = libelle;
  if (precision) {
    const span = document.createElement("span");
    span.className = "reference";
    span.textContent = precision;
    th.appendChild(span);
  }
  tr.appendChild(th);
}

// Une rangée du bulletin clarifié : base, taux et montants des deux parts (vides quand nuls ou sans objet).
function rangee(corps, libelle, r, cle) {
  const tr = document.createElement("tr");
  tr.className = "rangee";
  tr.dataset.rangee = cle;
  titreDeLigne(tr, libelle);
  cellule(tr, r.base === null ? "" : nombre(r.base), "montant base", r.base);
  cellule(tr, pourcent(r.taux_salarie), "montant taux-salarie");
  cellule(tr, r.montant_salarie ? nombre(r.montant_salarie) : "", "montant salarie", r.montant_salarie);
  cellule(tr, pourcent(r.taux_employeur), "montant taux-employeur");
  cellule(tr, r.montant_employeur ? nombre(r.montant_employeur) : "", "montant employeur", r.montant_employeur);
  corps.appendChild(tr);
  for (const ligne of r.lignes) {
    if (ligne.montant === 0) {
      continue;
    }
    const detail = document.createElement("tr");
    detail.className = "detail";
    detail.dataset.rangee = cle;
    detail.dataset.variable = ligne.variable;
    const th = document.createElement("th");
    th.scope = "row";
    const lien = document.createElement("a");
    lien.href = `/variable/${ligne.variable}`;
    lien.textContent = ligne.libelle;
    th.appendChild(lien);
    const reference = document.createElement("span");
    reference.className = "reference";
    reference.textContent = ligne.reference;
    th.appendChild(reference);
    detail.appendChild(th);
    cellule(detail, ligne.base === null ? "" : nombre(ligne.base), "montant base", ligne.base);
    const salarie = ligne.cote === "salarie";
    cellule(detail, salarie ? pourcent(ligne.taux) : "", "montant taux-salarie");
    cellule(detail, salarie ? nombre(ligne.montant) : "", "montant salarie", salarie ? ligne.montant : null);
    cellule(detail, salarie ? "" : pourcent(ligne.taux), "montant taux-employeur");
    cellule(detail, salarie ? "" : nombre(ligne.montant), "montant employeur", salarie ? null : ligne.montant);
    corps.appendChild(detail);
  }
}

// Une ligne de total ou de net : libellé, montant salarié et/ou employeur (base et taux facultatifs).
function total(corps, id, libelle, { salarie = null, employeur = null, base = null, taux = null, classe = "total" }) {
  const tr = document.createElement("tr");
  tr.id = id;
  tr.className = classe;
  titreDeLigne(tr, libelle);
  cellule(tr, base === null ? "" : nombre(base), "montant base", base);
  cellule(tr, pourcent(taux), "montant taux-salarie");
  cellule(tr, salarie === null ? "" : nombre(salarie), "montant salarie", salarie);
  cellule(tr, "", "montant taux-employeur");
  cellule(tr, employeur === null ? "" : nombre(employeur), "montant employeur", employeur);
  corps.appendChild(tr);
  return tr;
}

function afficher(saisie, fiche, inversion) {
  const corps = document.getElementById("corps");
  corps.replaceChildren();
  for (const ligne of fiche.remuneration) {
    total(corps, `remuneration_${ligne.variable}`, ligne.libelle, { salarie: ligne.montant, classe: "remuneration" });
  }
  total(corps, "salaire_brut", "Salaire brut", { salarie: fiche.salaire_brut });

  const exonerations = fiche.exonerations;
  const rubriques = (liste, prefixe) => {
    liste.forEach((rubrique, i) => {
      // une rubrique d'une seule rangée s'imprime sur une ligne, sous le titre de la rubrique (arrêté de 2016)
      if (rubrique.rangees.length === 1 && rubrique !== exonerations) {
        rangee(corps, rubrique.titre, rubrique.rangees[0], `${prefixe}${i}-0`);
        corps.querySelector(`tr.rangee[data-rangee="${prefixe}${i}-0"]`).classList.add("rubrique-seule");
        return;
      }
      entete(corps, rubrique.titre, "rubrique");
      rubrique.rangees.forEach((r, j) => rangee(corps, r.libelle, r, `${prefixe}${i}-${j}`));
    });
  };
  rubriques(fiche.rubriques, "");
  const t = fiche.totaux;
  if (fiche.total_avant_exonerations) {
    total(corps, "total_cotisations", "Total des cotisations et contributions obligatoires",
      { salarie: t.cotisations_salarie, employeur: t.cotisations_employeur });
  }
  if (exonerations.rangees.length) {
    rubriques([exonerations], "exonerations-");
  }
  if (!fiche.total_avant_exonerations) {
    total(corps, "total_cotisations", "Total des cotisations et contributions",
      { salarie: t.salarie, employeur: t.employeur });
  }
  total(corps, "net_a_payer_avant_impot", "Net à payer avant impôt sur le revenu",
    { salarie: fiche.net_a_payer_avant_impot, classe: "total net" });
  total(corps, "net_imposable", "Net imposable", { salarie: fiche.net_imposable, classe: "information" });
  if (fiche.impot_preleve_a_la_source) {
    const impot = fiche.impot_preleve_a_la_source;
    total(corps, "impot_preleve_a_la_source", "Impôt sur le revenu prélevé à la source",
      { salarie: impot.montant, base: impot.base, taux: impot.taux, classe: "information" });
  }
  total(corps, "net_paye", "Net payé", { salarie: fiche.net_paye, classe: "total net" });
  if (fiche.montant_net_social !== undefined) {
    total(corps, "montant_net_social", "Montant net social", { salarie: fiche.montant_net_social, classe: "information" });
  }
  total(corps, "cout_total_employeur", "Coût total pour l'employeur", { employeur: fiche.cout_total_employeur });

  const [annee, mois] = saisie.mois.split("-").map(Number);
  document.getElementById("titre_bulletin").textContent =
    `Bulletin de paie de ${MOIS.format(new Date(Date.UTC(annee, mois - 1, 1)))}`;
  document.getElementById("modele").textContent = `${fiche.modele.libelle} — ${fiche.modele.reference}`;
  const pc = (x) => `${POURCENT.format(100 * x)}\u00a0%`;
  document.getElementById("legende").textContent =
    `Effectif ${saisie.effectif}, taux AT/MP ${pc(saisie.tauxAT)}, temps de travail ${pc(saisie.quotite)}, ` +
    `${saisie.categorie === "cadre" ? "cadre" : "non-cadre"}` +
    `${saisie.apprenti ? `, contrat d'apprentissage conclu le ${saisie.debutContrat}` : ""}` +
    `${saisie.dispositif ? `, ${saisie.dispositif.libelle}` : ""}` +
    `${saisie.alsaceMoselle ? ", Alsace-Moselle" : ""}` +
    `${saisie.tauxVM ? `, versement mobilité ${pc(saisie.tauxVM)}` : ""}` +
    `${saisie.tauxPAS === null ? "" : `, taux de prélèvement à la source transmis ${pc(saisie.tauxPAS)}`}. ` +
    "Montants en euros.";

  const synthese = document.getElementById("synthese");
  synthese.replaceChildren();
  const bloc = (id, libelle, montant) => {
    const div = document.createElement("div");
    div.id = id;
    const titre = document.createElement("div");
    titre.textContent = libelle;
    const chiffre = document.createElement("div");
    chiffre.className = "valeur";
    chiffre.textContent = euros(montant);
    chiffre.dataset.montant = montant.toFixed(2);
    div.append(titre, chiffre);
    synthese.appendChild(div);
  };
  bloc("synthese_brut", "Salaire brut", fiche.salaire_brut);
  bloc("synthese_net", "Net à payer avant impôt", fiche.net_a_payer_avant_impot);
  bloc("synthese_net_paye", "Net payé", fiche.net_paye);
  bloc("synthese_cout", "Coût total employeur", fiche.cout_total_employeur);
  if (inversion) {
    const div = document.createElement("div");
    div.id = "synthese_inversion";
    div.className = "inversion";
    const libelle = inversion.cible === "salaire_net" ? "salaire net" : "coût total employeur";
    let texte = `Cible : ${libelle} de ${euros(inversion.montant_cible[0])}. Plus petit salaire de base au centime ` +
      `qui l'atteint : ${euros(inversion.salaire_de_base[0])}`;
    texte += inversion.exact[0]
      ? " (cible atteinte au centime)."
      : ` — la cible tombe dans un saut : le montant obtenu la dépasse de ${euros(inversion.ecart[0])}.`;
    if (inversion.cible === "salaire_net") {
      texte += " Le salaire net ne déduit pas les parts salariales de santé et de prévoyance, le net à payer si.";
    }
    div.textContent = texte;
    synthese.appendChild(div);
  }
  resultat.hidden = false;
}

async function calculer(evenement) {
  evenement.preventDefault();
  zoneErreur.hidden = true;
  attente.hidden = false;
  delete document.body.dataset.etat;
  try {
    const saisie = lireFormulaire();
    let salaireDeBase = saisie.montant;
    let inversion = null;
    if (saisie.mode !== "brut") {
      const e = entrees(saisie);
      const toutes = { ...e.individu, ...e.etablissement, ...e.entreprise };
      if (saisie.apprenti) {
        toutes.date_debut_contrat = { ETERNITY: saisie.debutContrat };
      }
      inversion = await appeler("/inversion", {
        cible: saisie.mode,
        periode: saisie.mois,
        montants: [saisie.montant],
        entrees: toutes,
      });
      salaireDeBase = inversion.salaire_de_base[0];
    }
    const fiche = await appeler("/fiche_de_paie", { situation: situation(saisie, salaireDeBase), periode: saisie.mois });
    afficher(saisie, fiche, inversion);
    document.body.dataset.etat = "calcule";
  } catch (erreur) {
    zoneErreur.textContent = erreur.message;
    zoneErreur.hidden = false;
    resultat.hidden = true;
    document.body.dataset.etat = "erreur";
  } finally {
    attente.hidden = true;
  }
}

// Le type de contrat montre la date de conclusion ; les dispositifs n'apparaissent que si le modèle les connaît ;
// un barème LODEOM montre la valeur T (entrée depuis 2026).
function contratChange() {
  const apprenti = document.getElementById("contrat").value === "apprentissage";
  for (const element of document.querySelectorAll(".apprenti")) {
    element.hidden = !apprenti;
  }
}

function dispositifChange() {
  const choix = choixDispositifs[Number(document.getElementById("dispositif").value) - 1];
  for (const element of document.querySelectorAll(".lodeom")) {
    element.hidden = !choix || choix.variable !== "bareme_lodeom";
  }
}

async function proposerDispositifs() {
  const variables = await appeler("/variables");
  const choix = document.getElementById("dispositif");
  for (const dispositif of DISPOSITIFS.filter((d) => d.variable in variables)) {
    const description = await appeler(`/variable/${dispositif.variable}`);
    const valeurs = description.valueType === "Boolean"
      ? { true: dispositif.libelles.true }
      : description.possibleValues || {};
    for (const [valeur, libelle] of Object.entries(valeurs)) {
      if (valeur === String(description.defaultValue)) {
        continue;
      }
      choixDispositifs.push({ ...dispositif, valeur, libelle: `${dispositif.prefixe} : ${libelle}`,
        salarie: (dispositif.salarie || {})[valeur] || {} });
      const option = document.createElement("option");
      option.value = String(choixDispositifs.length);
      option.dataset.valeur = `${dispositif.variable}=${valeur}`;
      option.textContent = choixDispositifs.at(-1).libelle;
      choix.appendChild(option);
    }
  }
  const visible = choix.options.length > 1;
  choix.hidden = !visible;
  document.getElementById("libelle_dispositif").hidden = !visible;
}

formulaire.addEventListener("submit", calculer);
document.getElementById("contrat").addEventListener("change", contratChange);
document.getElementById("dispositif").addEventListener("change", dispositifChange);
document.getElementById("detail").addEventListener("change", (e) => {
  document.getElementById("fiche").classList.toggle("detaillee", e.target.checked);
});
document.getElementById("imprimer").addEventListener("click", () => window.print());
contratChange();
dispositifChange();
proposerDispositifs().catch(() => {}).finally(() => {
  document.body.dataset.pret = "1";
});

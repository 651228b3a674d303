// Simulateur de fiche de paie : formulaire → (POST /inversion si net ou coût total) → POST /trace → tableau.
// Aucune étape de construction : servi tel quel par l'API (openfisca_secu.api, route /simulateur).
"use strict";

const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const formulaire = document.getElementById("formulaire");
const zoneErreur = document.getElementById("erreur");
const attente = document.getElementById("attente");
const resultat = document.getElementById("resultat");
let structure = null; // sections de la fiche : GET /simulateur/lignes

function euros(montant) {
  return EUROS.format(montant);
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
  const nombre = (id, libelle) => {
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
  return {
    mode: formulaire.querySelector("input[name=mode]:checked").value,
    montant: nombre("montant", "Montant"),
    mois,
    effectif: nombre("effectif", "Effectif de l'entreprise"),
    tauxAT: nombre("taux_at", "Taux AT/MP") / 100,
    quotite: nombre("quotite", "Temps de travail") / 100,
    categorie: valeur("categorie"),
    alsaceMoselle: document.getElementById("alsace_moselle").checked,
  };
}

function variablesDeLaFiche() {
  const noms = structure.sections.flatMap((s) => s.lignes.map((l) => l.variable));
  return [...noms, ...structure.totaux.map((t) => t.variable), "remuneration_brute", "assiette_cotisations_sociales",
    "plafond_securite_sociale", "smic_mensuel_reference"];
}

function situation(saisie, salaireDeBase) {
  const p = saisie.mois;
  const salarie = {
    salaire_de_base: { [p]: salaireDeBase },
    quotite_de_travail: { [p]: saisie.quotite },
    categorie_salarie: { [p]: saisie.categorie },
  };
  for (const nom of variablesDeLaFiche()) {
    salarie[nom] = { [p]: null };
  }
  return {
    individus: { salarie },
    etablissements: {
      etablissement: {
        salaries: ["salarie"],
        taux_accident_travail: { [p]: saisie.tauxAT },
        regime_alsace_moselle: { [p]: saisie.alsaceMoselle },
      },
    },
    entreprises: { entreprise: { salaries: ["salarie"], effectif_entreprise: { [p]: saisie.effectif } } },
  };
}

// Paramètres lus par la formule d'une ligne et par les variables intermédiaires qu'elle utilise, sans descendre
// dans les autres lignes de la fiche.
function parametresUtilises(trace, cle, lignes) {
  const vus = new Set();
  const parametres = new Map();
  const pile = [cle];
  while (pile.length) {
    const courant = pile.pop();
    if (vus.has(courant) || !trace[courant]) {
      continue;
    }
    vus.add(courant);
    for (const [nom, valeur] of Object.entries(trace[courant].parameters || {})) {
      parametres.set(nom, valeur);
    }
    for (const dependance of trace[courant].dependencies || []) {
      const variable = dependance.split("<")[0];
      if (!lignes.has(variable)) {
        pile.push(dependance);
      }
    }
  }
  return [...parametres.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function cellule(ligne, texte, classe) {
  const td = document.createElement("td");
  if (classe) {
    td.className = classe;
  }
  td.textContent = texte;
  ligne.appendChild(td);
  return td;
}

function celluleMontant(ligne, montant, signe) {
  const td = cellule(ligne, "", "montant");
  if (montant !== null) {
    const affiche = signe < 0 && montant !== 0 ? -montant : montant;
    td.textContent = euros(affiche);
    td.dataset.montant = affiche.toFixed(2);
  }
  return td;
}

function celluleParametres(ligne, parametres) {
  const td = cellule(ligne, "", "parametres");
  if (!parametres.length) {
    return td;
  }
  const details = document.createElement("details");
  const resume = document.createElement("summary");
  resume.textContent = `${parametres.length} paramètre${parametres.length > 1 ? "s" : ""}`;
  details.appendChild(resume);
  const liste = document.createElement("ul");
  for (const [nom, valeur] of parametres) {
    const [chemin, date] = nom.split("<");
    const item = document.createElement("li");
    const lien = document.createElement("a");
    lien.href = `/parameter/${chemin}`;
    const code = document.createElement("code");
    code.textContent = chemin;
    lien.appendChild(code);
    item.appendChild(lien);
    const texte = typeof valeur === "object" ? JSON.stringify(valeur) : String(valeur);
    item.appendChild(document.createTextNode(` = ${texte} (au ${date.replace(">", "")})`));
    liste.appendChild(item);
  }
  details.appendChild(liste);
  td.appendChild(details);
  return td;
}

function ligneDeFiche(corps, description, montant, cote, signe, parametres, classe) {
  const tr = document.createElement("tr");
  tr.dataset.variable = description.variable;
  if (classe) {
    tr.className = classe;
  }
  const titre = document.createElement("th");
  titre.scope = "row";
  titre.textContent = description.libelle;
  const nom = document.createElement("span");
  nom.className = "variable";
  nom.textContent = description.variable;
  titre.appendChild(nom);
  tr.appendChild(titre);
  cellule(tr, description.reference.join(" ; "), "reference");
  celluleMontant(tr, cote === "salarie" ? montant : null, signe).classList.add("salarie");
  celluleMontant(tr, cote === "employeur" ? montant : null, signe).classList.add("employeur");
  celluleParametres(tr, parametres);
  corps.appendChild(tr);
  return tr;
}

function afficher(saisie, reponseTrace, inversion) {
  const trace = reponseTrace.trace;
  const p = saisie.mois;
  const valeur = (nom) => {
    const noeud = trace[`${nom}<${p}>`];
    return noeud ? Number(noeud.value[0]) : 0;
  };
  // on ne descend pas dans les autres lignes ni dans les totaux (leurs paramètres sont sur leur propre ligne)
  const lignes = new Set([...structure.sections.flatMap((s) => s.lignes.map((l) => l.variable)),
    ...structure.totaux.map((t) => t.variable)]);
  const corps = document.getElementById("corps");
  corps.replaceChildren();
  let nulles = 0;

  const brut = structure.entrees.find((e) => e.variable === "remuneration_brute");
  ligneDeFiche(corps, brut, valeur("remuneration_brute"), "salarie", 1, [], "total");
  for (const section of structure.sections) {
    const entete = document.createElement("tr");
    const th = document.createElement("th");
    th.colSpan = 5;
    th.scope = "colgroup";
    th.textContent = section.titre;
    entete.appendChild(th);
    corps.appendChild(entete);
    let nullesDeLaSection = 0;
    for (const description of section.lignes) {
      const montant = valeur(description.variable);
      const parametres = parametresUtilises(trace, `${description.variable}<${p}>`, lignes);
      const nulle = Math.abs(montant) < 0.005;
      nullesDeLaSection += nulle ? 1 : 0;
      ligneDeFiche(corps, description, montant, section.cote, section.signe, parametres, nulle ? "nulle" : "");
    }
    nulles += nullesDeLaSection;
    // une section dont toutes les lignes sont nulles se masque avec elles
    entete.className = nullesDeLaSection === section.lignes.length ? "section nulle" : "section";
  }
  const entete = document.createElement("tr");
  entete.className = "section";
  const th = document.createElement("th");
  th.colSpan = 5;
  th.textContent = "Totaux";
  entete.appendChild(th);
  corps.appendChild(entete);
  const coteDesTotaux = {
    cotisations_salariales: "salarie",
    csg_crds_salarie: "salarie",
    reductions_salariales: "salarie",
    salaire_net: "salarie",
    cotisations_employeur: "employeur",
    reductions_employeur: "employeur",
    cout_total_employeur: "employeur",
  };
  for (const description of structure.totaux) {
    const signe = description.variable.startsWith("reductions_") ? -1 : 1;
    ligneDeFiche(corps, description, valeur(description.variable), coteDesTotaux[description.variable] || "salarie",
      signe, [], "total");
  }
  document.getElementById("nombre_nulles").textContent = String(nulles);
  const pourcent = (x) => `${(100 * x).toLocaleString("fr-FR", { maximumFractionDigits: 4 })} %`;
  document.getElementById("legende").textContent =
    `Fiche de paie de ${p} — effectif ${saisie.effectif}, taux AT/MP ${pourcent(saisie.tauxAT)}, ` +
    `temps de travail ${pourcent(saisie.quotite)}, ${saisie.categorie === "cadre" ? "cadre" : "non-cadre"}` +
    `${saisie.alsaceMoselle ? ", Alsace-Moselle" : ""} ; plafond de la sécurité sociale du salarié : ` +
    `${euros(valeur("plafond_securite_sociale"))} ; SMIC du mois : ${euros(valeur("smic_mensuel_reference"))}`;

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
  bloc("synthese_brut", "Salaire brut", valeur("remuneration_brute"));
  bloc("synthese_net", "Salaire net", valeur("salaire_net"));
  bloc("synthese_cout", "Coût total employeur", valeur("cout_total_employeur"));
  if (inversion) {
    const div = document.createElement("div");
    div.id = "synthese_inversion";
    div.className = "inversion";
    const libelle = inversion.cible === "salaire_net" ? "salaire net" : "coût total employeur";
    const montantCible = inversion.montant_cible[0];
    let texte = `Cible : ${libelle} de ${euros(montantCible)}. Plus petit salaire de base au centime qui l'atteint : ` +
      `${euros(inversion.salaire_de_base[0])}`;
    texte += inversion.exact[0]
      ? " (cible atteinte au centime)."
      : ` — la cible tombe dans un saut : le montant obtenu la dépasse de ${euros(inversion.ecart[0])}.`;
    div.textContent = texte;
    synthese.appendChild(div);
  }
  resultat.hidden = false;
}

async function calculer(evenement) {
  evenement.preventDefault();
  zoneErreur.hidden = true;
  attente.hidden = false;
  try {
    const saisie = lireFormulaire();
    if (structure === null) {
      structure = await appeler("/simulateur/lignes");
    }
    let salaireDeBase = saisie.montant;
    let inversion = null;
    if (saisie.mode !== "brut") {
      inversion = await appeler("/inversion", {
        cible: saisie.mode,
        periode: saisie.mois,
        montants: [saisie.montant],
        entrees: {
          quotite_de_travail: saisie.quotite,
          categorie_salarie: saisie.categorie,
          effectif_entreprise: saisie.effectif,
          taux_accident_travail: saisie.tauxAT,
          regime_alsace_moselle: saisie.alsaceMoselle,
        },
      });
      salaireDeBase = inversion.salaire_de_base[0];
    }
    const reponse = await appeler("/trace", situation(saisie, salaireDeBase));
    afficher(saisie, reponse, inversion);
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

formulaire.addEventListener("submit", calculer);
document.getElementById("lignes_nulles").addEventListener("change", (e) => {
  document.getElementById("fiche").classList.toggle("nulles-visibles", e.target.checked);
});

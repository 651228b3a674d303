// modele-social side of tools/cross_check_dispositifs.py. Reads on stdin
// {"cases": [{"id", "situation": {rule: value}, "rules": [rule, ...]}]} and writes {id: {rule: value (€/mois)}}.
// Run with NODE_PATH pointing to a scratch folder where `npm install modele-social` was done (outside the repo).
const Engine = require('publicodes').default;
const rules = require('modele-social').default;
const engine = new Engine(rules, { logger: { log() {}, warn() {}, error() {} } });
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
for (const c of input.cases) {
  engine.setSituation(c.situation);
  out[c.id] = {};
  for (const rule of c.rules) {
    try {
      const unite = rule.endsWith(' . T') ? undefined : rule.endsWith('rémunération minimale') || rule.includes('cotisations') || rule.includes('exonérations') ? '€/mois' : undefined;
      const v = engine.evaluate(unite ? { valeur: rule, unité: unite } : rule).nodeValue;
      out[c.id][rule] = typeof v === 'number' ? v : v === false || v === null || v === undefined ? 0 : v;
    } catch (e) {
      out[c.id][rule] = `erreur : ${String(e.message).slice(0, 120)}`;
    }
  }
}
process.stdout.write(JSON.stringify(out));

// Writes __tests__/fixtures/search-queries.tsv, the relevance benchmark for `careers search`.
// Run by hand (it reads, when present, the O*NET alternate titles in ../shared/facts, or
// FACTS_DIR, to label lay queries); the tests only read its output.
//
// Query types:
//   lay        everyday and abbreviated forms people type ("admin asst", "AP clerk")
//   typo       a role title, alias or O*NET title with one deletion, swap or substitution
// (Every O*NET title is searchable, so none is held back as a query set of its own.)
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const out = [];
const add = (query, codes, type) => out.push([query, [...new Set(codes)].sort().join(','), type]);

// 1. Lay and abbreviated forms, labelled by hand; where O*NET lists the exact title, its codes
// are added to the label.
const factsFile = `${process.env.FACTS_DIR ?? `${root}../shared/facts`}/alternate_titles.tsv`;
const onet = new Map();
if (existsSync(factsFile)) {
  for (const line of readFileSync(factsFile, 'utf8').trim().split('\n').slice(1)) {
    const cols = line.split('\t');
    const key = cols[2].toLowerCase();
    onet.set(key, [...(onet.get(key) ?? []), cols[0]]);
  }
}
const LAY = {
  'ap clerk': ['43-3031.00', '43-3021.00'],
  'ap specialist': ['43-3031.00', '43-3021.00'],
  'a/p clerk': ['43-3031.00', '43-3021.00'],
  'ar clerk': ['43-3031.00', '43-3021.00'],
  'accounts payable specialist': ['43-3031.00', '43-3021.00'],
  'accounts receivable specialist': ['43-3031.00', '43-3021.00'],
  'admin asst': ['43-6014.00'],
  'administrative asst': ['43-6014.00'],
  'admin assistant': ['43-6014.00'],
  secretary: ['43-6014.00', '43-6012.00', '43-6013.00'],
  'exec asst': ['43-6011.00'],
  'exec assistant': ['43-6011.00'],
  'executive admin': ['43-6011.00'],
  'ea to the ceo': ['43-6011.00'],
  'payroll coordinator': ['43-3051.00'],
  'payroll admin': ['43-3051.00'],
  'payroll specialist': ['43-3051.00', '13-1141.00'],
  timekeeper: ['43-3051.00'],
  'hr coordinator': ['43-4161.00', '13-1071.00'],
  'hr assistant': ['43-4161.00'],
  'hr asst': ['43-4161.00'],
  'human resources clerk': ['43-4161.00'],
  'hr generalist': ['13-1071.00'],
  'hr specialist': ['13-1071.00'],
  recruiter: ['13-1071.00'],
  'benefits coordinator': ['13-1141.00'],
  'benefits admin': ['13-1141.00'],
  'comp and benefits analyst': ['13-1141.00'],
  'front desk': ['43-4171.00'],
  'front desk clerk': ['43-4171.00'],
  'front desk receptionist': ['43-4171.00'],
  receptionist: ['43-4171.00'],
  'data entry': ['43-9021.00'],
  'data entry clerk': ['43-9021.00'],
  'data entry operator': ['43-9021.00'],
  keyer: ['43-9021.00'],
  bookkeeper: ['43-3031.00'],
  'full charge bookkeeper': ['43-3031.00'],
  'accounting clerk': ['43-3031.00'],
  'acct clerk': ['43-3031.00'],
  'billing specialist': ['43-3021.00'],
  'billing clerk': ['43-3021.00'],
  'invoice clerk': ['43-3021.00'],
  'collections agent': ['43-3011.00'],
  'debt collector': ['43-3011.00'],
  'collections specialist': ['43-3011.00'],
  'claims processor': ['43-9041.00'],
  'insurance claims clerk': ['43-9041.00'],
  'purchasing clerk': ['43-3061.00'],
  'purchasing assistant': ['43-3061.00'],
  'procurement clerk': ['43-3061.00'],
  'mailroom clerk': ['43-9051.00'],
  'mail room clerk': ['43-9051.00'],
  'mail sorter': ['43-9051.00'],
  'copy operator': ['43-9071.00'],
  'copy machine operator': ['43-9071.00'],
  'file clerk': ['43-4071.00'],
  'records clerk': ['43-4071.00'],
  'office manager': ['43-1011.00', '11-3012.00'],
  'office supervisor': ['43-1011.00'],
  'admin services manager': ['11-3012.00'],
  'office clerk': ['43-9061.00'],
  'general office clerk': ['43-9061.00'],
  'clerical assistant': ['43-9061.00'],
  'legal secretary': ['43-6012.00'],
  'legal admin assistant': ['43-6012.00'],
  'medical secretary': ['43-6013.00'],
  'medical admin assistant': ['43-6013.00'],
  'mortgage processor': ['43-4131.00'],
  'loan processor': ['43-4131.00'],
  'loan clerk': ['43-4131.00'],
  'credit clerk': ['43-4041.00'],
  'credit checker': ['43-4041.00'],
  'order entry clerk': ['43-4151.00'],
  'order clerk': ['43-4151.00'],
  'order processor': ['43-4151.00'],
  proofreader: ['43-9081.00'],
  typist: ['43-9022.00'],
  'word processor': ['43-9022.00'],
  'statistical assistant': ['43-9111.00'],
  'compliance analyst': ['13-1041.00'],
  'compliance specialist': ['13-1041.00'],
  'production planner': ['43-5061.00'],
  'production scheduler': ['43-5061.00'],
  expeditor: ['43-5061.00'],
  'brokerage clerk': ['43-4011.00'],
  'correspondence clerk': ['43-4021.00'],
  'back office clerk': ['43-9199.00'],
  'back office admin': ['43-4199.00'],
};
for (const [query, codes] of Object.entries(LAY))
  add(query, [...codes, ...(onet.get(query) ?? [])], 'lay');

// 2. Typo variants of role titles and aliases, chosen and mutated by a seeded generator.
let seed = 20241125;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const roles = readdirSync(`${root}data/roles`)
  .sort()
  .map((f) => parse(readFileSync(`${root}data/roles/${f}`, 'utf8')));
const owners = new Map();
for (const r of roles) {
  for (const name of [r.title, ...(r.aliases ?? []), ...(r.onetTitles ?? [])]) {
    const key = name.toLowerCase();
    owners.set(key, [...(owners.get(key) ?? []), ...r.socCodes]);
  }
}
const letters = 'abcdefghijklmnopqrstuvwxyz';
const mutations = [
  (w, i) => w.slice(0, i) + w.slice(i + 1), // deletion
  (w, i) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), // swap
  (w, i) => w.slice(0, i) + letters[rand(26)] + w.slice(i + 1), // substitution
];
const seen = new Set(out.map((r) => r[0].toLowerCase()));
for (const r of roles) {
  const names = [r.title, ...(r.aliases ?? []), ...(r.onetTitles ?? [])].filter((n) =>
    /[a-z]{5,}/i.test(n),
  );
  for (let k = 0; k < 4 && names.length > 0; k++) {
    const name = names.splice(rand(names.length), 1)[0];
    const words = name.toLowerCase().split(/\s+/);
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const i = 1 + rand(longest.length - 2);
    const kind = (k + rand(3)) % 3;
    const typo = mutations[kind](longest, i);
    if (typo === longest) continue;
    const query = words.map((w) => (w === longest ? typo : w)).join(' ');
    if (seen.has(query)) continue;
    seen.add(query);
    add(query, owners.get(name.toLowerCase()), 'typo');
  }
}

const header =
  '# Relevance benchmark for careers search: query, expected O*NET-SOC codes, type.\n# Made by scripts/make-search-queries.mjs; see it for how each type is built.\nquery\texpected\ttype\n';
writeFileSync(
  `${root}__tests__/fixtures/search-queries.tsv`,
  header + out.map((r) => r.join('\t')).join('\n') + '\n',
);
const counts = out.reduce((m, r) => ({ ...m, [r[2]]: (m[r[2]] ?? 0) + 1 }), {});
console.log(`wrote ${out.length} queries`, counts);

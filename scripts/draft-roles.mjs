#!/usr/bin/env node
/**
 * Drafts the O*NET-based role profiles in data/roles/ and data/metros.yaml.
 *
 * A developer runs this by hand; the build and the tests never do. It reads
 *   - the reference facts (O*NET 29.2 and BLS OEWS extracts, tab-separated) from a facts directory
 *     that is NOT part of the repository (default /work/shared/facts; override with
 *     `--facts DIR` or the FACTS_DIR environment variable), and
 *   - scripts/draft/roles.yaml, the hand-written part: titles, summaries, task paraphrases,
 *     lay aliases, reasons for related roles and metro names,
 * and writes data/roles/<id>.yaml for every role in roles.yaml, data/metros.yaml and
 * scripts/draft/held-back-titles.tsv (alternate titles kept out of the aliases for the search
 * benchmark). Each profile's `keywords` are the distinct content words of its O*NET task statements
 * and occupation description, extracted mechanically (a word list, never sentences). Output is
 * deterministic: running it twice gives identical files.
 *
 * Usage: node scripts/draft-roles.mjs [--facts DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argFacts = process.argv.indexOf('--facts');
const FACTS =
  argFacts > -1
    ? resolve(process.argv[argFacts + 1])
    : (process.env.FACTS_DIR ?? '/work/shared/facts');

const HAND_FILE = join(ROOT, 'scripts/draft/roles.yaml');
const HELD_BACK_FILE = join(ROOT, 'scripts/draft/held-back-titles.tsv');
const ROLES_DIR = join(ROOT, 'data/roles');
const METROS_FILE = join(ROOT, 'data/metros.yaml');
/** Hand-written profiles that are not drafted here but whose titles and aliases must not be held back. */
const EXISTING_PROFILES = ['back-office-specialist', 'back-office-administrator'];
/** O*NET codes of those profiles and of folded codes, for mapping related occupations. */
const CODE_TO_EXISTING = {
  '43-9199.00': 'back-office-specialist',
  '43-4199.00': 'back-office-administrator',
};

const HOLD_BACK_SHARE = 0.2;
const MAX_SOFTWARE = 40;
const LATEST = 'May 2024';

// ---------------------------------------------------------------------------------------------
// Helpers

function fail(message) {
  console.error(`draft-roles: ${message}`);
  process.exit(1);
}

/** Reads a facts TSV into objects keyed by the header row. */
function readTsv(name) {
  const file = join(FACTS, name);
  if (!existsSync(file)) fail(`missing facts file ${file} (pass --facts DIR)`);
  const [header, ...lines] = readFileSync(file, 'utf8')
    .replace(/\r/g, '')
    .split('\n')
    .filter(Boolean);
  const keys = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

/** Code-point comparison, so ordering never depends on the machine's locale. */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const cmpCi = (a, b) => cmp(a.toLowerCase(), b.toLowerCase()) || cmp(a, b);
const lc = (s) => s.trim().toLowerCase();
const num = (s) => {
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) throw new Error(`not a number: "${s}"`);
  return n;
};
/** Rounds a decimal string half-up to 1 decimal without binary floating-point surprises. */
const round1 = (s) => Number(`${Math.round(Number(`${s}e1`))}e-1`);
const pct = (n) => `${Math.round(n)}%`;
const soc7 = (onet) => onet.slice(0, 7);
const hash = (s) => createHash('sha256').update(s).digest('hex');

function groupBy(rows, key) {
  const map = new Map();
  for (const row of rows) {
    const k = typeof key === 'function' ? key(row) : row[key];
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(row);
  }
  return map;
}

/** "Administrative Assistant (Admin Assistant)" -> both names; bare acronyms such as "(TAP)" are dropped. */
function titleForms(jobTitle) {
  const m = jobTitle.match(/^(.*?)\s*\((.*)\)\s*$/);
  const forms = m ? [m[1].trim(), m[2].trim()] : [jobTitle.trim()];
  return forms.filter((f) => f && !/^[A-Z]{2,5}$/.test(f));
}

// ---------------------------------------------------------------------------------------------
// Inputs

const hand = parse(readFileSync(HAND_FILE, 'utf8'));
const handRoles = hand.roles;
const obsolete = new Set((hand.obsoleteTitles ?? []).map(lc));

const occupations = new Map(readTsv('onet_occupations.tsv').map((r) => [r.onet_soc_code, r]));
const taskStatements = groupBy(readTsv('task_statements.tsv'), 'onet_soc_code');
const altTitles = readTsv('alternate_titles.tsv');
const tech = groupBy(readTsv('technology_skills.tsv'), 'onet_soc_code');
const tools = groupBy(readTsv('tools_used.tsv'), 'onet_soc_code');
const skills = groupBy(readTsv('skills.tsv'), 'onet_soc_code');
const jobZones = new Map(readTsv('job_zones.tsv').map((r) => [r.onet_soc_code, r]));
const interests = groupBy(readTsv('interests.tsv'), 'onet_soc_code');
const workStyles = groupBy(readTsv('work_styles.tsv'), 'onet_soc_code');
const related = groupBy(readTsv('related_occupations.tsv'), 'onet_soc_code');
const education = groupBy(readTsv('education.tsv'), 'onet_soc_code');
const wages = groupBy(readTsv('wages.tsv'), 'soc_code');
const metroWages = groupBy(readTsv('metro_wages.tsv'), 'soc_code');
const rpp = readTsv('rpp.tsv');

const existing = EXISTING_PROFILES.map((id) =>
  parse(readFileSync(join(ROLES_DIR, `${id}.yaml`), 'utf8')),
);

// Sanity checks on the hand-written file.
const roleByCode = new Map();
for (const r of handRoles) {
  for (const code of [r.onet, ...(r.extraSoc ?? [])]) {
    if (!occupations.has(code)) fail(`${r.id}: unknown O*NET code ${code}`);
    if (roleByCode.has(code)) fail(`${code} is claimed by ${roleByCode.get(code)} and ${r.id}`);
    roleByCode.set(code, r.id);
  }
  if (!r.tasks || r.tasks.length < 4 || r.tasks.length > 7) fail(`${r.id}: expected 4-7 tasks`);
}
for (const [code, id] of Object.entries(CODE_TO_EXISTING)) roleByCode.set(code, id);

// ---------------------------------------------------------------------------------------------
// Sources

const ONET = {
  publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
  period: '29.2 (February 2025)',
  license: 'CC BY 4.0',
  url: 'https://www.onetcenter.org/database.html',
};
const BLS = { publisher: 'U.S. Bureau of Labor Statistics' };
const BLS_TAIL = { license: 'Public domain', url: 'https://www.bls.gov/oes/' };
const ONET_CREDIT =
  'This product includes information from O*NET 29.2 Database by the U.S. Department of Labor, ' +
  'Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.';

const SOURCES = {
  'onet-occupation': {
    title: 'O*NET 29.2 Database — Occupation Data and Alternate Titles',
    ...ONET,
    note: ONET_CREDIT,
  },
  'onet-tasks': {
    title: 'O*NET 29.2 Database — Task Statements',
    ...ONET,
    note: 'Tasks paraphrased by the project; keywords are single words taken from the task statements.',
  },
  'onet-related': { title: 'O*NET 29.2 Database — Related Occupations', ...ONET },
  'onet-skills': {
    title: 'O*NET Database — Skills (importance, scale IM)',
    ...ONET,
    period: 'release 29.0 or later, ratings up to 08/2024',
  },
  'onet-tech': { title: 'O*NET 29.2 Database — Technology Skills', ...ONET },
  'onet-tools': { title: 'O*NET 29.2 Database — Tools Used', ...ONET },
  'onet-job-zones': { title: 'O*NET 29.2 Database — Job Zones', ...ONET },
  'onet-education': { title: 'O*NET 29.2 Database — Education, Training, and Experience', ...ONET },
  'onet-interests': {
    title: 'O*NET 29.2 Database — Interests (RIASEC, scale OI)',
    ...ONET,
    note: 'O*NET derived these interest scores by machine learning.',
  },
  'onet-work-styles': { title: 'O*NET 29.2 Database — Work Styles', ...ONET },
  'bls-oews-2024': {
    title: 'Occupational Employment and Wage Statistics (OEWS), national estimates',
    ...BLS,
    period: 'May 2024',
    ...BLS_TAIL,
  },
  'bls-oews-2020-2024': {
    title: 'Occupational Employment and Wage Statistics (OEWS), national estimates',
    ...BLS,
    period: 'May 2020 to May 2024',
    ...BLS_TAIL,
  },
  'bls-oews-metro-2024': {
    title: 'OEWS metropolitan area estimates',
    ...BLS,
    period: 'May 2024 (2023 metro definitions)',
    ...BLS_TAIL,
  },
};
/** Sources every drafted profile lists even though no `source` field points at them. */
const ALWAYS = ['onet-occupation', 'onet-tasks', 'onet-related'];

function sourcesFor(profile) {
  const used = new Set(ALWAYS);
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source' && typeof x === 'string') used.add(x);
        else if (k === 'sources' && Array.isArray(x)) x.forEach((s) => used.add(s));
        else walk(x);
      }
    }
  };
  walk(profile);
  return Object.keys(SOURCES)
    .filter((id) => used.has(id))
    .map((id) => ({ id, ...SOURCES[id] }));
}

// ---------------------------------------------------------------------------------------------
// Metros

const metroByCode = new Map();
for (const m of hand.metros) {
  const rows = rpp.filter((r) => r.area_code === m.areaCode);
  if (rows.length === 0) fail(`metro ${m.id}: no price parities for area ${m.areaCode}`);
  metroByCode.set(m.areaCode, {
    id: m.id,
    name: m.name,
    blsName: rows[0].area_name,
    areaCode: m.areaCode,
    state: m.state,
    aliases: m.aliases ?? [],
    rpp: rows
      .map((r) => ({ year: num(r.year), value: num(r.rpp_all_items) }))
      .sort((a, b) => a.year - b.year),
    source:
      'BEA Regional Price Parities by MSA (table MARPP, all items, US = 100), release of February 19, 2026; calendar-year index',
  });
}
for (const r of readTsv('metro_wages.tsv')) {
  if (!metroByCode.has(r.area_code))
    fail(`metro_wages.tsv area ${r.area_code} has no entry in roles.yaml metros`);
}

// ---------------------------------------------------------------------------------------------
// Alternate titles and the held-back benchmark titles

/** Every O*NET code listing each title form (lower-cased), across all occupations in the facts. */
const codesByForm = new Map();
/** Usable title units per O*NET code: key (lower-cased first form) -> forms. */
const unitsByCode = new Map();
for (const row of altTitles) {
  const forms = titleForms(row.job_title);
  for (const f of forms) {
    if (!codesByForm.has(lc(f))) codesByForm.set(lc(f), new Set());
    codesByForm.get(lc(f)).add(row.onet_soc_code);
  }
  if (obsolete.has(lc(row.job_title)) || forms.length === 0) continue;
  if (!unitsByCode.has(row.onet_soc_code)) unitsByCode.set(row.onet_soc_code, new Map());
  unitsByCode.get(row.onet_soc_code).set(lc(forms[0]), forms);
}
for (const t of obsolete) {
  if (!altTitles.some((r) => lc(r.job_title) === t))
    fail(`obsolete title "${t}" is not in alternate_titles.tsv`);
}

const roleUnits = new Map(); // role id -> Map(key -> forms)
for (const r of handRoles) {
  const units = new Map();
  for (const code of [r.onet, ...(r.extraSoc ?? [])]) {
    for (const [k, forms] of unitsByCode.get(code) ?? []) if (!units.has(k)) units.set(k, forms);
  }
  roleUnits.set(r.id, units);
}

// Titles that must stay searchable: every lay alias, friendly title and official title we use,
// plus the aliases of the hand-written profiles.
const protectedNames = new Set();
for (const r of handRoles) {
  protectedNames.add(lc(r.title));
  protectedNames.add(lc(occupations.get(r.onet).title));
  for (const a of r.aliases ?? []) protectedNames.add(lc(a));
}
for (const p of existing) {
  protectedNames.add(lc(p.title));
  for (const a of p.aliases ?? []) protectedNames.add(lc(a));
}

// Hold back about HOLD_BACK_SHARE of each role's usable titles. A title is held back for every
// role listing it or for none, so the benchmark never finds it verbatim in another profile.
const quota = new Map([...roleUnits].map(([id, u]) => [id, Math.round(u.size * HOLD_BACK_SHARE)]));
const heldCount = new Map([...roleUnits.keys()].map((id) => [id, 0]));
const rolesByUnit = new Map();
for (const [id, units] of roleUnits) {
  for (const [k, forms] of units) {
    if (!rolesByUnit.has(k)) rolesByUnit.set(k, { forms, roles: [] });
    rolesByUnit.get(k).roles.push(id);
  }
}
const heldUnits = new Set();
const candidates = [...rolesByUnit.keys()]
  .filter((k) => !rolesByUnit.get(k).forms.some((f) => protectedNames.has(lc(f))))
  .sort((a, b) => cmp(hash(a), hash(b)) || cmp(a, b));
for (const k of candidates) {
  const { roles } = rolesByUnit.get(k);
  if (roles.every((id) => heldCount.get(id) < quota.get(id))) {
    heldUnits.add(k);
    for (const id of roles) heldCount.set(id, heldCount.get(id) + 1);
  }
}

/** Aliases per role: lay aliases first (as written), then the kept O*NET titles alphabetically. */
const aliasesByRole = new Map();
for (const r of handRoles) {
  const onetForms = [];
  for (const [k, forms] of roleUnits.get(r.id)) if (!heldUnits.has(k)) onetForms.push(...forms);
  onetForms.sort(cmpCi);
  const seen = new Set([lc(r.title)]);
  const out = [];
  for (const a of [...(r.aliases ?? []), ...onetForms]) {
    if (seen.has(lc(a))) continue;
    seen.add(lc(a));
    out.push(a);
  }
  aliasesByRole.set(r.id, out);
}
const allAliases = new Set([...aliasesByRole.values()].flat().map(lc));

const heldRows = new Map();
for (const k of heldUnits) {
  for (const f of rolesByUnit.get(k).forms) {
    if (allAliases.has(lc(f)) || protectedNames.has(lc(f)) || heldRows.has(lc(f))) continue;
    heldRows.set(lc(f), [f, [...codesByForm.get(lc(f))].sort(cmp).join(',')]);
  }
}

// ---------------------------------------------------------------------------------------------
// Per-role sections

function skillsFor(code) {
  return (skills.get(code) ?? [])
    .filter((r) => r.scale_id === 'IM' && num(r.importance_1to5) >= 3.0)
    .map((r) => ({ name: r.skill, importance: num(r.importance_1to5), source: 'onet-skills' }))
    .sort((a, b) => b.importance - a.importance || cmp(a.name, b.name));
}

function softwareFor(code) {
  const byName = new Map();
  for (const r of tech.get(code) ?? []) {
    const prev = byName.get(r.example);
    const hot = r.hot_technology === 'Y';
    const inDemand = r.in_demand === 'Y';
    if (prev) {
      prev.hot ||= hot;
      prev.inDemand ||= inDemand;
    } else
      byName.set(r.example, {
        name: r.example,
        category: r.commodity_title,
        hot,
        inDemand,
        source: 'onet-tech',
      });
  }
  let items = [...byName.values()];
  if (items.length > MAX_SOFTWARE) {
    // Keep every Hot / In Demand technology; fill the rest of the 40 places round-robin across
    // categories (categories and names in alphabetical order) so no category crowds out the others.
    const flagged = items.filter((t) => t.hot || t.inDemand);
    const rest = groupBy(
      items.filter((t) => !t.hot && !t.inDemand).sort((a, b) => cmpCi(a.name, b.name)),
      'category',
    );
    const queues = [...rest.keys()].sort(cmpCi).map((c) => rest.get(c));
    const fill = [];
    while (flagged.length + fill.length < MAX_SOFTWARE && queues.some((q) => q.length)) {
      for (const q of queues) {
        if (q.length && flagged.length + fill.length < MAX_SOFTWARE) fill.push(q.shift());
      }
    }
    items = [...flagged, ...fill];
  }
  return items.sort(
    (a, b) =>
      cmpCi(a.category, b.category) || Number(b.hot) - Number(a.hot) || cmpCi(a.name, b.name),
  );
}

function toolsFor(code) {
  const byName = new Map();
  for (const r of tools.get(code) ?? []) {
    if (!byName.has(r.example)) {
      byName.set(r.example, {
        name: r.example,
        category: r.commodity_title,
        hot: false,
        source: 'onet-tools',
      });
    }
  }
  return [...byName.values()].sort(
    (a, b) => cmpCi(a.category, b.category) || cmpCi(a.name, b.name),
  );
}

function wageRow(soc, period) {
  const rows = (wages.get(soc) ?? []).filter((r) => r.oews_reference_period === period);
  if (rows.length > 1) fail(`several ${period} wage rows for ${soc}`);
  return rows[0];
}

function salaryEntry(soc, note, labelSuffix = '') {
  const w = wageRow(soc, LATEST);
  if (!w) fail(`no ${LATEST} national wages for ${soc}`);
  return {
    source: 'bls-oews-2024',
    period: LATEST,
    label: `${w.bls_occupation_title} (SOC ${soc})${labelSuffix}`,
    socCode: soc,
    median: num(w.median_annual_wage_usd),
    mean: num(w.mean_annual_wage_usd),
    p10: num(w.annual_wage_p10),
    p25: num(w.annual_wage_p25),
    p75: num(w.annual_wage_p75),
    p90: num(w.annual_wage_p90),
    medianHourly: num(w.median_hourly_wage_usd),
    employment: num(w.employment),
    ...(note ? { note } : {}),
  };
}

function trendFor(soc) {
  const points = (wages.get(soc) ?? [])
    .map((r) => ({ period: r.oews_reference_period, median: num(r.median_annual_wage_usd) }))
    .sort((a, b) => num(a.period.slice(-4)) - num(b.period.slice(-4)));
  const missing2020 = !points.some((p) => p.period === 'May 2020');
  const stand_in = missing2020
    ? [...wages.values()]
        .flat()
        .find(
          (r) =>
            r.oews_reference_period === 'May 2020' &&
            r.bls_occupation_title.includes(`includes ${soc}`),
        )
    : undefined;
  return {
    trend: { source: 'bls-oews-2020-2024', label: `Median annual wage, SOC ${soc}`, points },
    comment: stand_in
      ? `BLS published no separate May 2020 estimate for SOC ${soc}, only the aggregate ${stand_in.soc_code} ` +
        `(${stand_in.bls_occupation_title.replace(/\s*\[.*\]$/, '')}); that point is left out, so the trend starts ${points[0].period}.`
      : undefined,
  };
}

/** O*NET "Required Level of Education" categories, shortened for display. */
const RL_LABELS = {
  1: 'Less than a high school diploma',
  2: 'High school diploma or equivalent (e.g. GED)',
  3: 'Post-secondary certificate',
  4: 'Some college courses',
  5: "Associate's degree",
  6: "Bachelor's degree",
  7: 'Post-baccalaureate certificate',
  8: "Master's degree",
  9: "Post-master's certificate",
  10: 'First professional degree',
  11: 'Doctoral degree',
  12: 'Post-doctoral training',
};
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const withArticle = (label) => {
  const l = lowerFirst(label.replace(/\s*\(.*\)$/, ''));
  if (/^(some|less|post-doctoral)/.test(l)) return l;
  return `${/^[aeiou]/.test(l) ? 'an' : 'a'} ${l}`;
};

function educationFor(code) {
  const rows = education.get(code) ?? [];
  const rl = rows
    .filter((r) => r.scale_id === 'RL')
    .sort((a, b) => num(a.category) - num(b.category));
  if (rl.length === 0) return {};
  const levels = rl
    .filter((r) => num(r.data_value) >= 5)
    .map((r) => ({
      label: RL_LABELS[r.category],
      share: round1(r.data_value),
      cat: num(r.category),
      suppress: r.recommend_suppress === 'Y',
    }));
  const bySize = [...levels].sort((a, b) => b.share - a.share || a.cat - b.cat);
  const [top, ...others] = bySize;
  const lead =
    top.share > 50 ? `most workers (${pct(top.share)})` : `the largest group (${pct(top.share)})`;
  const parts = others.slice(0, 3).map((l) => `${pct(l.share)} ${withArticle(l.label)}`);
  if (parts.length) parts[0] = parts[0].replace(/^(\d+%) /, '$1 said ');
  const tail =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  const summary = `Asked what education the job requires, ${lead} said ${withArticle(top.label)}${tail ? `; ${tail}` : ''}.`;
  const suppressed = levels.filter((l) => l.suppress).map((l) => `${l.label} (${l.share}%)`);
  const steps = [];
  const mode = (scale) => {
    const r = rows
      .filter((x) => x.scale_id === scale)
      .sort(
        (a, b) => num(b.data_value) - num(a.data_value) || num(a.category) - num(b.category),
      )[0];
    return r && { label: r.category_label, share: num(r.data_value), cat: num(r.category) };
  };
  steps.push({
    step: `Meet the usual education bar: ${withArticle(top.label)}, the level ${lead.replace(/^the largest group/, 'the largest group of workers')} say the job requires.`,
    source: 'onet-education',
  });
  const rw = mode('RW');
  if (rw) {
    steps.push({
      step:
        rw.cat === 1
          ? `Related work experience is often not needed: the most common answer (${pct(rw.share)} of workers) is none.`
          : `Build related work experience: the most common answer (${pct(rw.share)} of workers) is ${spanLabel(rw.label)}.`,
      source: 'onet-education',
    });
  }
  const oj = mode('OJ');
  if (oj) {
    steps.push({
      step:
        oj.cat === 1
          ? `Expect little on-the-job training: the most common answer (${pct(oj.share)} of workers) is none or a short demonstration.`
          : `Expect on-the-job training: most often ${spanLabel(oj.label)} (${pct(oj.share)} of workers).`,
      source: 'onet-education',
    });
  }
  return {
    education: {
      summary,
      levels: levels.map(({ label, share }) => ({ label, share })),
      source: 'onet-education',
    },
    steps,
    comment: suppressed.length
      ? `O*NET flags these education shares as "recommend suppress" (small sample or high error): ${suppressed.join(', ')}.`
      : undefined,
  };
}

/** "Over 1 month, up to and including 3 months" -> "1 to 3 months" (O*NET RW/OJ category labels). */
function spanLabel(label) {
  const m = label.match(/^Over (\d+) (\w+), up to and including (\d+) (\w+)$/);
  if (m) {
    const [, a, u1, b, u2] = m;
    return u1.replace(/s$/, '') === u2.replace(/s$/, '')
      ? `${a} to ${b} ${u2}`
      : `${a} ${u1} to ${b} ${u2}`;
  }
  const upTo = label.match(/up to and including (\d+ \w+)$/i);
  if (upTo) return `up to ${upTo[1]}`;
  if (/^None or short demonstration$/i.test(label)) return 'none or a short demonstration';
  return lowerFirst(label);
}

/**
 * English function words (and O*NET's boilerplate "duties may include"), left out of keywords.
 * A general list: content words stay, however common, because search weights words by rarity.
 */
const KEYWORD_STOP_WORDS = new Set(
  `about above according across after against all also among and any are as at based be been
  before being between both but by can could do does due during each either etc even every for
  from further had has have how however if in include includes including into is it its may
  might more most must near no nor not of off on once one only onto or other others otherwise
  our out over own per rather same should since so some such than that the their them then there
  these they this those through throughout thus to too toward towards under until upon us use used
  uses using various very via was we were what when where whether which while who whom whose why
  will with within without would you your duties duty`.split(/\s+/),
);

/**
 * Search vocabulary of a profile: the distinct content words (lower case, 3+ letters, no function
 * words) of the O*NET task statements of every code in the profile and of the main code's
 * occupation description, sorted: a word list for search, never sentences.
 */
function keywordsFor(r) {
  const texts = [
    occupations.get(r.onet).description,
    ...[r.onet, ...(r.extraSoc ?? [])].flatMap((code) =>
      (taskStatements.get(code) ?? []).map((t) => t.task),
    ),
  ];
  const found = new Set();
  for (const text of texts) {
    for (const w of text.toLowerCase().split(/[^a-z]+/)) {
      // A one-word held-back title ("Repossessor") never becomes a keyword, so the benchmark
      // cannot find it verbatim; today no task statement contains one.
      if (w.length >= 3 && !KEYWORD_STOP_WORDS.has(w) && !heldRows.has(w)) found.add(w);
    }
  }
  return [...found].sort(cmp);
}

const JOB_ZONE_WORDS = { 1: 'little', 2: 'some', 3: 'medium', 4: 'considerable', 5: 'extensive' };

function citiesFor(soc) {
  return (metroWages.get(soc) ?? [])
    .map((r) => ({ r, m: metroByCode.get(r.area_code) }))
    .sort(
      (a, b) =>
        hand.metros.findIndex((x) => x.id === a.m.id) -
        hand.metros.findIndex((x) => x.id === b.m.id),
    )
    .map(({ r, m }) => ({
      name: m.name,
      state: m.state,
      metro: m.id,
      ...(r.employment === '' ? {} : { employment: num(r.employment) }),
      median: num(r.median_annual),
      mean: num(r.mean_annual),
      p25: num(r.p25),
      p75: num(r.p75),
      period: r.reference_period,
      sources: ['bls-oews-metro-2024'],
      ...(r.employment === ''
        ? { note: 'BLS did not release an employment estimate for this metro.' }
        : {}),
    }));
}

function relatedFor(r) {
  const rows = (related.get(r.onet) ?? [])
    .filter((x) => x.related_in_target_set === 'Y')
    .sort((a, b) => num(a.index) - num(b.index));
  const out = [];
  const seen = new Set([r.id]);
  for (const x of rows) {
    const id = roleByCode.get(x.related_onet_soc_code);
    if (!id)
      fail(`${r.id}: related ${x.related_onet_soc_code} is in the target set but has no profile`);
    if (seen.has(id)) continue;
    seen.add(id);
    const reason = r.related?.[id];
    if (!reason) fail(`${r.id}: write a reason for related role ${id} in roles.yaml`);
    out.push({ id, reason });
  }
  for (const id of Object.keys(r.related ?? {})) {
    if (!out.some((o) => o.id === id))
      fail(`${r.id}: roles.yaml has a reason for ${id}, which O*NET does not list`);
  }
  if (out.length < 2)
    fail(`${r.id}: fewer than 2 related roles in the facts; add fallbacks by shared skills`);
  return out;
}

function interestsFor(code) {
  const oi = new Map(
    (interests.get(code) ?? [])
      .filter((r) => r.scale_id === 'OI')
      .map((r) => [r.element_name, num(r.data_value)]),
  );
  if (oi.size === 0) return undefined;
  const names = [
    'Realistic',
    'Investigative',
    'Artistic',
    'Social',
    'Enterprising',
    'Conventional',
  ];
  return {
    ...Object.fromEntries(names.map((n) => [n.toLowerCase(), oi.get(n)])),
    source: 'onet-interests',
  };
}

function workStylesFor(code) {
  return (workStyles.get(code) ?? [])
    .filter((r) => r.scale_id === 'IM' && num(r.data_value) >= 3.0)
    .map((r) => ({
      name: r.element_name,
      importance: num(r.data_value),
      source: 'onet-work-styles',
    }))
    .sort((a, b) => b.importance - a.importance || cmp(a.name, b.name));
}

// ---------------------------------------------------------------------------------------------
// Writing

const HEADER = [
  '# Drafted by scripts/draft-roles.mjs from O*NET 29.2 / BLS OEWS facts, with prose (title, summary,',
  '# tasks, lay aliases, related-role reasons) written by the project in scripts/draft/roles.yaml.',
  '# This product includes information from O*NET 29.2 Database by the U.S. Department of Labor,',
  '# Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.',
  '# Re-run the script rather than editing by hand: it overwrites this file.',
];

const KEYWORDS_PLACEHOLDER = 'KEYWORDS_GO_HERE';

/** `key: [a, b, c]` wrapped at 100 columns, continuation lines indented (yaml puts one per line). */
function flowList(key, items) {
  const indent = ' '.repeat(key.length + 1);
  const lines = [];
  let line = `${key}[`;
  items.forEach((item, i) => {
    const piece = `${item}${i < items.length - 1 ? ',' : ']'}`;
    if (line.length + 1 + piece.length > 100 && !line.endsWith('[')) {
      lines.push(line);
      line = indent + piece;
    } else line += (line.endsWith('[') ? '' : ' ') + piece;
  });
  lines.push(line);
  return lines.join('\n');
}

/** Puts `# comment` lines before the top-level key `key:`. */
function commentBefore(text, key, comment) {
  if (!comment) return text;
  const lines = comment
    .replace(/(.{1,95})(\s|$)/g, '$1\n')
    .trim()
    .split('\n')
    .map((l) => `# ${l}`);
  const re = new RegExp(`^${key}:`, 'm');
  if (!re.test(text)) fail(`cannot place comment: no top-level ${key}`);
  return text.replace(re, `${lines.join('\n')}\n${key}:`);
}

const written = [];
for (const r of handRoles) {
  const occ = occupations.get(r.onet);
  const soc = soc7(r.onet);
  const extraSocs = (r.extraSoc ?? []).map(soc7);
  const jz = jobZones.get(r.onet);
  const edu = educationFor(r.onet);
  const { trend, comment: trendComment } = trendFor(soc);

  const salary = [salaryEntry(soc)];
  for (const s of extraSocs) {
    const title = occupations.get(`${s}.00`).title;
    salary.push(
      salaryEntry(
        s,
        `${title} is folded into this profile. Shown for comparison only; the headline figures are SOC ${soc}.`,
        ', folded into this profile (comparison only)',
      ),
    );
  }

  const howToBecome = [];
  if (jz && edu.steps) {
    howToBecome.push({
      step: `Plan for ${JOB_ZONE_WORDS[jz.job_zone]} preparation: O*NET places the job in job zone ${jz.job_zone} of 5.`,
      source: 'onet-job-zones',
    });
    howToBecome.push(...edu.steps);
  }

  const profile = {
    id: r.id,
    title: r.title,
    onetTitle: occ.title,
    socCodes: [r.onet, ...(r.extraSoc ?? [])],
    summary: r.summary.trim(),
    aliases: aliasesByRole.get(r.id),
    skills: skillsFor(r.onet),
    tasks: r.tasks,
    keywords: { words: keywordsFor(r), sources: ['onet-tasks', 'onet-occupation'] },
    software: softwareFor(r.onet),
    tools: toolsFor(r.onet),
    salary,
    salaryTrend: trend,
    ...(jz
      ? { jobZone: { level: num(jz.job_zone), name: jz.job_zone_name, source: 'onet-job-zones' } }
      : {}),
    ...(edu.education ? { education: edu.education } : {}),
    certifications: [],
    howToBecome,
    industries: [],
    cities: citiesFor(soc),
    relatedRoles: relatedFor(r),
    ...(interestsFor(r.onet) ? { interests: interestsFor(r.onet) } : {}),
    workStyles: workStylesFor(r.onet),
  };
  profile.sources = sourcesFor(profile);

  let text = stringify(
    { ...profile, keywords: { ...profile.keywords, words: KEYWORDS_PLACEHOLDER } },
    { lineWidth: 100 },
  );
  text = text.replace(
    `  words: ${KEYWORDS_PLACEHOLDER}`,
    flowList('  words: ', profile.keywords.words),
  );
  text = commentBefore(text, 'tasks', r.taskNote);
  text = commentBefore(text, 'salaryTrend', trendComment);
  text = commentBefore(text, 'education', edu.comment);
  if (extraSocs.length) {
    text = commentBefore(
      text,
      'socCodes',
      `${extraSocs.map((s) => `SOC ${s} (${occupations.get(`${s}.00`).title})`).join(', ')} is folded into this profile: its alternate titles are aliases here; pay figures stay those of SOC ${soc}.`,
    );
  }
  const file = join(ROLES_DIR, `${r.id}.yaml`);
  writeFileSync(file, `${HEADER.join('\n')}\n${text}`);
  written.push(file);
}

const metrosDoc = { metros: hand.metros.map((m) => metroByCode.get(m.areaCode)) };
writeFileSync(
  METROS_FILE,
  [
    '# Drafted by scripts/draft-roles.mjs. Metro areas of the BLS OEWS May 2024 metro estimates',
    '# (2023 metro definitions) with BEA Regional Price Parities (all items, US = 100). The RPP is a',
    '# calendar-year price index for all consumers; pay adjusted for prices = pay / (RPP / 100).',
    '# Short names, principal states and aliases are the project\u2019s.',
    stringify(metrosDoc, { lineWidth: 100 }),
  ].join('\n'),
);
written.push(METROS_FILE);

const heldLines = [...heldRows.values()].sort((a, b) => cmpCi(a[0], b[0])).map((r) => r.join('\t'));
writeFileSync(HELD_BACK_FILE, `query\tsoc_codes\n${heldLines.join('\n')}\n`);
written.push(HELD_BACK_FILE);

// Summary for the developer.
const counts = handRoles.map((r) => aliasesByRole.get(r.id).length).sort((a, b) => a - b);
console.log(`wrote ${written.length} files (${handRoles.length} roles, metros, held-back titles)`);
console.log(
  `aliases per role: min ${counts[0]}, median ${counts[Math.floor(counts.length / 2)]}, max ${counts.at(-1)}; ` +
    `held-back titles: ${heldLines.length} (units ${heldUnits.size})`,
);
for (const r of handRoles) {
  const held = heldCount.get(r.id);
  const n = roleUnits.get(r.id).size;
  if (held < quota.get(r.id))
    console.log(`  note: ${r.id} holds back ${held} of ${n} titles (quota ${quota.get(r.id)})`);
}

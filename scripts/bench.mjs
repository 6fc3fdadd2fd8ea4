// npm run bench: prints how fast careers is, and saves the table to bench/RESULTS.md.
//  1. Whole-process wall time of common commands, each paired with a bare `node -e ''` in the
//     same interleaved rounds, run in a shuffled order each round (median of the rounds, and
//     the ratio to bare node).
//  2. Peak memory (max RSS) of `show` next to bare node, via /usr/bin/time when present.
//  3. In-process load time and search latency (median, p95) at 33 (built-in), 1,000 and 10,000
//     roles; the big catalogs are synthetic (~50 aliases each), generated into a temp dir.
//     Search is timed on the index built in memory and on the one read from the cache pack,
//     each query as in a fresh run (what earlier queries left in memory is dropped).
//  4. Whole process on those catalogs: the first run (no cache, it writes one), then search
//     and show with the warm cache in interleaved rounds with bare node.
//  5. Hostile data (scripts/bench-faults.mjs): first loads of a 20,000-letter word, 80,000
//     aliases and 20 roles at the 1,000-alias limit, with wall time and peak memory.
// Usage: npm run bench [-- --rounds 15 --sizes 1000,10000]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { loadCatalog } from '../dist/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../dist/data/dirs.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { buildIndex } from '../dist/core/search/index.js';
import { search } from '../dist/core/search/rank.js';
import { cacheKey, readCache } from '../dist/store/cache.js';
import { readCompiled } from '../dist/store/compiled.js';
import { faultRows } from './bench-faults.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'careers.cjs');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg('rounds', 15));
const sizes = arg('sizes', '1000,10000').split(',').filter(Boolean).map(Number);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;
const lines = [];
const say = (s = '') => {
  console.log(s);
  lines.push(s);
};

// Each round runs its commands in a new order (seeded, so runs are comparable): a fixed order
// lets "runs first after a pause" or "runs right after a heavy command" bias one column.
let orderSeed = 12345;
function shuffled(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    orderSeed = (Math.imul(orderSeed, 1103515245) + 12345) >>> 0;
    const j = Math.floor((orderSeed / 2 ** 32) * (i + 1)); // the high bits: the low ones cycle
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function wall(args, env = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

// 1. Whole-process timings, interleaved with bare node.
const commands = [
  ['careers --version', [bin, '--version']],
  ['careers show "data entry"', [bin, 'show', 'data entry']],
  ['careers search acountant', [bin, 'search', 'acountant']],
  ['careers quiz --questions', [bin, 'quiz', '--questions']],
];
const times = new Map([['bare', []], ...commands.map(([name]) => [name, []])]);
wall(['-e', '']); // warm the file cache
for (let r = 0; r < rounds; r++) {
  const round = [['bare', ['-e', '']], ...commands];
  for (const [name, args] of shuffled(round)) times.get(name).push(wall(args));
}
const bare = median(times.get('bare'));
say(`# careers benchmark`);
say();
say(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
say();
say(`## Whole process (median of ${rounds} interleaved rounds)`);
say();
say('| command | median | × bare node |');
say('| --- | ---: | ---: |');
say(`| node -e '' (bare) | ${ms(bare)} | 1.00 |`);
for (const [name] of commands) {
  const m = median(times.get(name));
  say(`| ${name} | ${ms(m)} | ${(m / bare).toFixed(2)} |`);
}

// 2. Peak memory.
say();
say('## Peak memory (max RSS)');
say();
if (existsSync('/usr/bin/time')) {
  const rss = (args) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return Number(r.stderr.trim().split('\n').pop());
  };
  const bareRss = median([1, 2, 3].map(() => rss(['-e', ''])));
  const showRss = median([1, 2, 3].map(() => rss([bin, 'show', 'data entry'])));
  say('| process | max RSS | × bare node |');
  say('| --- | ---: | ---: |');
  say(`| node -e '' | ${(bareRss / 1024).toFixed(1)} MiB | 1.00 |`);
  say(
    `| careers show "data entry" | ${(showRss / 1024).toFixed(1)} MiB | ${(showRss / bareRss).toFixed(2)} |`,
  );
} else {
  say('/usr/bin/time is not installed: peak memory not measured.');
}

// 3. In-process load and search at several catalog sizes.
const QUERIES = [
  'acountant',
  'data entry clerk',
  'payroll',
  'admin asst',
  'front desk',
  'quickbooks',
  'accounts payable specialist',
  'recepshonist',
  'hr coordinator',
  'mail room',
];

/** Writes n synthetic roles (~50 aliases each) built from the real catalog's words. */
function synthetic(n, base) {
  const dir = mkdtempSync(join(tmpdir(), `careers-bench-${n}-`));
  mkdirSync(join(dir, 'roles'));
  let seed = 7;
  const rand = (k) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  const words = [...new Set(base.roles.flatMap((r) => r.aliases.join(' ').split(/\s+/)))].filter(
    (w) => /^[A-Za-z]{3,}$/.test(w),
  );
  const title = () =>
    Array.from({ length: 2 + rand(2) }, () => words[rand(words.length)]).join(' ');
  for (let i = 0; i < n; i++) {
    const proto = base.roles[i % base.roles.length];
    const role = {
      ...proto,
      id: `synthetic-${i}`,
      title: `${title()} ${i}`,
      aliases: Array.from({ length: 50 }, title),
      relatedRoles: [],
    };
    writeFileSync(join(dir, 'roles', `synthetic-${i}.yaml`), stringify(role));
  }
  return dir;
}

/**
 * Forgets the words matched to query words so far, and the lists kept after reading them from a
 * pack, so the next query runs as in a fresh process.
 */
function clearSearchCache(index) {
  index.similarCache.clear();
  index.rolesCache.clear();
  index.bridgedCache.clear();
  index.tables().forget?.();
}

/** Median and p95 of one query at a time on an index, each as in a fresh run. */
function latency(index) {
  const lat = [];
  for (let r = 0; r < 5; r++) {
    for (const q of QUERIES) {
      // A CLI run asks one query: drop what earlier ones left so it does not flatter the figure.
      clearSearchCache(index);
      const t = performance.now();
      search(index, q);
      lat.push(performance.now() - t);
    }
  }
  return [median(lat), p95(lat)];
}

/**
 * Load and search in process: the YAML and an index built in memory, then a pack's index;
 * `[packed, open]` is the pack and how long opening it took.
 */
function inProcess(label, dir, [packed, open]) {
  let t = performance.now();
  const catalog = loadCatalog(dir);
  const load = performance.now() - t;
  t = performance.now();
  const index = buildIndex(catalog, loadSynonyms(dir));
  index.tables(); // the word tables are otherwise built by the first search
  const build = performance.now() - t;
  const [med, p] = latency(index);
  const onPack = buildIndex(packed.catalog(dir), packed.synonyms, {
    tables: packed.words,
    names: packed.names,
  });
  const [packMed, packP] = latency(onPack);
  return `| ${label} | ${ms(load)} | ${ms(build)} | ${ms(med)} | ${ms(p)} | ${ms(open)} | ${ms(packMed)} | ${ms(packP)} |`;
}

say();
say('## In process: load, index, search');
say();
say(
  '| catalog | load + validate YAML | build index | search median | search p95 | open pack (+ cache key) | search median (pack) | search p95 (pack) |',
);
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const base = loadCatalog(BUILT_IN_DATA_DIR);
/** A pack and the time it took to open it (with the cache key, for a --data directory). */
function timed(open) {
  const t = performance.now();
  const pack = open();
  return [pack, performance.now() - t];
}
say(
  inProcess(
    `${base.roles.length} roles (built-in)`,
    BUILT_IN_DATA_DIR,
    timed(() => readCompiled(BUILT_IN_DATA_DIR)),
  ),
);
const whole = [];
for (const n of sizes) {
  const dir = synthetic(n, base);
  const cache = mkdtempSync(join(tmpdir(), 'careers-bench-cache-'));
  const env = { XDG_CACHE_HOME: cache };
  try {
    // The first run fills the --data cache; later runs read it.
    const search = [bin, '--data', dir, 'search', 'payroll clerk'];
    const show = [bin, '--data', dir, 'show', `synthetic-${Math.floor(n / 2)}`];
    const cold = wall(search, env);
    const opened = timed(() => readCache(env, dir, cacheKey(dir)));
    say(inProcess(`${n.toLocaleString('en-US')} synthetic roles`, dir, opened));
    const t = { bare: [], search: [], show: [] };
    wall(search, env); // warm the file cache
    for (let r = 0; r < rounds; r++) {
      const round = [
        ['bare', ['-e', ''], {}],
        ['search', search, env],
        ['show', show, env],
      ];
      for (const [name, args, e] of shuffled(round)) t[name].push(wall(args, e));
    }
    const b = median(t.bare);
    const [s, sh] = [median(t.search), median(t.show)];
    whole.push(
      `| ${n.toLocaleString('en-US')} roles | ${ms(cold)} | ${ms(b)} | ${ms(s)} | ${(s / b).toFixed(2)} | ${ms(sh)} | ${(sh / b).toFixed(2)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
if (whole.length) {
  say();
  say(
    `## Whole process on a big --data catalog: first run, then warm cache (median of ${rounds} rounds interleaved with bare node)`,
  );
  say();
  say(
    '| catalog | first run (no cache) | node -e \'\' | search "payroll clerk" | × bare | show <id> | × bare |',
  );
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const line of whole) say(line);
}

// Hostile data (issue 20): peak memory and time of first loads that once blew up.
say();
say('## Hostile data: first load, peak memory');
say();
for (const line of faultRows(bin)) say(line);

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
console.log('\nSaved to bench/RESULTS.md');

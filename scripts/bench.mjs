// npm run bench: prints how fast careers is, and saves the table to bench/RESULTS.md.
//  1. Whole-process wall time of common commands, each paired with a bare `node -e ''` in the
//     same interleaved rounds, run in a shuffled order each round (median of the rounds, and
//     the ratio to bare node); the look-ups also from a copy installed the way users get it
//     (npm pack, then npm install -g of the tarball into a temp prefix).
//  2. Peak memory (max RSS) of `show` next to bare node, via /usr/bin/time when present.
//  3. Big --data directories of realistic ~20 KB profiles (scripts/make-roles.mjs) at 1,000 and
//     10,000 roles: the first load (no cache; median of 3 runs up to 1,000 roles; peak memory),
//     the re-load after editing one file, then search and show with the warm cache in rounds
//     interleaved with bare node; and in process, the YAML load, the index build and search
//     latency (median, p95) on the index built in memory and on the one read from the cache
//     pack, each query as in a fresh run.
//  4. Every budget of issue 18 with its figure.
//  5. Hostile data (scripts/bench-faults.mjs): first loads of a 20,000-letter word, 80,000
//     aliases and 20 roles at the 1,000-alias limit, with wall time and peak memory.
// Usage: npm run bench [-- --rounds 41 --big-rounds 15 --sizes 1000,10000 --no-install]
// (--rounds: the rounds of part 1, where one look-up sits ~30 ms over a bare node that varies by
// as much on a shared VM, so 15 rounds moved a ratio by ±0.1 between runs; --big-rounds: the
// warm rounds of part 3, whose commands take several times longer.)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeRoles } from './make-roles.mjs';
import { faultRows } from './bench-faults.mjs';
import { loadCatalog } from '../dist/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../dist/data/dirs.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { buildIndex } from '../dist/core/search/index.js';
import { search } from '../dist/core/search/rank.js';
import { cacheKey, readCache } from '../dist/store/cache.js';
import { readCompiled } from '../dist/store/compiled.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'careers.cjs');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg('rounds', 41));
const bigRounds = Number(arg('big-rounds', 15));
const sizes = arg('sizes', '1000,10000').split(',').filter(Boolean).map(Number);
const install = !process.argv.includes('--no-install');
/** A cache directory of the bench's own, so no run reads the user's ~/.cache. */
const benchCache = mkdtempSync(join(tmpdir(), 'careers-bench-cache-'));

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

/** Runs node with args; the wall time in ms (and stderr, and peak RSS in KiB when `rss`). */
function run(args, env = {}, { rss = false } = {}) {
  const t = performance.now();
  const useTime = rss && existsSync('/usr/bin/time');
  const [cmd, argv] = useTime
    ? ['/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, ...args]]
    : [process.execPath, args];
  const r = spawnSync(cmd, argv, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: benchCache, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const kib = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, stderr: r.stderr.replace(/maxrss=\d+\n?/, ''), kib };
}
const wall = (args, env) => run(args, env).ms;

/**
 * Installs careers as a user gets it: npm pack (of this build), then npm install -g of the
 * tarball into a temp prefix. Returns the installed bin and the prefix (removed at the end).
 */
function installTarball() {
  const prefix = mkdtempSync(join(tmpdir(), 'careers-bench-install-'));
  const npm = (args) => {
    const r = spawnSync('npm', args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const packed = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', prefix]),
  );
  const tarball = join(prefix, packed[0].filename);
  npm([
    'install',
    '-g',
    '--prefix',
    join(prefix, 'global'),
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    tarball,
  ]);
  return { prefix, bin: join(prefix, 'global', 'bin', 'careers') };
}

// 1. Whole-process timings, interleaved with bare node.
const commands = [
  ['careers --version', [bin, '--version']],
  ['careers show "data entry"', [bin, 'show', 'data entry']],
  ['careers search acountant', [bin, 'search', 'acountant']],
  ['careers quiz --questions', [bin, 'quiz', '--questions']],
];
let installed;
/** What the installed copy printed on stderr on its second run (should be nothing). */
let installedNote = '';
if (install) {
  installed = installTarball();
  run([installed.bin, 'show', 'data entry']);
  installedNote = run([installed.bin, 'show', 'data entry']).stderr.trim();
  commands.push(
    ['installed: careers show "data entry"', [installed.bin, 'show', 'data entry']],
    ['installed: careers search acountant', [installed.bin, 'search', 'acountant']],
  );
}
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
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average at the start ${loadavg()[0].toFixed(1)}`,
);
say();
say(
  'The machine may be shared with other jobs: the ratios to bare node, measured in the same rounds, are what counts; absolute times grow with the load.',
);
say();
say(`## Whole process (median of ${rounds} interleaved rounds)`);
say();
say('| command | median | × bare node |');
say('| --- | ---: | ---: |');
say(`| node -e '' (bare) | ${ms(bare)} | 1.00 |`);
const ratio = new Map();
for (const [name] of commands) {
  const m = median(times.get(name));
  ratio.set(name, m / bare);
  say(`| ${name} | ${ms(m)} | ${(m / bare).toFixed(2)} |`);
}
if (installed) {
  say();
  say(
    `Installed copy (npm pack + npm install -g into a temp prefix): stderr of its second run: ${installedNote ? `"${installedNote}"` : 'empty'}.`,
  );
  rmSync(installed.prefix, { recursive: true, force: true });
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

/**
 * A directory of n realistic profiles (scripts/make-roles.mjs), kept between bench runs in the
 * temp dir (making 10,000 takes minutes): named by n and a hash of the generator and the
 * built-in roles it draws from.
 */
function realistic(n) {
  const hash = createHash('sha256').update(readFileSync(join(root, 'scripts', 'make-roles.mjs')));
  const rolesDir = join(root, 'data', 'roles');
  for (const f of readdirSync(rolesDir).sort()) hash.update(readFileSync(join(rolesDir, f)));
  const dir = join(tmpdir(), `careers-bench-roles-${n}-${hash.digest('hex').slice(0, 12)}`);
  const done = join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    makeRoles(dir, n);
    writeFileSync(done, '');
  }
  return dir;
}

/**
 * Median and p95 of one query at a time, each as in a fresh run: `fresh()` gives the index for
 * the next query (a CLI run asks one query, so nothing earlier ones found may flatter the figure).
 */
function latency(fresh) {
  const lat = [];
  for (let r = 0; r < 5; r++) {
    for (const q of QUERIES) {
      const index = fresh();
      const t = performance.now();
      search(index, q);
      lat.push(performance.now() - t);
    }
  }
  return [median(lat), p95(lat)];
}

/** The in-memory index with the words matched to earlier query words forgotten. */
function cleared(index) {
  index.similarCache.clear();
  index.rolesCache.clear();
  index.bridgedCache.clear();
  return index;
}

/** The search median on the pack of the last inProcess call. */
let lastPackMedian;

/**
 * Load and search in process: the YAML and an index built in memory, then a pack's index;
 * `[pack, open, reopen]`: a pack, how long opening it took, and how to open it again.
 */
function inProcess(label, dir, [, open, reopen]) {
  let t = performance.now();
  const catalog = loadCatalog(dir);
  const load = performance.now() - t;
  t = performance.now();
  const index = buildIndex(catalog, loadSynonyms(dir));
  index.tables(); // the word tables are otherwise built by the first search
  const build = performance.now() - t;
  const [med, p] = latency(() => cleared(index));
  // The pack opened again for each query, so no list read for an earlier one is still held.
  const onPack = (pack) =>
    buildIndex(pack.catalog(dir), pack.synonyms, { tables: pack.words, names: pack.names });
  const [packMed, packP] = latency(() => onPack(reopen()));
  lastPackMedian = packMed;
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
  return [pack, performance.now() - t, open];
}
say(
  inProcess(
    `${base.roles.length} roles (built-in)`,
    BUILT_IN_DATA_DIR,
    timed(() => readCompiled(BUILT_IN_DATA_DIR)),
  ),
);
const whole = [];
const big = new Map();
for (const n of sizes) {
  const dir = realistic(n);
  const cache = mkdtempSync(join(tmpdir(), 'careers-bench-cache-'));
  const env = { XDG_CACHE_HOME: cache };
  const edited = join(dir, 'roles', readdirSync(join(dir, 'roles')).sort()[Math.floor(n / 3)]);
  const original = readFileSync(edited, 'utf8');
  try {
    // The first run fills the --data cache; later runs read it.
    const search = [bin, '--data', dir, 'search', 'payroll clerk'];
    const show = [bin, '--data', dir, 'show', `role-${String(Math.floor(n / 2)).padStart(5, '0')}`];
    // The first run: the median of 3 (each with an empty cache of its own) up to 1,000 roles,
    // one run above (10,000 roles take half a minute each); peak memory is the highest seen.
    const colds = Array.from({ length: n <= 1000 ? 3 : 1 }, (_, k) => {
      const own = k === 0 ? cache : mkdtempSync(join(tmpdir(), 'careers-bench-cache-'));
      try {
        return run(search, { XDG_CACHE_HOME: own }, { rss: true });
      } finally {
        if (own !== cache) rmSync(own, { recursive: true, force: true });
      }
    });
    const cold = {
      ms: median(colds.map((c) => c.ms)),
      kib: Math.max(...colds.map((c) => c.kib)),
    };
    // Re-load after editing one file (a new task), then put the file back and re-load again.
    writeFileSync(edited, original.replace(/^tasks:\n/m, 'tasks:\n  - Check the edited file.\n'));
    const reload = wall(search, env);
    writeFileSync(edited, original);
    wall(search, env);
    const opened = timed(() => readCache(env, dir, cacheKey(dir)));
    say(inProcess(`${n.toLocaleString('en-US')} roles (~20 KB each)`, dir, opened));
    const t = { bare: [], search: [], show: [] };
    for (let r = 0; r < bigRounds; r++) {
      const round = [
        ['bare', ['-e', ''], {}],
        ['search', search, env],
        ['show', show, env],
      ];
      for (const [name, args, e] of shuffled(round)) t[name].push(wall(args, e));
    }
    const b = median(t.bare);
    const [s, sh] = [median(t.search), median(t.show)];
    big.set(n, { cold: cold.ms, rss: cold.kib, reload, warm: s / b, query: lastPackMedian });
    whole.push(
      `| ${n.toLocaleString('en-US')} roles | ${ms(cold.ms)} | ${Number.isNaN(cold.kib) ? '–' : `${(cold.kib / 1024).toFixed(0)} MiB`} | ${ms(reload)} | ${ms(b)} | ${ms(s)} | ${(s / b).toFixed(2)} | ${ms(sh)} | ${(sh / b).toFixed(2)} |`,
    );
  } finally {
    writeFileSync(edited, original);
    rmSync(cache, { recursive: true, force: true });
  }
}
if (whole.length) {
  say();
  say(
    `## Whole process on a big --data directory: first run, re-load after editing one file, then warm cache (median of ${bigRounds} rounds interleaved with bare node)`,
  );
  say();
  say(
    '| catalog | first run (no cache; median of 3 to 1,000 roles) | its peak RSS | re-load, one file edited | node -e \'\' | search "payroll clerk" | × bare | show <id> | × bare |',
  );
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const line of whole) say(line);
}

// Hostile data (issue 20): peak memory and time of first loads that once blew up.
say();
say('## Hostile data: first load, peak memory');
say();
for (const line of faultRows(bin)) say(line);

// 4. The budgets of issue 18.
const budgets = [];
const row = (what, figure, budget, ok) =>
  budgets.push(
    `| ${what} | ${figure} | ${budget} | ${ok === undefined ? 'not run' : ok ? 'met' : '**over**'} |`,
  );
const x = (v) => (v === undefined ? '–' : `${v.toFixed(2)}×`);
const r = (name) => ratio.get(name);
row('`--version`', x(r('careers --version')), '≤ 1.2×', r('careers --version') <= 1.2);
for (const where of ['', 'installed: ']) {
  for (const cmd of ['show "data entry"', 'search acountant']) {
    const v = r(`${where}careers ${cmd}`);
    row(
      `\`${cmd}\` ${where ? 'from the installed tarball' : 'in the checkout'}`,
      x(v),
      '≤ 1.5×',
      v === undefined ? undefined : v <= 1.5,
    );
  }
}
const k1 = big.get(1000);
const k10 = big.get(10000);
const sec = (v) => (v === undefined ? '–' : `${(v / 1000).toFixed(2)} s`);
row('first load, 1,000 roles', sec(k1?.cold), '≤ 3 s', k1 && k1.cold <= 3000);
row(
  're-load after editing one file, 1,000 roles',
  sec(k1?.reload),
  '≤ 1.5 s',
  k1 && k1.reload <= 1500,
);
row('first load, 10,000 roles', sec(k10?.cold), '≤ 30 s', k10 && k10.cold <= 30000);
row(
  'peak memory of that load',
  k10 && !Number.isNaN(k10.rss) ? `${(k10.rss / 1024).toFixed(0)} MiB` : '–',
  '≤ 1 GiB',
  k10 && !Number.isNaN(k10.rss) ? k10.rss <= 1024 * 1024 : undefined,
);
row('warm search, 10,000 roles', x(k10?.warm), '≤ 4×', k10 && k10.warm <= 4);
row(
  'in-process query median, 1,000 roles (pack)',
  k1 ? ms(k1.query) : '–',
  '≤ 20 ms',
  k1 && k1.query <= 20,
);
row(
  'in-process query median, 10,000 roles (pack)',
  k10 ? ms(k10.query) : '–',
  '≤ 50 ms',
  k10 && k10.query <= 50,
);
say();
say('## Budgets (issue 18)');
say();
say('| what | figure | budget | |');
say('| --- | ---: | ---: | --- |');
for (const line of budgets) say(line);
rmSync(benchCache, { recursive: true, force: true });

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
console.log('\nSaved to bench/RESULTS.md');

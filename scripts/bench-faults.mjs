// Hostile-data rows for npm run bench (issue 20): the first load of a role with one
// 20,000-letter word, of one with 80,000 aliases (0.8 MB), and of 20 roles at the per-list
// limit (1,000 aliases each): wall time and peak memory (max RSS, from the process itself).
// Data is generated into a temp dir; the cache is a fresh temp dir each time (a first load).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const role = (
  id,
  title,
  { summary = 'A test role.', aliases = [`${title} Clerk`] } = {},
) => `id: ${id}
title: ${title}
socCodes: ["43-9021.00"]
summary: ${summary}
aliases:
${aliases.map((a) => `  - ${a}`).join('\n')}
skills:
  - { name: Typing, importance: 3.5, source: test }
salary:
  - { source: test, period: May 2024, label: Test wages, median: 40000, p10: 30000, p90: 50000 }
sources:
  - { id: test, title: Test source, period: May 2024 }
`;

/** Runs careers once; returns wall ms, peak RSS in MB and the exit code. */
function measure(bin, args, root) {
  const report = join(root, `rss-${Math.random().toString(36).slice(2)}`);
  const preload = join(root, 'rss.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const cache = mkdtempSync(join(root, 'cache-'));
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cache },
    timeout: 120_000,
  });
  const wall = performance.now() - t;
  let kb = NaN;
  try {
    kb = Number(readFileSync(report, 'utf8'));
  } catch {
    // killed before exit: no report
  }
  return { wall, mb: kb / 1024, code: r.status ?? r.signal };
}

/** The rows, as markdown table lines (header included). */
export function faultRows(bin) {
  const root = mkdtempSync(join(tmpdir(), 'careers-bench-faults-'));
  const dir = (name, files) => {
    const d = join(root, name);
    mkdirSync(join(d, 'roles'), { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(d, 'roles', f), text);
    return d;
  };
  try {
    const cases = [
      [
        'one 20,000-letter word (refused: exit 3)',
        dir('long-word', {
          'long.yaml': role('long-clerk', 'Long', { summary: `A ${'x'.repeat(20_000)} role.` }),
        }),
      ],
      [
        '80,000 aliases in one role, 0.8 MB (refused: exit 3)',
        dir('many-aliases', {
          'many.yaml': role('many-clerk', 'Many', {
            aliases: Array.from({ length: 80_000 }, (_, i) => `A ${i.toString(36)}`),
          }),
        }),
      ],
      [
        '20 roles × 1,000 aliases, 20,000 distinct words (loads)',
        dir(
          'at-limit',
          Object.fromEntries(
            Array.from({ length: 20 }, (_, r) => [
              `r${r}.yaml`,
              role(`role-${r}`, `Role ${r}`, {
                aliases: Array.from({ length: 1000 }, (_, i) => `Alias ${r}x${i.toString(36)}`),
              }),
            ]),
          ),
        ),
      ],
    ];
    const lines = [
      '| hostile data, first load (`list`) | wall | peak RSS | exit |',
      '| --- | ---: | ---: | ---: |',
    ];
    for (const [name, d] of cases) {
      const m = measure(bin, ['--data', d, 'list'], root);
      lines.push(`| ${name} | ${m.wall.toFixed(0)} ms | ${m.mb.toFixed(0)} MB | ${m.code} |`);
    }
    return lines;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bin = new URL('../bin/careers.cjs', import.meta.url).pathname;
  for (const line of faultRows(bin)) console.log(line);
}

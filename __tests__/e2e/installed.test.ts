/**
 * careers as users get it: `npm pack`, then `npm install -g` of the tarball into a temp prefix
 * (one install for the whole file). The installed copy trusts its own build: it reads its pack
 * whatever times the installer gave the files, so it parses no YAML (proved with the YAML
 * parsers refused) and prints no first-run note; and its --data cache entries are keyed by its
 * build id.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, roleYaml, tempDir } from '../helpers.js';

const work = tempDir({
  'refuse.cjs': `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^(yaml|js-yaml|zod)(\\/|$)/.test(request)) throw new Error('refused to load ' + request);
  return load.call(this, request, ...rest);
};`,
});
const prefix = join(work, 'global');
const pkg = join(prefix, 'lib', 'node_modules', 'backoffice-careers');
const cache = join(work, 'cache');

beforeAll(() => {
  const npm = (args: string[]) => {
    const r = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const [{ filename }] = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work]),
  );
  npm([
    'install',
    '-g',
    '--prefix',
    prefix,
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    join(work, filename),
  ]);
}, 240_000);

function installed(args: string[], opts: { refuse?: boolean; env?: Record<string, string> } = {}) {
  const r = spawnSync(
    process.execPath,
    [
      ...(opts.refuse ? ['--require', join(work, 'refuse.cjs')] : []),
      join(prefix, 'bin', 'careers'),
      ...args,
    ],
    {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        NO_COLOR: '1',
        CAREERS_DATA_DIR: '',
        XDG_CACHE_HOME: cache,
        ...opts.env,
      },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the installed copy reads its pack, never its YAML, and prints no first-run note', () => {
  // Data files newer than the pack, as an installer that unpacks data/ after dist/ leaves them.
  const later = new Date(statSync(join(pkg, 'dist', 'data.pack')).mtimeMs + 60_000);
  const touch = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) touch(join(dir, e.name));
      else utimesSync(join(dir, e.name), later, later);
    }
  };
  touch(join(pkg, 'data'));
  for (let run = 0; run < 2; run++) {
    const r = installed(['show', 'data entry'], { refuse: true });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Data Entry');
  }
  expect(installed(['search', 'acountant'], { refuse: true }).code).toBe(0);
}, 60_000);

test('a new build id invalidates --data cache entries', () => {
  const data = tempDir({
    'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha'),
    'roles/b.yaml': roleYaml('beta-clerk', 'Beta'),
  });
  const list = ['--data', data, 'list'];
  expect(installed(list).code).toBe(0);
  // The entry is what the next run reads: it needs no YAML parser.
  expect(installed(list, { refuse: true }).code).toBe(0);
  writeFileSync(join(pkg, 'dist', 'bundle', 'build-id'), 'another-build\n');
  // Other code: the entry is not served (the run reaches for the parser), nor are its roles reused.
  expect(installed(list, { refuse: true }).stderr).toMatch(/refused to load (js-yaml|yaml|zod)/);
  const r = installed(list, { env: { DEBUG: 'careers' } });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/role files parsed: 2 .*reused: 0/);
  expect(installed(list, { refuse: true }).code).toBe(0);
}, 60_000);

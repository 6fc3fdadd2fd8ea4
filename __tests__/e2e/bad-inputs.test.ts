/**
 * The bad-input corpus (__tests__/fixtures/bad/manifest.json): every case names the message it
 * must produce. Data cases run through `careers validate` in one process (each case is its own
 * data directory, so each is still checked on its own lines) and through the normal loader
 * in-process; the other cases run their own command. Cases that git cannot hold (a 1 MiB+ file,
 * a symlink loop, a FIFO, an empty directory) are made in a temp directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import {
  BIN,
  FIXTURES,
  ROOT,
  roleYaml,
  run,
  schemaErrors,
  tempDir,
  type RunResult,
} from '../helpers.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadSynonyms } from '../../src/data/synonyms.js';
import { loadCareerPaths } from '../../src/data/career-steps.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { validateTargets } from '../../src/data/validate.js';
import { DataError, formatProblem } from '../../src/errors.js';

interface Case {
  name: string;
  what: string;
  message: string;
  args?: string[];
  exit?: number;
  stream?: 'stdout' | 'stderr';
}

const BAD = join(FIXTURES, 'bad');
const cases: Case[] = JSON.parse(readFileSync(join(BAD, 'manifest.json'), 'utf8'));
const dataCases = cases.filter((c) => !c.args);
const commandCases = cases.filter((c) => c.args);
/** Raw control characters and escape sequences that must never reach the terminal. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const STACK = /\n\s+at /;

/** Cases made at test time, each in its own directory under one temp root. */
function generatedCases(): Array<{ name: string; dir: string; message: RegExp }> {
  const root = tempDir({});
  const made = (name: string, files: Record<string, string> = {}) => {
    const dir = join(root, name);
    mkdirSync(join(dir, 'roles'), { recursive: true });
    for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
    return dir;
  };
  const ok = roleYaml('ok-clerk', 'OK');
  const big = made('too-big', { 'roles/ok.yaml': ok });
  writeFileSync(join(big, 'roles', 'big.yaml'), `summary: "${'x'.repeat(4 * 1024 * 1024)}"\n`);
  const loop = made('symlink-loop', { 'roles/ok.yaml': ok });
  symlinkSync('loop.yaml', join(loop, 'roles', 'loop.yaml'));
  const fifo = made('fifo-role-file', { 'roles/ok.yaml': ok });
  spawnSync('mkfifo', [join(fifo, 'roles', 'pipe.yaml')]);
  const empty = made('empty-dir');
  const zero = made('zero-roles', { 'metros.yaml': 'metros: []\n' });
  symlinkSync('dir-loop', join(root, 'dir-loop'));
  return [
    {
      name: 'too-big',
      dir: big,
      message: /big\.yaml: file is \d+ bytes; the limit is 4194304 \(4 MiB\)/,
    },
    {
      name: 'symlink-loop',
      dir: loop,
      message: /loop\.yaml: cannot read file: symbolic link loop/,
    },
    { name: 'fifo-role-file', dir: fifo, message: /pipe\.yaml: is not a regular file/ },
    { name: 'empty-dir', dir: empty, message: /empty-dir holds no role files/ },
    { name: 'zero-roles', dir: zero, message: /zero-roles holds no role files/ },
    {
      name: 'dir-loop',
      dir: join(root, 'dir-loop'),
      message: /dir-loop: cannot read file: symbolic link loop/,
    },
    {
      name: 'missing-dir',
      dir: join(root, 'no-such-dir'),
      message: /no-such-dir: cannot read file: it does not exist/,
    },
  ];
}

describe('bad-input corpus: data files', () => {
  const generated = generatedCases();
  let result: RunResult;
  let lines: string[];

  beforeAll(() => {
    const targets = [
      ...dataCases.map((c) => relative(ROOT, join(BAD, c.name))),
      ...generated.map((g) => g.dir),
    ];
    result = run(['validate', ...targets]);
    lines = result.stdout.trimEnd().split('\n');
  });

  test('the corpus has at least 30 cases, each naming its message', () => {
    expect(cases.length + generated.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) expect(c.message.length).toBeGreaterThan(0);
  });

  test('careers validate: exit 3, one located line per problem, a summary, no stack trace', () => {
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    const summary = lines.pop();
    expect(summary).toMatch(/^careers: \d+ problems in \d+ files \(\d+ files checked\)$/);
    for (const line of lines) expect(line).toMatch(/^[^:\n]+(:\d+:\d+)?: \S/);
    expect(result.stdout).not.toMatch(RAW);
  });

  test.each(dataCases)('$name ($what)', (c) => {
    const base = relative(ROOT, join(BAD, c.name));
    const mine = lines.filter((l) => l.startsWith(`${base}/`) || l.startsWith(`${base}:`));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.join('\n')).toMatch(new RegExp(c.message));
  });

  test.each(dataCases)('$name: the normal loader refuses it with the same problem', (c) => {
    const dir = join(BAD, c.name);
    const expected = validateTargets([dir], dir).problems.map(formatProblem);
    expect(expected.length).toBeGreaterThan(0);
    let thrown: unknown;
    try {
      const catalog = loadCatalog(dir);
      loadSynonyms(dir);
      loadCareerPaths(dir, catalog);
      loadQuiz(catalog);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DataError);
    const err = thrown as DataError;
    const got = err.problems.length ? err.problems.map(formatProblem) : [err.message];
    for (const line of got) expect(expected.join('\n')).toContain(line);
  });

  test.each(generated.map((g) => [g.name, g] as const))('%s (made at test time)', (_name, g) => {
    const mine = lines.filter((l) => l.startsWith(g.dir));
    expect(mine.join('\n')).toMatch(g.message);
  });

  test('the objects the loader builds keep their prototype; nothing is polluted', () => {
    expect(() => loadCatalog(join(BAD, 'proto-key'))).toThrow(DataError);
    expect(() => loadCatalog(join(BAD, 'constructor-key'))).toThrow(DataError);
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  test('a BOM is dropped and the file loads', () => {
    const dir = tempDir({ 'roles/bom.yaml': `\uFEFF${roleYaml('bom-clerk', 'Bom')}` });
    expect(loadCatalog(dir).roles.map((r) => r.id)).toEqual(['bom-clerk']);
  });
});

describe('bad-input corpus: commands', () => {
  test.each(commandCases)('$name ($what)', (c) => {
    const dir = relative(ROOT, join(BAD, c.name));
    const r = run((c.args ?? []).map((a) => a.replace('{dir}', dir)));
    expect(r.code).toBe(c.exit);
    expect(c.stream === 'stdout' ? r.stdout : r.stderr).toMatch(new RegExp(c.message, 'm'));
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(STACK);
    if (c.exit !== 0) expect(r.stderr.split('\n')[0]).toMatch(/^careers: /);
  });
});

describe('validate', () => {
  test('a file that is not YAML data is one problem, not one per line', () => {
    const r = run(['validate', 'README.md']);
    expect(r.code).toBe(3);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^README\.md:\d+:\d+: not a YAML data file: .* \(and \d+ more syntax errors\)$/,
    );
    expect(lines).toHaveLength(2); // the problem, then the summary
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(300);
  });

  test('a path given twice is checked once; paths that do not exist are an error', () => {
    const once = run(['validate', 'data/roles']).stdout;
    expect(run(['validate', 'data//roles', 'data/roles', './data/roles/']).stdout).toBe(once);
    const missing = run(['validate', '/no/such/path']);
    expect(missing).toEqual({
      code: 4,
      stdout: '',
      stderr: 'careers: nothing to check: /no/such/path does not exist\n',
    });
  });

  test('the built-in data validates clean; --json is one document matching its schema', () => {
    const text = run(['validate']);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(/^careers: \d+ files checked, no problems\n$/);
    const json = run(['validate', '--json', join(BAD, 'wrong-type'), join(BAD, 'no-role-files')]);
    expect(json.code).toBe(3);
    const doc = JSON.parse(json.stdout);
    expect(schemaErrors('validate', doc)).toEqual([]);
    expect(doc.valid).toBe(false);
    expect(doc.problems).toContainEqual(
      expect.objectContaining({ line: 11, path: 'salary.0.median' }),
    );
  });

  test('single files are checked together; related roles resolve against the active data', () => {
    const dir = tempDir({
      'new.yaml': roleYaml('new-clerk', 'New', 'relatedRoles:\n  - { id: payroll-clerk }\n'),
    });
    expect(run(['validate', join(dir, 'new.yaml')]).code).toBe(0);
    const other = tempDir({ 'roles/x.yaml': roleYaml('x-clerk', 'X') });
    const r = run(['--data', other, 'validate', join(dir, 'new.yaml')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /new\.yaml:15:\d+: relatedRoles\.0\.id: no role has id "payroll-clerk"/,
    );
  });
});

describe('hostile data through --data, and interrupted writes', () => {
  test('a 10-line billion-laughs file fails fast with bounded memory (64 MB heap)', () => {
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=64', BIN, '--data', join(BAD, 'billion-laughs'), 'list'],
      {
        encoding: 'utf8',
        cwd: ROOT,
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/lol\.yaml:1:1: aliases expand too far/);
    expect(Date.now() - started).toBeLessThan(10_000); // a hang guard, not a benchmark
  });

  test('export --out and quiz --save never write through a symlink', () => {
    const dir = tempDir({ 'victim.txt': 'keep me\n' });
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'link.json'));
    const e = run(['export', '--out', join(dir, 'link.json')]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/link\.json is a symbolic link; use --force/);
    const q = run([
      'quiz',
      '--answers',
      join(ROOT, 'examples', 'answers.yaml'),
      '--save',
      join(dir, 'link.json'),
    ]);
    expect(q.code).toBe(2);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'victim.txt']);
  });

  test('SIGKILL in the middle of a large atomic write leaves the old file whole', async () => {
    const dir = tempDir({ 'f.json': '{"old": true}\n' });
    const file = join(dir, 'f.json');
    const size = 64 * 1024 * 1024;
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(join(ROOT, 'dist', 'io', 'files.js'))});
      const data = 'x'.repeat(${size});
      process.stdout.write('go\\n');
      writeFileAtomic(${JSON.stringify(file)}, data, { force: true });`;
    for (const delay of [0, 5, 20]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const after = readFileSync(file);
      // Either the old file or the whole new one: never a truncated mix.
      expect(after.length === size || after.toString() === '{"old": true}\n').toBe(true);
    }
    // The kills landed mid-write: SIGKILL cannot be caught, so the temp file being written stays.
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
  }, 60_000);

  test('SIGTERM during export --out: exit 143 or done, f.json absent or complete, no temp file', async () => {
    for (const delay of [150, 400, 550]) {
      const dir = tempDir({});
      const child = spawn(process.execPath, [BIN, 'export', '--out', join(dir, 'f.json')], {
        cwd: ROOT,
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // Listen before waiting: a fast run may finish before the signal is sent.
      const exited = new Promise((r) => child.once('exit', (c, s) => r(c ?? s)));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGTERM');
      const code = await exited;
      expect([0, 143, 'SIGTERM']).toContain(code);
      expect(stderr).not.toMatch(STACK);
      const left = readdirSync(dir);
      expect(left.filter((f) => f !== 'f.json')).toEqual([]);
      if (existsSync(join(dir, 'f.json'))) {
        expect(JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8')).count).toBeGreaterThan(30);
      }
    }
  }, 60_000);
});

/**
 * End-to-end: the scripting features — the JSON contract, `export`, `compare`, `schema` —
 * through the built binary, as a script or a person at a shell would use them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { BIN, ROOT, hasAnsi, run, schemaErrors, tempDir } from '../helpers.js';

/** Runs a shell pipeline with `careers` standing for the built binary. */
function sh(script: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `careers() { node "${BIN}" "$@"; }\n${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cache = new Map<string, ReturnType<typeof run>>();
/** `run`, once per distinct command line: these runs have no side effects. */
function runOnce(args: string[]): ReturnType<typeof run> {
  const key = JSON.stringify(args);
  const r = cache.get(key) ?? run(args);
  cache.set(key, r);
  return r;
}

describe('every --json document validates against its shipped schema', () => {
  test.each([
    ['search', ['search', 'payroll', '--json']],
    ['show', ['show', 'back-office-administrator', '--json']],
    ['show', ['show', 'back-office-specialist', '--json']],
    ['list', ['list', '--json']],
    ['about', ['about', '--json']],
    ['export', ['export', '--format', 'json']],
    ['export', ['export', '--json', '--fields', 'title,salary', '--role', 'receptionist']],
    ['compare', ['compare', 'data entry', 'bookkeeper', 'payroll', '--json']],
    ['compare', ['compare', 'back office administrator', 'receptionist', '--json']],
    ['schemas', ['schema', '--json']],
    ['path', ['path', 'data entry', '--json']],
    ['gap', ['gap', 'data entry keyer', 'executive assistant', '--json']],
    ['similar', ['similar', 'bookkeeper', '--json']],
    ['quiz', ['quiz', '--answers', 'examples/quiz-answers.yaml', '--json']],
    ['quiz-questions', ['quiz', '--questions', '--json']],
  ])('%s: careers %s', (name, args) => {
    const r = runOnce(args);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(schemaErrors(name, doc)).toEqual([]);
    expect(doc.schemaVersion).toBe(2);
  });

  test('the shapes are checked strictly: a stray or formatted field fails validation', () => {
    const doc = JSON.parse(runOnce(['search', 'payroll', '--json']).stdout);
    expect(schemaErrors('search', { ...doc, extra: 1 })).not.toEqual([]);
    doc.results[0].medianSalary = '$55,290';
    expect(schemaErrors('search', doc)).toContain('/results/0/medianSalary must be integer');
  });

  test('careers schema <name> prints the shipped file, a valid JSON Schema', () => {
    const names = (
      JSON.parse(runOnce(['schema', '--json']).stdout) as { schemas: Array<{ name: string }> }
    ).schemas.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['search', 'show', 'list', 'about', 'export']));
    expect(readdirSync(join(ROOT, 'schema')).sort()).toEqual(
      names.map((n) => `${n}.schema.json`).sort(),
    );
    const ajv = new Ajv2020();
    for (const name of ['show', 'compare']) {
      const r = run(['schema', name, '--json']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8'));
      expect(ajv.validateSchema(JSON.parse(r.stdout))).toBe(true);
    }
    const bad = run(['schema', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^careers: <name> must be one of about, compare, .*; see careers schema --help\n$/,
    );
  });
});

/** One role per file in data/roles. */
const BUILT_IN_ROLES = readdirSync(join(ROOT, 'data', 'roles')).filter((f) =>
  f.endsWith('.yaml'),
).length;

describe('careers export', () => {
  test('CSV through python csv.reader: one row per role plus the header', () => {
    const r = sh(
      `careers export --format csv | python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin)))'`,
    );
    expect(r.stderr).toBe('');
    const roles = JSON.parse(runOnce(['list', '--json']).stdout).count;
    expect(roles).toBe(BUILT_IN_ROLES);
    expect(Number(r.stdout.trim())).toBe(roles + 1);
  });

  test('CSV columns: chosen fields, plain numbers, lists joined with "; "', () => {
    const r = run([
      'export',
      '--format',
      'csv',
      '--fields',
      'id,medianSalary,industries',
      '--role',
      'back office specialist',
    ]);
    expect(r.code).toBe(0);
    const { role } = JSON.parse(runOnce(['show', 'back-office-specialist', '--json']).stdout);
    const median = role.salary.find((s: { median?: number }) => s.median !== undefined).median;
    expect(median).toBeGreaterThan(1000);
    expect(r.stdout).toBe(
      `id,medianSalary,industries\r\nback-office-specialist,${median},Finance; Healthcare; Retail\r\n`,
    );
  });

  test('a long skills table, filtered by --role names and list filters', () => {
    const r = run(['export', '-f', 'csv', '--table', 'skills', '--role', 'payroll,bookkeeper']);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('roleId,skill,importance,source');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(
      new Set(['payroll-clerk', 'bookkeeping-clerk']),
    );
    const nyc = run(['export', '--city', 'NYC', '--min-salary', '50000', '--fields', 'id']);
    const listed = JSON.parse(
      run(['list', '--city', 'NYC', '--min-salary', '50000', '--json']).stdout,
    );
    expect(JSON.parse(nyc.stdout).roles).toEqual(
      listed.roles.map((x: { id: string }) => ({ id: x.id })),
    );
  });

  test('YAML export loads back with --data and gives the identical list', () => {
    const dir = tempDir({});
    const out = join(dir, 'x', 'roles.yaml');
    mkdirSync(join(dir, 'x'));
    const r = run(['export', '--format', 'yaml', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const steps = readFileSync(join(ROOT, 'data', 'paths.yaml'), 'utf8').match(
      /^ {2}- \{ from: /gm,
    )?.length;
    const paths = join(dir, 'x', 'paths.yaml');
    expect(r.stderr).toBe(
      `careers: wrote ${BUILT_IN_ROLES} roles to ${out} (yaml) and ${steps} career steps to ${paths}\n`,
    );
    const back = run(['--data', join(dir, 'x'), 'list', '--json']);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(runOnce(['list', '--json']).stdout);
    // Everything --data reads comes back: the full records and the career paths.
    const full = run(['--data', join(dir, 'x'), 'export', '--json']);
    expect(full.stdout).toBe(runOnce(['export', '--json']).stdout);
    const path = run(['--data', join(dir, 'x'), 'path', 'data entry', '--json']);
    expect(path.stdout).toBe(runOnce(['path', 'data entry', '--json']).stdout);
    // A role stated as the top of its ladder keeps its reason.
    const top = run(['--data', join(dir, 'x'), 'path', 'financial-manager', '--json']);
    expect(JSON.parse(top.stdout).path.top).toEqual(expect.any(String));
    expect(top.stdout).toBe(runOnce(['path', 'financial-manager', '--json']).stdout);
    expect(readdirSync(join(dir, 'x'))).toEqual(['paths.yaml', 'roles.yaml']); // no temp file left
  });

  test('a YAML export of some roles keeps the steps between them; paths.yaml needs --force', () => {
    const dir = tempDir({});
    mkdirSync(join(dir, 'roles'));
    const out = join(dir, 'roles', 'mine.yaml');
    const args = [
      'export',
      '-f',
      'yaml',
      '--role',
      'bookkeeper,payroll,billing clerk',
      '--out',
      out,
    ];
    const r = run(args);
    expect(r.code).toBe(0);
    // In a roles/ folder, the steps go to the data directory above it, where --data reads them.
    const steps = readFileSync(join(dir, 'paths.yaml'), 'utf8');
    expect(steps.match(/^ {2}- from: /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(steps).toContain('to: payroll-clerk');
    expect(steps).not.toMatch(/(?:from|to): (?!bookkeeping-clerk|payroll-clerk|billing-clerk)/);
    // (A subset does not load back as --data by itself: its related roles name roles left out.)
    // A second export would replace paths.yaml: refused before anything is written.
    const again = run([...args.slice(0, -1), join(dir, 'roles', 'other.yaml')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `careers: ${join(dir, 'paths.yaml')} already exists; use --force to overwrite it\n`,
    );
    expect(readdirSync(join(dir, 'roles'))).toEqual(['mine.yaml']);
    // --fields makes a partial file that is not data: no paths.yaml beside it.
    const partial = tempDir({});
    run(['export', '-f', 'yaml', '--fields', 'id,title', '--out', join(partial, 'r.yaml')]);
    expect(readdirSync(partial)).toEqual(['r.yaml']);
  });

  test('an existing file is left byte-identical without --force, replaced with it', () => {
    const dir = tempDir({ 'roles.csv': 'keep me\n' });
    const file = join(dir, 'roles.csv');
    const r = run(['export', '--out', file, '--role', 'payroll']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`careers: ${file} already exists; use --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const forced = run(['export', '--out', file, '--role', 'payroll', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^id,title,/); // format taken from ".csv"
    expect(readdirSync(dir)).toEqual(['roles.csv']);
  });

  test('errors leave no file behind: missing directory (4), no match (1), bad field (2)', () => {
    const dir = tempDir({});
    const missing = run(['export', '--out', join(dir, 'no', 'roles.json')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/^careers: cannot write .*: directory .* does not exist\n$/);
    const none = run(['export', '--city', 'Boise', '--out', join(dir, 'a.json')]);
    expect([none.code, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toMatch(
      /^careers: no role matches these filters: no city called "Boise".*\n$/,
    );
    const bad = run(['export', '-f', 'csv', '--fields', 'id,wage', '--out', join(dir, 'b.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^careers: unknown field "wage" for the roles table; choose from: /);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('contradictory or misplaced options are usage errors', () => {
    expect(run(['export', '--json', '--format', 'csv']).code).toBe(2);
    expect(run(['export', '--table', 'skills']).stderr).toBe(
      'careers: --table applies only to --format csv\n',
    );
    expect(run(['export', '--format', 'xml']).code).toBe(2);
    expect(run(['export', '--role', 'nosuchrolexyz']).code).toBe(1);
  });

  test('a closed pipe exits 0 quietly', () => {
    const r = sh('careers export | head -c 100 >/dev/null; echo "rc=${PIPESTATUS[0]}"');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('rc=0');
  });
});

describe('careers compare', () => {
  test('"data entry" bookkeeper payroll: one table, one column per role', () => {
    const r = run(['compare', 'data entry', 'bookkeeper', 'payroll']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.match(/┌/g)).toHaveLength(1);
    expect(hasAnsi(r.stdout)).toBe(false); // stdout is a pipe
    const header = r.stdout
      .split('\n')[1]
      ?.split('│')
      .map((s) => s.trim());
    expect(header).toEqual(['', '', 'Data Entry Clerk', 'Bookkeeping Clerk', 'Payroll Clerk', '']);
    expect(r.stdout).toMatch(/│ Median pay +│ \$39,850 +│ \$49,210 +│ \$55,290 +│/);
    expect(r.stdout).toMatch(/Software every role lists \(\d+\): .*Microsoft Excel/s);
  });

  test('fewer than 2 or more than 4 roles is exit 2; an unknown one exit 1', () => {
    const one = run(['compare', 'payroll']);
    expect([one.code, one.stdout, one.stderr]).toEqual([
      2,
      '',
      'careers: compare takes 2 to 4 roles; got 1\n',
    ]);
    expect(run(['compare', 'a', 'b', 'c', 'd', 'e']).code).toBe(2);
    expect(run(['compare', 'payroll', 'nosuchrolexyz']).code).toBe(1);
  });

  test('no escape codes with --no-color even when colour is forced', () => {
    const args = ['compare', 'payroll', 'receptionist'];
    expect(hasAnsi(run([...args, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasAnsi(run(args, { env: { FORCE_COLOR: '1' } }).stdout)).toBe(true);
  });
});

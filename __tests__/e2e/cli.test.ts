/**
 * End-to-end: spawn the built binary as a user would and check stdout, stderr and exit code.
 * Run after `npm run build` (npm test does that first).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { BIN, FIXTURES, ROOT, hasAnsi, roleYaml, run, tempDir } from '../helpers.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('careers (built binary)', () => {
  test('--version prints the package version', () => {
    const r = run(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--help lists commands, examples and exit codes', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['search', 'show', 'list', 'about', 'Exit codes', 'O*NET'])
      expect(r.stdout).toContain(word);
  });

  test('each command has --help with examples', () => {
    for (const { name } of COMMANDS) {
      const r = run([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
  });

  test('no command prints help on stderr and exits 2', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: careers');
  });

  test('show "back office administrator" prints the card with all four tables', () => {
    const r = run(['show', 'back office administrator']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const part of [
      'Back Office Administrator',
      'Skills',
      'Salary (US dollars a year)',
      'Tools and software',
      'Cities',
      '$35,000–$50,000',
      'Microsoft Office Specialist (MOS)',
    ]) {
      expect(r.stdout).toContain(part);
    }
    expect(r.stdout.match(/┌/g)?.length).toBeGreaterThanOrEqual(4);
  });

  test('show --section prints one section; a bad section is a usage error', () => {
    const r = run(['show', 'back-office-specialist', '--section', 'salary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Glassdoor');
    expect(r.stdout).not.toContain('Tools and software');
    const bad = run(['show', 'back-office-specialist', '--section', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'careers: --section must be one of overview, skills, salary, tools, cities, path, all (got "nope"); see careers show --help\n',
    );
  });

  test('search "admn asistant" --json: the administrator first among the seed profiles', () => {
    // The two seed profiles alone, as in the foundation issue (links to other roles dropped).
    const seedIds = ['back-office-specialist', 'back-office-administrator'];
    const files: Record<string, string> = {
      'metros.yaml': readFileSync(join(ROOT, 'data', 'metros.yaml'), 'utf8'),
    };
    for (const id of seedIds) {
      const role = parse(readFileSync(join(ROOT, 'data', 'roles', `${id}.yaml`), 'utf8'));
      role.relatedRoles = role.relatedRoles.filter((r: { id: string }) => seedIds.includes(r.id));
      files[`roles/${id}.yaml`] = stringify(role);
    }
    const seeds = tempDir(files);
    const r = run(['--data', seeds, 'search', 'admn', 'asistant', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.results[0].id).toBe('back-office-administrator');
    expect(doc.results[0].matched).toEqual({
      field: 'alias',
      value: 'Back Office Administrative Assistant',
    });
  });

  test('search "admn asistant" on the full data finds administrative roles, explained', () => {
    const doc = JSON.parse(run(['search', 'admn', 'asistant', '--json']).stdout);
    expect(doc.results[0].id).toBe('administrative-assistant');
    expect(doc.results.map((h: { id: string }) => h.id)).toContain('back-office-administrator');
  });

  test('show nosuchrole exits 1 with suggestions on stderr and nothing on stdout', () => {
    const r = run(['show', 'nosuchrole']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^careers: no (single )?role matches "nosuchrole"/);
    expect(r.stderr).toContain('careers ');
  });

  test('a role file with three mistakes reports all three with file and line, exit 3', () => {
    const r = run(['--data', join(FIXTURES, 'three-mistakes'), 'list']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('careers: 3 problems in data at __tests__/fixtures/three-mistakes');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^__tests__\/fixtures\/three-mistakes\/roles\/broken-clerk\.yaml:11:\d+: salary\.0\.median: /,
      ),
      expect.stringMatching(/broken-clerk\.yaml:12:1: favouriteColour: unknown field$/),
      expect.stringMatching(
        /broken-clerk\.yaml:14:\d+: relatedRoles\.0\.id: no role has id "no-such-role"$/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('CAREERS_DATA_DIR and --data load another directory; a missing one is exit 3', () => {
    const dir = tempDir({ 'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha') });
    expect(
      JSON.parse(run(['list', '--json'], { env: { CAREERS_DATA_DIR: dir } }).stdout).count,
    ).toBe(1);
    expect(JSON.parse(run(['--data', dir, 'list', '--json']).stdout).roles[0].id).toBe(
      'alpha-clerk',
    );
    const missing = run(['--data', '/no/such/dir', 'list']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('careers: data directory /no/such/dir does not exist\n');
  });

  test('no escape codes with NO_COLOR, --no-color or a pipe; colour only when forced', () => {
    expect(hasAnsi(run(['list']).stdout)).toBe(false);
    expect(hasAnsi(run(['list'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasAnsi(run(['list', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasAnsi(run(['list'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(true);
  });

  test('--json prints exactly one JSON document for every command', () => {
    for (const args of [
      ['list'],
      ['show', 'back-office-specialist'],
      ['search', 'data', 'entry'],
      ['about'],
    ]) {
      const r = run([...args, '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(() => JSON.parse(r.stdout)).not.toThrow();
      expect(JSON.parse(r.stdout).schemaVersion).toBe(2);
    }
  });

  test('list filters and sort', () => {
    const all = JSON.parse(run(['list', '--json']).stdout);
    const rich = JSON.parse(run(['list', '--json', '--min-salary', '47000']).stdout);
    expect(rich.count).toBeLessThan(all.count);
    const nyc = run(['list', '--city', 'NYC', '--json']);
    expect(JSON.parse(nyc.stdout).roles.map((r: { id: string }) => r.id)).toContain(
      'back-office-specialist',
    );
    const none = run(['list', '--city', 'Boise']);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(run(['list', '--min-salary', 'lots']).code).toBe(2);
  });

  test('wrong flags are one line on stderr and exit 2', () => {
    const r = run(['list', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('careers: unknown option --bogus; see careers list --help\n');
  });

  test('an empty search is a usage error', () => {
    const r = run(['search', '?!']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/search query is empty/);
  });

  test('about credits O*NET (CC BY 4.0) and BLS', () => {
    const r = run(['about']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CC BY 4.0');
    expect(r.stdout).toContain('Bureau of Labor Statistics');
  });

  test('a closed pipe exits quietly', () => {
    const r = spawnSync(
      'bash',
      ['-c', `node "${BIN}" list --json | head -c 100 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('rc=0');
  });
});

describe('data set through the CLI', () => {
  test.each([
    ['bookkeeper', 'bookkeeping-clerk'],
    ['payroll', 'payroll-clerk'],
    ['hr assistant', 'hr-assistant'],
    ['receptionist', 'receptionist'],
    ['data entry', 'data-entry-keyer'],
  ])('show "%s" lands on %s', (name, id) => {
    const r = run(['show', name, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).role.id).toBe(id);
  });

  test('executive assistant cities: 12 metros, BLS New York median, price-adjusted = median ÷ (RPP/100)', () => {
    const r = run(['show', 'executive assistant', '--section', 'cities', '--json']);
    const { cities } = JSON.parse(r.stdout) as {
      cities: Array<{ name: string; median: number; adjusted: number }>;
    };
    expect(cities).toHaveLength(12);
    const ny = cities.find((c) => c.name === 'New York');
    expect(ny?.median).toBe(83270); // BLS OEWS May 2024, 43-6011, New York-Newark-Jersey City
    expect(ny?.adjusted).toBe(Math.round(83270 / (112.563 / 100))); // BEA RPP 2024 for the metro
    const table = run(['show', 'executive assistant', '--section', 'cities']).stdout;
    expect(table).toMatch(/New York, NY † +│ +79,590 │ +\$83,270 │/);
    expect(table).toContain('$73,976');
  });

  test('list --city understands NYC and Houston', () => {
    const nyc = JSON.parse(run(['list', '--city', 'NYC', '--json']).stdout);
    const houston = JSON.parse(run(['list', '--city', 'houston', '--json']).stdout);
    expect(nyc.count).toBeGreaterThanOrEqual(13);
    expect(houston.roles.map((r: { id: string }) => r.id)).toContain('back-office-administrator');
  });

  test('every seed fact can be found on the seed profiles', () => {
    const spec = run(['show', 'back office specialist']).stdout;
    const admin = run(['show', 'back office administrator']).stdout;
    for (const fact of [
      'Attention to Detail',
      'Adaptability',
      '$40,000',
      'Glassdoor',
      'Finance, Healthcare, Retail',
      'Salesforce',
      'QuickBooks',
      'Data Entry Clerk',
      'HR Specialist',
      'Bookkeeping Clerk',
      'high school diploma',
    ]) {
      expect(spec).toContain(fact);
    }
    for (const fact of [
      'Problem Solving',
      '$35,000–$50,000',
      '(CAP)',
      '(MOS)',
      'Houston',
      'Atlanta',
      'Trello',
      'SharePoint',
      'Executive Assistant',
      'Office coordinator',
    ]) {
      expect(admin).toContain(fact);
    }
  });

  test('about lists each source with its period and how many roles use it', () => {
    const doc = JSON.parse(run(['about', '--json']).stdout);
    const bls = doc.sources.find((s: { id: string }) => s.id === 'bls-oews-2024');
    expect(bls).toMatchObject({ period: 'May 2024', license: 'Public domain' });
    expect(bls.roleCount).toBe(doc.roles);
  });
});

describe('search quality through the CLI', () => {
  const ids = (args: string[]) =>
    JSON.parse(run(['search', ...args, '--json']).stdout).results.map((h: { id: string }) => h.id);

  test('"accounts payable specialist" puts accounting roles first; "front desk" the receptionist', () => {
    expect(['bookkeeping-clerk', 'billing-clerk']).toContain(
      ids(['accounts payable specialist'])[0],
    );
    expect(ids(['front desk'])[0]).toBe('receptionist');
  });

  test('"excel" returns several roles, each explained by the software that matched', () => {
    const doc = JSON.parse(run(['search', 'excel', '--json']).stdout);
    expect(doc.results.length).toBeGreaterThan(3);
    for (const hit of doc.results)
      expect(hit.matched).toEqual({ field: 'software', value: expect.stringMatching(/excel/i) });
  });

  test('a job outside the catalogue: exit 1, one line saying so; posting qualifiers set aside', () => {
    const r = run(['search', 'registered', 'nurse']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'careers: "registered nurse" is not a back office job (O*NET: Registered Nurses, 29-1141.00)',
    ]);
    const doc = JSON.parse(run(['search', 'Staff Bookkeeper (Part-Time)', '--json']).stdout);
    expect(doc.qualifiers).toEqual(['Part-Time']);
    expect(doc.results.slice(0, 3).map((h: { id: string }) => h.id)).toContain('bookkeeping-clerk');
    // An unknown word bridged through WordNet says so ("paymaster" is now an O*NET title of a
    // role, so it no longer needs the bridge; "almoner" is in no role's text).
    const bridged = JSON.parse(run(['search', 'almoner', '--json']).stdout);
    expect(bridged.results[0].bridged[0]).toMatch(/^almoner → /);
  });

  test('a 10,000-character query is answered, not choked on', () => {
    const r = run(['search', 'clerk '.repeat(1700)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('paths, gaps and pictures', () => {
  test('path "data entry" shows at least three steps up with pay and job-zone changes', () => {
    const r = run(['path', 'data entry']);
    expect(r.code).toBe(0);
    // Each step says what kind of move it is (lines may wrap, hence \s+).
    expect(r.stdout).toMatch(
      /Office Clerk \$43,630 \(\+\$3,780\s+median,\s+zone\s+2→2:\s+step\s+up,\s+pays\s+more\)/,
    );
    expect(r.stdout).toMatch(
      /Administrative Services Manager\s+\$108,390\s+\(\+\$42,250\s+median,\s+zone\s+3→3:\s+step\s+up,\s+pays\s+more\)/,
    );
    const graph = JSON.parse(run(['path', 'data entry', '--json']).stdout).path;
    expect(Math.max(...graph.ladders.map((l: unknown[]) => l.length))).toBeGreaterThanOrEqual(3);
  });

  test('gap --json lists skills with both importances and the median pay difference', () => {
    const { gap } = JSON.parse(
      run(['gap', 'data entry keyer', 'executive assistant', '--json']).stdout,
    );
    const medians = ['data-entry-keyer', 'executive-assistant'].map(
      (id) =>
        JSON.parse(run(['show', id, '--json']).stdout).role.salary.find(
          (s: { median?: number }) => s.median,
        ).median,
    );
    expect(gap.payChange).toBe(medians[1] - medians[0]);
    expect(gap.skills[0]).toEqual({
      name: expect.any(String),
      from: null,
      to: expect.any(Number),
      rise: expect.any(Number),
    });
    expect(gap.skills.some((s: { from: number | null }) => s.from !== null)).toBe(true);
  });

  test('similar bookkeeper ranks billing and payroll above receptionist', () => {
    const ids = JSON.parse(
      run(['similar', 'bookkeeper', '--limit', '40', '--json']).stdout,
    ).similar.map((s: { id: string }) => s.id);
    expect(ids.indexOf('billing-clerk')).toBeLessThan(ids.indexOf('receptionist'));
    expect(ids.indexOf('payroll-clerk')).toBeLessThan(ids.indexOf('receptionist'));
  });

  test('charts and table frames degrade to ASCII with --ascii; charts never appear in JSON', () => {
    const unicode = run(['show', 'data entry', '--section', 'salary']).stdout;
    expect(unicode).toMatch(/[━┃▁-█]/);
    const ascii = run(['show', 'data entry', '--section', 'salary', '--ascii']).stdout;
    expect(ascii).toMatch(/Range, May 2024: \$30,100 [-=|]+ \$56,930/);
    expect(ascii).not.toMatch(/[┌┐└┘├┤┬┴┼─│━┃▁▂▃▄▅▆▇█░]/);
    expect(ascii).toMatch(/^\+-+\+-+\+$/m); // the tables' frame too
    expect(run(['list', '--chart', '--json']).stdout).not.toMatch(/[━┃▁▂▃▄▅▆▇█]/);
  });
});

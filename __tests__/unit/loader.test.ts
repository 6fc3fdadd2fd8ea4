import { join } from 'node:path';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { loadCatalog } from '../../src/data/roles.js';
import { fastDocuments } from '../../src/data/yaml.js';
import { resolveDataDir, BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { DataError } from '../../src/errors.js';
import { loadSynonyms } from '../../src/data/synonyms.js';
import { FIXTURES, roleYaml, tempDir } from '../helpers.js';

function problemsOf(dir: string): string[] {
  try {
    loadCatalog(dir);
  } catch (err) {
    if (err instanceof DataError) return err.details;
    throw err;
  }
  throw new Error('expected the data to be rejected');
}

describe('loadCatalog', () => {
  test('loads a valid directory, roles/ layout or flat', () => {
    const nested = tempDir({
      'roles/a.yaml': roleYaml('alpha', 'Alpha'),
      'roles/b.yaml': roleYaml('beta', 'Beta'),
    });
    const flat = tempDir({ 'a.yaml': roleYaml('alpha', 'Alpha') });
    expect(loadCatalog(nested).roles.map((r) => r.id)).toEqual(['alpha', 'beta']);
    expect(loadCatalog(flat).byId.get('alpha')?.title).toBe('Alpha');
  });

  test('applies schema defaults', () => {
    const role = loadCatalog(tempDir({ 'a.yaml': roleYaml('alpha', 'Alpha') })).roles[0];
    expect(role?.tasks).toEqual([]);
    expect(role?.software[0]?.hot).toBe(true);
    expect(role?.skills[0]?.importance).toBe(3.5);
  });

  test('reports all three mistakes of the fixture with file, line and field path', () => {
    const problems = problemsOf(join(FIXTURES, 'three-mistakes'));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/broken-clerk\.yaml:11:\d+: salary\.0\.median: .*expected number/);
    expect(problems[1]).toMatch(/broken-clerk\.yaml:12:1: favouriteColour: unknown field/);
    expect(problems[2]).toMatch(
      /broken-clerk\.yaml:14:\d+: relatedRoles\.0\.id: no role has id "no-such-role"/,
    );
  });

  test('rejects duplicate ids and points at the second file', () => {
    const dir = tempDir({ 'a.yaml': roleYaml('same', 'One'), 'b.yaml': roleYaml('same', 'Two') });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/b\.yaml:1:\d+: id: duplicate id "same" \(also in .*a\.yaml\)/);
  });

  test('rejects a reference to a source the file does not list', () => {
    const yaml = roleYaml('alpha', 'Alpha').replace(
      '{ name: Typing, importance: 3.5, source: test }',
      '{ name: Typing, source: nowhere }',
    );
    expect(problemsOf(tempDir({ 'a.yaml': yaml }))).toEqual([
      expect.stringMatching(
        /a\.yaml:7:\d+: skills\.0\.source: no entry in sources has id "nowhere"/,
      ),
    ]);
  });

  test('checks keywords: single words, and sources the file lists', () => {
    const ok = roleYaml(
      'alpha',
      'Alpha',
      'keywords: { words: [invoices, posting], sources: [test] }\n',
    );
    expect(loadCatalog(tempDir({ 'a.yaml': ok })).roles[0]?.keywords?.words).toEqual([
      'invoices',
      'posting',
    ]);
    const bad = roleYaml(
      'alpha',
      'Alpha',
      'keywords: { words: [invoices, two words], sources: [test] }\n',
    );
    expect(problemsOf(tempDir({ 'a.yaml': bad }))).toEqual([
      expect.stringMatching(/a\.yaml:14:\d+: keywords\.words\.1: must be a single word/),
    ]);
    const unlisted = roleYaml(
      'alpha',
      'Alpha',
      'keywords: { words: [invoices], sources: [nowhere] }\n',
    );
    expect(problemsOf(tempDir({ 'a.yaml': unlisted }))).toEqual([
      expect.stringMatching(
        /a\.yaml:14:\d+: keywords\.sources\.0: no entry in sources has id "nowhere"/,
      ),
    ]);
  });

  test('reports malformed YAML and duplicate keys with their line', () => {
    const dir = tempDir({
      'a.yaml': 'id: x\ntitle: [unclosed\n',
      'b.yaml': roleYaml('beta', 'Beta') + 'title: Again\n',
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => /a\.yaml:\d+:\d+: /.test(p))).toBe(true);
    expect(problems.some((p) => /b\.yaml:\d+:\d+: .*[Mm]ap keys must be unique/.test(p))).toBe(
      true,
    );
  });

  test('caps alias expansion (billion laughs)', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    const problems = problemsOf(tempDir({ 'a.yaml': bomb }));
    expect(problems[0]).toMatch(/a\.yaml:1:1: .*alias/i);
  });

  test('a missing, non-directory or empty data path is a data error', () => {
    expect(() => loadCatalog('/no/such/dir')).toThrow(
      /data directory \/no\/such\/dir does not exist/,
    );
    const dir = tempDir({ 'notes.txt': 'hi' });
    expect(() => loadCatalog(dir)).toThrow(/holds no role files/);
    writeFileSync(join(dir, 'file.yaml'), roleYaml('a', 'A'));
    expect(() => loadCatalog(join(dir, 'file.yaml'))).toThrow(/is not a directory/);
  });

  test('data directory: --data, then CAREERS_DATA_DIR, then built-in', () => {
    expect(resolveDataDir('/x', { CAREERS_DATA_DIR: '/y' })).toBe('/x');
    expect(resolveDataDir(undefined, { CAREERS_DATA_DIR: '/y' })).toBe('/y');
    expect(resolveDataDir(undefined, {})).toBe(BUILT_IN_DATA_DIR);
  });

  test('the built-in data loads cleanly', () => {
    const catalog = loadCatalog(BUILT_IN_DATA_DIR);
    expect(catalog.roles.length).toBeGreaterThanOrEqual(2);
    expect(catalog.byId.has('back-office-specialist')).toBe(true);
    expect(catalog.byId.has('back-office-administrator')).toBe(true);
  });

  describe('a file holding several roles (multi-document YAML)', () => {
    const alpha = roleYaml('alpha', 'Alpha');
    const beta = roleYaml('beta', 'Beta');
    const linesOf = (text: string) => text.split('\n').length - 1;

    test('loads one role per document, in order; a trailing --- is ignored', () => {
      const dir = tempDir({ 'roles.yaml': `# exported\n---\n${alpha}---\n${beta}---\n` });
      expect(loadCatalog(dir).roles.map((r) => r.id)).toEqual(['alpha', 'beta']);
    });

    test('a mistake in the second document is located on its own line of the file', () => {
      const bad = beta.replace('median: 40000', 'median: "lots"') + 'favouriteColour: blue\n';
      const problems = problemsOf(tempDir({ 'roles.yaml': `${alpha}---\n${bad}` }));
      const start = linesOf(alpha) + 2; // first line of the second document
      const salaryLine = bad.split('\n')[10] ?? '';
      expect(salaryLine).toContain('"lots"');
      expect(problems).toEqual([
        expect.stringMatching(
          `roles\\.yaml:${start + 10}:${salaryLine.indexOf('"lots"') + 1}: salary\\.0\\.median: Invalid input: expected number`,
        ),
        expect.stringMatching(`roles\\.yaml:${start + 13}:1: favouriteColour: unknown field$`),
      ]);
    });

    test('a syntax error in one document is reported; the other documents are still checked', () => {
      const stream = `${alpha}---\nid: x\ntitle: [unclosed\n---\n${alpha}`;
      const problems = problemsOf(tempDir({ 'roles.yaml': stream }));
      const start = linesOf(alpha) + 2;
      expect(problems).toHaveLength(2);
      const [syntax, duplicate] = problems;
      const line = Number(/roles\.yaml:(\d+):\d+: Flow sequence/.exec(syntax ?? '')?.[1]);
      expect(line).toBeGreaterThanOrEqual(start + 1);
      expect(line).toBeLessThanOrEqual(start + 2);
      expect(duplicate).toMatch(`roles.yaml:${start + 3}:5: id: duplicate id "alpha"`);
    });

    test('duplicate ids inside one file point at the later document', () => {
      const problems = problemsOf(tempDir({ 'roles.yaml': `${alpha}---\n${alpha}` }));
      expect(problems).toEqual([
        expect.stringMatching(`roles\\.yaml:${linesOf(alpha) + 2}:5: id: duplicate id "alpha"`),
      ]);
    });

    test('an empty role file is reported', () => {
      const problems = problemsOf(tempDir({ 'a.yaml': alpha, 'b.yaml': '# nothing here\n' }));
      expect(problems).toEqual([
        expect.stringMatching(/b\.yaml: the file holds no YAML document$/),
      ]);
    });
  });
});

describe('loadSynonyms', () => {
  test('the built-in vocabulary loads; a data dir without one falls back to it', () => {
    expect(loadSynonyms(BUILT_IN_DATA_DIR).abbreviations.asst).toEqual(['assistant']);
    expect(loadSynonyms(tempDir({ 'a.yaml': roleYaml('a', 'A') })).abbreviations.asst).toEqual([
      'assistant',
    ]);
  });
  test('an invalid vocabulary is a located data error', () => {
    const dir = tempDir({
      'synonyms.yaml': 'abbreviations:\n  asst: assistant\nsynonyms:\n  - [alone]\n',
    });
    expect(() => loadSynonyms(dir)).toThrow(DataError);
    try {
      loadSynonyms(dir);
    } catch (err) {
      expect((err as DataError).details).toEqual([
        expect.stringMatching(/synonyms\.yaml:2:\d+: abbreviations\.asst: /),
        expect.stringMatching(
          /synonyms\.yaml:4:\d+: synonyms\.0: a synonym group needs at least two entries/,
        ),
      ]);
    }
  });
});

describe('the fast path (js-yaml) for role files', () => {
  /** Every YAML file of the built-in data and of the bad-input fixtures. */
  const files = () => {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(e.name)) out.push(p);
      }
    };
    walk(BUILT_IN_DATA_DIR);
    walk(FIXTURES);
    return out;
  };

  test('gives the same data as the yaml package whenever it vouches for a file', () => {
    let vouched = 0;
    let declined = 0;
    for (const file of files()) {
      const text = readFileSync(file, 'utf8');
      const fast = fastDocuments(text);
      if (!fast) {
        declined++;
        continue;
      }
      vouched++;
      const docs = parseAllDocuments(text, { uniqueKeys: true });
      expect(docs.flatMap((d) => [...d.errors, ...d.warnings])).toEqual([]);
      const slow = docs.map((d) => d.toJS()).filter((v, _, all) => all.length === 1 || v !== null);
      expect(fast).toEqual(slow);
    }
    // Both kinds occur, so the comparison is not vacuous.
    expect(vouched).toBeGreaterThan(30);
    expect(declined).toBeGreaterThan(5);
  });

  test.each([
    ['a tag', 'a: !!float 1'],
    ['a local tag', 'a: !thing x'],
    ['a directive', '%YAML 1.1\n---\na: yes'],
    ['an alias', 'a: &x 1\nb: *x'],
    ['a reserved key', 'a:\n  constructor: 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['nesting over the limit', 'a: ' + '['.repeat(70) + ']'.repeat(70)],
    ['no document', '# only a comment'],
  ])('declines %s (the yaml package decides what to report)', (_, text) => {
    expect(fastDocuments(text)).toBeUndefined();
  });

  test('reads prose with "!" and "&" as the yaml package does', () => {
    expect(fastDocuments('a: Done! Next & more\nb: [x, y]')).toEqual([
      { a: 'Done! Next & more', b: ['x', 'y'] },
    ]);
  });
});

test('a big directory still reports every problem with file, line and column', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++)
    files[`roles/r${String(i).padStart(3, '0')}.yaml`] = roleYaml(`role-${i}`, `Role ${i}`);
  // A schema problem, a syntax error, a tag and a dangling reference, far apart.
  files['roles/r017.yaml'] = roleYaml('role-17', 'Role 17').replace(
    'summary: A test role.',
    'summary: 5',
  );
  files['roles/r150.yaml'] = roleYaml('role-150', 'Role 150') + 'tools: [unclosed\n';
  files['roles/r233.yaml'] = roleYaml('role-233', 'Role 233').replace(
    'summary: A test role.',
    'summary: !!binary aGk=',
  );
  files['roles/r399.yaml'] = roleYaml(
    'role-399',
    'Role 399',
    'relatedRoles:\n  - { id: nobody, reason: x }\n',
  );
  const problems = problemsOf(tempDir(files));
  expect(problems).toHaveLength(4);
  expect(problems[0]).toMatch(/r017\.yaml:4:10: summary: /);
  expect(problems[1]).toMatch(/r150\.yaml:15:1: Flow sequence/);
  expect(problems[2]).toMatch(/r233\.yaml:4:19: summary: the tag !!binary is not allowed/);
  expect(problems[3]).toMatch(/r399\.yaml:15:\d+: relatedRoles\.0\.id: no role has id "nobody"/);
});

describe('loading into a sink (a big --data load keeps no role objects)', () => {
  test('the sink gets every role in catalog order and the result holds none', async () => {
    const { loadDirectoryAsync } = await import('../../src/data/roles.js');
    const taken: string[] = [];
    const loaded = await loadDirectoryAsync(BUILT_IN_DATA_DIR, async () => {}, {
      sink: (role) => taken.push(role.id),
    });
    expect(loaded.roles).toEqual([]);
    expect(taken).toEqual(loadCatalog(BUILT_IN_DATA_DIR).roles.map((r) => r.id));
    expect(loaded.files.reduce((n, f) => n + f.roles, 0)).toBe(taken.length);
  });

  test('problems are the same, in the same order, with or without a sink', async () => {
    const { loadDirectoryAsync } = await import('../../src/data/roles.js');
    const problems = async (name: string, sink?: () => void) => {
      try {
        await loadDirectoryAsync(join(FIXTURES, 'bad', name), async () => {}, { sink });
      } catch (err) {
        return (err as DataError).problems;
      }
      return [];
    };
    for (const name of [
      'dangling-related-role',
      'unknown-metro',
      'unknown-source',
      'bad-id-format',
    ]) {
      const without = await problems(name);
      expect(without.length).toBeGreaterThan(0);
      expect(without[0]?.line).toBeGreaterThan(0);
      expect(await problems(name, () => {})).toEqual(without);
    }
  });
});

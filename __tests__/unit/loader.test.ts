import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadCatalog } from '../../src/data/roles.js';
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

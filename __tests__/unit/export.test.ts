import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { RoleSchema, type Role } from '../../src/model/schema.js';
import {
  csvColumns,
  csvTable,
  formatForFile,
  parseFields,
  pickFields,
  roleFields,
} from '../../src/core/export.js';
import { neutralise, renderCsv, renderYamlRoles } from '../../src/render/export.js';
import { UsageError } from '../../src/errors.js';
import { parseAllDocuments } from 'yaml';

function role(id: string, extra: Record<string, unknown> = {}): Role {
  return RoleSchema.parse({
    id,
    title: `Title ${id}`,
    socCodes: ['43-3031.00', '43-3051.00'],
    summary: 'Keeps the books, "carefully", line by line.',
    aliases: ['Ledger clerk', 'Books, accounts'],
    skills: [
      { name: 'Mathematics', importance: 3.38, source: 's' },
      { name: 'Writing', source: 's' },
    ],
    software: [{ name: 'Microsoft Excel', category: 'Spreadsheet', hot: true, source: 's' }],
    tools: [{ name: '10-key calculators', category: 'Calculators', source: 's' }],
    salary: [
      { source: 's', period: 'May 2024', label: 'BLS', median: 49210, p10: 34600, p90: 72660 },
      { source: 's', period: 'undated', label: 'Seed range', low: 35000, high: 50000 },
    ],
    sources: [{ id: 's', title: 'S', period: 'May 2024' }],
    ...extra,
  });
}

/** Parses CSV with Python's csv module: an independent RFC 4180 reader. */
function pythonCsv(text: string): string[][] {
  const r = spawnSync(
    'python3',
    ['-c', 'import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin))))'],
    { input: text, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('neutralise (spreadsheet formula injection)', () => {
  test.each(['=SUM(A1:A9)', '+1', '-2+3', '@cmd', '\tx', '\rx'])(
    'prefixes %j with a quote',
    (s) => {
      expect(neutralise(s)).toBe(`'${s}`);
    },
  );
  test('leaves other text alone', () => {
    for (const s of ['', 'a=b', '10-key', "O'Brien", 'Microsoft Excel'])
      expect(neutralise(s)).toBe(s);
  });
  test('no output cell a spreadsheet would evaluate', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(neutralise(s)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('renderCsv', () => {
  test('RFC 4180: header row, CRLF, quotes only where needed, "" inside quotes', () => {
    const csv = renderCsv({
      header: ['a', 'b'],
      rows: [
        ['plain', 'has, comma'],
        ['say "hi"', 'two\nlines'],
      ],
    });
    expect(csv).toBe('a,b\r\nplain,"has, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  test('numbers unformatted, booleans as words, missing values empty, formulas neutralised', () => {
    const csv = renderCsv({
      header: ['n', 'f', 'b', 'x', 'formula'],
      rows: [[49210, 3.38, true, undefined, '=HYPERLINK("http://evil")']],
    });
    expect(csv.split('\r\n')[1]).toBe('49210,3.38,true,,"\'=HYPERLINK(""http://evil"")"');
  });

  test("Python's csv reader gets every cell back (neutralised where needed)", () => {
    const cells = [
      'a,b',
      'q"uote',
      'line\r\nbreak',
      'lone\nnewline',
      'lone\rreturn',
      'ünï €',
      '-5',
      '',
      '@x',
      ' spaced ',
    ];
    const csv = renderCsv({ header: cells.map((_, i) => `c${i}`), rows: [cells] });
    expect(pythonCsv(csv)).toEqual([cells.map((_, i) => `c${i}`), cells.map(neutralise)]);
  });
});

describe('csvTable', () => {
  const roles = [role('alpha'), role('beta', { aliases: [], tools: [] })];

  test('one row per role, every column by default, lists joined with "; "', () => {
    const t = csvTable(roles, 'roles');
    expect(t.header).toEqual([...csvColumns('roles')]);
    expect(t.rows).toHaveLength(2);
    const alpha = Object.fromEntries(t.header.map((h, i) => [h, t.rows[0]?.[i]]));
    expect(alpha).toMatchObject({
      id: 'alpha',
      socCodes: '43-3031.00; 43-3051.00',
      aliases: 'Ledger clerk; Books, accounts',
      skills: 'Mathematics; Writing',
      tools: '10-key calculators',
      medianSalary: 49210,
      p10: 34600,
      p90: 72660,
      salaryPeriod: 'May 2024',
      onetTitle: undefined,
    });
    expect(t.rows[1]?.[t.header.indexOf('aliases')]).toBe('');
  });

  test('--fields picks and orders columns; an unknown one is a usage error naming the choices', () => {
    expect(csvTable(roles, 'roles', ['medianSalary', 'id'])).toEqual({
      header: ['medianSalary', 'id'],
      rows: [
        [49210, 'alpha'],
        [49210, 'beta'],
      ],
    });
    expect(() => csvTable(roles, 'roles', ['id', 'salary'])).toThrow(UsageError);
    expect(() => csvTable(roles, 'roles', ['salary'])).toThrow(
      /unknown field "salary".*medianSalary/,
    );
  });

  test('long tables: one row per skill, software or tool, salary entry', () => {
    const skills = csvTable(roles, 'skills');
    expect(skills.header).toEqual(['roleId', 'skill', 'importance', 'source']);
    expect(skills.rows).toEqual([
      ['alpha', 'Mathematics', 3.38, 's'],
      ['alpha', 'Writing', undefined, 's'],
      ['beta', 'Mathematics', 3.38, 's'],
      ['beta', 'Writing', undefined, 's'],
    ]);
    const software = csvTable(roles, 'software', ['roleId', 'kind', 'name', 'hot']);
    expect(software.rows).toEqual([
      ['alpha', 'software', 'Microsoft Excel', true],
      ['alpha', 'tool', '10-key calculators', false],
      ['beta', 'software', 'Microsoft Excel', true],
    ]);
    const salary = csvTable([roles[0] as Role], 'salary', ['label', 'median', 'low', 'high']);
    expect(salary.rows).toEqual([
      ['BLS', 49210, undefined, undefined],
      ['Seed range', undefined, 35000, 50000],
    ]);
  });
});

describe('role fields for JSON and YAML', () => {
  test('all fields by default; chosen ones in schema order with id always kept', () => {
    expect(roleFields()).toEqual(Object.keys(RoleSchema.shape));
    expect(roleFields(['salary', 'title'])).toEqual(['id', 'title', 'salary']);
    expect(pickFields(role('alpha'), roleFields(['title']))).toEqual({
      id: 'alpha',
      title: 'Title alpha',
    });
    expect(() => roleFields(['medianSalary'])).toThrow(/unknown field "medianSalary"/);
  });

  test('parseFields splits on commas and rejects an empty list', () => {
    expect(parseFields('id, title,,p10')).toEqual(['id', 'title', 'p10']);
    expect(() => parseFields(' , ')).toThrow(UsageError);
  });

  test('format from the file name', () => {
    expect(['a.csv', 'b.YAML', 'c.yml', 'd.json', 'e.txt', 'f'].map(formatForFile)).toEqual([
      'csv',
      'yaml',
      'yaml',
      'json',
      undefined,
      undefined,
    ]);
  });
});

describe('renderYamlRoles', () => {
  test('one document per role after the comment header, values unchanged', () => {
    const roles = [role('alpha'), role('beta')];
    const text = renderYamlRoles(roles, { version: '9.9.9', partial: false });
    expect(text.startsWith('# 2 role profiles exported by careers 9.9.9')).toBe(true);
    expect(text).toContain('list\n---\nid: alpha\n');
    const docs = parseAllDocuments(text);
    expect(Array.isArray(docs) && docs.map((d) => d.toJS())).toEqual(
      JSON.parse(JSON.stringify(roles)),
    );
  });
});

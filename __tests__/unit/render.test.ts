import { RoleSchema } from '../../src/model/schema.js';
import { makeCatalog } from '../../src/model/catalog.js';
import { cityRows, renderRole } from '../../src/render/role.js';
import { renderTable, fitWidths, wrapWords } from '../../src/render/table.js';
import { ASCII } from '../../src/render/charts.js';
import { clean, displayWidth, money, NARROW_ONLY, wrap } from '../../src/text.js';
import stringWidth from 'string-width';
import fc from 'fast-check';
import { colorEnabled, makeTheme, PLAIN } from '../../src/render/theme.js';
import { renderList } from '../../src/render/lists.js';

const role = RoleSchema.parse({
  id: 'exec',
  title: 'Executive Assistant',
  socCodes: ['43-6011.00'],
  summary: 'Runs an executive’s calendar.',
  keywords: { words: ['itineraries', 'zeppelin'], sources: ['onet'] },
  skills: [{ name: 'Writing', importance: 4.25, source: 'onet' }],
  software: [
    { name: 'Microsoft Excel', category: 'Spreadsheet software', hot: true, source: 'onet' },
  ],
  salary: [
    { source: 'bls', period: 'May 2024', label: 'BLS', median: 74260, p10: 48300, p90: 107710 },
  ],
  cities: [
    {
      name: 'New York',
      state: 'NY',
      metro: 'new-york',
      median: 90000,
      p25: 80000,
      p75: 100000,
      employment: 100,
      sources: ['bls'],
    },
    {
      name: 'Houston',
      state: 'TX',
      metro: 'houston',
      median: 70000,
      employment: 500,
      sources: ['bls'],
    },
  ],
  sources: [
    { id: 'onet', title: 'O*NET 29.2', period: 'Feb 2025', license: 'CC BY 4.0' },
    { id: 'bls', title: 'OEWS', period: 'May 2024' },
  ],
});
const metros = [
  {
    id: 'new-york',
    name: 'New York',
    blsName: 'NY',
    areaCode: '35620',
    state: 'NY',
    aliases: ['NYC'],
    rpp: [
      { year: 2023, value: 110 },
      { year: 2024, value: 112.5 },
    ],
    source: 'BEA',
  },
  {
    id: 'houston',
    name: 'Houston',
    blsName: 'Houston',
    areaCode: '26420',
    state: 'TX',
    aliases: [],
    rpp: [{ year: 2024, value: 100 }],
    source: 'BEA',
  },
];
const catalog = makeCatalog([role], metros, '/tmp');
const ctx = { theme: PLAIN, width: 100 };

describe('cityRows', () => {
  test('adjusts the median by the latest price parity: median ÷ (RPP/100)', () => {
    const ny = cityRows(catalog, role).find((r) => r.name === 'New York');
    expect(ny?.adjusted).toBe(Math.round(90000 / 1.125));
    expect(ny?.rppYear).toBe(2024);
  });
  test('sorts by pay, adjusted pay or jobs', () => {
    expect(cityRows(catalog, role, 'pay').map((r) => r.name)).toEqual(['New York', 'Houston']);
    expect(cityRows(catalog, role, 'jobs').map((r) => r.name)).toEqual(['Houston', 'New York']);
    expect(cityRows(catalog, role, 'adjusted').map((r) => r.name)).toEqual(['New York', 'Houston']);
  });
});

describe('renderRole', () => {
  const card = renderRole(ctx, catalog, role);
  test('has the overview and all four tables', () => {
    for (const heading of [
      'Executive Assistant',
      'Skills',
      'Salary',
      'Tools and software',
      'Cities',
    ])
      expect(card).toContain(heading);
    expect(card).toContain('$74,260');
    expect(card).toContain('4.25');
  });
  test('leaves the search keywords out of the card', () => {
    expect(renderRole(ctx, catalog, role, 'all')).not.toMatch(/zeppelin|keyword/i);
  });
  test('cites the source of each table', () => {
    expect(renderRole(ctx, catalog, role, 'skills')).toMatch(
      /Source: O\*NET 29\.2 \(Feb 2025\), CC BY 4\.0/,
    );
    expect(renderRole(ctx, catalog, role, 'salary')).toMatch(/Source: OEWS \(May 2024\)/);
  });
  test('one section prints only that section', () => {
    const salary = renderRole(ctx, catalog, role, 'salary');
    expect(salary).toContain('$48,300');
    expect(salary).not.toContain('Tools and software');
  });
  test('city table shows the difference from the national median', () => {
    const cities = renderRole(ctx, catalog, role, 'cities');
    expect(cities).toContain('+$15,740'); // 90,000 − 74,260
    expect(cities).toContain('−$4,260'); // 70,000 − 74,260
    expect(cities).toContain('RPP 2024');
  });
  test('the † footnote says per city which profile names it; a job count alone names none', () => {
    const seed = (id: string, title: string, metroIds: string[]) =>
      RoleSchema.parse({
        id,
        title,
        socCodes: ['43-9199.00'],
        summary: 'A seed profile.',
        cities: metroIds.map((m) => ({
          name: m,
          state: 'XX',
          metro: m,
          sources: ['seed'],
          note: 'Named by the seed.',
        })),
        sources: [{ id: 'seed', title: 'Seed', period: 'undated' }],
      });
    const noWages = RoleSchema.parse({
      id: 'nowage',
      title: 'No Wage Role',
      socCodes: ['43-9021.00'],
      summary: 'A role whose Houston wages BLS did not release.',
      cities: [
        { name: 'Houston', state: 'TX', metro: 'houston', employment: 40, sources: ['bls'] },
      ],
      sources: [{ id: 'bls', title: 'OEWS', period: 'May 2024' }],
    });
    const both = makeCatalog(
      [
        role,
        seed('a', 'Seed A', ['new-york', 'houston']),
        seed('b', 'Seed B', ['new-york']),
        noWages,
      ],
      metros,
      '/tmp',
    );
    const cities = renderRole({ theme: PLAIN, width: 200 }, both, role, 'cities');
    expect(cities).toContain(
      '† named as a top city for back office jobs: New York by the Seed A and Seed B profiles; Houston by the Seed A profile only.',
    );
    expect(cities).not.toContain('No Wage Role');
  });
  test('says on the card which education figures O*NET flags as unreliable', () => {
    const flagged = RoleSchema.parse({
      id: 'flagged',
      title: 'Flagged Role',
      socCodes: ['43-9021.00'],
      summary: 'A role with flagged education figures.',
      education: {
        summary: 'Most workers (59%) said a high school diploma.',
        levels: [
          { label: 'High school diploma', share: 58.68, recommendSuppress: true },
          { label: "Associate's degree", share: 11.14 },
        ],
        source: 'onet',
      },
      howToBecome: [
        { step: 'Meet the bar (59%).', source: 'onet', recommendSuppress: true },
        { step: 'Train on the job (40%).', source: 'onet' },
      ],
      sources: [{ id: 'onet', title: 'O*NET 29.2', period: 'Feb 2025' }],
    });
    const card = renderRole({ theme: PLAIN, width: 200 }, catalog, flagged);
    expect(card).toContain(
      '! O*NET flags these shares as unreliable ("recommend suppress": small sample or high error): High school diploma (59%).',
    );
    expect(card).toContain('1. Meet the bar (59%). O*NET flags this figure as unreliable.');
    expect(card).toContain('2. Train on the job (40%).\n');
    expect(card).not.toMatch(/Associate's degree \(11%\)/);
    expect(renderRole(ctx, catalog, role)).not.toContain('unreliable');
  });
  test('no colour codes with the plain theme; colour codes with colour on', () => {
    expect(card).not.toMatch(/\u001b/);
    expect(renderRole({ theme: makeTheme(true), width: 100 }, catalog, role)).toMatch(/\u001b\[/);
  });
  test('fits the width it is given', () => {
    const narrow = renderRole({ theme: PLAIN, width: 70 }, catalog, role);
    const widest = Math.max(...narrow.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(70);
  });
});

describe('text safety', () => {
  test('clean strips escape sequences, OSC 52 and bidi overrides', () => {
    const hostile = 'Clerk\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u202eevil\r';
    expect(clean(hostile)).toBe('Clerkevil');
  });
  test('tables sanitise data taken from cells', () => {
    const out = renderTable({ theme: PLAIN, width: 100 }, ['Role'], [['A\u001b[31mB']]);
    expect(out).toContain('AB');
    expect(out).not.toMatch(/\u001b/);
  });
  test('cells are sanitised and cli-table3 adds no colour of its own', () => {
    const out = renderTable({ theme: PLAIN, width: 100 }, ['x'], [['hot\u001b[2J']]);
    expect(out).toContain('hot');
    expect(out).not.toContain('\u001b');
  });
});

describe('display width', () => {
  // Every character the fast path counts as one column, string-width counts as one too.
  const narrow: string[] = [];
  for (let cp = 0; cp < 0x10000; cp++) {
    const ch = String.fromCharCode(cp);
    if (NARROW_ONLY.test(ch)) narrow.push(ch);
  }

  test('the one-column fast path agrees with string-width, character by character', () => {
    expect(narrow.length).toBeGreaterThan(1500);
    expect(narrow.filter((ch) => stringWidth(ch) !== 1)).toEqual([]);
  });

  test('...and on strings made of those characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...narrow), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 300 },
    );
  });

  test('other text is measured by string-width', () => {
    expect(displayWidth('会計')).toBe(4);
    expect(displayWidth('Cafe\u0301')).toBe(4);
    expect(displayWidth('📊 x')).toBe(4);
  });
});

describe('tables', () => {
  const plain = { theme: PLAIN, width: 40 };

  test('a table that fits has a frame, a header and one line a row', () => {
    expect(
      renderTable(
        plain,
        ['Role', 'Pay'],
        [
          ['Clerk', '$1'],
          ['Typist', '$22'],
        ],
        { right: [1] },
      ),
    ).toBe(`┌────────┬─────┐
│ Role   │ Pay │
├────────┼─────┤
│ Clerk  │  $1 │
│ Typist │ $22 │
└────────┴─────┘`);
  });

  test('cells too wide for the width wrap at spaces, and rules then part the rows', () => {
    const long = 'Accounting software, Enterprise resource planning software';
    const out = renderTable(
      plain,
      ['Kind', 'Software'],
      [
        ['Money', long],
        ['Mail', 'Outlook'],
      ],
    );
    const lines = out.split('\n');
    expect(lines.every((l) => l.length === 40)).toBe(true);
    expect(lines.filter((l) => l.startsWith('├'))).toHaveLength(2); // under the header, between rows
    expect(out.replace(/[│\s]+/g, ' ')).toContain(
      'Accounting software, Enterprise resource planning software',
    );
  });

  test('a word is never cut: a table too narrow for its longest words stacks its rows', () => {
    const out = renderTable(
      { theme: PLAIN, width: 34 },
      ['Role', 'Id', 'Pay'],
      [['Clerk', 'administrative-assistant', '$46,290']],
    );
    expect(out).not.toContain('…');
    expect(out.split('\n').every((l) => l.length <= 34)).toBe(true);
    expect(out).toMatch(/│ Id +│ administrative-assistant │/);
    expect(out).toMatch(/│ Pay +│ \$46,290 +│/);
  });

  test('columns fold under others before a table stacks', () => {
    const rows = [['Clerk', 'administrative-assistant', '$46,290']];
    const out = renderTable({ theme: PLAIN, width: 40 }, ['Role', 'Id', 'Pay'], rows, {
      fold: [[1, 0]],
    });
    expect(out.split('\n')).toContain('│ Clerk                    │ $46,290 │');
    expect(out.split('\n')).toContain('│ administrative-assistant │         │');
  });

  test('the header has a rule under it with colour off', () => {
    const out = renderTable(plain, ['Role'], [['Clerk'], ['Typist']]).split('\n');
    expect(out[2]).toBe('├────────┤');
    expect(out).toHaveLength(6);
  });

  test('ASCII glyphs draw the frame with + - |', () => {
    const out = renderTable({ ...plain, glyphs: ASCII }, ['Role'], [['Clerk']]);
    expect(out).toBe('+-------+\n| Role  |\n+-------+\n| Clerk |\n+-------+');
  });

  test('wrapWords keeps the spacing between words and long words whole', () => {
    expect(wrapWords('one two  three', 7)).toEqual(['one two', 'three']);
    expect(wrapWords('a extraordinary b', 5)).toEqual(['a', 'extraordinary', 'b']);
    expect(wrapWords('', 5)).toEqual([]);
  });
});

describe('helpers', () => {
  test('money', () => {
    expect(money(46040)).toBe('$46,040');
    expect(money(undefined)).toBe('–');
  });
  test('wrap keeps to the width', () => {
    expect(
      wrap('one two three four five six', 10)
        .split('\n')
        .every((l) => l.length <= 10),
    ).toBe(true);
  });
  test('fitWidths shrinks the widest column first, never below its longest word', () => {
    expect(fitWidths([10, 80], [5, 20], 60)).toEqual([12, 45]);
    expect(fitWidths([10, 80], [10, 50], 60)).toBeUndefined();
  });
  test('colour decision', () => {
    expect(colorEnabled(undefined, {}, true)).toBe(true);
    expect(colorEnabled(undefined, {}, false)).toBe(false);
    expect(colorEnabled(false, {}, true)).toBe(false);
    expect(colorEnabled(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorEnabled(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
  });
  test('list table shows role, id and median', () => {
    const out = renderList(ctx, [role]);
    expect(out).toMatch(/Executive Assistant .*exec .*\$74,260/);
    expect(out).toContain('1 role.');
  });
});

import { RoleSchema, type Role } from '../../src/model/schema.js';
import { makeCatalog } from '../../src/model/catalog.js';
import { buildIndex } from '../../src/core/search/index.js';
import { editDistance } from '../../src/core/search/typos.js';
import { normalize } from '../../src/core/word-index.js';
import { resolveRole } from '../../src/core/search/resolve.js';
import { search } from '../../src/core/search/rank.js';
import { queryWords, queryVariants } from '../../src/core/search/query.js';
import { NotFoundError, UsageError } from '../../src/errors.js';

function role(
  id: string,
  title: string,
  aliases: string[],
  software: string[] = [],
  skills: string[] = [],
): Role {
  return RoleSchema.parse({
    id,
    title,
    socCodes: ['43-9021.00'],
    summary: 'x',
    aliases,
    software: software.map((name) => ({ name, category: 'c', source: 's' })),
    skills: skills.map((name) => ({ name, source: 's' })),
    sources: [{ id: 's', title: 'S', period: 'May 2024' }],
  });
}

const index = buildIndex(
  makeCatalog(
    [
      role(
        'data-entry-keyer',
        'Data Entry Keyer',
        ['Data Entry Clerk', 'Data Entry Operator'],
        ['Microsoft Excel'],
      ),
      role(
        'bookkeeping-clerk',
        'Bookkeeping Clerk',
        ['Accounting Clerk', 'Accounts Payable Clerk', 'Bookkeeper'],
        ['Intuit QuickBooks', 'Microsoft Excel'],
      ),
      role(
        'administrative-assistant',
        'Administrative Assistant',
        ['Admin Assistant', 'Secretary'],
        ['Microsoft Word'],
      ),
      role('receptionist', 'Receptionist', ['Front Desk Clerk'], [], ['Active Listening']),
      role(
        'executive-assistant',
        'Executive Assistant',
        ['Executive Secretary'],
        ['Microsoft Excel'],
      ),
    ],
    [],
    '/tmp',
  ),
);

const top = (q: string) => search(index, q)[0]?.role.id;

describe('search', () => {
  test.each([
    ['acountant', 'bookkeeping-clerk'],
    ['bookeeper', 'bookkeeping-clerk'],
    ['data entery', 'data-entry-keyer'],
    ['admn asistant', 'administrative-assistant'],
    ['front desk', 'receptionist'],
    ['accounts payable clerk', 'bookkeeping-clerk'],
    ['quickbooks', 'bookkeeping-clerk'],
  ])('"%s" ranks %s first', (query, id) => {
    expect(top(query)).toBe(id);
  });

  test('every query word counts: "executive assistant" beats plain assistants', () => {
    expect(top('executive assistant')).toBe('executive-assistant');
    expect(top('administrative assistant')).toBe('administrative-assistant');
  });

  test('explains each hit with the field and text that matched', () => {
    const [hit] = search(index, 'quickbooks');
    expect(hit?.matched).toEqual({ field: 'software', value: 'Intuit QuickBooks' });
    const [alias] = search(index, 'secretary');
    expect(alias?.matched.field).toBe('alias');
  });

  test('title and alias matches rank above software matches', () => {
    const hits = search(index, 'excel');
    expect(hits.map((h) => h.role.id)).toEqual(
      expect.arrayContaining(['data-entry-keyer', 'bookkeeping-clerk', 'executive-assistant']),
    );
    expect(hits.every((h) => h.matched.field === 'software')).toBe(true);
    expect(search(index, 'clerk')[0]?.matched.field).not.toBe('software');
  });

  test('scores are in 0–1 and sorted', () => {
    const hits = search(index, 'clerk');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
  });

  test('nonsense finds nothing; empty or punctuation-only queries are usage errors', () => {
    expect(search(index, 'zzqxj')).toEqual([]);
    expect(() => search(index, '')).toThrow(UsageError);
    expect(() => search(index, ' ?!.. ')).toThrow(UsageError);
  });

  test('a 10,000-character query is cut, not choked on', () => {
    expect(queryWords('clerk '.repeat(2000)).length).toBeLessThanOrEqual(12);
    expect(() => search(index, 'x'.repeat(10_000))).not.toThrow();
  });

  test('normalize lower-cases and strips punctuation', () => {
    expect(normalize('  A/P  Clerk!! ')).toBe('a p clerk');
  });
});

describe('resolveRole', () => {
  test('exact id, title or alias wins, whatever the case', () => {
    expect(resolveRole(index, 'receptionist').id).toBe('receptionist');
    expect(resolveRole(index, 'DATA ENTRY KEYER').id).toBe('data-entry-keyer');
    expect(resolveRole(index, 'bookkeeper').id).toBe('bookkeeping-clerk');
  });

  test('a clear fuzzy winner is taken', () => {
    expect(resolveRole(index, 'recepshonist').id).toBe('receptionist');
    expect(resolveRole(index, 'data entry').id).toBe('data-entry-keyer');
  });

  test('an unknown name is NotFound with a hint', () => {
    expect(() => resolveRole(index, 'astronaut')).toThrow(NotFoundError);
  });

  test('an ambiguous name suggests candidates instead of guessing', () => {
    try {
      resolveRole(index, 'assistant');
      throw new Error('expected NotFoundError');
    } catch (err) {
      expect(err).toBeInstanceOf(NotFoundError);
      const details = (err as NotFoundError).details;
      expect(details.join('\n')).toMatch(/careers show (administrative|executive)-assistant/);
      // The commands line up after titles of different lengths.
      const columns = new Set(details.map((line) => line.indexOf('careers show')));
      expect(details.length).toBeGreaterThan(1);
      expect(columns.size).toBe(1);
    }
  });
});

describe('editDistance', () => {
  test.each([
    ['acountant', 'accountant', 1],
    ['entery', 'entry', 1],
    ['recieve', 'receive', 1],
    ['abc', 'abc', 0],
    ['', 'abc', 3],
    ['contact', 'acountant', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('queryVariants', () => {
  const vocab = {
    abbreviations: { asst: ['assistant'], ap: ['accounts payable'] },
    synonyms: [['clerk', 'specialist']],
  };
  test('expands abbreviations and swaps synonyms, keeping the query as typed first', () => {
    const variants = queryVariants(['ap', 'clerk'], vocab).map((v) => v.join(' '));
    expect(variants[0]).toBe('ap clerk');
    expect(variants).toEqual(
      expect.arrayContaining([
        'accounts payable clerk',
        'accounts payable specialist',
        'ap specialist',
      ]),
    );
  });
  test('is bounded', () => {
    expect(queryVariants(Array(12).fill('asst'), vocab).length).toBeLessThanOrEqual(16);
  });
  test('abbreviations make unseen short forms findable', () => {
    const withVocab = buildIndex(index.catalog, vocab);
    expect(search(withVocab, 'ap specialist')[0]?.role.id).toBe('bookkeeping-clerk');
  });
});

describe('keywords', () => {
  const withKeywords = (r: Role, words: string[]): Role =>
    RoleSchema.parse({ ...r, keywords: { words, sources: ['s'] } });
  const kw = buildIndex(
    makeCatalog(
      [
        role('office-supervisor', 'Office Supervisor', []),
        withKeywords(role('accounts-clerk', 'Accounts Clerk', []), ['repossession', 'supervisors']),
        withKeywords(role('accounts-assistant', 'Accounts Assistant', []), ['supervisors']),
        withKeywords(role('file-clerk', 'File Clerk', ['Records Clerk']), ['supervisors']),
        withKeywords(role('mail-clerk', 'Mail Clerk', []), ['records', 'supervisors']),
      ],
      [],
      '/tmp',
    ),
  );

  test('find a role by a word only its keywords have, explained by that keyword alone', () => {
    const hits = search(kw, 'repossessor');
    expect(hits.map((h) => [h.role.id, h.matched])).toEqual([
      ['accounts-clerk', { field: 'keyword', value: 'repossession' }],
    ]);
  });

  test('match only exactly or by stem, never by prefix or typo', () => {
    expect(search(kw, 'reposs')).toEqual([]);
    expect(search(kw, 'reposession')).toEqual([]);
  });

  test('rank below the same word in a title or alias', () => {
    expect(search(kw, 'records').map((h) => [h.role.id, h.matched.field])).toEqual([
      ['file-clerk', 'alias'],
      ['mail-clerk', 'keyword'],
    ]);
  });

  test('a word the catalog knows is taken as spelled right: its look-alikes count less', () => {
    const receptionist = role('receptionist', 'Receptionist', []);
    const scoreOf = (roles: Role[]) =>
      search(buildIndex(makeCatalog(roles, [], '/tmp')), 'retention').find(
        (h) => h.role.id === 'receptionist',
      )?.score ?? 0;
    const unknown = scoreOf([receptionist]);
    const known = scoreOf([receptionist, role('hr', 'Retention Specialist', [])]);
    expect(unknown).toBeGreaterThan(0);
    expect(known).toBeLessThan(unknown * 0.9);
  });

  test('do not make a word look common: "supervisor" is in one title, so it outweighs "accounts"', () => {
    expect(search(kw, 'accounts supervisor')[0]?.role.id).toBe('office-supervisor');
  });
});

describe('O*NET and historic titles', () => {
  const titled = (id: string, title: string, current: string[], historic: string[]) =>
    RoleSchema.parse({
      id,
      title,
      socCodes: ['43-9021.00'],
      summary: 'x',
      onetTitles: current,
      historicTitles: historic,
      sources: [{ id: 's', title: 'S', period: '29.2' }],
    });
  const idx = buildIndex(
    makeCatalog(
      [
        titled('keyer', 'Data Entry Keyer', ['Key Entry Operator'], ['Card Puncher']),
        titled('typist', 'Typist', ['Card Puncher Trainer'], []),
      ],
      [],
      '/tmp',
    ),
  );

  test('an O*NET title is searchable and named as such in the explanation', () => {
    const [hit] = search(idx, 'key entry operator');
    expect(hit?.role.id).toBe('keyer');
    expect(hit?.matched).toEqual({ field: 'O*NET title', value: 'Key Entry Operator' });
  });

  test('a historic title still finds its role, labelled historic, below a current title', () => {
    const hits = search(idx, 'card puncher');
    const keyer = hits.find((h) => h.role.id === 'keyer');
    expect(keyer?.matched).toEqual({ field: 'historic title', value: 'Card Puncher' });
    // The same words in a current title weigh more than an exact historic one.
    const alone = buildIndex(
      makeCatalog([titled('keyer', 'Data Entry Keyer', [], ['Card Puncher'])], [], '/tmp'),
    );
    const current = buildIndex(
      makeCatalog([titled('keyer', 'Data Entry Keyer', ['Card Puncher'], [])], [], '/tmp'),
    );
    expect(search(alone, 'card puncher')[0]?.score ?? 1).toBeLessThan(
      search(current, 'card puncher')[0]?.score ?? 0,
    );
  });

  test('show resolves an O*NET or historic title to its role', () => {
    expect(resolveRole(idx, 'Key Entry Operator').id).toBe('keyer');
    expect(resolveRole(idx, 'card puncher').id).toBe('keyer');
  });
});

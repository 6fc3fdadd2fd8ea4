import { RoleSchema, type Role } from '../../src/model/schema.js';
import { makeCatalog } from '../../src/model/catalog.js';
import { filterRoles, findMetro } from '../../src/core/filters.js';

function role(id: string, median: number | undefined, extra: Record<string, unknown> = {}): Role {
  return RoleSchema.parse({
    id,
    title: id.toUpperCase(),
    socCodes: ['43-9021.00'],
    summary: 'x',
    salary: median === undefined ? [] : [{ source: 's', period: 'May 2024', label: 'BLS', median }],
    sources: [{ id: 's', title: 'S', period: 'May 2024' }],
    ...extra,
  });
}

const metros = [
  {
    id: 'new-york',
    name: 'New York',
    blsName: 'New York-Newark-Jersey City, NY-NJ',
    areaCode: '35620',
    state: 'NY',
    aliases: ['NYC', 'New York City'],
    rpp: [{ year: 2024, value: 112 }],
    source: 'BEA',
  },
  {
    id: 'houston',
    name: 'Houston',
    blsName: 'Houston-Pasadena-The Woodlands, TX',
    areaCode: '26420',
    state: 'TX',
    aliases: [],
    rpp: [{ year: 2024, value: 99 }],
    source: 'BEA',
  },
];
const catalog = makeCatalog(
  [
    role('b', 50000, {
      industries: ['Finance'],
      cities: [{ name: 'New York', state: 'NY', metro: 'new-york', sources: ['s'] }],
    }),
    role('a', 40000, { software: [{ name: 'Microsoft Excel', category: 'x', source: 's' }] }),
    role('c', undefined, { cities: [{ name: 'Houston', state: 'TX', sources: ['s'] }] }),
  ],
  metros,
  '/tmp',
);
const ids = (f: Parameters<typeof filterRoles>[1]) => filterRoles(catalog, f).map((r) => r.id);

describe('filterRoles', () => {
  test('sorts by title by default and by salary on request (no salary last)', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ sort: 'salary' })).toEqual(['b', 'a', 'c']);
  });
  test('filters by industry, tool and minimum salary', () => {
    expect(ids({ industry: 'finance' })).toEqual(['b']);
    expect(ids({ tool: 'excel' })).toEqual(['a']);
    expect(ids({ minSalary: 45000 })).toEqual(['b']);
  });
  test('keeps only the given ids, still sorted', () => {
    expect(ids({ ids: ['c', 'a', 'zzz'] })).toEqual(['a', 'c']);
    expect(ids({ ids: ['b'], minSalary: 60000 })).toEqual([]);
  });
  test('city filter understands metro aliases and plain city names', () => {
    expect(ids({ city: 'NYC' })).toEqual(['b']);
    expect(ids({ city: 'new york' })).toEqual(['b']);
    expect(ids({ city: 'houston' })).toEqual(['c']);
    expect(ids({ city: 'Boise' })).toEqual([]);
  });
});

describe('findMetro', () => {
  test('matches id, name, alias or part of the BLS name', () => {
    expect(findMetro(metros, 'nyc')?.id).toBe('new-york');
    expect(findMetro(metros, 'The Woodlands')?.id).toBe('houston');
    expect(findMetro(metros, 'ny')).toBeUndefined();
  });
});

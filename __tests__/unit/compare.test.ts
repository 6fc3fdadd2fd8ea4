import { RoleSchema, type Role } from '../../src/model/schema.js';
import { compareRoles, TOP_SKILLS } from '../../src/core/compare.js';
import { renderCompare } from '../../src/render/compare.js';
import { PLAIN } from '../../src/render/theme.js';
import { UsageError } from '../../src/errors.js';

const tech = (name: string) => ({ name, category: 'x', source: 's' });

function role(id: string, software: string[], extra: Record<string, unknown> = {}): Role {
  return RoleSchema.parse({
    id,
    title: `Role ${id.toUpperCase()}`,
    socCodes: ['43-9021.00'],
    summary: 'x',
    software: software.map(tech),
    sources: [{ id: 's', title: 'S', period: 'May 2024' }],
    ...extra,
  });
}

const a = role('a', ['Microsoft Excel', 'QuickBooks', 'SAP', 'Only A']);
const b = role('b', ['microsoft  excel', 'SAP', 'QuickBooks', 'Only B']);
const c = role('c', ['SAP', 'Microsoft Excel', 'Only C', 'Only A or C']);

describe('compareRoles: software overlap', () => {
  test('shared is what every role lists (first role order and spelling); unique per role', () => {
    const data = compareRoles([a, b, c]);
    expect(data.sharedSoftware).toEqual(['Microsoft Excel', 'SAP']);
    expect(data.roles.map((r) => r.software)).toEqual([
      { count: 4, unique: ['Only A'] },
      { count: 4, unique: ['Only B'] },
      { count: 4, unique: ['Only C', 'Only A or C'] },
    ]);
  });

  test('with two roles, software both list is shared and nothing else', () => {
    const data = compareRoles([a, b]);
    expect(data.sharedSoftware).toEqual(['Microsoft Excel', 'QuickBooks', 'SAP']);
    expect(data.roles.map((r) => r.software.unique)).toEqual([['Only A'], ['Only B']]);
  });

  test('no software at all shares nothing', () => {
    const data = compareRoles([role('x', []), a]);
    expect(data.sharedSoftware).toEqual([]);
    expect(data.roles[1]?.software.unique).toHaveLength(4);
  });
});

describe('compareRoles: the other rows', () => {
  const rich = role('r', [], {
    skills: [
      { name: 'Unrated', source: 's' },
      { name: 'Low', importance: 2, source: 's' },
      ...['S1', 'S2', 'S3', 'S4', 'S5'].map((name, i) => ({
        name,
        importance: 4 - i * 0.25,
        source: 's',
      })),
    ],
    salary: [
      { source: 's', period: 'May 2024', label: 'BLS', median: 50000, p10: 30000, p90: 70000 },
    ],
    jobZone: { level: 2, name: 'Job Zone Two', source: 's' },
    education: {
      summary: 'Mostly high school.',
      levels: [
        { label: 'High school', share: 60 },
        { label: 'Bachelor', share: 40 },
      ],
      source: 's',
    },
    certifications: [{ name: 'Certified Payroll Professional', abbreviation: 'CPP', source: 's' }],
  });
  const seed = role('seed', [], {
    salary: [{ source: 's', period: 'undated', label: 'Seed', low: 35000, high: 50000 }],
    skills: [
      { name: 'First', source: 's' },
      { name: 'Second', source: 's' },
    ],
  });

  test('top skills by importance, at most five; unrated skills keep their order', () => {
    const [r, s] = compareRoles([rich, seed]).roles;
    expect(r?.topSkills.map((x) => x.name)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(r?.topSkills).toHaveLength(TOP_SKILLS);
    expect(s?.topSkills).toEqual([
      { name: 'First', importance: null },
      { name: 'Second', importance: null },
    ]);
  });

  test('pay, preparation and certifications; a quoted range when there is no median', () => {
    const [r, s] = compareRoles([rich, seed]).roles;
    expect(r).toMatchObject({
      salary: { median: 50000, p10: 30000, p90: 70000, period: 'May 2024' },
      jobZone: { level: 2, name: 'Job Zone Two' },
      education: { mostCommon: { label: 'High school', share: 60, recommendSuppress: false } },
      certifications: ['Certified Payroll Professional (CPP)'],
    });
    expect(s).toMatchObject({
      salary: { low: 35000, high: 50000 },
      jobZone: null,
      education: null,
    });
    expect(compareRoles([a, b]).roles[0]?.salary).toBeNull();
  });

  test('"Most say" only for a majority; a largest minority is "the largest group", rounded once', () => {
    const minority = role('m', [], {
      education: {
        summary: 'Split.',
        levels: [
          { label: "Bachelor's degree", share: 32.49 },
          { label: 'High school', share: 30 },
        ],
        source: 's',
      },
    });
    const majority = role('j', [], {
      education: {
        summary: 'One.',
        levels: [{ label: 'High school', share: 51.49, recommendSuppress: true }],
        source: 's',
      },
    });
    const text = renderCompare({ theme: PLAIN, width: 160 }, compareRoles([minority, majority]));
    expect(text).toContain("Largest group: Bachelor's degree (32%)");
    expect(text).toContain('Most say: High school (51%, unreliable per O*NET)');
    expect(text).toContain("Largest group: Bachelor's degree (32%)\u0020");
    expect(text).not.toContain('Most say: Bachelor');
  });

  test('fewer than 2, more than 4 or the same role twice is a usage error', () => {
    expect(() => compareRoles([a])).toThrow(UsageError);
    expect(() => compareRoles([a, b, c, rich, seed])).toThrow(/2 to 4 roles; got 5/);
    expect(() => compareRoles([a, b, a])).toThrow(/named twice/);
  });

  test('renders one table with a column per role and the shared software below', () => {
    const text = renderCompare({ theme: PLAIN, width: 120 }, compareRoles([rich, seed, a]));
    expect(text.match(/┌/g)).toHaveLength(1);
    const header = text.split('\n')[1] ?? '';
    expect(header.split('│').map((s) => s.trim())).toEqual([
      '',
      '',
      'Role R',
      'Role SEED',
      'Role A',
      '',
    ]);
    expect(text).toMatch(/│ Median pay +│ \$50,000 +│ – +│ – +│/);
    expect(text).toContain('$35,000–$50,000 (range quoted)');
    expect(text).toContain('No software is listed by every role.');
  });
});

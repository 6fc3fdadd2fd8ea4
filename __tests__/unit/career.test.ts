import { loadCatalog } from '../../src/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCareerPaths } from '../../src/data/career-steps.js';
import { describeStep, pathFor, stepKind } from '../../src/core/career-steps.js';
import { PLAIN } from '../../src/render/theme.js';
import { renderPath } from '../../src/render/career.js';
import { signedMoney } from '../../src/text.js';
import { findCycle } from '../../src/data/career-steps.js';
import { computeGap, nameWords, sameProduct } from '../../src/core/career.js';
import { relationOf, similarRoles } from '../../src/core/similar.js';
import { headlineSalary } from '../../src/model/catalog.js';
import {
  ASCII,
  UNICODE,
  asciiOnly,
  importanceBar,
  position,
  rangeBar,
  sparkline,
} from '../../src/render/charts.js';
import { DataError } from '../../src/errors.js';
import type { Role } from '../../src/model/schema.js';
import { dataErrorDetails, roleYaml, tempDir } from '../helpers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const steps = loadCareerPaths(BUILT_IN_DATA_DIR, catalog).steps;
const role = (id: string) => catalog.byId.get(id) as Role;

describe('career steps', () => {
  test('every role has at least one step in or out', () => {
    const touched = new Set(steps.flatMap((s) => [s.from, s.to]));
    expect(catalog.roles.map((r) => r.id).filter((id) => !touched.has(id))).toEqual([]);
  });

  test('every step joins roles O*NET (or the seeds) list as related', () => {
    const related = (a: string, b: string) =>
      role(a).relatedRoles.some((r) => r.id === b) || role(b).relatedRoles.some((r) => r.id === a);
    expect(steps.filter((s) => !related(s.from, s.to)).map((s) => `${s.from}→${s.to}`)).toEqual([]);
  });

  test('every role has an onward step or is stated as the top of its ladder, with why', () => {
    const { tops } = loadCareerPaths(BUILT_IN_DATA_DIR, catalog);
    const onward = new Set(steps.map((s) => s.from));
    const topIds = new Set(tops.map((t) => t.role));
    const deadEnds = catalog.roles
      .map((r) => r.id)
      .filter((id) => !onward.has(id) && !topIds.has(id));
    expect(deadEnds).toEqual([]);
    expect([...topIds].filter((id) => onward.has(id))).toEqual([]);
    for (const t of tops) expect(pathFor(catalog, steps, t.role, tops).top).toBe(t.reason);
    console.log(`path: ${onward.size} roles with an onward step, ${tops.length} stated tops`);
  });

  test('every step joins roles O*NET relates, or (a role O*NET relates to none of ours) that its profile names and that share skills or software', () => {
    const weak: string[] = [];
    const thin: string[] = [];
    const skillsOf = (a: string, b: string) =>
      similarRoles(catalog, role(a), catalog.roles.length).find((s) => s.id === b);
    const pairs = catalog.roles.flatMap((r) => similarRoles(catalog, r, catalog.roles.length));
    const rated = pairs.flatMap((p) => (p.skills === null ? [] : [p.skills])).sort((x, y) => x - y);
    const median = rated[Math.floor(rated.length / 2)] ?? 0;
    for (const s of steps) {
      const there = relationOf(role(s.from), role(s.to));
      const back = relationOf(role(s.to), role(s.from));
      const onet = [there, back].filter((r) => r && r.via !== 'profile');
      const profile = [there, back].some((r) => r?.via === 'profile');
      const like = skillsOf(s.from, s.to);
      const shares = (like?.sharedSoftware.length ?? 0) + (like?.sharedSkills.length ?? 0) > 0;
      if (onet.length === 0 && !(profile && shares)) weak.push(`${s.from}→${s.to}`);
      if (
        onet.length &&
        onet.every((r) => r?.tier === 'Supplemental') &&
        (like?.skills ?? 0) < median
      )
        thin.push(`${s.from}→${s.to}`);
    }
    console.log(
      `path: steps on a supplemental O*NET relation only, with skills below the median pair (${median.toFixed(2)}): ${thin.join(', ') || 'none'}`,
    );
    expect(weak).toEqual([]);
  });

  test('data entry leads at least three steps up, each with pay and job-zone change', () => {
    const view = pathFor(catalog, steps, 'data-entry-keyer');
    const longest = Math.max(...view.ladders.map((l) => l.length));
    expect(longest).toBeGreaterThanOrEqual(3);
    const first = view.ladders
      .flat()
      .find((s) => s.from === 'data-entry-keyer' && s.to === 'office-clerk');
    expect(first?.payChange).toBe(
      (headlineSalary(role('office-clerk'))?.median ?? 0) -
        (headlineSalary(role('data-entry-keyer'))?.median ?? 0),
    );
    expect([first?.zoneFrom, first?.zoneTo]).toEqual([2, 2]);
  });

  test('no pay cut is labelled a step up, over every step (rendered too)', () => {
    const views = steps.map((s) => describeStep(catalog, s));
    const median = (id: string) => headlineSalary(role(id))?.median;
    const cuts = views.filter((v) => v.payChange !== null && v.payChange < 0);
    for (const v of views) {
      const k = stepKind(v, median(v.from));
      if (v.payChange !== null && v.payChange < 0) expect(k.kind).not.toBe('step up');
      if (k.kind === 'step up') expect(v.payChange).toBeGreaterThan(0);
      if (k.kind === 'trade-off') expect(k.why).toMatch(/^pays less/);
    }
    const ctx = { theme: PLAIN, width: 200 };
    for (const v of cuts) {
      const text = renderPath(ctx, catalog, pathFor(catalog, steps, v.from));
      const line = text.split('\n').find((l) => l.includes(`${signedMoney(v.payChange)} median`));
      expect(line).toMatch(/trade-off|lateral/);
      expect(line).not.toMatch(/step up/);
    }
    console.log(`path: ${views.length} steps checked, ${cuts.length} pay cuts`);
  });

  test('findCycle finds a loop and returns nothing for a ladder', () => {
    expect(
      findCycle([
        { from: 'a', to: 'b', reason: 'x' },
        { from: 'b', to: 'c', reason: 'x' },
      ]),
    ).toBeUndefined();
    expect(
      findCycle([
        { from: 'a', to: 'b', reason: 'x' },
        { from: 'b', to: 'a', reason: 'x' },
      ]),
    ).toEqual(['a', 'b', 'a']);
  });

  test('paths.yaml with a dangling id, a duplicate and a cycle is a located data error', () => {
    const dir = tempDir({
      'a.yaml': roleYaml('alpha', 'Alpha'),
      'b.yaml': roleYaml('beta', 'Beta'),
      'paths.yaml':
        'steps:\n  - { from: alpha, to: ghost, reason: r }\n  - { from: alpha, to: beta, reason: r }\n  - { from: alpha, to: beta, reason: r }\n',
    });
    const cat = loadCatalog(dir);
    expect(dataErrorDetails(() => loadCareerPaths(dir, cat))).toEqual([
      expect.stringMatching(/paths\.yaml:2:\d+: steps\.0\.to: no role has id "ghost"/),
      expect.stringMatching(/paths\.yaml:4:\d+: steps\.2: the step alpha → beta is listed twice/),
    ]);
    const loop = tempDir({
      'a.yaml': roleYaml('alpha', 'Alpha'),
      'b.yaml': roleYaml('beta', 'Beta'),
      'paths.yaml':
        'steps:\n  - { from: alpha, to: beta, reason: r }\n  - { from: beta, to: alpha, reason: r }\n',
    });
    expect(() => loadCareerPaths(loop, loadCatalog(loop))).toThrow(DataError);
  });

  test('a top with an onward step, or naming no role, is a located data error', () => {
    const dir = tempDir({
      'a.yaml': roleYaml('alpha', 'Alpha'),
      'b.yaml': roleYaml('beta', 'Beta'),
      'paths.yaml':
        'steps:\n  - { from: alpha, to: beta, reason: r }\ntops:\n  - { role: alpha, reason: r }\n  - { role: ghost, reason: r }\n  - { role: beta, reason: top }\n',
    });
    expect(dataErrorDetails(() => loadCareerPaths(dir, loadCatalog(dir)))).toEqual([
      expect.stringMatching(/paths\.yaml:4:\d+: tops\.0\.role: alpha has an onward step/),
      expect.stringMatching(/paths\.yaml:5:\d+: tops\.1\.role: no role has id "ghost"/),
    ]);
  });

  test('a data directory without paths.yaml simply has no steps', () => {
    const dir = tempDir({ 'a.yaml': roleYaml('alpha', 'Alpha') });
    expect(loadCareerPaths(dir, loadCatalog(dir)).steps).toEqual([]);
  });
});

describe('gap', () => {
  const gap = computeGap(role('data-entry-keyer'), role('executive-assistant'));
  test('pay difference is the difference of the two medians', () => {
    expect(gap.payChange).toBe(74260 - 39850);
  });
  test('skills carry both importances; rises are sorted and positive', () => {
    const writing = gap.skills.find((s) => s.name === 'Writing');
    expect(writing).toEqual({ name: 'Writing', from: 3, to: 3.75, rise: 0.75 });
    expect(
      gap.skills.every((s, i, all) => s.rise > 0 && (i === 0 || all[i - 1]!.rise >= s.rise)),
    ).toBe(true);
  });
  test('software to learn is what the target uses and the start does not, hot first', () => {
    const known = new Set(role('data-entry-keyer').software.map((t) => t.name.toLowerCase()));
    expect(gap.software.every((t) => !known.has(t.name.toLowerCase()))).toBe(true);
    const firstCold = gap.software.findIndex((t) => !t.hot);
    expect(gap.software.slice(firstCold).some((t) => t.hot)).toBe(false);
  });
  test('first three things come from the same numbers', () => {
    expect(gap.firstThree).toHaveLength(3);
    expect(gap.firstThree[0]).toContain(gap.skills[0]!.name);
  });
});

describe('gap: first three things to learn', () => {
  const itemName = (text: string) => text.replace(/ \(.*$/s, '');
  const pairs = catalog.roles.flatMap((a) =>
    catalog.roles.filter((b) => b.id !== a.id).map((b) => [a, b] as const),
  );
  const stepPairs = steps.map((s) => [role(s.from), role(s.to)] as const);

  test('names are normalised: vendor prefixes and "software" do not make a new product', () => {
    expect(sameProduct('QuickBooks', 'Intuit QuickBooks')).toBe(true);
    expect(sameProduct('Microsoft Excel', 'excel')).toBe(true);
    expect(sameProduct('Microsoft Excel', 'Microsoft Word')).toBe(false);
    expect([...nameWords('SAP Software, Inc.')]).toEqual(['sap']);
  });

  test.each([
    ['every career step', stepPairs],
    ['every role pair', pairs],
  ])('%s: never something the role already lists, never an item twice', (_, list) => {
    expect(list.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const [a, b] of list) {
      const gap = computeGap(a, b, catalog);
      const names = gap.firstThree.map(itemName);
      const known = [...a.software, ...a.tools, ...a.certifications].map((t) => t.name);
      const skillNames = new Set(b.skills.map((s) => s.name));
      for (const n of names)
        if (!skillNames.has(n) && known.some((k) => sameProduct(k, n)))
          bad.push(`${a.id}→${b.id}: already uses ${n}`);
      const skillLevel = new Map(a.skills.map((s) => [s.name, s.importance ?? 0]));
      for (const s of b.skills)
        if (names.includes(s.name) && (skillLevel.get(s.name) ?? 0) >= (s.importance ?? 0))
          bad.push(`${a.id}→${b.id}: ${s.name} does not rise`);
      const keys = names.map((n) => [...nameWords(n)].sort().join(' '));
      if (new Set(keys).size !== keys.length) bad.push(`${a.id}→${b.id}: repeats ${names}`);
    }
    expect(bad).toEqual([]);
  });

  test('software is ranked by weight in the target role, not alphabetically', () => {
    // Over every step, the software proposed is the heaviest item the gap lists.
    let checked = 0;
    for (const [a, b] of stepPairs) {
      const gap = computeGap(a, b, catalog);
      const proposed = gap.firstThree.map(itemName);
      const picked = gap.software.filter((t) => proposed.includes(t.name));
      if (!picked.length) continue;
      checked++;
      const heaviest = Math.max(...gap.software.map((t) => t.weight));
      expect(Math.max(...picked.map((t) => t.weight))).toBe(heaviest);
    }
    expect(checked).toBeGreaterThan(steps.length / 2);
  });

  test('an item in a category the person already uses weighs less than one new to them', () => {
    const target = catalog.roles.find((r) => new Set(r.software.map((t) => t.category)).size > 3)!;
    const [c1] = [...new Set(target.software.map((t) => t.category))];
    const item = target.software.find((t) => t.category === c1)!;
    const fresh = computeGap({ ...target, id: 'x', software: [] }, target).software;
    const equiv = computeGap(
      { ...target, id: 'x', software: [{ ...item, name: 'Some Other Product Zz' }] },
      target,
    ).software;
    const w = (l: typeof fresh) => l.find((t) => t.name === item.name)?.weight ?? -1;
    expect(w(equiv)).toBeGreaterThan(0);
    expect(w(equiv)).toBeLessThan(w(fresh));
  });
});

describe('similar', () => {
  test('bookkeeper: billing and payroll rank above receptionist', () => {
    const ids = similarRoles(catalog, role('bookkeeping-clerk'), 40).map((s) => s.id);
    expect(ids.indexOf('billing-clerk')).toBeLessThan(ids.indexOf('receptionist'));
    expect(ids.indexOf('payroll-clerk')).toBeLessThan(ids.indexOf('receptionist'));
    expect(ids).not.toContain('bookkeeping-clerk');
  });
  test('a role compared with an identical copy scores 1', () => {
    const me = role('payroll-clerk');
    const twin = { ...me, id: 'twin' };
    const cat = { ...catalog, roles: [...catalog.roles, twin] };
    expect(similarRoles(cat, me)[0]).toMatchObject({
      id: 'twin',
      score: 1,
      skills: expect.closeTo(1, 10),
      software: 1,
    });
  });
});

describe('charts', () => {
  test('position maps the scale ends to the first and last column', () => {
    expect(position(100, 100, 200, 11)).toBe(0);
    expect(position(200, 100, 200, 11)).toBe(10);
    expect(position(150, 100, 200, 11)).toBe(5);
  });
  test('range bar marks whiskers, box and median on the shared scale', () => {
    expect(rangeBar({ p10: 0, p25: 20, median: 50, p75: 80, p90: 100 }, 0, 100, 11, ASCII)).toBe(
      '--===|===--',
    );
    expect(rangeBar({ p10: 50, p25: 60, median: 70, p75: 80, p90: 100 }, 0, 100, 11, UNICODE)).toBe(
      '     ─━┃━──',
    );
  });
  test('sparkline scales between min and max', () => {
    expect(sparkline([1, 2, 3], UNICODE)).toBe('▁▅█');
    expect(sparkline([5, 5], ASCII)).toBe('##');
  });
  test('importance bars', () => {
    expect(importanceBar(2, 4, 8, ASCII)).toBe('####....');
    expect(importanceBar(4, 4, 8, UNICODE)).toBe('████████');
  });
  test('ASCII when asked, for a dumb terminal or a non-UTF-8 locale', () => {
    expect(asciiOnly(true, {})).toBe(true);
    expect(asciiOnly(undefined, { TERM: 'dumb' })).toBe(true);
    expect(asciiOnly(undefined, { LANG: 'C' })).toBe(true);
    expect(asciiOnly(undefined, { LANG: 'en_US.UTF-8' })).toBe(false);
    expect(asciiOnly(undefined, {})).toBe(false);
  });
});

import { loadCatalog } from '../../src/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadPaths } from '../../src/data/career-steps.js';
import { pathFor } from '../../src/core/career-steps.js';
import { findCycle } from '../../src/data/career-steps.js';
import { computeGap, similarRoles } from '../../src/core/career.js';
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
import { roleYaml, tempDir } from '../helpers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const steps = loadPaths(BUILT_IN_DATA_DIR, catalog);
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
    try {
      loadPaths(dir, cat);
      throw new Error('expected a DataError');
    } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).details).toEqual([
        expect.stringMatching(/paths\.yaml:2:\d+: steps\.0\.to: no role has id "ghost"/),
        expect.stringMatching(/paths\.yaml:4:\d+: steps\.2: the step alpha → beta is listed twice/),
      ]);
    }
    const loop = tempDir({
      'a.yaml': roleYaml('alpha', 'Alpha'),
      'b.yaml': roleYaml('beta', 'Beta'),
      'paths.yaml':
        'steps:\n  - { from: alpha, to: beta, reason: r }\n  - { from: beta, to: alpha, reason: r }\n',
    });
    expect(() => loadPaths(loop, loadCatalog(loop))).toThrow(DataError);
  });

  test('a data directory without paths.yaml simply has no steps', () => {
    const dir = tempDir({ 'a.yaml': roleYaml('alpha', 'Alpha') });
    expect(loadPaths(dir, loadCatalog(dir))).toEqual([]);
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

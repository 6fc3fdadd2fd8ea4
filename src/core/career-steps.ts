/**
 * Career paths as a graph: steps in and out of a role, the ladders that lead up from it, and
 * the pay and job-zone change of each step. Pure functions over the catalog.
 */
import type { Step, Top } from '../data/career-steps.js';
import { headlineSalary, type Catalog } from '../model/catalog.js';

export interface StepView {
  from: string;
  to: string;
  reason: string;
  /** Difference of the two national medians, in dollars (to − from); null when one is missing. */
  payChange: number | null;
  zoneFrom: number | null;
  zoneTo: number | null;
}

export interface PathView {
  role: string;
  /** Steps that lead into the role. */
  incoming: StepView[];
  /** Every ladder leading up from the role, in depth-first order (ladders sharing a start are adjacent). */
  ladders: StepView[][];
  /** Why the role is the top of its ladder, when paths.yaml says it is; else null. */
  top: string | null;
}

export interface StepKind {
  kind: 'step up' | 'lateral' | 'trade-off';
  /** Why, in a few words, e.g. "pays less for a role that needs more preparation". */
  why: string;
}

/** A move within 2% of the current median is lateral: the same pay, give or take. */
const LATERAL_SHARE = 0.02;

/**
 * What kind of move a step is, from its pay and job-zone change: a step up pays more; a step that
 * pays less is a trade-off (for more preparation, the same level or less), never a step up.
 */
export function stepKind(view: StepView, fromMedian: number | undefined): StepKind {
  const { payChange, zoneFrom, zoneTo } = view;
  const zoneUp = zoneFrom !== null && zoneTo !== null && zoneTo > zoneFrom;
  const zoneDown = zoneFrom !== null && zoneTo !== null && zoneTo < zoneFrom;
  if (payChange === null) return { kind: 'lateral', why: 'no median pay to compare' };
  const near = fromMedian ? Math.abs(payChange) <= fromMedian * LATERAL_SHARE : payChange === 0;
  if (near)
    return {
      kind: 'lateral',
      why: zoneUp ? 'about the same pay, more preparation' : 'about the same pay',
    };
  if (payChange > 0)
    return { kind: 'step up', why: zoneDown ? 'pays more, with less preparation' : 'pays more' };
  return {
    kind: 'trade-off',
    why: zoneUp
      ? 'pays less, for a role that needs more preparation'
      : zoneDown
        ? 'pays less, for a role that needs less preparation'
        : 'pays less, for different work at the same level',
  };
}

/** The pay and job-zone change of one step. */
export function describeStep(catalog: Catalog, step: Step): StepView {
  const from = catalog.byId.get(step.from);
  const to = catalog.byId.get(step.to);
  const a = from && headlineSalary(from)?.median;
  const b = to && headlineSalary(to)?.median;
  return {
    from: step.from,
    to: step.to,
    reason: step.reason,
    payChange: a !== undefined && b !== undefined ? b - a : null,
    zoneFrom: from?.jobZone?.level ?? null,
    zoneTo: to?.jobZone?.level ?? null,
  };
}

/**
 * Steps in and ladders up from a role (the steps have no cycles: the loader checks), and why it is
 * the top of its ladder when `tops` says so.
 */
export function pathFor(
  catalog: Catalog,
  steps: Step[],
  roleId: string,
  tops: readonly Top[] = [],
  maxDepth = 8,
): PathView {
  const views = steps.map((s) => describeStep(catalog, s));
  // Bigger pay rises first at each branch point.
  const out = (id: string) =>
    views.filter((v) => v.from === id).sort((a, b) => (b.payChange ?? 0) - (a.payChange ?? 0));
  const ladders: StepView[][] = [];
  const walk = (id: string, sofar: StepView[]) => {
    const next = sofar.length < maxDepth ? out(id) : [];
    if (next.length === 0) {
      if (sofar.length > 0) ladders.push(sofar);
      return;
    }
    for (const v of next) walk(v.to, [...sofar, v]);
  };
  walk(roleId, []);
  const top = tops.find((t) => t.role === roleId)?.reason ?? null;
  return { role: roleId, incoming: views.filter((v) => v.to === roleId), ladders, top };
}

/**
 * Career paths as a graph: steps in and out of a role, the ladders that lead up from it, and
 * the pay and job-zone change of each step. Pure functions over the catalog.
 */
import type { Step } from '../data/career-steps.js';
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

/** Steps in and ladders up from a role (the steps have no cycles: the loader checks). */
export function pathFor(catalog: Catalog, steps: Step[], roleId: string, maxDepth = 8): PathView {
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
  return { role: roleId, incoming: views.filter((v) => v.to === roleId), ladders };
}

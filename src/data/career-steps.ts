/**
 * Career steps (data/paths.yaml): which role people move to next, and why. Checked at load:
 * every id must exist, no step may repeat, and the steps may not form a cycle.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DataError, type DataProblem } from '../errors.js';
import type { Catalog } from '../model/catalog.js';
import { locate, readValidated } from './yaml.js';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a role id');

export const StepSchema = z.strictObject({
  from: id,
  to: id,
  /** Why people make this move, in a sentence. */
  reason: z.string().trim().min(1),
});

export const PathsFileSchema = z.strictObject({ steps: z.array(StepSchema) });

export type Step = z.infer<typeof StepSchema>;

/**
 * Checks a paths file: the schema, every id naming a role in `roleIds`, no repeated step, no
 * cycle. Every problem goes to `problems`; returns the steps when the file passed the schema.
 */
export function checkPaths(
  file: string,
  roleIds: ReadonlySet<string>,
  problems: DataProblem[],
): Step[] | undefined {
  const before = problems.length;
  const read = readValidated(file, PathsFileSchema, problems);
  const parsed = read?.value;
  if (read && parsed) {
    const { pf } = read;
    const seen = new Set<string>();
    parsed.steps.forEach((step, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!roleIds.has(step[end])) {
          problems.push({
            file: pf.file,
            ...locate(pf, ['steps', i, end]),
            path: `steps.${i}.${end}`,
            message: `no role has id "${step[end]}"`,
          });
        }
      }
      const key = `${step.from}>${step.to}`;
      if (seen.has(key))
        problems.push({
          file: pf.file,
          ...locate(pf, ['steps', i]),
          path: `steps.${i}`,
          message: `the step ${step.from} → ${step.to} is listed twice`,
        });
      if (step.from === step.to)
        problems.push({
          file: pf.file,
          ...locate(pf, ['steps', i]),
          path: `steps.${i}`,
          message: 'a step must lead to another role',
        });
      seen.add(key);
    });
    const cycle = problems.length === before ? findCycle(parsed.steps) : undefined;
    if (cycle)
      problems.push({
        file: pf.file,
        ...locate(pf, ['steps']),
        path: 'steps',
        message: `the steps form a cycle: ${cycle.join(' → ')}`,
      });
  }
  return parsed?.steps;
}

/**
 * Loads the career steps of a data directory (its paths.yaml); a directory without one has no
 * steps, since the built-in steps name the built-in roles.
 */
export function loadPaths(dataDir: string, catalog: Catalog): Step[] {
  const file = join(dataDir, 'paths.yaml');
  if (!existsSync(file)) return [];
  const problems: DataProblem[] = [];
  const steps = checkPaths(file, new Set(catalog.byId.keys()), problems);
  if (problems.length > 0 || !steps)
    throw new DataError(`${problems.length} problem(s) in ${problems[0]?.file ?? file}`, problems);
  return steps;
}

/** Returns one cycle in the steps as a list of ids (first = last), or undefined. */
export function findCycle(steps: Step[]): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const s of steps) next.set(s.from, [...(next.get(s.from) ?? []), s.to]);
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'open') return [...trail.slice(trail.indexOf(id)), id];
    if (state.get(id) === 'done') return undefined;
    state.set(id, 'open');
    trail.push(id);
    for (const n of next.get(id) ?? []) {
      const cycle = visit(n);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of next.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

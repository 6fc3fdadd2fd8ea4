/**
 * Career steps (data/paths.yaml): which role people move to next, and why, and the roles that are
 * the top of their ladder in the data (no onward step, and why). Checked at load: every id must
 * exist, no step may repeat, the steps may not form a cycle, and a top has no onward step.
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

export const TopSchema = z.strictObject({
  role: id,
  /** Why the data has no onward step from it, in a sentence. */
  reason: z.string().trim().min(1),
});

export const PathsFileSchema = z.strictObject({
  steps: z.array(StepSchema),
  /** Roles stated as the top of their ladder: no step leads on from them. */
  tops: z.array(TopSchema).default([]),
});

export type Step = z.infer<typeof StepSchema>;
export type Top = z.infer<typeof TopSchema>;
export type PathsFile = z.infer<typeof PathsFileSchema>;

/**
 * Checks a paths file: the schema, every id naming a role in `roleIds`, no repeated step, no
 * cycle, each top named once and with no onward step. Every problem goes to `problems`; returns
 * the file when it passed the schema.
 */
export function checkPaths(
  file: string,
  roleIds: ReadonlySet<string>,
  problems: DataProblem[],
): PathsFile | undefined {
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
    const onward = new Set(parsed.steps.map((s) => s.from));
    const tops = new Set<string>();
    parsed.tops.forEach((top, i) => {
      const where = { file: pf.file, ...locate(pf, ['tops', i, 'role']), path: `tops.${i}.role` };
      if (!roleIds.has(top.role))
        problems.push({ ...where, message: `no role has id "${top.role}"` });
      else if (onward.has(top.role))
        problems.push({ ...where, message: `${top.role} has an onward step, so it is no top` });
      else if (tops.has(top.role))
        problems.push({ ...where, message: `${top.role} is listed as a top twice` });
      tops.add(top.role);
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
  return parsed;
}

/**
 * Loads the career steps and tops of a data directory (its paths.yaml); a directory without one
 * has none, since the built-in steps name the built-in roles.
 */
export function loadCareerPaths(dataDir: string, catalog: Catalog): PathsFile {
  const file = join(dataDir, 'paths.yaml');
  if (!existsSync(file)) return { steps: [], tops: [] };
  const problems: DataProblem[] = [];
  const paths = checkPaths(file, new Set(catalog.byId.keys()), problems);
  if (problems.length > 0 || !paths)
    throw new DataError(`${problems.length} problem(s) in ${problems[0]?.file ?? file}`, problems);
  return paths;
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

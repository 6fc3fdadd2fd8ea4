/**
 * `careers compare`: 2–4 roles side by side — pay, preparation, top skills, certifications and
 * which software they share. Pure: roles in, comparison data out.
 */
import type { Role } from '../model/schema.js';
import { UsageError } from '../errors.js';
import { headlineSalary } from '../model/catalog.js';
import type { ComparedRole, CompareData } from './output.js';
import { normalize } from './word-index.js';

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;
/** Skills shown per role, most important first. */
export const TOP_SKILLS = 5;

/** Throws a usage error unless there are 2–4 roles to compare. */
export function checkCompareCount(n: number): void {
  if (n < MIN_COMPARE || n > MAX_COMPARE)
    throw new UsageError(`compare takes ${MIN_COMPARE} to ${MAX_COMPARE} roles; got ${n}`);
}

/** Software names of a role, keyed by their normalised spelling. */
function softwareKeys(role: Role): Map<string, string> {
  return new Map(role.software.map((s) => [normalize(s.name), s.name]));
}

function describe(role: Role, unique: string[]): ComparedRole {
  const salary = headlineSalary(role) ?? role.salary[0];
  const levels = role.education?.levels ?? [];
  const mostCommon = [...levels].sort((a, b) => b.share - a.share)[0];
  const skills = role.skills
    .map((s, i) => ({ s, i }))
    // Most important first; unrated skills keep their order after the rated ones.
    .sort((a, b) => (b.s.importance ?? 0) - (a.s.importance ?? 0) || a.i - b.i)
    .slice(0, TOP_SKILLS)
    .map(({ s }) => ({ name: s.name, importance: s.importance ?? null }));
  return {
    id: role.id,
    title: role.title,
    salary: salary
      ? {
          label: salary.label,
          period: salary.period,
          median: salary.median,
          p10: salary.p10,
          p25: salary.p25,
          p75: salary.p75,
          p90: salary.p90,
          low: salary.low,
          high: salary.high,
        }
      : null,
    jobZone: role.jobZone ? { level: role.jobZone.level, name: role.jobZone.name } : null,
    education: role.education
      ? {
          summary: role.education.summary,
          mostCommon: mostCommon
            ? {
                label: mostCommon.label,
                share: mostCommon.share,
                recommendSuppress: mostCommon.recommendSuppress === true,
              }
            : null,
        }
      : null,
    topSkills: skills,
    certifications: role.certifications.map((c) =>
      c.abbreviation ? `${c.name} (${c.abbreviation})` : c.name,
    ),
    software: { count: role.software.length, unique },
  };
}

/**
 * Compares 2–4 different roles. Software is matched by normalised name: `sharedSoftware` is
 * what every role lists (in the first role's order and spelling), each role's `unique` what
 * no other compared role lists.
 */
export function compareRoles(roles: Role[]): CompareData {
  checkCompareCount(roles.length);
  const seen = new Set<string>();
  for (const r of roles) {
    if (seen.has(r.id))
      throw new UsageError(`"${r.title}" is named twice; compare different roles`);
    seen.add(r.id);
  }
  const keys = roles.map(softwareKeys);
  const [first] = keys as [Map<string, string>];
  const sharedSoftware = [...first]
    .filter(([key]) => keys.every((k) => k.has(key)))
    .map(([, name]) => name);
  const compared = roles.map((role, i) => {
    const others = keys.filter((_, j) => j !== i);
    const unique = [...(keys[i] ?? [])]
      .filter(([key]) => others.every((k) => !k.has(key)))
      .map(([, name]) => name);
    return describe(role, unique);
  });
  return { roles: compared, sharedSoftware };
}

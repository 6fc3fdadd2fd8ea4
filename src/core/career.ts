/**
 * What separates two roles (`gap`) and which roles are alike (`similar`): pure computations
 * over skills (O*NET importance), software, certifications, job zone and pay.
 */
import type { Role, Tech } from '../model/schema.js';
import { compareText, headlineSalary, type Catalog } from '../model/catalog.js';

export interface SkillChange {
  name: string;
  /** Importance in the first role; null when it is not among that role's listed skills. */
  from: number | null;
  to: number;
  /**
   * to − from. Profiles list O*NET skills rated 3.0 or more, so a skill the first role does not
   * list is counted from 3.0: the least it can rise.
   */
  rise: number;
}

/** Baseline for a skill a profile does not list (profiles keep skills rated ≥ 3.0). */
const UNLISTED = 3;

export interface Gap {
  from: string;
  to: string;
  /** Skills more important in the target role, biggest rise first. */
  skills: SkillChange[];
  /** Software the target role uses that the first does not: hot technologies first. */
  software: Array<Pick<Tech, 'name' | 'category' | 'hot'>>;
  tools: string[];
  certifications: string[];
  jobZone: { from: number | null; to: number | null };
  education: { from: string | null; to: string | null };
  /** Difference of the national medians (to − from), in dollars; null when one is missing. */
  payChange: number | null;
  /** The three things to learn first, taken from the numbers above. */
  firstThree: string[];
}

const key = (s: string) => s.toLowerCase();

function describe(s: SkillChange): string {
  return `${s.name} (importance ${s.from ?? 'under 3'} → ${s.to})`;
}

/** Computes what stands between two roles. */
export function computeGap(from: Role, to: Role): Gap {
  const had = new Map(from.skills.map((s) => [key(s.name), s.importance]));
  const skills = to.skills
    .filter((s): s is typeof s & { importance: number } => s.importance !== undefined)
    .map((s) => {
      const before = had.get(key(s.name));
      return {
        name: s.name,
        from: before ?? null,
        to: s.importance,
        rise: Math.round((s.importance - (before ?? UNLISTED)) * 100) / 100,
      };
    })
    .filter((s) => s.rise > 0)
    .sort((a, b) => b.rise - a.rise || b.to - a.to || compareText(a.name, b.name));
  const known = new Set(from.software.map((t) => key(t.name)));
  const software = to.software
    .filter((t) => !known.has(key(t.name)))
    .sort((a, b) => Number(b.hot) - Number(a.hot) || compareText(a.name, b.name))
    .map(({ name, category, hot }) => ({ name, category, hot }));
  const knownTools = new Set(from.tools.map((t) => key(t.name)));
  const tools = to.tools.filter((t) => !knownTools.has(key(t.name))).map((t) => t.name);
  const heldCerts = new Set(from.certifications.map((c) => key(c.name)));
  const certifications = to.certifications
    .filter((c) => !heldCerts.has(key(c.name)))
    .map((c) => c.name);
  const a = headlineSalary(from)?.median;
  const b = headlineSalary(to)?.median;
  const firstThree = [
    ...skills.slice(0, 2).map(describe),
    ...software
      .filter((t) => t.hot)
      .slice(0, 1)
      .map((t) => `${t.name} (hot technology)`),
    ...certifications.slice(0, 1),
    ...skills.slice(2).map(describe),
    ...software.slice(0, 3).map((t) => t.name),
  ]
    .filter((v, i, all) => all.indexOf(v) === i)
    .slice(0, 3);
  return {
    from: from.id,
    to: to.id,
    skills,
    software,
    tools,
    certifications,
    jobZone: { from: from.jobZone?.level ?? null, to: to.jobZone?.level ?? null },
    education: { from: from.education?.summary ?? null, to: to.education?.summary ?? null },
    payChange: a !== undefined && b !== undefined ? b - a : null,
    firstThree,
  };
}

export interface Similarity {
  id: string;
  title: string;
  /** 0–1: the mean of skill and software similarity. */
  score: number;
  /** Similarity of the O*NET skill-importance profiles (centred cosine, mapped to 0–1). */
  skills: number;
  /** Share of software the two have in common (Jaccard), 0–1. */
  software: number;
  sharedSkills: string[];
  sharedSoftware: string[];
}

/**
 * Each role's skill profile as deviations from the catalog's average profile, over every skill
 * any role lists (a skill a rated role does not list counts as UNLISTED − 0.5, i.e. "under 3").
 * Centring makes the comparison about what sets roles apart, not the skills all of them need.
 */
function skillProfiles(catalog: Catalog): Map<string, Map<string, number>> {
  const rated = catalog.roles.filter((r) => r.skills.some((s) => s.importance !== undefined));
  const names = [...new Set(rated.flatMap((r) => r.skills.map((s) => key(s.name))))];
  const raw = new Map(
    rated.map((r) => {
      const own = new Map(r.skills.map((s) => [key(s.name), s.importance]));
      return [r.id, new Map(names.map((n) => [n, own.get(n) ?? UNLISTED - 0.5]))] as const;
    }),
  );
  const mean = new Map(
    names.map((n) => [
      n,
      [...raw.values()].reduce((sum, v) => sum + (v.get(n) ?? 0), 0) / raw.size,
    ]),
  );
  return new Map(
    [...raw].map(([id, v]) => [
      id,
      new Map(names.map((n) => [n, (v.get(n) ?? 0) - (mean.get(n) ?? 0)])),
    ]),
  );
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  const norm = (m: Map<string, number>) =>
    Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0));
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot / d;
}

/** Ranks the other roles by how alike their skills (importance-weighted) and software are. */
export function similarRoles(catalog: Catalog, role: Role, limit = 10): Similarity[] {
  const profiles = skillProfiles(catalog);
  const mine = profiles.get(role.id);
  const mySkills = new Set(role.skills.map((s) => key(s.name)));
  const mySoftware = new Set(role.software.map((t) => key(t.name)));
  return catalog.roles
    .filter((r) => r.id !== role.id)
    .map((r) => {
      const theirs = profiles.get(r.id);
      const theirSoftware = new Set(r.software.map((t) => key(t.name)));
      const shared = r.software.filter((t) => mySoftware.has(key(t.name))).map((t) => t.name);
      const union = new Set([...mySoftware, ...theirSoftware]).size;
      // Centred profiles give a cosine from −1 to 1; mapped to 0–1. Unrated roles score 0.
      const skills = mine && theirs ? (cosine(mine, theirs) + 1) / 2 : 0;
      const software = union ? shared.length / union : 0;
      const sharedSkills = r.skills.filter((s) => mySkills.has(key(s.name))).map((s) => s.name);
      return {
        id: r.id,
        title: r.title,
        score: (skills + software) / 2,
        skills,
        software,
        sharedSkills,
        sharedSoftware: shared,
      };
    })
    .sort((a, b) => b.score - a.score || compareText(a.id, b.id))
    .slice(0, limit);
}

/**
 * Which roles are alike (`similar`): the likeness of their O*NET skill-importance profiles and
 * software, raised by how O*NET 29.2 relates them (its related occupations, `onetRelated`).
 */
import type { OnetTier, Role } from '../model/schema.js';
import { compareText, type Catalog } from '../model/catalog.js';
import { UNLISTED, nameWords, sameWords } from './career.js';

const key = (s: string) => s.toLowerCase();

/** How O*NET (or, for a role it does not rate, the role's own profile) relates two roles. */
export interface Relation {
  /** 0–1: how strongly (see relationOf). */
  strength: number;
  /** O*NET's rank (1–20) and tier when one role's code lists the other's among its related. */
  rank: number | null;
  tier: OnetTier | null;
  /** Whose list names the pair: the role's own O*NET list, the other role's, or the profile's. */
  via: 'onet' | 'onet-reverse' | 'profile';
  /** In words, e.g. "O*NET lists it as a primary related occupation, rank 3". */
  text: string;
}

export interface Similarity {
  id: string;
  title: string;
  /**
   * 0–1: the skill and software likeness (their mean; software alone when a role has no O*NET
   * skill ratings), raised by the relation: 1 − (1 − likeness) × (1 − RELATION_WEIGHT × strength).
   */
  score: number;
  /** Similarity of the O*NET skill-importance profiles (centred cosine, mapped to 0–1); null when a role has no ratings. */
  skills: number | null;
  /** Share of software the two have in common (Jaccard, names normalised as in `gap`), 0–1. */
  software: number;
  /** How O*NET relates the two; null when neither role's list names the other. */
  relation: Relation | null;
  sharedSkills: string[];
  sharedSoftware: string[];
}

/** How much an O*NET relation of full strength closes the distance to a perfect score. */
const RELATION_WEIGHT = 0.3;

/** Strength of O*NET's tiers: its primary ranks 1–5 and 6–10, then its supplemental 11–20. */
const TIER_STRENGTH: Record<OnetTier, number> = {
  'Primary-Short': 1,
  'Primary-Long': 0.8,
  Supplemental: 0.55,
};

/** O*NET's tier in a word: "primary" (ranks 1–10) or "supplemental". */
export const tierWord = (tier: OnetTier) => (tier === 'Supplemental' ? 'supplemental' : 'primary');

/** An O*NET relation as a table shows it: "primary, rank 3". */
export const tierAndRank = (r: { tier: OnetTier; rank: number }) =>
  `${tierWord(r.tier)}, rank ${r.rank}`;

/**
 * How O*NET relates `other` to `role`: by the tier `role`'s own O*NET list gives it, else at half
 * strength when `other`'s list names `role` (O*NET's lists are not symmetric). A role without an
 * O*NET list of its own (the seed profiles' catch-all codes have none) falls back on the related
 * roles its profile names, at half strength.
 */
export function relationOf(role: Role, other: Role): Relation | null {
  const own = role.onetRelated?.roles.find((r) => r.id === other.id);
  if (own)
    return {
      strength: TIER_STRENGTH[own.tier],
      rank: own.rank,
      tier: own.tier,
      via: 'onet',
      text: `O*NET lists it as a ${tierWord(own.tier)} related occupation, rank ${own.rank}`,
    };
  const back = other.onetRelated?.roles.find((r) => r.id === role.id);
  if (back)
    return {
      strength: TIER_STRENGTH[back.tier] / 2,
      rank: back.rank,
      tier: back.tier,
      via: 'onet-reverse',
      text: `O*NET lists this role as one of its ${tierWord(back.tier)} related occupations, rank ${back.rank}`,
    };
  if (!role.onetRelated && role.relatedRoles.some((r) => r.id === other.id))
    return {
      strength: 0.5,
      rank: null,
      tier: null,
      via: 'profile',
      text: 'this profile names it as a related role (O*NET relates none of ours to its code)',
    };
  return null;
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

/** A role's software as significant-word sets, for sameProduct without re-splitting names. */
function productWords(role: Role): Set<string>[] {
  return role.software.map((t) => nameWords(t.name)).filter((w) => w.size > 0);
}

/**
 * Ranks the other roles by how alike their skills (importance-weighted) and software are, raised
 * by how O*NET relates them (relationOf).
 */
export function similarRoles(catalog: Catalog, role: Role, limit = 10): Similarity[] {
  const profiles = skillProfiles(catalog);
  const mine = profiles.get(role.id);
  const mySkills = new Set(role.skills.map((s) => key(s.name)));
  const myProducts = productWords(role);
  return catalog.roles
    .filter((r) => r.id !== role.id)
    .map((r) => {
      const theirs = profiles.get(r.id);
      const theirProducts = productWords(r);
      const sharedIdx = theirProducts
        .map((w, i) => [w, i] as const)
        .filter(([w]) => myProducts.some((m) => sameWords(m, w)))
        .map(([, i]) => i);
      const shared = [...new Set(sharedIdx.map((i) => r.software[i]!.name))];
      const union = myProducts.length + theirProducts.length - sharedIdx.length;
      // Centred profiles give a cosine from −1 to 1; mapped to 0–1. Unrated roles have none.
      const skills = mine && theirs ? (cosine(mine, theirs) + 1) / 2 : null;
      const software = union > 0 ? Math.min(1, sharedIdx.length / union) : 0;
      const likeness = skills === null ? software : (skills + software) / 2;
      const relation = relationOf(role, r);
      const lift = RELATION_WEIGHT * (relation?.strength ?? 0);
      const sharedSkills = r.skills.filter((s) => mySkills.has(key(s.name))).map((s) => s.name);
      return {
        id: r.id,
        title: r.title,
        score: 1 - (1 - likeness) * (1 - lift),
        skills,
        software,
        relation,
        sharedSkills,
        sharedSoftware: shared,
      };
    })
    .sort((a, b) => b.score - a.score || compareText(a.id, b.id))
    .slice(0, limit);
}

/**
 * What separates two roles (`gap`) and which roles are alike (`similar`): pure computations
 * over skills (O*NET importance), software, certifications, job zone and pay.
 */
import type { OnetTier, Role, Tech } from '../model/schema.js';
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
  /**
   * Software the target role uses that the first does not (names normalised, so "QuickBooks"
   * and "Intuit QuickBooks" are one product): hot technologies first, then by weight.
   */
  software: Array<
    Pick<Tech, 'name' | 'category' | 'hot'> & {
      inDemand: boolean;
      /** How many of the target's O*NET technology examples are in this category. */
      examples: number;
      /** How much it matters in the target role, 0–1 (see softwareWeight). */
      weight: number;
    }
  >;
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

/** Words that do not tell one product from another ("Intuit QuickBooks" is "QuickBooks"). */
const FILLER = new Set(['software', 'the', 'inc', 'corp', 'corporation', 'llc', 'ltd', 'co']);

/** A product name as a set of significant words, lower-cased, punctuation dropped. */
export function nameWords(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9+#]+/)
      .filter((w) => w && !FILLER.has(w)),
  );
}

/**
 * Whether two software names are the same product: one name's significant words are all in the
 * other ("QuickBooks" and "Intuit QuickBooks", "Microsoft Excel" and "Excel").
 */
export function sameProduct(a: string, b: string): boolean {
  const [x, y] = [nameWords(a), nameWords(b)];
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  return small.size > 0 && [...small].every((w) => big.has(w));
}

const breadthCache = new WeakMap<Catalog, Map<string, number>>();

/** The share of the catalog's roles that list a product (by normalised name), memoised. */
function productBreadth(catalog: Catalog, name: string): number {
  let cache = breadthCache.get(catalog);
  if (!cache) breadthCache.set(catalog, (cache = new Map()));
  let share = cache.get(name);
  if (share === undefined) {
    share =
      catalog.roles.filter((r) => r.software.some((t) => sameProduct(t.name, name))).length /
      catalog.roles.length;
    cache.set(name, share);
  }
  return share;
}

/** The lists a person already knows something from, for "do they already use it?". */
function knowsProduct(known: readonly string[], name: string): boolean {
  return known.some((k) => sameProduct(k, name));
}

/**
 * How much a software item matters in the target role, 0–1: the share of the target's O*NET
 * technology examples in the item's category (a category with many examples is central to the
 * job), doubled for each of O*NET's hot and in-demand flags, and quartered when the person's
 * role already uses something in the same category (they have an equivalent).
 */
export function softwareWeight(
  item: Pick<Tech, 'category' | 'hot' | 'inDemand'>,
  target: readonly Pick<Tech, 'category'>[],
  fromCategories: ReadonlySet<string>,
): number {
  const inCategory = target.filter((t) => key(t.category) === key(item.category)).length;
  const share = target.length ? inCategory / target.length : 0;
  const flags = (item.hot ? 2 : 1) * (item.inDemand ? 2 : 1);
  const equivalent = fromCategories.has(key(item.category)) ? 0.25 : 1;
  return (share * flags * equivalent) / 4;
}

interface Candidate {
  /** Normalised name: an item is proposed at most once. */
  id: string;
  text: string;
}

function softwareText(t: Gap['software'][number]): string {
  const flags = [t.hot ? 'hot technology' : '', t.inDemand ? 'in demand' : ''].filter(Boolean);
  const examples = t.examples === 1 ? '1 example' : `${t.examples} examples`;
  return `${t.name} (${[...flags, `${t.category}: ${examples} in the target role`].join('; ')})`;
}

/**
 * The three things to learn first: the biggest skill rise, the software that matters most in the
 * target role (by softwareWeight, one per category), then whichever of the next skill or next
 * software matters more; certifications the target names come before lesser software. Nothing
 * the person's role already lists is proposed, and no item twice.
 */
function pickFirstThree(gap: Omit<Gap, 'firstThree'>): string[] {
  const skills: Candidate[] = gap.skills.map((s) => ({
    id: `skill:${key(s.name)}`,
    text: describe(s),
  }));
  const seenCategory = new Set<string>();
  const software: Candidate[] = [...gap.software]
    .sort((a, b) => b.weight - a.weight || compareText(a.name, b.name))
    .filter((t) => {
      const c = key(t.category);
      if (seenCategory.has(c)) return false;
      seenCategory.add(c);
      return true;
    })
    .map((t) => ({
      id: `product:${[...nameWords(t.name)].sort().join(' ')}`,
      text: softwareText(t),
    }));
  const certs: Candidate[] = gap.certifications.map((c) => ({ id: `cert:${key(c)}`, text: c }));
  // A skill that rises by half a point or more outranks the second software pick.
  const strongSkills = skills.filter((_, i) => (gap.skills[i]?.rise ?? 0) >= 0.5);
  const order = [
    ...skills.slice(0, 1),
    ...software.slice(0, 1),
    ...strongSkills.slice(1, 2),
    ...certs.slice(0, 1),
    ...software.slice(1),
    ...skills.slice(1),
    ...certs.slice(1),
  ];
  const chosen: Candidate[] = [];
  for (const c of order) {
    if (chosen.length === 3) break;
    if (!chosen.some((d) => d.id === c.id)) chosen.push(c);
  }
  return chosen.map((c) => c.text);
}

function describe(s: SkillChange): string {
  return `${s.name} (importance ${s.from ?? 'under 3'} → ${s.to})`;
}

/**
 * Computes what stands between two roles. With the catalog, a software item's weight also grows
 * with the share of roles that use it (a product many office jobs use is worth more to learn
 * than a niche one with the same flags): weight × (1 + share).
 */
export function computeGap(from: Role, to: Role, catalog?: Catalog): Gap {
  const breadth = (name: string) => (catalog ? productBreadth(catalog, name) : 0);
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
    .sort((a, b) => b.rise - a.rise || compareText(a.name, b.name) || b.to - a.to);
  // Tools and certifications count too: a role that lists a product as a tool, or a
  // certification named after it ("Microsoft Office Specialist"), already uses it.
  const known = [...from.software, ...from.tools, ...from.certifications].map((t) => t.name);
  const fromCategories = new Set(from.software.map((t) => key(t.category)));
  const software: Gap['software'] = [];
  for (const t of to.software) {
    if (knowsProduct(known, t.name)) continue;
    // The same product listed twice (or under two names) is one thing to learn.
    if (software.some((s) => sameProduct(s.name, t.name))) continue;
    software.push({
      name: t.name,
      category: t.category,
      hot: t.hot,
      inDemand: t.inDemand ?? false,
      examples: to.software.filter((u) => key(u.category) === key(t.category)).length,
      weight:
        Math.round(softwareWeight(t, to.software, fromCategories) * (1 + breadth(t.name)) * 1e4) /
        1e4,
    });
  }
  software.sort(
    (a, b) => Number(b.hot) - Number(a.hot) || b.weight - a.weight || compareText(a.name, b.name),
  );
  const knownTools = from.tools.map((t) => t.name);
  const tools = to.tools.filter((t) => !knowsProduct(knownTools, t.name)).map((t) => t.name);
  const heldCerts = new Set(from.certifications.map((c) => key(c.name)));
  const certifications = to.certifications
    .filter((c) => !heldCerts.has(key(c.name)))
    .map((c) => c.name);
  const a = headlineSalary(from)?.median;
  const b = headlineSalary(to)?.median;
  const gap = {
    from: from.id,
    to: to.id,
    skills,
    software,
    tools,
    certifications,
    jobZone: { from: from.jobZone?.level ?? null, to: to.jobZone?.level ?? null },
    education: { from: from.education?.summary ?? null, to: to.education?.summary ?? null },
    payChange: a !== undefined && b !== undefined ? b - a : null,
  };
  return { ...gap, firstThree: pickFirstThree(gap) };
}

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

const tierWord = (tier: OnetTier) => (tier === 'Supplemental' ? 'supplemental' : 'primary');

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

/** Whether one word set is inside the other (sameProduct on prepared names). */
function sameWords(x: Set<string>, y: Set<string>): boolean {
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  return [...small].every((w) => big.has(w));
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

/**
 * What separates two roles (`gap`): pure computations over skills (O*NET importance), software,
 * certifications, job zone and pay. Which roles are alike (`similar`) is in similar.ts.
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
export const UNLISTED = 3;

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
  return sameWords(nameWords(a), nameWords(b));
}

/** sameProduct on names already split by nameWords: one word set holds the other. */
export function sameWords(x: Set<string>, y: Set<string>): boolean {
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

/**
 * What the quiz reads from a role: one number between 0 and 1 per attribute a weight names, with
 * the figure it came from in words. Every reading is structured data the role carries from O*NET
 * or BLS (interest scores, work style and skill importance, software examples, alternate job
 * titles, job zone, education shares, median pay); none is read from our own prose.
 */
import type { Role } from '../model/schema.js';
import type { Quiz, Weights } from '../model/quiz-schema.js';
import type { INTEREST_AREAS } from '../model/quiz-constants.js';
import { headlineSalary } from '../model/catalog.js';
import { money } from '../text.js';
import { normalize } from './word-index.js';
import { topSoftware } from './software.js';

/** A role attribute a weight refers to. */
export interface Attribute {
  kind: keyof Weights;
  /** Skill, work style, interest area, software category, title group or role id; "" for the rest. */
  name: string;
}

/** A role's value for an attribute (0–1), its figure in a few words and as a clause. */
export interface Reading {
  value: number;
  /** e.g. "6.97 of 7". */
  shown: string;
  /** e.g. "O*NET Conventional interest is 6.97 of 7", read after "this role's". */
  fact: string;
}

export type Reader = (role: Role) => Reading | undefined;

/** A rating with at most two decimals, as the quiz shows it ("3.38", "4"). */
export const fixed = (n: number) => String(Math.round(n * 100) / 100);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A title's normalised words with single spaces around them, for whole-word look-ups. */
const spaced = (title: string) => ` ${normalize(title)} `;

/** True when a keyword ("law", "front desk", "paralegal*") occurs in the title as whole words. */
export function titleMatches(title: string, keyword: string): boolean {
  const prefix = keyword.endsWith('*');
  const k = spaced(prefix ? keyword.slice(0, -1) : keyword).trimEnd();
  return spaced(title).includes(prefix ? k : `${k} `);
}

const matched = new WeakMap<Role, Map<string, string[]>>();

/** The role's O*NET alternate titles that name a title group (remembered per role and group). */
export function titlesMatching(role: Role, keywords: string[]): string[] {
  let byGroup = matched.get(role);
  if (!byGroup) matched.set(role, (byGroup = new Map()));
  const key = keywords.join('\n');
  let hits = byGroup.get(key);
  if (!hits) {
    hits = role.onetTitles.filter((t) => keywords.some((k) => titleMatches(t, k)));
    byGroup.set(key, hits);
  }
  return hits;
}

/** Share of respondents (0–100) who say the role needs a bachelor's degree or more. */
export function degreeShare(role: Role): number | undefined {
  const levels = role.education?.levels;
  if (!levels || levels.length === 0) return undefined;
  const degree = /^(bachelor|post-bacc|master|post-master|doctoral|first professional)/i;
  return levels.filter((l) => degree.test(l.label)).reduce((sum, l) => sum + l.share, 0);
}

/** How far a share of titles counts: half the titles or more is as strong as it gets. */
const TITLE_SHARE_FULL = 0.5;

/** A reading of an O*NET importance rating (1–5); `missing` says why a role has none. */
function importance(label: string, imp: number | undefined, missing: string): Reading {
  return imp === undefined
    ? { value: 0, shown: missing, fact: `O*NET ${label} is ${missing}` }
    : {
        value: (imp - 1) / 4,
        shown: `${fixed(imp)} of 5`,
        fact: `O*NET ${label} is ${fixed(imp)} of 5`,
      };
}

/** Builds the function that reads one attribute from a role, with its label. */
export function reader(
  quiz: Quiz,
  attr: Attribute,
  roles: Role[],
): { label: string; read: Reader } {
  const { kind, name } = attr;
  switch (kind) {
    case 'skills': {
      const label = `${name} skill`;
      return {
        label,
        read: (role) => {
          // Role files list the skills O*NET rates 3 or more; a role without any has no data.
          if (!role.skills.some((s) => s.importance !== undefined)) return undefined;
          const imp = role.skills.find((s) => s.name === name)?.importance;
          return importance(label, imp, 'under 3 of 5');
        },
      };
    }
    case 'workStyles': {
      const label = `${name} work style`;
      return {
        label,
        read: (role) => {
          if (role.workStyles.length === 0) return undefined;
          const imp = role.workStyles.find((w) => w.name === name)?.importance;
          return importance(label, imp, 'not rated');
        },
      };
    }
    case 'interests':
      return {
        label: `${capital(name)} interest`,
        read: (role) => {
          const score = role.interests?.[name as (typeof INTEREST_AREAS)[number]];
          return score === undefined
            ? undefined
            : {
                value: (score - 1) / 6,
                shown: `${fixed(score)} of 7`,
                fact: `O*NET ${capital(name)} interest is ${fixed(score)} of 7`,
              };
        },
      };
    case 'software':
      return {
        label: name,
        read: (role) => {
          if (role.software.length === 0) return undefined;
          // The software a card shows, as the quiz was tuned on (roles now keep every O*NET
          // example; reading all of them moved wins to a few roles with long lists).
          const n = topSoftware(role.software).shown.filter((s) => s.category === name).length;
          return {
            value: Math.min(n, 3) / 3,
            shown: `${n} listed`,
            fact: `O*NET software list has ${n} ${name} examples`,
          };
        },
      };
    case 'titles': {
      const group = quiz.titles[name];
      return {
        label: `job titles in ${group?.label ?? name}`,
        read: (role) => {
          if (!group || role.onetTitles.length === 0) return undefined;
          const hits = titlesMatching(role, group.keywords);
          const share = hits.length / role.onetTitles.length;
          const example = hits[0] ? ` (e.g. ${hits[0]})` : '';
          return {
            value: Math.min(1, share / TITLE_SHARE_FULL),
            shown: `${hits.length} of ${role.onetTitles.length}`,
            fact: `O*NET job titles include ${hits.length} of ${role.onetTitles.length} in ${group.label}${example}`,
          };
        },
      };
    }
    case 'roles':
      return {
        label: 'named for this answer in the quiz data',
        read: (role) =>
          role.id === name
            ? { value: 1, shown: 'this role', fact: 'quiz data names it for this answer' }
            : { value: 0, shown: 'another role', fact: 'quiz data names another role' },
      };
    case 'jobZone':
      return {
        label: 'preparation',
        read: (role) =>
          role.jobZone
            ? {
                value: (role.jobZone.level - 1) / 4,
                shown: `job zone ${role.jobZone.level} of 5`,
                fact: `O*NET job zone (preparation) is ${role.jobZone.level} of 5`,
              }
            : undefined,
      };
    case 'education':
      return {
        label: 'degree needed',
        read: (role) => {
          const share = degreeShare(role);
          return share === undefined
            ? undefined
            : {
                value: share / 100,
                shown: `${Math.round(share)}% say a degree`,
                fact: `O*NET education figures have ${Math.round(share)}% saying it needs a bachelor's or more`,
              };
        },
      };
    case 'salary': {
      // Log scale between the lowest and highest median in the catalog.
      const logs = roles
        .map((r) => headlineSalary(r)?.median)
        .filter((m): m is number => m !== undefined && m > 0)
        .map(Math.log);
      const lo = Math.min(...logs);
      const span = Math.max(...logs) - lo || 1;
      return {
        label: 'pay',
        read: (role) => {
          const salary = headlineSalary(role);
          const median = salary?.median;
          if (median === undefined || median <= 0) return undefined;
          return {
            value: (Math.log(median) - lo) / span,
            shown: `median ${money(median)}`,
            fact: `BLS median pay is ${money(median)} (${salary?.period ?? ''})`,
          };
        },
      };
    }
  }
}

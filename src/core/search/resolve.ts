/**
 * The role-name resolver shared by every command that takes a role name: an exact id, title or
 * alias, else a clear fuzzy winner, else a NotFoundError with suggestions.
 */
import type { Role } from '../../model/schema.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { displayWidth } from '../../text.js';
import {
  NAME_ALIAS,
  NAME_TAG_BITS,
  NAME_TITLE,
  hashName,
  normalize,
  otherNames,
  words,
} from '../word-index.js';
import type { SearchIndex } from './index.js';
import { searchQuery } from './rank.js';

/** Roles to choose from, one a line, their `careers show` commands lined up after the titles. */
function choices(roles: ReadonlyArray<{ title: string; id: string }>): string[] {
  const width = Math.max(...roles.map((r) => displayWidth(r.title)));
  return roles.map(
    (r) => `  ${r.title}${' '.repeat(width - displayWidth(r.title) + 2)}careers show ${r.id}`,
  );
}

/** The top fuzzy hit must reach this relevance to be taken without asking. */
const GOOD_ENOUGH = 0.7;
/** ...and lead the runner-up by this much. */
const CLEAR_LEAD = 0.05;

/** Roles whose own title or id (NAME_TITLE), or whose other titles (NAME_ALIAS), may be `wanted`. */
function rolesByName(index: SearchIndex, wanted: string, kind: number): number[] {
  const names = index.names();
  const hash = hashName(wanted);
  const tag = hash >>> (32 - NAME_TAG_BITS);
  const roles: number[] = [];
  for (const item of names.get(hash % names.count)) {
    const entry = Math.floor(item / 2 ** NAME_TAG_BITS);
    // A role's names sit together in a bucket: list each role once.
    if (item % 2 ** NAME_TAG_BITS === tag && entry % 2 === kind && roles.at(-1) !== entry >>> 1)
      roles.push(entry >>> 1);
  }
  return roles;
}

/** The role whose id or own title `name` is, if any (ignoring case and punctuation). */
export function ownName(index: SearchIndex, name: string): Role | undefined {
  const wanted = normalize(name);
  const { catalog } = index;
  const byId = catalog.byId.get(name.trim().toLowerCase());
  if (byId) return byId;
  // The names table only narrows the look-up; each role found there is checked by its names.
  const byTitle = rolesByName(index, wanted, NAME_TITLE).find(
    (r) =>
      normalize(catalog.titles[r] ?? '') === wanted || normalize(catalog.ids[r] ?? '') === wanted,
  );
  return byTitle === undefined ? undefined : catalog.role(byTitle);
}

/**
 * The role named by a name typed as several arguments (`careers show data entry`): only a name
 * the words spell exactly — an id, title or alias — since `show bookkeeper payroll` must not
 * answer with the Payroll Clerk card. Otherwise a usage error that says to quote the name.
 */
export function resolveWords(index: SearchIndex, args: string[], command: string): Role {
  const name = args.join(' ');
  if (args.length === 1) return resolveRole(index, name);
  const wanted = normalize(name);
  const own = ownName(index, name);
  if (own) return own;
  const alias = rolesByName(index, wanted, NAME_ALIAS).some((r) =>
    otherNames(index.catalog.role(r)).some((a) => normalize(a) === wanted),
  );
  if (alias) return resolveRole(index, name);
  throw new UsageError(
    `${args.length} words that are not together one role's name (${args.map((a) => JSON.stringify(a)).join(' ')}); ` +
      `quote a name of several words, e.g. careers ${command} "${name}", and give one role; see careers ${command} --help`,
  );
}

/**
 * Turns a name the user typed into one role: an exact id, title or alias wins; otherwise the
 * top fuzzy match when it is clearly ahead; otherwise a NotFoundError with suggestions.
 */
export function resolveRole(index: SearchIndex, name: string): Role {
  const wanted = normalize(name);
  if (wanted.length === 0) throw new UsageError('the role name is empty');
  const { catalog } = index;
  const exact = ownName(index, name);
  if (exact) return exact;
  const byAlias = rolesByName(index, wanted, NAME_ALIAS)
    .map((r) => catalog.role(r))
    .filter((r) => otherNames(r).some((a) => normalize(a) === wanted));
  if (byAlias.length === 1) return byAlias[0] as Role;
  if (byAlias.length > 1) {
    // A title several occupations share: prefer the role whose own title shares the rarest
    // words with it ("payroll" says more than "specialist").
    const query = new Set(words(name));
    const titles = catalog.titles.map((t) => new Set(words(t)));
    const rarity = (w: string) => 1 / Math.max(1, titles.filter((t) => t.has(w)).length);
    const overlap = (r: Role) =>
      words(r.title)
        .filter((w) => query.has(w))
        .reduce((sum, w) => sum + rarity(w), 0);
    const ranked = [...byAlias].sort((a, b) => overlap(b) - overlap(a));
    const [first, second] = ranked as [Role, Role];
    if (overlap(first) > overlap(second)) return first;
    throw new NotFoundError(
      `"${name}" is a title of ${byAlias.length} roles; which one?`,
      choices(ranked),
    );
  }

  const { hits, outOfScope } = searchQuery(index, name, 5);
  const [top, next] = hits;
  // Clearly ahead: a margin over the runner-up, or the only one of the two matched by title.
  const ahead =
    !next ||
    (top?.score ?? 0) - next.score >= CLEAR_LEAD ||
    (top?.matched.field === 'title' && next.matched.field !== 'title');
  if (!outOfScope && top && top.score >= GOOD_ENOUGH && ahead) return top.role;
  if (outOfScope) {
    throw new NotFoundError(
      `"${name}" is not a back office job (O*NET: ${outOfScope.title}, ${outOfScope.code})`,
      hits.length
        ? ['  The closest back office roles:', ...choices(hits.slice(0, 3))]
        : ['  See every role with: careers list'],
    );
  }
  if (hits.length === 0) {
    throw new NotFoundError(`no role matches "${name}"`, ['  See every role with: careers list']);
  }
  throw new NotFoundError(
    `no single role matches "${name}"; did you mean:`,
    choices(hits.slice(0, 3)),
  );
}

/**
 * Which of a role's software examples come first: the ones its card shows. A role keeps every
 * example O*NET lists (up to 264); the card shows the first SOFTWARE_SHOWN of this order and
 * counts the rest. Pure: a list in, the same items reordered out.
 */
import type { Tech } from '../model/schema.js';
import { compareText } from '../model/catalog.js';

/** Software examples a role card shows before "and N more". */
export const SOFTWARE_SHOWN = 40;

/** Hot technology and in-demand flags: both 3, hot 2, in demand 1, neither 0. */
const flags = (t: Tech): number => (t.hot ? 2 : 0) + (t.inDemand ? 1 : 0);

/**
 * First the best example of each software category (flags, then name), the role's biggest
 * categories first (how many of its O*NET examples fall in one says how much of the work it
 * is), so every kind of software shows before a second example of any; then the other hot and
 * in-demand technologies; then the rest round-robin across categories, biggest first.
 */
export function rankSoftware(software: readonly Tech[]): Tech[] {
  const groups = new Map<string, Tech[]>();
  for (const t of software) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  const best = (a: Tech, b: Tech): number => flags(b) - flags(a) || compareText(a.name, b.name);
  const categories = [...groups.entries()]
    .map(([category, items]) => ({ category, items: items.sort(best) }))
    .sort(
      (a, b) =>
        b.items.length - a.items.length ||
        flags(b.items[0]!) - flags(a.items[0]!) ||
        compareText(a.category, b.category),
    );
  const order = new Map(categories.map((c, i) => [c.category, i]));
  const byCategory = (a: Tech, b: Tech): number =>
    (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0);
  const firsts = categories.map((c) => c.items[0]!);
  const seconds = categories.flatMap((c) => c.items.slice(1));
  const flagged = seconds
    .filter((t) => flags(t) > 0)
    .sort((a, b) => best(a, b) || byCategory(a, b));
  // Round-robin: an item's turn is its place among its category's other unflagged items.
  const turn = new Map<Tech, number>();
  for (const c of categories)
    c.items
      .slice(1)
      .filter((t) => flags(t) === 0)
      .forEach((t, i) => turn.set(t, i));
  const rest = seconds
    .filter((t) => flags(t) === 0)
    .sort((a, b) => (turn.get(a) ?? 0) - (turn.get(b) ?? 0) || byCategory(a, b));
  return [...firsts, ...flagged, ...rest];
}

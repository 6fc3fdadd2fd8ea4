/**
 * Which of a role's software examples its card shows, and so which ones search counts in full.
 * A role keeps every example O*NET lists (up to 264); the card shows the top ones and counts the
 * rest. Pure: a list in, the shown and the other items out.
 */
import type { Tech } from '../model/schema.js';
import { compareText } from '../model/catalog.js';

/** Software examples a role card shows at least, before "and N more" (all hot ones show). */
export const SOFTWARE_SHOWN = 40;

const flagged = (t: Tech): boolean => t.hot || t.inDemand === true;

/**
 * The top software of a role: every Hot Technology and In Demand example, then the others taken
 * round-robin across categories (categories and names in alphabetical order) up to
 * SOFTWARE_SHOWN, so no category crowds out the others; `more` is the rest, in list order.
 */
export function topSoftware(software: readonly Tech[]): { shown: Tech[]; more: Tech[] } {
  if (software.length <= SOFTWARE_SHOWN) return { shown: [...software], more: [] };
  const shown = new Set(software.filter(flagged));
  const queues = new Map<string, Tech[]>();
  const others = software.filter((t) => !flagged(t)).sort((a, b) => compareText(a.name, b.name));
  for (const t of others) {
    const queue = queues.get(t.category);
    if (queue) queue.push(t);
    else queues.set(t.category, [t]);
  }
  const order = [...queues.keys()].sort(compareText).map((c) => queues.get(c) ?? []);
  while (shown.size < SOFTWARE_SHOWN && order.some((q) => q.length)) {
    for (const q of order) {
      const next = q.shift();
      if (next && shown.size < SOFTWARE_SHOWN) shown.add(next);
    }
  }
  return {
    shown: software.filter((t) => shown.has(t)),
    more: software.filter((t) => !shown.has(t)),
  };
}

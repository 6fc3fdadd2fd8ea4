/**
 * Ranked fuzzy search over roles (the search is split by job: index.ts holds the index and the
 * fields, typos.ts matches words, query.ts reads the query, candidates.ts picks and gathers the
 * roles to score, this file scores and ranks them, resolve.ts turns a name into one role).
 *
 * How ranking works:
 * - Every searchable text of a role (title, each alias, software, tool, skill, task, the summary
 *   and its keyword list) is an "entry", split into words (core/word-index.ts keeps them as
 *   numbered tables).
 * - The query is read as typed and also with abbreviations expanded and synonyms swapped in
 *   (data/synonyms.yaml); each reading is scored and the best counts (others slightly less).
 * - Each query word is matched to known words exactly, by prefix or stem, or as a typo: 0–1.
 *   Typos: a walk over the word list's trie (core/word-trie.ts) proposes the words within the
 *   allowed edit distance of the query word, its start or its stem; Fuse.js scores those and an
 *   edit-distance check keeps real near-misses. A pack stores what Fuse.js matched for every
 *   known word, so only a query word the index does not know needs the walk. (Fuse.js over
 *   every word would keep the same words, only slower: the candidates hold every word the
 *   edit-distance check can keep, which the word-index tests check.)
 * - Query words are weighted by rarity across roles (IDF): "payroll" says more than "clerk";
 *   a word found nowhere counts only a little. Rarity is counted outside the keyword lists and
 *   the software past a card's top ones, unless a word is only found there. The last word of a
 *   query of several words, a title's head noun, weighs at least its rarity among the last
 *   words of the roles' names ("Industrial Accountant" is an accountant; candidates.ts).
 * - An entry scores the weighted mean over the query words, nudged up when it covers the whole
 *   entry, times its field's weight (title > alias > O*NET title > historic title > software >
 *   tool > skill > task > summary > software past the card's top ones > keywords; keywords match
 *   only exactly or by stem, never as a prefix or typo). A role
 *   scores its best entry, blended with how well all its texts together cover the query and a
 *   small bonus for a second matching text. For a query of several words, a role's score then
 *   follows its title neighbours too: how many of its names resemble the query (see NEIGHBOURS),
 *   and how common each query word is among its names (see SUPPORT_SHARE).
 * - In big catalogs only the MAX_CANDIDATES roles with the best cheap pre-score (from the word
 *   → roles lists) are scored in full, from the entries holding their matching words.
 * - Hits below MIN_RELEVANCE or far below the best are dropped. When that leaves none and the
 *   query's head noun is generic ("Grain Elevator Clerk"), the roles with it in a name are listed
 *   with low confidence, as when only generic words matched.
 */
import {
  FIELD_NAMES,
  entryText,
  entryWords,
  nameCount,
  stem,
  type SearchField,
} from '../word-index.js';
import { SEARCH_FIELDS, type SearchHit, type SearchIndex, type SearchResult } from './index.js';
import { similarWords, stemMatch } from './typos.js';
import { MAX_QUERY_LENGTH, queryVariants, queryWords } from './query.js';
import {
  IS_PRODUCT,
  NAME_FIELDS,
  matchCandidates,
  planReading,
  type Matches,
  type QueryReading,
} from './candidates.js';
import { generic, outsideOccupation } from './judge.js';
import { parseQuery } from '../qualifiers.js';
import { breakSharedTitleTies } from './ties.js';

/**
 * Title neighbours: a held-out or new title is best judged by how many of a role's names look
 * like it, not by its single closest name ("Payroll Analyst" resembles many payroll titles of
 * the payroll clerk, one of the benefits specialist). Each name of a role that matches the query
 * gets its cosine with the query, words weighted by their rarity among the roles' names (IDF);
 * the role's best NEIGHBOURS cosines, each worth NEIGHBOUR_DECAY of the one before, add up to
 * its vote, and a role's score keeps
 * 1 - NEIGHBOUR_SHARE of itself plus NEIGHBOUR_SHARE in proportion to its vote over the best
 * vote of the reading (so the best-supported role keeps its score). A one-word query is left as
 * it is: a single word ("assistant", "records") names no title to resemble, and counting its
 * names would only favour the role with the most of them.
 */
const NEIGHBOURS = 10;
const NEIGHBOUR_DECAY = 0.8;
const NEIGHBOUR_SHARE = 0.3;
/** A name word the query lacks weighs as a word found in this many roles (IDF). */
const OTHER_WORD_ROLES = 8;
/** A historic title counts this much as a neighbour. */
const HISTORIC_NEIGHBOUR = 0.85;
const HISTORIC_FIELD = FIELD_NAMES.indexOf('historic');
/**
 * Name support: the neighbours vote asks how many of a role's names resemble the query as a
 * whole; this asks whether each query word is common among the role's names, wherever it is
 * ("Payroll Manager": roles many of whose names say "payroll" and many "manager"). A word's
 * support in a role is how many of its names hold it (each name counting the word's similarity
 * there, from SUPPORT_MIN_SIMILARITY); the role's support is the product over the query words
 * of (support + SUPPORT_SMOOTHING), taken to the power 1 / SUPPORT_SOFTNESS so that one missing
 * word costs some, not all. Like the vote, it moves SUPPORT_SHARE of the score of a query of
 * several words in proportion to the role's support over the best support of the reading.
 */
const SUPPORT_SHARE = 0.3;
const SUPPORT_SMOOTHING = 0.5;
const SUPPORT_SOFTNESS = 6;
const SUPPORT_MIN_SIMILARITY = 0.3;
/** Scores of hits only generic words matched are scaled by this (shown as low confidence). */
const LOW_CONFIDENCE = 0.7;
/** A role named as closest to an out-of-scope query must score this much. */
const CLOSEST_MIN_SCORE = 0.5;
/** A reading other than the query as typed counts slightly less. */
const VARIANT_DISCOUNT = 0.97;
/** How much the role as a whole (all its texts) counts against its single best-matching text. */
const ROLE_LEVEL_SHARE = 0.4;
/** Share of a role's second-best match added to its best one. */
const SUPPORT_BONUS = 0.1;
/** Hits below this relevance are dropped... */
const MIN_RELEVANCE = 0.3;
/** ...and so are hits far weaker than the best one (below this share of its score). */
const RELATIVE_CUTOFF = 0.5;
/** With no hit left, roles holding the query's head noun in a name are kept down to this. */
const HEAD_ONLY_MIN_RELEVANCE = 0.1;

interface RoleScore {
  score: number;
  /** The score before the neighbours and support votes: how well the role's texts match. */
  match: number;
  /** The best-matching entry, by its number within the role (see entryTexts). */
  entry: number;
  /** The query words (positions among the distinct words) some text of the role matched. */
  covered?: number[];
  /** True when the score came from a reading other than the query as typed. */
  variant?: boolean;
}

/** Scores the candidates of one reading of the query from their matching entries. */
function scoreReading(reading: QueryReading, m: Matches, U: number): Map<number, RoleScore> {
  const { weights, totalWeight } = reading;
  const T = reading.words.length;
  const best = new Map<number, RoleScore & { second: number }>();
  // spreads[role][token] = best field-weighted similarity of that word anywhere in the role
  const spreads = new Map<number, Float64Array>();
  // row[token] = best similarity of that query word to a word of the entry at hand
  const row = new Float64Array(T);
  // The cosine of each matching name of each role with the query (see NEIGHBOURS).
  const cosines = new Map<number, number[]>();
  // How many names of each role hold each query word (see SUPPORT_SHARE).
  const support = new Map<number, Float64Array>();
  const nw = reading.nameWeights;
  let queryNorm = 0;
  for (let t = 0; t < T; t++) queryNorm += (nw[t] as number) ** 2;
  queryNorm = Math.sqrt(queryNorm);
  // The IDF weight of a word of a name that is not in the query: its rarity is not at hand.
  const otherWord = Math.log(1 + m.n / OTHER_WORD_ROLES);
  for (const r of reading.candidates) {
    const c = m.candidate[r] as number;
    let spread: Float64Array | undefined;
    for (let i = m.from[c] as number; i < (m.from[c + 1] as number); i++) {
      let any = false;
      for (let t = 0; t < T; t++) {
        const sim = m.sims[i * U + (reading.words[t] as number)] as number;
        row[t] = sim;
        if (sim > 0) any = true;
      }
      if (!any) continue;
      const field = m.field[i] as number;
      const weight = (m.weight[i] as number) * (IS_PRODUCT[field] ? reading.toolFactor : 1);
      spread ??= new Float64Array(T);
      let matched = 0;
      let hit = 0;
      for (let t = 0; t < T; t++) {
        const sim = row[t] as number;
        spread[t] = Math.max(spread[t] as number, sim * weight);
        matched = matched + sim * (weights[t] as number);
        if (sim > 0) hit++;
      }
      const coverage = Math.min(1, hit / Math.max(1, m.length[i] as number));
      const score = (matched / totalWeight) * (0.85 + 0.15 * coverage) * weight;
      if (NAME_FIELDS.has(field)) {
        let held = support.get(r);
        if (!held) support.set(r, (held = new Float64Array(T)));
        for (let t = 0; t < T; t++) {
          const sim = row[t] as number;
          if (sim >= SUPPORT_MIN_SIMILARITY) held[t] = (held[t] as number) + sim;
        }
        let dot = 0;
        let norm = 0;
        for (let t = 0; t < T; t++) {
          const sim = row[t] as number;
          if (sim === 0) continue;
          const w2 = (nw[t] as number) ** 2;
          dot += sim * w2;
          norm += w2;
        }
        norm += Math.max(0, (m.length[i] as number) - hit) * otherWord ** 2;
        const cos =
          (dot / (queryNorm * Math.sqrt(norm))) *
          (field === HISTORIC_FIELD ? HISTORIC_NEIGHBOUR : 1);
        const list = cosines.get(r);
        if (list) list.push(cos);
        else cosines.set(r, [cos]);
      }
      const e = m.entry[i] as number;
      const current = best.get(r);
      if (!current) best.set(r, { score, match: score, entry: e, second: 0 });
      else if (score > current.score)
        best.set(r, { score, match: score, entry: e, second: current.score });
      else current.second = Math.max(current.second, score);
    }
    if (spread) spreads.set(r, spread);
  }
  // A role with several matching texts is a better bet than one with a single lucky match, and
  // a role whose texts between them cover every query word beats one that covers only some.
  const votes = new Map<number, number>();
  let topVote = 0;
  for (const [r, list] of cosines) {
    list.sort((a, b) => b - a);
    let vote = 0;
    let factor = 1;
    for (let j = 0; j < Math.min(NEIGHBOURS, list.length); j++) {
      vote += (list[j] as number) * factor;
      factor *= NEIGHBOUR_DECAY;
    }
    votes.set(r, vote);
    if (vote > topVote) topVote = vote;
  }
  // log of each role's name support, and the best of them.
  const supports = new Map<number, number>();
  let topSupport = -Infinity;
  for (const r of best.keys()) {
    const held = support.get(r);
    let log = 0;
    for (let t = 0; t < T; t++) log += Math.log(((held?.[t] as number) || 0) + SUPPORT_SMOOTHING);
    supports.set(r, log / SUPPORT_SOFTNESS);
    topSupport = Math.max(topSupport, log / SUPPORT_SOFTNESS);
  }
  for (const [r, b] of best) {
    const spread = spreads.get(r) ?? new Float64Array(T);
    let sum = 0;
    for (let t = 0; t < T; t++) sum = sum + (spread[t] as number) * (weights[t] as number);
    const roleLevel = sum / totalWeight;
    b.score = Math.min(
      1,
      (1 - ROLE_LEVEL_SHARE) * b.score + ROLE_LEVEL_SHARE * roleLevel + SUPPORT_BONUS * b.second,
    );
    b.match = b.score;
    if (topVote > 0 && T >= 2)
      b.score *= 1 - NEIGHBOUR_SHARE + (NEIGHBOUR_SHARE * (votes.get(r) ?? 0)) / topVote;
    if (T >= 2)
      b.score *=
        1 - SUPPORT_SHARE + SUPPORT_SHARE * Math.exp((supports.get(r) as number) - topSupport);
    b.covered = reading.words.filter((_, t) => (spread[t] as number) > 0);
  }
  return best;
}

/**
 * Scores roles against every reading of a query (the first as typed): the readings' candidates
 * are read once, then each reading scores its own.
 */
function scoreReadings(index: SearchIndex, variants: string[][]): Array<Map<number, RoleScore>> {
  const distinct = [...new Set(variants.flat())];
  const position = new Map(distinct.map((w, u) => [w, u]));
  const U = distinct.length;
  const readings = variants.map((tokens) => planReading(index, tokens, position));
  const similar = distinct.map((token) => similarWords(index, token));
  const candidates = [...new Set(readings.flatMap((reading) => reading.candidates))];
  const matches = matchCandidates(
    index.tables(),
    candidates,
    distinct,
    similar,
    index.catalog.size,
  );
  return readings.map((reading) => scoreReading(reading, matches, U));
}

/** The text shown as a hit's reason: the entry, or for a keyword list only the keywords matched. */
function matchedText(field: SearchField, text: string, variants: string[][]): string {
  if (field !== 'keyword') return text;
  const tokens = [...new Set(variants.flat())];
  return entryWords(text)
    .filter((w) => tokens.some((t) => stemMatch(w, t)))
    .join(', ');
}

/** Ranked fuzzy search; best first, ties kept in catalog order. See searchQuery. */
export function search(index: SearchIndex, rawQuery: string, limit = 10): SearchHit[] {
  return searchQuery(index, rawQuery, limit).hits;
}

/** Scores of every role for one text: each reading scored, the best per role kept. */
function scoreText(
  index: SearchIndex,
  text: string,
): { scores: Map<number, RoleScore>; variants: string[][]; distinct: string[] } {
  const variants = queryVariants(queryWords(text), index.synonyms);
  const distinct = [...new Set(variants.flat())];
  const [best, ...others] = scoreReadings(index, variants) as [
    Map<number, RoleScore>,
    ...Array<Map<number, RoleScore>>,
  ];
  for (const variant of others) {
    for (const [r, s] of variant) {
      const score = s.score * VARIANT_DISCOUNT;
      const match = s.match * VARIANT_DISCOUNT;
      if (score > (best.get(r)?.score ?? 0)) best.set(r, { ...s, score, match, variant: true });
    }
  }
  return { scores: best, variants, distinct };
}

/**
 * The best `limit` roles by score, then catalog order: those whose match reaches `floor` and
 * RELATIVE_CUTOFF of the best match, and that `keep` accepts.
 */
function bestHits(
  best: Map<number, RoleScore>,
  limit: number,
  floor: number,
  keep: (r: number, b: RoleScore) => boolean,
): Array<[number, RoleScore]> {
  let topMatch = 0;
  for (const [r, b] of best) if (keep(r, b)) topMatch = Math.max(topMatch, b.match);
  const cap = limit >= 1 ? Math.floor(limit) : 0;
  const top: Array<[number, RoleScore]> = [];
  const ahead = (r: number, b: RoleScore, [rOther, other]: [number, RoleScore]) =>
    b.score > other.score || (b.score === other.score && r < rOther);
  for (const [r, b] of best) {
    if (b.match < floor || b.match < topMatch * RELATIVE_CUTOFF || !keep(r, b)) continue;
    if (top.length === cap && (cap === 0 || !ahead(r, b, top[cap - 1] as [number, RoleScore])))
      continue;
    let at = top.length;
    while (at > 0 && ahead(r, b, top[at - 1] as [number, RoleScore])) at--;
    top.splice(at, 0, [r, b]);
    if (top.length > cap) top.pop();
  }
  return top;
}

/**
 * Ranked fuzzy search, best first (ties kept in catalog order), with the query's posting
 * qualifiers parsed out (core/qualifiers.ts; titles joined by " / " each read too), unknown words
 * bridged through WordNet, low confidence when only generic words matched, and out-of-scope
 * queries recognised (core/scope.ts): then `outOfScope` names the occupation and the hits are
 * the closest back office roles, if any.
 */
export function searchQuery(index: SearchIndex, rawQuery: string, limit = 10): SearchResult {
  const parsed = parseQuery(rawQuery.slice(0, MAX_QUERY_LENGTH));
  const main = scoreText(index, parsed.text);
  const best = main.scores;
  // Which text each role's score came from (for the words it matched).
  const source = new Map<number, { distinct: string[]; variants: string[][] }>();
  for (const r of best.keys()) source.set(r, main);
  for (const alternative of parsed.alternatives) {
    const alt = scoreText(index, alternative);
    for (const [r, s] of alt.scores) {
      if (s.score > (best.get(r)?.score ?? 0)) {
        best.set(r, s);
        source.set(r, alt);
      }
    }
  }
  const tokens = queryWords(parsed.text);
  /** The query words some text of role `r` matched, as the reading its score came from has them. */
  const coveredWords = (r: number, b: RoleScore) => {
    const from = source.get(r) ?? main;
    return (b.covered ?? []).map((u) => from.distinct[u] as string);
  };
  let top = bestHits(best, limit, MIN_RELEVANCE, () => true);
  // Nothing relevant, yet the query's head noun is a generic word of the roles' names: a title
  // whose other words no name has ("Grain Elevator Clerk") finds the roles named as clerks, with
  // low confidence (only the generic word matched), rather than nothing.
  const head = tokens.length >= 2 ? (tokens[tokens.length - 1] as string) : undefined;
  let headOnly = false;
  if (top.length === 0 && head !== undefined && generic(index, head)) {
    top = bestHits(
      best,
      limit,
      HEAD_ONLY_MIN_RELEVANCE,
      (r, b) =>
        coveredWords(r, b).includes(head) && b.entry < nameCount(index.catalog.nameFields(r)),
    );
    headOnly = top.length > 0;
  }
  const { catalog } = index;
  const hits = top.map(([r, b]): SearchHit => {
    const names = catalog.nameFields(r);
    const from = source.get(r) ?? main;
    const [field, text] = entryText(names, b.entry, () => catalog.role(r)) ?? [
      'title',
      names.title,
    ];
    const bridged = coveredWords(r, b).flatMap((t) => {
      const targets = index.bridgedCache.get(t);
      if (!targets) return [];
      const entry = new Set(entryWords(text).map(stem));
      const shown = targets.find((x) => entry.has(stem(x))) ?? targets[0];
      return [`${t} → ${shown}`];
    });
    const id = catalog.ids[r] as string;
    const median = catalog.brief(id)?.median;
    return {
      // Read when asked for: listing hits needs only their names and medians.
      get role() {
        return catalog.role(r);
      },
      id,
      title: names.title,
      ...(median === undefined ? {} : { median }),
      score: Math.round(b.score * 1000) / 1000,
      matched: {
        field: SEARCH_FIELDS[field].label,
        value: matchedText(field, text, from.variants),
      },
      bridged,
      confidence: 'high',
    };
  });
  // Low confidence: the top hit lacks some word of the query, and every word it has is generic
  // ("NCR operator" found only as an operator), or the hits are the generic head's roles (above).
  // Every hit says so and scores less (the order stays), so no command takes it without asking.
  let lowWords: string[] | undefined;
  const first = top[0];
  if (headOnly && head !== undefined) lowWords = [head];
  else if (first) {
    const covered = coveredWords(...first);
    const words = tokens.filter((t) => covered.some((c) => c === t || c.startsWith(t)));
    // (A synonym or expansion reading matched other words: it is not judged by the typed ones.)
    if (
      !first[1].variant &&
      words.length > 0 &&
      words.length < tokens.length &&
      words.every((w) => generic(index, w))
    )
      lowWords = words;
  }
  if (lowWords) {
    for (const h of hits) {
      h.confidence = 'low';
      h.genericOnly = lowWords;
      h.score = Math.round(h.score * LOW_CONFIDENCE * 1000) / 1000;
    }
  }
  breakSharedTitleTies(hits, tokens);
  const result: SearchResult = { hits, qualifiers: parsed.qualifiers };
  const outside = outsideOccupation(index, tokens);
  if (outside) {
    result.outOfScope = outside;
    // Only roles that match by name are worth naming as the closest back office roles.
    result.hits = hits.filter((h) => h.confidence === 'high' && h.score >= CLOSEST_MIN_SCORE);
  }
  return result;
}

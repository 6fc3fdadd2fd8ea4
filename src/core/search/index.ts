/**
 * The search index of a catalog: its word tables (core/word-index.ts) and names table, made
 * when first needed, and what earlier query words matched, so a run never matches a word twice.
 * The fields searched and their weights are here too.
 */
import type { Role } from '../../model/schema.js';
import type { Catalog } from '../../model/catalog.js';
import type { Synonyms } from '../../data/synonyms.js';
import type { Bridge } from '../bridge.js';
import type { Occupation } from '../scope.js';
import type { NamedCounts } from './candidates.js';
import {
  FIELD_NAMES,
  buildNameIndex,
  buildWordIndex,
  listsOf,
  wordIndexOf,
  type Lists,
  type SearchField,
  type WordIndex,
} from '../word-index.js';

const NO_SYNONYMS: Synonyms = { abbreviations: {}, synonyms: [] };

/** Fields searched, with how much a match there counts. */
export const SEARCH_FIELDS = {
  title: { label: 'title', weight: 1 },
  alias: { label: 'alias', weight: 0.93 },
  onet: { label: 'O*NET title', weight: 0.85 },
  // Titles of obsolete machines and trades still find their role, below every current title.
  historic: { label: 'historic title', weight: 0.72 },
  software: { label: 'software', weight: 0.8 },
  tool: { label: 'tool', weight: 0.75 },
  skill: { label: 'skill', weight: 0.7 },
  task: { label: 'task', weight: 0.65 },
  summary: { label: 'summary', weight: 0.6 },
  keyword: { label: 'keyword', weight: 0.5 },
  // O*NET software examples past the ones a card shows (core/software.ts).
  moreSoftware: { label: 'software', weight: 0.55 },
} as const satisfies Record<SearchField, { label: string; weight: number }>;

/** Field weights by field code (the position in FIELD_NAMES). */
export const FIELD_WEIGHTS = FIELD_NAMES.map((f) => SEARCH_FIELDS[f].weight);
/** The field code of keyword lists. */
export const KEYWORD_FIELD = FIELD_NAMES.indexOf('keyword');

export interface SearchIndex {
  catalog: Catalog;
  synonyms: Synonyms;
  /** The word tables: given (read from a file), or built from the catalog on first fuzzy search. */
  tables: () => WordIndex;
  /** The role-names table exact look-ups use: given, or built on first use. */
  names: () => Lists;
  /** Words (numbers) similar to each query word seen so far; the index never changes, so neither do they. */
  similarCache: Map<string, Map<number, number>>;
  /** The roles having a word similar to each query word seen so far, with the best similarity. */
  rolesCache: Map<string, TokenRoles>;
  /** How many roles name each query word seen so far (candidates.ts namedRoleCount), by question. */
  namedCache: Map<string, NamedCounts>;
  /** The WordNet bridge (core/bridge.ts), when there is one. */
  bridge: () => Bridge | undefined;
  /** The O*NET occupations the catalogue lacks, to tell a job outside it (core/scope.ts). */
  occupations: () => readonly Occupation[];
  /** For each query word bridged so far, the index words it was bridged to. */
  bridgedCache: Map<string, string[]>;
}

export interface IndexOptions {
  /** Word tables read from a file; else they are built from the catalog when first needed. */
  tables?: WordIndex;
  /** A names table read from a file; else built when first needed. */
  names?: Lists;
  /** The WordNet bridge, or how to get it when first needed. */
  bridge?: () => Bridge | undefined;
  /** The O*NET occupations the catalogue lacks, read when first needed; none unless given. */
  occupations?: () => readonly Occupation[];
}

export interface SearchHit {
  /** The role (read from the catalog when first asked for). */
  readonly role: Role;
  id: string;
  title: string;
  /** The role's headline median (see headlineSalary), if it has one. */
  median?: number;
  /** Relevance from 0 (barely) to 1 (every query word matched exactly). */
  score: number;
  /** The field and the text in it that matched best. */
  matched: { field: (typeof SEARCH_FIELDS)[SearchField]['label']; value: string };
  /** Query words the index does not know, bridged through WordNet: "paymaster → wages". */
  bridged: string[];
  /** "low" when only generic words of the query ("clerk", "operator") matched the role. */
  confidence: 'high' | 'low';
  /** The generic words that alone matched, when confidence is low. */
  genericOnly?: string[];
}

/** A search: the ranked hits, what was parsed out of the query, and whether it is out of scope. */
export interface SearchResult {
  hits: SearchHit[];
  /** Posting qualifiers taken out of the query ("Part-Time", "Sr.", "Chicago, IL"). */
  qualifiers: string[];
  /** The O*NET occupation outside the catalogue the query is about, if it is one. */
  outOfScope?: Occupation;
}

/** The roles having some word similar to a query word, and the best similarity in each. */
export interface TokenRoles {
  roles: number[];
  sims: Float64Array;
  /** How many of those roles have such a word outside their keyword list. */
  outsideKeywords: number;
}

/**
 * Makes the search index for a catalog, once per run. Tables not given are built from the
 * catalog when first needed (exact name look-ups need no word tables).
 */
export function buildIndex(
  catalog: Catalog,
  synonyms: Synonyms = NO_SYNONYMS,
  options: IndexOptions = {},
): SearchIndex {
  let tables = options.tables;
  let names = options.names;
  return {
    catalog,
    synonyms,
    tables: () => (tables ??= wordIndexOf(buildWordIndex(catalog.roles))),
    names: () => (names ??= listsOf(buildNameIndex(catalog.roles))),
    similarCache: new Map(),
    rolesCache: new Map(),
    namedCache: new Map(),
    bridge: options.bridge ?? (() => undefined),
    occupations: options.occupations ?? (() => []),
    bridgedCache: new Map(),
  };
}

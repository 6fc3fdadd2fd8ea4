/**
 * The word index: its tables describe the roles exactly, and the typo candidates it proposes
 * hold every word the typo check can keep (so narrowing to them changes no ranking).
 */
import fc from 'fast-check';
import { RoleSchema, type Role } from '../../src/model/schema.js';
import { editDistance, nearWords, typoCandidates } from '../../src/core/search/typos.js';
import { stem } from '../../src/core/word-index.js';
import {
  branchEnd,
  buildTrie,
  letterMask,
  trieBytes,
  trieFromBytes,
  trieSize,
} from '../../src/core/word-trie.js';
import {
  buildWordIndex,
  entryText,
  entryTexts,
  entryWords,
  wordIndexOf,
  FIELD_NAMES,
  FIELD_SHIFT,
  endsEntry,
  entryLength,
  buildNameIndex,
  hashName,
  listsOf,
  normalize,
  NAME_ALIAS,
  NAME_TAG_BITS,
  NAME_TITLE,
  otherNames,
} from '../../src/core/word-index.js';
import { buildIndex } from '../../src/core/search/index.js';
import { resolveRole } from '../../src/core/search/resolve.js';
import { makeCatalog } from '../../src/model/catalog.js';
import { loadCatalog } from '../../src/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';

function role(
  id: string,
  title: string,
  aliases: string[],
  skills: string[] = [],
  keywords?: string[],
): Role {
  return RoleSchema.parse({
    id,
    title,
    socCodes: ['43-9021.00'],
    summary: 'Keeps the books.',
    aliases,
    skills: skills.map((name) => ({ name, source: 's' })),
    ...(keywords ? { keywords: { words: keywords, sources: ['s'] } } : {}),
    sources: [{ id: 's', title: 'S', period: 'May 2024' }],
  });
}

const roles = [
  role(
    'a',
    'Payroll Clerk',
    ['Payroll Clerk', 'Timekeeping Clerk'],
    ['Mathematics'],
    ['payroll', 'timesheets', 'typing'],
  ),
  // ("secretary" twice in an alias: the entry's last word is also an earlier one.)
  role(
    'b',
    'Secretaries, Except Legal and Medical',
    ['Office Secretary', 'Secretary to the Office Secretary'],
    ['Writing'],
  ),
  role('c', 'Data Entry Keyer', ['Data Entry Clerk', 'data-entry clerk'], ['Typing']),
];

describe('buildWordIndex', () => {
  const data = buildWordIndex(roles);
  const index = wordIndexOf(data);

  test('words and stems are sorted and distinct', () => {
    for (const list of [data.words, data.stems]) {
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(data.words).not.toContain('except');
    expect(data.words).not.toContain('legal');
  });

  test('each word lists the entries holding it, with their fields, word counts and whether it ends them', () => {
    data.words.forEach((w, i) => {
      const expected = roles.flatMap((r, j) =>
        entryTexts(r).flatMap(([field, text], e) => {
          const ws = entryWords(text);
          return ws.includes(w) ? [[j, e, field, ws.length, ws.at(-1) === w]] : [];
        }),
      );
      const triples = [...index.wordEntries.get(i)];
      const got = [];
      for (let k = 0; k < triples.length; k += 3) {
        const about = triples[k + 2] as number;
        got.push([
          triples[k],
          triples[k + 1],
          FIELD_NAMES[Math.floor(about / FIELD_SHIFT)],
          entryLength(about),
          endsEntry(about),
        ]);
      }
      expect(got).toEqual(expected);
    });
  });

  test('each word lists the roles having it (outside keyword lists too), and each stem its words', () => {
    data.words.forEach((w, i) => {
      const having = roles.flatMap((r, j) =>
        entryTexts(r).some(([, t]) => entryWords(t).includes(w)) ? [j] : [],
      );
      expect([...index.wordRoles.get(i)]).toEqual(having);
      const named = roles.flatMap((r, j) =>
        entryTexts(r).some(([f, t]) => f !== 'keyword' && entryWords(t).includes(w)) ? [j] : [],
      );
      expect([...index.namedRoles.get(i)]).toEqual(named);
    });
    // "typing" is a skill of c and only a keyword of a; "timesheets" only a keyword.
    const number = (w: string) => data.words.indexOf(w);
    expect([...index.wordRoles.get(number('typing'))]).toEqual([0, 2]);
    expect([...index.namedRoles.get(number('typing'))]).toEqual([2]);
    expect([...index.namedRoles.get(number('timesheets'))]).toEqual([]);
    data.stems.forEach((s, i) => {
      expect([...index.stemWords.get(i)].map((w) => stem(data.words[w] as string))).toEqual(
        expect.arrayContaining([s]),
      );
    });
  });
});

test('entryText(role, n) is entry n of entryTexts, for every entry of every built-in role', () => {
  const catalog = loadCatalog(BUILT_IN_DATA_DIR);
  let entries = 0;
  for (const r of [...catalog.roles, ...roles]) {
    const all = entryTexts(r);
    all.forEach((entry, n) => expect(entryText(r, n, () => r)).toEqual(entry));
    expect(entryText(r, all.length, () => r)).toBeUndefined();
    entries += all.length;
  }
  expect(entries).toBeGreaterThan(catalog.roles.length * 40);
});

describe('names table', () => {
  const names = listsOf(buildNameIndex(roles));
  const tag = 2 ** NAME_TAG_BITS;

  test("every name is in its hash's bucket, with its role, kind and the hash's top bits", () => {
    roles.forEach((r, i) => {
      const named: Array<[string, number]> = [
        [r.title, NAME_TITLE],
        [r.id, NAME_TITLE],
        ...otherNames(r)
          .filter(Boolean)
          .map((a) => [a, NAME_ALIAS] as [string, number]),
      ];
      for (const [name, kind] of named) {
        const hash = hashName(normalize(name));
        const bucket = [...names.get(hash % names.count)];
        expect(bucket).toContain((i * 2 + kind) * tag + (hash >>> (32 - NAME_TAG_BITS)));
      }
    });
  });

  test('the resolver finds each role by every name, case and punctuation aside', () => {
    const index = buildIndex(makeCatalog(roles, [], '/tmp'));
    for (const r of roles) {
      for (const name of [r.title, r.id, ...r.aliases]) {
        expect(resolveRole(index, name.toUpperCase()).id).toBe(r.id);
      }
    }
  });
});

describe('typo candidates', () => {
  // A small alphabet makes near-misses (and swaps) common.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), maxLength: 9 });

  /** nearWords on random lists of random words gives exactly the words within k typos. */
  const nearWordsIsExact = (words: fc.Arbitrary<string>) =>
    fc.assert(
      fc.property(
        fc.uniqueArray(words, { maxLength: 60 }),
        words,
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (list, target, k, prefixes) => {
          const sorted = [...list].sort();
          const found = new Set<number>();
          nearWords(sorted, target, k, prefixes, found);
          const expected = sorted.flatMap((w, i) =>
            editDistance(target, w) <= k ||
            (prefixes &&
              w.length > target.length &&
              editDistance(target, w.slice(0, target.length)) <= k)
              ? [i]
              : [],
          );
          expect([...found].sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );

  test('nearWords finds exactly the words (or word starts) within k typos', () => {
    nearWordsIsExact(word);
  });

  test('nearWords is exact with letters that share a trie mask bit ("q" and "1") and beyond ASCII', () => {
    nearWordsIsExact(
      fc.string({ unit: fc.constantFrom('a', 'q', '1', 'é', 'ü', 'b'), maxLength: 8 }),
    );
  });

  test('the trie: each node is the run of words sharing its prefix, with their letters and longest length', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), (list) => {
        const sorted = [...list].sort();
        const trie = buildTrie(sorted);
        const prefixes = new Set(sorted.flatMap((w) => [...w].map((_, d) => w.slice(0, d + 1))));
        expect(trieSize(trie)).toBe(prefixes.size + 1);
        // Walk it, spelling each node's prefix.
        const seen: string[] = [];
        const visit = (n: number, prefix: string) => {
          const branch = sorted.slice(trie.first[n], branchEnd(trie, n, sorted.length));
          expect(branch).toEqual(sorted.filter((w) => w.startsWith(prefix)));
          expect(trie.mask[n]).toBe(branch.reduce((m, w) => m | letterMask(w), 0));
          expect(trie.longest[n]).toBe(Math.max(...branch.map((w) => w.length)));
          seen.push(prefix);
          for (let c = n + 1; c < (trie.end[n] as number); c = trie.end[c] as number)
            visit(c, prefix + String.fromCharCode(trie.char[c] as number));
        };
        if (sorted.length) visit(0, '');
        expect(seen.slice(1).sort()).toEqual([...prefixes].sort());
        expect(trieFromBytes(new Uint8Array(Buffer.concat(trieBytes(trie))))).toEqual(trie);
      }),
      { numRuns: 200 },
    );
  });

  test('typoCandidates holds every word the typo check can keep', () => {
    const vocabulary = fc.uniqueArray(
      fc.string({
        unit: fc.constantFrom('a', 'c', 'n', 't', 'o', 'u', 's', 'i', 'g'),
        minLength: 1,
        maxLength: 12,
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(
        vocabulary,
        fc.string({
          unit: fc.constantFrom('a', 'c', 'n', 't', 'o', 'u', 's'),
          minLength: 4,
          maxLength: 13,
        }),
        (list, token) => {
          const tables = wordIndexOf(buildWordIndex([role('x', list.join(' ') || 'x', [])]));
          const k = Math.min(3, Math.max(1, Math.floor(token.length / 4)));
          const keeps = (w: string) =>
            editDistance(token, w) <= k ||
            (w.length > token.length && editDistance(token, w.slice(0, token.length)) <= k) ||
            editDistance(stem(token), stem(w)) <= k;
          const candidates = new Set(typoCandidates(tables, token).map((i) => tables.words[i]));
          for (const w of tables.words) if (keeps(w)) expect(candidates).toContain(w);
        },
      ),
      { numRuns: 200 },
    );
  });
});

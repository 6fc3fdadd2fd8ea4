/**
 * Packs (the compiled built-in data and --data cache entries): what is written reads back the
 * same, search on a pack ranks as on the roles in memory, and a damaged pack is never trusted.
 */
import { readFileSync, writeFileSync, mkdirSync, utimesSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadSynonyms } from '../../src/data/synonyms.js';
import { loadCareerPaths } from '../../src/data/career-steps.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { packChunks, readPack, PackError } from '../../src/store/pack.js';
import { pruneCache } from '../../src/store/cache.js';
import { buildIndex } from '../../src/core/search/index.js';
import { resolveRole } from '../../src/core/search/resolve.js';
import { search } from '../../src/core/search/rank.js';
import { headlineSalary, makeCatalog, nameFieldsOf } from '../../src/model/catalog.js';
import { renderRole } from '../../src/render/role.js';
import { PLAIN } from '../../src/render/theme.js';
import { jest } from '@jest/globals';
import { buildWordIndex, wordIndexOf, type WordIndex } from '../../src/core/word-index.js';
import { buildTrie } from '../../src/core/word-trie.js';
import { tempDir } from '../helpers.js';

// A part of the built-in data keeps this quick (packing builds the typo lists of every word).
const all = loadCatalog(BUILT_IN_DATA_DIR);
const wanted = ['payroll-clerk', 'bookkeeping-clerk', 'data-entry-keyer', 'receptionist'];
const catalog = makeCatalog(
  all.roles.filter((r, i) => wanted.includes(r.id) || i % 6 === 0),
  all.metros,
  BUILT_IN_DATA_DIR,
);
const synonyms = loadSynonyms(BUILT_IN_DATA_DIR);
const steps = loadCareerPaths(BUILT_IN_DATA_DIR, all).steps.filter(
  (s) => catalog.byId.has(s.from) && catalog.byId.has(s.to),
);
const dir = tempDir({});
const file = join(dir, 'built-in.pack');
writeFileSync(
  file,
  Buffer.concat(
    packChunks({ key: 'k1', roles: catalog.roles, metros: catalog.metros, synonyms, steps }),
  ),
);
const bytes = readFileSync(file);
const noDamage = () => ['unexpected'];

/** Writes a changed copy of the pack and reads it back. */
function altered(change: (b: Buffer) => Buffer, key = 'k1') {
  const copy = join(dir, `altered-${Math.random()}.pack`);
  writeFileSync(copy, change(Buffer.from(bytes)));
  return readPack(copy, key, noDamage);
}

describe('pack', () => {
  const pack = readPack(file, 'k1', noDamage);

  test('reads back the data it was written with', () => {
    expect(pack).toBeDefined();
    const read = pack!.catalog(BUILT_IN_DATA_DIR);
    expect(read.size).toBe(catalog.roles.length);
    expect(read.ids).toEqual(catalog.roles.map((r) => r.id));
    expect(read.role(2)).toEqual(catalog.roles[2]);
    expect(read.byId.get('payroll-clerk')).toBe(read.role(read.ids.indexOf('payroll-clerk')));
    expect(read.roles).toEqual(catalog.roles);
    expect(read.namedCities).toEqual(catalog.namedCities);
    expect(pack!.metros).toEqual(catalog.metros);
    expect(pack!.synonyms).toEqual(synonyms);
    expect(pack!.steps).toEqual(steps);
  });

  test('holds the quiz only when given one: the built-in pack has the validated quiz.yaml', () => {
    expect(pack!.quiz()).toBeUndefined();
    const quiz = loadQuiz(all);
    const withQuiz = join(dir, 'with-quiz.pack');
    writeFileSync(
      withQuiz,
      Buffer.concat(
        packChunks({ key: 'k1', roles: catalog.roles, metros: [], synonyms, steps, quiz }),
      ),
    );
    expect(readPack(withQuiz, 'k1', noDamage)?.quiz()).toEqual(quiz);
  });

  test('reads back the word tables as built', () => {
    const built = wordIndexOf(buildWordIndex(catalog.roles));
    const read = pack!.words;
    expect(read.words).toEqual(built.words);
    expect(read.stems).toEqual(built.stems);
    for (const name of ['stemWords', 'wordRoles', 'namedRoles', 'wordEntries'] as const) {
      const lists = (index: WordIndex) =>
        Array.from({ length: index[name].count }, (_, i) => [...index[name].get(i)]);
      expect(lists(read)).toEqual(lists(built));
    }
    expect(read.wordTrie?.()).toEqual(buildTrie(built.words));
    expect(read.stemTrie?.()).toEqual(buildTrie(built.stems));
  });

  test('names related roles from the pack without reading them: a card reads only its role', () => {
    const read = pack!.catalog(BUILT_IN_DATA_DIR);
    for (const id of read.ids) expect(read.brief(id)).toEqual(catalog.brief(id));
    expect(read.brief('no-such-role')).toBeUndefined();
    // A fresh catalog from the pack, counting the roles it parses.
    const fresh = readPack(file, 'k1', noDamage)!;
    const counted = fresh.catalog(BUILT_IN_DATA_DIR);
    // A role of this part of the data with a related role also in it.
    const id = catalog.roles.find((r) => r.relatedRoles.some((x) => catalog.byId.has(x.id)))!.id;
    const role = counted.byId.get(id)!;
    const related = catalog.byId.get(role.relatedRoles.find((x) => catalog.byId.has(x.id))!.id)!;
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const card = renderRole({ theme: PLAIN, width: 100 }, counted, role);
      expect(card).toContain(related.title);
      const roleObjects = parse.mock.results.filter(
        (r) =>
          r.type === 'return' && typeof (r.value as { socCodes?: unknown })?.socCodes === 'object',
      );
      expect(roleObjects).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  test('search names its hits from the pack, reading a role only for a match past its names', () => {
    const fresh = readPack(file, 'k1', noDamage)!;
    const counted = fresh.catalog(BUILT_IN_DATA_DIR);
    catalog.roles.forEach((r, i) => expect(counted.nameFields(i)).toEqual(nameFieldsOf(r)));
    const parse = jest.spyOn(JSON, 'parse');
    const roleObjects = () =>
      parse.mock.results.filter(
        (r) =>
          r.type === 'return' && typeof (r.value as { socCodes?: unknown })?.socCodes === 'object',
      ).length;
    const names = new Set(['title', 'alias', 'O*NET title', 'historic title']);
    let pastNames = 0;
    try {
      for (const q of ['acountant', 'payroll', 'quickbooks', 'front desk', 'typing']) {
        // A fresh catalog each time: a catalog keeps the roles it has read.
        const again = readPack(file, 'k1', noDamage)!;
        const index = buildIndex(again.catalog(BUILT_IN_DATA_DIR), again.synonyms, {
          tables: again.words,
          names: again.names,
        });
        parse.mockClear();
        const hits = search(index, q);
        expect(hits.length).toBeGreaterThan(0);
        const past = hits.filter((h) => !names.has(h.matched.field)).length;
        expect(roleObjects()).toBe(past);
        pastNames += past;
        for (const h of hits) {
          const r = catalog.byId.get(h.id)!;
          expect([h.title, h.median]).toEqual([r.title, headlineSalary(r)?.median]);
        }
        // Asked for, a hit's role is read.
        parse.mockClear();
        expect(hits.map((h) => h.role.id)).toEqual(hits.map((h) => h.id));
        expect(roleObjects()).toBe(hits.length - past);
      }
      // "quickbooks" and "typing" match software and skills: both kinds of hit were seen.
      expect(pastNames).toBeGreaterThan(0);
    } finally {
      parse.mockRestore();
    }
  });

  test('search and the resolver answer on the pack as on the roles in memory', () => {
    const read = pack!.catalog(BUILT_IN_DATA_DIR);
    const onPack = buildIndex(read, pack!.synonyms, { tables: pack!.words, names: pack!.names });
    const inMemory = buildIndex(catalog, synonyms);
    const summary = (hits: ReturnType<typeof search>) =>
      hits.map((h) => [h.role.id, h.score, h.matched.value]);
    for (const q of ['acountant', 'data entry clerk', 'admin asst', 'quickbooks', 'hr']) {
      expect(summary(search(onPack, q))).toEqual(summary(search(inMemory, q)));
    }
    for (const name of ['payroll-clerk', 'Data Entry Keyers', 'bookkeeper', 'recepshonist']) {
      expect(resolveRole(onPack, name).id).toBe(resolveRole(inMemory, name).id);
    }
  });

  test('a pack stored without typo lists (a --data entry) ranks as one with them', () => {
    const lean = join(dir, 'no-typos.pack');
    writeFileSync(
      lean,
      Buffer.concat(
        packChunks({
          key: 'k1',
          roles: catalog.roles,
          metros: catalog.metros,
          synonyms,
          steps,
          typos: false,
        }),
      ),
    );
    const without = readPack(lean, 'k1', noDamage)!;
    expect(without.words.typos).toBeUndefined();
    expect(pack!.words.typos).toBeDefined();
    const index = (p: typeof without) =>
      buildIndex(p.catalog(BUILT_IN_DATA_DIR), p.synonyms, { tables: p.words, names: p.names });
    const [a, b] = [index(without), index(pack!)];
    const summary = (hits: ReturnType<typeof search>) =>
      hits.map((h) => [h.role.id, h.score, h.matched.value]);
    for (const q of ['acountant', 'recepshonist', 'payrol clerk', 'bookeeping', 'quikbooks'])
      expect(summary(search(a, q))).toEqual(summary(search(b, q)));
  });

  test('another key, a truncated file, garbage or a changed header is no pack', () => {
    expect(altered((b) => b, 'k2')).toBeUndefined();
    expect(altered((b) => b.subarray(0, b.length - 1))).toBeUndefined();
    expect(altered(() => Buffer.from('{ not a pack'))).toBeUndefined();
    expect(
      altered((b) => {
        b[40] = (b[40] as number) ^ 1;
        return b;
      }),
    ).toBeUndefined();
    expect(readPack(join(dir, 'missing.pack'), 'k1', noDamage)).toBeUndefined();
  });

  test('a damaged role is a PackError when read; the other roles still read', () => {
    const at = bytes.indexOf('{"id":"payroll-clerk","title":');
    expect(at).toBeGreaterThan(0);
    const damaged: string[] = [];
    const copy = join(dir, 'damaged.pack');
    const b = Buffer.from(bytes);
    b[at + 9] = 'x'.charCodeAt(0);
    writeFileSync(copy, b);
    const read = readPack(copy, 'k1', (f) => {
      damaged.push(f);
      return ['removed'];
    })!.catalog(BUILT_IN_DATA_DIR);
    expect(read.byId.get('bookkeeping-clerk')?.title).toBeDefined();
    expect(() => read.byId.get('payroll-clerk')).toThrow(PackError);
    expect(() => read.roles).toThrow(PackError);
    expect(damaged).toEqual([copy, copy]);
  });
});

describe('pruneCache', () => {
  test('keeps the newest entries within the limits, the one just written always', () => {
    const cache = join(tempDir({}), 'careers');
    mkdirSync(cache);
    const names = ['a', 'b', 'c', 'd', 'e'].map((n) => join(cache, `${n}.pack`));
    names.forEach((f, i) => {
      writeFileSync(f, 'x'.repeat(100));
      utimesSync(f, new Date(), new Date(Date.now() - (i + 1) * 60_000)); // a newest … e oldest
    });
    writeFileSync(join(cache, 'old-format.json'), '{}');
    pruneCache(cache, names[4] as string, { entries: 3, bytes: 10_000 });
    expect(readdirSync(cache).sort()).toEqual(['a.pack', 'b.pack', 'e.pack']);
    pruneCache(cache, names[1] as string, { entries: 3, bytes: 150 });
    expect(readdirSync(cache).sort()).toEqual(['b.pack']);
  });
});

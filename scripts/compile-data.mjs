// Build step: load and validate the built-in data once, build its search index, and write both
// as one pack, dist/data.pack (src/store/pack.ts), so look-ups on the built-in data skip YAML
// parsing, schema checks and index building at run time.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../dist/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../dist/data/dirs.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { loadPaths } from '../dist/data/career-steps.js';
import { loadQuiz } from '../dist/data/quiz-loader.js';
import { COMPILED_FILE, COMPILED_KEY } from '../dist/store/compiled.js';
import { packChunks } from '../dist/store/pack.js';
import { hasUnsafe } from '../dist/text.js';

let contents;
try {
  const catalog = loadCatalog(BUILT_IN_DATA_DIR);
  contents = {
    key: COMPILED_KEY,
    roles: catalog.roles,
    metros: catalog.metros,
    synonyms: loadSynonyms(BUILT_IN_DATA_DIR),
    steps: loadPaths(BUILT_IN_DATA_DIR, catalog),
    quiz: loadQuiz(catalog),
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
  `compile-data: ${contents.roles.length} roles → ${COMPILED_FILE.replace(process.cwd() + '/', '')}`,
);

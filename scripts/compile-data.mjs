// Build step: load and validate the built-in data once, and write it as dist/data.json so
// look-ups on the built-in data skip YAML parsing and schema checks at run time.
import { writeFileSync } from 'node:fs';
import { loadCatalog, BUILT_IN_DATA_DIR } from '../dist/data/loader.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { loadPaths } from '../dist/data/paths.js';
import { COMPILED_FILE } from '../dist/data/compiled.js';
import { hasUnsafe } from '../dist/render/text.js';

let data;
try {
  const catalog = loadCatalog(BUILT_IN_DATA_DIR);
  data = {
    roles: catalog.roles,
    metros: catalog.metros,
    synonyms: loadSynonyms(BUILT_IN_DATA_DIR),
    steps: loadPaths(BUILT_IN_DATA_DIR, catalog),
  };
  // Renderers skip cleaning the built-in data (a look-up would otherwise scan all of it), so it
  // must hold no control or escape characters.
  if (hasUnsafe(data)) throw new Error('the built-in data holds control or escape characters');
} catch (err) {
  console.error(`compile-data: ${err.message}`);
  for (const line of err.details ?? []) console.error(line);
  process.exit(1);
}
writeFileSync(COMPILED_FILE, JSON.stringify(data));
const catalog = data;
console.log(
  `compile-data: ${catalog.roles.length} roles → ${COMPILED_FILE.replace(process.cwd() + '/', '')}`,
);

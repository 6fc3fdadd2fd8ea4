// Build step: make the V8 code cache the bin shim compiles the bundle with. Loads the bundle
// without a cache, runs the common look-ups in-process (output discarded) so V8 compiles the
// functions they use, then saves the compiled code: dist/bundle/main.cache. V8 checks the
// cache against the bundle and the Node version when it is used, so a stale or foreign one
// only costs the time saved.
import { createRequire } from 'node:module';
import { writeFileAtomic } from '../dist/io/files.js';

const { loadProgram, CODE_CACHE } = createRequire(import.meta.url)('../bin/careers.cjs');
const { program, script } = loadProgram({ useCache: false });
const io = { stdout() {}, stderr() {}, env: {}, isTTY: false, columns: 100 };
const runs = [
  ['show', 'data entry'],
  ['search', 'acountant'],
  ['list'],
  ['show', 'bookkeeper', '--json'],
];
for (const args of runs) {
  const code = await program.main(['node', 'careers', ...args], io);
  if (code !== 0) throw new Error(`code-cache: careers ${args.join(' ')} exited ${code}`);
}
writeFileAtomic(CODE_CACHE, script.createCachedData(), { force: true });
console.log('code-cache: dist/bundle/main.cache');

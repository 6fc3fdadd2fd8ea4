// Build step: bundle the compiled program (dist/cli/main.js and what it imports, dependencies
// included) into dist/bundle/, split at the dynamic imports so that the quiz, export and the
// YAML loader stay lazy. Loading one bundle instead of ~80 modules roughly halves start-up.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli/main.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies (string-width) call require().
  banner: {
    js: "import { createRequire as __careersRequire } from 'node:module'; const require = __careersRequire(import.meta.url);",
  },
});
console.log('bundle: dist/bundle/main.js');

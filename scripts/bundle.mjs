// Build step: bundle the compiled program (dist/cli/main.js and what it imports) into one
// CommonJS file, dist/bundle/main.cjs, which the bin shim requires. CommonJS because a program
// started that way never starts Node's ES module loader, which costs more than our own code;
// one file because each module file costs a look-up, a read and a compile.
//
// Bundled: our code and what every run needs (commander, chalk, cli-table3, fuse.js,
// string-width). Left out and loaded from node_modules only by the commands that use them: yaml,
// js-yaml and zod (data directories, validate), csv-stringify (export) and inquirer (the quiz; an
// ES module, so imported). Our own lazily imported modules stay in the bundle but run only when
// imported.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';

// chalk finds out on import whether the terminal has colours, loading node:tty and node:os;
// the theme always tells chalk the level, so give it the variant that detects nothing.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({
      path: fileURLToPath(
        new URL('../node_modules/chalk/source/vendor/supports-color/browser.js', import.meta.url),
      ),
    }));
  },
};

// commander requires node:child_process when loaded (which brings net, dgram and more), but
// spawns only for executable subcommands, which careers has none of: give it a stand-in that
// requires the real module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'lazy-child-process', namespace: 'careers' }
        : undefined,
    );
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'careers' }, () => ({
      contents: `let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });`,
      loader: 'js',
    }));
  },
};

// cli-table3 measures every cell fragment with string-width 4, whose ANSI stripping builds a new
// RegExp on each call: most of a role card's table time. Give it our displayWidth instead, which
// counts text of one-column characters by its length and asks string-width about the rest
// (cli-table3 strips its colour codes before measuring).
const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]cli-table3[\\/]/.test(args.importer)
        ? { path: 'fast-string-width', namespace: 'careers' }
        : undefined,
    );
    b.onLoad({ filter: /^fast-string-width$/, namespace: 'careers' }, () => ({
      contents: "module.exports = require('./dist/text.js').displayWidth;",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    }));
  },
};

// cli-table3 0.6 cuts every cell's text to 10 characters on every line it draws, only for a
// debug message it keeps when its `debug` option is on (careers never turns it on): a third of a
// role card's table time. The message gets the whole text instead. The build fails if
// cli-table3 changes that line.
const DEBUG_CUT = 'let content = utils.truncate(this.content, 10, this.truncate);';
const lazyDebugCut = {
  name: 'lazy-debug-cut',
  setup(b) {
    b.onLoad({ filter: /[\\/]cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(DEBUG_CUT))
        throw new Error('cli-table3 changed: see lazy-debug-cut in scripts/bundle.mjs');
      return { contents: source.replace(DEBUG_CUT, 'let content = this.content;'), loader: 'js' };
    });
  },
};

// The one module that calls import() becomes a file of its own, loaded by Node's own require:
// code compiled from the V8 cache (bin/careers.cjs) may not call import() in Node 20.
const importEsmApart = {
  name: 'import-esm-apart',
  setup(b) {
    b.onResolve({ filter: /\/import-esm\.js$/ }, () => ({
      path: './import-esm.cjs',
      external: true,
    }));
  },
};

// What every output file is: CommonJS for the Node 20 the package supports.
const commonJs = { format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' };
// A bundle of our modules. package-root.ts finds the package from import.meta.url, which
// CommonJS does not have.
const ourBundle = {
  ...commonJs,
  bundle: true,
  define: { 'import.meta.url': '__careersModuleUrl' },
  banner: { js: "const __careersModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...commonJs,
  entryPoints: ['dist/io/import-esm.js'],
  outfile: 'dist/bundle/import-esm.cjs',
});
await build({
  ...ourBundle,
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/bundle/main.cjs',
  // @colors/colors: cli-table3 requires it only to colour cells itself, which careers never asks.
  external: ['yaml', 'js-yaml', 'zod', 'csv-stringify', 'inquirer', '@colors/colors/safe'],
  plugins: [chalkWithoutDetection, lazyChildProcess, fastStringWidth, lazyDebugCut, importEsmApart],
});
// The worker threads that parse a big --data directory's role files (src/store/parse-pool.ts).
await build({
  ...ourBundle,
  entryPoints: ['dist/store/parse-worker.js'],
  outfile: 'dist/bundle/parse-worker.cjs',
  external: ['yaml', 'js-yaml', 'zod'],
});
// The build id: a hash of the code as bundled. The --data cache keys its entries with it, so
// an entry made by other code (which may index or validate differently) is never served.
const hash = createHash('sha256');
for (const file of [
  'dist/bundle/main.cjs',
  'dist/bundle/import-esm.cjs',
  'dist/bundle/parse-worker.cjs',
])
  hash.update(readFileSync(file));
writeFileSync('dist/bundle/build-id', `${hash.digest('hex').slice(0, 32)}\n`);
console.log('bundle: dist/bundle/main.cjs, dist/bundle/build-id');

#!/usr/bin/env node
// Thin shim: all logic lives in the bundle. CommonJS, so a run never starts Node's ES module
// loader unless a command needs an ES module. `careers --version` alone is answered here, so
// the most common check does not load the program.
'use strict';

const BUNDLE = require('node:path').join(__dirname, '..', 'dist', 'bundle', 'main.cjs');
/** V8 code cache of the bundle, made by the build (scripts/code-cache.mjs). */
const CODE_CACHE = BUNDLE.replace(/\.cjs$/, '.cache');

/**
 * Loads the bundle as require() would, but compiled with the V8 code cache next to it, so V8
 * skips parsing and compiling the functions a look-up runs (about a tenth of its time). V8
 * rejects a cache made by another Node version or from another bundle, and then compiles the
 * bundle as usual. Returns the bundle's exports and its compiled script.
 */
function loadProgram({ useCache = true } = {}) {
  const { readFileSync } = require('node:fs');
  const { dirname } = require('node:path');
  const { Script, constants } = require('node:vm');
  const { createRequire, wrap } = require('node:module');
  let cachedData;
  try {
    if (useCache) cachedData = readFileSync(CODE_CACHE);
  } catch {
    // No cache: compile from source.
  }
  const script = new Script(wrap(readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { program: module.exports, script };
}

/**
 * Ends the run with `code` once stdout and stderr have taken everything written to them (a pipe
 * may still hold some). Waiting for the event loop to empty instead leaves a gap at the end in
 * which Node has already closed its signal handlers: a Ctrl-C there killed a run whose work was
 * done (an export's file written) by the signal itself, and the shell reported 130.
 */
function exitWhenFlushed(code) {
  process.exitCode = code;
  let open = 2;
  const flushed = () => {
    if (--open === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    // A failed stream is left to its 'error' handler (cli/main.ts): stdout's ends the run with
    // exit 4 (0 for a closed pipe); a stderr that failed loses its text, not the exit code.
    if (stream.errored) {
      if (stream === process.stderr) flushed();
    } else if (stream.writableLength === 0) flushed();
    // Only a pipe holds text back (files and terminals are written at once): an empty write's
    // callback runs once what came before it is out.
    else stream.write('', (err) => err || flushed());
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
    process.stdout.write(`${require('../package.json').version}\n`);
  } else {
    loadProgram().program.main(process.argv).then(exitWhenFlushed);
  }
}

module.exports = { loadProgram, CODE_CACHE };

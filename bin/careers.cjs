#!/usr/bin/env node
// Thin shim: all logic lives in the bundle. CommonJS, so a run never starts Node's ES module
// loader unless a command needs an ES module. `careers --version` alone is answered here, so
// the most common check does not load the program.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/bundle/main.cjs')
    .main(process.argv)
    .then((code) => {
      process.exitCode = code;
    });
}

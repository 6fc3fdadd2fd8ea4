#!/usr/bin/env node
// Thin shim: all logic lives in the built entry point. `careers --version` alone is answered
// here, so the most common check does not load the whole program.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(process.argv);
}

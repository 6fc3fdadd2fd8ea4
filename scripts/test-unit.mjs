// npm run test:unit [-- <test files or patterns> <jest flags>]: the fast loop. Runs the unit tests
// (all of them, or the ones named) with the ES module flag jest needs, no build first: unit
// tests import the TypeScript sources directly. (e2e tests spawn the built binary: npm test.)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url)
  .resolve('jest/package.json')
  .replace(/package\.json$/, 'bin/jest.js');
const args = process.argv.slice(2);
const named = args.some((a) => !a.startsWith('-'));
const r = spawnSync(process.execPath, [jest, ...(named ? [] : ['__tests__/unit']), ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
  },
});
process.exit(r.status ?? 1);

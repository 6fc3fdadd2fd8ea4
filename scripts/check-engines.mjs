// Fails when a package in the lockfile declares an engines.node range that excludes Node 20:
// runtime packages must run on the package's own floor (engines.node), development packages on
// the Node 20 that CI has. Run by `npm run lint`.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const floor = semver.minVersion(lock.packages[''].engines.node).version;
const CI_NODE = '20.19.0';
const bad = Object.entries(lock.packages ?? {})
  .filter(([path, p]) => path && !p.optional && p.engines?.node)
  .map(([path, p]) => ({
    name: path.replace(/^.*node_modules\//, ''),
    p,
    need: p.dev ? CI_NODE : floor,
  }))
  .filter(({ p, need }) => !semver.satisfies(need, p.engines.node, { includePrerelease: true }))
  .map(
    ({ name, p, need }) => `${name}@${p.version} needs node ${p.engines.node} (checked ${need})`,
  );
if (bad.length > 0) {
  console.error(`Packages that do not run on our Node versions:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`engines: runtime packages run on Node ${floor}, development packages on ${CI_NODE}`);

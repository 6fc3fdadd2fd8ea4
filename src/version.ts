import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import { readFileSync } from 'node:fs';

/** The package version, read from the package.json beside src/ and dist/. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

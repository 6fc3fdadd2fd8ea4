/**
 * The built-in data, compiled at build time (scripts/compile-data.mjs) into one validated pack
 * with its search index (store/pack.ts), so a look-up on the built-in data parses no YAML, runs no
 * schema checks and builds no index.
 *
 * An installed package trusts its own build: it always reads the pack (file times say nothing
 * there: npm unpacks data/ after dist/). In a development checkout, where data/ is edited, the
 * pack is used only while it was compiled from data/ as it is now: its key records a checksum
 * of the content of every data file. Otherwise the YAML is loaded as usual.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
import { dataFiles } from '../data/dirs.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { readPack, type Pack } from './pack.js';

/** Where the build writes the compiled data, next to the compiled code. */
export const COMPILED_FILE = join(PACKAGE_ROOT, 'dist', 'data.pack');

/**
 * The key of the built-in pack compiled from a data directory: the number of data files, a
 * CRC-32 over their names and bytes (an edit, an added or a removed file changes it), and one
 * over their names, sizes and modification times (a cheaper first check, see readCompiled).
 */
export function compiledKey(dataDir: string): string {
  const files = dataFiles(dataDir);
  return `built-in ${files.length} ${contentSum(dataDir, files)} ${statSum(dataDir, files)}`;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function contentSum(dataDir: string, files: string[]): string {
  let sum = 0;
  for (const file of files) {
    sum = crc32(`${relative(dataDir, file)}\0`, sum);
    sum = crc32(readFileSync(file), sum);
  }
  return hex(sum);
}

function statSum(dataDir: string, files: string[]): string {
  const lines = files.map((f) => {
    const st = statSync(f);
    return `${relative(dataDir, f)}\t${st.size}\t${st.mtimeMs}`;
  });
  return hex(crc32(lines.join('\n')));
}

/**
 * True in a development checkout: the sources are beside the build (an installed package ships
 * no src/; see "files" in package.json).
 */
export function isCheckout(): boolean {
  return existsSync(join(PACKAGE_ROOT, 'src'));
}

/**
 * In a checkout, whether a pack's key says it was compiled from data/ as it is now: its files'
 * sizes and times are those it recorded (a few stats), or else their content is (read whole).
 */
function compiledFrom(key: string, dataDir: string): boolean {
  const [, count, content, stats] = key.split(' ');
  const files = dataFiles(dataDir);
  if (String(files.length) !== count) return false;
  return statSum(dataDir, files) === stats || contentSum(dataDir, files) === content;
}

/**
 * The compiled built-in data; undefined when it is missing or unreadable, or, in a checkout,
 * compiled from other data than data/ holds now.
 */
export function readCompiled(dataDir: string): Pack | undefined {
  const pack = readPack(COMPILED_FILE, undefined, () => [
    'Rebuild it with "npm run build", or reinstall careers.',
  ]);
  if (!pack || !isCheckout()) return pack;
  try {
    return compiledFrom(pack.key, dataDir) ? pack : undefined;
  } catch {
    return undefined;
  }
}

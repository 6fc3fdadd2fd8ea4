/**
 * Reading standard input with a size limit: in chunks, stopping as soon as the limit is
 * passed, so `yes | careers quiz --answers -` ends at once instead of filling memory.
 */
import { readSync } from 'node:fs';
import { UsageError } from '../errors.js';

const CHUNK = 64 * 1024;

/** Sleeps `ms` without spinning (stdin may be non-blocking and empty for a moment). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * All of stdin (fd 0) as bytes; more than `limit` bytes is a UsageError naming `what`, raised
 * after reading at most limit + 1 bytes.
 */
export function readStdinBytes(limit: number, what: string, fd = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if (code === 'EOF') break; // Windows: a closed pipe
      throw err;
    }
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    if (total > limit)
      throw new UsageError(
        `${what}: more than ${limit} bytes; the limit is ${limit / 1024 ** 2} MiB`,
      );
  }
  return Buffer.concat(chunks, total);
}

/**
 * Words for file system errors that would otherwise surface as Node's own text.
 */

/** An error's code (ENOENT...) or message. */
export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOSPC') return 'no space left on the device';
  if (e?.code === 'ENAMETOOLONG') return 'the file name is too long';
  return e?.code ?? e?.message ?? String(err);
}

/** True for the error process.cwd() throws when the working directory was deleted. */
export function isCwdGone(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  return e?.code === 'ENOENT' && (e.syscall === 'uv_cwd' || /uv_cwd/.test(e.message ?? ''));
}

/** The message for an error caused by a deleted working directory, else undefined. */
export function cwdGoneMessage(err: unknown): string | undefined {
  if (!isCwdGone(err)) return undefined;
  return 'the current directory no longer exists (it was deleted or moved); cd to an existing directory, or give absolute paths';
}

/** process.cwd(), or undefined when the working directory is gone. */
export function safeCwd(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/**
 * The JSON contract: every --json output is one document carrying schemaVersion.
 */

/** Bumped whenever a JSON shape changes; the CHANGELOG says what changed. */
export const SCHEMA_VERSION = 1;

/** Serialises one JSON document for stdout. */
export function renderJson(data: Record<string, unknown>): string {
  return (
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, currency: 'USD', ...data }, null, 2) + '\n'
  );
}

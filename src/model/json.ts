/**
 * The JSON contract: every --json output is one document carrying schemaVersion.
 */

/** Bumped whenever a JSON shape changes; the CHANGELOG says what changed. */
export const SCHEMA_VERSION = 2;

/**
 * Characters JSON.stringify leaves raw that could still drive a terminal or hide text when the
 * output is viewed: DEL, C1 controls, bidi marks, embeddings, overrides and isolates, and line
 * and paragraph separators (C0 controls it escapes itself).
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Replaces each such character by its \uXXXX escape: valid anywhere it can occur in JSON text. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Serialises one JSON document for stdout; no raw control or bidi character is left in it. */
export function renderJson(data: Record<string, unknown>): string {
  return escapeUnsafe(
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, currency: 'USD', ...data }, null, 2) + '\n',
  );
}

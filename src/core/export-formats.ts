/**
 * The formats and tables `careers export` offers. Kept apart from core/export.ts so that
 * defining the command costs nothing at start-up.
 */
import { extname } from 'node:path';

export const EXPORT_FORMATS = ['json', 'yaml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_TABLES = ['roles', 'skills', 'software', 'salary'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** The format a file name implies (".csv", ".yaml"/".yml", ".json"), if any. */
export function formatForFile(file: string): ExportFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  return undefined;
}

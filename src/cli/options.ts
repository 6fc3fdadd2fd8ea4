/**
 * Option parsers shared by commands; bad values become usage errors (exit 2).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  SORT_KEYS,
  explainNoMatch,
  filterRoles,
  industriesKnown,
  type RoleFilters,
} from '../core/filters.js';
import type { Role } from '../model/schema.js';
import { UsageError } from '../errors.js';
import type { Context } from './command-context.js';

/**
 * Parses a whole number ≥ min, for commander; `what` names it in the error ("a whole number of
 * dollars"). The error reads "must be …", completed by the option's name (see usageMessage).
 */
export function intOption(min: number, what = `a whole number ≥ ${min}`) {
  return (value: string): number => {
    // Number('') is 0: an empty value (an unset shell variable) would silently mean "no limit".
    if (value.trim() === '') throw new InvalidArgumentError(`must be ${what}, not an empty value`);
    const n = Number(value.replace(/[,_$]/g, ''));
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be ${what}`);
    return n;
  };
}

/**
 * The roles the filters keep; none is a note on stderr saying why (and exit 1 for the caller).
 * --industry is refused while the data cannot serve it.
 */
export function filteredRoles(ctx: Context, f: RoleFilters): Role[] {
  const catalog = ctx.catalog();
  if (f.industry !== undefined && !industriesKnown(catalog))
    throw new UsageError(
      '--industry is not offered yet: the data places almost no role in an industry from a source',
    );
  const roles = filterRoles(catalog, f);
  if (roles.length === 0)
    ctx.note(`careers: no role matches these filters: ${explainNoMatch(catalog, f).join('; ')}`);
  return roles;
}

/** Adds the role filters `list` and `export` share: --industry, --city, --tool, --min-salary, --sort. */
export function addFilterOptions(command: Command): Command {
  return (
    command
      // Not offered while the data places almost no role in an industry (see industriesKnown).
      .addOption(
        new Option('--industry <name>', 'only roles a source places in this industry').hideHelp(),
      )
      .option(
        '--city <name>',
        'only roles with figures or mentions for this city (e.g. NYC, Houston)',
      )
      .option('--tool <name>', 'only roles that use this software or tool (e.g. excel)')
      .option(
        '--min-salary <usd>',
        'only roles whose national median pay is at least this',
        intOption(0, 'a whole number of dollars'),
      )
      .addOption(new Option('--sort <key>', 'sort order').choices(SORT_KEYS).default('title'))
  );
}

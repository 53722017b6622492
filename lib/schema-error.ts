import { en } from 'zod/locales';
import { z } from 'zod/mini';

// Zod compiles fast paths with `new Function` when it may; extension pages and content scripts run
// under a CSP without eval, so skip even the probe (it would log CSP violations in the helpdesk).
z.config({ jitless: true });
// zod/mini (the content script's schemas, kept small) loads no locale by itself; without one every issue
// would read "Invalid input". Classic zod would install English too, but only once a classic schema exists.
z.config(en());

/** One problem found in validated input: where it is and what is wrong. */
export interface SchemaIssue {
  /** Dotted path with array indexes, e.g. `weekly.mon[0][1]`; empty for the root. */
  path: string;
  message: string;
}

/**
 * Thrown when input from outside (stored config, an imported file, helpdesk JSON, a message)
 * does not match its schema. The message names every offending field, so a user can fix it.
 */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  constructor(
    readonly what: string,
    readonly issues: readonly SchemaIssue[],
  ) {
    super(`Invalid ${what}: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`);
  }
}

/**
 * Formats a Zod issue path the way people write it in JSON tools.
 *
 * @example
 * formatIssuePath(['weekly', 'mon', 0, 1]) // => 'weekly.mon[0][1]'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Parses `input` with `schema`, throwing a {@link SchemaError} that lists each offending field.
 *
 * @example
 * parseOrThrow(z.object({ a: z.number() }), { a: 'x' }, 'settings')
 * // throws SchemaError('Invalid settings: a: Invalid input: expected number, received string')
 */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  // The functional form takes classic and mini schemas alike (both are built on zod/v4/core).
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw new SchemaError(what, flattenIssues(result.error.issues, []));
}

/**
 * A failed union ("Invalid input") tells the user nothing; report the issues of the alternative
 * that came closest (fewest issues), so the message names the field that is actually wrong.
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): SchemaIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) return flattenIssues(closest, path);
    }
    return [{ path: formatIssuePath(path), message: issue.message }];
  });
}

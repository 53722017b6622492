import type { DateTime } from 'luxon';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { isoInstant } from '../registry/instants.ts';
import { HELPDESK_IDS, isoInstantSchema, type HelpdeskId } from '../ticket.ts';
import { readStored, type Stored } from './stored-value.ts';

/** What the content script last saw on one helpdesk site, for the options page. */
export const siteDiagnosticsSchema = z.strictObject({
  helpdesk: z.enum(HELPDESK_IDS).nullable(),
  /** Did the adapter recognize the page? */
  recognized: z.boolean(),
  pageKind: z.enum(['ticket', 'list', 'other']),
  ticketsRead: z.number().int().nonnegative(),
  lastTicketId: z.string().optional(),
  /** When a ticket was last read on this site. */
  lastTicketAt: z.optional(isoInstantSchema),
  lastError: z.string().optional(),
  lastErrorAt: z.optional(isoInstantSchema),
  reportedAt: isoInstantSchema,
});
export type SiteDiagnostics = z.output<typeof siteDiagnosticsSchema>;

/** By origin. */
export const diagnosticsSchema = z.record(z.string(), siteDiagnosticsSchema);
export type Diagnostics = z.output<typeof diagnosticsSchema>;

export const diagnosticsItem = storage.defineItem<Diagnostics>('local:diagnostics', { fallback: {}, version: 1, migrations: {} });

/** One report from a content script (the `reportDiagnostics` message). */
export interface DiagnosticsReport {
  origin: string;
  helpdesk: HelpdeskId | null;
  pageKind: 'ticket' | 'list' | 'other';
  recognized: boolean;
  ticketsRead: number;
  lastTicketId?: string | undefined;
  error?: string | undefined;
}

/** Sites kept: the most recently reported. */
export const MAX_DIAGNOSED_SITES = 50;

/**
 * Diagnostics with a new report merged in: the last ticket and the last error are kept until a newer
 * one replaces them (a later clean page must not hide why the previous one failed). Does not mutate
 * `previous`.
 *
 * @example
 * mergeDiagnostics({}, { origin: 'https://acme.zendesk.com', helpdesk: 'zendesk', pageKind: 'ticket', recognized: true, ticketsRead: 1, lastTicketId: '42' }, now)
 * // => { 'https://acme.zendesk.com': { helpdesk: 'zendesk', recognized: true, pageKind: 'ticket', ticketsRead: 1, lastTicketId: '42', lastTicketAt: '…', reportedAt: '…' } }
 */
export function mergeDiagnostics(previous: Diagnostics, report: DiagnosticsReport, now: DateTime): Diagnostics {
  const at = isoInstant(now);
  const before = previous[report.origin];
  const site: SiteDiagnostics = {
    helpdesk: report.helpdesk,
    recognized: report.recognized,
    pageKind: report.pageKind,
    ticketsRead: report.ticketsRead,
    lastTicketId: report.lastTicketId ?? before?.lastTicketId,
    lastTicketAt: report.lastTicketId !== undefined ? at : before?.lastTicketAt,
    lastError: report.error ?? before?.lastError,
    lastErrorAt: report.error !== undefined ? at : before?.lastErrorAt,
    reportedAt: at,
  };
  const sites = Object.entries({ ...previous, [report.origin]: site })
    .sort(([, a], [, b]) => b.reportedAt.localeCompare(a.reportedAt))
    .slice(0, MAX_DIAGNOSED_SITES);
  return Object.fromEntries(sites);
}

/**
 * The diagnostics, validated.
 *
 * @example
 * const { value: diagnostics } = await readDiagnostics();
 */
export function readDiagnostics(): Promise<Stored<Diagnostics>> {
  return readStored(diagnosticsItem, diagnosticsSchema, 'diagnostics');
}

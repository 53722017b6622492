import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { parseOrThrow } from '../schema-error.ts';
import { ticketSchema, type Ticket } from '../ticket.ts';

/**
 * The part of the background worker's ticket registry the reports read: every entry's ticket.
 * TODO: once branch `background-popup` is on main, replace this schema and the read below with
 * `readTicketRegistry()` from lib/storage/ticket-registry-storage.ts (same item, `local:ticket-registry`,
 * written by the background only) and drop this file's ESLint exception.
 */
const registryTicketsSchema = z.looseObject({ entries: z.record(z.string(), z.looseObject({ ticket: ticketSchema })) });

/**
 * Every ticket the extension has seen (persisted by the background worker), validated. Nothing
 * stored yet is an empty list; a stored value that does not validate throws a SchemaError naming
 * the field, so the page can say why instead of reporting an empty month.
 *
 * @example
 * const tickets = await loadRegistryTickets();
 * monthlyCompliance(tickets, config, '2026-11', now);
 */
export async function loadRegistryTickets(): Promise<Ticket[]> {
  const stored = await storage.getItem<unknown>('local:ticket-registry');
  if (stored === null) return [];
  return Object.values(parseOrThrow(registryTicketsSchema, stored, 'stored tickets').entries).map((entry) => entry.ticket);
}

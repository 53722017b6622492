import { readTicketRegistry } from '../storage/ticket-registry-storage.ts';
import type { Ticket } from '../ticket.ts';

/**
 * Every ticket the extension has seen (the background worker's registry), validated. Nothing stored
 * yet is an empty list; a stored registry that does not validate throws, naming the field, so the
 * page can say why instead of reporting an empty month.
 *
 * @example
 * const tickets = await loadRegistryTickets();
 * monthlyCompliance(tickets, config, '2026-11', now);
 */
export async function loadRegistryTickets(): Promise<Ticket[]> {
  const { value, problem } = await readTicketRegistry();
  if (problem !== undefined) throw new Error(problem);
  return Object.values(value.entries).map((entry) => entry.ticket);
}

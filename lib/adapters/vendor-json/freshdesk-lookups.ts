import { z } from 'zod/mini';
import { parseOrThrow } from '../../schema-error.ts';
import { TICKET_STATUSES } from '../../ticket.ts';
import type { HelpdeskSource } from '../types.ts';
import { freshdeskAgentSchema, freshdeskGroupSchema, freshdeskTicketFieldsSchema, type FreshdeskTicket } from './freshdesk.ts';

/*
 * What a Freshdesk ticket refers to by id (agents, groups, field labels) and the site's own status
 * meanings: read once per batch of tickets, each distinct id once.
 */

const siteOptionsSchema = z.looseObject({
  /** What the account's custom statuses mean for the clocks, e.g. `{ "8": "pending" }`. */
  customStatuses: z.optional(z.record(z.string().check(z.regex(/^\d+$/, 'expected a status number')), z.enum(TICKET_STATUSES))),
});

/**
 * Reads an extra (names, labels, time entries): a plan without time tracking answers 403, and the
 * ticket still reads, so a failed request is `undefined`, while a malformed answer is still an error.
 *
 * @example
 * await readOptional(source, '/api/v2/tickets/1042/time_entries', freshdeskTimeEntriesSchema, 'Freshdesk time entries') // => undefined on 403
 */
export async function readOptional<T>(source: HelpdeskSource, path: string, schema: z.ZodMiniType<T>, what: string): Promise<T | undefined> {
  const json: unknown = await source.getJson(path).catch(() => undefined);
  return json === undefined ? undefined : parseOrThrow(schema, json, what);
}

/**
 * The field labels, agents and groups that `tickets` refer to, and the site's custom status meanings.
 *
 * @example
 * (await readLookups(source, [ticket])).agents.get(ticket.responder_id)?.name // => 'Ana Agent'
 */
export async function readLookups(source: HelpdeskSource, tickets: FreshdeskTicket[]) {
  const each = <T>(ids: (number | null)[], path: string, schema: z.ZodMiniType<T>) => {
    const distinct = [...new Set(ids.filter((id) => id !== null))];
    return Promise.all(distinct.map((id) => readOptional(source, `${path}/${id}`, schema, `Freshdesk ${path}/${id}`)));
  };
  const [fields, agents, groups] = await Promise.all([
    readOptional(source, '/api/v2/ticket_fields', freshdeskTicketFieldsSchema, 'Freshdesk ticket fields'),
    each(tickets.map((ticket) => ticket.responder_id), '/api/v2/agents', freshdeskAgentSchema),
    each(tickets.map((ticket) => ticket.group_id), '/api/v2/groups', freshdeskGroupSchema),
  ]);
  return {
    origin: source.origin,
    options: parseOrThrow(siteOptionsSchema, source.site?.options ?? {}, 'Freshdesk site options'),
    labels: new Map(fields?.map((field) => [field.name, field.label])),
    agents: new Map(agents.flatMap((agent) => (agent ? [[agent.id, agent.contact] as const] : []))),
    groups: new Map(groups.flatMap((group) => (group ? [[group.id, group.name] as const] : []))),
  };
}


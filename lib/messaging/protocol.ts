import { z } from 'zod/mini';
import { ticketEvaluationSchema } from '../plans/evaluation-schema.ts';
import { siteSchema } from '../plans/site-schema.ts';
import { queuePinRefSchema, queuePinSchema, queuePinsSchema } from '../registry/queue-pins.ts';
import { pinRefreshSchema } from '../registry/refresh-plan.ts';
import { HELPDESK_IDS, ticketSchema } from '../ticket.ts';

/**
 * Every message between the extension's contexts, declared once with Zod schemas for the request
 * and the response (both validated on arrival: messages are a boundary too).
 * Direction is in the comment: CS = content script, BG = background, UI = popup / options / reports.
 */
export const protocol = {
  /** CS → BG: tickets read on a helpdesk page; BG keeps them in the registry and returns their clocks. */
  evaluateTickets: {
    request: z.strictObject({ tickets: z.array(ticketSchema).check(z.maxLength(1000)), pageUrl: z.url() }),
    response: z.strictObject({
      evaluations: z.array(ticketEvaluationSchema),
      /** False when no plan is configured yet (the page then shows a hint instead of clocks). */
      configured: z.boolean(),
    }),
  },
  /**
   * CS → BG: the configured self-hosted or generic site of this page, if any. The content script asks
   * instead of loading the whole configuration itself (it stays small, and the background owns config).
   */
  siteForPage: {
    request: z.strictObject({ pageUrl: z.url() }),
    response: z.strictObject({ site: z.nullable(siteSchema) }),
  },
  /** CS → BG: what the adapter saw on a page, for the options page's diagnostics. */
  reportDiagnostics: {
    request: z.strictObject({
      origin: z.string(),
      helpdesk: z.nullable(z.enum(HELPDESK_IDS)),
      pageKind: z.enum(['ticket', 'list', 'other']),
      recognized: z.boolean(),
      ticketsRead: z.number().check(z.int(), z.nonnegative()),
      lastTicketId: z.optional(z.string()),
      error: z.optional(z.string()),
    }),
    response: z.strictObject({}),
  },
  /** UI → BG: re-read open tickets and pinned queues from the helpdesks now. */
  refreshQueue: {
    request: z.strictObject({}),
    response: z.strictObject({ refreshed: z.number().check(z.int(), z.nonnegative()), failed: z.array(z.string()) }),
  },
  /** UI → BG: pin a helpdesk queue (view, filter, overview, saved search) so the background keeps the whole team's tickets current. */
  pinQueue: {
    request: queuePinSchema,
    response: z.strictObject({ pins: queuePinsSchema }),
  },
  /** UI → BG: stop following a pinned queue. */
  unpinQueue: {
    request: queuePinRefSchema,
    response: z.strictObject({ pins: queuePinsSchema }),
  },
  /** UI → BG: the pinned queues and how their last background read went. */
  listQueuePins: {
    request: z.strictObject({}),
    response: z.strictObject({ pins: z.array(z.extend(queuePinSchema, { status: pinRefreshSchema })) }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type MessageRequest<N extends MessageName> = z.input<Protocol[N]['request']>;
export type MessageResponse<N extends MessageName> = z.output<Protocol[N]['response']>;

/** The envelope on the wire. */
export const envelopeSchema = z.strictObject({ slaLens: z.literal(1), name: z.string(), data: z.unknown() });

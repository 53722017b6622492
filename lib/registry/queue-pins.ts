import { z } from 'zod/mini';
import { HELPDESK_IDS } from '../ticket.ts';
import { originSchema } from './ticket-registry.ts';

/**
 * Which queue of a helpdesk a pin refers to; `queueId` is the helpdesk's own: a Zendesk view id, a
 * Freshdesk filter, a JSM `serviceDeskId/queueId`, a Zammad overview link, an RT TicketSQL search.
 */
export const queuePinRefSchema = z.strictObject({
  origin: originSchema,
  helpdesk: z.enum(HELPDESK_IDS),
  queueId: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(2000)),
});
export type QueuePinRef = z.output<typeof queuePinRefSchema>;

/** A helpdesk queue a team lead pinned, so the background keeps the whole team's tickets current. */
export const queuePinSchema = z.extend(queuePinRefSchema, { label: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200)) });
export type QueuePin = z.output<typeof queuePinSchema>;

export const queuePinsSchema = z.array(queuePinSchema).check(z.maxLength(100));

/**
 * The key of a pin (one per helpdesk site and queue).
 *
 * @example
 * pinKey({ origin: 'https://acme.zendesk.com', helpdesk: 'zendesk', queueId: '360001' }) // => 'zendesk|https://acme.zendesk.com|360001'
 */
export function pinKey(pin: QueuePinRef): string {
  return `${pin.helpdesk}|${pin.origin}|${pin.queueId}`;
}

/**
 * Pins with `pin` added, or relabelled when the same queue is already pinned. Does not mutate `pins`.
 *
 * @example
 * addPin([], { origin: 'https://acme.zendesk.com', helpdesk: 'zendesk', queueId: '360001', label: 'Tier 2' }).length // => 1
 */
export function addPin(pins: readonly QueuePin[], pin: QueuePin): QueuePin[] {
  const key = pinKey(pin);
  const index = pins.findIndex((candidate) => pinKey(candidate) === key);
  return index === -1 ? [...pins, pin] : pins.map((candidate, at) => (at === index ? pin : candidate));
}

/**
 * Pins without the one `ref` refers to. Does not mutate `pins`.
 *
 * @example
 * removePin([tier2], { origin: tier2.origin, helpdesk: tier2.helpdesk, queueId: tier2.queueId }) // => []
 */
export function removePin(pins: readonly QueuePin[], ref: QueuePinRef): QueuePin[] {
  const key = pinKey(ref);
  return pins.filter((candidate) => pinKey(candidate) !== key);
}

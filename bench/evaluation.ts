/**
 * The SLA evaluator on a realistic queue: 10,000 tickets of 20 events each under a mixed
 * configuration (all four seed plans, customers in several zones), evaluated at one instant.
 */
import { DateTime } from 'luxon';
import { emptyConfig, evaluateTicket, parseConfig, withTemplate, type ConfigInput } from '../lib/plans/index.ts';
import { parseTicket, type Ticket, type TicketEvent } from '../lib/ticket.ts';
import { seededRandom, type BenchRow } from './workload.ts';

const TICKETS = 10_000;
const EVENTS_PER_TICKET = 20;

/** The four seed plans and eight customers matched by domain, in five zones. */
export function mixedConfig() {
  let input: ConfigInput = emptyConfig();
  for (const id of ['priority-support', 'neptune-basic', 'neptune-extended', 'otrs-subscription'] as const) input = withTemplate(input, id);
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago'];
  const plans = ['priority-support', 'neptune-basic', 'neptune-extended', 'otrs-subscription'];
  input.customers = Array.from({ length: 8 }, (_, i) => ({
    id: `customer-${i}`,
    name: `Customer ${i}`,
    timezone: zones[i % zones.length],
    rules: [{ emailDomain: `customer${i}.example` }],
    contracts: [{ plan: plans[i % plans.length] as string, monthlyFee: { amount: 800, currency: 'USD' } }],
    namedContacts: [`user0@customer${i}.example`, `user1@customer${i}.example`],
  }));
  return parseConfig(input);
}

/** Tickets created over the two weeks before `now`, alternating customer and agent, with status and priority changes. */
export function syntheticTickets(count: number, now: DateTime, seed: number): Ticket[] {
  const random = seededRandom(seed);
  const priorities = ['urgent', 'high', 'normal', 'low'];
  const channels = ['email', 'web', 'portal'] as const;
  return Array.from({ length: count }, (_, i) => {
    const createdMs = now.toMillis() - Math.floor(random() * 14 * 86_400_000);
    const events: TicketEvent[] = [{ at: new Date(createdMs).toISOString(), type: 'customer_message' }];
    let at = createdMs;
    for (let e = 1; e < EVENTS_PER_TICKET && at < now.toMillis(); e++) {
      at += Math.floor(random() * 6 * 3_600_000);
      if (at >= now.toMillis()) break;
      const kind = random();
      const event: TicketEvent =
        kind < 0.4
          ? { at: new Date(at).toISOString(), type: e % 2 === 0 ? 'customer_message' : 'agent_reply' }
          : kind < 0.55
            ? { at: new Date(at).toISOString(), type: 'internal_note' }
            : kind < 0.8
              ? { at: new Date(at).toISOString(), type: 'status_change', status: (['open', 'pending', 'open', 'on_hold'] as const)[e % 4] }
              : kind < 0.9
                ? { at: new Date(at).toISOString(), type: 'priority_change', priority: priorities[Math.floor(random() * 4)] }
                : { at: new Date(at).toISOString(), type: e % 2 === 0 ? 'agent_reply' : 'customer_message' };
      events.push(event);
    }
    return parseTicket({
      id: String(i + 1),
      helpdesk: 'zendesk',
      subject: `Ticket ${i + 1}`,
      requester: { email: `user${i % 3}@customer${i % 8}.example` },
      tags: [],
      priority: priorities[i % 4],
      status: random() < 0.15 ? 'solved' : 'open',
      channel: channels[i % 3],
      createdAt: new Date(createdMs).toISOString(),
      events,
      complete: true,
    });
  });
}

export function benchEvaluation(log: (line: string) => void): BenchRow[] {
  const now = DateTime.fromISO('2026-11-23T15:00:00Z', { zone: 'utc' });
  const config = mixedConfig();
  const tickets = syntheticTickets(TICKETS, now, 7);
  let clocks = 0;
  // Warm up once (compiles calendars, expands holidays and JIT-compiles, as a running worker would have).
  for (const ticket of tickets) evaluateTicket(ticket, config, now);
  const timings: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (const ticket of tickets) clocks += evaluateTicket(ticket, config, now).clocks.length;
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const medianMs = timings[2] as number;
  log(`evaluation: ${TICKETS} tickets × ${EVENTS_PER_TICKET} events in ${medianMs.toFixed(0)} ms (median of 5; ${Math.round(clocks / 5)} clocks per round)`);
  return [
    {
      suite: 'evaluation',
      case: `${TICKETS}-tickets-${EVENTS_PER_TICKET}-events-mixed-plans`,
      opsPerSec: TICKETS / (medianMs / 1000),
      peer: null,
      peerOpsPerSec: null,
      note: `${medianMs.toFixed(0)} ms for ${TICKETS} tickets (target < 200 ms)`,
    },
  ];
}

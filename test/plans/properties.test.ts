/** Properties of the evaluator over random tickets and random breakage of valid configurations. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evaluateTicket, parseConfig, ticketEvaluationSchema, type Clock } from '../../lib/plans/index.ts';
import { SchemaError } from '../../lib/schema-error.ts';
import { TICKET_CHANNELS, TICKET_STATUSES, parseTicket, type TicketEvent } from '../../lib/ticket.ts';
import { scenarioConfig } from './scenario-config.ts';

const config = scenarioConfig();
const HOUR = 3_600_000;
const start = Date.parse('2026-11-01T00:00:00Z');

const eventArbitrary = fc.record({
  gapMinutes: fc.integer({ min: 0, max: 36 * 60 }),
  type: fc.constantFrom('customer_message', 'agent_reply', 'internal_note', 'status_change', 'priority_change' as const),
  status: fc.constantFrom(...TICKET_STATUSES),
  priority: fc.constantFrom('urgent', 'high', 'normal', 'low', '5 very high', 'nonsense'),
});

const ticketArbitrary = fc
  .record({
    createdOffsetHours: fc.integer({ min: 0, max: 28 * 24 }),
    requester: fc.constantFrom('ann@acme.example', 'kim@globex.example', 'pat@initech.example', 'eve@umbrella.example', 'mallory@umbrella.example', 'me@ourcompany.example', 'x@nowhere.example'),
    helpdesk: fc.constantFrom('zendesk', 'znuny', 'request-tracker', 'freshdesk' as const),
    priority: fc.option(fc.constantFrom('urgent', 'high', 'normal', 'low', '3 normal'), { nil: undefined }),
    channel: fc.option(fc.constantFrom(...TICKET_CHANNELS), { nil: undefined }),
    status: fc.constantFrom(...TICKET_STATUSES),
    complete: fc.boolean(),
    impact: fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }),
    timeSpent: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    events: fc.array(eventArbitrary, { maxLength: 20 }),
  })
  .map((draft) => {
    const createdMs = start + draft.createdOffsetHours * HOUR;
    let atMs = createdMs;
    const events: TicketEvent[] = [{ at: new Date(createdMs).toISOString(), type: 'customer_message' }];
    for (const event of draft.events) {
      atMs += event.gapMinutes * 60_000;
      const at = new Date(atMs).toISOString();
      if (event.type === 'status_change') events.push({ at, type: event.type, status: event.status });
      else if (event.type === 'priority_change') events.push({ at, type: event.type, priority: event.priority });
      else events.push({ at, type: event.type });
    }
    return {
      lastEventMs: atMs,
      ticket: parseTicket({
        id: '42',
        helpdesk: draft.helpdesk,
        subject: 'Random',
        requester: { email: draft.requester },
        ...(draft.requester === 'pat@initech.example' ? { organization: 'Initech' } : {}),
        tags: [],
        ...(draft.priority === undefined ? {} : { priority: draft.priority }),
        ...(draft.channel === undefined ? {} : { channel: draft.channel }),
        status: draft.status,
        createdAt: new Date(createdMs).toISOString(),
        events,
        complete: draft.complete,
        ...(draft.impact === undefined ? {} : { fields: { Impact: draft.impact } }),
        ...(draft.timeSpent === undefined ? {} : { timeSpentMinutes: draft.timeSpent }),
      }),
    };
  });

describe('evaluateTicket on any valid input', () => {
  it('never throws and always returns a schema-valid evaluation', () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: -48, max: 24 * 40 }), ({ ticket }, hoursAfterCreation) => {
        const now = DateTime.fromMillis(Date.parse(ticket.createdAt) + hoursAfterCreation * HOUR, { zone: 'utc' });
        const evaluation = evaluateTicket(ticket, config, now);
        expect(ticketEvaluationSchema.safeParse(evaluation).success).toBe(true);
        for (const clock of evaluation.clocks) {
          if (clock.deadline !== null && clock.state === 'running') expect(Date.parse(clock.deadline)).toBeGreaterThanOrEqual(now.toMillis());
          if (clock.nextChangeAt !== null) expect(Date.parse(clock.nextChangeAt)).toBeGreaterThan(now.toMillis());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('more elapsed time never un-breaches a clock, and elapsed time never goes down', () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: 0, max: 24 * 10 }), fc.integer({ min: 1, max: 24 * 20 }), ({ ticket, lastEventMs }, afterLast, later) => {
        // Both instants come after every event, so nothing new happens between them.
        const t1 = DateTime.fromMillis(lastEventMs + afterLast * HOUR, { zone: 'utc' });
        const t2 = t1.plus({ hours: later });
        const before = evaluateTicket(ticket, config, t1).clocks;
        const after = new Map<string, Clock>(evaluateTicket(ticket, config, t2).clocks.map((clock) => [clock.metric, clock]));
        for (const clock of before) {
          const next = after.get(clock.metric);
          expect(next).toBeDefined();
          if (!next) continue;
          if (clock.state === 'breached') expect(next.state).toBe('breached');
          if (clock.state === 'met' || clock.state === 'met_late') expect(next.state).toBe(clock.state);
          if (clock.metric !== 'average_response') expect(next.elapsedMinutes).toBeGreaterThanOrEqual(clock.elapsedMinutes);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseConfig rejects broken configurations, naming the field', () => {
  const valid = structuredClone(config);
  const breakages: [string, (c: Record<string, unknown> & typeof valid) => void, RegExp][] = [
    ['an unknown calendar', (c) => void ((c.plans['neptune-basic']?.versions[0]?.targets[0] as { calendar: string }).calendar = 'nope'), /plans\.neptune-basic\.versions\[0\]\.targets\[0\]\.calendar: unknown calendar "nope"/],
    ['a negative duration', (c) => void ((c.plans['priority-support']?.versions[0]?.targets[0]?.duration as { amount: number }).amount = -1), /plans\.priority-support\.versions\[0\]\.targets\[0\]\.duration\.amount/],
    ['an unknown time zone', (c) => void ((c.customers[2] as { timezone?: string }).timezone = 'Europe/Atlantis'), /customers\[2\]\.timezone: unknown time zone "Europe\/Atlantis"/],
    ['an unknown plan', (c) => void ((c.customers[1]?.contracts[0] as { plan: string }).plan = 'gold'), /customers\[1\]\.contracts\[0\]\.plan: unknown plan "gold"/],
    ['a bad hour', (c) => void (c.calendars['otrs-service-window'] = { kind: 'fixed', name: 'x', spec: { timezone: 'UTC', weekly: { mon: [['08:00', '25:00']] } } }), /calendars\.otrs-service-window\.spec\.weekly\.mon\[0\]\[1\]: invalid time "25:00"/],
    ['a duplicate target', (c) => void c.plans['neptune-basic']?.versions[0]?.targets.push(structuredClone(c.plans['neptune-basic'].versions[0].targets[0]!)), /duplicate target for urgent \/ first_response/],
    [
      'a missing version',
      (c) => {
        delete (c as { version?: number }).version;
      },
      /version: Invalid input: expected number/,
    ],
    ['a future version', (c) => void ((c as { version: number }).version = 99), /version: version 99 was written by a newer SLA Lens/],
    ['an unknown key', (c) => void ((c as Record<string, unknown>).colour = 'blue'), /Unrecognized key: "colour"/],
  ];
  it.each(breakages)('%s', (_name, breakIt, message) => {
    const broken = structuredClone(valid) as Record<string, unknown> & typeof valid;
    breakIt(broken);
    let error: unknown;
    try {
      parseConfig(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).message).toMatch(message);
  });
});

/**
 * Scenarios drawn from the seed documents, each with its reasoning. Times are UTC unless a zone is
 * named. November 2026: London is on GMT (UTC+0), Los Angeles on PST (UTC-8), Brisbane is UTC+10,
 * Berlin CET (UTC+1), New York EST (UTC-5).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evaluateTicket, type Clock, type TicketEvaluation } from '../../lib/plans/index.ts';
import { scenarioConfig, ticket } from './scenario-config.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const clock = (evaluation: TicketEvaluation, metric: Clock['metric']): Clock => {
  const found = evaluation.clocks.find((candidate) => candidate.metric === metric);
  if (!found) throw new Error(`no ${metric} clock; clocks: ${evaluation.clocks.map((c) => c.metric).join(', ')}`);
  return found;
};
const config = scenarioConfig();

describe('Priority Support (Octopus): 1 h first response, 1 h average, 24x5 follow-the-sun, email only', () => {
  it('a ticket late on Friday uses the last 90 minutes of US coverage', () => {
    // Fri 23:30Z is 15:30 in Los Angeles; the US team covers until 17:00 PST = Sat 01:00Z, so the hour ends at 00:30Z.
    const t = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-27T23:30:00Z' });
    const first = clock(evaluateTicket(t, config, at('2026-11-28T00:10:00Z')), 'first_response');
    expect(first).toMatchObject({ state: 'running', binding: true, deadline: '2026-11-28T00:30:00.000Z', remainingMinutes: 20, elapsedMinutes: 40 });
    // Warnings at 50 % elapsed (passed at 00:00Z) and 15 minutes left (at 00:15Z, the next change).
    expect(first.warning).toBe('warning');
    expect(first.nextChangeAt).toBe('2026-11-28T00:15:00.000Z');
    // Between evaluations the page counts down 1:1 until the US team closes at 01:00Z.
    expect(first.businessWindow).toEqual({ start: '2026-11-28T00:10:00.000Z', end: '2026-11-28T01:00:00.000Z' });
    expect(first.explanation.calendar.zones).toEqual(['Australia/Brisbane', 'Europe/London', 'America/Los_Angeles']);
  });

  it('a ticket after US coverage waits for Monday in Brisbane (Sun 21:00Z)', () => {
    const t = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-28T02:00:00Z' });
    const first = clock(evaluateTicket(t, config, at('2026-11-28T12:00:00Z')), 'first_response');
    expect(first).toMatchObject({ state: 'pending_start', elapsedMinutes: 0, deadline: '2026-11-29T22:00:00.000Z', nextChangeAt: '2026-11-29T21:00:00.000Z' });
    expect(first.businessWindow?.start).toBe('2026-11-29T21:00:00.000Z');
  });

  const conversation = [
    { at: '2026-11-23T10:00:00Z', type: 'customer_message' as const },
    { at: '2026-11-23T10:10:00Z', type: 'internal_note' as const },
    { at: '2026-11-23T10:20:00Z', type: 'agent_reply' as const },
    { at: '2026-11-23T11:00:00Z', type: 'customer_message' as const },
    { at: '2026-11-23T12:30:00Z', type: 'agent_reply' as const }, // 90 min
    { at: '2026-11-23T13:00:00Z', type: 'customer_message' as const },
    { at: '2026-11-23T13:20:00Z', type: 'agent_reply' as const }, // 20 min
    { at: '2026-11-23T14:00:00Z', type: 'customer_message' as const },
  ];

  it('the pending reply may take (3 × 60) − (90 + 20) = 70 minutes and keep the average within 1 h', () => {
    const t = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', events: conversation });
    const evaluation = evaluateTicket(t, config, at('2026-11-23T14:30:00Z'));
    // The internal note at 10:10 is not a reply: the first response was at 10:20.
    expect(clock(evaluation, 'first_response')).toMatchObject({ state: 'met', metAt: '2026-11-23T10:20:00.000Z', elapsedMinutes: 20 });
    const average = clock(evaluation, 'average_response');
    expect(average).toMatchObject({ state: 'running', deadline: '2026-11-23T15:10:00.000Z', remainingMinutes: 40 });
    expect(average.average).toEqual({ achievedMinutes: 55, responses: 2, budgetMinutes: 70 });
  });

  it('a reply within the budget keeps the average met; a late one misses it', () => {
    const onTime = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', events: [...conversation, { at: '2026-11-23T14:50:00Z', type: 'agent_reply' }] });
    expect(clock(evaluateTicket(onTime, config, at('2026-11-23T16:00:00Z')), 'average_response')).toMatchObject({ state: 'met', average: { responses: 3 } });
    const late = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', events: [...conversation, { at: '2026-11-23T15:30:00Z', type: 'agent_reply' }] });
    const average = clock(evaluateTicket(late, config, at('2026-11-23T16:00:00Z')), 'average_response');
    // (90 + 20 + 90) / 3 = 66.7 minutes > 60.
    expect(average.state).toBe('met_late');
    expect(average.average?.achievedMinutes).toBeCloseTo(66.67, 2);
  });

  it('there is no average to keep until the customer writes again after the first reply', () => {
    const t = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', events: conversation.slice(0, 3) });
    expect(evaluateTicket(t, config, at('2026-11-23T10:30:00Z')).clocks.map((c) => c.metric)).toEqual(['first_response']);
  });

  it('only email tickets count: a web ticket is shown but not binding', () => {
    const t = ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', channel: 'web' });
    const evaluation = evaluateTicket(t, config, at('2026-11-23T10:30:00Z'));
    expect(evaluation.eligibility.eligible).toBe(false);
    expect(evaluation.eligibility.issues[0]).toMatch(/channel "web" is not covered \(only email\)/);
    expect(evaluation.clocks.every((c) => !c.binding)).toBe(true);
  });

  it("only requesters at the customer's domain count, even when the organization matches", () => {
    const byOrganization = scenarioConfig((input) => {
      input.customers.find((c) => c.id === 'acme')?.rules.push({ organization: 'Acme Corp' });
    });
    const t = ticket({ requester: { email: 'bob@gmail.example' }, organization: 'Acme Corp', createdAt: '2026-11-23T10:00:00Z' });
    const evaluation = evaluateTicket(t, byOrganization, at('2026-11-23T10:30:00Z'));
    expect(evaluation.match).toMatchObject({ status: 'matched', customerId: 'acme', reason: 'rule 2 of Acme: organization "Acme Corp"' });
    expect(evaluation.eligibility.issues).toEqual(['bob@gmail.example is not at acme.example']);
  });

  it('a ticket is judged by the terms in force when it was created (2021 FAQ, then the 2023 Terms)', () => {
    const in2022 = evaluateTicket(ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2022-05-02T10:00:00Z' }), config, at('2022-05-02T10:30:00Z'));
    expect(in2022.match).toMatchObject({ status: 'matched', planName: 'Priority Support' });
    expect(in2022.match).not.toHaveProperty('planVersionFrom');
    const in2026 = evaluateTicket(ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z' }), config, at('2026-11-23T10:30:00Z'));
    expect(in2026.match).toMatchObject({ status: 'matched', planVersionFrom: '2023-08-01' });
    const before = evaluateTicket(ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2020-06-01T10:00:00Z' }), config, at('2020-06-01T10:30:00Z'));
    expect(before.match).toMatchObject({ status: 'no_plan', reason: expect.stringMatching(/no contract in force on 2020-06-01/) as unknown });
  });
});

describe("Neptune Basic: 8/5 in the customer's business hours", () => {
  const high = (createdAt: string, events: { at: string; type: 'customer_message' | 'agent_reply' }[]) =>
    ticket({ requester: { email: 'kim@globex.example' }, priority: 'high', createdAt, events });

  it('High: first response in 3 customer business days, then updates every other business day, in Berlin hours', () => {
    // Created Mon 16:00 CET (7 business hours into Monday) → Thu 16:00 CET. Replied Wed 10:00 CET (1 h in) → update due Fri 10:00 CET.
    const t = high('2026-11-23T15:00:00Z', [
      { at: '2026-11-23T15:00:00Z', type: 'customer_message' },
      { at: '2026-11-25T09:00:00Z', type: 'agent_reply' },
    ]);
    const early = evaluateTicket(t, config, at('2026-11-24T12:00:00Z'));
    expect(early.severity).toMatchObject({ id: 'high', derivedFrom: 'priority "high" in Zendesk' });
    expect(clock(early, 'first_response')).toMatchObject({ state: 'running', deadline: '2026-11-26T15:00:00.000Z', zone: 'Europe/Berlin' });
    const later = evaluateTicket(t, config, at('2026-11-26T12:00:00Z'));
    expect(clock(later, 'first_response')).toMatchObject({ state: 'met' });
    expect(clock(later, 'periodic_update')).toMatchObject({ state: 'running', binding: true, deadline: '2026-11-27T09:00:00.000Z' });
  });

  it("the customer's own holidays move the update: Friday closed in Berlin → Monday 10:00 CET", () => {
    const withHoliday = scenarioConfig((input) => {
      const globex = input.customers.find((c) => c.id === 'globex');
      if (globex) globex.holidays = [{ date: '2026-11-27', name: 'Company day' }];
    });
    const t = high('2026-11-23T15:00:00Z', [
      { at: '2026-11-23T15:00:00Z', type: 'customer_message' },
      { at: '2026-11-25T09:00:00Z', type: 'agent_reply' },
    ]);
    const update = clock(evaluateTicket(t, withHoliday, at('2026-11-26T12:00:00Z')), 'periodic_update');
    expect(update.deadline).toBe('2026-11-30T09:00:00.000Z');
    expect(update.explanation.holidays).toEqual([{ date: '2026-11-27', name: 'Company day', zone: 'Europe/Berlin' }]);
  });

  it('Medium is a suggested time: shown, breached, but never binding', () => {
    // Created Mon 2026-11-02 09:00 CET, at opening: six full business days (Mon 2 … Mon 9) end Mon 2026-11-09 17:00 CET.
    const t = ticket({ requester: { email: 'kim@globex.example' }, priority: 'normal', createdAt: '2026-11-02T08:00:00Z' });
    const first = clock(evaluateTicket(t, config, at('2026-11-23T12:00:00Z')), 'first_response');
    expect(first).toMatchObject({ state: 'breached', binding: false, deadline: '2026-11-09T16:00:00.000Z' });
    expect(first.explanation.notes).toContain('Suggested target, not contractually binding: never counted as a breach.');
  });
});

describe('Neptune Extended: urgent 2 h around the clock, updates every 2 h, 4 h of guidance per ticket', () => {
  const urgent = (extra: { timeSpentMinutes?: number } = {}) =>
    ticket({
      requester: { email: 'pat@gmail.example' },
      organization: 'Initech',
      priority: 'urgent',
      createdAt: '2026-11-28T03:00:00Z',
      events: [
        { at: '2026-11-28T03:00:00Z', type: 'customer_message' },
        { at: '2026-11-28T04:00:00Z', type: 'agent_reply' },
      ],
      ...extra,
    });

  it('a Saturday urgent ticket: reply within 2 h, then an update every 2 h', () => {
    const evaluation = evaluateTicket(urgent(), config, at('2026-11-28T05:30:00Z'));
    expect(evaluation.match).toMatchObject({ status: 'matched', customerId: 'initech', reason: 'rule 1 of Initech: organization "Initech"' });
    expect(clock(evaluation, 'first_response')).toMatchObject({ state: 'met', deadline: '2026-11-28T05:00:00.000Z' });
    // 30 minutes left is the warning threshold for updates.
    expect(clock(evaluation, 'periodic_update')).toMatchObject({ state: 'running', deadline: '2026-11-28T06:00:00.000Z', remainingMinutes: 30, warning: 'warning' });
  });

  it('Technical Guidance on Demand: used, near the limit, over it, or unknown when the helpdesk records no time', () => {
    const now = at('2026-11-28T05:30:00Z');
    expect(evaluateTicket(urgent({ timeSpentMinutes: 80 }), config, now).timeBudget).toEqual({ label: 'Technical Guidance on Demand', budgetMinutes: 240, usedMinutes: 80, state: 'ok' });
    expect(evaluateTicket(urgent({ timeSpentMinutes: 200 }), config, now).timeBudget?.state).toBe('warning');
    expect(evaluateTicket(urgent({ timeSpentMinutes: 250 }), config, now).timeBudget?.state).toBe('exceeded');
    expect(evaluateTicket(urgent(), config, now).timeBudget).toMatchObject({ usedMinutes: null, state: 'unknown' });
  });

  describe('a severity change mid-clock (High on New York hours → Urgent on 24x7 at 15:00Z)', () => {
    // Created Mon 12:00Z = 07:00 New York (closed until 09:00 EST = 14:00Z); escalated at 15:00Z; evaluated at 15:30Z.
    const escalated = ticket({
      requester: { email: 'pat@initech.example' },
      priority: 'urgent',
      createdAt: '2026-11-23T12:00:00Z',
      events: [
        { at: '2026-11-23T12:00:00Z', type: 'customer_message' },
        { at: '2026-11-23T12:00:00Z', type: 'priority_change', priority: 'high' },
        { at: '2026-11-23T15:00:00Z', type: 'priority_change', priority: 'urgent' },
      ],
    });
    const withPolicy = (policy: 'keep-elapsed' | 'retroactive' | 'restart') =>
      scenarioConfig((input) => {
        const version = input.plans['neptune-extended']?.versions[0];
        if (version) version.severityChange = policy;
      });
    it('keep-elapsed: 60 business minutes counted as High, 30 more on 24x7, 30 left of 2 h', () => {
      expect(clock(evaluateTicket(escalated, withPolicy('keep-elapsed'), at('2026-11-23T15:30:00Z')), 'first_response')).toMatchObject({
        state: 'running',
        elapsedMinutes: 90,
        deadline: '2026-11-23T16:00:00.000Z',
      });
    });
    it('retroactive: 2 h on 24x7 from creation ran out at 14:00Z', () => {
      expect(clock(evaluateTicket(escalated, withPolicy('retroactive'), at('2026-11-23T15:30:00Z')), 'first_response')).toMatchObject({
        state: 'breached',
        deadline: '2026-11-23T14:00:00.000Z',
      });
    });
    it('restart: 2 h from the escalation', () => {
      expect(clock(evaluateTicket(escalated, withPolicy('restart'), at('2026-11-23T15:30:00Z')), 'first_response')).toMatchObject({
        state: 'running',
        start: '2026-11-23T15:00:00.000Z',
        deadline: '2026-11-23T17:00:00.000Z',
      });
    });
  });
});

describe('OTRS subscription: impact levels, service window, named contacts, portal only', () => {
  const critical = (fields: Partial<Parameters<typeof ticket>[0]> = {}) =>
    ticket({ helpdesk: 'znuny', requester: { email: 'eve@umbrella.example' }, channel: 'portal', fields: { Impact: '3' }, createdAt: '2026-11-27T17:30:00Z', ...fields });

  it('a request outside the Service Level Window waits for the next window; critical resolution starts immediately', () => {
    // Fri 18:30 CET is after the 08:00–17:00 window: the response clock starts Mon 08:00 CET (07:00Z) and allows 2 window hours.
    const evaluation = evaluateTicket(critical(), config, at('2026-11-28T12:00:00Z'));
    expect(evaluation.severity).toMatchObject({ id: 'critical', derivedFrom: 'field Impact = "3" in Znuny' });
    expect(clock(evaluation, 'first_response')).toMatchObject({
      state: 'pending_start',
      start: '2026-11-30T07:00:00.000Z',
      deadline: '2026-11-30T09:00:00.000Z',
      nextChangeAt: '2026-11-30T07:00:00.000Z',
    });
    expect(clock(evaluation, 'first_response').explanation.start.reason).toMatch(/next service window/);
    // Resolution: 24 h on 24x7 from Fri 17:30Z; 18.5 h used by Sat 12:00Z, past the 75 % warning.
    expect(clock(evaluation, 'resolution')).toMatchObject({ state: 'running', deadline: '2026-11-28T17:30:00.000Z', elapsedMinutes: 1110, warning: 'warning' });
  });

  it('only the two named contacts and the portal count', () => {
    const stranger = evaluateTicket(critical({ requester: { email: 'mallory@umbrella.example' } }), config, at('2026-11-28T12:00:00Z'));
    expect(stranger.eligibility.issues).toEqual(['mallory@umbrella.example is not a named contact of Umbrella']);
    const byEmail = evaluateTicket(critical({ channel: 'email' }), config, at('2026-11-28T12:00:00Z'));
    expect(byEmail.eligibility.issues).toEqual(['channel "email" is not covered (only portal, web)']);
  });

  const pendingTimeline = (customerWroteAt?: string) =>
    critical({
      createdAt: '2026-11-30T09:00:00Z',
      status: 'pending',
      events: [
        { at: '2026-11-30T09:00:00Z', type: 'customer_message' },
        { at: '2026-11-30T09:30:00Z', type: 'agent_reply' },
        { at: '2026-11-30T10:00:00Z', type: 'status_change', status: 'pending' },
        ...(customerWroteAt ? [{ at: customerWroteAt, type: 'customer_message' as const }] : []),
      ],
    });
  it('pending pauses resolution …', () => {
    expect(clock(evaluateTicket(pendingTimeline(), config, at('2026-11-30T13:00:00Z')), 'resolution')).toMatchObject({
      state: 'paused',
      pausedBecause: 'status pending',
      elapsedMinutes: 60,
      deadline: null,
    });
  });
  it('… unless the customer spoke last: their message at 12:00 restarts the count', () => {
    expect(clock(evaluateTicket(pendingTimeline('2026-11-30T12:00:00Z'), config, at('2026-11-30T13:00:00Z')), 'resolution')).toMatchObject({
      state: 'running',
      elapsedMinutes: 120,
    });
  });

  it('a reopened ticket resumes its resolution clock (solved time does not count) or restarts it', () => {
    const reopened = critical({
      createdAt: '2026-11-30T09:00:00Z',
      events: [
        { at: '2026-11-30T09:00:00Z', type: 'customer_message' },
        { at: '2026-11-30T09:30:00Z', type: 'agent_reply' },
        { at: '2026-11-30T11:00:00Z', type: 'status_change', status: 'solved' },
        { at: '2026-11-30T13:00:00Z', type: 'customer_message' },
        { at: '2026-11-30T13:00:00Z', type: 'status_change', status: 'open' },
      ],
    });
    expect(clock(evaluateTicket(reopened, config, at('2026-11-30T14:00:00Z')), 'resolution').elapsedMinutes).toBe(180);
    const restarting = scenarioConfig((input) => {
      const version = input.plans['otrs-subscription']?.versions[0];
      if (version) version.reopen = 'restart';
    });
    expect(clock(evaluateTicket(reopened, restarting, at('2026-11-30T14:00:00Z')), 'resolution')).toMatchObject({ elapsedMinutes: 60, start: '2026-11-30T13:00:00.000Z' });
  });
});

describe('matching, no plan and incomplete history', () => {
  it('says why there is no plan', () => {
    const staff = evaluateTicket(ticket({ requester: { email: 'me@ourcompany.example' }, createdAt: '2026-11-23T10:00:00Z' }), config, at('2026-11-23T11:00:00Z'));
    expect(staff.match).toEqual({ status: 'no_plan', customerId: 'internal', customerName: 'Our own staff', reason: 'Our own staff has no plan (rule 1 of Our own staff: email domain ourcompany.example)' });
    expect(staff.clocks).toEqual([]);
    const stranger = evaluateTicket(ticket({ requester: { email: 'x@elsewhere.example' }, createdAt: '2026-11-23T10:00:00Z' }), config, at('2026-11-23T11:00:00Z'));
    expect(stranger.match).toEqual({ status: 'no_plan', reason: 'no customer rule matches x@elsewhere.example' });
  });
  it('subdomains match their domain, look-alikes do not', () => {
    expect(evaluateTicket(ticket({ requester: { email: 'a@eu.acme.example' }, createdAt: '2026-11-23T10:00:00Z' }), config, at('2026-11-23T11:00:00Z')).match.status).toBe('matched');
    expect(evaluateTicket(ticket({ requester: { email: 'a@notacme.example' }, createdAt: '2026-11-23T10:00:00Z' }), config, at('2026-11-23T11:00:00Z')).match.status).toBe('no_plan');
  });
  it('marks clocks as estimates when the helpdesk did not show the whole history', () => {
    const partial = evaluateTicket(ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', complete: false }), config, at('2026-11-23T10:30:00Z'));
    expect(partial.estimated).toBe(true);
    expect(clock(partial, 'first_response').exact).toBe(false);
  });
  it('a solved ticket with no recorded status change is dated by its last update and marked as estimated', () => {
    const solved = evaluateTicket(
      ticket({ requester: { email: 'ann@acme.example' }, createdAt: '2026-11-23T10:00:00Z', status: 'solved', updatedAt: '2026-11-23T10:45:00Z' }),
      config,
      at('2026-11-23T12:00:00Z'),
    );
    expect(clock(solved, 'first_response')).toMatchObject({ state: 'met', metAt: '2026-11-23T10:45:00.000Z', exact: false });
  });
  it('evaluating at an earlier time ignores what happened later', () => {
    const t = ticket({
      requester: { email: 'ann@acme.example' },
      createdAt: '2026-11-23T10:00:00Z',
      status: 'solved',
      events: [
        { at: '2026-11-23T10:00:00Z', type: 'customer_message' },
        { at: '2026-11-23T10:50:00Z', type: 'agent_reply' },
        { at: '2026-11-23T11:00:00Z', type: 'status_change', status: 'solved' },
      ],
    });
    expect(clock(evaluateTicket(t, config, at('2026-11-23T10:30:00Z')), 'first_response')).toMatchObject({ state: 'running', remainingMinutes: 30 });
  });
});

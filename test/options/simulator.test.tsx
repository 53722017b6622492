// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Simulator } from '../../components/options/simulator.tsx';
import { evaluateTicket } from '../../lib/plans/evaluate-ticket.ts';
import { emptyConfig, parseConfig, ticketEvaluationSchema, withTemplate, type TicketEvaluation } from '../../lib/plans/index.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

// The evaluator is tested on its own; the simulator is tested against what it returns.
vi.mock('../../lib/plans/evaluate-ticket.ts', () => ({ evaluateTicket: vi.fn() }));

/** What evaluateTicket returns for a Priority Support ticket at 10:00 UTC: first response met, average running. */
const evaluation: TicketEvaluation = ticketEvaluationSchema.parse({
  ticketId: 'simulated',
  helpdesk: 'zendesk',
  evaluatedAt: '2026-11-23T10:00:00.000Z',
  match: { status: 'matched', customerId: 'acme', customerName: 'Acme', planId: 'priority-support', planName: 'Priority Support', planVersionFrom: '2023-08-01', reason: 'rule 1 of Acme: email domain acme.example' },
  severity: { id: 'priority', label: 'Priority', rank: 1, color: '#6f42c1', derivedFrom: 'the plan default (no severity mapping for Zendesk)' },
  eligibility: { eligible: true, issues: [] },
  clocks: [
    {
      metric: 'first_response',
      label: 'First response',
      state: 'met',
      binding: true,
      exact: true,
      start: '2026-11-23T07:00:00.000Z',
      deadline: '2026-11-23T08:00:00.000Z',
      remainingMinutes: null,
      elapsedMinutes: 45,
      targetMinutes: 60,
      percentElapsed: 75,
      warning: 'none',
      nextChangeAt: null,
      zone: 'UTC',
      metAt: '2026-11-23T07:45:00.000Z',
      explanation: {
        summary: '1 h on 24x5 follow-the-sun (Brisbane, London, Los Angeles) from the customer’s email at 07:00 UTC',
        calendar: { id: 'follow-the-sun-24x5', name: '24x5 follow-the-sun (Brisbane, London, Los Angeles)', zones: ['Australia/Brisbane', 'Europe/London', 'America/Los_Angeles'] },
        target: { text: '1 h', minutes: 60, source: 'Priority Support (terms from 2023-08-01), Priority' },
        start: { at: '2026-11-23T07:00:00.000Z', reason: 'the first customer email' },
        pauses: [],
        holidays: [],
        dstShifts: [],
        notes: [],
      },
    },
    {
      metric: 'average_response',
      label: 'Average response',
      state: 'running',
      binding: true,
      exact: true,
      start: '2026-11-23T07:00:00.000Z',
      deadline: '2026-11-23T10:30:00.000Z',
      remainingMinutes: 30,
      elapsedMinutes: 120,
      targetMinutes: 60,
      percentElapsed: 80,
      warning: 'warning',
      nextChangeAt: '2026-11-23T10:15:00.000Z',
      zone: 'UTC',
      metAt: null,
      average: { achievedMinutes: 45, responses: 1, budgetMinutes: 75 },
      cycles: [
        { askedAt: '2026-11-23T07:00:00.000Z', repliedAt: '2026-11-23T07:45:00.000Z', businessMinutes: 45, met: true },
        { askedAt: '2026-11-23T09:00:00.000Z', repliedAt: null, businessMinutes: 60, met: null },
      ],
      explanation: {
        summary: 'Average of all responses until resolved at most 1 h: 45 m so far over 1 response',
        calendar: { id: 'follow-the-sun-24x5', name: '24x5 follow-the-sun (Brisbane, London, Los Angeles)', zones: ['Australia/Brisbane', 'Europe/London', 'America/Los_Angeles'] },
        target: { text: 'average 1 h', minutes: 60, source: 'Priority Support (terms from 2023-08-01), Priority' },
        start: { at: '2026-11-23T07:00:00.000Z', reason: 'the first customer email' },
        pauses: [{ from: '2026-11-23T08:00:00.000Z', to: '2026-11-23T08:30:00.000Z', status: 'pending' }],
        holidays: [{ date: '2026-11-26', name: 'Thanksgiving', zone: 'America/Los_Angeles' }],
        dstShifts: [],
        notes: ['Internal notes are not responses.'],
      },
    },
  ],
  estimated: false,
});

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(evaluateTicket).mockReset().mockReturnValue(evaluation);
  await configItem.setValue(parseConfig(withTemplate(emptyConfig(), 'priority-support')));
});
afterEach(cleanup);

describe('simulator', () => {
  it('builds the ticket from the timeline, evaluates it at "now" and shows every clock with its explanation', async () => {
    const user = userEvent.setup();
    await renderOptions(<Simulator />);
    await user.type(screen.getByLabelText('Requester email'), 'ann@acme.example');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const event = within(screen.getByRole('listitem', { name: 'Event 3: Agent reply' }));
    await user.selectOptions(event.getByLabelText('Event 3: type'), 'Status change');
    await user.clear(event.getByLabelText('Event 3: at (Europe/London)'));
    await user.type(event.getByLabelText('Event 3: at (Europe/London)'), '2026-11-23T08:00');
    await user.selectOptions(screen.getByLabelText('Event 3: new status'), 'pending');

    const [ticket, config, now] = vi.mocked(evaluateTicket).mock.lastCall!;
    expect(ticket).toMatchObject({
      helpdesk: 'zendesk',
      requester: { email: 'ann@acme.example' },
      channel: 'email',
      status: 'pending',
      createdAt: '2026-11-23T07:00:00.000Z',
      events: [
        { at: '2026-11-23T07:00:00.000Z', type: 'customer_message' },
        { at: '2026-11-23T07:45:00.000Z', type: 'agent_reply' },
        { at: '2026-11-23T08:00:00.000Z', type: 'status_change', status: 'pending' },
      ],
    });
    expect(Object.keys(config.plans)).toEqual(['priority-support']);
    expect(now.toUTC().toISO()).toBe('2026-11-23T10:00:00.000Z');

    const clocks = within(screen.getByRole('region', { name: 'Clocks' }));
    expect(clocks.getByText(/rule 1 of Acme: email domain acme.example/)).toBeDefined();
    const first = within(clocks.getByRole('article', { name: 'First response: met' }));
    expect(first.getByText('07:45')).toBeDefined();
    const average = within(clocks.getByRole('article', { name: 'Average response: running' }));
    expect(average.getByText('45 m over 1 response; the next reply may take 1 h 15 m')).toBeDefined();
    expect(average.getByText('30 m of business time')).toBeDefined();
    expect(average.getByText('Paused (pending) from 08:00 to 08:30')).toBeDefined();
    expect(average.getByText('Holiday 2026-11-26 (Thanksgiving) in America/Los_Angeles')).toBeDefined();
    expect(average.getByText('Internal notes are not responses.')).toBeDefined();
    expect(average.getByRole('table', { name: 'Response cycles' })).toBeDefined();
  });

  it('evaluates at the chosen "now" in the chosen zone', async () => {
    const user = userEvent.setup();
    await renderOptions(<Simulator />);
    await user.clear(screen.getByLabelText('Times below are in'));
    await user.paste('America/New_York');
    await user.clear(screen.getByLabelText('Now'));
    await user.type(screen.getByLabelText('Now'), '2026-11-24T09:30');
    const [ticket, , now] = vi.mocked(evaluateTicket).mock.lastCall!;
    expect(now.toUTC().toISO()).toBe('2026-11-24T14:30:00.000Z');
    // The timeline's wall times are read in the chosen zone too.
    expect(ticket.createdAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it('takes a pasted Ticket JSON and names what is wrong with it', async () => {
    const user = userEvent.setup();
    await renderOptions(<Simulator />);
    await user.click(screen.getByLabelText('Paste a Ticket JSON'));
    await user.click(screen.getByLabelText('Ticket JSON'));
    await user.paste('{ "id": "42" ');
    expect(screen.getByText(/^not valid JSON:/)).toBeDefined();
    await user.clear(screen.getByLabelText('Ticket JSON'));
    await user.paste(JSON.stringify({ id: '42', helpdesk: 'zendesk', subject: 'Down', requester: { email: 'ann@acme.example' }, tags: [], status: 'open', createdAt: 'yesterday', events: [], complete: true }));
    const problems = within(screen.getByRole('list', { name: 'Problems in the ticket' }));
    expect(problems.getByText('ticket: createdAt')).toBeDefined();
    expect(problems.getByText(/expected an ISO-8601 instant with offset/)).toBeDefined();
    await user.clear(screen.getByLabelText('Ticket JSON'));
    await user.paste(JSON.stringify({ id: '42', helpdesk: 'zendesk', subject: 'Down', requester: { email: 'ann@acme.example' }, tags: [], status: 'open', createdAt: '2026-11-23T09:00:00Z', events: [], complete: true }));
    expect(vi.mocked(evaluateTicket).mock.lastCall?.[0].id).toBe('42');
    expect(screen.getByRole('article', { name: 'First response: met' })).toBeDefined();
  });

  it('names an invalid time in the timeline', async () => {
    const user = userEvent.setup();
    await renderOptions(<Simulator />);
    await user.clear(screen.getByLabelText('Event 2: at (Europe/London)'));
    expect(within(screen.getByRole('list', { name: 'Problems in the ticket' })).getByText('simulated ticket: events[1].at')).toBeDefined();
  });

  it('shows an evaluator failure instead of crashing', async () => {
    vi.mocked(evaluateTicket).mockImplementation(() => {
      throw new Error('no business time in 100 years');
    });
    await renderOptions(<Simulator />);
    expect(screen.getByText('The evaluation failed: no business time in 100 years')).toBeDefined();
  });
});

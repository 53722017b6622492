// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketStrip, type StripContent } from '../../components/overlay/ticket-strip.tsx';
import type { TicketEvaluation } from '../../lib/plans/evaluation-schema.ts';
import { clock, evaluation, EVALUATED_AT_MS, explanation } from './fixtures.ts';

const AGENT_ZONE = 'Europe/Berlin';

function renderStrip(content: StripContent, nowMs = EVALUATED_AT_MS) {
  return render(<TicketStrip ticketId="42" content={content} nowMs={nowMs} agentZone={AGENT_ZONE} />);
}
const evaluated = (overrides: Partial<TicketEvaluation> = {}): StripContent => ({ kind: 'evaluated', evaluation: evaluation(overrides) });

afterEach(cleanup);

describe('TicketStrip', () => {
  it('renders every state with its own icon, name and words', () => {
    renderStrip(
      evaluated({
        clocks: [
          clock({ metric: 'first_response', state: 'running', remainingMinutes: 130, deadline: '2026-11-23T11:10:00Z' }),
          clock({ metric: 'next_response', state: 'running', warning: 'warning', remainingMinutes: 12, deadline: '2026-11-23T09:12:00Z' }),
          clock({ metric: 'periodic_update', state: 'breached', warning: 'breached', remainingMinutes: -12, deadline: '2026-11-23T08:48:00Z' }),
          clock({ metric: 'resolution', state: 'paused', pausedBecause: 'waiting for the customer', remainingMinutes: 600, deadline: null }),
          clock({ metric: 'average_response', label: 'Average response', state: 'pending_start', start: '2026-11-24T22:00:00Z', deadline: null, businessWindow: { start: '2026-11-24T22:00:00Z', end: '2026-11-25T06:00:00Z' } }),
          clock({ metric: 'first_response', label: 'Acknowledgement', state: 'met', metAt: '2026-11-23T08:40:00Z', remainingMinutes: 10 }),
          clock({ metric: 'next_response', label: 'Callback', state: 'met_late', metAt: '2026-11-23T08:50:00Z', remainingMinutes: -20 }),
        ],
      }),
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.dataset.state)).toEqual(['running', 'warning', 'breached', 'paused', 'waiting', 'met', 'met_late']);
    const icons = items.map((item) => item.querySelector('.icon')?.textContent);
    const names = items.map((item) => item.querySelector('.state-name')?.textContent);
    expect(new Set(icons).size).toBe(7);
    expect(new Set(names).size).toBe(7);
    expect(items.map((item) => item.querySelector('.status')?.textContent)).toEqual([
      '2 h 10 m left',
      '12 m left',
      'overdue 12 m',
      'paused: waiting for the customer',
      'starts Wed 09:00 customer time',
      'met 09:40',
      'met late 09:50',
    ]);
    expect(within(items[0]!).getByText('due 12:10').getAttribute('title')).toBe('22:10 customer time (Australia/Sydney)');
    expect(within(items[2]!).getByText(/was due 09:48/)).toBeTruthy();
    expect(within(items[3]!).getByText('10 h left when it resumes')).toBeTruthy();
    expect(within(items[6]!).getByText('20 m over target')).toBeTruthy();
  });

  it('marks non-binding targets in words, and estimates', () => {
    renderStrip(evaluated({ estimated: true, clocks: [clock({ binding: false, exact: false })] }));
    const item = screen.getByRole('listitem');
    expect(item.dataset.binding).toBe('target');
    expect(within(item).getByText('target, not binding')).toBeTruthy();
    expect(within(item).getByText('estimated')).toBeTruthy();
    expect(screen.getByText('≈ estimated')).toBeTruthy();
  });

  it('shows severity, plan, eligibility issues and the time budget', () => {
    renderStrip(
      evaluated({
        eligibility: { eligible: false, issues: ['web channel not covered'] },
        timeBudget: { label: 'guidance', budgetMinutes: 240, usedMinutes: 80, state: 'ok' },
      }),
    );
    expect(screen.getByText('P1 Critical').getAttribute('style')).toContain('--severity-color: #b00020');
    expect(screen.getByText('Acme · Premium')).toBeTruthy();
    expect(screen.getByText('web channel not covered')).toBeTruthy();
    expect(screen.getByText('guidance used 1 h 20 m of 4 h')).toBeTruthy();
    cleanup();
    renderStrip(
      evaluated({
        match: { status: 'no_plan', reason: 'no customer matches jane@example.org' },
        severity: { id: 'p2', label: 'P2', rank: 2, color: 'red;background:url(https://evil.example/)', derivedFrom: 'default' },
        clocks: [],
        timeBudget: { label: 'guidance', budgetMinutes: 240, usedMinutes: null, state: 'unknown' },
      }),
    );
    expect(screen.getByText('No plan: no customer matches jane@example.org')).toBeTruthy();
    expect(screen.getByText('P2').getAttribute('style')).toBeNull();
    expect(screen.getByText('guidance budget 4 h: this helpdesk records no time')).toBeTruthy();
  });

  it('explains the number: calendar and zones, start, pauses, holidays, DST shifts and notes', async () => {
    const user = userEvent.setup();
    renderStrip(
      evaluated({
        clocks: [
          clock({
            exact: false,
            explanation: explanation({
              pauses: [{ from: '2026-11-23T08:40:00Z', to: '2026-11-23T08:50:00Z', status: 'pending' }],
              holidays: [{ date: '2026-12-25', name: 'Christmas Day', zone: 'Europe/London' }],
              dstShifts: [{ at: '2026-10-25T01:00:00Z', zone: 'Europe/London', offsetBeforeMinutes: 60, offsetAfterMinutes: 0 }],
              notes: ['priority changed from normal to urgent: the clock restarted'],
            }),
          }),
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Why this number: First response' }));
    const dialog = screen.getByRole('dialog', { name: 'Why this number: First response' });
    const text = dialog.textContent;
    expect(text).toContain('Priority Support 24x5 (Australia/Sydney, Europe/London, America/Los_Angeles)');
    expect(text).toContain('1 h (Premium plan, severity P1)');
    expect(text).toContain('09:30 your time (Europe/Berlin), 19:30 customer time (Australia/Sydney): customer email received');
    expect(text).toContain('09:40 – 09:50: pending');
    expect(text).toContain('2026-12-25 Christmas Day (Europe/London)');
    expect(text).toContain('in Europe/London: UTC+1 → UTC');
    expect(text).toContain('priority changed from normal to urgent: the clock restarted');
    expect(text).toContain('Estimated: the helpdesk did not show the whole history.');
    expect(text).toContain('10:30 your time (Europe/Berlin), 20:30 customer time (Australia/Sydney)');
  });

  it('is keyboard reachable: Tab to "why", Enter opens, Escape closes and gives focus back', async () => {
    const user = userEvent.setup();
    renderStrip(evaluated({ clocks: [clock(), clock({ metric: 'resolution', label: 'Resolution' })] }));
    await user.tab();
    const why = screen.getByRole('button', { name: 'Why this number: First response' });
    expect(document.activeElement).toBe(why);
    expect(why.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog');
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(why.getAttribute('aria-controls')).toBe(dialog.id);
    expect(document.activeElement).toBe(dialog);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(why);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Why this number: Resolution' }));
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renders names, subjects and reasons containing HTML as text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { container } = renderStrip(
      evaluated({
        match: { status: 'matched', customerId: 'x', customerName: payload, planId: 'p', planName: '<b>Gold</b>', reason: payload },
        eligibility: { eligible: true, issues: [`<script>alert(2)</script>`] },
        clocks: [clock({ label: '<i>First</i>', pausedBecause: payload, state: 'paused', explanation: explanation({ summary: payload, notes: [payload] }) })],
      }),
    );
    expect(screen.getByText(`${payload} · <b>Gold</b>`)).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText(`paused: ${payload}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Why this number: <i>First</i>' }));
    expect(container.querySelectorAll('img, script, b, i')).toHaveLength(0);
    expect(within(screen.getByRole('dialog')).getAllByText(payload)).toHaveLength(2);
  });

  it('says when it is reading, when no plan is configured, and when reading failed', () => {
    renderStrip({ kind: 'loading' });
    expect(screen.getByRole('region', { name: 'SLA Lens deadlines for ticket 42' }).textContent).toContain('reading the ticket');
    cleanup();
    renderStrip({ kind: 'not-configured' });
    expect(screen.getByText(/no support plan is configured yet/)).toBeTruthy();
    cleanup();
    renderStrip({ kind: 'problem', message: 'HTTP 403 (GET /api/v2/tickets/42.json)' });
    expect(screen.getByText('SLA Lens could not read this ticket: HTTP 403 (GET /api/v2/tickets/42.json)')).toBeTruthy();
  });

  it('counts down between evaluations as the page’s clock moves', () => {
    const { rerender } = renderStrip(evaluated());
    expect(screen.getByText('30 m left')).toBeTruthy();
    rerender(<TicketStrip ticketId="42" content={evaluated()} nowMs={EVALUATED_AT_MS + 21 * 60_000} agentZone={AGENT_ZONE} />);
    expect(screen.getByText('9 m 00 s left')).toBeTruthy();
  });
});

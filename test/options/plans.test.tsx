// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CalendarsSection } from '../../components/options/calendars-section.tsx';
import { PlansSection } from '../../components/options/plans-section.tsx';
import { SaveBar } from '../../components/options/save-bar.tsx';
import { emptyConfig, parseConfig, withTemplate } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

const version = (plan: string, v = 0) => useOptionsStore.getState().draft.plans[plan]?.versions[v];

async function renderPlans(template: 'neptune-basic' | 'otrs-subscription' | 'priority-support' = 'neptune-basic') {
  await configItem.setValue(parseConfig(withTemplate(emptyConfig(), template)));
  const rendered = await renderOptions(
    <>
      <SaveBar />
      <PlansSection />
    </>,
  );
  return { ...rendered, user: userEvent.setup() };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('plan editor', () => {
  it('edits a target: amount and unit, calendar, binding, warnings, pause statuses', async () => {
    const { user } = await renderPlans();
    const target = within(screen.getByRole('listitem', { name: 'Medium first response' }));
    await user.clear(target.getByLabelText('Medium first response: target'));
    await user.type(target.getByLabelText('Medium first response: target'), '4');
    await user.selectOptions(target.getByLabelText('Medium first response: unit'), 'business hours');
    await user.click(target.getByLabelText('Medium first response: binding'));
    await user.clear(target.getByLabelText('Medium first response: warn at % elapsed'));
    await user.type(target.getByLabelText('Medium first response: warn at minutes left'), '30');
    await user.click(target.getByLabelText('pending'));
    await user.click(target.getByLabelText('unless the customer spoke last'));
    expect(version('neptune-basic')?.targets[3]).toEqual({
      severity: 'medium',
      metric: 'first_response',
      duration: { amount: 4, unit: 'hours' },
      calendar: 'customer-hours',
      binding: true,
      warn: { minutesLeft: 30 },
      start: { rule: 'submission' },
      pause: { statuses: ['pending'], unlessCustomerSpokeLast: true },
    });
    expect(useOptionsStore.getState().issues).toEqual([]);
  });

  it('names the field of an invalid target amount', async () => {
    const { user } = await renderPlans();
    const amount = screen.getByLabelText('Urgent first response: target');
    await user.clear(amount);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^Urgent first response: target: Invalid input: expected number, received NaN/)).toBeDefined();
    await user.type(amount, '0');
    expect(screen.getByText('Urgent first response: target: must be greater than 0')).toBeDefined();
    expect(within(screen.getByRole('list', { name: 'Problems to fix' })).getByText('plans.neptune-basic.versions[0].targets[0].duration.amount')).toBeDefined();
  });

  it('sets the next-service-window start rule with its window calendar (OTRS)', async () => {
    const { user } = await renderPlans('otrs-subscription');
    const target = within(screen.getByRole('listitem', { name: 'Level 3 — Critical resolution' }));
    await user.selectOptions(target.getByLabelText('Level 3 — Critical resolution: clock starts'), 'at the next service window (if outside it)');
    await user.selectOptions(target.getByLabelText('Level 3 — Critical resolution: service window'), 'Service Level Window (example: 08:00–17:00 Mon–Fri, Europe/Berlin)');
    expect(version('otrs-subscription')?.targets[1]?.start).toEqual({ rule: 'next-window', windowCalendar: 'otrs-service-window' });
  });

  it('flags a duplicate target and a target whose severity does not exist', async () => {
    const { user } = await renderPlans();
    await user.click(screen.getByRole('button', { name: 'Add target' }));
    expect(screen.getByText('Medium first response: duplicate target for medium / first_response (see targets[3])')).toBeDefined();
    await user.clear(screen.getByLabelText('Urgent: id'));
    await user.type(screen.getByLabelText('Urgent: id'), 'critical');
    expect(screen.getByText('urgent first response: severity: unknown severity "urgent"')).toBeDefined();
  });

  it('edits eligibility, the severity-change and reopen policies, credit and time budget', async () => {
    const { user } = await renderPlans();
    await user.click(screen.getByLabelText('Only some channels count'));
    await user.click(screen.getByLabelText('portal'));
    await user.type(screen.getByLabelText('Named contacts allowed'), '2');
    await user.click(screen.getByLabelText('Requester must be at the customer’s email domain'));
    await user.selectOptions(screen.getByLabelText('When the severity changes'), 'restart the clock at the change');
    await user.selectOptions(screen.getByLabelText('When a solved ticket is reopened'), 'restart the resolution clock');
    await user.click(screen.getByLabelText('Misses earn a service credit'));
    await user.selectOptions(screen.getByLabelText('Credit'), 'Up to a percentage of the month’s fee (vendor’s discretion)');
    await user.type(screen.getByLabelText('At most (% of the month’s fee)'), '50');
    await user.type(screen.getByLabelText('Claim within (days after month end)'), '30');
    await user.click(screen.getByLabelText('Tickets include a budget of agent time'));
    expect(version('neptune-basic')).toMatchObject({
      eligibility: { channels: ['email', 'portal'], namedContacts: 2, requireCustomerDomain: true },
      severityChange: 'restart',
      reopen: 'restart',
      credit: { kind: 'up-to-percent', percent: 50, claimWindowDays: 30 },
      timeBudget: { label: 'Included time', minutesPerTicket: 240, warnAtPercent: 80 },
    });
    await user.type(screen.getByLabelText('At most (% of the month’s fee)'), '0');
    expect(screen.getByText(/^At most \(% of the month’s fee\): Too big: expected number to be <=100/)).toBeDefined();
  });

  it('adds a plan version from the first of next month and requires dates in order', async () => {
    const { user } = await renderPlans();
    await user.click(screen.getByRole('button', { name: 'Add version' }));
    expect(version('neptune-basic', 1)?.effectiveFrom).toBe('2026-12-01');
    const second = within(screen.getByRole('region', { name: 'Neptune Basic Support: version 2' }));
    await user.clear(second.getByLabelText('In force from'));
    expect(second.getByText('In force from: every version after the first needs an effectiveFrom date')).toBeDefined();
    const first = within(screen.getByRole('region', { name: 'Neptune Basic Support: version 1' }));
    await user.type(first.getByLabelText('In force from'), '2027-01-01');
    await user.type(second.getByLabelText('In force from'), '2026-06-01');
    expect(second.getByText('In force from: versions must be in date order (after 2027-01-01)')).toBeDefined();
  });

  it('adds an empty plan and reports targets left on a deleted calendar', async () => {
    await configItem.setValue(parseConfig(withTemplate(emptyConfig(), 'neptune-basic')));
    await renderOptions(
      <>
        <SaveBar />
        <CalendarsSection />
        <PlansSection />
      </>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New plan id'), 'gold');
    await user.click(screen.getByRole('button', { name: 'Add plan' }));
    expect(useOptionsStore.getState().draft.plans['gold']?.versions[0]?.severities).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Delete calendar customer-hours' }));
    expect(screen.getAllByText(/: calendar: unknown calendar "customer-hours"/)).toHaveLength(7);
  });
});

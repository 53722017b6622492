// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DateTime } from 'luxon';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/app.tsx';
import { emptyRefreshStatus, recordSiteFailure, recordSiteSkipped } from '../../lib/registry/refresh-plan.ts';
import { emptyRegistry, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import { createQueueStore } from '../../lib/state/queue-store.ts';
import type { QueueData } from '../../lib/state/queue-view.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { at, configuredConfig, fakeEvaluate, makeTicket, ORIGIN, T0 } from '../registry/fixtures.ts';

const NOW = at(T0).plus({ minutes: 50 });
const config = configuredConfig();
const tier2 = { origin: ORIGIN, helpdesk: 'zendesk' as const, queueId: '360001', label: 'Tier 2' };

/** What the popup would read from storage after the background saw `tickets` (evaluated at `now`). */
function queueData(tickets: Ticket[], overrides: Partial<QueueData> = {}, now: DateTime = NOW): QueueData {
  const registry = upsertTickets(emptyRegistry(), tickets.map((ticket) => ({ origin: ORIGIN, ticket })), now.minus({ minutes: 2 })).registry;
  const byKey = Object.fromEntries(
    Object.entries(registry.entries).map(([key, entry]) => [key, { revision: entry.revision, configStamp: 'test', evaluation: fakeEvaluate(entry.ticket, config, now) }]),
  );
  return {
    registry,
    cache: { byKey },
    pins: [tier2],
    refreshStatus: { ...emptyRefreshStatus(), pins: { [`zendesk|${ORIGIN}|360001`]: { lastReadAt: T0, ticketCount: 3 } } },
    me: [],
    myGroups: [],
    configured: true,
    grantedOrigins: ['https://*.zendesk.com/*'],
    problems: [],
    ...overrides,
  };
}

function renderPopup(data: QueueData) {
  const onOpenTicket = vi.fn();
  const onOpenOptions = vi.fn();
  const onOpenReports = vi.fn();
  const store = createQueueStore({ status: 'ready', ...data });
  render(
    <PopupApp
      store={store}
      zone="UTC"
      clock={() => NOW}
      onOpenTicket={onOpenTicket}
      onOpenOptions={onOpenOptions}
      onOpenReports={onOpenReports}
      onRefresh={() => Promise.resolve({ refreshed: 0, failed: [] })}
    />,
  );
  return { store, onOpenTicket, onOpenOptions, onOpenReports, user: userEvent.setup() };
}

/** The ticket rows (the filters' <option>s are options too). */
const rows = () => {
  const list = screen.queryByRole('listbox');
  return list ? within(list).queryAllByRole('option') : [];
};
const selectedRow = () => within(screen.getByRole('listbox')).getByRole('option', { selected: true });
const subjects = () => rows().map((option) => option.querySelector('.row__subject')?.textContent);
const text = (element: Element | null | undefined) => element?.textContent ?? '';

// The list is virtualized against its scroll box, which happy-dom does not lay out: give it the
// popup's size, and let scrolling move it (as a browser would).
beforeAll(() => {
  const scrollTops = new WeakMap<Element, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      scrollTops.set(this, value);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const space = this.firstElementChild;
      return this.classList.contains('queue') && space instanceof HTMLElement ? Number.parseFloat(space.style.height) : 0;
    },
  });
  HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    if (typeof options === 'object') this.scrollTop = options.top ?? this.scrollTop;
    this.dispatchEvent(new Event('scroll'));
  };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('queue') ? 420 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('queue') ? 420 : 0;
    },
  });
});

afterEach(cleanup);

// At NOW (minute 50): 60-minute clocks are at risk (83 %), 40-minute ones breached, 600-minute ones on track.
const onTrack = makeTicket({ id: '1', subject: 'Slow dashboard', fields: { target: '600' } });
const atRisk = makeTicket({ id: '2', subject: 'Login fails', organization: 'Globex', fields: { target: '60', plan: 'Standard' }, assignee: 'Ada' });
const breached = makeTicket({ id: '3', subject: 'Site down', fields: { target: '40' }, priority: 'urgent', group: 'Tier 2' });
const soonest = makeTicket({ id: '4', subject: 'Invoices missing', fields: { target: '55' }, helpdesk: 'freshdesk', url: undefined });

describe('the at-risk queue', () => {
  it('lists at-risk tickets by time to breach, overdue first', () => {
    renderPopup(queueData([onTrack, atRisk, breached, soonest]));
    expect(subjects()).toEqual(['Site down', 'Invoices missing', 'Login fails']);
    const [first] = rows();
    expect(text(first)).toContain('Breached');
    expect(text(first)).toContain('Overdue');
    expect(screen.getByText('Updated 2 minutes ago')).toBeDefined();
  });

  it('groups by customer or plan on demand', async () => {
    const { user } = renderPopup(queueData([atRisk, breached, soonest]));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'customer');
    const groups = [...document.querySelectorAll('.group')].map((group) => group.textContent);
    expect(groups).toEqual(['Acme 2', 'Globex 1']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'plan');
    expect([...document.querySelectorAll('.group')].map((group) => group.textContent)).toEqual(['Premium 2', 'Standard 1']);
  });

  it('filters by state, helpdesk, plan and whose tickets', async () => {
    const { user } = renderPopup(queueData([onTrack, atRisk, breached, soonest], { me: ['ada'], myGroups: ['tier 2'] }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'open');
    expect(subjects()).toHaveLength(4);
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'breached');
    expect(subjects()).toEqual(['Site down']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'at_risk');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Helpdesk' }), 'freshdesk');
    expect(subjects()).toEqual(['Invoices missing']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Helpdesk' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Standard');
    expect(subjects()).toEqual(['Login fails']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'all');
    await user.click(screen.getByRole('button', { name: 'Mine' }));
    expect(subjects()).toEqual(['Login fails']);
    await user.click(screen.getByRole('button', { name: 'My groups' }));
    expect(subjects()).toEqual(['Site down', 'Login fails']);
  });

  it('filters by severity', async () => {
    const data = queueData([atRisk, breached]);
    const key = Object.keys(data.cache.byKey).find((candidate) => candidate.endsWith('|3'))!;
    const cached = data.cache.byKey[key]!;
    data.cache.byKey[key] = { ...cached, evaluation: { ...cached.evaluation, severity: { id: 'urgent', label: 'Urgent', rank: 1, color: '#b60205', derivedFrom: 'priority' } } };
    const { user } = renderPopup(data);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'Urgent');
    expect(subjects()).toEqual(['Site down']);
  });

  it('searches subjects, customers, people and ids', async () => {
    const { user } = renderPopup(queueData([atRisk, breached, soonest]));
    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), 'globex');
    expect(subjects()).toEqual(['Login fails']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search tickets' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), '#4');
    expect(subjects()).toEqual(['Invoices missing']);
    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), ' nothing-like-this');
    expect(screen.getByText('No tickets match these filters')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(subjects()).toHaveLength(3);
  });

  it('moves with the arrow keys and opens with Enter', async () => {
    const { user, onOpenTicket } = renderPopup(queueData([atRisk, breached, soonest]));
    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), '{ArrowDown}');
    const listbox = screen.getByRole('listbox');
    expect(document.activeElement).toBe(listbox);
    expect(text(selectedRow())).toContain('Site down');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(text(selectedRow())).toContain('Login fails');
    expect(listbox.getAttribute('aria-activedescendant')).toBe(selectedRow().id);
    await user.keyboard('{ArrowUp}{Enter}');
    // Ticket 4 has no URL of its own: it opens its helpdesk.
    expect(onOpenTicket).toHaveBeenCalledWith(ORIGIN);
    await user.keyboard('{Home}{Enter}');
    expect(onOpenTicket).toHaveBeenLastCalledWith(`${ORIGIN}/agent/tickets/3`);
  });

  it('opens a ticket on click', async () => {
    const { user, onOpenTicket } = renderPopup(queueData([atRisk]));
    await user.click(screen.getByText('Login fails'));
    expect(onOpenTicket).toHaveBeenCalledWith(`${ORIGIN}/agent/tickets/2`);
  });

  it('opens the monthly reports from the header', async () => {
    const { onOpenReports, user } = renderPopup(queueData([]));
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    expect(onOpenReports).toHaveBeenCalledOnce();
  });

  it('renders only a window of 2,000 tickets, and keeps the keyboard working across it', async () => {
    const many = Array.from({ length: 2000 }, (_, index) => makeTicket({ id: String(index + 1), subject: `Ticket ${index + 1}`, fields: { target: String(40 + (index % 20)) } }));
    const { user } = renderPopup(queueData(many));
    expect(screen.getByText('2000 shown')).toBeDefined();
    const rendered = rows().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    act(() => screen.getByRole('listbox').focus());
    await user.keyboard('{End}');
    // Latest deadline (a 59-minute target), highest id among equals.
    expect(selectedRow().querySelector('.row__subject')?.textContent).toBe('Ticket 2000');
    expect(rows().length).toBeLessThan(40);
    await user.keyboard('{ArrowUp}');
    expect(selectedRow().querySelector('.row__subject')?.textContent).toBe('Ticket 1980');
  });

  it('shows a subject as text, never as markup', () => {
    renderPopup(queueData([makeTicket({ subject: '<img src=x onerror=alert(1)>', organization: '<b>Evil</b> Corp' })], {}, at(T0).plus({ minutes: 70 })));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeDefined();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });
});

describe('what the popup says when it cannot show tickets', () => {
  it('asks for a helpdesk when none is granted', async () => {
    const { user, onOpenOptions } = renderPopup(queueData([], { grantedOrigins: [] }));
    expect(text(screen.getByRole('status'))).toContain('No helpdesk granted yet — open Options → Helpdesks');
    await user.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('asks for a plan when none is configured', () => {
    renderPopup(queueData([atRisk], { configured: false, cache: { byKey: {} } }));
    expect(text(screen.getByRole('status'))).toContain('No plan configured — open Options → Plans');
  });

  it('says when no ticket was ever loaded', () => {
    renderPopup(queueData([]));
    expect(text(screen.getByRole('status'))).toContain('No open tickets loaded yet');
    expect(screen.getByText('No ticket read yet')).toBeDefined();
  });

  it('says "Nothing at risk" when everything is on track', () => {
    renderPopup(queueData([onTrack]));
    expect(text(screen.getByRole('status'))).toContain('Nothing at risk');
    expect(text(screen.getByRole('status'))).toContain('1 open ticket on track.');
  });

  it('asks who "me" is before filtering on it', async () => {
    const { user } = renderPopup(queueData([atRisk]));
    await user.click(screen.getByRole('button', { name: 'Mine' }));
    expect(text(screen.getByRole('status'))).toContain('Who are you in the helpdesk? — open Options → My alerts');
  });

  it('shows an error when the data cannot be read', () => {
    const store = createQueueStore({ status: 'error', loadError: 'storage unavailable' });
    render(<PopupApp store={store} zone="UTC" clock={() => NOW} onOpenTicket={vi.fn()} onOpenOptions={vi.fn()} onOpenReports={vi.fn()} onRefresh={vi.fn()} />);
    expect(text(screen.getByRole('alert'))).toContain('SLA Lens could not read its data');
    expect(text(screen.getByRole('alert'))).toContain('storage unavailable');
  });

  it('states what is not known: no pinned queue, unreadable sites, estimated clocks', () => {
    let refreshStatus = recordSiteFailure(emptyRefreshStatus(), ORIGIN, 'zendesk', NOW.minus({ minutes: 5 }), 'HTTP 401 from https://acme.zendesk.com/api/v2/tickets');
    refreshStatus = recordSiteSkipped(refreshStatus, 'https://support.example.com', 'znuny', 'reads-only-from-page');
    renderPopup(queueData([makeTicket({ id: '9', subject: 'Partial', complete: false })], { pins: [], refreshStatus }));
    const notices = document.querySelector('.notices');
    expect(text(notices)).toContain('4 things SLA Lens does not know (1 to fix)');
    expect(text(notices)).toContain('No team queue pinned');
    expect(text(notices)).toContain('acme.zendesk.com: could not refresh 5 minutes ago (HTTP 401');
    expect(text(notices)).toContain('support.example.com: tickets update only while one of its pages is open in a tab.');
    expect(text(notices)).toContain('1 ticket has estimated clocks');
    expect(text(rows()[0])).toContain('≈');
  });
});

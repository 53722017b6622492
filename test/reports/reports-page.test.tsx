// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DownloadFile } from '../../components/reports/export-bar.tsx';
import { ReportsPage, type ReportsPageProps } from '../../components/reports/reports-page.tsx';
import { summaryCsv, ticketsCsv } from '../../lib/reports/compliance-csv.ts';
import type { MonthReport } from '../../lib/reports/month-report.ts';
import { acmeBasic, acmePriority, initechQuiet } from './compliance-fixture.ts';
import { fixtureReport } from './month-report-fixture.ts';

afterEach(cleanup);

function renderPage(overrides: Partial<ReportsPageProps> = {}) {
  const props: ReportsPageProps = {
    report: fixtureReport,
    months: ['2026-12', '2026-11', '2026-10'],
    onMonthChange: vi.fn(),
    noPlan: false,
    problems: [],
    ticketsOnRecord: 57,
    today: '2026-12-05',
    generatedAt: '2026-12-05T12:00:00.000Z',
    onDownload: vi.fn<(file: DownloadFile) => void>(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
  render(<ReportsPage {...props} />);
  return props;
}

const cards = () => screen.queryAllByRole('region').filter((region) => region.classList.contains('row-card'));
const cardNames = () => cards().map((card) => card.getAttribute('aria-label'));

describe('ReportsPage', () => {
  it('renders one card per customer and plan with its targets, average, attainment and credit', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('SLA report — November 2026');
    expect(cardNames()).toEqual(['Acme — Neptune Basic Support', 'Acme — Priority Support', 'Initech — Priority Support']);
    const acme = within(screen.getByRole('region', { name: 'Acme — Priority Support' }));
    const firstResponse = acme.getByRole('rowheader', { name: 'First response' }).closest('tr');
    expect([...(firstResponse?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual(['2', '1', '0']);
    expect(acme.getByText('42 m over 2 responses, target ≤ 1 h')).toBeTruthy();
    expect(acme.getByText('75 %')).toBeTruthy();
    expect(acme.getByText("Up to USD 400.00, at the vendor's discretion")).toBeTruthy();
    expect(acme.getByText('Claim by 30 Dec 2026')).toBeTruthy();
    expect(acme.getByText(/not exceeding 50% of the month’s fees/)).toBeTruthy();
  });

  it('says what is not known: estimated clocks, tickets not covered, open targets, tickets never seen', () => {
    renderPage();
    const acme = within(screen.getByRole('region', { name: 'Acme — Priority Support' }));
    expect(acme.getByText(/1 ticket was seen without their full history, so their clocks are estimates \(A3\)/)).toBeTruthy();
    expect(acme.getByText(/1 ticket is not covered by the plan/)).toBeTruthy();
    expect(acme.getByText(/1 target is still open/)).toBeTruthy();
    expect(screen.getByText(/Only tickets SLA Lens has seen are counted \(57 on record\)/)).toBeTruthy();
    expect(screen.getByText(/2 tickets this month matched no customer plan/)).toBeTruthy();
  });

  it('shows the month at a glance over the rows shown', () => {
    renderPage();
    const glance = within(screen.getByLabelText('Month at a glance'));
    expect(glance.getByText('Up to USD 400.00')).toBeTruthy();
    expect(glance.getByText('4')).toBeTruthy();
    expect(glance.getByText('60 %')).toBeTruthy();
    expect(glance.getByText('3 of 5 decided targets met')).toBeTruthy();
  });

  it('lists tickets as text, with http(s) links only', async () => {
    renderPage();
    const acme = within(screen.getByRole('region', { name: 'Acme — Priority Support' }));
    await userEvent.click(acme.getByText('Tickets (3)'));
    const table = acme.getByRole('table', { name: 'Tickets of Acme — Priority Support, November 2026' });
    expect(within(table).getByText('=HYPERLINK("http://evil.example","click")')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'A1' }).getAttribute('href')).toBe('https://acme.zendesk.example/agent/tickets/A1');
    expect(within(table).getAllByRole('link')).toHaveLength(1);
    expect(within(table).getByText('1 h 35 m / 1 h')).toBeTruthy();
    expect(within(table).getByText('3 Nov 2026, 10:00')).toBeTruthy();
  });

  it('filters by customer and by plan', async () => {
    renderPage();
    await userEvent.selectOptions(screen.getByLabelText('Customer'), 'acme');
    expect(cardNames()).toEqual(['Acme — Neptune Basic Support', 'Acme — Priority Support']);
    await userEvent.selectOptions(screen.getByLabelText('Plan'), 'priority-support');
    expect(cardNames()).toEqual(['Acme — Priority Support']);
    await userEvent.selectOptions(screen.getByLabelText('Customer'), '');
    expect(cardNames()).toEqual(['Acme — Priority Support', 'Initech — Priority Support']);
  });

  it('changes the month through the picker', async () => {
    const props = renderPage();
    const picker = screen.getByLabelText('Month');
    expect((picker as HTMLSelectElement).value).toBe('2026-11');
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['December 2026', 'November 2026', 'October 2026']);
    await userEvent.selectOptions(picker, '2026-10');
    expect(props.onMonthChange).toHaveBeenCalledWith('2026-10');
  });

  it('gives each chart a text alternative and a data table', () => {
    renderPage();
    const attainment = screen.getByRole('img', { name: 'Attainment by week', description: /^1 Nov: / });
    expect(attainment.tagName.toLowerCase()).toBe('svg');
    const description = document.getElementById(attainment.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description).toBe(
      '1 Nov: 0 of 1 targets met. 2–8 Nov: 2 of 2 targets met. 9–15 Nov: 0 of 1 targets met. 16–22 Nov: no targets decided. 23–29 Nov: 1 of 1 targets met. 30 Nov: no targets decided.',
    );
    const table = within(attainment.closest('figure') as HTMLElement).getByRole('table', { hidden: true });
    expect(within(table).getAllByRole('row', { hidden: true }).map((row) => row.textContent)).toEqual([
      'WeekValueTargets',
      '1 Nov0 %0 of 1 targets met',
      '2–8 Nov100 %2 of 2 targets met',
      '9–15 Nov0 %0 of 1 targets met',
      '16–22 Nov—no targets decided',
      '23–29 Nov100 %1 of 1 targets met',
      '30 Nov—no targets decided',
    ]);
    const breaches = screen.getByRole('img', { name: 'Breaches by severity' });
    expect(within(breaches.closest('figure') as HTMLElement).getAllByRole('row', { hidden: true }).map((row) => row.textContent)).toEqual([
      'SeverityValueBreaches',
      'Urgent11 missed target on 1 ticket',
      'Priority11 missed target on 1 ticket',
    ]);
  });

  it('follows the filters in the weekly chart', async () => {
    renderPage();
    await userEvent.selectOptions(screen.getByLabelText('Plan'), 'neptune-basic');
    const attainment = screen.getByRole('img', { name: 'Attainment by week', description: /^1 Nov: / });
    expect(document.getElementById(attainment.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^1 Nov: 0 of 1 targets met\. 2–8 Nov: no targets decided\./);
  });

  it('downloads the CSV files of what is shown', async () => {
    const props = renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Summary (CSV)' }));
    expect(props.onDownload).toHaveBeenLastCalledWith({
      name: 'sla-summary-2026-11.csv',
      type: 'text/csv;charset=utf-8',
      content: `\uFEFF${summaryCsv('2026-11', [acmeBasic, acmePriority, initechQuiet])}`,
    });
    await userEvent.selectOptions(screen.getByLabelText('Plan'), 'priority-support');
    await userEvent.click(screen.getByRole('button', { name: 'Tickets (CSV)' }));
    expect(props.onDownload).toHaveBeenLastCalledWith({
      name: 'sla-tickets-2026-11.csv',
      type: 'text/csv;charset=utf-8',
      content: `\uFEFF${ticketsCsv('2026-11', [acmePriority, initechQuiet])}`,
    });
  });

  it('exports the chosen customer’s report, and only theirs', async () => {
    const props = renderPage();
    expect(screen.getByText('Choose a customer above to export the report you can send them.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Customer'), 'acme');
    await userEvent.click(screen.getByRole('button', { name: 'Report for Acme (HTML)' }));
    const file = vi.mocked(props.onDownload).mock.lastCall?.[0];
    expect(file?.name).toBe('sla-report-acme-2026-11.html');
    expect(file?.type).toBe('text/html;charset=utf-8');
    expect(file?.content).toContain('<h1>Acme</h1>');
    expect(file?.content).toContain('Partly estimated');
    expect(file?.content).not.toContain('Initech');
  });

  it('says so when no plan is configured, and opens Options', async () => {
    const props = renderPage({ noPlan: true });
    expect(screen.getByRole('heading', { name: 'No plan configured — open Options' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
    expect(cards()).toHaveLength(0);
  });

  it('says so when the month has no tickets', () => {
    const quiet: MonthReport = { ...fixtureReport, compliance: { month: '2026-11', rows: [initechQuiet], withoutPlan: 0 }, weeks: [] };
    renderPage({ report: quiet });
    expect(screen.getByRole('heading', { name: 'No tickets this month' })).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows loading problems', () => {
    renderPage({ problems: ['Invalid stored tickets: entries.x.ticket.createdAt: expected an ISO-8601 instant'] });
    expect(screen.getByRole('alert').textContent).toContain('Invalid stored tickets');
  });
});

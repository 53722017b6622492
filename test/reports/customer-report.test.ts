// @vitest-environment happy-dom
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monthlyCompliance } from '../../lib/plans/index.ts';
import { customerReportFileName, customerReportHtml, escapeHtml } from '../../lib/reports/customer-report.ts';
import { answeredAfter, reportConfig, ticket } from './fixtures.ts';

const now = DateTime.fromISO('2026-12-05T12:00:00Z', { zone: 'utc' });
const hostileName = 'Acme <script>alert("name")</script> & Sons';
const hostileSubject = '<img src=x onerror=alert(1)> & <script>steal()</script> "quoted"';

// Acme and Initech are both on Priority Support; their tickets interleave through November.
const config = reportConfig((input) => {
  const acme = input.customers.find((customer) => customer.id === 'acme');
  if (acme) acme.name = hostileName;
});
const tickets = [
  ticket({ id: 'A-101', subject: hostileSubject, url: 'https://acme.zendesk.example/agent/tickets/101', requester: { email: 'ann@acme.example', name: 'Ann Acme' }, createdAt: '2026-11-03T10:00:00Z', events: answeredAfter('2026-11-03T10:00:00Z', 20) }),
  ticket({ id: 'I-701', subject: 'Initech TPS cover sheets', url: 'https://initech.zendesk.example/agent/tickets/701', requester: { email: 'peter@initech.example', name: 'Peter Gibbons' }, createdAt: '2026-11-04T15:00:00Z', events: answeredAfter('2026-11-04T15:00:00Z', 200) }),
  // The ticket schema refuses non-http(s) links; the report must not trust that alone (say, data stored by an older version).
  { ...ticket({ id: 'A-102', subject: 'Deploy stuck', requester: { email: 'bo@acme.example' }, createdAt: '2026-11-05T10:00:00Z', events: answeredAfter('2026-11-05T10:00:00Z', 95) }), url: 'javascript:alert(document.cookie)' },
  ticket({ id: 'I-702', subject: 'Stapler missing', url: 'https://initech.zendesk.example/agent/tickets/702', requester: { email: 'milton@initech.example', name: 'Milton' }, createdAt: '2026-11-06T11:00:00Z', events: answeredAfter('2026-11-06T11:00:00Z', 10) }),
];
const compliance = monthlyCompliance(tickets, config, '2026-11', now);
const options = { timezone: 'Europe/London', generatedAt: '2026-12-05T12:00:00Z' };
const page = customerReportHtml(compliance, 'acme', options);
const doc = new DOMParser().parseFromString(page, 'text/html');

describe('customerReportHtml', () => {
  it('is a complete HTML document with inline CSS, no scripts and a policy forbidding requests', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link|<img|<iframe|<object|@import|url\(/i);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.title).toBe(`Support report: ${hostileName}, November 2026`);
  });

  it('lists the customer’s tickets with first and later responses against the targets', () => {
    const rows = [...doc.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim()));
    expect(rows.map((row) => row[0])).toEqual(['A-101', 'A-102']);
    expect(rows[0]?.slice(2)).toEqual(['3 Nov 2026, 10:00', 'Priority', '20 m (target 1 h), met', '—', 'None']);
    expect(rows[1]?.slice(4)).toEqual(['1 h 35 m (target 1 h), missed', '—', 'First response']);
  });

  it('sums up the month: tickets, targets met and missed, and the credit owed with its claim date and terms', () => {
    const entries = [...(doc.querySelector('dl.figures')?.querySelectorAll('div') ?? [])];
    const figures: Record<string, string> = Object.fromEntries(
      entries.map((entry): [string, string] => [entry.querySelector('dt')?.textContent ?? '', entry.querySelector('dd')?.textContent ?? '']),
    );
    expect(figures).toEqual({
      'Tickets received': '2',
      'Targets met': '1 of 2 (50 %)',
      'Targets missed': '1',
      'Service credit': "Up to USD 400.00, at the vendor's discretion",
    });
    expect(page).toContain('Claim by 30 Dec 2026');
    expect(page).toContain('Credits expire 12 months after they are granted.');
    expect(doc.querySelector('blockquote')?.textContent).toContain('not exceeding 50%');
  });

  it('says "None" when no target was missed', () => {
    const clean = monthlyCompliance([tickets[0]!], config, '2026-11', now);
    const text = new DOMParser().parseFromString(customerReportHtml(clean, 'acme', options), 'text/html').body.textContent;
    expect(text).toContain('Service creditNone');
  });

  it('contains no other customer’s data, though both are on the same plan and their tickets interleave', () => {
    for (const secret of ['I-701', 'I-702', 'Initech', 'initech', 'TPS', 'Stapler', 'peter', 'Peter', 'milton', 'Milton', '701', '702', '1,200', '1200']) {
      expect(page, secret).not.toContain(secret);
    }
    // Not even the requesters' emails or names of the customer's own tickets: the report has no requester column.
    expect(page).not.toContain('@acme.example');
    expect(page).not.toContain('Ann Acme');
  });

  it('renders names and subjects that look like HTML as text', () => {
    expect(doc.querySelector('h1')?.textContent).toBe(hostileName);
    expect(doc.querySelector('tbody tr td:nth-child(2)')?.textContent).toBe(hostileSubject);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(page).toContain(escapeHtml(hostileSubject));
  });

  it('links only the customer’s own http(s) ticket URLs', () => {
    expect(page.match(/https?:[^\s"'<>]*/g)).toEqual(['https://acme.zendesk.example/agent/tickets/101']);
    expect([...doc.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['https://acme.zendesk.example/agent/tickets/101']);
    expect(page).not.toContain('javascript:');
  });

  it('refuses a customer without a row in the month', () => {
    expect(() => customerReportHtml(compliance, 'globex', options)).toThrow(/no report rows for customer "globex" in 2026-11/);
  });

  it('marks estimated tickets, but only the customer’s own', () => {
    const marked = customerReportHtml(compliance, 'acme', { ...options, estimatedTicketIds: ['A-102', 'I-701'] });
    expect(marked.match(/Partly estimated/g)).toHaveLength(1);
    expect(marked).not.toContain('I-701');
  });

  it('names its file after the customer and month', () => {
    expect(customerReportFileName('acme', '2026-11')).toBe('sla-report-acme-2026-11.html');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;');
  });
});

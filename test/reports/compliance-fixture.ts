/** A hand-made month for the reports page and CSV tests: two customers, one with a plan change, one quiet. */
import type { ComplianceRow, ComplianceTicket, MonthlyCompliance } from '../../lib/plans/index.ts';

const detail = (fields: Partial<ComplianceTicket> & Pick<ComplianceTicket, 'id' | 'subject' | 'createdAt'>): ComplianceTicket => ({
  severity: 'Priority',
  firstResponse: { minutes: 20, targetMinutes: 60, state: 'met' },
  laterResponses: [],
  averageMinutes: null,
  breaches: [],
  covered: true,
  estimated: false,
  decided: { met: 0, missed: 0 },
  ...fields,
});

export const acmePriority: ComplianceRow = {
  customerId: 'acme',
  customerName: 'Acme',
  planId: 'priority-support',
  planName: 'Priority Support',
  tickets: 3,
  metrics: [
    { metric: 'first_response', label: 'First response', met: 2, missed: 1, open: 0 },
    { metric: 'average_response', label: 'Average response', met: 1, missed: 0, open: 1 },
  ],
  averageResponse: { achievedMinutes: 42.5, targetMinutes: 60, responses: 2 },
  attainmentPercent: 75,
  credit: {
    owed: true,
    kind: 'up-to-percent',
    amount: 400,
    currency: 'USD',
    upTo: true,
    claimBy: '2026-12-30',
    expiresAfterMonths: 12,
    terms: 'Service Credit at our reasonable discretion, not exceeding 50% of the month’s fees; request within 30 days of month end.',
  },
  ticketDetails: [
    detail({
      id: 'A1',
      subject: 'Printer, 2nd floor: "offline"\nagain',
      url: 'https://acme.zendesk.example/agent/tickets/A1',
      createdAt: '2026-11-03T10:00:00Z',
      laterResponses: [30, 55],
      averageMinutes: 42.5,
    }),
    detail({
      id: 'A2',
      subject: '=HYPERLINK("http://evil.example","click")',
      createdAt: '2026-11-10T09:00:00Z',
      firstResponse: { minutes: 95, targetMinutes: 60, state: 'met_late' },
      breaches: ['First response'],
    }),
    detail({ id: 'A3', subject: 'Chat question', createdAt: '2026-11-24T09:00:00Z', covered: false }),
  ],
};

export const acmeBasic: ComplianceRow = {
  customerId: 'acme',
  customerName: 'Acme',
  planId: 'neptune-basic',
  planName: 'Neptune Basic Support',
  tickets: 1,
  metrics: [{ metric: 'first_response', label: 'First response', met: 0, missed: 1, open: 0 }],
  averageResponse: { achievedMinutes: null, targetMinutes: null, responses: 0 },
  attainmentPercent: 0,
  credit: null,
  ticketDetails: [
    detail({
      id: 'B1',
      subject: 'Outage',
      createdAt: '2026-11-01T08:00:00Z',
      severity: 'Urgent',
      firstResponse: { minutes: 600, targetMinutes: 480, state: 'met_late' },
      breaches: ['First response'],
    }),
  ],
};

export const initechQuiet: ComplianceRow = {
  customerId: 'initech',
  customerName: 'Initech',
  planId: 'priority-support',
  planName: 'Priority Support',
  tickets: 0,
  metrics: [],
  averageResponse: { achievedMinutes: null, targetMinutes: null, responses: 0 },
  attainmentPercent: null,
  credit: { owed: false, kind: 'up-to-percent', amount: 0, currency: 'USD', upTo: true, claimBy: '2026-12-30', expiresAfterMonths: 12, terms: null },
  ticketDetails: [],
};

export const fixtureCompliance: MonthlyCompliance = { month: '2026-11', rows: [acmeBasic, acmePriority, initechQuiet], withoutPlan: 2 };

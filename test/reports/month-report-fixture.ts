/** The hand-made month (compliance-fixture.ts) as the reports page receives it. */
import type { MonthReport } from '../../lib/reports/month-report.ts';
import { fixtureCompliance } from './compliance-fixture.ts';

export const fixtureReport: MonthReport = {
  compliance: fixtureCompliance,
  weeks: [
    { from: '2026-11-01', to: '2026-11-01', tallies: { 'acme/neptune-basic': { met: 0, missed: 1 } } },
    { from: '2026-11-02', to: '2026-11-08', tallies: { 'acme/priority-support': { met: 2, missed: 0 } } },
    { from: '2026-11-09', to: '2026-11-15', tallies: { 'acme/priority-support': { met: 0, missed: 1 } } },
    { from: '2026-11-16', to: '2026-11-22', tallies: {} },
    { from: '2026-11-23', to: '2026-11-29', tallies: { 'acme/priority-support': { met: 1, missed: 0 } } },
    { from: '2026-11-30', to: '2026-11-30', tallies: {} },
  ],
  estimated: { 'acme/priority-support': ['A3'] },
  severityOrder: ['Urgent', 'Priority'],
  customerZones: { acme: 'Europe/London', initech: 'America/New_York' },
};

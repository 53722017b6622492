/** The built-in templates say what the seed documents say. */
import { describe, expect, it } from 'vitest';
import { emptyConfig, parseConfig, templates, withTemplate, type Target } from '../../lib/plans/index.ts';
import { businessMsBetween, createCalendar, nextBusinessWindowMs } from '../../lib/sla/index.ts';

const config = parseConfig(
  (Object.keys(templates) as (keyof typeof templates)[]).reduce<ReturnType<typeof withTemplate>>((input, id) => withTemplate(input, id), emptyConfig()),
);
const targets = (planId: string, version = 0) =>
  Object.fromEntries((config.plans[planId]?.versions[version]?.targets ?? []).map((t: Target) => [`${t.severity}/${t.metric}`, `${t.duration.amount} ${t.duration.unit} on ${t.calendar}${t.binding ? '' : ' (suggested)'}`]));

describe('templates', () => {
  it('Priority Support: 1 h first response and 1 h average on 24x5, email from the domain; credit terms changed in 2023', () => {
    expect(targets('priority-support')).toEqual({
      'priority/first_response': '1 hours on follow-the-sun-24x5',
      'priority/average_response': '1 hours on follow-the-sun-24x5',
    });
    const [v2021, v2023] = config.plans['priority-support']?.versions ?? [];
    expect(v2021?.eligibility).toEqual({ channels: ['email'], requireCustomerDomain: true });
    expect(v2021?.credit?.kind).toBe('full-month');
    expect(v2023).toMatchObject({ effectiveFrom: '2023-08-01', credit: { kind: 'up-to-percent', percent: 50, claimWindowDays: 30, expiryMonths: 12 } });
  });

  it('the follow-the-sun calendar covers Monday to Friday without a gap, whatever the DST season', () => {
    const entry = config.calendars['follow-the-sun-24x5'];
    if (entry?.kind !== 'fixed') throw new Error('expected a fixed calendar');
    const cal = createCalendar(entry.spec);
    // Weeks where Brisbane, London and Los Angeles combine every way: winter, US DST only, both, and UK DST only.
    for (const sunday of ['2026-01-04', '2026-03-15', '2026-07-05', '2026-10-25']) {
      const week = Date.parse(`${sunday}T00:00:00Z`);
      const open = nextBusinessWindowMs(cal, week);
      if (!open) throw new Error('no business time');
      // Coverage starts Monday 07:00 Brisbane (Sunday 21:00Z) and ends Friday 17:00 Los Angeles:
      // Saturday 01:00Z on PST (January), 00:00Z on PDT (from 8 March to 1 November).
      expect(open.startMs).toBe(Date.parse(`${sunday}T21:00:00Z`));
      const fridayClose = week + 6 * 86_400_000 + (sunday === '2026-01-04' ? 3_600_000 : 0);
      expect(businessMsBetween(cal, open.startMs, fridayClose)).toBe(fridayClose - open.startMs);
      expect(nextBusinessWindowMs(cal, fridayClose)?.startMs).toBe(week + 7 * 86_400_000 + 21 * 3_600_000);
    }
  });

  it("Neptune Basic: 8 h, 3/6/9 business days in the customer's hours; Medium and Low suggested", () => {
    expect(targets('neptune-basic')).toEqual({
      'urgent/first_response': '8 hours on customer-hours',
      'high/first_response': '3 business_days on customer-hours',
      'high/periodic_update': '2 business_days on customer-hours',
      'medium/first_response': '6 business_days on customer-hours (suggested)',
      'medium/periodic_update': '5 business_days on customer-hours (suggested)',
      'low/first_response': '9 business_days on customer-hours (suggested)',
      'low/periodic_update': '10 business_days on customer-hours (suggested)',
    });
  });

  it('Neptune Extended: urgent 2 h 24/7 with 2-hourly updates, 4 h of guidance per ticket', () => {
    expect(targets('neptune-extended')).toEqual({
      'urgent/first_response': '2 hours on 24x7',
      'urgent/periodic_update': '2 hours on 24x7',
      'high/first_response': '6 hours on customer-hours',
      'high/periodic_update': '1 business_days on customer-hours',
      'medium/first_response': '2 business_days on customer-hours (suggested)',
      'medium/periodic_update': '2 business_days on customer-hours (suggested)',
      'low/first_response': '5 business_days on customer-hours (suggested)',
      'low/periodic_update': '5 business_days on customer-hours (suggested)',
    });
    expect(config.plans['neptune-extended']?.versions[0]?.timeBudget).toEqual({ label: 'Technical Guidance on Demand', minutesPerTicket: 240, warnAtPercent: 80 });
  });

  it('OTRS: impact levels 3/2/1, responses from the next Service Level Window, critical resolution immediately, two named contacts, portal only', () => {
    const version = config.plans['otrs-subscription']?.versions[0];
    expect(version?.severities.map((severity) => severity.label)).toEqual(['Level 3 — Critical', 'Level 2 — Medium', 'Level 1 — Low']);
    expect(version?.targets.filter((t) => t.metric === 'first_response').every((t) => t.start.rule === 'next-window')).toBe(true);
    expect(version?.targets.find((t) => t.metric === 'resolution')).toMatchObject({ severity: 'critical', calendar: '24x7', start: { rule: 'submission' } });
    expect(version?.eligibility).toMatchObject({ namedContacts: 2, channels: ['portal', 'web'] });
  });
});

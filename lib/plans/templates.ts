import { WEEKDAYS, type Weekday } from '../sla/index.ts';
import type { z } from 'zod';
import type { CalendarEntry, ConfigInput, Metric, planSchema, SeverityMapping, targetSchema } from './config-schema.ts';

type TargetInput = z.input<typeof targetSchema>;
type PlanInput = z.input<typeof planSchema>;

/**
 * Starting points for the plans in the seed documents. Each brings the calendars and severity
 * mappings it needs; times the documents do not state (OTRS) are marked as editable examples.
 */
export interface PlanTemplate {
  id: TemplateId;
  name: string;
  /** Where the rules come from. */
  source: string;
  calendars: Record<string, CalendarEntry>;
  plan: PlanInput;
  severityMappings: SeverityMapping[];
}

export type TemplateId = 'priority-support' | 'neptune-basic' | 'neptune-extended' | 'otrs-subscription';

type Weekly = Partial<Record<Weekday, [string, string][]>>;
const on = (days: readonly Weekday[], from: string, to: string): Weekly => Object.fromEntries(days.map((day) => [day, [[from, to]]]));
const weekdays = (from: string, to: string): Weekly => on(['mon', 'tue', 'wed', 'thu', 'fri'], from, to);

const calendar24x7: CalendarEntry = { kind: 'fixed', name: '24x7', spec: { timezone: 'UTC', weekly: on(WEEKDAYS, '00:00', '00:00') } };
const customerHours: CalendarEntry = {
  kind: 'customer-hours',
  name: "Customer's business hours (09:00–17:00 Mon–Fri, customer's zone)",
  weekly: weekdays('09:00', '17:00'),
  fallbackTimezone: 'UTC',
};

const fourLevels = [
  { id: 'urgent', label: 'Urgent', rank: 1, color: '#b60205' },
  { id: 'high', label: 'High', rank: 2, color: '#d93f0b' },
  { id: 'medium', label: 'Medium', rank: 3, color: '#fbca04' },
  { id: 'low', label: 'Low', rank: 4, color: '#0e8a16' },
];

/** Helpdesk priorities to the Urgent/High/Medium/Low scale, for every helpdesk with a priority field. */
const fourLevelMappings = (plan: string): SeverityMapping[] => [
  { helpdesk: 'zendesk', plan, source: { kind: 'priority' }, values: { urgent: 'urgent', high: 'high', normal: 'medium', low: 'low' } },
  { helpdesk: 'freshdesk', plan, source: { kind: 'priority' }, values: { urgent: 'urgent', high: 'high', medium: 'medium', low: 'low' } },
  { helpdesk: 'jira-service-management', plan, source: { kind: 'priority' }, values: { highest: 'urgent', high: 'high', medium: 'medium', low: 'low', lowest: 'low' } },
  { helpdesk: 'zammad', plan, source: { kind: 'priority' }, values: { '3 high': 'high', '2 normal': 'medium', '1 low': 'low' } },
  { helpdesk: 'request-tracker', plan, source: { kind: 'priority' }, values: { high: 'high', medium: 'medium', low: 'low' } },
  { helpdesk: 'znuny', plan, source: { kind: 'priority' }, values: { '5 very high': 'urgent', '4 high': 'high', '3 normal': 'medium', '2 low': 'low', '1 very low': 'low' } },
];

const hours = (amount: number): TargetInput['duration'] => ({ amount, unit: 'hours' });
const businessDays = (amount: number): TargetInput['duration'] => ({ amount, unit: 'business_days' });
/** A target; warnings default to 75 % elapsed, clocks start at submission and never pause unless told. */
const target = (severity: string, metric: Metric, duration: TargetInput['duration'], calendar: string, options: Partial<TargetInput> = {}): TargetInput => ({
  severity,
  metric,
  duration,
  calendar,
  warn: { percentElapsed: 75 },
  ...options,
});
/** Parked tickets (pending on the customer, on hold) stop the update cadence, unless the customer spoke last. */
const parked = { statuses: ['pending', 'on_hold'], unlessCustomerSpokeLast: true } satisfies TargetInput['pause'];

/** What every version of Priority Support promises: 1 h first response and 1 h average, email from the customer's domain. */
const prioritySupportTerms = () => ({
  severities: [{ id: 'priority', label: 'Priority', rank: 1, color: '#6f42c1' }],
  defaultSeverity: 'priority',
  targets: [
    target('priority', 'first_response', hours(1), 'follow-the-sun-24x5', { warn: { percentElapsed: 50, minutesLeft: 15 } }),
    target('priority', 'average_response', hours(1), 'follow-the-sun-24x5', { warn: { percentElapsed: 75, minutesLeft: 15 } }),
  ],
  severityChange: 'keep-elapsed' as const,
  reopen: 'resume' as const,
  eligibility: { channels: ['email' as const], requireCustomerDomain: true },
});

export const templates: Record<TemplateId, PlanTemplate> = {
  'priority-support': {
    id: 'priority-support',
    name: 'Octopus Deploy — Priority Support',
    source: 'Priority Support FAQ (2021), blog post (2021-03-08), Priority Support Terms (effective 2023-08-01)',
    calendars: {
      'follow-the-sun-24x5': {
        kind: 'fixed',
        name: '24x5 follow-the-sun (Brisbane, London, Los Angeles)',
        // Shifts overlap so coverage stays continuous Monday to Friday across every DST combination.
        spec: {
          timezone: 'UTC',
          union: [
            { name: 'Australia team', timezone: 'Australia/Brisbane', weekly: weekdays('07:00', '17:00') },
            { name: 'UK team', timezone: 'Europe/London', weekly: weekdays('07:00', '17:00') },
            { name: 'US team', timezone: 'America/Los_Angeles', weekly: weekdays('09:00', '17:00') },
          ],
        },
      },
    },
    plan: {
      name: 'Priority Support',
      description:
        'Response within 1 hour of the first email; the average of all later responses until the ticket is resolved at most 1 hour. ' +
        'Only email tickets to the support address from requesters at the customer’s domain count. Coverage 24 hours a day, 5 days a week.',
      versions: [
        { ...prioritySupportTerms(), credit: { kind: 'full-month', terms: 'If we fail to meet our guarantees for a given month, we will credit that full month of support fees back to you.' } },
        {
          ...prioritySupportTerms(),
          // The 2023 Terms keep the objectives and change the remedy.
          effectiveFrom: '2023-08-01',
          credit: {
            kind: 'up-to-percent',
            percent: 50,
            claimWindowDays: 30,
            expiryMonths: 12,
            terms: 'Service Credit at our reasonable discretion, not exceeding 50% of the month’s Priority Support fees; request within 30 days of month end; expires after 12 months.',
          },
        },
      ],
    },
    severityMappings: [],
  },
  'neptune-basic': {
    id: 'neptune-basic',
    name: 'Neptune — Basic Support (8/5)',
    source: 'Neptune Support plans: Service Level Agreement — Basic Support',
    calendars: { 'customer-hours': customerHours },
    plan: {
      name: 'Neptune Basic Support',
      description: "8/5 in the customer's business hours. Urgent: ongoing support during the customer's business hours (no fixed update cadence). Medium and Low times are suggested, not contractually binding.",
      versions: [
        {
          severities: fourLevels,
          defaultSeverity: 'medium',
          targets: [
            target('urgent', 'first_response', hours(8), 'customer-hours'),
            target('high', 'first_response', businessDays(3), 'customer-hours'),
            target('high', 'periodic_update', businessDays(2), 'customer-hours', { pause: parked }),
            target('medium', 'first_response', businessDays(6), 'customer-hours', { binding: false }),
            target('medium', 'periodic_update', businessDays(5), 'customer-hours', { binding: false, pause: parked }),
            target('low', 'first_response', businessDays(9), 'customer-hours', { binding: false }),
            target('low', 'periodic_update', businessDays(10), 'customer-hours', { binding: false, pause: parked }),
          ],
          severityChange: 'keep-elapsed',
          reopen: 'resume',
          eligibility: { requireCustomerDomain: false },
        },
      ],
    },
    severityMappings: fourLevelMappings('neptune-basic'),
  },
  'neptune-extended': {
    id: 'neptune-extended',
    name: 'Neptune — Extended Support (24/7 critical)',
    source: 'Neptune Support plans: Service Level Agreement — Extended Support',
    calendars: { '24x7': calendar24x7, 'customer-hours': customerHours },
    plan: {
      name: 'Neptune Extended Support',
      description: '24/7 Critical Issue Response: urgent first response in 2 hours with updates every 2 hours around the clock; 4 hours of Technical Guidance on Demand per ticket. Medium and Low times are suggested, not contractually binding.',
      versions: [
        {
          severities: fourLevels,
          defaultSeverity: 'medium',
          targets: [
            target('urgent', 'first_response', hours(2), '24x7', { warn: { percentElapsed: 50, minutesLeft: 30 } }),
            target('urgent', 'periodic_update', hours(2), '24x7', { warn: { minutesLeft: 30 }, pause: parked }),
            target('high', 'first_response', hours(6), 'customer-hours'),
            target('high', 'periodic_update', businessDays(1), 'customer-hours', { pause: parked }),
            target('medium', 'first_response', businessDays(2), 'customer-hours', { binding: false }),
            target('medium', 'periodic_update', businessDays(2), 'customer-hours', { binding: false, pause: parked }),
            target('low', 'first_response', businessDays(5), 'customer-hours', { binding: false }),
            target('low', 'periodic_update', businessDays(5), 'customer-hours', { binding: false, pause: parked }),
          ],
          severityChange: 'keep-elapsed',
          reopen: 'resume',
          eligibility: { requireCustomerDomain: false },
          timeBudget: { label: 'Technical Guidance on Demand', minutesPerTicket: 240, warnAtPercent: 80 },
        },
      ],
    },
    severityMappings: fourLevelMappings('neptune-extended'),
  },
  'otrs-subscription': {
    id: 'otrs-subscription',
    name: 'OTRS — Subscription (impact levels)',
    source: 'OTRS subscription service description: Resolution and Support Services, Impact Level Definition, Accessibility',
    calendars: {
      'otrs-service-window': {
        kind: 'fixed',
        name: 'Service Level Window (example: 08:00–17:00 Mon–Fri, Europe/Berlin)',
        spec: { timezone: 'Europe/Berlin', weekly: weekdays('08:00', '17:00'), holidays: [{ annual: '01-01', name: "New Year's Day" }, { annual: '12-25', name: 'Christmas Day' }, { annual: '12-26', name: 'St Stephen’s Day' }] },
      },
      '24x7': calendar24x7,
    },
    plan: {
      name: 'OTRS Subscription',
      description:
        'Response time starts with the submission in the OTRS Support Portal, or at the beginning of the next Service Level Window when a request arrives outside it. ' +
        'Resolution time for critical problems (Enterprise) starts immediately. Two named support contacts; requests must come through the Support Portal. ' +
        'The document states no durations: the times here are editable examples.',
      versions: [
        {
          severities: [
            { id: 'critical', label: 'Level 3 — Critical', rank: 1, color: '#b60205' },
            { id: 'medium', label: 'Level 2 — Medium', rank: 2, color: '#fbca04' },
            { id: 'low', label: 'Level 1 — Low', rank: 3, color: '#0e8a16' },
          ],
          defaultSeverity: 'low',
          targets: [
            target('critical', 'first_response', hours(2), 'otrs-service-window', { start: { rule: 'next-window' } }),
            target('critical', 'resolution', hours(24), '24x7', { pause: { statuses: ['pending'], unlessCustomerSpokeLast: true } }),
            target('medium', 'first_response', hours(4), 'otrs-service-window', { start: { rule: 'next-window' } }),
            target('low', 'first_response', businessDays(1), 'otrs-service-window', { start: { rule: 'next-window' } }),
          ],
          severityChange: 'retroactive',
          reopen: 'resume',
          eligibility: { channels: ['portal', 'web'], namedContacts: 2, requireCustomerDomain: false },
        },
      ],
    },
    severityMappings: [
      { helpdesk: 'znuny', plan: 'otrs-subscription', source: { kind: 'field', field: 'Impact' }, values: { '3': 'critical', '2': 'medium', '1': 'low', critical: 'critical', medium: 'medium', low: 'low' } },
      { helpdesk: 'znuny', plan: 'otrs-subscription', source: { kind: 'priority' }, values: { '5 very high': 'critical', '4 high': 'critical', '3 normal': 'medium', '2 low': 'low', '1 very low': 'low' } },
      { helpdesk: 'zendesk', plan: 'otrs-subscription', source: { kind: 'priority' }, values: { urgent: 'critical', high: 'medium', normal: 'medium', low: 'low' } },
      { helpdesk: 'request-tracker', plan: 'otrs-subscription', source: { kind: 'priority' }, values: { high: 'critical', medium: 'medium', low: 'low' } },
    ],
  },
};

/**
 * Adds a template's plan (under the template id), its calendars (existing ids are kept) and its
 * severity mappings to a configuration document; the caller validates the result with parseConfig.
 *
 * @example
 * parseConfig(withTemplate(emptyConfig(), 'neptune-basic')).plans['neptune-basic'].name // => 'Neptune Basic Support'
 */
export function withTemplate(config: ConfigInput, templateId: TemplateId): ConfigInput {
  const template = templates[templateId];
  return {
    ...config,
    calendars: { ...structuredClone(template.calendars), ...config.calendars },
    plans: { ...config.plans, [templateId]: structuredClone(template.plan) },
    severityMappings: [...config.severityMappings.filter((mapping) => mapping.plan !== templateId), ...structuredClone(template.severityMappings)],
  };
}

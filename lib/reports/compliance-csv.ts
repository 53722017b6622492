import { METRICS, type ComplianceRow } from '../plans/index.ts';
import { toCsv, type CsvCell } from './to-csv.ts';

/** Business minutes to one decimal: the evaluator's fractions of a millisecond are noise in a spreadsheet. */
const minutes = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** Fixed columns per metric (empty where a plan has no binding target for it), so every month's file has the same shape. */
const METRIC_COLUMNS = METRICS.flatMap((metric) => [`${metric}_met`, `${metric}_missed`, `${metric}_open`]);

/** Column order of {@link summaryCsv}. */
export const SUMMARY_COLUMNS = [
  'month',
  'customer_id',
  'customer',
  'plan_id',
  'plan',
  'tickets',
  'tickets_not_covered',
  ...METRIC_COLUMNS,
  'attainment_percent',
  'average_later_response_minutes',
  'average_target_minutes',
  'later_responses',
  'credit_owed',
  'credit_amount',
  'credit_currency',
  'credit_up_to',
  'credit_claim_by',
  'credit_expires_after_months',
] as const;

/** Column order of {@link ticketsCsv}. */
export const TICKET_COLUMNS = [
  'month',
  'customer_id',
  'customer',
  'plan_id',
  'plan',
  'ticket_id',
  'subject',
  'created_at',
  'severity',
  'covered',
  'first_response_minutes',
  'first_response_target_minutes',
  'first_response_state',
  'later_responses',
  'average_later_response_minutes',
  'breaches',
  'url',
] as const;

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/**
 * One line per customer and plan: tickets, met/missed/open per binding metric, attainment, the
 * average of later responses against its target, and the credit estimate.
 *
 * @example
 * summaryCsv(compliance.month, compliance.rows).split('\r\n')[0].startsWith('month,customer_id,customer,plan_id') // => true
 */
export function summaryCsv(month: string, rows: readonly ComplianceRow[]): string {
  return toCsv(
    SUMMARY_COLUMNS,
    rows.map((row): CsvCell[] => {
      const tallies = METRICS.flatMap((metric) => {
        const tally = row.metrics.find((candidate) => candidate.metric === metric);
        return tally ? [tally.met, tally.missed, tally.open] : [null, null, null];
      });
      const { credit } = row;
      return [
        month,
        row.customerId,
        row.customerName,
        row.planId,
        row.planName,
        row.tickets,
        row.ticketDetails.filter((detail) => !detail.covered).length,
        ...tallies,
        row.attainmentPercent,
        minutes(row.averageResponse.achievedMinutes),
        row.averageResponse.targetMinutes,
        row.averageResponse.responses,
        credit ? yesNo(credit.owed) : null,
        credit?.amount ?? null,
        credit?.currency ?? null,
        credit ? yesNo(credit.upTo) : null,
        credit?.claimBy ?? null,
        credit?.expiresAfterMonths ?? null,
      ];
    }),
  );
}

/**
 * One line per ticket: who, what, when, the first response against its target, later responses,
 * and the binding targets it missed.
 *
 * @example
 * ticketsCsv('2026-11', rows).split('\r\n')[1] // => '2026-11,acme,Acme,priority-support,Priority Support,A1,"Printer, 2nd floor",…'
 */
export function ticketsCsv(month: string, rows: readonly ComplianceRow[]): string {
  return toCsv(
    TICKET_COLUMNS,
    rows.flatMap((row) =>
      row.ticketDetails.map((detail): CsvCell[] => [
        month,
        row.customerId,
        row.customerName,
        row.planId,
        row.planName,
        detail.id,
        detail.subject,
        detail.createdAt,
        detail.severity,
        yesNo(detail.covered),
        minutes(detail.firstResponse?.minutes ?? null),
        detail.firstResponse?.targetMinutes ?? null,
        detail.firstResponse?.state ?? null,
        detail.laterResponses.length,
        minutes(detail.averageMinutes),
        detail.breaches.join('; '),
        detail.url ?? null,
      ]),
    ),
  );
}

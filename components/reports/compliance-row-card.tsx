import type { ComplianceRow } from '../../lib/plans/index.ts';
import { formatMinutes } from '../../lib/format/duration.ts';
import { formatMonth } from '../../lib/reports/report-text.ts';
import { CreditExposure } from './credit-exposure.tsx';
import { MetricTable } from './metric-table.tsx';
import { TicketTable } from './ticket-table.tsx';
import { UnknownsList } from './unknowns-list.tsx';

interface ComplianceRowCardProps {
  row: ComplianceRow;
  month: string;
  zone: string;
  estimated: readonly string[];
  today: string;
}

function averageText(row: ComplianceRow): string {
  const { achievedMinutes, targetMinutes, responses } = row.averageResponse;
  if (achievedMinutes === null) return 'no later responses';
  const achieved = `${formatMinutes(achievedMinutes)} over ${responses} ${responses === 1 ? 'response' : 'responses'}`;
  return targetMinutes === null ? achieved : `${achieved}, target ≤ ${formatMinutes(targetMinutes)}`;
}

/** One customer on one plan for the month: targets, average response, attainment, credit, unknowns and tickets. */
export function ComplianceRowCard({ row, month, zone, estimated, today }: ComplianceRowCardProps) {
  const title = `${row.customerName} — ${row.planName}`;
  const open = row.metrics.reduce((sum, tally) => sum + tally.open, 0);
  return (
    <section className="row-card" aria-label={title}>
      <h3>
        {row.customerName} <span className="plan">{row.planName}</span>
      </h3>
      <dl className="row-figures">
        <div>
          <dt>Tickets</dt>
          <dd>{row.tickets}</dd>
        </div>
        <div>
          <dt>Attainment</dt>
          <dd>{row.attainmentPercent === null ? '—' : `${row.attainmentPercent} %`}</dd>
        </div>
        <div>
          <dt>Average of later responses</dt>
          <dd>{averageText(row)}</dd>
        </div>
      </dl>
      <MetricTable metrics={row.metrics} caption={`Binding targets of ${title}`} />
      <CreditExposure credit={row.credit} openTargets={open} today={today} />
      <UnknownsList row={row} estimated={estimated} />
      {row.ticketDetails.length > 0 && (
        <details>
          <summary>{`Tickets (${row.ticketDetails.length})`}</summary>
          <TicketTable tickets={row.ticketDetails} zone={zone} estimated={new Set(estimated)} caption={`Tickets of ${title}, ${formatMonth(month)}`} />
        </details>
      )}
    </section>
  );
}

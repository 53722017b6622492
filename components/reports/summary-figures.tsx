import type { ComplianceRow } from '../../lib/plans/index.ts';
import { attainment, creditExposure, tallyRows } from '../../lib/reports/aggregate.ts';
import { formatMoney } from '../../lib/reports/report-text.ts';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The month at a glance over the rows shown: tickets, attainment, misses and the credit owed. */
export function SummaryFigures({ rows }: { rows: readonly ComplianceRow[] }) {
  const tally = tallyRows(rows);
  const percent = attainment(tally);
  const open = rows.reduce((sum, row) => sum + row.metrics.reduce((inner, metric) => inner + metric.open, 0), 0);
  const exposure = creditExposure(rows);
  const owed = [
    ...exposure.byCurrency.map((entry) => `${entry.upTo ? 'up to ' : ''}${formatMoney(entry.amount, entry.currency)}`),
    ...(exposure.unpriced > 0 ? [`${exposure.unpriced} owed without a fee on file`] : []),
  ];
  return (
    <dl className="figures" aria-label="Month at a glance">
      <div>
        <dt>Tickets</dt>
        <dd>{rows.reduce((sum, row) => sum + row.tickets, 0)}</dd>
      </div>
      <div>
        <dt>Attainment</dt>
        <dd>{percent === null ? '—' : `${percent} %`}</dd>
        <dd className="note">{`${tally.met} of ${tally.met + tally.missed} decided targets met`}</dd>
      </div>
      <div>
        <dt>Targets missed</dt>
        <dd>{tally.missed}</dd>
        {open > 0 && <dd className="note">{`${open} still open`}</dd>}
      </div>
      <div>
        <dt>Service-credit exposure</dt>
        <dd>{owed.length === 0 ? 'None' : capitalize(owed.join(' + '))}</dd>
      </div>
    </dl>
  );
}

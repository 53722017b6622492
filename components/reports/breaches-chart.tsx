import type { SeverityBreaches } from '../../lib/reports/aggregate.ts';
import { ChartFigure, type ChartDatum } from './chart-figure.tsx';

const LABEL = 150;
const BAR = 260;
const ROW = 28;
const MAX_LABEL = 22;

/** Missed binding targets by severity, as horizontal bars (severity names can be long). */
export function BreachesChart({ severities }: { severities: readonly SeverityBreaches[] }) {
  if (severities.length === 0) return <p className="chart-empty">No binding target was missed.</p>;
  const max = Math.max(...severities.map((entry) => entry.breaches));
  const data: ChartDatum[] = severities.map((entry) => ({
    label: entry.severity,
    text: String(entry.breaches),
    detail: `${entry.breaches} missed ${entry.breaches === 1 ? 'target' : 'targets'} on ${entry.tickets} ${entry.tickets === 1 ? 'ticket' : 'tickets'}`,
  }));
  return (
    <ChartFigure title="Breaches by severity" labelHeader="Severity" detailHeader="Breaches" data={data}>
      {({ titleId, descId }) => (
        <svg className="chart-svg" viewBox={`0 0 ${LABEL + BAR + 40} ${severities.length * ROW + 8}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          {severities.map((entry, index) => {
            const top = index * ROW + 4;
            const length = Math.max(2, (entry.breaches / max) * BAR);
            const label = entry.severity.length > MAX_LABEL ? `${entry.severity.slice(0, MAX_LABEL - 1)}…` : entry.severity;
            return (
              <g key={entry.severity}>
                <text className="chart-label" x={LABEL - 8} y={top + ROW / 2 + 4} textAnchor="end">
                  {label}
                </text>
                <rect className="bar bar-missed" x={LABEL} y={top + 4} width={length} height={ROW - 8} />
                <text className="chart-value" x={LABEL + length + 6} y={top + ROW / 2 + 4}>
                  {entry.breaches}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFigure>
  );
}

import type { WeekAttainment } from '../../lib/reports/aggregate.ts';
import { formatWeek } from '../../lib/reports/report-text.ts';
import { ChartFigure, type ChartDatum } from './chart-figure.tsx';

const COLUMN = 64;
const LEFT = 44;
const TOP = 18;
const PLOT = 120;

const y = (percent: number) => TOP + PLOT - (percent / 100) * PLOT;

/**
 * Attainment (met ÷ decided binding targets) by week of ticket creation, as columns on a 0–100 %
 * scale. Hand-written SVG: a handful of bars needs no charting library, and the markup takes the
 * page's colours (light and dark) from CSS and prints as it looks.
 */
export function AttainmentChart({ weeks }: { weeks: readonly WeekAttainment[] }) {
  const data: ChartDatum[] = weeks.map((week) => ({
    label: formatWeek(week.from, week.to),
    text: week.percent === null ? '—' : `${week.percent} %`,
    detail: week.percent === null ? 'no targets decided' : `${week.met} of ${week.met + week.missed} targets met`,
  }));
  const width = LEFT + weeks.length * COLUMN;
  return (
    <ChartFigure title="Attainment by week" labelHeader="Week" detailHeader="Targets" data={data}>
      {({ titleId, descId }) => (
        <svg className="chart-svg" viewBox={`0 0 ${width} ${TOP + PLOT + 28}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          {[0, 50, 100].map((tick) => (
            <g key={tick} className="chart-grid">
              <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">{`${tick} %`}</text>
            </g>
          ))}
          {weeks.map((week, index) => {
            const x = LEFT + index * COLUMN + 12;
            const datum = data[index];
            return (
              <g key={week.from}>
                {week.percent !== null && <rect className={week.missed > 0 ? 'bar bar-missed' : 'bar'} x={x} y={y(week.percent)} width={COLUMN - 24} height={(week.percent / 100) * PLOT} />}
                <text className="chart-value" x={x + (COLUMN - 24) / 2} y={y(week.percent ?? 0) - 5} textAnchor="middle">
                  {datum?.text}
                </text>
                <text className="chart-label" x={x + (COLUMN - 24) / 2} y={TOP + PLOT + 18} textAnchor="middle">
                  {datum?.label}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFigure>
  );
}

import type { MetricTally } from '../../lib/plans/index.ts';

/** Met, missed and open per binding target of one customer and plan. */
export function MetricTable({ metrics, caption }: { metrics: readonly MetricTally[]; caption: string }) {
  if (metrics.length === 0) return <p className="note">No binding target applied to this month’s tickets.</p>;
  return (
    <table className="metrics">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Binding target</th>
          <th scope="col">Met</th>
          <th scope="col">Missed</th>
          <th scope="col">Open</th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((tally) => (
          <tr key={tally.metric}>
            <th scope="row">{tally.label}</th>
            <td>{tally.met}</td>
            <td className={tally.missed > 0 ? 'missed' : undefined}>{tally.missed}</td>
            <td>{tally.open}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

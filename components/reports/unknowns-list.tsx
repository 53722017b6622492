import type { ComplianceRow } from '../../lib/plans/index.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What the numbers of one row do not know: estimated clocks, tickets the plan does not cover, targets still open. */
export function UnknownsList({ row, estimated }: { row: ComplianceRow; estimated: readonly string[] }) {
  const notCovered = row.ticketDetails.filter((detail) => !detail.covered).length;
  const open = row.metrics.reduce((sum, tally) => sum + tally.open, 0);
  const items = [
    ...(estimated.length > 0 ? [`${plural(estimated.length, 'ticket was', 'tickets were')} seen without their full history, so their clocks are estimates (${estimated.join(', ')}).`] : []),
    ...(notCovered > 0 ? [`${plural(notCovered, 'ticket is', 'tickets are')} not covered by the plan (channel, requester or domain) and not counted.`] : []),
    ...(open > 0 ? [`${plural(open, 'target is', 'targets are')} still open: the month's figures can change.`] : []),
  ];
  if (items.length === 0) return null;
  return (
    <div className="unknowns">
      <h4>Not known for sure</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

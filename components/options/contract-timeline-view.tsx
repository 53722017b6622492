import { contractTimeline, type ContractState } from '../../lib/plans/contract-timeline.ts';
import type { Customer, Plan } from '../../lib/plans/config-schema.ts';

function describeState(state: ContractState, plans: Readonly<Record<string, Plan>>): string {
  if (!state.contract) return 'no contract (tickets are not covered)';
  const plan = plans[state.contract.plan];
  if (!plan) return `contract ${(state.contractIndex ?? 0) + 1} names the unknown plan "${state.contract.plan}"`;
  const version = state.versionFrom === undefined ? '' : ` (terms from ${state.versionFrom})`;
  const fee = state.contract.monthlyFee ? `, ${state.contract.monthlyFee.amount} ${state.contract.monthlyFee.currency} a month` : '';
  return `${plan.name}${version}${fee}`;
}

/** Which plan is in force today for a customer, and what changes next (and after). */
export function ContractTimelineView({ customer, plans, today }: { customer: Customer; plans: Readonly<Record<string, Plan>>; today: string }) {
  const timeline = contractTimeline(customer, today, plans);
  const [next, ...later] = timeline.changes;
  return (
    <section className="timeline" aria-label={`${customer.name}: plan in force`}>
      <p>
        <strong>Today ({today}):</strong> {describeState(timeline.today, plans)}
      </p>
      <p>
        <strong>Next change:</strong> {next ? `on ${next.date}, ${describeState(next.after, plans)}` : 'none scheduled'}
      </p>
      {later.length > 0 && (
        <ul>
          {later.map((change) => (
            <li key={change.date}>
              {change.date}: {describeState(change.after, plans)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { Contract } from '../../lib/plans/config-schema.ts';
import { setOptional } from './optional.ts';
import { OptionalNumberField, SelectField, TextField, type Choice, type FieldPath } from './fields.tsx';

/** A customer's contracts over time: plan, from/until (inclusive) and monthly fee (for service credits). */
export function ContractsEditor({ value, onChange, path, plans, customer }: { value: readonly Contract[]; onChange: (contracts: Contract[]) => void; path: FieldPath; plans: readonly Choice<string>[]; customer: string }) {
  const set = (i: number, contract: Contract): void => onChange(value.map((old, j) => (j === i ? contract : old)));
  return (
    <fieldset className="contracts">
      <legend>Contracts</legend>
      {value.length === 0 && <p className="muted">No contract: tickets from this customer are shown as not covered.</p>}
      <ol>
        {value.map((contract, i) => {
          const title = `${customer} contract ${i + 1}`;
          return (
            <li key={i} aria-label={title}>
              <SelectField label={`${title}: plan`} value={contract.plan} choices={plans} path={[...path, i, 'plan']} onChange={(plan) => set(i, { ...contract, plan })} />
              <TextField label={`${title}: from`} type="date" value={contract.from ?? ''} hint="Empty: since always." path={[...path, i, 'from']} onChange={(date) => set(i, setOptional(contract, 'from', date))} />
              <TextField label={`${title}: until (last day)`} type="date" value={contract.until ?? ''} hint="Empty: open-ended." path={[...path, i, 'until']} onChange={(date) => set(i, setOptional(contract, 'until', date))} />
              <OptionalNumberField
                label={`${title}: monthly fee`}
                value={contract.monthlyFee?.amount}
                min={0}
                path={[...path, i, 'monthlyFee', 'amount']}
                onChange={(amount) => {
                  const next = { ...contract };
                  if (amount === undefined) delete next.monthlyFee;
                  else next.monthlyFee = { amount, currency: contract.monthlyFee?.currency ?? 'USD' };
                  set(i, next);
                }}
              />
              {contract.monthlyFee && (
                <TextField
                  label={`${title}: currency`}
                  value={contract.monthlyFee.currency}
                  placeholder="USD"
                  path={[...path, i, 'monthlyFee', 'currency']}
                  onChange={(currency) => set(i, { ...contract, monthlyFee: { amount: contract.monthlyFee?.amount ?? 0, currency: currency.toUpperCase() } })}
                />
              )}
              <button type="button" aria-label={`Remove ${title}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove contract
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={plans.length === 0} onClick={() => onChange([...value, { plan: plans[0]?.value ?? '' }])}>
        Add contract
      </button>
      {plans.length === 0 && <p className="hint">Add a plan first.</p>}
    </fieldset>
  );
}

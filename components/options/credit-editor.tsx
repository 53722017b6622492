import type { CreditRule } from '../../lib/plans/config-schema.ts';
import { setOptional } from './optional.ts';
import { CheckboxField, OptionalNumberField, SelectField, TextAreaField, type Choice, type FieldPath } from './fields.tsx';

const KINDS: readonly Choice<CreditRule['kind']>[] = [
  { value: 'full-month', label: 'A missed month credits the full month’s fee' },
  { value: 'up-to-percent', label: 'Up to a percentage of the month’s fee (vendor’s discretion)' },
];

/** The service-credit rule of a plan version (Octopus: full month; later terms: up to 50 %, claim in 30 days). */
export function CreditEditor({ value, onChange, path }: { value: CreditRule | undefined; onChange: (credit: CreditRule | undefined) => void; path: FieldPath }) {
  return (
    <fieldset className="credit">
      <legend>Service credit</legend>
      <CheckboxField label="Misses earn a service credit" checked={value !== undefined} onChange={(on) => onChange(on ? { kind: 'full-month' } : undefined)} />
      {value && (
        <>
          <SelectField label="Credit" value={value.kind} choices={KINDS} path={[...path, 'kind']} onChange={(kind) => onChange({ ...value, kind })} />
          {value.kind === 'up-to-percent' && (
            <OptionalNumberField label="At most (% of the month’s fee)" value={value.percent} min={0} max={100} path={[...path, 'percent']} onChange={(n) => onChange(setOptional(value, 'percent', n))} />
          )}
          <OptionalNumberField
            label="Claim within (days after month end)"
            value={value.claimWindowDays}
            min={1}
            path={[...path, 'claimWindowDays']}
            hint="Empty: no claim needed."
            onChange={(n) => onChange(setOptional(value, 'claimWindowDays', n))}
          />
          <OptionalNumberField label="Credit expires after (months)" value={value.expiryMonths} min={1} path={[...path, 'expiryMonths']} onChange={(n) => onChange(setOptional(value, 'expiryMonths', n))} />
          <TextAreaField
            label="Contract wording"
            value={value.terms ?? ''}
            path={[...path, 'terms']}
            rows={3}
            onChange={(terms) => {
              const next = { ...value };
              if (terms === '') delete next.terms;
              else next.terms = terms;
              onChange(next);
            }}
          />
        </>
      )}
    </fieldset>
  );
}

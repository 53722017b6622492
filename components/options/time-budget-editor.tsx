import type { PlanVersion } from '../../lib/plans/config-schema.ts';
import { CheckboxField, NumberField, TextField, type FieldPath } from './fields.tsx';

type TimeBudget = NonNullable<PlanVersion['timeBudget']>;

/** Agent time included per ticket (Neptune Extended: 4 hours of Technical Guidance on Demand). */
export function TimeBudgetEditor({ value, onChange, path }: { value: TimeBudget | undefined; onChange: (budget: TimeBudget | undefined) => void; path: FieldPath }) {
  return (
    <fieldset className="time-budget">
      <legend>Time budget per ticket</legend>
      <CheckboxField
        label="Tickets include a budget of agent time"
        checked={value !== undefined}
        onChange={(on) => onChange(on ? { label: 'Included time', minutesPerTicket: 240, warnAtPercent: 80 } : undefined)}
      />
      {value && (
        <>
          <TextField label="Budget name" value={value.label} path={[...path, 'label']} onChange={(label) => onChange({ ...value, label })} />
          <NumberField label="Minutes per ticket" value={value.minutesPerTicket} min={1} path={[...path, 'minutesPerTicket']} onChange={(minutesPerTicket) => onChange({ ...value, minutesPerTicket })} />
          <NumberField label="Warn at % used" value={value.warnAtPercent} min={1} max={100} path={[...path, 'warnAtPercent']} onChange={(warnAtPercent) => onChange({ ...value, warnAtPercent })} />
        </>
      )}
    </fieldset>
  );
}

import type { Customer, Plan } from '../../lib/plans/config-schema.ts';
import { ContractsEditor } from './contracts-editor.tsx';
import { LinesField, TextField, type FieldPath } from './fields.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { MatchRulesEditor } from './match-rules-editor.tsx';
import { nowIn, useEnvironment } from './options-environment.ts';
import { TimezonePicker } from './timezone-picker.tsx';

/** One customer: identity, time zone and holidays (for "customer hours"), rules, contracts, named contacts. */
export function CustomerEditor({ value, onChange, path, plans }: { value: Customer; onChange: (customer: Customer) => void; path: FieldPath; plans: Readonly<Record<string, Plan>> }) {
  const { now } = useEnvironment();
  const title = value.name || value.id || 'Customer';
  const zone = value.timezone ?? 'UTC';
  // Contracts change at the customer's local midnight, as ticket matching reads them.
  const today = nowIn(now, zone).toISODate() ?? '';
  const planChoices = Object.entries(plans).map(([id, plan]) => ({ value: id, label: plan.name }));
  return (
    <div className="customer-editor">
      <TextField label={`${title}: id`} value={value.id} path={[...path, 'id']} onChange={(id) => onChange({ ...value, id })} />
      <TextField label={`${title}: name`} value={value.name} path={[...path, 'name']} onChange={(name) => onChange({ ...value, name })} />
      <TimezonePicker
        label={`${title}: time zone`}
        optional
        value={value.timezone ?? ''}
        path={[...path, 'timezone']}
        onChange={(timezone) => {
          const next = { ...value };
          if (timezone === '') delete next.timezone;
          else next.timezone = timezone;
          onChange(next);
        }}
      />
      <HolidaysEditor label={`${title}: holidays`} value={value.holidays ?? []} zone={zone} today={today} path={[...path, 'holidays']} onChange={(holidays) => onChange({ ...value, holidays })} />
      <MatchRulesEditor customer={title} value={value.rules} path={[...path, 'rules']} onChange={(rules) => onChange({ ...value, rules })} />
      <ContractsEditor customer={title} value={value.contracts} plans={planChoices} path={[...path, 'contracts']} onChange={(contracts) => onChange({ ...value, contracts })} />
      <LinesField
        label={`${title}: named contacts`}
        value={value.namedContacts ?? []}
        hint="One email address per line, in order (plans that allow N named contacts count the first N)."
        path={[...path, 'namedContacts']}
        onChange={(contacts) => {
          const next = { ...value };
          if (contacts.length === 0) delete next.namedContacts;
          else next.namedContacts = contacts;
          onChange(next);
        }}
      />
    </div>
  );
}

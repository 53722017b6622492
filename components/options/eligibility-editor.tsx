import type { PlanVersion } from '../../lib/plans/config-schema.ts';
import { TICKET_CHANNELS, type TicketChannel } from '../../lib/ticket.ts';
import { CheckboxField, OptionalNumberField, type FieldPath } from './fields.tsx';

type Eligibility = PlanVersion['eligibility'];

/** Which tickets the plan covers: channels (e.g. email only), named contacts, the customer's domain. */
export function EligibilityEditor({ value, onChange, path }: { value: Eligibility; onChange: (eligibility: Eligibility) => void; path: FieldPath }) {
  const channels = value.channels;
  const toggle = (channel: TicketChannel, on: boolean): void => {
    const next = on ? [...(channels ?? []), channel] : (channels ?? []).filter((c) => c !== channel);
    onChange({ ...value, channels: next });
  };
  return (
    <fieldset className="eligibility">
      <legend>Eligibility</legend>
      <CheckboxField
        label="Only some channels count"
        checked={channels !== undefined}
        hint="E.g. Priority Support covers only email sent to the support address."
        onChange={(on) => {
          const next = { ...value };
          if (on) next.channels = ['email'];
          else delete next.channels;
          onChange(next);
        }}
      />
      {channels !== undefined && (
        <fieldset className="row" aria-label="Channels that count">
          <legend>Channels that count</legend>
          {TICKET_CHANNELS.map((channel) => (
            <CheckboxField key={channel} label={channel} checked={channels.includes(channel)} onChange={(on) => toggle(channel, on)} />
          ))}
        </fieldset>
      )}
      <OptionalNumberField
        label="Named contacts allowed"
        value={value.namedContacts}
        min={1}
        path={[...path, 'namedContacts']}
        hint="Requesters beyond the customer’s first N named contacts are flagged. Empty: anyone."
        onChange={(namedContacts) => {
          const next = { ...value };
          if (namedContacts === undefined) delete next.namedContacts;
          else next.namedContacts = namedContacts;
          onChange(next);
        }}
      />
      <CheckboxField
        label="Requester must be at the customer’s email domain"
        checked={value.requireCustomerDomain}
        path={[...path, 'requireCustomerDomain']}
        onChange={(requireCustomerDomain) => onChange({ ...value, requireCustomerDomain })}
      />
    </fieldset>
  );
}

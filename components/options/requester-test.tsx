import { useState } from 'react';
import { checkEligibility } from '../../lib/plans/eligibility.ts';
import { matchCustomer } from '../../lib/plans/match-customer.ts';
import { parseConfig } from '../../lib/plans/parse-config.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { TICKET_CHANNELS, type HelpdeskId, type Ticket, type TicketChannel } from '../../lib/ticket.ts';
import { SelectField, TextField } from './fields.tsx';
import { HELPDESK_CHOICES } from './helpdesk-catalog.ts';
import { useEnvironment } from './options-environment.ts';

/**
 * "Test a requester": which customer and plan a ticket from this requester would get today, and
 * why (the matching rule, or why none), using the same matcher as the clocks. Reads the draft,
 * so rules can be tried before they are saved.
 */
export function RequesterTest() {
  const { now } = useEnvironment();
  const draft = useOptionsStore((state) => state.draft);
  const invalid = useOptionsStore((state) => state.issues.length > 0);
  const [email, setEmail] = useState('');
  const [organization, setOrganization] = useState('');
  const [tags, setTags] = useState('');
  const [helpdesk, setHelpdesk] = useState<HelpdeskId>('zendesk');
  const [channel, setChannel] = useState<TicketChannel>('email');

  const ticket: Ticket = {
    id: 'requester-test',
    helpdesk,
    subject: '',
    requester: { email: email.trim().toLowerCase() },
    ...(organization.trim() === '' ? {} : { organization: organization.trim() }),
    tags: tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''),
    status: 'new',
    channel,
    createdAt: now.toUTC().toISO() ?? '',
    events: [],
    complete: true,
  };
  const asked = email.trim() !== '' || organization.trim() !== '' || tags.trim() !== '';
  // Matching reads the validated form (lower-cased domains…); an invalid draft cannot be matched against.
  const result = asked && !invalid ? matchCustomer(ticket, parseConfig(draft)) : undefined;
  const eligibility = result?.version && result.customer ? checkEligibility(ticket, result.version, result.customer) : undefined;

  return (
    <section className="card requester-test" aria-label="Test a requester">
      <h3>Test a requester</h3>
      <div className="row">
        <TextField label="Requester email" type="email" value={email} placeholder="ann@example.com" onChange={setEmail} />
        <TextField label="Organization" value={organization} onChange={setOrganization} />
        <TextField label="Tags" value={tags} hint="Comma-separated." onChange={setTags} />
        <SelectField label="Helpdesk" value={helpdesk} choices={HELPDESK_CHOICES} onChange={(id) => setHelpdesk(id)} />
        <SelectField label="Channel" value={channel} choices={TICKET_CHANNELS.map((c) => ({ value: c, label: c }))} onChange={(c) => setChannel(c)} />
      </div>
      <div className="result" aria-live="polite">
        {asked && invalid && <p className="muted">Fix the problems listed above to test matching.</p>}
        {result?.match.status === 'matched' && (
          <>
            <p>
              <strong>{result.match.customerName}</strong> on <strong>{result.match.planName}</strong>
              {result.match.planVersionFrom === undefined ? '' : ` (terms from ${result.match.planVersionFrom})`}
            </p>
            <p className="muted">Why: {result.match.reason}</p>
          </>
        )}
        {result?.match.status === 'no_plan' && (
          <p>
            <strong>{result.match.customerName === undefined ? 'No customer' : `${result.match.customerName}: no plan`}</strong> — {result.match.reason}
          </p>
        )}
        {eligibility && (eligibility.eligible ? <p>Covered by the plan.</p> : <p>Not covered: {eligibility.issues.join('; ')}.</p>)}
      </div>
    </section>
  );
}

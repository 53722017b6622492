import { DateTime, IANAZone } from 'luxon';
import { SchemaError } from '../../lib/schema-error.ts';
import { parseTicket, TICKET_CHANNELS, TICKET_EVENT_TYPES, TICKET_STATUSES, type HelpdeskId, type Ticket, type TicketChannel, type TicketEventType, type TicketStatus } from '../../lib/ticket.ts';
import { LinesField, OptionalNumberField, SelectField, TextField, type Choice } from './fields.tsx';
import { HELPDESK_CHOICES } from './helpdesk-catalog.ts';

/** A ticket as typed into the simulator: local wall times (`YYYY-MM-DDTHH:mm`) in `zone`. */
export interface SimulatedTicket {
  zone: string;
  helpdesk: HelpdeskId;
  email: string;
  organization: string;
  tags: string;
  channel: TicketChannel | '';
  /** The helpdesk priority when the ticket was created (recorded as a priority change at creation). */
  priority: string;
  createdAt: string;
  fields: string[];
  timeSpentMinutes: number | undefined;
  events: SimulatedEvent[];
}

export interface SimulatedEvent {
  type: TicketEventType;
  at: string;
  status: TicketStatus;
  priority: string;
  author: string;
}

const EVENT_LABELS: Record<TicketEventType, string> = {
  customer_message: 'Customer message',
  agent_reply: 'Agent reply',
  internal_note: 'Internal note',
  status_change: 'Status change',
  priority_change: 'Priority change',
};
const EVENT_CHOICES = TICKET_EVENT_TYPES.map((type) => ({ value: type, label: EVENT_LABELS[type] }));
const STATUS_CHOICES = TICKET_STATUSES.map((status) => ({ value: status, label: status.replace('_', ' ') }));
const CHANNEL_CHOICES: readonly Choice<TicketChannel | ''>[] = [{ value: '', label: 'unknown' }, ...TICKET_CHANNELS.map((channel) => ({ value: channel, label: channel }))];

/** Local wall time in `zone` → UTC ISO, or a message naming the field. */
function instant(local: string, zone: string, field: string): string {
  const invalid = new SchemaError('simulated ticket', [{ path: field, message: 'expected a date and time' }]);
  if (!IANAZone.isValidZone(zone) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) throw invalid;
  try {
    const at = DateTime.fromISO(local, { zone });
    if (!at.isValid) throw invalid;
    return at.toUTC().toISO();
  } catch {
    // Luxon throws instead of returning an invalid DateTime when Settings.throwOnInvalid is on.
    throw invalid;
  }
}

/**
 * The normalized Ticket the adapters would produce for this timeline (events in time order; the
 * status is the last status change, the priority the last priority).
 *
 * @throws {SchemaError} naming the field that is not a valid time or value.
 */
export function toTicket(sim: SimulatedTicket): Ticket {
  const createdAt = instant(sim.createdAt, sim.zone, 'created');
  const events = sim.events
    .map((event, i) => ({
      at: instant(event.at, sim.zone, `events[${i}].at`),
      type: event.type,
      ...(event.type === 'status_change' ? { status: event.status } : {}),
      ...(event.type === 'priority_change' ? { priority: event.priority } : {}),
      ...(event.author.trim() === '' ? {} : { author: event.author.trim() }),
    }))
    .concat(sim.priority.trim() === '' ? [] : [{ at: createdAt, type: 'priority_change' as const, priority: sim.priority.trim() }])
    .sort((a, b) => a.at.localeCompare(b.at));
  const status = events.filter((event) => event.type === 'status_change').at(-1)?.status ?? 'new';
  const priority = events.filter((event) => event.type === 'priority_change').at(-1)?.priority;
  const fields = Object.fromEntries(
    sim.fields.map((line) => line.split(/[:=]/)).filter((pair) => pair.length >= 2).map(([name = '', ...value]) => [name.trim(), value.join(':').trim()]),
  );
  return parseTicket({
    id: 'simulated',
    helpdesk: sim.helpdesk,
    subject: 'Simulated ticket',
    requester: { email: sim.email },
    ...(sim.organization.trim() === '' ? {} : { organization: sim.organization.trim() }),
    tags: sim.tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''),
    ...(priority === undefined ? {} : { priority }),
    status,
    ...(sim.channel === '' ? {} : { channel: sim.channel }),
    createdAt,
    events,
    complete: true,
    ...(Object.keys(fields).length === 0 ? {} : { fields }),
    ...(sim.timeSpentMinutes === undefined ? {} : { timeSpentMinutes: sim.timeSpentMinutes }),
  });
}

/** The simulator's ticket: requester, channel, priority, and a timeline of messages, replies, notes and changes. */
export function TicketTimelineEditor({ value, onChange }: { value: SimulatedTicket; onChange: (sim: SimulatedTicket) => void }) {
  const set = (patch: Partial<SimulatedTicket>): void => onChange({ ...value, ...patch });
  const setEvent = (i: number, patch: Partial<SimulatedEvent>): void => set({ events: value.events.map((event, j) => (j === i ? { ...event, ...patch } : event)) });
  return (
    <fieldset className="timeline-editor">
      <legend>Ticket</legend>
      <div className="row">
        <SelectField label="Helpdesk" value={value.helpdesk} choices={HELPDESK_CHOICES} onChange={(helpdesk) => set({ helpdesk })} />
        <TextField label="Requester email" type="email" value={value.email} onChange={(email) => set({ email })} />
        <TextField label="Organization" value={value.organization} onChange={(organization) => set({ organization })} />
        <TextField label="Tags" value={value.tags} hint="Comma-separated." onChange={(tags) => set({ tags })} />
        <SelectField label="Channel" value={value.channel} choices={CHANNEL_CHOICES} onChange={(channel) => set({ channel })} />
        <TextField label="Priority at creation" value={value.priority} placeholder="urgent" onChange={(priority) => set({ priority })} />
      </div>
      <div className="row">
        <TextField label={`Created (${value.zone})`} type="datetime-local" value={value.createdAt} onChange={(createdAt) => set({ createdAt })} />
        <OptionalNumberField label="Agent time spent (minutes)" value={value.timeSpentMinutes} min={0} onChange={(timeSpentMinutes) => set({ timeSpentMinutes })} />
        <LinesField label="Custom fields" value={value.fields} rows={2} hint="One per line: Name: value." onChange={(fields) => set({ fields })} />
      </div>
      <ol className="events">
        {value.events.map((event, i) => {
          const title = `Event ${i + 1}`;
          return (
            <li key={i} className="row" aria-label={`${title}: ${EVENT_LABELS[event.type]}`}>
              <SelectField label={`${title}: type`} value={event.type} choices={EVENT_CHOICES} onChange={(type) => setEvent(i, { type })} />
              <TextField label={`${title}: at (${value.zone})`} type="datetime-local" value={event.at} onChange={(at) => setEvent(i, { at })} />
              {event.type === 'status_change' && <SelectField label={`${title}: new status`} value={event.status} choices={STATUS_CHOICES} onChange={(status) => setEvent(i, { status })} />}
              {event.type === 'priority_change' && <TextField label={`${title}: new priority`} value={event.priority} onChange={(priority) => setEvent(i, { priority })} />}
              <TextField label={`${title}: author`} value={event.author} onChange={(author) => setEvent(i, { author })} />
              <button type="button" aria-label={`Remove ${title}`} onClick={() => set({ events: value.events.filter((_, j) => j !== i) })}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => set({ events: [...value.events, { type: 'agent_reply', at: value.events.at(-1)?.at ?? value.createdAt, status: 'pending', priority: '', author: '' }] })}
      >
        Add event
      </button>
    </fieldset>
  );
}

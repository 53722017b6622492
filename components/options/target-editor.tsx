import { METRICS, type Metric, type Target, type TargetDuration } from '../../lib/plans/config-schema.ts';
import { TICKET_STATUSES } from '../../lib/ticket.ts';
import { CheckboxField, IssueAt, NumberField, OptionalNumberField, SelectField, type Choice, type FieldPath } from './fields.tsx';

export const METRIC_LABELS: Record<Metric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Update cadence',
  average_response: 'Average response',
  resolution: 'Resolution',
};
const METRIC_CHOICES = METRICS.map((metric) => ({ value: metric, label: METRIC_LABELS[metric] }));
const UNIT_CHOICES: readonly Choice<TargetDuration['unit']>[] = [
  { value: 'minutes', label: 'business minutes' },
  { value: 'hours', label: 'business hours' },
  { value: 'business_days', label: 'business days' },
];
const START_CHOICES: readonly Choice<Target['start']['rule']>[] = [
  { value: 'submission', label: 'at submission' },
  { value: 'next-window', label: 'at the next service window (if outside it)' },
];

/**
 * One target of a plan version: the time allowed (or cadence, or maximum average) for a severity
 * and metric, on a calendar, with its warning thresholds, start rule and pause statuses.
 */
export function TargetEditor({
  value,
  onChange,
  onRemove,
  path,
  severities,
  calendars,
}: {
  value: Target;
  onChange: (target: Target) => void;
  onRemove: () => void;
  path: FieldPath;
  severities: readonly Choice<string>[];
  calendars: readonly Choice<string>[];
}) {
  const severityLabel = severities.find((choice) => choice.value === value.severity)?.label ?? value.severity;
  const title = `${severityLabel} ${METRIC_LABELS[value.metric].toLowerCase()}`;
  const set = (patch: Partial<Target>): void => onChange({ ...value, ...patch });
  const togglePause = (status: (typeof TICKET_STATUSES)[number], on: boolean): void =>
    set({ pause: { ...value.pause, statuses: on ? [...value.pause.statuses, status] : value.pause.statuses.filter((s) => s !== status) } });
  return (
    <li className="target" aria-label={title}>
      <div className="row">
        <SelectField label={`${title}: severity`} value={value.severity} choices={severities} path={[...path, 'severity']} onChange={(severity) => set({ severity })} />
        <SelectField label={`${title}: metric`} value={value.metric} choices={METRIC_CHOICES} path={[...path, 'metric']} onChange={(metric) => set({ metric })} />
        <NumberField
          label={`${title}: target`}
          value={value.duration.amount}
          min={0}
          path={[...path, 'duration', 'amount']}
          onChange={(amount) => set({ duration: { ...value.duration, amount } })}
        />
        <SelectField label={`${title}: unit`} value={value.duration.unit} choices={UNIT_CHOICES} path={[...path, 'duration', 'unit']} onChange={(unit) => set({ duration: { ...value.duration, unit } })} />
        <SelectField label={`${title}: calendar`} value={value.calendar} choices={calendars} path={[...path, 'calendar']} onChange={(calendar) => set({ calendar })} />
      </div>
      <div className="row">
        <CheckboxField
          label={`${title}: binding`}
          checked={value.binding}
          hint="Non-binding targets are shown but never count as breaches."
          path={[...path, 'binding']}
          onChange={(binding) => set({ binding })}
        />
        <OptionalNumberField
          label={`${title}: warn at % elapsed`}
          value={value.warn.percentElapsed}
          min={1}
          max={99}
          path={[...path, 'warn', 'percentElapsed']}
          onChange={(percentElapsed) => set({ warn: { ...value.warn, percentElapsed } })}
        />
        <OptionalNumberField
          label={`${title}: warn at minutes left`}
          value={value.warn.minutesLeft}
          min={1}
          path={[...path, 'warn', 'minutesLeft']}
          onChange={(minutesLeft) => set({ warn: { ...value.warn, minutesLeft } })}
        />
      </div>
      <div className="row">
        <SelectField label={`${title}: clock starts`} value={value.start.rule} choices={START_CHOICES} path={[...path, 'start', 'rule']} onChange={(rule) => set({ start: { ...value.start, rule } })} />
        {value.start.rule === 'next-window' && (
          <SelectField
            label={`${title}: service window`}
            value={value.start.windowCalendar ?? ''}
            choices={[{ value: '', label: 'the target’s calendar' }, ...calendars]}
            path={[...path, 'start', 'windowCalendar']}
            onChange={(windowCalendar) => set({ start: windowCalendar === '' ? { rule: value.start.rule } : { ...value.start, windowCalendar } })}
          />
        )}
      </div>
      <fieldset className="row">
        <legend>{title}: pause while the ticket is</legend>
        {TICKET_STATUSES.map((status) => (
          <CheckboxField key={status} label={status.replace('_', ' ')} checked={value.pause.statuses.includes(status)} onChange={(on) => togglePause(status, on)} />
        ))}
        <CheckboxField
          label="unless the customer spoke last"
          checked={value.pause.unlessCustomerSpokeLast}
          hint="Keeps counting when an agent parks a ticket with the customer’s question unanswered."
          onChange={(unlessCustomerSpokeLast) => set({ pause: { ...value.pause, unlessCustomerSpokeLast } })}
        />
      </fieldset>
      <IssueAt path={path} label={title} />
      <button type="button" aria-label={`Remove target ${title}`} onClick={onRemove}>
        Remove target
      </button>
    </li>
  );
}

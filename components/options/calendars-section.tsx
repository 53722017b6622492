import { useState } from 'react';
import type { CalendarEntry } from '../../lib/plans/config-schema.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { CalendarEditor } from './calendar-editor.tsx';
import { SelectField, TextField, type Choice } from './fields.tsx';
import { LockedSection } from './locked-section.tsx';
import { setOptional } from './optional.ts';
import { useEnvironment } from './options-environment.ts';

type NewKind = 'zoned' | 'follow-the-sun' | 'customer-hours';
const NEW_KINDS: readonly Choice<NewKind>[] = [
  { value: 'zoned', label: 'Fixed hours in one time zone' },
  { value: 'follow-the-sun', label: 'Follow-the-sun (several teams)' },
  { value: 'customer-hours', label: 'Customer’s business hours' },
];

const nineToFive = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } satisfies Record<string, [string, string][]>;

function newCalendar(kind: NewKind, zone: string): CalendarEntry {
  const weekly = structuredClone(nineToFive);
  if (kind === 'customer-hours') return { kind: 'customer-hours', name: 'Customer business hours', weekly, fallbackTimezone: zone };
  if (kind === 'zoned') return { kind: 'fixed', name: `Business hours (${zone})`, spec: { timezone: zone, weekly } };
  return {
    kind: 'fixed',
    name: 'Follow-the-sun',
    spec: { timezone: 'UTC', union: [{ name: 'Team 1', timezone: zone, weekly }, { name: 'Team 2', timezone: 'UTC', weekly: structuredClone(nineToFive) }] },
  };
}

/** Every calendar (the clocks' business time), each with a live preview. */
export function CalendarsSection() {
  const { zone } = useEnvironment();
  const calendars = useOptionsStore((state) => state.draft.calendars);
  const plans = useOptionsStore((state) => state.draft.plans);
  const edit = useOptionsStore((state) => state.edit);
  const [newId, setNewId] = useState('');
  const [newKind, setNewKind] = useState<NewKind>('zoned');
  const idError = newId !== '' && !/^[a-z0-9][a-z0-9_-]*$/.test(newId) ? 'expected a lower-case id (letters, digits, - and _)' : newId in calendars ? `a calendar "${newId}" already exists` : undefined;
  const usedBy = (id: string): string[] =>
    Object.values(plans)
      .filter((plan) => plan.versions.some((version) => version.targets.some((target) => target.calendar === id || target.start.windowCalendar === id)))
      .map((plan) => plan.name);

  return (
    <LockedSection parts={['calendars']} legend="Calendars">
      {Object.entries(calendars).map(([id, entry]) => (
        <details key={id} className="card" open={Object.keys(calendars).length === 1}>
          <summary>
            <strong>{entry.name || id}</strong> <code>{id}</code> <span className="muted">{entry.kind === 'customer-hours' ? 'customer hours' : 'union' in entry.spec ? 'follow-the-sun' : entry.spec.timezone}</span>
          </summary>
          <CalendarEditor id={id} value={entry} path={['calendars', id]} onChange={(next) => edit((draft) => {
              draft.calendars[id] = next;
            })} />
          <button
            type="button"
            className="danger"
            aria-label={`Delete calendar ${id}`}
            onClick={() =>
              edit((draft) => {
                // Targets that still use it are then reported by validation, naming each one.
                draft.calendars = setOptional(draft.calendars, id, undefined);
              })
            }
          >
            Delete calendar
          </button>
          {usedBy(id).length > 0 && <p className="hint">Used by {usedBy(id).join(', ')}.</p>}
        </details>
      ))}
      <form
        className="add-row"
        aria-label="Add a calendar"
        onSubmit={(event) => {
          event.preventDefault();
          if (newId === '' || idError !== undefined) return;
          edit((draft) => {
            draft.calendars[newId] = newCalendar(newKind, zone);
          });
          setNewId('');
        }}
      >
        <TextField label="New calendar id" value={newId} placeholder="uk-office" error={idError} onChange={setNewId} />
        <SelectField label="Kind" value={newKind} choices={NEW_KINDS} onChange={(kind) => setNewKind(kind)} />
        <button type="submit" disabled={newId === '' || idError !== undefined}>
          Add calendar
        </button>
      </form>
    </LockedSection>
  );
}

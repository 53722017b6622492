import type { HolidaySpec } from '../../lib/sla/index.ts';
import { SelectField, TextField, type Choice, type FieldPath } from './fields.tsx';
import { IcsImport } from './ics-import.tsx';
import { setOptional } from './optional.ts';

type Kind = 'date' | 'range' | 'annual';
const KINDS: readonly Choice<Kind>[] = [
  { value: 'date', label: 'One date' },
  { value: 'range', label: 'Range of dates' },
  { value: 'annual', label: 'Every year' },
];

const kindOf = (holiday: HolidaySpec): Kind => ('annual' in holiday ? 'annual' : holiday.through === undefined ? 'date' : 'range');

/** Keeps name and partial-day times when the kind changes. */
function withKind(holiday: HolidaySpec, kind: Kind, fallbackDate: string): HolidaySpec {
  const { name, from, to } = holiday;
  const common = { ...(name === undefined ? {} : { name }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  const date = 'date' in holiday ? holiday.date : fallbackDate;
  if (kind === 'annual') return { annual: date.slice(5), ...common };
  if (kind === 'range') return { date, through: date, ...common };
  return { date, ...common };
}

function HolidayRow({ holiday, onChange, onRemove, path, index, today }: { holiday: HolidaySpec; onChange: (h: HolidaySpec) => void; onRemove: () => void; path: FieldPath; index: number; today: string }) {
  const kind = kindOf(holiday);
  const title = holiday.name ?? `Holiday ${index + 1}`;
  // Empty optional fields are removed, not stored as "" (which would not validate).
  const set = <K extends 'from' | 'to' | 'name'>(key: K, text: string): void => onChange(setOptional(holiday, key, text));
  return (
    <li className="holiday" aria-label={title}>
      <SelectField label={`${title}: kind`} value={kind} choices={KINDS} onChange={(next) => onChange(withKind(holiday, next, today))} />
      {'annual' in holiday ? (
        <TextField label={`${title}: every year on (MM-DD)`} value={holiday.annual} placeholder="12-25" path={[...path, 'annual']} onChange={(annual) => 'annual' in holiday && onChange({ ...holiday, annual })} />
      ) : (
        <>
          <TextField label={`${title}: date`} type="date" value={holiday.date} path={[...path, 'date']} onChange={(date) => 'date' in holiday && onChange({ ...holiday, date })} />
          {kind === 'range' && <TextField label={`${title}: through`} type="date" value={holiday.through ?? ''} path={[...path, 'through']} onChange={(through) => 'date' in holiday && onChange({ ...holiday, through })} />}
        </>
      )}
      <TextField label={`${title}: closed from`} value={holiday.from ?? ''} placeholder="00:00" path={[...path, 'from']} hint="Leave empty for the whole day." onChange={(from) => set('from', from)} />
      <TextField label={`${title}: closed until`} value={holiday.to ?? ''} placeholder="24:00" path={[...path, 'to']} onChange={(to) => set('to', to)} />
      <TextField label={`${title}: name`} value={holiday.name ?? ''} path={[...path, 'name']} onChange={(name) => set('name', name)} />
      <button type="button" aria-label={`Remove ${title}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}

/**
 * Holidays of a calendar or a customer: single dates, ranges, annual dates, each optionally partial,
 * plus an ICS import (with a preview) for the holiday calendars people already have.
 */
export function HolidaysEditor({ value, onChange, path, zone, today, label = 'Holidays' }: { value: readonly HolidaySpec[]; onChange: (holidays: HolidaySpec[]) => void; path: FieldPath; zone: string; today: string; label?: string }) {
  return (
    <fieldset className="holidays-editor">
      <legend>{label}</legend>
      {value.length === 0 && <p className="muted">No holidays.</p>}
      <ol className="holiday-list">
        {value.map((holiday, i) => (
          <HolidayRow
            key={i}
            index={i}
            holiday={holiday}
            today={today}
            path={[...path, i]}
            onChange={(next) => onChange(value.map((old, j) => (j === i ? next : old)))}
            onRemove={() => onChange(value.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...value, { date: today }])}>
        Add holiday
      </button>
      <IcsImport zone={zone} label={label} onAdd={(holidays) => onChange([...value, ...holidays])} />
    </fieldset>
  );
}

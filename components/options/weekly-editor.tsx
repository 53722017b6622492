import { WEEKDAYS, type IntervalSpec, type Weekday } from '../../lib/sla/index.ts';
import { TextField, type FieldPath } from './fields.tsx';
import { setOptional } from './optional.ts';

export type Weekly = Partial<Record<Weekday, IntervalSpec[]>>;

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
/** Monday first, as business weeks are read. */
const ORDER: readonly Weekday[] = [...WEEKDAYS.slice(1), 'sun'];
const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const every = (days: readonly Weekday[], interval: IntervalSpec): Weekly => Object.fromEntries(days.map((day) => [day, [[...interval]]]));

/** One-click schedules (`["00:00","00:00"]` is a whole day, README "Business-time semantics"). */
const PRESETS: readonly { label: string; weekly: () => Weekly }[] = [
  { label: '09:00–17:00 Mon–Fri', weekly: () => every(WORKDAYS, ['09:00', '17:00']) },
  { label: '24x5 (Mon–Fri, all day)', weekly: () => every(WORKDAYS, ['00:00', '00:00']) },
  { label: '24x7', weekly: () => every(ORDER, ['00:00', '00:00']) },
  { label: 'Night shift 22:00–06:00 Mon–Fri', weekly: () => every(WORKDAYS, ['22:00', '06:00']) },
];

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const crossesMidnight = ([from, to]: IntervalSpec): boolean => /^\d\d:\d\d$/.test(from) && /^\d\d:\d\d$/.test(to) && minutes(to) <= minutes(from);

/**
 * Opening hours per weekday: any number of intervals a day (split shifts), an end at or before the
 * start continuing into the next day (night shifts), and presets.
 */
export function WeeklyEditor({ value, onChange, path, label = 'Weekly hours' }: { value: Weekly; onChange: (weekly: Weekly) => void; path: FieldPath; label?: string }) {
  const setDay = (day: Weekday, intervals: IntervalSpec[]): void => {
    onChange(setOptional(value, day, intervals.length === 0 ? undefined : intervals));
  };
  return (
    <fieldset className="weekly-editor">
      <legend>{label}</legend>
      <div className="presets" role="group" aria-label={`${label}: presets`}>
        {PRESETS.map((preset) => (
          <button key={preset.label} type="button" onClick={() => onChange(preset.weekly())}>
            {preset.label}
          </button>
        ))}
        <button type="button" onClick={() => onChange({})}>
          Closed all week
        </button>
      </div>
      <p className="hint">Times are HH:MM in the calendar’s zone; the end may be 24:00. An end at or before the start runs into the next day (a night shift); 00:00–00:00 is the whole day.</p>
      {ORDER.map((day) => {
        const intervals = value[day] ?? [];
        return (
          <div key={day} className="weekday" role="group" aria-label={DAY_NAMES[day]}>
            <span className="weekday-name">{DAY_NAMES[day]}</span>
            {intervals.length === 0 && <span className="muted">closed</span>}
            {intervals.map((interval, i) => (
              <div key={i} className="interval">
                <TextField
                  label={`${DAY_NAMES[day]} ${i + 1}: opens`}
                  value={interval[0]}
                  placeholder="09:00"
                  path={[...path, day, i, 0]}
                  onChange={(from) => setDay(day, intervals.map((old, j) => (j === i ? [from, old[1]] : old)))}
                />
                <TextField
                  label={`${DAY_NAMES[day]} ${i + 1}: closes`}
                  value={interval[1]}
                  placeholder="17:00"
                  path={[...path, day, i, 1]}
                  onChange={(to) => setDay(day, intervals.map((old, j) => (j === i ? [old[0], to] : old)))}
                />
                {crossesMidnight(interval) && <span className="badge">{interval[0] === interval[1] ? 'all day' : 'overnight'}</span>}
                <button type="button" aria-label={`Remove ${DAY_NAMES[day]} interval ${i + 1}`} onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </div>
            ))}
            <button type="button" aria-label={`Add interval on ${DAY_NAMES[day]}`} onClick={() => setDay(day, [...intervals, intervals.length > 0 ? ['13:00', '17:00'] : ['09:00', '17:00']])}>
              Add interval
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}

import type { CalendarEntry } from '../../lib/plans/config-schema.ts';
import { BusinessHoursPreview } from './business-hours-preview.tsx';
import { CalendarSpecEditor } from './calendar-spec-editor.tsx';
import { TextField, type FieldPath } from './fields.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { nowIn, useEnvironment } from './options-environment.ts';
import { TimezonePicker } from './timezone-picker.tsx';
import { WeeklyEditor } from './weekly-editor.tsx';

/** One calendar the plans refer to: fixed (one zone or follow-the-sun) or the customer's own hours. */
export function CalendarEditor({ id, value, onChange, path }: { id: string; value: CalendarEntry; onChange: (entry: CalendarEntry) => void; path: FieldPath }) {
  const { now } = useEnvironment();
  const title = value.name || id;
  return (
    <div className="calendar-editor">
      <TextField label={`${id}: name`} value={value.name} path={[...path, 'name']} onChange={(name) => onChange({ ...value, name })} />
      {value.kind === 'fixed' ? (
        <>
          <CalendarSpecEditor value={value.spec} title={title} path={[...path, 'spec']} onChange={(spec) => onChange({ ...value, spec })} />
          <BusinessHoursPreview spec={value.spec} title={title} />
        </>
      ) : (
        <>
          <p className="hint">Customer hours: the clock runs in each customer’s own time zone and with the customer’s holidays (set on the customer).</p>
          <WeeklyEditor label={`${title}: weekly hours`} value={value.weekly} path={[...path, 'weekly']} onChange={(weekly) => onChange({ ...value, weekly })} />
          <HolidaysEditor
            label={`${title}: holidays for every customer`}
            value={value.holidays ?? []}
            zone={value.fallbackTimezone}
            today={nowIn(now, value.fallbackTimezone).toISODate() ?? ''}
            path={[...path, 'holidays']}
            onChange={(holidays) => onChange({ ...value, holidays })}
          />
          <TimezonePicker
            label={`${title}: time zone for customers without one`}
            value={value.fallbackTimezone}
            path={[...path, 'fallbackTimezone']}
            onChange={(fallbackTimezone) => onChange({ ...value, fallbackTimezone })}
          />
          <BusinessHoursPreview spec={{ timezone: value.fallbackTimezone, weekly: value.weekly, holidays: value.holidays ?? [] }} title={`${title} (customer without a time zone)`} />
        </>
      )}
    </div>
  );
}

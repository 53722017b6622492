import { useState } from 'react';
import type { CalendarSpec, ZonedCalendarSpec } from '../../lib/sla/index.ts';
import { CheckboxField, type FieldPath } from './fields.tsx';
import { TimezonePicker } from './timezone-picker.tsx';
import { WeeklyEditor } from './weekly-editor.tsx';

const nineToFive = (timezone: string): ZonedCalendarSpec => ({
  timezone,
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
});

/**
 * The agent's working hours (notifications wait outside them): off, or a time zone with weekly
 * hours, stored as a calendar. Switching off and on again brings back the hours last shown.
 */
export function WorkingHoursEditor({ value, onChange, path, zone }: { value: CalendarSpec | null; onChange: (hours: CalendarSpec | null) => void; path: FieldPath; zone: string }) {
  const [remembered, setRemembered] = useState<ZonedCalendarSpec>(() => (value !== null && !('union' in value) ? value : nineToFive(zone)));
  const edit = (hours: ZonedCalendarSpec): void => {
    setRemembered(hours);
    onChange(hours);
  };
  return (
    <fieldset className="working-hours">
      <legend>Working hours</legend>
      <CheckboxField
        label="Only notify during my working hours"
        checked={value !== null}
        hint="Outside them notifications wait until your next working hour."
        onChange={(on) => onChange(on ? remembered : null)}
      />
      {value !== null && 'union' in value && (
        <p className="hint">Your working hours combine several calendars, which this page cannot edit; switch them off and on to start from weekly hours instead.</p>
      )}
      {value !== null && !('union' in value) && (
        <>
          <TimezonePicker label="My time zone" value={value.timezone} path={[...path, 'timezone']} onChange={(timezone) => edit({ ...value, timezone })} />
          <WeeklyEditor label="My weekly hours" value={value.weekly} path={[...path, 'weekly']} onChange={(weekly) => edit({ ...value, weekly })} />
        </>
      )}
    </fieldset>
  );
}

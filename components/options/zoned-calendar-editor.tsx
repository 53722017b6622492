import type { ZonedCalendarSpec } from '../../lib/sla/index.ts';
import type { FieldPath } from './fields.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { nowIn, useEnvironment } from './options-environment.ts';
import { TimezonePicker } from './timezone-picker.tsx';
import { WeeklyEditor } from './weekly-editor.tsx';

/** One regional calendar: its zone, weekly hours and holidays. */
export function ZonedCalendarEditor({ value, onChange, path, title }: { value: ZonedCalendarSpec; onChange: (spec: ZonedCalendarSpec) => void; path: FieldPath; title: string }) {
  const { now } = useEnvironment();
  return (
    <div className="zoned-calendar">
      <TimezonePicker label={`${title}: time zone`} value={value.timezone} path={[...path, 'timezone']} onChange={(timezone) => onChange({ ...value, timezone })} />
      <WeeklyEditor label={`${title}: weekly hours`} value={value.weekly} path={[...path, 'weekly']} onChange={(weekly) => onChange({ ...value, weekly })} />
      <HolidaysEditor
        label={`${title}: holidays`}
        value={value.holidays ?? []}
        zone={value.timezone}
        today={nowIn(now, value.timezone).toISODate() ?? ''}
        path={[...path, 'holidays']}
        onChange={(holidays) => onChange({ ...value, holidays })}
      />
    </div>
  );
}

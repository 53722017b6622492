import type { CalendarSpec, ZonedCalendarSpec } from '../../lib/sla/index.ts';
import { TextField, type FieldPath } from './fields.tsx';
import { TimezonePicker } from './timezone-picker.tsx';
import { ZonedCalendarEditor } from './zoned-calendar-editor.tsx';

const newMember = (): ZonedCalendarSpec => ({ name: 'New team', timezone: 'UTC', weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } });

/**
 * A fixed calendar's specification: one regional calendar, or a follow-the-sun union of regional
 * calendars (business time when any team is open; business days counted in the union's zone).
 */
export function CalendarSpecEditor({ value, onChange, path, title, member = false }: { value: CalendarSpec; onChange: (spec: CalendarSpec) => void; path: FieldPath; title: string; member?: boolean }) {
  if (!('union' in value)) {
    return (
      <>
        <ZonedCalendarEditor value={value} onChange={onChange} path={path} title={title} />
        {!member && (
          <button type="button" onClick={() => onChange({ timezone: value.timezone, union: [value, newMember()] })}>
            Make follow-the-sun (add another team)
          </button>
        )}
      </>
    );
  }
  const members = value.union;
  const setMember = (i: number, member: CalendarSpec): void => onChange({ ...value, union: members.map((old, j) => (j === i ? member : old)) });
  return (
    <div className="follow-the-sun">
      <p className="hint">Follow-the-sun: a moment is business time when any team below is open, each in its own time zone.</p>
      <TimezonePicker
        label={`${title}: zone where business days are counted`}
        optional
        value={value.timezone ?? ''}
        path={[...path, 'timezone']}
        onChange={(timezone) => {
          const next = { ...value };
          if (timezone === '') delete next.timezone;
          else next.timezone = timezone;
          onChange(next);
        }}
      />
      <ol className="members">
        {members.map((member, i) => {
          const memberTitle = member.name ?? `Team ${i + 1}`;
          return (
            <li key={i} aria-label={memberTitle}>
              <TextField label={`Team ${i + 1}: name`} value={member.name ?? ''} path={[...path, 'union', i, 'name']} onChange={(name) => setMember(i, { ...member, name })} />
              <CalendarSpecEditor member value={member} title={memberTitle} path={[...path, 'union', i]} onChange={(next) => setMember(i, next)} />
              <button type="button" aria-label={`Remove ${memberTitle}`} disabled={members.length === 1} onClick={() => onChange({ ...value, union: members.filter((_, j) => j !== i) })}>
                Remove team
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange({ ...value, union: [...members, newMember()] })}>
        Add team
      </button>
    </div>
  );
}

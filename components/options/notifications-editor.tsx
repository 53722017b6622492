import type { Preferences } from '../../lib/storage/preferences-storage.ts';
import { CheckboxField, SelectField, type Choice, type FieldPath } from './fields.tsx';
import { ThresholdsEditor } from './thresholds-editor.tsx';
import { WorkingHoursEditor } from './working-hours-editor.tsx';

type Notifications = Preferences['notifications'];

const SCOPES: readonly Choice<Notifications['scope']>[] = [
  { value: 'all', label: 'All tickets' },
  { value: 'mine', label: 'Only tickets assigned to me' },
];

/** Whether, for which tickets, at which thresholds and when the browser notifies the agent. */
export function NotificationsEditor({ value, onChange, path, zone, knowsMe }: { value: Notifications; onChange: (notifications: Notifications) => void; path: FieldPath; zone: string; knowsMe: boolean }) {
  return (
    <fieldset className="notifications">
      <legend>Notifications</legend>
      <CheckboxField label="Notify me about clocks at risk" checked={value.enabled} path={[...path, 'enabled']} onChange={(enabled) => onChange({ ...value, enabled })} />
      {/* Kept while notifications are off (a disabled fieldset), so switching back on restores them. */}
      <fieldset className="section-fieldset" disabled={!value.enabled}>
        <legend className="visually-hidden">When to notify</legend>
        <SelectField
          label="Notify about"
          value={value.scope}
          choices={SCOPES}
          path={[...path, 'scope']}
          hint={value.scope === 'mine' && !knowsMe ? 'Add your names or emails above: until then no ticket counts as yours.' : undefined}
          onChange={(scope) => onChange({ ...value, scope })}
        />
        <ThresholdsEditor value={value.thresholds} path={[...path, 'thresholds']} onChange={(thresholds) => onChange({ ...value, thresholds })} />
        <WorkingHoursEditor value={value.workingHours} zone={zone} path={[...path, 'workingHours']} onChange={(workingHours) => onChange({ ...value, workingHours })} />
      </fieldset>
    </fieldset>
  );
}

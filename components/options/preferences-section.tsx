import { PreferencesEditor } from './preferences-editor.tsx';
import { useEnvironment } from './options-environment.ts';
import { usePreferences } from './use-preferences.ts';

/** "My alerts": who the agent is in the helpdesks and how SLA Lens notifies them (their own preferences, not the team's configuration). */
export function PreferencesSection() {
  const { zone } = useEnvironment();
  const { stored, save } = usePreferences();
  if (stored === undefined) return <p role="status">Loading your preferences…</p>;
  return (
    <>
      {stored.problem !== undefined && (
        <p role="alert" className="field-error">
          Your stored preferences could not be used, so the defaults are shown; saving replaces them. {stored.problem}
        </p>
      )}
      <PreferencesEditor stored={stored.value} save={save} zone={zone} />
    </>
  );
}

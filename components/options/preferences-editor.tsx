import { useMemo, useState } from 'react';
import { parseOrThrow, SchemaError, type SchemaIssue } from '../../lib/schema-error.ts';
import { preferencesSchema, type Preferences } from '../../lib/storage/preferences-storage.ts';
import { FieldIssuesContext } from './field-issues.ts';
import { LinesField } from './fields.tsx';
import { IssueList } from './issue-list.tsx';
import { NotificationsEditor } from './notifications-editor.tsx';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

function validate(draft: Preferences): SchemaIssue[] {
  try {
    parseOrThrow(preferencesSchema, draft, 'preferences');
    return [];
  } catch (error) {
    if (error instanceof SchemaError) return [...error.issues];
    throw error;
  }
}

/** Issues of a one-per-line list (`me`, `me[2]`) as one message that says which line. */
function linesError(issues: readonly SchemaIssue[], key: string): string | undefined {
  const messages = issues.flatMap((issue) => {
    if (issue.path === key) return [issue.message];
    const line = new RegExp(`^${key}\\[(\\d+)\\]$`).exec(issue.path);
    return line ? [`line ${Number(line[1]) + 1}: ${issue.message}`] : [];
  });
  return messages.length > 0 ? messages.join('; ') : undefined;
}

const same = (a: Preferences, b: Preferences): boolean => JSON.stringify(a) === JSON.stringify(b);
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The agent's own preferences as a form: nothing is stored until Save, and only when every field is
 * valid. Changes stored elsewhere (another tab) are followed unless this form has unsaved edits.
 */
export function PreferencesEditor({ stored, save, zone }: { stored: Preferences; save: (preferences: Preferences) => Promise<Preferences>; zone: string }) {
  const [draft, setDraft] = useState(stored);
  const [base, setBase] = useState(stored);
  // Validation starts at the first Save, then follows every edit until the form is saved.
  const [checking, setChecking] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  if (stored !== base) {
    setBase(stored);
    if (same(draft, base)) setDraft(stored);
  }
  const issues = useMemo(() => (checking ? validate(draft) : []), [checking, draft]);
  const dirty = !same(draft, stored);

  const change = (next: Preferences): void => {
    setDraft(next);
    setSaveState({ kind: 'idle' });
  };
  const submit = async (): Promise<void> => {
    setChecking(true);
    if (validate(draft).length > 0) return;
    setSaveState({ kind: 'saving' });
    try {
      setDraft(await save(draft));
      setChecking(false);
      setSaveState({ kind: 'saved' });
    } catch (error) {
      setSaveState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const discard = (): void => {
    setDraft(stored);
    setChecking(false);
    setSaveState({ kind: 'idle' });
  };

  const status =
    issues.length > 0
      ? `Not saved: ${plural(issues.length, 'problem')} to fix, named below.`
      : saveState.kind === 'saving'
        ? 'Saving…'
        : saveState.kind === 'saved'
          ? 'Saved. Notifications follow these settings from now on.'
          : saveState.kind === 'failed'
            ? `Not saved: ${saveState.message}`
            : dirty
              ? 'Unsaved changes.'
              : '';

  return (
    <FieldIssuesContext value={issues}>
      <form
        className="preferences"
        aria-label="My alerts"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="hint">These settings are yours alone, kept in this browser: they are saved here, not with the team’s configuration.</p>
        <fieldset>
          <legend>Who I am in the helpdesks</legend>
          <LinesField
            label="My names and emails"
            value={draft.me}
            rows={3}
            error={linesError(issues, 'me')}
            hint="One per line, exactly as the helpdesks show the assignee. Tickets assigned to any of them are “mine” in the popup and notifications."
            onChange={(me) => change({ ...draft, me })}
          />
          <LinesField
            label="My groups"
            value={draft.myGroups}
            rows={3}
            error={linesError(issues, 'myGroups')}
            hint="One per line, as the helpdesks name them (“my groups” in the popup)."
            onChange={(myGroups) => change({ ...draft, myGroups })}
          />
        </fieldset>
        <NotificationsEditor
          value={draft.notifications}
          zone={zone}
          knowsMe={draft.me.length > 0}
          path={['notifications']}
          onChange={(notifications) => change({ ...draft, notifications })}
        />
        {issues.length > 0 && <IssueList issues={issues} label="Problems in my alerts" />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saveState.kind === 'saving'}>
            Save my alerts
          </button>
          <button type="button" disabled={!dirty} onClick={discard}>
            Discard changes
          </button>
        </div>
        <p className="save-status" role="status" aria-live="polite">
          {status}
        </p>
      </form>
    </FieldIssuesContext>
  );
}

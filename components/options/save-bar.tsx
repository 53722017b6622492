import { useOptionsStore } from '../../lib/state/options-store.ts';
import { IssueList } from './issue-list.tsx';

/** Unsaved-changes bar: save and discard, with every validation problem listed and announced. */
export function SaveBar() {
  const dirty = useOptionsStore((state) => state.dirty);
  const issues = useOptionsStore((state) => state.issues);
  const saveState = useOptionsStore((state) => state.saveState);
  const save = useOptionsStore((state) => state.save);
  const discard = useOptionsStore((state) => state.discard);
  const status =
    saveState.kind === 'saving'
      ? 'Saving…'
      : saveState.kind === 'saved'
        ? 'Saved.'
        : saveState.kind === 'failed'
          ? `Not saved: ${saveState.message}.`
          : issues.length > 0
            ? `${issues.length} problem${issues.length === 1 ? '' : 's'} to fix before saving.`
            : dirty
              ? 'Unsaved changes.'
              : 'All changes saved.';
  return (
    <section className="save-bar" aria-label="Save">
      <p className="save-status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="save-actions">
        <button type="button" className="primary" disabled={!dirty || saveState.kind === 'saving'} onClick={() => void save()}>
          Save
        </button>
        <button type="button" disabled={!dirty} onClick={discard}>
          Discard changes
        </button>
      </div>
      {issues.length > 0 && <IssueList issues={issues} label="Problems to fix" />}
    </section>
  );
}
